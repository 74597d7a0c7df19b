// Names, schemes and default ports of the connection kinds, and the checks a connection
// must pass before it is saved, imported or shared.
#include "core/model/Connection.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QRegularExpression>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages; a class lupdate can see, so the strings
// are extracted under the same context they are looked up with.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::Connection)
};

Error invalid(const QString& field, const QString& message)
{
    return Error::make(ErrorCode::InvalidInput, message, field);
}

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// A DNS name (letters of any script, digits, '-', '_' and dots) or an IP literal. IPv6
// literals come without brackets; a zone id ("fe80::1%eth0") is accepted.
bool isValidHost(const QString& host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    // QHostAddress stops reading at a NUL, so "2001:db8::1\0junk" would pass as IPv6.
    if (hasControlCharacters(host))
        return false;
    if (host.contains(QLatin1Char(':'))) {
        // A zone id ("fe80::1%eth0") names an interface; RFC 6874 allows only unreserved
        // characters there, so a URI can carry it without ambiguity ('#', '/', '?' cannot).
        const qsizetype percent = host.indexOf(QLatin1Char('%'));
        if (percent >= 0) {
            static const QRegularExpression zone(QStringLiteral("^[A-Za-z0-9._~-]+$"));
            if (!zone.match(host.mid(percent + 1)).hasMatch())
                return false;
        }
        QHostAddress address;
        return address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol;
    }
    if (host.startsWith(QLatin1Char('.')) || host.startsWith(QLatin1Char('-')) ||
        host.contains(QLatin1String("..")))
        return false;
    for (const QChar c : host) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('.') && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

bool isValidOptionKey(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.\\-]+$"));
    return pattern.match(key).hasMatch();
}

QString indexed(const char* list, qsizetype index, const char* member = nullptr)
{
    QString field = QLatin1String(list) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    if (member)
        field += QLatin1Char('.') + QLatin1String(member);
    return field;
}

bool isOneOf(const QString& key, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Status checkTlsOption(const Connection& c, const ConnectionOption& option, qsizetype index)
{
    const QString& key = option.first;
    if (isOneOf(key, {"tls", "ssl", "tlsCAFile", "sslCAFile", "tlsAllowInvalidHostnames",
                      "sslAllowInvalidHostnames"}) ||
        (c.kind == ConnectionKind::PostgreSQL && isOneOf(key, {"sslrootcert"})) ||
        (c.kind == ConnectionKind::MySQL && isOneOf(key, {"ssl-ca", "sslCa"})))
        return invalid(
            indexed("options", index, "key"),
            Tr::tr("\"%1\" is a TLS setting; set it in the TLS settings instead of as an option.").arg(key));
    bool modeEncrypts = false;
    if (c.kind == ConnectionKind::PostgreSQL && isOneOf(key, {"sslmode"}))
        modeEncrypts = isOneOf(option.second, {"require", "verify-ca", "verify-full"});
    else if (c.kind == ConnectionKind::MySQL && isOneOf(key, {"ssl-mode", "sslMode"}))
        modeEncrypts = isOneOf(option.second, {"REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY"});
    else
        return {};
    if (c.tls.enabled && !modeEncrypts)
        return invalid(indexed("options", index, "value"),
                       Tr::tr("TLS is on, but %1 \"%2\" allows unencrypted connections; choose a mode that "
                              "requires TLS or turn TLS off.")
                           .arg(key, option.second));
    if (!c.tls.enabled && modeEncrypts)
        return invalid(
            indexed("options", index, "value"),
            Tr::tr("%1 \"%2\" requires TLS; turn TLS on or remove the option.").arg(key, option.second));
    return {};
}

} // namespace

QString kindDisplayName(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::MongoDB:
        return QStringLiteral("MongoDB");
    case ConnectionKind::PostgreSQL:
        return QStringLiteral("PostgreSQL");
    case ConnectionKind::MySQL:
        return QStringLiteral("MySQL/MariaDB");
    case ConnectionKind::Redis:
        return QStringLiteral("Redis");
    case ConnectionKind::SSH:
        return QStringLiteral("SSH");
    }
    return {};
}

QString kindScheme(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::MongoDB:
        return QStringLiteral("mongodb");
    case ConnectionKind::PostgreSQL:
        return QStringLiteral("postgresql");
    case ConnectionKind::MySQL:
        return QStringLiteral("mysql");
    case ConnectionKind::Redis:
        return QStringLiteral("redis");
    case ConnectionKind::SSH:
        return QStringLiteral("ssh");
    }
    return {};
}

quint16 kindDefaultPort(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::MongoDB:
        return 27017;
    case ConnectionKind::PostgreSQL:
        return 5432;
    case ConnectionKind::MySQL:
        return 3306;
    case ConnectionKind::Redis:
        return 6379;
    case ConnectionKind::SSH:
        return 22;
    }
    return 0;
}

QList<ConnectionKind> allKinds()
{
    return {ConnectionKind::MongoDB, ConnectionKind::PostgreSQL, ConnectionKind::MySQL, ConnectionKind::Redis,
            ConnectionKind::SSH};
}

bool isSecretOption(const QString& key, const QString& value)
{
    const QString k = key.toLower();
    if (k == QLatin1String("pass") || k == QLatin1String("pwd") || k.contains(QLatin1String("password")) ||
        k.contains(QLatin1String("passwd")) || k.contains(QLatin1String("passphrase")) ||
        k.contains(QLatin1String("secret")) || k.contains(QLatin1String("token")) ||
        k.contains(QLatin1String("apikey")) || k.contains(QLatin1String("api_key")))
        return true;
    // MongoDB's AWS authentication can carry a session token inside this option.
    return k == QLatin1String("authmechanismproperties") &&
           value.contains(QLatin1String("AWS_SESSION_TOKEN"), Qt::CaseInsensitive);
}

Status validateConnection(const Connection& c)
{
    if (c.id.isNull())
        return invalid(QStringLiteral("id"), Tr::tr("The connection has no identifier."));
    if (!allKinds().contains(c.kind))
        return invalid(QStringLiteral("kind"), Tr::tr("The kind of connection is not supported."));

    const QString name = c.name.trimmed();
    if (name.isEmpty())
        return invalid(QStringLiteral("name"), Tr::tr("Enter a name for the connection."));
    if (c.name.size() > 200)
        return invalid(QStringLiteral("name"), Tr::tr("The name is too long (at most 200 characters)."));
    if (hasControlCharacters(c.name))
        return invalid(QStringLiteral("name"), Tr::tr("The name must not contain control characters."));

    if (c.hosts.isEmpty())
        return invalid(QStringLiteral("hosts"), Tr::tr("Enter a host to connect to."));
    if (c.hosts.size() > 1 && c.kind != ConnectionKind::MongoDB)
        return invalid(QStringLiteral("hosts"),
                       Tr::tr("Only MongoDB connections can have more than one host."));
    if (c.srv) {
        if (c.kind != ConnectionKind::MongoDB)
            return invalid(QStringLiteral("srv"), Tr::tr("Only MongoDB connections can use an SRV record."));
        if (c.hosts.size() != 1)
            return invalid(QStringLiteral("hosts"),
                           Tr::tr("A mongodb+srv connection needs exactly one host, the SRV name."));
    }
    for (qsizetype i = 0; i < c.hosts.size(); ++i) {
        const HostPort& hp = c.hosts.at(i);
        if (hp.host.isEmpty())
            return invalid(indexed("hosts", i, "host"), Tr::tr("Enter a host name or address."));
        if (!isValidHost(hp.host))
            return invalid(indexed("hosts", i, "host"),
                           Tr::tr("\"%1\" is not a valid host name or IP address.").arg(hp.host));
        if (c.srv) {
            if (hp.port != 0)
                return invalid(indexed("hosts", i, "port"),
                               Tr::tr("A mongodb+srv connection cannot have a port; the SRV record "
                                      "provides it."));
            if (hp.host.contains(QLatin1Char(':')) || !QHostAddress(hp.host).isNull())
                return invalid(indexed("hosts", i, "host"),
                               Tr::tr("A mongodb+srv connection needs a host name, not an IP address."));
        } else if (hp.port == 0) {
            return invalid(indexed("hosts", i, "port"), Tr::tr("Enter a port between 1 and 65535."));
        }
    }

    if (hasControlCharacters(c.username))
        return invalid(QStringLiteral("username"),
                       Tr::tr("The user name must not contain control characters."));
    if (hasControlCharacters(c.defaultDatabase))
        return invalid(QStringLiteral("defaultDatabase"),
                       Tr::tr("The database name must not contain control characters."));
    if (c.kind == ConnectionKind::Redis && !c.defaultDatabase.isEmpty()) {
        bool isNumber = false;
        const int index = c.defaultDatabase.toInt(&isNumber);
        if (!isNumber || index < 0)
            return invalid(QStringLiteral("defaultDatabase"),
                           Tr::tr("A Redis database is a number, 0 or greater."));
    }
    if (c.kind == ConnectionKind::SSH && !c.defaultDatabase.isEmpty())
        return invalid(QStringLiteral("defaultDatabase"), Tr::tr("An SSH connection has no database."));

    for (qsizetype i = 0; i < c.options.size(); ++i) {
        const ConnectionOption& option = c.options.at(i);
        if (option.first.isEmpty())
            return invalid(indexed("options", i, "key"), Tr::tr("Enter a name for the option."));
        if (!isValidOptionKey(option.first))
            return invalid(indexed("options", i, "key"),
                           Tr::tr("An option name may only contain letters, digits, '_', '.' and '-'."));
        if (isSecretOption(option.first, option.second))
            return invalid(indexed("options", i, "key"),
                           Tr::tr("The option \"%1\" holds a secret; secrets are kept in the keychain, "
                                  "not in options.")
                               .arg(option.first));
        if (hasControlCharacters(option.second))
            return invalid(indexed("options", i, "value"),
                           Tr::tr("An option value must not contain control characters."));
        // TLS lives in TlsSettings; an option saying otherwise would make the URI and the
        // settings disagree about whether the connection is encrypted.
        if (Status tls = checkTlsOption(c, option, i); !tls.ok())
            return tls;
    }

    if (c.kind == ConnectionKind::SSH && c.tls.enabled)
        return invalid(QStringLiteral("tls.enabled"), Tr::tr("SSH connections do not use TLS settings."));
    if (!c.tls.caFile.isEmpty()) {
        if (hasControlCharacters(c.tls.caFile))
            return invalid(QStringLiteral("tls.caFile"),
                           Tr::tr("The CA file path must not contain control characters."));
        if (!QDir::isAbsolutePath(c.tls.caFile))
            return invalid(QStringLiteral("tls.caFile"), Tr::tr("The CA file must be given as a full path."));
    }

    if (c.ssh.enabled) {
        if (c.ssh.host.isEmpty())
            return invalid(QStringLiteral("ssh.host"), Tr::tr("Enter the SSH host of the tunnel."));
        if (!isValidHost(c.ssh.host))
            return invalid(QStringLiteral("ssh.host"),
                           Tr::tr("\"%1\" is not a valid host name or IP address.").arg(c.ssh.host));
        if (c.ssh.port == 0)
            return invalid(QStringLiteral("ssh.port"), Tr::tr("Enter an SSH port between 1 and 65535."));
        if (hasControlCharacters(c.ssh.user) || c.ssh.user.contains(QLatin1Char('@')))
            return invalid(QStringLiteral("ssh.user"), Tr::tr("The SSH user name is not valid."));
    }

    static const QRegularExpression colorPattern(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!c.color.isEmpty() && !colorPattern.match(c.color).hasMatch())
        return invalid(QStringLiteral("color"), Tr::tr("The colour must be written as #rrggbb."));

    for (qsizetype i = 0; i < c.tags.size(); ++i) {
        const QString& tag = c.tags.at(i);
        if (tag.trimmed().isEmpty() || hasControlCharacters(tag) || tag.size() > 100)
            return invalid(indexed("tags", i),
                           Tr::tr("A tag must be a short text without control characters."));
    }
    if (c.notes.size() > 100000)
        return invalid(QStringLiteral("notes"),
                       Tr::tr("The notes are too long (at most 100,000 characters)."));
    return {};
}

} // namespace Conclave::Core
