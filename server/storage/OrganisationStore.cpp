// The organisations, org_members and org_domains tables.
#include "server/storage/OrganisationStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

OrganisationRecord readOrganisation(const QSqlQuery& q)
{
    const SqlRow row(q);
    return OrganisationRecord{row.text("id"), row.text("name"), row.integer("created_at")};
}

} // namespace

Status OrganisationStore::insertOrganisation(const OrganisationRecord& org)
{
    return runStatus(QStringLiteral("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)"),
                     {org.id, org.name, org.createdAtMs});
}

Result<std::optional<OrganisationRecord>> OrganisationStore::organisation(const QString& orgId)
{
    return firstRow(QStringLiteral("SELECT id, name, created_at FROM organisations WHERE id = ?"), {orgId},
                    readOrganisation);
}

Result<QList<OrganisationRecord>> OrganisationStore::organisations()
{
    return allRows(QStringLiteral("SELECT id, name, created_at FROM organisations ORDER BY created_at, id"),
                   {}, readOrganisation);
}

Status OrganisationStore::putMembership(const MembershipRecord& m)
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

Result<QList<MembershipRecord>> OrganisationStore::memberships(const QString& column, const QString& key,
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
        const SqlRow row(*q);
        list.append({row.text("org_id"), row.text("email"), {}, row.text("role")});
    }
    const QString domainColumn = column == QLatin1String("org_id") ? column : QStringLiteral("domain");
    auto d = run(QStringLiteral("SELECT org_id, domain FROM org_domains WHERE ") + domainColumn +
                     QStringLiteral(" = ? ORDER BY org_id, domain"),
                 {column == QLatin1String("org_id") ? key : domain});
    if (!d)
        return d.error();
    while (d->next()) {
        const SqlRow row(*d);
        list.append({row.text("org_id"), {}, row.text("domain"), QStringLiteral("member")});
    }
    return list;
}

Result<QList<MembershipRecord>> OrganisationStore::membershipsOf(const QString& orgId)
{
    return memberships(QStringLiteral("org_id"), orgId, {});
}

Result<QList<MembershipRecord>> OrganisationStore::membershipsFor(const QString& email)
{
    return memberships(QStringLiteral("email"), email, email.section(QLatin1Char('@'), -1));
}

} // namespace Conclave::Server
