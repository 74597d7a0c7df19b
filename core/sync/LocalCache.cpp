// The shared folders' local cache and the security state; see the header.
#include "core/sync/LocalCache.h"

#include "core/crypto/SecurityStateStore.h"
#include "core/sync/KnownAccounts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <functional>
#include <numeric>
#include <vector>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::LocalCache)
};

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

Error sqlFailure(const QSqlError& error)
{
    Q_UNUSED(error) // the driver's text may name paths; the log of the caller names the step
    return Error::make(ErrorCode::Io, Tr::tr("The local copy of the shared folders could not be read or "
                                             "written. Nothing was changed."));
}

Error damaged()
{
    return Error::make(ErrorCode::Corrupt, Tr::tr("The local copy of the shared folders is damaged. It was "
                                                  "left as it is; sign in again to fetch the folders anew."));
}

std::atomic<int> g_connections{0};

} // namespace

struct LocalCache::Private
{
    static Result<QSqlQuery> exec(const QString& connection, const QString& sql,
                                  const QVariantList& values = {})
    {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqlFailure(query.lastError());
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec())
            return sqlFailure(query.lastError());
        return query;
    }

    // One statement prepared once and run for every row: a folder's thousands of envelopes
    // are not compiled one by one.
    template<typename Rows, typename Bind>
    static Status execEach(const QString& connection, const QString& sql, const Rows& rows, Bind bind)
    {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqlFailure(query.lastError());
        for (const auto& row : rows) {
            const QVariantList values = bind(row);
            for (qsizetype i = 0; i < values.size(); ++i)
                query.bindValue(int(i), values.at(i));
            if (!query.exec())
                return sqlFailure(query.lastError());
        }
        return {};
    }

    static Status inTransaction(const QString& connection, const std::function<Status()>& work)
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        if (!db.transaction())
            return sqlFailure(db.lastError());
        Status status = work();
        if (status.ok() && !db.commit())
            status = sqlFailure(db.lastError());
        if (!status.ok())
            db.rollback();
        return status;
    }
};

Result<QList<QPair<QUuid, QUuid>>> LocalCache::heldItems(const QString& path)
{
    QList<QPair<QUuid, QUuid>> held;
    if (!QFile::exists(path))
        return held;
    const QString connection = QStringLiteral("conclave-sync-ids-%1").arg(++g_connections);
    Status read;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            read = damaged();
        } else {
            // The outbox's items too: one made or moved in while the server could not be
            // reached exists only there. A schema-1 file has no outbox table.
            Result<QSqlQuery> outbox = Private::exec(
                connection,
                QStringLiteral(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"));
            const bool hasOutbox = outbox && outbox->next() && outbox->value(0).toInt() == 1;
            const QString sql =
                hasOutbox ? QStringLiteral("SELECT folder_id, item_id FROM envelopes UNION "
                                           "SELECT folder_id, item_id FROM outbox ORDER BY 1, 2")
                          : QStringLiteral("SELECT folder_id, item_id FROM envelopes ORDER BY 1, 2");
            if (Result<QSqlQuery> query = Private::exec(connection, sql); !outbox || !query) {
                read = damaged();
            } else {
                while (query->next()) {
                    const QUuid folderId = QUuid::fromString(query->value(0).toString());
                    const QUuid itemId = QUuid::fromString(query->value(1).toString());
                    if (!folderId.isNull() && !itemId.isNull())
                        held.append({folderId, itemId});
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!read)
        return read.error();
    return held;
}

LocalCache::LocalCache(const QString& directory, const QUuid& userId, const QUrl& server,
                       const QString& email)
    : m_directory(directory)
    , m_userId(userId)
    , m_server(server)
    , m_email(email)
    , m_path(QDir(directory).filePath(QStringLiteral("sync-%1.sqlite").arg(idText(userId))))
    , m_connection(QStringLiteral("conclave-sync-cache-%1").arg(++g_connections))
{}

LocalCache::~LocalCache()
{
    close();
}

void LocalCache::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
    m_open = false;
}

Status LocalCache::open(const SecureBytes& accountKey)
{
    close();
    KnownAccounts known(m_directory);
    if (Status prepared = known.prepare(); !prepared)
        return prepared;

    // The security state first: nothing of the cache is believed without it.
    Result<std::optional<KnownAccounts::Entry>> entry = known.find(m_server, m_email);
    if (!entry)
        return entry.error();
    const quint64 minGeneration = *entry && (*entry)->userId == m_userId ? (*entry)->generation : 0;
    auto store = std::make_unique<SecurityStateStore>(known.statePath(m_userId), m_userId);
    Result<SecurityState> state = store->load(accountKey, minGeneration);
    if (!state)
        return state.error();
    m_security = std::move(*state);
    m_generation = store->generation();
    m_store = std::move(store);

    const bool existed = QFile::exists(m_path);
    if (!existed) {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return sqlFailure({});
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        close();
        return damaged();
    }
    // Write-ahead log, synchronous stays FULL: a commit costs one sync of the log instead of
    // the rollback journal's several, and a committed write still survives a power cut (the
    // cache must never fall behind the security state saved after it, protocol.md §9.2).
    // A file that is not a database fails here first: said as damage, like the check below.
    if (!Private::exec(m_connection, QStringLiteral("PRAGMA journal_mode=WAL")).ok()) {
        close();
        return damaged();
    }
    // Deleted rows (a folder one was removed from) are overwritten, not left in free pages.
    (void)Private::exec(m_connection, QStringLiteral("PRAGMA secure_delete = ON"));
    Result<QSqlQuery> check = Private::exec(m_connection, QStringLiteral("PRAGMA quick_check"));
    if (!check || !check->next() || check->value(0).toString() != QLatin1String("ok")) {
        close();
        return damaged();
    }
    Result<QSqlQuery> version = Private::exec(m_connection, QStringLiteral("PRAGMA user_version"));
    if (!version || !version->next()) {
        close();
        return damaged();
    }
    const int schema = version->value(0).toInt();
    if (schema > kSchemaVersion) {
        close();
        return Error::make(ErrorCode::VersionTooNew,
                           Tr::tr("The local copy of the shared folders was written by a newer version of "
                                  "Conclave. It was left as it is."));
    }
    const QString outboxTable =
        QStringLiteral("CREATE TABLE outbox (entry_id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, "
                       "folder_id TEXT NOT NULL, item_id TEXT NOT NULL, sealed BLOB NOT NULL)");
    if (schema == 1) {
        // Schema 1 had no outbox; everything else is unchanged.
        const Status migrated = Private::inTransaction(m_connection, [&]() -> Status {
            for (const QString& sql :
                 {outboxTable, QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)}) {
                if (Result<QSqlQuery> q = Private::exec(m_connection, sql); !q)
                    return q.error();
            }
            return {};
        });
        if (!migrated) {
            close();
            return migrated;
        }
    }
    if (schema == 0) {
        const QStringList statements{
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE folders (folder_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, "
                           "state BLOB)"),
            QStringLiteral(
                "CREATE TABLE log (folder_id TEXT NOT NULL, seq INTEGER NOT NULL, entry BLOB NOT NULL, "
                "PRIMARY KEY (folder_id, seq))"),
            QStringLiteral("CREATE TABLE envelopes (folder_id TEXT NOT NULL, item_id TEXT NOT NULL, "
                           "envelope BLOB NOT NULL, PRIMARY KEY (folder_id, item_id))"),
            outboxTable,
            QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)};
        const Status made = Private::inTransaction(m_connection, [&]() -> Status {
            for (const QString& sql : statements) {
                if (Result<QSqlQuery> q = Private::exec(m_connection, sql); !q)
                    return q.error();
            }
            return {};
        });
        if (!made) {
            close();
            return made;
        }
    }
    m_open = true;
    return {};
}

Status LocalCache::saveSecurity(const SecureBytes& accountKey)
{
    KnownAccounts known(m_directory);
    if (!m_store)
        m_store = std::make_unique<SecurityStateStore>(known.statePath(m_userId), m_userId);
    // The account client writes the KDF parameters into the same file (sign-in, password
    // change); they are taken from the file, so this copy never writes back older ones. The
    // whole file is opened again only when it is not the one this cache wrote last: with
    // 10,000 items that read cost more than the write.
    // The generation remembered for the account counts too: another writer (the account
    // client) may have written a newer file since, which a copy of this cache's last one put
    // back would otherwise pass for.
    Result<std::optional<KnownAccounts::Entry>> entry = known.find(m_server, m_email);
    if (!entry)
        return entry.error();
    const quint64 remembered = *entry && (*entry)->userId == m_userId ? (*entry)->generation : 0;
    if (!m_store->isCurrent() || remembered > m_generation) {
        Result<SecurityState> current = m_store->load(accountKey, std::max(remembered, m_generation));
        if (!current)
            return current.error();
        m_security.lastKdf = current->lastKdf;
    }
    if (Status saved = m_store->save(m_security, accountKey); !saved)
        return saved;
    m_generation = m_store->generation();
    return known.remember(m_server, m_email, {m_userId, m_generation});
}

Result<quint64> LocalCache::cursor() const
{
    Result<QSqlQuery> q =
        Private::exec(m_connection, QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'"));
    if (!q)
        return q.error();
    if (!q->next())
        return quint64(0);
    bool ok = false;
    const qlonglong value = q->value(0).toLongLong(&ok);
    if (!ok || value < 0)
        return damaged();
    return quint64(value);
}

Status LocalCache::setCursor(quint64 cursor)
{
    Result<QSqlQuery> q =
        Private::exec(m_connection,
                      QStringLiteral("INSERT INTO meta (key, value) VALUES ('cursor', ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                      {qlonglong(cursor)});
    if (!q)
        return q.error();
    return {};
}

Result<QList<LocalCache::Folder>> LocalCache::folders() const
{
    QList<Folder> folders;
    QMap<QUuid, qsizetype> index;
    Result<QSqlQuery> q =
        Private::exec(m_connection, QStringLiteral("SELECT folder_id, org_id, state FROM folders "
                                                   "ORDER BY folder_id"));
    if (!q)
        return q.error();
    while (q->next()) {
        Folder folder;
        folder.folderId = QUuid::fromString(q->value(0).toString());
        folder.orgId = QUuid::fromString(q->value(1).toString());
        folder.state = q->value(2).toByteArray();
        if (folder.folderId.isNull() || folder.orgId.isNull())
            return damaged();
        index.insert(folder.folderId, folders.size());
        folders.append(folder);
    }
    Result<QSqlQuery> log = Private::exec(
        m_connection, QStringLiteral("SELECT folder_id, seq, entry FROM log ORDER BY folder_id, seq"));
    if (!log)
        return log.error();
    while (log->next()) {
        const auto at = index.constFind(QUuid::fromString(log->value(0).toString()));
        if (at == index.constEnd())
            return damaged();
        Folder& folder = folders[*at];
        // Entries are stored without gaps from 0; anything else is not what was written.
        if (log->value(1).toLongLong() != folder.log.size())
            return damaged();
        folder.log.append(log->value(2).toByteArray());
    }
    Result<QSqlQuery> items =
        Private::exec(m_connection, QStringLiteral("SELECT folder_id, item_id, envelope FROM envelopes"));
    if (!items)
        return items.error();
    while (items->next()) {
        const auto at = index.constFind(QUuid::fromString(items->value(0).toString()));
        const QUuid itemId = QUuid::fromString(items->value(1).toString());
        if (at == index.constEnd() || itemId.isNull())
            return damaged();
        folders[*at].envelopes.insert(itemId, items->value(2).toByteArray());
    }
    return folders;
}

Status LocalCache::replaceFolder(const Folder& folder)
{
    const QString id = idText(folder.folderId);
    return Private::inTransaction(m_connection, [&]() -> Status {
        for (const char* table : {"folders", "log", "envelopes"}) {
            if (Result<QSqlQuery> q = Private::exec(
                    m_connection,
                    QStringLiteral("DELETE FROM %1 WHERE folder_id = ?").arg(QLatin1String(table)), {id});
                !q)
                return q.error();
        }
        if (Result<QSqlQuery> q = Private::exec(
                m_connection,
                QStringLiteral("INSERT INTO folders (folder_id, org_id, state) VALUES (?, ?, ?)"),
                {id, idText(folder.orgId),
                 folder.state.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                        : QVariant(folder.state)});
            !q)
            return q.error();
        std::vector<qsizetype> positions(std::size_t(folder.log.size()));
        std::iota(positions.begin(), positions.end(), qsizetype(0));
        if (Status logged = Private::execEach(
                m_connection, QStringLiteral("INSERT INTO log (folder_id, seq, entry) VALUES (?, ?, ?)"),
                positions,
                [&](qsizetype i) {
                    return QVariantList{id, qlonglong(i), folder.log.at(i)};
                });
            !logged)
            return logged;
        return Private::execEach(
            m_connection,
            QStringLiteral("INSERT INTO envelopes (folder_id, item_id, envelope) VALUES (?, ?, ?)"),
            folder.envelopes.keys(), [&](const QUuid& itemId) {
                return QVariantList{id, idText(itemId), folder.envelopes.value(itemId)};
            });
    });
}

Status LocalCache::appendLog(const QUuid& folderId, quint64 fromSequence, const QList<QByteArray>& entries)
{
    const QString id = idText(folderId);
    return Private::inTransaction(m_connection, [&]() -> Status {
        std::vector<qsizetype> positions(std::size_t(entries.size()));
        std::iota(positions.begin(), positions.end(), qsizetype(0));
        return Private::execEach(
            m_connection,
            QStringLiteral("INSERT OR REPLACE INTO log (folder_id, seq, entry) VALUES (?, ?, ?)"), positions,
            [&](qsizetype i) {
                return QVariantList{id, qlonglong(fromSequence + quint64(i)), entries.at(i)};
            });
    });
}

Status LocalCache::storeWrite(const QUuid& folderId, const QByteArray& state, const QUuid& itemId,
                              const QByteArray& envelope)
{
    const QString id = idText(folderId);
    return Private::inTransaction(m_connection, [&]() -> Status {
        Result<QSqlQuery> q = Private::exec(
            m_connection, QStringLiteral("UPDATE folders SET state = ? WHERE folder_id = ?"), {state, id});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return Error::make(ErrorCode::NotFound, Tr::tr("The shared folder is not in the local copy."));
        if (Result<QSqlQuery> e = Private::exec(
                m_connection,
                QStringLiteral(
                    "INSERT OR REPLACE INTO envelopes (folder_id, item_id, envelope) VALUES (?, ?, ?)"),
                {id, idText(itemId), envelope});
            !e)
            return e.error();
        return {};
    });
}

Status LocalCache::removeFolder(const QUuid& folderId)
{
    const QString id = idText(folderId);
    const Status removed = Private::inTransaction(m_connection, [&]() -> Status {
        for (const char* table : {"folders", "log", "envelopes", "outbox"}) {
            if (Result<QSqlQuery> q = Private::exec(
                    m_connection,
                    QStringLiteral("DELETE FROM %1 WHERE folder_id = ?").arg(QLatin1String(table)), {id});
                !q)
                return q.error();
        }
        return {};
    });
    if (!removed)
        return removed;
    // With a write-ahead log the rows' old pages stay in it until a checkpoint: write them
    // back (secure_delete zeroes them there) and empty the log. A no-op in rollback mode.
    (void)Private::exec(m_connection, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return {};
}

// --- offline outbox -----------------------------------------------------------------------

Result<qint64> LocalCache::nextOutboxId()
{
    qint64 next = 0;
    const Status counted = Private::inTransaction(m_connection, [&]() -> Status {
        Result<QSqlQuery> q =
            Private::exec(m_connection, QStringLiteral("SELECT value FROM meta WHERE key = 'outbox_next'"));
        if (!q)
            return q.error();
        next = q->next() ? q->value(0).toLongLong() : 1;
        if (next < 1)
            return damaged();
        Result<QSqlQuery> u =
            Private::exec(m_connection,
                          QStringLiteral("INSERT INTO meta (key, value) VALUES ('outbox_next', ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {next + 1});
        return u ? Status() : Status(u.error());
    });
    if (!counted)
        return counted.error();
    return next;
}

Status LocalCache::putOutbox(const OutboxRow& row)
{
    Result<QSqlQuery> q = Private::exec(
        m_connection,
        QStringLiteral("INSERT OR REPLACE INTO outbox (entry_id, kind, folder_id, item_id, sealed) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {row.entryId, row.kind, idText(row.folderId), idText(row.itemId), row.sealed});
    return q ? Status() : Status(q.error());
}

Result<QList<LocalCache::OutboxRow>> LocalCache::outboxRows() const
{
    Result<QSqlQuery> q = Private::exec(
        m_connection,
        QStringLiteral("SELECT entry_id, kind, folder_id, item_id, sealed FROM outbox ORDER BY entry_id"));
    if (!q)
        return q.error();
    QList<OutboxRow> rows;
    while (q->next()) {
        OutboxRow row;
        row.entryId = q->value(0).toLongLong();
        row.kind = q->value(1).toInt();
        row.folderId = QUuid::fromString(q->value(2).toString());
        row.itemId = QUuid::fromString(q->value(3).toString());
        row.sealed = q->value(4).toByteArray();
        if (row.entryId < 1 || row.folderId.isNull() || row.itemId.isNull())
            return damaged();
        rows.append(row);
    }
    return rows;
}

Status LocalCache::removeOutbox(qint64 entryId)
{
    Result<QSqlQuery> q =
        Private::exec(m_connection, QStringLiteral("DELETE FROM outbox WHERE entry_id = ?"), {entryId});
    return q ? Status() : Status(q.error());
}

} // namespace Conclave::Core
