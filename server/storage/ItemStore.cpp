// The item_revisions and items tables.
#include "server/storage/ItemStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

const QString kRevisionColumns =
    QStringLiteral("r.folder_id AS folder_id, r.envelope_hash AS envelope_hash, r.item_id AS item_id, "
                   "r.revision AS revision, r.kind AS kind, r.key_version AS key_version, "
                   "r.author_id AS author_id, r.state_seq AS state_seq, r.envelope AS envelope, "
                   "r.created_at AS created_at");

ItemRevisionRecord readRevision(const QSqlQuery& q)
{
    const SqlRow row(q);
    return ItemRevisionRecord{
        row.text("folder_id"),    row.bytes("envelope_hash"), row.text("item_id"),   row.integer("revision"),
        int(row.integer("kind")), row.integer("key_version"), row.text("author_id"), row.integer("state_seq"),
        row.bytes("envelope"),    row.integer("created_at")};
}

// The newest revisions joined with their envelopes; `where` adds conditions on i (items).
QString latestJoin(const QString& where)
{
    return QStringLiteral("SELECT ") + kRevisionColumns +
           QStringLiteral(" FROM items i JOIN item_revisions r ON r.folder_id = i.folder_id "
                          "AND r.envelope_hash = i.envelope_hash WHERE i.folder_id = ? ") +
           where + QStringLiteral(" ORDER BY i.item_id");
}

} // namespace

Status ItemStore::insertRevision(const ItemRevisionRecord& r)
{
    return runStatus(
        QStringLiteral("INSERT INTO item_revisions (folder_id, envelope_hash, item_id, revision, "
                       "kind, key_version, author_id, state_seq, envelope, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.folderId, blob(r.envelopeHash), r.itemId, r.revision, r.kind, r.keyVersion, r.authorId, r.stateSeq,
         blob(r.envelope), r.createdAtMs});
}

Status ItemStore::putLatest(const ItemRevisionRecord& r)
{
    return runStatus(
        QStringLiteral("INSERT INTO items (folder_id, item_id, revision, kind, envelope_hash, "
                       "state_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (folder_id, item_id) DO UPDATE SET revision = excluded.revision, "
                       "kind = excluded.kind, envelope_hash = excluded.envelope_hash, "
                       "state_seq = excluded.state_seq, updated_at = excluded.updated_at"),
        {r.folderId, r.itemId, r.revision, r.kind, blob(r.envelopeHash), r.stateSeq, r.createdAtMs});
}

Result<std::optional<ItemRecord>> ItemStore::latest(const QString& folderId, const QString& itemId)
{
    return firstRow(QStringLiteral("SELECT folder_id, item_id, revision, kind, envelope_hash, state_seq, "
                                   "updated_at FROM items WHERE folder_id = ? AND item_id = ?"),
                    {folderId, itemId}, [](const QSqlQuery& q) {
                        const SqlRow row(q);
                        return ItemRecord{row.text("folder_id"),      row.text("item_id"),
                                          row.integer("revision"),    int(row.integer("kind")),
                                          row.bytes("envelope_hash"), row.integer("state_seq"),
                                          row.integer("updated_at")};
                    });
}

Result<std::optional<ItemRevisionRecord>> ItemStore::revision(const QString& folderId,
                                                              const QByteArray& envelopeHash)
{
    return firstRow(
        QStringLiteral("SELECT ") + kRevisionColumns +
            QStringLiteral(" FROM item_revisions r WHERE r.folder_id = ? AND r.envelope_hash = ?"),
        {folderId, blob(envelopeHash)}, readRevision);
}

Result<QList<ItemRevisionRecord>> ItemStore::latestPage(const QString& folderId, const QString& afterItemId,
                                                        int limit)
{
    return allRows(latestJoin(QStringLiteral("AND i.item_id > ?")) + QStringLiteral(" LIMIT ?"),
                   {folderId, afterItemId.isNull() ? QStringLiteral("") : afterItemId, limit}, readRevision);
}

Result<QList<ItemRevisionRecord>> ItemStore::changedSince(const QString& folderId, qint64 stateSeq,
                                                          const QString& afterItemId, int limit)
{
    return allRows(
        latestJoin(QStringLiteral("AND i.state_seq > ? AND i.item_id > ?")) + QStringLiteral(" LIMIT ?"),
        {folderId, stateSeq, afterItemId.isNull() ? QStringLiteral("") : afterItemId, limit}, readRevision);
}

Result<QList<ItemRevisionRecord>> ItemStore::allLatest(const QString& folderId)
{
    return allRows(latestJoin({}), {folderId}, readRevision);
}

Result<qint64> ItemStore::countLatest(const QString& folderId)
{
    auto q = run(QStringLiteral("SELECT COUNT(*) AS n FROM items WHERE folder_id = ?"), {folderId});
    if (!q)
        return q.error();
    return q->next() ? SqlRow(*q).integer("n") : 0;
}

} // namespace Conclave::Server
