// ItemService: the encrypted items of shared folders and key rotations. An item write is one
// envelope with the next folder state: the state must follow the folder's current one
// (FolderStateChain::follows, else a conflict carrying the current state for the client to
// rebase on), the envelope must pass ItemReader::check() (placement, the author's signature
// and Edit right, the revision chain, the current key version) with the caller as author and
// writer, and FolderStateChain::acceptWrite() must accept the state for exactly that
// envelope. Each envelope is stored under its BLAKE2b hash and re-hashed on every read: a
// row that no longer matches is reported, never served.
//
// A rotation (remove and rotate entries, the key chain link, a grant of the new key to every
// remaining member, every item re-encrypted and the rotation's folder state) is checked
// whole and applied in one transaction, so no crash leaves half of it behind.
#pragma once

#include "server/services/FolderCache.h"
#include "server/services/FolderService.h"
#include "server/storage/FolderStore.h"
#include "server/storage/GrantStore.h"
#include "server/storage/ItemStore.h"

#include <optional>

namespace Conclave::Core {
class FolderState;
}

namespace Conclave::Server {

struct ItemWrite
{
    // Accepted: the stored revision and the new state sequence.
    std::optional<ItemRevisionRecord> stored;
    qint64 stateSeq = 0;
    // Not accepted because the state does not follow: the folder's current state (empty
    // before the first write) for the client to rebase on.
    std::optional<FolderStateRecord> current;
    qint64 writerBase = 0; // the state sequence the refused write was made on
    bool conflict() const { return !stored.has_value(); }
};

struct RotationRequest
{
    QList<QByteArray> entries; // remove (optional) then rotate
    QByteArray chainLink;
    QList<QByteArray> grants;
    QList<QByteArray> items;
    QByteArray state;
};

// A page of stored envelopes, each verified against its hash; `corrupt` lists the item ids
// whose row failed (they are left out, never served).
struct ItemPage
{
    QList<ItemRevisionRecord> items;
    QStringList corrupt;
    QString next; // the item id to continue after; empty on the last page
};

class ItemService final
{
public:
    static constexpr int kMaxPage = 500;
    static constexpr int kMaxRotationItems = 20000;

    ItemService(SqlDatabase& database, FolderService& folders, FolderStore& folderStore, ItemStore& items,
                GrantStore& grants, FolderCache& cache);
    Q_DISABLE_COPY_MOVE(ItemService)

    // `pathItemId` empty for a new item (POST); else it must be the envelope's item id.
    Core::Result<ItemWrite> write(const QString& userId, const QString& folderId, const QString& pathItemId,
                                  const QByteArray& envelope, const QByteArray& state);
    Core::Result<ItemWrite> rotate(const QString& userId, const QString& folderId,
                                   const RotationRequest& request);

    // Newest revisions after `afterItemId`; with sinceState >= 0 only those written after it.
    Core::Result<ItemPage> page(const QString& folderId, const QString& afterItemId, int limit,
                                qint64 sinceState);
    Core::Result<ItemRevisionRecord> latest(const QString& folderId, const QString& itemId);
    Core::Result<std::optional<FolderStateRecord>> currentState(const FolderRecord& folder);

private:
    // Whether a stored revision still matches its hash and its row (logged when not).
    static bool intact(const ItemRevisionRecord& row);
    Core::Result<ItemWrite> conflictWith(const FolderRecord& folder, const Core::FolderState& sent);

    SqlDatabase& m_database;
    FolderService& m_folderService;
    FolderStore& m_folders;
    ItemStore& m_items;
    GrantStore& m_grants;
    FolderCache& m_cache;
};

} // namespace Conclave::Server
