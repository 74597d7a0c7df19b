// The local SQLite database of folders and connections. Opening checks the file before
// anything is written to it (header, size, integrity, schema version), so a damaged file
// or one from a newer Conclave stays exactly as it was for the user to recover.
#include "core/storage/ConnectionStore.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <QtEndian>

#include <array>
#include <functional>
#include <unordered_map>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages; a class lupdate can see, so the strings
// are extracted under the same context they are looked up with.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::ConnectionStore)
};

// Forward migrations, in order: entry i takes the schema from version i to i + 1. Never
// edit a released entry; append a new one instead.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> list = {
        // v1: folders and connections. Lists (hosts, options) are packed into one text column
        // each (see packList) so that loading everything is one query per table.
        {
            QStringLiteral("CREATE TABLE folders ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " parent_id TEXT REFERENCES folders(id) ON DELETE CASCADE"
                           "   DEFERRABLE INITIALLY DEFERRED,"
                           " name TEXT NOT NULL,"
                           " sort_order INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE connections ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " folder_id TEXT REFERENCES folders(id) ON DELETE CASCADE"
                           "   DEFERRABLE INITIALLY DEFERRED,"
                           " name TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " srv INTEGER NOT NULL DEFAULT 0,"
                           " hosts TEXT NOT NULL DEFAULT '',"
                           " username TEXT NOT NULL DEFAULT '',"
                           " default_database TEXT NOT NULL DEFAULT '',"
                           " options TEXT NOT NULL DEFAULT '',"
                           " tls_enabled INTEGER NOT NULL DEFAULT 0,"
                           " tls_ca_file TEXT NOT NULL DEFAULT '',"
                           " tls_client_certificate INTEGER NOT NULL DEFAULT 0,"
                           " tls_allow_invalid_hostnames INTEGER NOT NULL DEFAULT 0,"
                           " ssh_enabled INTEGER NOT NULL DEFAULT 0,"
                           " ssh_host TEXT NOT NULL DEFAULT '',"
                           " ssh_port INTEGER NOT NULL DEFAULT 22,"
                           " ssh_user TEXT NOT NULL DEFAULT '',"
                           " ssh_auth TEXT NOT NULL DEFAULT 'password',"
                           " color TEXT NOT NULL DEFAULT '',"
                           " notes TEXT NOT NULL DEFAULT '',"
                           " sort_order INTEGER NOT NULL DEFAULT 0,"
                           " created TEXT,"
                           " modified TEXT)"),
        },
        // v2: tags on connections, and indexes on the foreign keys so that deleting a folder
        // (which cascades) does not scan every connection.
        {
            QStringLiteral("ALTER TABLE connections ADD COLUMN tags TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX connections_folder_id ON connections(folder_id)"),
            QStringLiteral("CREATE INDEX folders_parent_id ON folders(parent_id)"),
        },
        // v3: the Trash. Deleted rows are copied here, column for column (SELECT * of the live
        // table, plus the time), and leave the live tables as before; a column added to a live
        // table later is added to its Trash table in the same step. No foreign keys: a
        // trashed connection remembers a folder that may be live, trashed or gone.
        {
            QStringLiteral("CREATE TABLE trash_folders AS SELECT * FROM folders WHERE 0"),
            QStringLiteral("ALTER TABLE trash_folders ADD COLUMN deleted_at TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX trash_folders_id ON trash_folders(id)"),
            QStringLiteral("CREATE TABLE trash_connections AS SELECT * FROM connections WHERE 0"),
            QStringLiteral("ALTER TABLE trash_connections ADD COLUMN deleted_at TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX trash_connections_id ON trash_connections(id)"),
        },
    };
    return list;
}

const char* const kConnectionColumns =
    "id, folder_id, name, kind, srv, hosts, username, default_database, options, tls_enabled,"
    " tls_ca_file, tls_client_certificate, tls_allow_invalid_hostnames, ssh_enabled, ssh_host,"
    " ssh_port, ssh_user, ssh_auth, color, notes, sort_order, created, modified, tags";

QString uuidText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QVariant nullableUuid(const QUuid& id)
{
    return id.isNull() ? QVariant() : QVariant(uuidText(id));
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant timeText(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QDateTime parseTime(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Lists are stored as records separated by U+001E, fields within a record by U+001F.
// validateConnection rejects control characters in every value that goes in here, so the
// separators cannot occur in the data; this decodes ten times faster than JSON, which
// matters when 10,000 connections load at start.
constexpr QChar kRecordSeparator(0x1E);
constexpr QChar kFieldSeparator(0x1F);

QString packRecords(const QList<QStringList>& records)
{
    QString text(QStringLiteral(""));
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (i > 0)
            text += kRecordSeparator;
        text += records.at(i).join(kFieldSeparator);
    }
    return text;
}

// Calls fn(fields) for each record of packed text, fields being N views into `text`;
// false if a record does not have exactly N fields or fn returns false. Allocates
// nothing: this runs three times per connection when everything loads.
template<int N, typename Fn> bool forEachRecord(QStringView text, Fn&& fn)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(kRecordSeparator, start);
        if (end < 0)
            end = text.size();
        const QStringView record = text.sliced(start, end - start);
        std::array<QStringView, N> fields;
        qsizetype from = 0;
        for (int i = 0; i < N; ++i) {
            const qsizetype separator = record.indexOf(kFieldSeparator, from);
            if ((i + 1 < N) != (separator >= 0))
                return false;
            fields[i] = record.sliced(from, (separator < 0 ? record.size() : separator) - from);
            from = separator + 1;
        }
        if (!fn(fields))
            return false;
        start = end + 1;
    }
    return true;
}

QString kindText(ConnectionKind kind)
{
    return kindScheme(kind);
}

bool parseKind(const QString& text, ConnectionKind* kind)
{
    static const QList<QPair<QString, ConnectionKind>> kinds = [] {
        QList<QPair<QString, ConnectionKind>> list;
        for (const ConnectionKind candidate : allKinds())
            list.append({kindScheme(candidate), candidate});
        return list;
    }();
    for (const auto& [name, candidate] : kinds) {
        if (name == text) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

Error corrupt(const QString& detail)
{
    return Error::make(ErrorCode::Corrupt,
                       Tr::tr("The connections database is damaged and was not changed. %1").arg(detail));
}

Error sqlFailure(const QSqlError& error)
{
    qCWarning(lcCoreStore) << "SQL failure:" << error.nativeErrorCode() << error.databaseText();
    return Error::make(
        ErrorCode::Io,
        Tr::tr("The connections database could not be read or written (%1).").arg(error.databaseText()));
}

// Checks the bytes of an existing file before SQLite touches it: the magic header, a
// sane page size and a file length that covers every page the header promises.
Status checkFileShape(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, Tr::tr("The connections database %1 cannot be read: %2")
                                              .arg(QDir::toNativeSeparators(path), file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return {};
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return corrupt(Tr::tr("The file %1 is not an SQLite database.").arg(QDir::toNativeSeparators(path)));
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return corrupt(Tr::tr("The file header is invalid."));
    const quint32 pageCount = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    // A write-ahead log may hold pages not yet copied into the file; only judge the length
    // when there is none and the header's page count is valid (SQLite ≥ 3.7.0 writes it).
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (changeCounter == validFor && pageCount > 0 && (!wal.exists() || wal.size() == 0)) {
        if (size % pageSize != 0 || quint64(size) < quint64(pageCount) * pageSize)
            return corrupt(Tr::tr("The file is shorter than its header says; it may have been truncated."));
    } else if (size % pageSize != 0) {
        return corrupt(Tr::tr("The file length does not match its page size; it may have been truncated."));
    }
    return {};
}

} // namespace

struct ConnectionStore::Private
{
    QString path;
    QString connectionName;
    int schemaVersion = 0;

    QSqlDatabase db() const { return QSqlDatabase::database(connectionName, false); }

    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery query(db());
        query.setForwardOnly(true); // results are read once, in order; saves a copy per row
        if (!query.prepare(sql))
            return sqlFailure(query.lastError());
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec())
            return sqlFailure(query.lastError());
        return query;
    }

    // Statements run once per row of a batch are prepared once and kept: SQLite spends
    // more time compiling an upsert than running it. A caller of a cached SELECT must
    // finish() it, or it would hold a read snapshot open.
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> statements;

    Result<QSqlQuery*> execCached(const QString& sql, const QVariantList& values) const
    {
        std::unique_ptr<QSqlQuery>& query = statements[sql];
        if (!query) {
            auto prepared = std::make_unique<QSqlQuery>(db());
            prepared->setForwardOnly(true);
            if (!prepared->prepare(sql))
                return sqlFailure(prepared->lastError());
            query = std::move(prepared);
        }
        for (qsizetype i = 0; i < values.size(); ++i)
            query->bindValue(int(i), values.at(i));
        if (!query->exec())
            return sqlFailure(query->lastError());
        return query.get();
    }

    Status inTransaction(const std::function<Status()>& work)
    {
        QSqlDatabase database = db();
        if (!database.transaction())
            return sqlFailure(database.lastError());
        Status status = work();
        if (status.ok() && !database.commit())
            status = sqlFailure(database.lastError());
        if (!status.ok())
            database.rollback();
        return status;
    }

    Result<bool> rowExists(const QString& table, const QUuid& id) const
    {
        Result<QSqlQuery*> q =
            execCached(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {uuidText(id)});
        if (!q.ok())
            return q.error();
        const bool found = (*q)->next();
        (*q)->finish();
        return found;
    }

    // One migration step in an immediate transaction: the write lock is taken before
    // user_version is read, so two processes opening an old file cannot both migrate it.
    Status migrate(int step)
    {
        if (Result<QSqlQuery> begin = exec(QStringLiteral("BEGIN IMMEDIATE")); !begin.ok())
            return begin.error();
        const auto run = [this, step]() -> Status {
            Result<QSqlQuery> current = exec(QStringLiteral("PRAGMA user_version"));
            if (!current.ok())
                return current.error();
            const int found = current->next() ? current->value(0).toInt() : 0;
            current->finish();
            if (found > currentSchemaVersion())
                return Error::make(ErrorCode::VersionTooNew,
                                   Tr::tr("The connections database was just upgraded by a newer version of "
                                          "Conclave; update Conclave to open it."));
            if (found > step)
                return {}; // another process got there first
            for (const QString& statement : migrations().at(step)) {
                if (Result<QSqlQuery> q = exec(statement); !q.ok())
                    return Error::make(ErrorCode::Corrupt,
                                       Tr::tr("The connections database could not be upgraded to schema %1 "
                                              "and was not changed. %2")
                                           .arg(step + 1)
                                           .arg(q.error().message));
            }
            if (Result<QSqlQuery> q = exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1)); !q.ok())
                return q.error();
            return {};
        };
        Status status = run();
        if (status.ok()) {
            if (Result<QSqlQuery> commit = exec(QStringLiteral("COMMIT")); !commit.ok())
                status = commit.error();
        }
        if (!status.ok()) {
            (void)exec(QStringLiteral("ROLLBACK"));
            return status;
        }
        qCInfo(lcCoreStore) << "connections database schema now at version" << step + 1;
        return {};
    }

    Status writeFolder(const Folder& folder);
    Status writeConnection(const Connection& connection);
    Result<Connection> readConnection(const QSqlQuery& query) const;
};

ConnectionStore::ConnectionStore()
    : d(std::make_unique<Private>())
{}

ConnectionStore::~ConnectionStore()
{
    const QString name = d->connectionName;
    d->statements.clear(); // queries must go before their connection
    if (!name.isEmpty()) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

QString ConnectionStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/conclave.sqlite");
}

int ConnectionStore::currentSchemaVersion()
{
    return int(migrations().size());
}

QString ConnectionStore::path() const
{
    return d->path;
}

int ConnectionStore::schemaVersion() const
{
    return d->schemaVersion;
}

namespace {

// Looks at an existing database through a read-only connection: integrity and version.
// Nothing is written, so the file stays byte-for-byte as it was if we refuse it.
Result<int> probeExisting(const QString& path)
{
    if (Status shape = checkFileShape(path); !shape.ok())
        return shape.error();
    const QString name = QStringLiteral("conclave-probe-") + QUuid::createUuid().toString(QUuid::Id128);
    Result<int> result = Error::make(ErrorCode::Internal, {});
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result = corrupt(db.lastError().databaseText());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
                result = corrupt(query.lastError().databaseText());
            } else if (query.value(0).toString() != QLatin1String("ok")) {
                qCWarning(lcCoreStore) << "integrity check failed";
                result = corrupt(Tr::tr("Its integrity check failed."));
            } else if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                result = corrupt(query.lastError().databaseText());
            } else {
                const int version = query.value(0).toInt();
                result = version;
                // Version 0 with tables in it is somebody else's database: migrating would
                // write our tables into it.
                if (version == 0 && query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) &&
                    query.next() && query.value(0).toInt() > 0)
                    result = corrupt(Tr::tr("The file is an SQLite database, but not one of Conclave's."));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Result<std::unique_ptr<ConnectionStore>> ConnectionStore::open(const QString& path)
{
    const QFileInfo info(path);
    const QString nativePath = QDir::toNativeSeparators(path);
    const QString dirPath = info.absolutePath();
    if (!QDir().mkpath(dirPath))
        return Error::make(
            ErrorCode::Io,
            Tr::tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(dirPath)));
    // WAL needs to create side files next to the database, so the folder must be writable
    // even when the file exists.
    if (!QFileInfo(dirPath).isWritable())
        return Error::make(ErrorCode::Io, Tr::tr("The folder %1 is not writable, so the connections database "
                                                 "cannot be kept there.")
                                              .arg(QDir::toNativeSeparators(dirPath)));
    if (info.exists() && !info.isFile())
        return Error::make(ErrorCode::Io, Tr::tr("%1 is not a file.").arg(nativePath));

    int version = 0;
    if (info.exists()) {
        if (!info.isWritable())
            return Error::make(ErrorCode::Io,
                               Tr::tr("The connections database %1 is read-only.").arg(nativePath));
        Result<int> probed = probeExisting(path);
        if (!probed.ok())
            return probed.error();
        version = *probed;
        if (version > currentSchemaVersion())
            return Error::make(ErrorCode::VersionTooNew,
                               Tr::tr("The connections database was written by a newer version of Conclave "
                                      "(schema %1; this version reads up to %2). It was not changed; "
                                      "update Conclave to open it.")
                                   .arg(version)
                                   .arg(currentSchemaVersion()));
        if (version < 0)
            return corrupt(Tr::tr("Its schema version is invalid."));
    } else {
        // Host names, user names and notes are nobody else's business: the file (and the
        // -wal and -shm files SQLite gives the same mode) is readable by its owner only.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Error::make(ErrorCode::Io, Tr::tr("The connections database %1 could not be created: %2")
                                                  .arg(nativePath, file.errorString()));
    }

    std::unique_ptr<ConnectionStore> store(new ConnectionStore);
    store->d->path = path;
    store->d->connectionName = QStringLiteral("conclave-store-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->d->connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Error::make(ErrorCode::Io, Tr::tr("The connections database %1 could not be opened (%2).")
                                                  .arg(nativePath, db.lastError().databaseText()));
    }
    Private& p = *store->d;
    for (const char* pragma : {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
        if (Result<QSqlQuery> q = p.exec(QString::fromLatin1(pragma)); !q.ok())
            return q.error();
    }
    for (int step = version; step < currentSchemaVersion(); ++step) {
        if (Status migrated = p.migrate(step); !migrated.ok())
            return migrated.error();
    }
    // After the migrations, so that a file we could not migrate keeps its journal mode.
    if (Result<QSqlQuery> q = p.exec(QStringLiteral("PRAGMA journal_mode=WAL")); !q.ok())
        return q.error();
    p.schemaVersion = currentSchemaVersion();
    return store;
}

Result<QList<Folder>> ConnectionStore::folders() const
{
    Result<QSqlQuery> query = d->exec(
        QStringLiteral("SELECT id, parent_id, name, sort_order FROM folders ORDER BY sort_order, rowid"));
    if (!query.ok())
        return query.error();
    QList<Folder> result;
    QSqlQuery& q = *query;
    while (q.next()) {
        Folder folder;
        folder.id = QUuid::fromString(q.value(0).toString());
        folder.parentId = q.value(1).isNull() ? QUuid() : QUuid::fromString(q.value(1).toString());
        folder.name = q.value(2).toString();
        folder.sortOrder = q.value(3).toInt();
        if (folder.id.isNull())
            return corrupt(Tr::tr("A folder has an invalid identifier."));
        result.append(folder);
    }
    return result;
}

Result<Connection> ConnectionStore::Private::readConnection(const QSqlQuery& q) const
{
    Connection c;
    c.id = QUuid::fromString(q.value(0).toString());
    if (c.id.isNull())
        return corrupt(Tr::tr("A connection has an invalid identifier."));
    c.folderId = q.value(1).isNull() ? QUuid() : QUuid::fromString(q.value(1).toString());
    c.name = q.value(2).toString();
    if (!parseKind(q.value(3).toString(), &c.kind))
        return corrupt(Tr::tr("A connection has an unknown kind."));
    c.srv = q.value(4).toBool();
    const QString hostsText = q.value(5).toString();
    const bool hostsRead = forEachRecord<2>(hostsText, [&c](const std::array<QStringView, 2>& fields) {
        bool isNumber = false;
        const ushort port = fields[1].toUShort(&isNumber);
        c.hosts.append(HostPort{fields[0].toString(), port});
        return isNumber;
    });
    const QString optionsText = q.value(8).toString();
    const bool optionsRead = forEachRecord<2>(optionsText, [&c](const std::array<QStringView, 2>& fields) {
        c.options.append(ConnectionOption(fields[0].toString(), fields[1].toString()));
        return true;
    });
    const QString tagsText = q.value(23).toString();
    const bool tagsRead = forEachRecord<1>(tagsText, [&c](const std::array<QStringView, 1>& fields) {
        c.tags.append(fields[0].toString());
        return true;
    });
    if (!hostsRead || !optionsRead || !tagsRead)
        return corrupt(Tr::tr("A connection has unreadable hosts, options or tags."));
    c.username = q.value(6).toString();
    c.defaultDatabase = q.value(7).toString();
    c.tls.enabled = q.value(9).toBool();
    c.tls.caFile = q.value(10).toString();
    c.tls.hasClientCertificate = q.value(11).toBool();
    c.tls.allowInvalidHostnames = q.value(12).toBool();
    c.ssh.enabled = q.value(13).toBool();
    c.ssh.host = q.value(14).toString();
    c.ssh.port = quint16(q.value(15).toInt());
    c.ssh.user = q.value(16).toString();
    c.ssh.auth =
        q.value(17).toString() == QLatin1String("key") ? SshAuthMethod::PrivateKey : SshAuthMethod::Password;
    c.color = q.value(18).toString();
    c.notes = q.value(19).toString();
    c.sortOrder = q.value(20).toInt();
    c.created = parseTime(q.value(21));
    c.modified = parseTime(q.value(22));
    return c;
}

Result<QList<Connection>> ConnectionStore::connections() const
{
    // Sizing the list first saves moving every connection several times as it grows.
    qsizetype count = 0;
    if (Result<QSqlQuery> counted = d->exec(QStringLiteral("SELECT count(*) FROM connections"));
        !counted.ok())
        return counted.error();
    else if (counted->next())
        count = counted->value(0).toLongLong();
    Result<QSqlQuery> query =
        d->exec(QStringLiteral("SELECT %1 FROM connections").arg(QLatin1String(kConnectionColumns)));
    if (!query.ok())
        return query.error();
    QSqlQuery& q = *query;
    QList<Connection> result;
    result.reserve(count);
    while (q.next()) {
        Result<Connection> c = d->readConnection(q);
        if (!c.ok())
            return c.error();
        result.append(std::move(c).value());
    }
    return result;
}

Result<QList<TrashedItem>> ConnectionStore::trash() const
{
    QList<TrashedItem> result;
    Result<QSqlQuery> folders = d->exec(QStringLiteral(
        "SELECT id, parent_id, name, sort_order, deleted_at FROM trash_folders ORDER BY rowid"));
    if (!folders.ok())
        return folders.error();
    while (folders->next()) {
        TrashedItem item;
        item.isFolder = true;
        item.folder.id = QUuid::fromString(folders->value(0).toString());
        item.folder.parentId =
            folders->value(1).isNull() ? QUuid() : QUuid::fromString(folders->value(1).toString());
        item.folder.name = folders->value(2).toString();
        item.folder.sortOrder = folders->value(3).toInt();
        item.deletedAt = parseTime(folders->value(4));
        if (item.folder.id.isNull())
            return corrupt(Tr::tr("A folder in the Trash has an invalid identifier."));
        result.append(item);
    }
    Result<QSqlQuery> connections =
        d->exec(QStringLiteral("SELECT %1, deleted_at FROM trash_connections ORDER BY rowid")
                    .arg(QLatin1String(kConnectionColumns)));
    if (!connections.ok())
        return connections.error();
    while (connections->next()) {
        Result<Connection> c = d->readConnection(*connections);
        if (!c.ok())
            return c.error();
        TrashedItem item;
        item.connection = std::move(c).value();
        item.deletedAt = parseTime(connections->value(24));
        result.append(item);
    }
    return result;
}

Result<Connection> ConnectionStore::connection(const QUuid& id) const
{
    Result<QSqlQuery> query = d->exec(
        QStringLiteral("SELECT %1 FROM connections WHERE id = ?").arg(QLatin1String(kConnectionColumns)),
        {uuidText(id)});
    if (!query.ok())
        return query.error();
    if (!query->next())
        return Error::make(ErrorCode::NotFound, Tr::tr("The connection does not exist (any more)."));
    return d->readConnection(*query);
}

Status ConnectionStore::Private::writeFolder(const Folder& folder)
{
    if (folder.id.isNull())
        return Error::make(ErrorCode::InvalidInput, Tr::tr("The folder has no identifier."),
                           QStringLiteral("id"));
    if (folder.name.trimmed().isEmpty())
        return Error::make(ErrorCode::InvalidInput, Tr::tr("Enter a name for the folder."),
                           QStringLiteral("name"));
    // Walk up from the new parent: reaching the folder itself would make a cycle.
    QUuid ancestor = folder.parentId;
    for (int depth = 0; !ancestor.isNull(); ++depth) {
        if (ancestor == folder.id || depth > 1000)
            return Error::make(ErrorCode::InvalidInput, Tr::tr("A folder cannot be moved into itself."),
                               QStringLiteral("parentId"));
        Result<QSqlQuery> q =
            exec(QStringLiteral("SELECT parent_id FROM folders WHERE id = ?"), {uuidText(ancestor)});
        if (!q.ok())
            return q.error();
        if (!q->next())
            break;
        ancestor = q->value(0).isNull() ? QUuid() : QUuid::fromString(q->value(0).toString());
    }
    if (!folder.parentId.isNull()) {
        Result<bool> exists = rowExists(QStringLiteral("folders"), folder.parentId);
        if (!exists.ok())
            return exists.error();
        if (!*exists)
            return Error::make(ErrorCode::InvalidInput, Tr::tr("The parent folder does not exist."),
                               QStringLiteral("parentId"));
    }
    Result<QSqlQuery*> q = execCached(
        QStringLiteral("INSERT INTO folders (id, parent_id, name, sort_order) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id,"
                       " name = excluded.name, sort_order = excluded.sort_order"),
        {uuidText(folder.id), nullableUuid(folder.parentId), notNull(folder.name), folder.sortOrder});
    return q.ok() ? Status() : Status(q.error());
}

Status ConnectionStore::Private::writeConnection(const Connection& c)
{
    if (Status valid = validateConnection(c); !valid.ok())
        return valid;
    if (!c.folderId.isNull()) {
        Result<bool> exists = rowExists(QStringLiteral("folders"), c.folderId);
        if (!exists.ok())
            return exists.error();
        if (!*exists)
            return Error::make(ErrorCode::InvalidInput,
                               Tr::tr("The folder of the connection does not exist."),
                               QStringLiteral("folderId"));
    }
    QList<QStringList> hosts;
    for (const HostPort& hp : c.hosts)
        hosts.append({hp.host, QString::number(hp.port)});
    QList<QStringList> options;
    for (const ConnectionOption& option : c.options)
        options.append({option.first, option.second});
    QList<QStringList> tags;
    for (const QString& tag : c.tags)
        tags.append({tag});
    const QVariantList values = {
        uuidText(c.id),
        nullableUuid(c.folderId),
        notNull(c.name),
        kindText(c.kind),
        int(c.srv),
        packRecords(hosts),
        notNull(c.username),
        notNull(c.defaultDatabase),
        packRecords(options),
        int(c.tls.enabled),
        notNull(c.tls.caFile),
        int(c.tls.hasClientCertificate),
        int(c.tls.allowInvalidHostnames),
        int(c.ssh.enabled),
        notNull(c.ssh.host),
        int(c.ssh.port),
        notNull(c.ssh.user),
        c.ssh.auth == SshAuthMethod::PrivateKey ? QStringLiteral("key") : QStringLiteral("password"),
        notNull(c.color),
        notNull(c.notes),
        c.sortOrder,
        timeText(c.created),
        timeText(c.modified),
        packRecords(tags),
    };
    static const QString sql = [] {
        const QStringList columns = QString::fromLatin1(kConnectionColumns).split(QLatin1Char(','));
        QStringList placeholders;
        QStringList updates;
        for (const QString& column : columns) {
            placeholders.append(QStringLiteral("?"));
            const QString name = column.trimmed();
            if (name != QLatin1String("id"))
                updates.append(name + QStringLiteral(" = excluded.") + name);
        }
        return QStringLiteral("INSERT INTO connections (%1) VALUES (%2) ON CONFLICT(id) DO UPDATE SET %3")
            .arg(QLatin1String(kConnectionColumns), placeholders.join(QLatin1Char(',')),
                 updates.join(QLatin1Char(',')));
    }();
    Result<QSqlQuery*> q = execCached(sql, values);
    return q.ok() ? Status() : Status(q.error());
}

Status ConnectionStore::saveFolder(const Folder& folder)
{
    return d->inTransaction([this, &folder] { return d->writeFolder(folder); });
}

Status ConnectionStore::removeFolder(const QUuid& id)
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("DELETE FROM folders WHERE id = ?"), {uuidText(id)});
    if (!q.ok())
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(ErrorCode::NotFound, Tr::tr("The folder does not exist (any more)."));
    return {};
}

Status ConnectionStore::saveConnection(const Connection& connection)
{
    return d->inTransaction([this, &connection] { return d->writeConnection(connection); });
}

Status ConnectionStore::removeConnection(const QUuid& id)
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("DELETE FROM connections WHERE id = ?"), {uuidText(id)});
    if (!q.ok())
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(ErrorCode::NotFound, Tr::tr("The connection does not exist (any more)."));
    return {};
}

Status ConnectionStore::saveAll(const QList<Folder>& folders, const QList<Connection>& connections)
{
    ChangeSet change;
    change.upsertFolders = folders;
    change.upsertConnections = connections;
    return apply(change);
}

Status ConnectionStore::apply(const ChangeSet& change)
{
    // Parents first, so that each folder's parent exists when it is written; a parent
    // that never comes is reported by writeFolder.
    const QList<Folder>& folders = change.upsertFolders;
    QList<Folder> ordered;
    ordered.reserve(folders.size());
    QSet<QUuid> placed;
    QList<Folder> pending = folders;
    QSet<QUuid> inBatch;
    for (const Folder& folder : folders)
        inBatch.insert(folder.id);
    while (!pending.isEmpty()) {
        QList<Folder> next;
        for (const Folder& folder : std::as_const(pending)) {
            if (folder.parentId.isNull() || !inBatch.contains(folder.parentId) ||
                placed.contains(folder.parentId)) {
                ordered.append(folder);
                placed.insert(folder.id);
            } else {
                next.append(folder);
            }
        }
        if (next.size() == pending.size()) { // a cycle within the batch: writeFolder names it
            ordered.append(next);
            break;
        }
        pending = std::move(next);
    }
    return d->inTransaction([&]() -> Status {
        // In a batch the user needs to know which item was refused, not only why.
        for (const Folder& folder : std::as_const(ordered)) {
            if (Status s = d->writeFolder(folder); !s.ok()) {
                Error error = s.error();
                error.message =
                    Tr::tr("The folder \"%1\" cannot be saved: %2").arg(folder.name, error.message);
                return error;
            }
        }
        for (const Connection& connection : change.upsertConnections) {
            if (Status s = d->writeConnection(connection); !s.ok()) {
                Error error = s.error();
                error.message =
                    Tr::tr("The connection \"%1\" cannot be saved: %2").arg(connection.name, error.message);
                return error;
            }
        }
        // Into the Trash before anything is deleted: deleting a folder cascades to what it
        // holds, and a cascaded row could not be copied any more.
        if (change.removeToTrash) {
            const QVariant when =
                timeText(change.trashedAt.isValid() ? change.trashedAt : QDateTime::currentDateTimeUtc());
            for (const QUuid& id : change.removeConnections) {
                Result<QSqlQuery*> q = d->execCached(
                    QStringLiteral("INSERT OR REPLACE INTO trash_connections SELECT *, ? FROM connections"
                                   " WHERE id = ?"),
                    {when, uuidText(id)});
                if (!q.ok())
                    return q.error();
            }
            for (const QUuid& id : change.removeFolders) {
                Result<QSqlQuery*> q = d->execCached(
                    QStringLiteral(
                        "INSERT OR REPLACE INTO trash_folders SELECT *, ? FROM folders WHERE id = ?"),
                    {when, uuidText(id)});
                if (!q.ok())
                    return q.error();
            }
        }
        for (const QUuid& id : change.dropFromTrash) {
            for (const QString& table :
                 {QStringLiteral("trash_connections"), QStringLiteral("trash_folders")}) {
                Result<QSqlQuery*> q =
                    d->execCached(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {uuidText(id)});
                if (!q.ok())
                    return q.error();
            }
        }
        // Removing a folder cascades to what it holds (the foreign keys say so); rows the
        // cascade took already are simply not found again.
        for (const QUuid& id : change.removeConnections) {
            Result<QSqlQuery*> q =
                d->execCached(QStringLiteral("DELETE FROM connections WHERE id = ?"), {uuidText(id)});
            if (!q.ok())
                return q.error();
        }
        for (const QUuid& id : change.removeFolders) {
            Result<QSqlQuery*> q =
                d->execCached(QStringLiteral("DELETE FROM folders WHERE id = ?"), {uuidText(id)});
            if (!q.ok())
                return q.error();
        }
        return {};
    });
}

} // namespace Conclave::Core
