// MembershipLog: replays a folder's whole membership log into a MembershipState, refusing
// rollback, truncation and forks against the checkpoint the client remembered, and builds
// the next entry for a writer (sequence, previous hash and key version filled in).
#pragma once

#include "core/crypto/LogCheckpoint.h"
#include "core/crypto/MembershipEntry.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/SecureBytes.h"
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

    // The first entry; it commits to `firstKey`, the folder key version 1.
    static MembershipEntry create(const QUuid& folderId, const QUuid& creatorId, const UserKeys& creator,
                                  const SecureBytes& firstKey, quint64 timeMs);
    // The entry that follows `state`; only action, subject, subject key, role and key
    // commitment come from the caller. It is not applied; call state.apply() to check it
    // like any other. For a rotation use rotate(), which makes the commitment.
    static MembershipEntry next(const MembershipState& state, MembershipAction action, const QUuid& signerId,
                                const UserKeys& signer, const QUuid& subjectId = {},
                                const QByteArray& subjectIdentityKey = {}, FolderRole role = FolderRole::None,
                                quint64 timeMs = 0, const QByteArray& keyCommitment = {});
    // The rotate entry introducing `newKey` as the next key version.
    static MembershipEntry rotate(const MembershipState& state, const QUuid& signerId, const UserKeys& signer,
                                  const SecureBytes& newKey, quint64 timeMs = 0);
};

} // namespace Conclave::Core
