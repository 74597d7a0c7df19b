// Portable SQL for the server's rows.
#include "server/storage/SqlStorage.h"

#include "server/storage/StorageLog.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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

// Never a null QByteArray: Qt binds that as SQL NULL, which the NOT NULL columns refuse.
QVariant blob(const QByteArray& bytes)
{
    return bytes.isNull() ? QByteArray("") : bytes;
}

// One row, read by column name (the record is looked up once per row, not per value).
class Row
{
public:
    explicit Row(const QSqlQuery& query)
        : m_record(query.record())
    {}
    QString text(const char* column) const { return value(column).toString(); }
    QByteArray bytes(const char* column) const { return value(column).toByteArray(); }
    qint64 integer(const char* column) const { return value(column).toLongLong(); }

private:
    QVariant value(const char* column) const { return m_record.value(QLatin1String(column)); }
    QSqlRecord m_record;
};

const QString kUserColumns = QStringLiteral(
    "id, email, name, auth_key_hash, kdf_salt, kdf_ops, kdf_mem, wrapped_account_key, key_bundle, "
    "wrapped_private_keys, verified, created_at");

UserRecord readUser(const QSqlQuery& q)
{
    const Row row(q);
    UserRecord user;
    user.id = row.text("id");
    user.email = row.text("email");
    user.name = row.text("name");
    user.authKeyHash = row.bytes("auth_key_hash");
    user.kdfSalt = row.bytes("kdf_salt");
    user.kdfOps = row.integer("kdf_ops");
    user.kdfMemBytes = row.integer("kdf_mem");
    user.wrappedAccountKey = row.bytes("wrapped_account_key");
    user.keyBundle = row.bytes("key_bundle");
    user.wrappedPrivateKeys = row.bytes("wrapped_private_keys");
    user.identityKey = row.bytes("identity_key");
    user.verified = row.integer("verified") != 0;
    user.createdAtMs = row.integer("created_at");
    return user;
}

SessionRecord readSession(const QSqlQuery& q)
{
    const Row row(q);
    return SessionRecord{row.text("id"), row.text("user_id"), row.bytes("token_hash"),
                         row.integer("created_at"), row.integer("last_seen")};
}

SharingBlockRecord readBlock(const QSqlQuery& q)
{
    const Row row(q);
    return SharingBlockRecord{row.text("id"),    row.text("org_id"), row.text("scope"),
                              row.text("value"), row.text("reason"), row.integer("created_at")};
}

OrganisationRecord readOrganisation(const QSqlQuery& q)
{
    const Row row(q);
    return OrganisationRecord{row.text("id"), row.text("name"), row.integer("created_at")};
}

} // namespace

SqlStorage::SqlStorage()
    : m_connectionName(QStringLiteral("conclave-server-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SqlStorage::~SqlStorage()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Status SqlStorage::open()
{
    if (auto connected = connect(); !connected)
        return connected;
    return migrate();
}

Result<QSqlQuery> SqlStorage::run(const QString& sql, const QVariantList& binds)
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

Status SqlStorage::runStatus(const QString& sql, const QVariantList& binds)
{
    auto result = run(sql, binds);
    if (!result)
        return result.error();
    return {};
}

int SqlStorage::schemaVersion()
{
    auto q = run(QStringLiteral("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"));
    if (!q || !q->next())
        return 0;
    return int(Row(*q).integer("version"));
}

Status SqlStorage::beginTransaction()
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

Status SqlStorage::commitTransaction()
{
    m_inTransaction = false;
    if (auto committed = runStatus(QStringLiteral("COMMIT")); !committed) {
        (void)runStatus(QStringLiteral("ROLLBACK"));
        return committed;
    }
    return {};
}

void SqlStorage::rollbackTransaction()
{
    m_inTransaction = false;
    (void)runStatus(QStringLiteral("ROLLBACK"));
}

Status SqlStorage::migrate()
{
    if (auto locked = lockMigrations(); !locked)
        return locked;
    const Status migrated = migrateLocked();
    unlockMigrations();
    return migrated;
}

Status SqlStorage::migrateLocked()
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

Status SqlStorage::applyVersion(int version)
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

Status SqlStorage::insertUser(const UserRecord& u)
{
    return runStatus(QStringLiteral("INSERT INTO users (") + kUserColumns +
                         QStringLiteral(", domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {u.id, u.email, u.name, blob(u.authKeyHash), blob(u.kdfSalt), u.kdfOps, u.kdfMemBytes,
                      blob(u.wrappedAccountKey), blob(u.keyBundle), blob(u.wrappedPrivateKeys),
                      u.verified ? 1 : 0, u.createdAtMs, u.domain()});
}

Result<std::optional<UserRecord>> SqlStorage::userByEmail(const QString& email)
{
    auto q = run(QStringLiteral("SELECT ") + kUserColumns +
                     QStringLiteral(", identity_key FROM users WHERE email = ?"),
                 {email});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(readUser(*q));
}

Result<std::optional<UserRecord>> SqlStorage::userById(const QString& id)
{
    auto q = run(QStringLiteral("SELECT ") + kUserColumns +
                     QStringLiteral(", identity_key FROM users WHERE id = ?"),
                 {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(readUser(*q));
}

Status SqlStorage::setUserVerified(const QString& userId, bool verified)
{
    // ever_verified keeps accounts that must re-verify after a block out of the unverified purge.
    return runStatus(QStringLiteral("UPDATE users SET verified = ?, ever_verified = "
                                    "CASE WHEN ? = 1 THEN 1 ELSE ever_verified END WHERE id = ?"),
                     {verified ? 1 : 0, verified ? 1 : 0, userId});
}

Status SqlStorage::updateCredentials(const UserRecord& u)
{
    return runStatus(
        QStringLiteral("UPDATE users SET auth_key_hash = ?, kdf_salt = ?, kdf_ops = ?, "
                       "kdf_mem = ?, wrapped_account_key = ? WHERE id = ?"),
        {blob(u.authKeyHash), blob(u.kdfSalt), u.kdfOps, u.kdfMemBytes, blob(u.wrappedAccountKey), u.id});
}

Status SqlStorage::updateKeys(const UserRecord& u)
{
    return runStatus(
        QStringLiteral(
            "UPDATE users SET key_bundle = ?, identity_key = ?, wrapped_private_keys = ? WHERE id = ?"),
        {blob(u.keyBundle), blob(u.identityKey), blob(u.wrappedPrivateKeys), u.id});
}

Result<int> SqlStorage::purgeUnverifiedBefore(qint64 ms)
{
    auto q = run(QStringLiteral("DELETE FROM users WHERE verified = 0 AND ever_verified = 0 "
                                "AND created_at < ?"),
                 {ms});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Status SqlStorage::putVerification(const VerificationRecord& r)
{
    return runStatus(QStringLiteral("INSERT INTO verifications (user_id, code_hash, expires_at, attempts) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                                    "code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
                                    "attempts = excluded.attempts"),
                     {r.userId, blob(r.codeHash), r.expiresAtMs, r.attempts});
}

Result<std::optional<VerificationRecord>> SqlStorage::verification(const QString& userId)
{
    auto q = run(QStringLiteral("SELECT user_id, code_hash, expires_at, attempts FROM verifications "
                                "WHERE user_id = ?"),
                 {userId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<VerificationRecord>();
    const Row row(*q);
    return std::optional<VerificationRecord>(VerificationRecord{row.text("user_id"), row.bytes("code_hash"),
                                                                row.integer("expires_at"),
                                                                int(row.integer("attempts"))});
}

Status SqlStorage::incrementVerificationAttempts(const QString& userId)
{
    return runStatus(QStringLiteral("UPDATE verifications SET attempts = attempts + 1 WHERE user_id = ?"),
                     {userId});
}

Status SqlStorage::deleteVerification(const QString& userId)
{
    return runStatus(QStringLiteral("DELETE FROM verifications WHERE user_id = ?"), {userId});
}

Status SqlStorage::insertSession(const SessionRecord& s)
{
    return runStatus(QStringLiteral("INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {s.id, s.userId, blob(s.tokenHash), s.createdAtMs, s.lastSeenMs});
}

Result<std::optional<SessionRecord>> SqlStorage::sessionByTokenHash(const QByteArray& hash)
{
    auto q = run(QStringLiteral("SELECT id, user_id, token_hash, created_at, last_seen FROM sessions "
                                "WHERE token_hash = ?"),
                 {blob(hash)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(readSession(*q));
}

Status SqlStorage::touchSession(const QString& sessionId, qint64 lastSeenMs)
{
    return runStatus(QStringLiteral("UPDATE sessions SET last_seen = ? WHERE id = ?"),
                     {lastSeenMs, sessionId});
}

Result<bool> SqlStorage::deleteSession(const QString& userId, const QString& sessionId)
{
    auto q = run(QStringLiteral("DELETE FROM sessions WHERE id = ? AND user_id = ?"), {sessionId, userId});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<int> SqlStorage::deleteSessionsOfUser(const QString& userId)
{
    auto q = run(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<QList<SessionRecord>> SqlStorage::sessionsOfUser(const QString& userId)
{
    auto q = run(QStringLiteral("SELECT id, user_id, token_hash, created_at, last_seen FROM sessions "
                                "WHERE user_id = ? ORDER BY created_at, id"),
                 {userId});
    if (!q)
        return q.error();
    QList<SessionRecord> sessions;
    while (q->next())
        sessions.append(readSession(*q));
    return sessions;
}

Status SqlStorage::insertOrganisation(const OrganisationRecord& org)
{
    return runStatus(QStringLiteral("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)"),
                     {org.id, org.name, org.createdAtMs});
}

Result<std::optional<OrganisationRecord>> SqlStorage::organisation(const QString& orgId)
{
    auto q = run(QStringLiteral("SELECT id, name, created_at FROM organisations WHERE id = ?"), {orgId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<OrganisationRecord>();
    return std::optional<OrganisationRecord>(readOrganisation(*q));
}

Result<QList<OrganisationRecord>> SqlStorage::organisations()
{
    auto q = run(QStringLiteral("SELECT id, name, created_at FROM organisations ORDER BY created_at, id"));
    if (!q)
        return q.error();
    QList<OrganisationRecord> orgs;
    while (q->next())
        orgs.append(readOrganisation(*q));
    return orgs;
}

Status SqlStorage::putMembership(const MembershipRecord& m)
{
    if (!m.domain.isEmpty()) {
        return runStatus(QStringLiteral("INSERT INTO org_domains (org_id, domain) VALUES (?, ?) "
                                        "ON CONFLICT (org_id, domain) DO NOTHING"),
                         {m.orgId, m.domain});
    }
    return runStatus(QStringLiteral("INSERT INTO org_members (org_id, email, role) VALUES (?, ?, ?) "
                                    "ON CONFLICT (org_id, email) DO UPDATE SET role = excluded.role"),
                     {m.orgId, m.email, m.role});
}

Result<QList<MembershipRecord>> SqlStorage::memberships(const QString& column, const QString& key,
                                                        const QString& domain)
{
    // Address memberships first, then domain memberships, each in a stable order.
    QList<MembershipRecord> list;
    auto q = run(QStringLiteral("SELECT org_id, email, role FROM org_members WHERE ") + column +
                     QStringLiteral(" = ? ORDER BY org_id, email"),
                 {key});
    if (!q)
        return q.error();
    while (q->next()) {
        const Row row(*q);
        list.append({row.text("org_id"), row.text("email"), {}, row.text("role")});
    }
    const QString domainColumn = column == QLatin1String("org_id") ? column : QStringLiteral("domain");
    auto d = run(QStringLiteral("SELECT org_id, domain FROM org_domains WHERE ") + domainColumn +
                     QStringLiteral(" = ? ORDER BY org_id, domain"),
                 {column == QLatin1String("org_id") ? key : domain});
    if (!d)
        return d.error();
    while (d->next()) {
        const Row row(*d);
        list.append({row.text("org_id"), {}, row.text("domain"), QStringLiteral("member")});
    }
    return list;
}

Result<QList<MembershipRecord>> SqlStorage::membershipsOf(const QString& orgId)
{
    return memberships(QStringLiteral("org_id"), orgId, {});
}

Result<QList<MembershipRecord>> SqlStorage::membershipsFor(const QString& email)
{
    return memberships(QStringLiteral("email"), email, email.section(QLatin1Char('@'), -1));
}

Status SqlStorage::insertBlock(const SharingBlockRecord& b)
{
    return runStatus(
        QStringLiteral("INSERT INTO sharing_blocks (id, org_id, scope, value, reason, created_at) "
                       "VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?)"),
        {b.id, b.orgId, b.scope, b.value, b.reason, b.createdAtMs});
}

Result<bool> SqlStorage::deleteBlock(const QString& orgId, const QString& blockId)
{
    auto q = run(QStringLiteral("DELETE FROM sharing_blocks WHERE id = ? AND org_id = ?"), {blockId, orgId});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<QList<SharingBlockRecord>> SqlStorage::blocksOf(const QString& orgId)
{
    auto q = run(QStringLiteral("SELECT id, org_id, scope, value, reason, created_at FROM sharing_blocks "
                                "WHERE org_id = ? ORDER BY created_at, id"),
                 {orgId});
    if (!q)
        return q.error();
    QList<SharingBlockRecord> blocks;
    while (q->next())
        blocks.append(readBlock(*q));
    return blocks;
}

Result<QStringList> SqlStorage::userIdsCoveredBy(const SharingBlockRecord& block)
{
    // Only the organisation's own members (by address or domain) are ever covered, and never
    // its owners and admins (OrganisationService::blockFor applies the same rule).
    QString sql = QStringLiteral(
        "SELECT id FROM users WHERE (email IN (SELECT email FROM org_members WHERE org_id = ?) "
        "OR domain IN (SELECT domain FROM org_domains WHERE org_id = ?)) "
        "AND email NOT IN (SELECT email FROM org_members WHERE org_id = ? AND role IN ('owner', 'admin'))");
    QVariantList binds{block.orgId, block.orgId, block.orgId};
    if (block.scope == QLatin1String("email")) {
        sql += QStringLiteral(" AND email = ?");
        binds.append(block.value);
    } else if (block.scope == QLatin1String("domain")) {
        sql += QStringLiteral(" AND domain = ?");
        binds.append(block.value);
    }
    auto q = run(sql + QStringLiteral(" ORDER BY id"), binds);
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids.append(Row(*q).text("id"));
    return ids;
}

} // namespace Conclave::Server
