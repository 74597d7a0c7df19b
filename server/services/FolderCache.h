// FolderCache: per folder, the membership state replayed from its log and the folder state
// chain with its live item set, kept between requests so a write checks one signature and
// rehashes one bucket instead of replaying the log and rehashing every item (a folder of
// 10,000 items). An entry is valid only for the log length and state sequence the folders
// row holds: the caller passes the row it read inside its transaction, and a stale entry
// (another server process wrote, or a write here was rolled back) is rebuilt from storage.
// A write that changed an entry and then failed to commit must call invalidate().
#pragma once

#include "server/storage/FolderStore.h"
#include "server/storage/ItemStore.h"
#include "server/storage/MembershipStore.h"

#include "core/crypto/FolderStateChain.h"
#include "core/crypto/MembershipState.h"

#include <map>
#include <memory>

namespace Conclave::Server {

class FolderCache final
{
public:
    // Folders kept at once; beyond it the least recently used entry is dropped.
    static constexpr std::size_t kMaxFolders = 512;

    FolderCache(FolderStore& folders, MembershipStore& membership, ItemStore& items);
    Q_DISABLE_COPY_MOVE(FolderCache)

    // The log replayed up to folder.logLength. Corrupt when a stored entry fails the core's
    // checks (nothing is served from a log that does not replay).
    Core::Result<Core::MembershipState*> members(const FolderRecord& folder);
    // The state chain at folder.stateSeq, over `members` (from members() above).
    Core::Result<Core::FolderStateChain*> chain(const FolderRecord& folder);
    // The membership state after an accepted append, for the new log length.
    void storeMembers(const FolderRecord& folder, Core::MembershipState state);
    // The chain (changed by an accepted write that then committed) is now at `stateSeq`.
    void chainAdvanced(const QString& folderId, qint64 stateSeq);
    void invalidate(const QString& folderId);

private:
    struct Entry
    {
        qint64 logLength = -1;
        std::unique_ptr<Core::MembershipState> members;
        qint64 stateSeq = -1;
        std::unique_ptr<Core::FolderStateChain> chain;
        quint64 used = 0;
    };
    Entry& entry(const QString& folderId);
    Core::Status rebuildChain(const FolderRecord& folder, Entry& entry);

    FolderStore& m_folders;
    MembershipStore& m_membership;
    ItemStore& m_items;
    std::map<QString, Entry> m_entries;
    quint64 m_clock = 0;
};

} // namespace Conclave::Server
