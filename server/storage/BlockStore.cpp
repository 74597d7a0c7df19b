// The sharing_blocks table.
#include "server/storage/BlockStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

SharingBlockRecord readBlock(const QSqlQuery& q)
{
    const SqlRow row(q);
    return SharingBlockRecord{row.text("id"),    row.text("org_id"), row.text("scope"),
                              row.text("value"), row.text("reason"), row.integer("created_at")};
}

} // namespace

Status BlockStore::insertBlock(const SharingBlockRecord& b)
{
    return runStatus(
        QStringLiteral("INSERT INTO sharing_blocks (id, org_id, scope, value, reason, created_at) "
                       "VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?)"),
        {b.id, b.orgId, b.scope, b.value, b.reason, b.createdAtMs});
}

Result<bool> BlockStore::deleteBlock(const QString& orgId, const QString& blockId)
{
    auto changed = changedRows(QStringLiteral("DELETE FROM sharing_blocks WHERE id = ? AND org_id = ?"),
                               {blockId, orgId});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<QList<SharingBlockRecord>> BlockStore::blocksOf(const QString& orgId)
{
    return allRows(QStringLiteral("SELECT id, org_id, scope, value, reason, created_at FROM sharing_blocks "
                                  "WHERE org_id = ? ORDER BY created_at, id"),
                   {orgId}, readBlock);
}

Result<QStringList> BlockStore::userIdsCoveredBy(const SharingBlockRecord& block)
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
    return allRows(sql + QStringLiteral(" ORDER BY id"), binds,
                   [](const QSqlQuery& q) { return SqlRow(q).text("id"); });
}

} // namespace Conclave::Server
