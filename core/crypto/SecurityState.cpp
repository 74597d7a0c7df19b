// The remembered security state of one account.
#include "core/crypto/SecurityState.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/FolderState.h"
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

void SecurityState::touchFolder(const QUuid& folderId)
{
    if (!touched.all)
        touched.folders.insert(folderId);
}

void SecurityState::acceptLog(const MembershipState& state)
{
    FolderRecord& record = folders[state.folderId()];
    if (state.length() >= record.log.length) {
        record.log = state.checkpoint();
        touchFolder(state.folderId());
    }
}

void SecurityState::acceptFolderState(const QUuid& folderId, quint64 writeSequence,
                                      const QByteArray& stateHash)
{
    FolderRecord& record = folders[folderId];
    if (record.stateHash.isEmpty() || writeSequence >= record.writeSequence) {
        record.writeSequence = writeSequence;
        record.stateHash = stateHash;
        touchFolder(folderId);
    }
}

void SecurityState::acceptFolderState(const FolderState& state)
{
    acceptFolderState(state.fields().folderId, state.fields().sequence, state.hash());
}

Status SecurityState::checkFolderState(const FolderState& state) const
{
    const auto it = folders.find(state.fields().folderId);
    if (it == folders.end() || it->second.stateHash.isEmpty())
        return {};
    const FolderRecord& record = it->second;
    if (state.fields().sequence < record.writeSequence)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The server sent an older state of this folder than this "
                                                    "computer has already accepted (rollback)."));
    if (state.fields().sequence == record.writeSequence && state.hash() != record.stateHash)
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "The server sent a state of this folder that contradicts the "
                              "one this computer has already accepted (fork)."));
    return {};
}

void SecurityState::acceptItem(const QUuid& folderId, const QUuid& itemId, const ItemReader::Seen& seen)
{
    auto [it, inserted] = items.try_emplace({folderId, itemId}, seen);
    if (!inserted && seen.revision >= it->second.revision)
        it->second = seen;
    else if (!inserted)
        return;
    if (!touched.all)
        touched.items.insert({folderId, itemId});
}

} // namespace Conclave::Core
