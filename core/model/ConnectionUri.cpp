// Parsing and formatting of connection URIs. The grammar is the common subset of the
// MongoDB connection string spec, libpq's URIs, MySQL Shell URIs, redis-cli's -u and the
// ssh:// form: scheme://[user[:password]@]host[:port][,host[:port]...][/database][?options].
#include "core/model/ConnectionUri.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringDecoder>
#include <QUrl>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages; a class lupdate can see, so the strings
// are extracted under the same context they are looked up with.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::ConnectionUri)
};

Error invalid(const QString& field, const QString& message)
{
    return Error::make(ErrorCode::InvalidInput, message, field);
}

QString indexed(const char* list, qsizetype index, const char* member = nullptr)
{
    QString field = QLatin1String(list) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    if (member)
        field += QLatin1Char('.') + QLatin1String(member);
    return field;
}

struct SchemeInfo
{
    const char* name;
    ConnectionKind kind;
    bool srv;
    bool tls;
};

constexpr SchemeInfo kSchemes[] = {
    {"mongodb", ConnectionKind::MongoDB, false, false},
    {"mongodb+srv", ConnectionKind::MongoDB, true, true}, // SRV implies TLS unless tls=false
    {"postgresql", ConnectionKind::PostgreSQL, false, false},
    {"postgres", ConnectionKind::PostgreSQL, false, false},
    {"mysql", ConnectionKind::MySQL, false, false},
    {"mariadb", ConnectionKind::MySQL, false, false},
    {"redis", ConnectionKind::Redis, false, false},
    {"rediss", ConnectionKind::Redis, false, true},
    {"ssh", ConnectionKind::SSH, false, false},
};

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Decodes %XX escapes into bytes (the text around them as UTF-8). Strict: a '%' not
// followed by two hex digits is an error rather than a literal, so a mistyped password is
// reported instead of silently changed.
bool percentDecodeBytes(QStringView text, QByteArray* out)
{
    out->clear();
    out->reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%')) {
            const int high = i + 1 < text.size() ? hexValue(text.at(i + 1)) : -1;
            const int low = i + 2 < text.size() ? hexValue(text.at(i + 2)) : -1;
            if (high < 0 || low < 0)
                return false;
            out->append(char(high * 16 + low));
            i += 2;
        } else if (c.unicode() < 0x80) {
            out->append(char(c.unicode()));
        } else {
            // Non-ASCII typed directly (an IRI): keep it as UTF-8, surrogate pairs included.
            qsizetype length = 1;
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
                length = 2;
            out->append(text.sliced(i, length).toUtf8());
            i += length - 1;
        }
    }
    return true;
}

bool percentDecode(QStringView text, QString* out)
{
    QByteArray bytes;
    if (!percentDecodeBytes(text, &bytes))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder(bytes);
    return !decoder.hasError();
}

// Everything but RFC 3986 unreserved characters is escaped in user, password and
// database; option values keep a few characters readable that are safe in a query.
QString encodeStrict(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString encodeQueryValue(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, QByteArrayLiteral(":/,@")));
}

Result<bool> parseBool(const QString& value, qsizetype index)
{
    const QString lower = value.toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("1") || lower == QLatin1String("yes"))
        return true;
    if (lower == QLatin1String("false") || lower == QLatin1String("0") || lower == QLatin1String("no"))
        return false;
    return invalid(indexed("options", index, "value"),
                   Tr::tr("The option value \"%1\" must be true or false.").arg(value));
}

bool keyIs(const QString& key, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Status parseHost(QStringView entry, qsizetype index, bool srv, ConnectionKind kind, HostPort* out)
{
    const QString hostField = indexed("hosts", index, "host");
    const QString portField = indexed("hosts", index, "port");
    QStringView portText;
    bool hasPort = false;
    if (entry.startsWith(QLatin1Char('['))) {
        const qsizetype close = entry.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalid(
                hostField,
                Tr::tr("The IPv6 address in host %1 is missing its closing bracket.").arg(index + 1));
        QString address;
        if (!percentDecode(entry.sliced(1, close - 1), &address))
            return invalid(hostField, Tr::tr("Host %1 contains an invalid %-escape.").arg(index + 1));
        QHostAddress parsed;
        if (!address.contains(QLatin1Char(':')) || !parsed.setAddress(address))
            return invalid(hostField, Tr::tr("\"%1\" in brackets is not an IPv6 address.").arg(address));
        out->host = address;
        const QStringView rest = entry.sliced(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return invalid(hostField,
                               Tr::tr("Unexpected text after the IPv6 address of host %1.").arg(index + 1));
            hasPort = true;
            portText = rest.sliced(1);
        }
    } else {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        if (colon >= 0 && entry.indexOf(QLatin1Char(':'), colon + 1) >= 0)
            return invalid(hostField,
                           Tr::tr("An IPv6 address must be written in brackets, like [2001:db8::1]:%1.")
                               .arg(kindDefaultPort(kind)));
        const QStringView name = colon >= 0 ? entry.first(colon) : entry;
        if (name.contains(QLatin1Char('%')))
            return invalid(hostField, Tr::tr("Host %1 is encoded (a socket path?); only host names and IP "
                                             "addresses are supported.")
                                          .arg(index + 1));
        if (name.isEmpty())
            return invalid(hostField, Tr::tr("Host %1 is empty.").arg(index + 1));
        out->host = name.toString();
        if (colon >= 0) {
            hasPort = true;
            portText = entry.sliced(colon + 1);
        }
    }
    if (hasPort) {
        if (srv)
            return invalid(portField,
                           Tr::tr("A mongodb+srv URI cannot give a port; the SRV record provides it."));
        bool isNumber = false;
        const uint port = portText.toUInt(&isNumber, 10);
        bool digitsOnly = !portText.isEmpty();
        for (const QChar c : portText)
            digitsOnly = digitsOnly && c.isDigit() && c.unicode() < 0x80;
        if (!isNumber || !digitsOnly || port < 1 || port > 65535)
            return invalid(portField,
                           Tr::tr("The port \"%1\" of host %2 is not a number between 1 and 65535.")
                               .arg(portText.toString())
                               .arg(index + 1));
        out->port = quint16(port);
    } else {
        out->port = srv ? 0 : kindDefaultPort(kind);
    }
    return {};
}

} // namespace

QStringList ConnectionUri::schemes()
{
    QStringList list;
    for (const SchemeInfo& info : kSchemes)
        list.append(QLatin1String(info.name));
    return list;
}

Result<ConnectionUri::Parsed> ConnectionUri::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return invalid(QStringLiteral("uri"), Tr::tr("Enter a connection URI."));

    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return invalid(QStringLiteral("scheme"),
                       Tr::tr("This is not a connection URI; it must start with a scheme such as "
                              "mongodb:// or postgresql://."));
    const QString scheme = text.first(schemeEnd).toLower();
    const SchemeInfo* info = nullptr;
    for (const SchemeInfo& candidate : kSchemes) {
        if (scheme == QLatin1String(candidate.name))
            info = &candidate;
    }
    if (!info)
        return invalid(QStringLiteral("scheme"), Tr::tr("The scheme \"%1\" is not supported. Use one of: %2.")
                                                     .arg(scheme, schemes().join(QStringLiteral(", "))));

    Connection c;
    c.id = QUuid::createUuid();
    c.kind = info->kind;
    c.srv = info->srv;
    c.tls.enabled = info->tls;

    QStringView rest = QStringView(text).sliced(schemeEnd + 3);
    if (const qsizetype hash = rest.indexOf(QLatin1Char('#')); hash >= 0)
        return invalid(QStringLiteral("uri"),
                       Tr::tr("A connection URI cannot contain '#'. If it is part of the password, "
                              "write it as %23."));

    qsizetype authorityEnd = rest.size();
    for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?')}) {
        const qsizetype at = rest.indexOf(stop);
        if (at >= 0 && at < authorityEnd)
            authorityEnd = at;
    }
    QStringView authority = rest.first(authorityEnd);
    const QStringView afterAuthority = rest.sliced(authorityEnd);

    Parsed parsed;
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QStringView userInfo = authority.first(at);
        authority = authority.sliced(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        const QStringView user = colon >= 0 ? userInfo.first(colon) : userInfo;
        if (!percentDecode(user, &c.username))
            return invalid(QStringLiteral("username"),
                           Tr::tr("The user name contains an invalid %-escape; write '%' as %25."));
        if (colon >= 0) {
            QByteArray password;
            const bool decoded = percentDecodeBytes(userInfo.sliced(colon + 1), &password);
            if (decoded)
                parsed.password = SecureBytes::fromView(password);
            secureWipe(password);
            if (!decoded)
                return invalid(QStringLiteral("password"),
                               Tr::tr("The password contains an invalid %-escape; write '%' as %25."));
        }
    }

    if (authority.isEmpty())
        return invalid(QStringLiteral("hosts"), Tr::tr("The URI names no host."));
    const QList<QStringView> entries = authority.split(QLatin1Char(','));
    if (entries.size() > 1 && c.kind != ConnectionKind::MongoDB)
        return invalid(QStringLiteral("hosts"), Tr::tr("Only MongoDB URIs can list more than one host."));
    if (entries.size() > 1 && c.srv)
        return invalid(QStringLiteral("hosts"),
                       Tr::tr("A mongodb+srv URI names exactly one host, the SRV name."));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        HostPort hp;
        if (Status s = parseHost(entries.at(i), i, c.srv, c.kind, &hp); !s.ok())
            return s.error();
        c.hosts.append(hp);
    }

    QStringView path;
    QStringView query;
    if (afterAuthority.startsWith(QLatin1Char('/'))) {
        const qsizetype question = afterAuthority.indexOf(QLatin1Char('?'));
        path = question >= 0 ? afterAuthority.sliced(1, question - 1) : afterAuthority.sliced(1);
        if (question >= 0)
            query = afterAuthority.sliced(question + 1);
    } else if (afterAuthority.startsWith(QLatin1Char('?'))) {
        query = afterAuthority.sliced(1);
    }
    if (!percentDecode(path, &c.defaultDatabase))
        return invalid(QStringLiteral("defaultDatabase"),
                       Tr::tr("The database name contains an invalid %-escape."));
    if (c.kind == ConnectionKind::SSH && !c.defaultDatabase.isEmpty())
        return invalid(QStringLiteral("defaultDatabase"), Tr::tr("An ssh:// URI has no database part."));

    qsizetype index = 0;
    for (const QStringView pair : query.split(QLatin1Char('&'))) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        QString key;
        QString value;
        if (equals <= 0 || !percentDecode(pair.first(equals), &key) || key.isEmpty())
            return invalid(indexed("options", index, "key"),
                           Tr::tr("The option \"%1\" must be written as name=value.").arg(pair.toString()));
        if (!percentDecode(pair.sliced(equals + 1), &value))
            return invalid(indexed("options", index, "value"),
                           Tr::tr("The value of option \"%1\" contains an invalid %-escape.").arg(key));

        // Secrets never become options: a password option is the password (unless the
        // user info had one), anything else secret is dropped.
        if (isSecretOption(key, value)) {
            if (keyIs(key, {"password", "pass", "passwd", "pwd"}) && parsed.password.isEmpty()) {
                QByteArray bytes = value.toUtf8();
                parsed.password = SecureBytes::fromView(bytes);
                secureWipe(bytes);
            }
            value.fill(QChar(u'\0'));
            ++index;
            continue;
        }
        // TLS settings become fields of the connection; everything else stays an option.
        bool consumed = true;
        if (keyIs(key, {"tls", "ssl"})) {
            Result<bool> enabled = parseBool(value, index);
            if (!enabled.ok())
                return enabled.error();
            c.tls.enabled = *enabled;
        } else if (keyIs(key, {"tlsCAFile", "sslCAFile"}) ||
                   (c.kind == ConnectionKind::PostgreSQL && keyIs(key, {"sslrootcert"})) ||
                   (c.kind == ConnectionKind::MySQL && keyIs(key, {"ssl-ca", "sslCa"}))) {
            c.tls.caFile = value;
        } else if (keyIs(key, {"tlsAllowInvalidHostnames", "sslAllowInvalidHostnames"})) {
            Result<bool> allow = parseBool(value, index);
            if (!allow.ok())
                return allow.error();
            c.tls.allowInvalidHostnames = *allow;
        } else if (c.kind == ConnectionKind::PostgreSQL && keyIs(key, {"sslmode"})) {
            // "require" is what format() writes for TLS on; stricter modes stay options.
            const QString mode = value.toLower();
            c.tls.enabled = mode == QLatin1String("require") || mode == QLatin1String("verify-ca") ||
                            mode == QLatin1String("verify-full");
            consumed = mode == QLatin1String("require");
        } else if (c.kind == ConnectionKind::MySQL && keyIs(key, {"ssl-mode", "sslMode"})) {
            const QString mode = value.toUpper();
            c.tls.enabled = mode == QLatin1String("REQUIRED") || mode == QLatin1String("VERIFY_CA") ||
                            mode == QLatin1String("VERIFY_IDENTITY");
            consumed = mode == QLatin1String("REQUIRED");
        } else {
            consumed = false;
        }
        if (!consumed)
            c.options.append({key, value});
        ++index;
    }

    c.name = c.hosts.first().host;
    if (!c.defaultDatabase.isEmpty())
        c.name += QLatin1Char('/') + c.defaultDatabase;
    if (c.name.size() > 200)
        c.name.truncate(200);

    if (Status valid = validateConnection(c); !valid.ok())
        return valid.error();
    parsed.connection = std::move(c);
    return parsed;
}

QString ConnectionUri::format(const Connection& c, const SecureBytes* password)
{
    QString scheme = kindScheme(c.kind);
    if (c.srv)
        scheme = QStringLiteral("mongodb+srv");
    else if (c.kind == ConnectionKind::Redis && c.tls.enabled)
        scheme = QStringLiteral("rediss");

    QString uri = scheme + QStringLiteral("://");
    const bool withPassword = password && !password->isEmpty();
    if (!c.username.isEmpty() || withPassword) {
        uri += encodeStrict(c.username);
        if (withPassword) {
            QByteArray encoded = QByteArray::fromRawData(reinterpret_cast<const char*>(password->data()),
                                                         qsizetype(password->size()))
                                     .toPercentEncoding();
            uri += QLatin1Char(':') + QString::fromLatin1(encoded);
            secureWipe(encoded);
        }
        uri += QLatin1Char('@');
    }

    QStringList hosts;
    for (const HostPort& hp : c.hosts) {
        QString host = hp.host;
        if (host.contains(QLatin1Char(':')))
            host =
                QLatin1Char('[') + host.replace(QLatin1Char('%'), QStringLiteral("%25")) + QLatin1Char(']');
        if (!c.srv && hp.port != 0 && hp.port != kindDefaultPort(c.kind))
            host += QLatin1Char(':') + QString::number(hp.port);
        hosts.append(host);
    }
    uri += hosts.join(QLatin1Char(','));

    QStringList query;
    for (const ConnectionOption& option : c.options)
        query.append(encodeQueryValue(option.first) + QLatin1Char('=') + encodeQueryValue(option.second));
    const auto hasOption = [&c](std::initializer_list<const char*> names) {
        for (const ConnectionOption& option : c.options) {
            if (keyIs(option.first, names))
                return true;
        }
        return false;
    };
    switch (c.kind) {
    case ConnectionKind::MongoDB:
        if (c.tls.enabled != c.srv)
            query.append(c.tls.enabled ? QStringLiteral("tls=true") : QStringLiteral("tls=false"));
        break;
    case ConnectionKind::PostgreSQL:
        if (c.tls.enabled && !hasOption({"sslmode"}))
            query.append(QStringLiteral("sslmode=require"));
        break;
    case ConnectionKind::MySQL:
        if (c.tls.enabled && !hasOption({"ssl-mode", "sslMode"}))
            query.append(QStringLiteral("ssl-mode=REQUIRED"));
        break;
    case ConnectionKind::Redis:
    case ConnectionKind::SSH:
        break;
    }
    if (!c.tls.caFile.isEmpty()) {
        const QString key = c.kind == ConnectionKind::PostgreSQL ? QStringLiteral("sslrootcert")
                            : c.kind == ConnectionKind::MySQL    ? QStringLiteral("ssl-ca")
                                                                 : QStringLiteral("tlsCAFile");
        query.append(key + QLatin1Char('=') + encodeQueryValue(c.tls.caFile));
    }
    if (c.tls.allowInvalidHostnames)
        query.append(QStringLiteral("tlsAllowInvalidHostnames=true"));

    if (!c.defaultDatabase.isEmpty())
        uri += QLatin1Char('/') + encodeStrict(c.defaultDatabase);
    else if (!query.isEmpty() && c.kind == ConnectionKind::MongoDB)
        uri += QLatin1Char('/'); // the MongoDB spec requires "/" before "?"
    if (!query.isEmpty())
        uri += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return uri;
}

} // namespace Conclave::Core
