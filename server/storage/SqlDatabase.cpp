// Connection, statements, transactions and migrations, shared by every store.
#include "server/storage/SqlDatabase.h"

#include "server/storage/SqlRow.h"
#include "server/storage/StorageLog.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

Error storageError()
{
    return Error::make(ErrorCode::Io,
                       QStringLiteral("The server's database could not complete the request."));
}

} // namespace

SqlDatabase::SqlDatabase()
    : m_connectionName(QStringLiteral("conclave-server-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SqlDatabase::~SqlDatabase()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Status SqlDatabase::open()
{
    if (auto connected = connect(); !connected)
        return connected;
    return migrate();
}

Result<QSqlQuery> SqlDatabase::run(const QString& sql, const QVariantList& binds)
{
    QSqlQuery query(m_db);
    bool executed = false;
    if (binds.isEmpty()) {
        // PostgreSQL cannot PREPARE DDL; statements without values run directly.
        executed = query.exec(sql);
    } else {
        if (!query.prepare(sql)) {
            qCWarning(lcServerStore) << "prepare failed:" << sql.left(80)
                                     << query.lastError().nativeErrorCode()
                                     << query.lastError().databaseText();
            return storageError();
        }
        for (const QVariant& bind : binds)
            query.addBindValue(bind);
        executed = query.exec();
    }
    if (!executed) {
        if (isUniqueViolation(query.lastError()))
            return Error::make(ErrorCode::AlreadyExists, QStringLiteral("This entry exists already."));
        // The SQL text and the driver's code only: bound values may be personal data.
        qCWarning(lcServerStore) << "statement failed:" << sql.left(80)
                                 << query.lastError().nativeErrorCode();
        return storageError();
    }
    return query;
}

Status SqlDatabase::runStatus(const QString& sql, const QVariantList& binds)
{
    auto result = run(sql, binds);
    if (!result)
        return result.error();
    return {};
}

int SqlDatabase::schemaVersion()
{
    auto q = run(QStringLiteral("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"));
    if (!q || !q->next())
        return 0;
    return int(SqlRow(*q).integer("version"));
}

Status SqlDatabase::notify(const QString&, const QString&)
{
    return Error::make(ErrorCode::Unavailable, QStringLiteral("This database has no notifications."));
}

Status SqlDatabase::listen(const QString&, std::function<void(const QString&)>)
{
    return Error::make(ErrorCode::Unavailable, QStringLiteral("This database has no notifications."));
}

Status SqlDatabase::beginTransaction()
{
    if (m_inTransaction) {
        qCWarning(lcServerStore) << "nested transaction refused";
        return Error::make(ErrorCode::Internal, QStringLiteral("A database transaction is open already."));
    }
    if (auto begun = runStatus(beginStatement()); !begun)
        return begun;
    m_inTransaction = true;
    return {};
}

Status SqlDatabase::commitTransaction()
{
    m_inTransaction = false;
    if (auto committed = runStatus(QStringLiteral("COMMIT")); !committed) {
        (void)runStatus(QStringLiteral("ROLLBACK"));
        return committed;
    }
    return {};
}

void SqlDatabase::rollbackTransaction()
{
    m_inTransaction = false;
    (void)runStatus(QStringLiteral("ROLLBACK"));
}

Status SqlDatabase::migrate()
{
    if (auto locked = lockMigrations(); !locked)
        return locked;
    const Status migrated = migrateLocked();
    unlockMigrations();
    return migrated;
}

Status SqlDatabase::migrateLocked()
{
    if (auto created = runStatus(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"));
        !created) {
        return created;
    }
    const int known = int(SchemaMigrations::versions().size());
    const int current = schemaVersion();
    if (current > known) {
        return Error::make(
            ErrorCode::VersionTooNew,
            QStringLiteral("The database was written by a newer conclave-server (schema %1; this "
                           "build knows %2). It was left unchanged.")
                .arg(current)
                .arg(known));
    }
    for (int version = current; version < known; ++version) {
        if (auto applied = applyVersion(version); !applied)
            return applied;
        qCInfo(lcServerStore) << backendName() << "schema migrated to version" << version + 1;
    }
    return {};
}

Status SqlDatabase::applyVersion(int version)
{
    if (auto begun = beginTransaction(); !begun)
        return begun;
    // Re-read inside the transaction: another process may have applied it meanwhile.
    if (schemaVersion() > version) {
        rollbackTransaction();
        return {};
    }
    for (const SchemaMigrations::Step& step : SchemaMigrations::versions().at(version)) {
        const Status done =
            step.code ? step.code(m_db, dialect()) : runStatus(SchemaMigrations::expand(step.sql, dialect()));
        if (!done) {
            rollbackTransaction();
            return done;
        }
    }
    if (auto recorded = runStatus(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                                 "VALUES (?, ?)"),
                                  {version + 1, QDateTime::currentMSecsSinceEpoch()});
        !recorded) {
        rollbackTransaction();
        return recorded;
    }
    return commitTransaction();
}

} // namespace Conclave::Server
