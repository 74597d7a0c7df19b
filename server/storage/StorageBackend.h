// StorageBackend: the one interface between the server's services and its database. Two
// real implementations: SqliteStorage (WAL, the default) and PostgresStorage, over the one
// list of schema versions in SchemaMigrations; the same integration suite runs against each.
// A write of several statements runs inside a StorageTransaction.
#pragma once

#include "server/storage/StorageRecords.h"

#include "core/util/Result.h"

#include <QtGlobal>

#include <optional>

namespace Conclave::Server {

class StorageBackend
{
public:
    StorageBackend() = default;
    virtual ~StorageBackend() = default;
    Q_DISABLE_COPY_MOVE(StorageBackend)

    // Opens the database and applies pending migrations; a schema newer than this build
    // is refused, never modified.
    virtual Core::Status open() = 0;
    virtual int schemaVersion() = 0;
    virtual QString backendName() const = 0;

    // Accounts. insertUser reports AlreadyExists for a taken address.
    virtual Core::Status insertUser(const UserRecord& user) = 0;
    virtual Core::Result<std::optional<UserRecord>> userByEmail(const QString& email) = 0;
    virtual Core::Result<std::optional<UserRecord>> userById(const QString& id) = 0;
    virtual Core::Status setUserVerified(const QString& userId, bool verified) = 0;
    virtual Core::Status updateCredentials(const UserRecord& user) = 0; // hash, KDF, wrapped key
    // Bundle, identity key, wrapped keys; AlreadyExists when another account has the key.
    virtual Core::Status updateKeys(const UserRecord& user) = 0;
    virtual Core::Result<int> purgeUnverifiedBefore(qint64 ms) = 0;

    // Verification codes, one pending per user.
    virtual Core::Status putVerification(const VerificationRecord& record) = 0;
    virtual Core::Result<std::optional<VerificationRecord>> verification(const QString& userId) = 0;
    virtual Core::Status incrementVerificationAttempts(const QString& userId) = 0;
    virtual Core::Status deleteVerification(const QString& userId) = 0;

    // Sessions.
    virtual Core::Status insertSession(const SessionRecord& session) = 0;
    virtual Core::Result<std::optional<SessionRecord>> sessionByTokenHash(const QByteArray& hash) = 0;
    virtual Core::Status touchSession(const QString& sessionId, qint64 lastSeenMs) = 0;
    virtual Core::Result<bool> deleteSession(const QString& userId, const QString& sessionId) = 0;
    virtual Core::Result<int> deleteSessionsOfUser(const QString& userId) = 0;
    virtual Core::Result<QList<SessionRecord>> sessionsOfUser(const QString& userId) = 0;

    // Organisations.
    virtual Core::Status insertOrganisation(const OrganisationRecord& org) = 0;
    virtual Core::Result<std::optional<OrganisationRecord>> organisation(const QString& orgId) = 0;
    virtual Core::Result<QList<OrganisationRecord>> organisations() = 0;
    virtual Core::Status putMembership(const MembershipRecord& membership) = 0;
    virtual Core::Result<QList<MembershipRecord>> membershipsOf(const QString& orgId) = 0;
    // Memberships that apply to an address: by the address itself or by its domain.
    virtual Core::Result<QList<MembershipRecord>> membershipsFor(const QString& email) = 0;

    // Team Sharing blocks.
    virtual Core::Status insertBlock(const SharingBlockRecord& block) = 0;
    virtual Core::Result<bool> deleteBlock(const QString& orgId, const QString& blockId) = 0;
    virtual Core::Result<QList<SharingBlockRecord>> blocksOf(const QString& orgId) = 0;
    // Users whose address or domain a block covers (for an organisation block: its members).
    virtual Core::Result<QStringList> userIdsCoveredBy(const SharingBlockRecord& block) = 0;

protected:
    friend class StorageTransaction;
    // Used through StorageTransaction only. begin fails (Internal) while a transaction is open.
    virtual Core::Status beginTransaction() = 0;
    virtual Core::Status commitTransaction() = 0;
    virtual void rollbackTransaction() = 0;
};

} // namespace Conclave::Server
