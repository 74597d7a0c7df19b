// The remembered security state of one account.
#include "core/crypto/SecurityState.h"

#include "core/crypto/MembershipState.h"

namespace Conclave::Core {

std::optional<LogCheckpoint> SecurityState::checkpoint(const QUuid& folderId) const
{
    const auto it = folders.find(folderId);
    if (it == folders.end() || it->second.log.length == 0)
        return std::nullopt;
    return it->second.log;
}

std::optional<ItemReader::Seen> SecurityState::seen(const QUuid& folderId, const QUuid& itemId) const
{
    const auto it = items.find({folderId, itemId});
    if (it == items.end())
        return std::nullopt;
    return it->second;
}

void SecurityState::acceptLog(const MembershipState& state)
{
    FolderRecord& record = folders[state.folderId()];
    if (state.length() >= record.log.length)
        record.log = state.checkpoint();
}

void SecurityState::acceptFolderState(const QUuid& folderId, quint64 writeSequence,
                                      const QByteArray& stateHash)
{
    FolderRecord& record = folders[folderId];
    if (record.stateHash.isEmpty() || writeSequence >= record.writeSequence) {
        record.writeSequence = writeSequence;
        record.stateHash = stateHash;
    }
}

void SecurityState::acceptItem(const QUuid& folderId, const QUuid& itemId, const ItemReader::Seen& seen)
{
    auto [it, inserted] = items.try_emplace({folderId, itemId}, seen);
    if (!inserted && seen.revision >= it->second.revision)
        it->second = seen;
}

} // namespace Conclave::Core
