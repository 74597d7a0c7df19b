// OrganisationStore: organisations with their members by address (org_members, with a role)
// and by domain (org_domains, always members).
#pragma once

#include "server/storage/SqlStore.h"
#include "server/storage/StorageRecords.h"

#include <QStringList>

#include <optional>

namespace Conclave::Server {

class OrganisationStore final : public SqlStore
{
public:
    explicit OrganisationStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~OrganisationStore() = default;
    Q_DISABLE_COPY_MOVE(OrganisationStore)

    Core::Status insertOrganisation(const OrganisationRecord& org);
    Core::Result<std::optional<OrganisationRecord>> organisation(const QString& orgId);
    Core::Result<QList<OrganisationRecord>> organisations();
    Core::Status putMembership(const MembershipRecord& membership);
    Core::Result<QList<MembershipRecord>> membershipsOf(const QString& orgId);
    // Memberships that apply to an address: by the address itself or by its domain.
    Core::Result<QList<MembershipRecord>> membershipsFor(const QString& email);

private:
    // Memberships by org_id (all of an organisation's) or by email (an address's own and its
    // domain's); `column` is one of those two fixed names, never input.
    Core::Result<QList<MembershipRecord>> memberships(const QString& column, const QString& key,
                                                      const QString& domain);
};

} // namespace Conclave::Server
