// SqlStorage: the StorageBackend operations written once in portable SQL over Qt SQL.
// SqliteStorage and PostgresStorage derive from it and supply how to connect, their dialect
// (for the one list in SchemaMigrations), how migrations are serialised between processes
// and how their driver reports a unique-key violation. Binary values are BLOB/BYTEA; rows
// are read by column name.
#pragma once

#include "server/storage/SchemaMigrations.h"
#include "server/storage/StorageBackend.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

class QSqlError;
class QSqlQuery;

namespace Conclave::Server {

class SqlStorage : public StorageBackend
{
public:
    ~SqlStorage() override;
    Q_DISABLE_COPY_MOVE(SqlStorage)

    Core::Status open() override;
    int schemaVersion() override;

    Core::Status insertUser(const UserRecord& user) override;
    Core::Result<std::optional<UserRecord>> userByEmail(const QString& email) override;
    Core::Result<std::optional<UserRecord>> userById(const QString& id) override;
    Core::Status setUserVerified(const QString& userId, bool verified) override;
    Core::Status updateCredentials(const UserRecord& user) override;
    Core::Status updateKeys(const UserRecord& user) override;
    Core::Result<int> purgeUnverifiedBefore(qint64 ms) override;

    Core::Status putVerification(const VerificationRecord& record) override;
    Core::Result<std::optional<VerificationRecord>> verification(const QString& userId) override;
    Core::Status incrementVerificationAttempts(const QString& userId) override;
    Core::Status deleteVerification(const QString& userId) override;

    Core::Status insertSession(const SessionRecord& session) override;
    Core::Result<std::optional<SessionRecord>> sessionByTokenHash(const QByteArray& hash) override;
    Core::Status touchSession(const QString& sessionId, qint64 lastSeenMs) override;
    Core::Result<bool> deleteSession(const QString& userId, const QString& sessionId) override;
    Core::Result<int> deleteSessionsOfUser(const QString& userId) override;
    Core::Result<QList<SessionRecord>> sessionsOfUser(const QString& userId) override;

    Core::Status insertOrganisation(const OrganisationRecord& org) override;
    Core::Result<std::optional<OrganisationRecord>> organisation(const QString& orgId) override;
    Core::Result<QList<OrganisationRecord>> organisations() override;
    Core::Status putMembership(const MembershipRecord& membership) override;
    Core::Result<QList<MembershipRecord>> membershipsOf(const QString& orgId) override;
    Core::Result<QList<MembershipRecord>> membershipsFor(const QString& email) override;

    Core::Status insertBlock(const SharingBlockRecord& block) override;
    Core::Result<bool> deleteBlock(const QString& orgId, const QString& blockId) override;
    Core::Result<QList<SharingBlockRecord>> blocksOf(const QString& orgId) override;
    Core::Result<QStringList> userIdsCoveredBy(const SharingBlockRecord& block) override;

protected:
    SqlStorage();

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

    Core::Status beginTransaction() override;
    Core::Status commitTransaction() override;
    void rollbackTransaction() override;

    QSqlDatabase& database() { return m_db; }
    const QString& connectionName() const { return m_connectionName; }

private:
    // Runs one statement with positional bindings; failures are logged (SQL text only, never
    // bound values) and returned as an Io error.
    Core::Result<QSqlQuery> run(const QString& sql, const QVariantList& binds = {});
    Core::Status runStatus(const QString& sql, const QVariantList& binds = {});
    Core::Status migrate();
    // Memberships by org_id (all of an organisation's) or by email (an address's own and its
    // domain's); `column` is one of those two fixed names, never input.
    Core::Result<QList<MembershipRecord>> memberships(const QString& column, const QString& key,
                                                      const QString& domain);
    Core::Status migrateLocked();
    Core::Status applyVersion(int version);

    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_inTransaction = false;
};

} // namespace Conclave::Server
