// Merging defaults, configuration file, environment and flags into a ServerConfig.
#include "server/app/ServerConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <optional>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;

namespace {

// One setting: its key in the INI file, its environment variable and its flag (any may be empty).
struct Source
{
    const char* iniKey;
    const char* envName;
    const char* flag;
};

constexpr Source kDataDir{"server/dataDir", "CONCLAVE_SERVER_DATA_DIR", "data-dir"};
constexpr Source kListen{"server/listen", "CONCLAVE_SERVER_LISTEN", "listen"};
constexpr Source kStorage{"storage/url", "CONCLAVE_SERVER_STORAGE", "storage"};
constexpr Source kStoragePasswordFile{"storage/passwordFile", "", ""};
constexpr Source kLogDir{"server/logDir", "CONCLAVE_SERVER_LOG_DIR", "log-dir"};
constexpr Source kServerKey{"server/keyFile", "CONCLAVE_SERVER_KEY_FILE", ""};
constexpr Source kOutbox{"smtp/outboxDir", "CONCLAVE_SERVER_OUTBOX_DIR", ""};
constexpr Source kPortFile{"", "", "port-file"};
constexpr Source kTlsCert{"tls/certificate", "CONCLAVE_SERVER_TLS_CERT", "tls-cert"};
constexpr Source kTlsKey{"tls/key", "CONCLAVE_SERVER_TLS_KEY", "tls-key"};
constexpr Source kSmtpHost{"smtp/host", "CONCLAVE_SMTP_HOST", "smtp-host"};
constexpr Source kSmtpPort{"smtp/port", "CONCLAVE_SMTP_PORT", "smtp-port"};
constexpr Source kSmtpSecurity{"smtp/security", "CONCLAVE_SMTP_SECURITY", "smtp-security"};
constexpr Source kSmtpUser{"smtp/user", "CONCLAVE_SMTP_USER", "smtp-user"};
constexpr Source kSmtpPasswordFile{"smtp/passwordFile", "", ""};
constexpr Source kSmtpFrom{"smtp/from", "CONCLAVE_SMTP_FROM", "smtp-from"};
constexpr Source kSmtpCa{"smtp/caFile", "CONCLAVE_SMTP_CA_FILE", ""};
constexpr Source kIdle{"limits/idleTimeoutSeconds", "CONCLAVE_SERVER_IDLE_TIMEOUT", "idle-timeout"};
constexpr Source kAbsolute{"limits/absoluteTimeoutSeconds", "CONCLAVE_SERVER_ABSOLUTE_TIMEOUT",
                           "absolute-timeout"};

QString tr(const char* text)
{
    return QCoreApplication::translate("ServerConfig", text);
}

class Reader
{
public:
    Reader(const QCommandLineParser& parser, const QProcessEnvironment& env, QSettings* ini)
        : m_parser(parser)
        , m_env(env)
        , m_ini(ini)
    {}

    std::optional<QString> value(const Source& source) const
    {
        if (*source.flag && m_parser.isSet(QString::fromLatin1(source.flag)))
            return m_parser.value(QString::fromLatin1(source.flag));
        if (*source.envName && m_env.contains(QString::fromLatin1(source.envName)))
            return m_env.value(QString::fromLatin1(source.envName));
        if (*source.iniKey && m_ini && m_ini->contains(QString::fromLatin1(source.iniKey)))
            return m_ini->value(QString::fromLatin1(source.iniKey)).toString();
        return std::nullopt;
    }

    QString string(const Source& source, const QString& fallback = {}) const
    {
        return value(source).value_or(fallback);
    }

    // Integers in [min, max]; a value outside gets an error naming the setting.
    Result<int> integer(const Source& source, int fallback, int min, int max) const
    {
        const auto text = value(source);
        if (!text)
            return fallback;
        bool ok = false;
        const int number = text->trimmed().toInt(&ok);
        if (!ok || number < min || number > max) {
            return Error::make(ErrorCode::InvalidInput,
                               tr("The setting %1 must be a whole number from %2 to %3.")
                                   .arg(QString::fromLatin1(source.iniKey))
                                   .arg(min)
                                   .arg(max),
                               QString::fromLatin1(source.iniKey));
        }
        return number;
    }

    QSettings* ini() const { return m_ini; }

private:
    const QCommandLineParser& m_parser;
    const QProcessEnvironment& m_env;
    QSettings* m_ini;
};

Result<QByteArray> readSecretFile(const QString& path, const QString& setting)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(ErrorCode::Io, tr("The file named by %1 cannot be read.").arg(setting), setting);
    }
    QByteArray bytes = file.readAll();
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}

Result<bool> parseListen(const QString& text, ServerConfig& config)
{
    // host:port, [v6]:port, or host alone.
    QString host = text.trimmed();
    QString port;
    if (host.startsWith(QLatin1Char('['))) {
        const auto end = host.indexOf(QLatin1Char(']'));
        if (end > 0) {
            port = host.mid(end + 1).startsWith(QLatin1Char(':')) ? host.mid(end + 2) : QString();
            host = host.mid(1, end - 1);
        }
    } else if (host.count(QLatin1Char(':')) == 1) {
        port = host.section(QLatin1Char(':'), 1);
        host = host.section(QLatin1Char(':'), 0, 0);
    }
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host)) {
        return Error::make(ErrorCode::InvalidInput,
                           tr("The listen address must be an IP address with an optional port, "
                              "such as 127.0.0.1:8443."),
                           QStringLiteral("listen"));
    }
    config.http.listenAddress = address;
    if (!port.isEmpty()) {
        bool ok = false;
        const uint number = port.toUInt(&ok);
        if (!ok || number > 65535) {
            return Error::make(ErrorCode::InvalidInput,
                               tr("The listen port must be a number from 0 to 65535."),
                               QStringLiteral("listen"));
        }
        config.http.port = quint16(number);
    }
    return true;
}

} // namespace

void ServerConfig::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("config"), tr("Read settings from this INI file."), tr("file")},
        {QStringLiteral("data-dir"), tr("Folder for the database, key, outbox and logs."), tr("dir")},
        {QStringLiteral("listen"),
         tr("Address and port to listen on (default 127.0.0.1:8443; "
            "port 0 picks a free one)."),
         tr("host:port")},
        {QStringLiteral("storage"),
         tr("sqlite:<file> or postgresql://user@host:port/database "
            "(password from CONCLAVE_STORAGE_PASSWORD)."),
         tr("url")},
        {QStringLiteral("log-dir"), tr("Folder for diagnostic logs (kept 7 days)."), tr("dir")},
        {QStringLiteral("port-file"), tr("Write the bound port to this file once listening."), tr("file")},
        {QStringLiteral("print-port"), tr("Print the bound port on standard output.")},
        {QStringLiteral("tls-cert"), tr("Serve HTTPS with this PEM certificate."), tr("file")},
        {QStringLiteral("tls-key"), tr("Private key of the TLS certificate (PEM)."), tr("file")},
        {QStringLiteral("smtp-host"), tr("SMTP server for verification mail."), tr("host")},
        {QStringLiteral("smtp-port"), tr("SMTP port (default 587)."), tr("port")},
        {QStringLiteral("smtp-security"), tr("starttls (default) or none (loopback only)."), tr("mode")},
        {QStringLiteral("smtp-user"), tr("SMTP user (password from CONCLAVE_SMTP_PASSWORD)."), tr("user")},
        {QStringLiteral("smtp-from"), tr("Sender address of verification mail."), tr("address")},
        {QStringLiteral("idle-timeout"),
         tr("Sign sessions out after this many idle seconds "
            "(at most 900)."),
         tr("seconds")},
        {QStringLiteral("absolute-timeout"),
         tr("End sessions this many seconds after sign-in "
            "(at most 43200)."),
         tr("seconds")},
    });
}

Result<ServerConfig> ServerConfig::resolve(const QCommandLineParser& parser, const QProcessEnvironment& env)
{
    ServerConfig config;
    std::unique_ptr<QSettings> ini;
    QString configFile = parser.isSet(QStringLiteral("config"))
                             ? parser.value(QStringLiteral("config"))
                             : env.value(QStringLiteral("CONCLAVE_SERVER_CONFIG"));
    if (!configFile.isEmpty()) {
        if (!QFileInfo(configFile).isReadable()) {
            return Error::make(ErrorCode::Io, tr("The configuration file cannot be read."),
                               QStringLiteral("config"));
        }
        ini = std::make_unique<QSettings>(configFile, QSettings::IniFormat);
        if (ini->status() != QSettings::NoError) {
            return Error::make(ErrorCode::InvalidInput, tr("The configuration file is not valid INI."),
                               QStringLiteral("config"));
        }
    }
    const Reader reader(parser, env, ini.get());

    config.dataDir = reader.string(kDataDir);
    if (config.dataDir.isEmpty()) {
        return Error::make(ErrorCode::InvalidInput,
                           tr("Say where the server keeps its data with --data-dir, "
                              "CONCLAVE_SERVER_DATA_DIR or server/dataDir."),
                           QStringLiteral("dataDir"));
    }
    config.dataDir = QDir(config.dataDir).absolutePath();
    const QDir data(config.dataDir);

    if (const auto listen = reader.value(kListen)) {
        if (auto parsed = parseListen(*listen, config); !parsed)
            return parsed.error();
    }
    config.storageUrl = reader.string(kStorage, QStringLiteral("sqlite:") +
                                                    data.filePath(QStringLiteral("conclave-server.sqlite")));
    if (env.contains(QStringLiteral("CONCLAVE_STORAGE_PASSWORD"))) {
        config.storagePassword = env.value(QStringLiteral("CONCLAVE_STORAGE_PASSWORD")).toUtf8();
    } else if (const auto file = reader.value(kStoragePasswordFile)) {
        auto secret = readSecretFile(*file, QStringLiteral("storage/passwordFile"));
        if (!secret)
            return secret.error();
        config.storagePassword = secret.value();
    }
    config.logDir = reader.string(kLogDir, data.filePath(QStringLiteral("logs")));
    config.serverKeyFile = reader.string(kServerKey, data.filePath(QStringLiteral("server.key")));
    config.outboxDir = reader.string(kOutbox, data.filePath(QStringLiteral("outbox")));
    config.portFile = reader.string(kPortFile);
    config.printPort = parser.isSet(QStringLiteral("print-port"));
    config.http.tlsCertificate = reader.string(kTlsCert);
    config.http.tlsKey = reader.string(kTlsKey);
    if (config.http.tlsCertificate.isEmpty() != config.http.tlsKey.isEmpty()) {
        return Error::make(ErrorCode::InvalidInput,
                           tr("Give both a TLS certificate and its key, or neither."), QStringLiteral("tls"));
    }
    const QString trust =
        reader.string({"server/trustForwardedFor", "CONCLAVE_SERVER_TRUST_PROXY", ""}).toLower();
    config.http.trustForwardedFor = trust == QLatin1String("true") || trust == QLatin1String("1");
    config.testClockFile = env.value(QStringLiteral("CONCLAVE_SERVER_TEST_CLOCK_FILE"));

    SmtpSettings& smtp = config.smtp;
    smtp.host = reader.string(kSmtpHost);
    auto port = reader.integer(kSmtpPort, 587, 1, 65535);
    if (!port)
        return port.error();
    smtp.port = quint16(port.value());
    const QString security = reader.string(kSmtpSecurity, QStringLiteral("starttls")).toLower();
    if (security == QLatin1String("starttls")) {
        smtp.security = SmtpSettings::Security::StartTls;
    } else if (security == QLatin1String("none")) {
        smtp.security = SmtpSettings::Security::None;
    } else {
        return Error::make(ErrorCode::InvalidInput, tr("The setting smtp/security must be starttls or none."),
                           QStringLiteral("smtp/security"));
    }
    smtp.user = reader.string(kSmtpUser);
    if (env.contains(QStringLiteral("CONCLAVE_SMTP_PASSWORD"))) {
        smtp.password = env.value(QStringLiteral("CONCLAVE_SMTP_PASSWORD")).toUtf8();
    } else if (const auto file = reader.value(kSmtpPasswordFile)) {
        auto secret = readSecretFile(*file, QStringLiteral("smtp/passwordFile"));
        if (!secret)
            return secret.error();
        smtp.password = secret.value();
    }
    smtp.from = reader.string(kSmtpFrom, smtp.from);
    smtp.caFile = reader.string(kSmtpCa);

    ServerLimits& limits = config.limits;
    // Timeouts may be lowered for stricter deployments, never raised past DESIGN §3.
    auto idle = reader.integer(kIdle, limits.idleTimeoutSeconds, 1, ServerLimits::kMaxIdleSeconds);
    if (!idle)
        return idle.error();
    limits.idleTimeoutSeconds = idle.value();
    auto absolute =
        reader.integer(kAbsolute, limits.absoluteTimeoutSeconds, 1, ServerLimits::kMaxAbsoluteSeconds);
    if (!absolute)
        return absolute.error();
    limits.absoluteTimeoutSeconds = absolute.value();

    // Rate limits are file-only settings: operators tune them rarely and deliberately.
    struct IntLimit
    {
        Source source;
        int* target;
        int min;
        int max;
    };
    const IntLimit intLimits[] = {
        {{"limits/windowSeconds", "", ""}, &limits.windowSeconds, 1, 24 * 3600},
        {{"limits/loginPerAccount", "", ""}, &limits.loginPerAccount, 1, 1000},
        {{"limits/loginPerAddress", "", ""}, &limits.loginPerAddress, 1, 100000},
        {{"limits/signupPerAddress", "", ""}, &limits.signupPerAddress, 1, 100000},
        {{"limits/verifyPerAccount", "", ""}, &limits.verifyPerAccount, 1, 1000},
        {{"limits/verifyPerAddress", "", ""}, &limits.verifyPerAddress, 1, 100000},
        {{"limits/resendPerAccount", "", ""}, &limits.resendPerAccount, 1, 1000},
        {{"limits/lookupPerAccount", "", ""}, &limits.lookupPerAccount, 1, 100000},
        {{"limits/verificationCodeMinutes", "", ""}, &limits.verificationCodeMinutes, 1, 7 * 24 * 60},
    };
    for (const IntLimit& limit : intLimits) {
        auto value = reader.integer(limit.source, *limit.target, limit.min, limit.max);
        if (!value)
            return value.error();
        *limit.target = value.value();
    }
    auto body = reader.integer({"limits/maxBodyBytes", "", ""}, int(limits.maxBodyBytes), 1024,
                               int(ServerLimits::kMaxBodyBytes));
    if (!body)
        return body.error();
    limits.maxBodyBytes = body.value();
    auto rotationBody =
        reader.integer({"limits/maxRotationBodyBytes", "", ""}, int(limits.maxRotationBodyBytes), 1024,
                       int(ServerLimits::kMaxRotationBodyBytes));
    if (!rotationBody)
        return rotationBody.error();
    limits.maxRotationBodyBytes = rotationBody.value();

    // The audit's retention per object and checkpoint interval: file-only, like the limits.
    auto kept = reader.integer({"audit/entriesPerObject", "", ""}, config.audit.entriesPerObject, 1, 1000);
    if (!kept)
        return kept.error();
    config.audit.entriesPerObject = kept.value();
    auto every = reader.integer({"audit/checkpointEvery", "", ""}, config.audit.checkpointEvery, 1, 1000000);
    if (!every)
        return every.error();
    config.audit.checkpointEvery = every.value();
    return config;
}

} // namespace Conclave::Server
