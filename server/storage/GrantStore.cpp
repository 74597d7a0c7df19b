// The grants table.
#include "server/storage/GrantStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

Status GrantStore::putGrant(const GrantRecord& g)
{
    return runStatus(
        QStringLiteral("INSERT INTO grants (folder_id, recipient_id, key_version, log_position, "
                       "granter_id, grant_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (folder_id, recipient_id, key_version) DO UPDATE SET "
                       "log_position = excluded.log_position, granter_id = excluded.granter_id, "
                       "grant_bytes = excluded.grant_bytes, created_at = excluded.created_at"),
        {g.folderId, g.recipientId, g.keyVersion, g.logPosition, g.granterId, blob(g.grant), g.createdAtMs});
}

Result<QList<GrantRecord>> GrantStore::grants(const QString& folderId, const QString& recipientId)
{
    QString sql = QStringLiteral("SELECT folder_id, recipient_id, key_version, log_position, granter_id, "
                                 "grant_bytes, created_at FROM grants WHERE folder_id = ?");
    QVariantList binds{folderId};
    if (!recipientId.isEmpty()) {
        sql += QStringLiteral(" AND recipient_id = ?");
        binds.append(recipientId);
    }
    sql += QStringLiteral(" ORDER BY key_version, recipient_id");
    return allRows(sql, binds, [](const QSqlQuery& q) {
        const SqlRow row(q);
        return GrantRecord{row.text("folder_id"),       row.text("recipient_id"), row.integer("key_version"),
                           row.integer("log_position"), row.text("granter_id"),   row.bytes("grant_bytes"),
                           row.integer("created_at")};
    });
}

} // namespace Conclave::Server
