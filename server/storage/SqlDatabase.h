// SqlDatabase: the one SQL layer under every store. It owns the connection, runs statements
// (positional bindings, errors logged without bound values, unique violations reported
// precisely as AlreadyExists), opens transactions for StorageTransaction and applies the one
// migration list in SchemaMigrations. SqliteDatabase and PostgresDatabase derive from it and
// supply how to connect, their dialect, how migrations are serialised between processes and
// how their driver reports a unique-key violation.
//
// The stores (AccountStore, SessionStore, ...) hold the SQL of their tables; this class holds
// none, so a new table group is a new store, never a longer list here.
#pragma once

#include "server/storage/SchemaMigrations.h"

#include "core/util/Result.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <functional>

class QSqlError;
class QSqlQuery;

namespace Conclave::Server {

class SqlDatabase
{
public:
    virtual ~SqlDatabase();
    Q_DISABLE_COPY_MOVE(SqlDatabase)

    // Connects and applies pending migrations; a schema newer than this build is refused,
    // never modified.
    Core::Status open();
    int schemaVersion();
    virtual QString backendName() const = 0;

    // Notifications between server processes on one database (PostgreSQL LISTEN/NOTIFY),
    // for live hints across replicas. SQLite has none: there, one server serves the file,
    // and both calls answer Unavailable. notify() outside a transaction is sent at once;
    // `onPayload` runs in this connection's thread for every notification on `channel`,
    // those sent by this process included.
    virtual bool hasNotifications() const { return false; }
    virtual Core::Status notify(const QString& channel, const QString& payload);
    virtual Core::Status listen(const QString& channel, std::function<void(const QString&)> onPayload);

protected:
    SqlDatabase();

    // Opens m_db (driver, host, pragmas...). Called once by open().
    virtual Core::Status connect() = 0;
    virtual SchemaMigrations::Dialect dialect() const = 0;
    // Held around the whole migration, so servers starting together on one database migrate
    // one after the other (the second finds nothing left to do).
    virtual Core::Status lockMigrations() { return {}; }
    virtual void unlockMigrations() {}
    // The statement that opens a write transaction.
    virtual QString beginStatement() const { return QStringLiteral("BEGIN"); }
    // Only a unique or primary-key violation, never a foreign-key or NOT NULL failure.
    virtual bool isUniqueViolation(const QSqlError& error) const = 0;

    QSqlDatabase& database() { return m_db; }
    const QString& connectionName() const { return m_connectionName; }

private:
    // Statements are run by the stores only, transactions through StorageTransaction only.
    friend class SqlStore;
    friend class StorageTransaction;

    // Runs one statement with positional bindings; failures are logged (SQL text only, never
    // bound values) and returned as an Io error, a unique violation as AlreadyExists.
    Core::Result<QSqlQuery> run(const QString& sql, const QVariantList& binds = {});
    Core::Status runStatus(const QString& sql, const QVariantList& binds = {});

    // begin fails (Internal) while a transaction is open: transactions do not nest.
    Core::Status beginTransaction();
    Core::Status commitTransaction();
    void rollbackTransaction();

    Core::Status migrate();
    Core::Status migrateLocked();
    Core::Status applyVersion(int version);

    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_inTransaction = false;
};

} // namespace Conclave::Server
