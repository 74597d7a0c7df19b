// ItemStore: every stored envelope of a folder under its BLAKE2b hash (item_revisions) and
// the newest revision of each item (items, delete markers included). Reads return the bytes
// as stored; the service re-hashes each one before serving it, so a changed row is reported
// instead of served.
#pragma once

#include "server/storage/SharingRecords.h"
#include "server/storage/SqlStore.h"

#include <optional>

namespace Conclave::Server {

class ItemStore final : public SqlStore
{
public:
    explicit ItemStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~ItemStore() = default;
    Q_DISABLE_COPY_MOVE(ItemStore)

    Core::Status insertRevision(const ItemRevisionRecord& revision);
    // Makes `revision` the item's newest one.
    Core::Status putLatest(const ItemRevisionRecord& revision);
    Core::Result<std::optional<ItemRecord>> latest(const QString& folderId, const QString& itemId);
    Core::Result<std::optional<ItemRevisionRecord>> revision(const QString& folderId,
                                                             const QByteArray& envelopeHash);
    // The newest revisions with their envelopes, ordered by item id, after `afterItemId`.
    Core::Result<QList<ItemRevisionRecord>> latestPage(const QString& folderId, const QString& afterItemId,
                                                       int limit);
    // The newest revisions written by a state after `stateSeq` (what a client on that state
    // misses), ordered by item id, after `afterItemId`.
    Core::Result<QList<ItemRevisionRecord>> changedSince(const QString& folderId, qint64 stateSeq,
                                                         const QString& afterItemId, int limit);
    // Every newest revision with its envelope (to rebuild the folder's state chain).
    Core::Result<QList<ItemRevisionRecord>> allLatest(const QString& folderId);
    Core::Result<qint64> countLatest(const QString& folderId);
};

} // namespace Conclave::Server
