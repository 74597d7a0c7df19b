// The Conclave export format (JSON, versioned) and URI-list export.
#include "core/model/ConnectionExporter.h"

#include "core/model/BoundedFile.h"
#include "core/model/ConnectionUri.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <climits>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages; a class lupdate can see, so the strings
// are extracted under the same context they are looked up with.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::ConnectionExporter)
};

const QString kFormatName = QStringLiteral("conclave-connections");

QJsonValue uuidValue(const QUuid& id)
{
    return id.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(id.toString(QUuid::WithoutBraces));
}

QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QString authName(SshAuthMethod auth)
{
    return auth == SshAuthMethod::PrivateKey ? QStringLiteral("privateKey") : QStringLiteral("password");
}

QJsonObject connectionObject(const Connection& c)
{
    QJsonArray hosts;
    for (const HostPort& hp : c.hosts)
        hosts.append(QJsonObject{{QStringLiteral("host"), hp.host}, {QStringLiteral("port"), int(hp.port)}});
    QJsonArray options;
    for (const ConnectionOption& option : c.options) {
        if (isSecretOption(option.first, option.second)) {
            qCWarning(lcCoreModel) << "export: left out a secret option of connection" << c.id;
            continue;
        }
        options.append(QJsonArray{option.first, option.second});
    }
    return QJsonObject{
        {QStringLiteral("id"), uuidValue(c.id)},
        {QStringLiteral("folderId"), uuidValue(c.folderId)},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("kind"), kindScheme(c.kind)},
        {QStringLiteral("srv"), c.srv},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("username"), c.username},
        {QStringLiteral("defaultDatabase"), c.defaultDatabase},
        {QStringLiteral("options"), options},
        {QStringLiteral("tls"),
         QJsonObject{{QStringLiteral("enabled"), c.tls.enabled},
                     {QStringLiteral("caFile"), c.tls.caFile},
                     {QStringLiteral("clientCertificate"), c.tls.hasClientCertificate},
                     {QStringLiteral("allowInvalidHostnames"), c.tls.allowInvalidHostnames}}},
        {QStringLiteral("ssh"), QJsonObject{{QStringLiteral("enabled"), c.ssh.enabled},
                                            {QStringLiteral("host"), c.ssh.host},
                                            {QStringLiteral("port"), int(c.ssh.port)},
                                            {QStringLiteral("user"), c.ssh.user},
                                            {QStringLiteral("auth"), authName(c.ssh.auth)}}},
        {QStringLiteral("color"), c.color},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
        {QStringLiteral("notes"), c.notes},
        {QStringLiteral("sortOrder"), c.sortOrder},
        {QStringLiteral("created"), timeValue(c.created)},
        {QStringLiteral("modified"), timeValue(c.modified)},
    };
}

// Reading: each helper checks the JSON type and reports the path of a bad value.
class Reader
{
public:
    bool failed() const { return !m_error.message.isEmpty(); }
    const Error& error() const { return m_error; }

    QString string(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(path + QLatin1Char('.') + QLatin1String(key), Tr::tr("must be text"));
        return v.toString();
    }
    bool boolean(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(path + QLatin1Char('.') + QLatin1String(key), Tr::tr("must be true or false"));
        return v.toBool();
    }
    qint64 integer(const QJsonObject& o, const char* key, const QString& path, qint64 min, qint64 max,
                   qint64 fallback)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != double(qint64(d)) || d < double(min) || d > double(max)) {
            fail(path + QLatin1Char('.') + QLatin1String(key),
                 Tr::tr("must be a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return qint64(d);
    }
    QUuid uuid(const QJsonObject& o, const char* key, const QString& path, bool required)
    {
        const QString text = string(o, key, path);
        if (text.isEmpty()) {
            if (required)
                fail(path + QLatin1Char('.') + QLatin1String(key), Tr::tr("is missing"));
            return {};
        }
        const QUuid id = QUuid::fromString(text);
        if (id.isNull())
            fail(path + QLatin1Char('.') + QLatin1String(key), Tr::tr("is not a valid identifier"));
        return id;
    }
    QDateTime time(const QJsonObject& o, const char* key, const QString& path)
    {
        const QString text = string(o, key, path);
        if (text.isEmpty())
            return {};
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            fail(path + QLatin1Char('.') + QLatin1String(key), Tr::tr("is not a date and time"));
        return t;
    }
    QJsonArray array(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(path + QLatin1Char('.') + QLatin1String(key), Tr::tr("must be a list"));
        return v.toArray();
    }
    QJsonObject object(const QJsonValue& v, const QString& path)
    {
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(path, Tr::tr("must be an object"));
        return v.toObject();
    }

    void fail(const QString& path, const QString& what)
    {
        if (failed())
            return;
        //: %1 is a position in the file such as connections[3].hosts[0].port, %2 what is wrong
        m_error = Error::make(ErrorCode::InvalidInput, Tr::tr("In the file, %1 %2.").arg(path, what), path);
    }

private:
    Error m_error;
};

Connection readConnection(Reader& r, const QJsonObject& o, const QString& path)
{
    Connection c;
    c.id = r.uuid(o, "id", path, true);
    c.folderId = r.uuid(o, "folderId", path, false);
    c.name = r.string(o, "name", path);
    const QString kind = r.string(o, "kind", path);
    bool kindKnown = false;
    for (const ConnectionKind candidate : allKinds()) {
        if (kindScheme(candidate) == kind) {
            c.kind = candidate;
            kindKnown = true;
        }
    }
    if (!kindKnown)
        r.fail(path + QStringLiteral(".kind"), Tr::tr("is not a supported kind (\"%1\")").arg(kind));
    c.srv = r.boolean(o, "srv", path);
    const QJsonArray hosts = r.array(o, "hosts", path);
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString hostPath = path + QStringLiteral(".hosts[%1]").arg(i);
        const QJsonObject h = r.object(hosts.at(i), hostPath);
        c.hosts.append(
            HostPort{r.string(h, "host", hostPath), quint16(r.integer(h, "port", hostPath, 0, 65535, 0))});
    }
    c.username = r.string(o, "username", path);
    c.defaultDatabase = r.string(o, "defaultDatabase", path);
    const QJsonArray options = r.array(o, "options", path);
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QJsonArray pair = options.at(i).toArray();
        if (!options.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString() ||
            !pair.at(1).isString()) {
            r.fail(path + QStringLiteral(".options[%1]").arg(i), Tr::tr("must be a pair of texts"));
            break;
        }
        c.options.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    const QString tlsPath = path + QStringLiteral(".tls");
    const QJsonObject tls = r.object(o.value(QStringLiteral("tls")), tlsPath);
    c.tls.enabled = r.boolean(tls, "enabled", tlsPath);
    c.tls.caFile = r.string(tls, "caFile", tlsPath);
    c.tls.hasClientCertificate = r.boolean(tls, "clientCertificate", tlsPath);
    c.tls.allowInvalidHostnames = r.boolean(tls, "allowInvalidHostnames", tlsPath);
    const QString sshPath = path + QStringLiteral(".ssh");
    const QJsonObject ssh = r.object(o.value(QStringLiteral("ssh")), sshPath);
    c.ssh.enabled = r.boolean(ssh, "enabled", sshPath);
    c.ssh.host = r.string(ssh, "host", sshPath);
    c.ssh.port = quint16(r.integer(ssh, "port", sshPath, 0, 65535, 22));
    c.ssh.user = r.string(ssh, "user", sshPath);
    const QString auth = r.string(ssh, "auth", sshPath);
    if (auth == authName(SshAuthMethod::PrivateKey))
        c.ssh.auth = SshAuthMethod::PrivateKey;
    else if (!auth.isEmpty() && auth != authName(SshAuthMethod::Password))
        r.fail(sshPath + QStringLiteral(".auth"), Tr::tr("must be \"password\" or \"privateKey\""));
    c.color = r.string(o, "color", path);
    const QJsonArray tags = r.array(o, "tags", path);
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (!tags.at(i).isString())
            r.fail(path + QStringLiteral(".tags[%1]").arg(i), Tr::tr("must be text"));
        c.tags.append(tags.at(i).toString());
    }
    c.notes = r.string(o, "notes", path);
    c.sortOrder = int(r.integer(o, "sortOrder", path, INT_MIN, INT_MAX, 0));
    c.created = r.time(o, "created", path);
    c.modified = r.time(o, "modified", path);
    return c;
}

Status writeAtomically(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error::make(ErrorCode::Io, Tr::tr("The export could not be written to %1: %2")
                                              .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

QByteArray ConnectionExporter::toJson(const QList<Folder>& folders, const QList<Connection>& connections)
{
    QJsonArray folderArray;
    for (const Folder& f : folders) {
        folderArray.append(QJsonObject{{QStringLiteral("id"), uuidValue(f.id)},
                                       {QStringLiteral("parentId"), uuidValue(f.parentId)},
                                       {QStringLiteral("name"), f.name},
                                       {QStringLiteral("sortOrder"), f.sortOrder}});
    }
    QJsonArray connectionArray;
    for (const Connection& c : connections)
        connectionArray.append(connectionObject(c));
    const QJsonObject root{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("exported"), timeValue(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("folders"), folderArray},
        {QStringLiteral("connections"), connectionArray},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString ConnectionExporter::toUriList(const QList<Connection>& connections)
{
    QString text = Tr::tr("# Conclave connections. Passwords are not included.") + QLatin1Char('\n');
    for (const Connection& c : connections) {
        Connection safe = c;
        safe.options.removeIf([](const ConnectionOption& o) { return isSecretOption(o.first, o.second); });
        // A name spanning lines would turn its second line into a URI for the importer.
        QString name = c.name;
        name.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
        text +=
            QStringLiteral("# ") + name + QLatin1Char('\n') + ConnectionUri::format(safe) + QLatin1Char('\n');
    }
    return text;
}

Status ConnectionExporter::writeJson(const QString& path, const QList<Folder>& folders,
                                     const QList<Connection>& connections)
{
    return writeAtomically(path, toJson(folders, connections));
}

Status ConnectionExporter::writeUriList(const QString& path, const QList<Connection>& connections)
{
    return writeAtomically(path, toUriList(connections).toUtf8());
}

Result<ConnectionExporter::Contents> ConnectionExporter::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(ErrorCode::InvalidInput,
                           Tr::tr("The file is not valid JSON (%1 at byte %2).")
                               .arg(parseError.errorString())
                               .arg(parseError.offset),
                           QStringLiteral("file"));
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QStringLiteral("format")).toString() != kFormatName)
        return Error::make(ErrorCode::InvalidInput, Tr::tr("The file is not a Conclave connections export."),
                           QStringLiteral("format"));
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const int version = versionValue.toInt(0);
    if (!versionValue.isDouble() || version < 1)
        return Error::make(ErrorCode::InvalidInput, Tr::tr("The export has no valid format version."),
                           QStringLiteral("version"));
    if (version > kFormatVersion)
        return Error::make(ErrorCode::VersionTooNew,
                           Tr::tr("The export was written by a newer version of Conclave (format %1; this "
                                  "version reads up to %2). Update Conclave to import it.")
                               .arg(version)
                               .arg(kFormatVersion),
                           QStringLiteral("version"));

    Contents contents;
    Reader reader;
    const QJsonArray folders = reader.array(root, "folders", QStringLiteral("file"));
    const QJsonArray connections = reader.array(root, "connections", QStringLiteral("file"));
    if (reader.failed())
        return reader.error();

    QSet<QUuid> folderIds;
    for (qsizetype i = 0; i < folders.size(); ++i) {
        const QString path = QStringLiteral("folders[%1]").arg(i);
        Reader r;
        const QJsonObject o = r.object(folders.at(i), path);
        Folder f;
        f.id = r.uuid(o, "id", path, true);
        f.parentId = r.uuid(o, "parentId", path, false);
        f.name = r.string(o, "name", path);
        f.sortOrder = int(r.integer(o, "sortOrder", path, INT_MIN, INT_MAX, 0));
        if (!r.failed() && f.name.trimmed().isEmpty())
            r.fail(path + QStringLiteral(".name"), Tr::tr("is empty"));
        if (!r.failed() && folderIds.contains(f.id))
            r.fail(path + QStringLiteral(".id"), Tr::tr("is used twice"));
        if (r.failed()) {
            contents.problems.append(r.error());
            continue;
        }
        folderIds.insert(f.id);
        contents.folders.append(f);
    }
    // A folder whose parent is not in the file goes to the top level rather than nowhere.
    for (qsizetype i = 0; i < contents.folders.size(); ++i) {
        Folder& f = contents.folders[i];
        if (!f.parentId.isNull() && (!folderIds.contains(f.parentId) || f.parentId == f.id)) {
            contents.problems.append(
                Error::make(ErrorCode::InvalidInput,
                            Tr::tr("The folder \"%1\" refers to a parent that is not in the "
                                   "file; it was put at the top level.")
                                .arg(f.name),
                            QStringLiteral("folders[%1].parentId").arg(i)));
            f.parentId = QUuid();
        }
    }

    QSet<QUuid> connectionIds;
    for (qsizetype i = 0; i < connections.size(); ++i) {
        const QString path = QStringLiteral("connections[%1]").arg(i);
        Reader r;
        const QJsonObject o = r.object(connections.at(i), path);
        Connection c = readConnection(r, o, path);
        if (!r.failed() && connectionIds.contains(c.id))
            r.fail(path + QStringLiteral(".id"), Tr::tr("is used twice"));
        if (r.failed()) {
            contents.problems.append(r.error());
            continue;
        }
        if (Status valid = validateConnection(c); !valid.ok()) {
            contents.problems.append(Error::make(
                ErrorCode::InvalidInput,
                Tr::tr("The connection \"%1\" was skipped: %2").arg(c.name, valid.error().message),
                path + QLatin1Char('.') + valid.error().field));
            continue;
        }
        if (!c.folderId.isNull() && !folderIds.contains(c.folderId)) {
            contents.problems.append(
                Error::make(ErrorCode::InvalidInput,
                            Tr::tr("The connection \"%1\" refers to a folder that is not in "
                                   "the file; it was put at the top level.")
                                .arg(c.name),
                            path + QStringLiteral(".folderId")));
            c.folderId = QUuid();
        }
        connectionIds.insert(c.id);
        contents.connections.append(c);
    }
    return contents;
}

Result<ConnectionExporter::Contents> ConnectionExporter::readJson(const QString& path)
{
    constexpr qint64 maxSize = 64 * 1024 * 1024;
    const Result<QByteArray> json = BoundedFile::read(
        path, maxSize,
        Tr::tr("The file %1 is too large to be a Conclave export.").arg(QDir::toNativeSeparators(path)));
    if (!json)
        return json.error();
    return fromJson(*json);
}

void ConnectionExporter::assignNewIds(Contents& contents)
{
    QHash<QUuid, QUuid> folderMap;
    for (Folder& f : contents.folders) {
        const QUuid fresh = QUuid::createUuid();
        folderMap.insert(f.id, fresh);
        f.id = fresh;
    }
    for (Folder& f : contents.folders)
        f.parentId = folderMap.value(f.parentId);
    for (Connection& c : contents.connections) {
        c.id = QUuid::createUuid();
        c.folderId = folderMap.value(c.folderId);
    }
}

} // namespace Conclave::Core
