// MembershipLog: replays a folder's whole membership log into a MembershipState, refusing
// rollback, truncation and forks against the checkpoint the client remembered, and builds
// the next entry for a writer (sequence, previous hash and key version filled in).
#pragma once

#include "core/crypto/LogCheckpoint.h"
#include "core/crypto/MembershipEntry.h"
#include "core/crypto/MembershipState.h"
#include "core/util/Result.h"

#include <QList>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class UserKeys;

class MembershipLog final
{
public:
    static Result<MembershipState> replay(const QUuid& folderId, const QList<MembershipEntry>& entries,
                                          const std::optional<LogCheckpoint>& lastSeen);
    // Parses each entry first; a malformed one fails the whole log.
    static Result<MembershipState> replayBytes(const QUuid& folderId, const QList<QByteArray>& entries,
                                               const std::optional<LogCheckpoint>& lastSeen);

    static MembershipEntry create(const QUuid& folderId, const QUuid& creatorId, const UserKeys& creator,
                                  quint64 timeMs);
    // The entry that follows `state`; only action, subject, subject key and role come from
    // the caller. It is not applied; call state.apply() to check it like any other.
    static MembershipEntry next(const MembershipState& state, MembershipAction action, const QUuid& signerId,
                                const UserKeys& signer, const QUuid& subjectId = {},
                                const QByteArray& subjectIdentityKey = {}, FolderRole role = FolderRole::None,
                                quint64 timeMs = 0);
};

} // namespace Conclave::Core
