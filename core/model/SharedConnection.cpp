// SharedConnection: see the header.
#include "core/model/SharedConnection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::SharedConnection)
};

const QString kFormat = QStringLiteral("conclave.connection");

// Generous bounds: a list longer than these is not a connection someone typed.
constexpr qsizetype kMaxHosts = 64;
constexpr qsizetype kMaxOptions = 256;
constexpr qsizetype kMaxTags = 256;

const QStringList& knownTopKeys()
{
    static const QStringList keys = {QStringLiteral("format"),    QStringLiteral("v"),
                                     QStringLiteral("createdBy"), QStringLiteral("createdAt"),
                                     QStringLiteral("changedAt"), QStringLiteral("fields")};
    return keys;
}

const QStringList& knownFieldKeys()
{
    static const QStringList keys = {QStringLiteral("name"),
                                     QStringLiteral("kind"),
                                     QStringLiteral("srv"),
                                     QStringLiteral("hosts"),
                                     QStringLiteral("defaultDatabase"),
                                     QStringLiteral("options"),
                                     QStringLiteral("tls"),
                                     QStringLiteral("ssh"),
                                     QStringLiteral("color"),
                                     QStringLiteral("tags"),
                                     QStringLiteral("notes"),
                                     QStringLiteral("group")};
    return keys;
}

Error bad(const QString& field, const QString& why)
{
    return Error::make(ErrorCode::Corrupt, Tr::tr("The shared connection cannot be read: %1").arg(why),
                       field);
}

Error wrongType(const QString& field)
{
    return bad(field, Tr::tr("“%1” has the wrong type.").arg(field));
}

QString timeText(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString hostText(const HostPort& hp, bool srv)
{
    const QString host = hp.host.contains(QLatin1Char(':')) ? u'[' + hp.host + u']' : hp.host;
    return srv ? host : host + u':' + QString::number(hp.port);
}

// "host:port", "[v6]:port", or for SRV the bare name.
std::optional<HostPort> parseHost(const QString& text, bool srv)
{
    HostPort hp;
    QString rest = text;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        hp.host = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
    } else {
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        hp.host = colon < 0 ? rest : rest.left(colon);
        rest = colon < 0 ? QString() : rest.mid(colon);
    }
    if (rest.isEmpty())
        return srv ? std::optional<HostPort>(hp) : std::nullopt;
    if (srv || !rest.startsWith(QLatin1Char(':')))
        return std::nullopt;
    bool ok = false;
    const uint port = rest.mid(1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return std::nullopt;
    hp.port = quint16(port);
    return hp;
}

std::optional<QDateTime> parseTime(const QJsonValue& value)
{
    if (!value.isString())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

// Reads a string field; absent is "" (an author may leave a field out), other types refused.
bool readString(const QJsonObject& fields, const QString& key, QString& out)
{
    const QJsonValue value = fields.value(key);
    if (value.isUndefined() || value.isNull()) {
        out.clear();
        return true;
    }
    if (!value.isString())
        return false;
    out = value.toString();
    return true;
}

bool readBool(const QJsonObject& object, const QString& key, bool& out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        out = false;
        return true;
    }
    if (!value.isBool())
        return false;
    out = value.toBool();
    return true;
}

QJsonObject unknownOf(const QJsonObject& object, const QStringList& known)
{
    QJsonObject unknown;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            unknown.insert(it.key(), it.value());
    }
    return unknown;
}

} // namespace

SharedConnection SharedConnection::fromConnection(const Connection& local, const QString& group,
                                                  const QUuid& createdBy, const QDateTime& now)
{
    SharedConnection shared;
    shared.createdBy = createdBy;
    shared.createdAt = now.toUTC();
    return shared.edited(local, group, now);
}

SharedConnection SharedConnection::edited(const Connection& edited, const QString& newGroup,
                                          const QDateTime& now) const
{
    SharedConnection next = *this;
    Connection& c = next.connection;
    c = Connection();
    c.id = edited.id;
    c.name = edited.name;
    c.kind = edited.kind;
    c.srv = edited.srv;
    c.hosts = edited.hosts;
    c.defaultDatabase = edited.defaultDatabase;
    for (const ConnectionOption& option : edited.options) {
        if (!isSecretOption(option.first, option.second))
            c.options.append(option);
    }
    c.tls.enabled = edited.tls.enabled;
    c.tls.allowInvalidHostnames = edited.tls.allowInvalidHostnames;
    c.ssh.enabled = edited.ssh.enabled;
    c.ssh.host = edited.ssh.host;
    c.ssh.port = edited.ssh.port;
    c.ssh.auth = edited.ssh.auth;
    c.color = edited.color;
    c.tags = edited.tags;
    c.notes = edited.notes;
    next.group = groupSegments(newGroup).join(QLatin1Char('/'));
    next.changedAt = now.toUTC();
    return next;
}

QStringList SharedConnection::groupSegments(const QString& group)
{
    QStringList segments;
    for (const QString& part : group.split(QLatin1Char('/'))) {
        const QString name = part.trimmed();
        if (!name.isEmpty())
            segments.append(name);
    }
    return segments;
}

QUuid SharedConnection::conflictOf() const
{
    const QJsonValue value = unknownTop.value(QStringLiteral("conflictOf"));
    return value.isString() ? QUuid::fromString(value.toString()) : QUuid();
}

QDateTime SharedConnection::conflictAt() const
{
    return parseTime(unknownTop.value(QStringLiteral("conflictAt"))).value_or(QDateTime());
}

QByteArray SharedConnection::encode() const
{
    const Connection& c = connection;
    QJsonObject fields = unknownFields;
    fields.insert(QStringLiteral("name"), c.name);
    fields.insert(QStringLiteral("kind"), kindScheme(c.kind));
    fields.insert(QStringLiteral("srv"), c.srv);
    // What decode() refuses is never written: a host without a port (0, which the local
    // model reads as "the default") gets the kind's default port, an SSH port of 0 gets 22.
    QJsonArray hosts;
    for (HostPort hp : c.hosts) {
        if (!c.srv && hp.port == 0)
            hp.port = kindDefaultPort(c.kind);
        hosts.append(hostText(hp, c.srv));
    }
    fields.insert(QStringLiteral("hosts"), hosts);
    fields.insert(QStringLiteral("defaultDatabase"), c.defaultDatabase);
    QJsonArray options;
    for (const ConnectionOption& option : c.options) {
        // A secret never travels, whoever built this value.
        if (!isSecretOption(option.first, option.second))
            options.append(QJsonArray{option.first, option.second});
    }
    fields.insert(QStringLiteral("options"), options);
    fields.insert(QStringLiteral("tls"),
                  QJsonObject{{QStringLiteral("enabled"), c.tls.enabled},
                              {QStringLiteral("allowInvalidHostnames"), c.tls.allowInvalidHostnames}});
    fields.insert(QStringLiteral("ssh"),
                  QJsonObject{{QStringLiteral("enabled"), c.ssh.enabled},
                              {QStringLiteral("host"), c.ssh.host},
                              {QStringLiteral("port"), c.ssh.port == 0 ? 22 : int(c.ssh.port)},
                              {QStringLiteral("auth"), c.ssh.auth == SshAuthMethod::PrivateKey
                                                           ? QStringLiteral("key")
                                                           : QStringLiteral("password")}});
    fields.insert(QStringLiteral("color"), c.color);
    fields.insert(QStringLiteral("tags"), QJsonArray::fromStringList(c.tags));
    fields.insert(QStringLiteral("notes"), c.notes);
    fields.insert(QStringLiteral("group"), group);

    QJsonObject top = unknownTop;
    top.insert(QStringLiteral("format"), kFormat);
    top.insert(QStringLiteral("v"), kVersion);
    top.insert(QStringLiteral("createdBy"), createdBy.toString(QUuid::WithoutBraces));
    top.insert(QStringLiteral("createdAt"), timeText(createdAt));
    top.insert(QStringLiteral("changedAt"), timeText(changedAt));
    top.insert(QStringLiteral("fields"), fields);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

Result<SharedConnection> SharedConnection::decode(QByteArrayView plaintext, const QUuid& itemId)
{
    if (plaintext.size() > kMaxBytes)
        return bad({}, Tr::tr("it is larger than %n KiB.", nullptr, int(kMaxBytes / 1024)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(plaintext.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return bad({}, Tr::tr("it is not a JSON object."));
    const QJsonObject top = doc.object();
    if (top.value(QStringLiteral("format")).toString() != kFormat)
        return bad(QStringLiteral("format"), Tr::tr("it is not a connection."));
    const QJsonValue version = top.value(QStringLiteral("v"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()))
        return wrongType(QStringLiteral("v"));
    if (version.toInt() != kVersion)
        return Error::make(ErrorCode::VersionTooNew,
                           Tr::tr("The shared connection was written by a newer version of Conclave. "
                                  "Update Conclave to read it."),
                           QStringLiteral("v"));

    SharedConnection shared;
    const QJsonValue createdBy = top.value(QStringLiteral("createdBy"));
    shared.createdBy = QUuid::fromString(createdBy.toString());
    if (!createdBy.isString() || shared.createdBy.isNull())
        return wrongType(QStringLiteral("createdBy"));
    const std::optional<QDateTime> createdAt = parseTime(top.value(QStringLiteral("createdAt")));
    if (!createdAt)
        return wrongType(QStringLiteral("createdAt"));
    const std::optional<QDateTime> changedAt = parseTime(top.value(QStringLiteral("changedAt")));
    if (!changedAt)
        return wrongType(QStringLiteral("changedAt"));
    shared.createdAt = *createdAt;
    shared.changedAt = *changedAt;
    const QJsonValue fieldsValue = top.value(QStringLiteral("fields"));
    if (!fieldsValue.isObject())
        return wrongType(QStringLiteral("fields"));
    const QJsonObject fields = fieldsValue.toObject();
    shared.unknownTop = unknownOf(top, knownTopKeys());
    shared.unknownFields = unknownOf(fields, knownFieldKeys());

    Connection& c = shared.connection;
    c.id = itemId;
    QString kind;
    if (!readString(fields, QStringLiteral("name"), c.name))
        return wrongType(QStringLiteral("name"));
    if (!readString(fields, QStringLiteral("kind"), kind))
        return wrongType(QStringLiteral("kind"));
    bool knownKind = false;
    for (ConnectionKind k : allKinds()) {
        if (kindScheme(k) == kind) {
            c.kind = k;
            knownKind = true;
        }
    }
    if (!knownKind)
        return bad(QStringLiteral("kind"),
                   Tr::tr("the kind of connection “%1” is not known.").arg(kind.left(40)));
    if (!readBool(fields, QStringLiteral("srv"), c.srv))
        return wrongType(QStringLiteral("srv"));

    const QJsonValue hosts = fields.value(QStringLiteral("hosts"));
    if (!hosts.isArray())
        return wrongType(QStringLiteral("hosts"));
    if (hosts.toArray().size() > kMaxHosts)
        return bad(QStringLiteral("hosts"), Tr::tr("it lists more than %1 hosts.").arg(kMaxHosts));
    for (const QJsonValue& host : hosts.toArray()) {
        const std::optional<HostPort> hp = host.isString() ? parseHost(host.toString(), c.srv) : std::nullopt;
        if (!hp)
            return bad(QStringLiteral("hosts"), Tr::tr("a host is not of the form host:port."));
        c.hosts.append(*hp);
    }
    if (!readString(fields, QStringLiteral("defaultDatabase"), c.defaultDatabase))
        return wrongType(QStringLiteral("defaultDatabase"));

    const QJsonValue options = fields.value(QStringLiteral("options"));
    if (!options.isUndefined()) {
        if (!options.isArray())
            return wrongType(QStringLiteral("options"));
        if (options.toArray().size() > kMaxOptions)
            return bad(QStringLiteral("options"), Tr::tr("it has more than %1 options.").arg(kMaxOptions));
        for (const QJsonValue& option : options.toArray()) {
            const QJsonArray pair = option.toArray();
            if (!option.isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
                return wrongType(QStringLiteral("options"));
            c.options.append({pair.at(0).toString(), pair.at(1).toString()});
        }
    }

    const QJsonValue tls = fields.value(QStringLiteral("tls"));
    if (!tls.isUndefined()) {
        if (!tls.isObject() || !readBool(tls.toObject(), QStringLiteral("enabled"), c.tls.enabled) ||
            !readBool(tls.toObject(), QStringLiteral("allowInvalidHostnames"), c.tls.allowInvalidHostnames))
            return wrongType(QStringLiteral("tls"));
    }
    const QJsonValue ssh = fields.value(QStringLiteral("ssh"));
    if (!ssh.isUndefined()) {
        const QJsonObject s = ssh.toObject();
        if (!ssh.isObject() || !readBool(s, QStringLiteral("enabled"), c.ssh.enabled) ||
            !readString(s, QStringLiteral("host"), c.ssh.host))
            return wrongType(QStringLiteral("ssh"));
        const QJsonValue port = s.value(QStringLiteral("port"));
        if (!port.isUndefined()) {
            const double p = port.toDouble(-1);
            if (!port.isDouble() || p != double(int(p)) || p < 1 || p > 65535)
                return bad(QStringLiteral("ssh"), Tr::tr("the SSH port is not between 1 and 65535."));
            c.ssh.port = quint16(p);
        }
        QString auth;
        if (!readString(s, QStringLiteral("auth"), auth))
            return wrongType(QStringLiteral("ssh"));
        if (auth == QLatin1String("key"))
            c.ssh.auth = SshAuthMethod::PrivateKey;
        else if (auth.isEmpty() || auth == QLatin1String("password"))
            c.ssh.auth = SshAuthMethod::Password;
        else
            return bad(QStringLiteral("ssh"), Tr::tr("the SSH sign-in method is not known."));
    }
    if (!readString(fields, QStringLiteral("color"), c.color))
        return wrongType(QStringLiteral("color"));
    const QJsonValue tags = fields.value(QStringLiteral("tags"));
    if (!tags.isUndefined()) {
        if (!tags.isArray())
            return wrongType(QStringLiteral("tags"));
        if (tags.toArray().size() > kMaxTags)
            return bad(QStringLiteral("tags"), Tr::tr("it has more than %1 tags.").arg(kMaxTags));
        for (const QJsonValue& tag : tags.toArray()) {
            if (!tag.isString())
                return wrongType(QStringLiteral("tags"));
            c.tags.append(tag.toString());
        }
    }
    if (!readString(fields, QStringLiteral("notes"), c.notes))
        return wrongType(QStringLiteral("notes"));
    if (!readString(fields, QStringLiteral("group"), shared.group))
        return wrongType(QStringLiteral("group"));
    if (shared.group.size() > kMaxGroupLength)
        return bad(QStringLiteral("group"), Tr::tr("the sub-folder path is too long."));
    for (const QChar ch : std::as_const(shared.group)) {
        if (ch.category() == QChar::Other_Control)
            return bad(QStringLiteral("group"), Tr::tr("the sub-folder path contains control characters."));
    }
    shared.group = groupSegments(shared.group).join(QLatin1Char('/'));

    // Whatever the author's client let through, the same rules as for a local connection.
    for (const ConnectionOption& option : std::as_const(c.options)) {
        if (isSecretOption(option.first, option.second))
            return bad(QStringLiteral("options"), Tr::tr("it carries a secret option."));
    }
    if (Status valid = validateConnection(c); !valid)
        return bad(valid.error().field, valid.error().message);
    return shared;
}

} // namespace Conclave::Core
