// ServerConfig: everything conclave-server is told, merged from (lowest to highest) built-in
// defaults, an INI file (--config or CONCLAVE_SERVER_CONFIG), environment variables and
// command-line flags. Secrets (SMTP and database passwords) come only from the environment
// or from files named in the configuration, never from flags, so they stay off `ps`.
#pragma once

#include "server/http/HttpSettings.h"
#include "server/services/AuditSettings.h"
#include "server/services/ServerLimits.h"
#include "server/services/SmtpSettings.h"

#include "core/util/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>

class QCommandLineParser;

namespace Conclave::Server {

struct ServerConfig
{
    QString dataDir;
    QString storageUrl; // sqlite:<path> or postgresql://user@host:port/db
    QByteArray storagePassword;
    QString logDir;        // default <dataDir>/logs
    QString serverKeyFile; // default <dataDir>/server.key
    QString outboxDir;     // default <dataDir>/outbox
    QString portFile;      // written with the bound port once listening
    bool printPort = false;
    HttpSettings http;
    QString testClockFile; // CONCLAVE_SERVER_TEST_CLOCK_FILE: clock offset for tests only
    SmtpSettings smtp;
    ServerLimits limits;
    AuditSettings audit;

    static void addOptions(QCommandLineParser& parser);
    // Reads the sources in order; every problem comes back as a sentence naming the setting.
    static Core::Result<ServerConfig> resolve(const QCommandLineParser& parser,
                                              const QProcessEnvironment& env);
};

} // namespace Conclave::Server
