// The membership_entries table.
#include "server/storage/MembershipStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

Status MembershipStore::insertEntry(const MembershipEntryRecord& e)
{
    return runStatus(
        QStringLiteral("INSERT INTO membership_entries (folder_id, seq, entry, entry_hash, "
                       "signer_id, action, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {e.folderId, e.seq, blob(e.entry), blob(e.entryHash), e.signerId, e.action, e.createdAtMs});
}

Result<QList<MembershipEntryRecord>> MembershipStore::entries(const QString& folderId, qint64 fromSeq)
{
    return allRows(QStringLiteral("SELECT folder_id, seq, entry, entry_hash, signer_id, action, created_at "
                                  "FROM membership_entries WHERE folder_id = ? AND seq >= ? ORDER BY seq"),
                   {folderId, fromSeq}, [](const QSqlQuery& q) {
                       const SqlRow row(q);
                       return MembershipEntryRecord{row.text("folder_id"),    row.integer("seq"),
                                                    row.bytes("entry"),       row.bytes("entry_hash"),
                                                    row.text("signer_id"),    int(row.integer("action")),
                                                    row.integer("created_at")};
                   });
}

} // namespace Conclave::Server
