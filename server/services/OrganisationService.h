// OrganisationService: organisations (created by operators with `conclave-server admin`),
// their owners, admins and members by address or domain, and the Team Sharing blocks org
// admins set for the whole organisation, an address or a domain of its own. Setting a block
// revokes the covered users' sessions and makes them verify their email again (DESIGN §3).
// A block never covers the organisation's owners and admins, so no admin can lock out
// themselves or the other admins; an admin's sharing is stopped by making them a member first.
#pragma once

#include "server/services/AccessCache.h"
#include "server/services/LiveHub.h"
#include "server/services/SessionService.h"
#include "server/storage/AccountStore.h"
#include "server/storage/BlockStore.h"
#include "server/storage/ChangeStore.h"
#include "server/storage/OrganisationStore.h"

#include "core/util/Clock.h"

namespace Conclave::Server {

class OrganisationService final
{
public:
    static inline const QStringList kRoles{QStringLiteral("owner"), QStringLiteral("admin"),
                                           QStringLiteral("member")};
    static inline const QStringList kScopes{QStringLiteral("organisation"), QStringLiteral("email"),
                                            QStringLiteral("domain")};

    // Setting a block appends a "blocked" change for every user it covers, lifting it an
    // "unblocked" change for every user no other block still covers (both user-addressed,
    // in the block's transaction), and tells `live` after the commit.
    OrganisationService(SqlDatabase& database, OrganisationStore& organisations, BlockStore& blocks,
                        AccountStore& accounts, SessionService& sessions, const Core::Clock& clock,
                        ChangeStore& changes, LiveHub& live, AccessCache& cache);
    Q_DISABLE_COPY_MOVE(OrganisationService)

    Core::Result<OrganisationRecord> create(const QString& name, const QString& ownerEmail);
    Core::Status addMember(const QString& orgId, const QString& email, const QString& role);
    Core::Status addDomain(const QString& orgId, const QString& domain);
    Core::Result<QList<MembershipRecord>> membershipsFor(const QString& email);
    // The strongest role the address holds in the organisation; empty when none.
    Core::Result<QString> roleOf(const QString& orgId, const QString& email);

    Core::Result<SharingBlockRecord> block(const QString& orgId, const QString& scope, const QString& value,
                                           const QString& reason);
    Core::Result<bool> unblock(const QString& orgId, const QString& blockId);
    Core::Result<QList<SharingBlockRecord>> blocks(const QString& orgId);
    // The first block that covers this user, if any.
    Core::Result<std::optional<SharingBlockRecord>> blockFor(const UserRecord& user);

private:
    Core::Status requireOrganisation(const QString& orgId);
    // InvalidInput unless the blocked address or domain belongs to the organisation; Denied
    // for an address of one of its owners or admins.
    Core::Status requireInside(const QString& orgId, const QString& scope, const QString& value);

    SqlDatabase& m_database;
    OrganisationStore& m_organisations;
    BlockStore& m_blocks;
    AccountStore& m_accounts;
    SessionService& m_sessions;
    const Core::Clock& m_clock;
    ChangeStore& m_changes;
    LiveHub& m_live;
    AccessCache& m_cache;
};

} // namespace Conclave::Server
