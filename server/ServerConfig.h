// ServerConfig: everything conclave-server is told, merged from (lowest to highest) built-in
// defaults, an INI file (--config or CONCLAVE_SERVER_CONFIG), environment variables and
// command-line flags. Secrets (SMTP and database passwords) come only from the environment
// or from files named in the configuration, never from flags, so they stay off `ps`.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>

class QCommandLineParser;

namespace Conclave::Server {

struct SmtpSettings
{
    enum class Security
    {
        StartTls,
        None
    };
    QString host; // empty: mails go to the outbox folder
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user;
    QByteArray password; // from CONCLAVE_SMTP_PASSWORD or smtp/passwordFile
    QString from = QStringLiteral("conclave@localhost");
    QString caFile; // extra CA for the SMTP server's certificate
    int timeoutSeconds = 30;
};

struct ServerLimits
{
    static constexpr int kMaxIdleSeconds = 15 * 60;
    static constexpr int kMaxAbsoluteSeconds = 12 * 60 * 60;
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;

    int idleTimeoutSeconds = kMaxIdleSeconds;
    int absoluteTimeoutSeconds = kMaxAbsoluteSeconds;
    qint64 maxBodyBytes = kMaxBodyBytes;
    int windowSeconds = 15 * 60; // window of the counters below
    int loginPerAccount = 5;     // failed logins
    int loginPerAddress = 30;    // failed logins
    int signupPerAddress = 10;
    int verifyPerAccount = 5;  // wrong codes
    int verifyPerAddress = 30; // wrong codes
    int resendPerAccount = 3;
    int verificationCodeMinutes = 60;
};

struct ServerConfig
{
    QString dataDir;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8443;
    QString storageUrl; // sqlite:<path> or postgresql://user@host:port/db
    QByteArray storagePassword;
    QString logDir;        // default <dataDir>/logs
    QString serverKeyFile; // default <dataDir>/server.key
    QString outboxDir;     // default <dataDir>/outbox
    QString portFile;      // written with the bound port once listening
    bool printPort = false;
    QString tlsCertificate;
    QString tlsKey;
    bool trustForwardedFor = false; // take the client address from X-Real-IP (behind nginx)
    QString testClockFile;          // CONCLAVE_SERVER_TEST_CLOCK_FILE: clock offset for tests only
    SmtpSettings smtp;
    ServerLimits limits;

    static void addOptions(QCommandLineParser& parser);
    // Reads the sources in order; every problem comes back as a sentence naming the setting.
    static Core::Result<ServerConfig> resolve(const QCommandLineParser& parser,
                                              const QProcessEnvironment& env);
};

} // namespace Conclave::Server
