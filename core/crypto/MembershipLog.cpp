// Whole-log replay with rollback and fork detection.
#include "core/crypto/MembershipLog.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/KeyCommitment.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

Result<MembershipState> MembershipLog::replay(const QUuid& folderId, const QList<MembershipEntry>& entries,
                                              const std::optional<LogCheckpoint>& lastSeen)
{
    const QString field = QStringLiteral("membershipLog");
    if (lastSeen && quint64(entries.size()) < lastSeen->length)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The server sent an older or truncated membership list "
                                                    "than this computer has already seen (rollback)."),
                                  field);
    if (entries.isEmpty())
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The server sent an empty membership list."), field);
    MembershipState state(folderId);
    for (const MembershipEntry& entry : entries) {
        if (const Status applied = state.apply(entry); !applied)
            return applied.error();
    }
    if (lastSeen && lastSeen->length > 0 && state.hashAt(lastSeen->length - 1) != lastSeen->headHash)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The server sent a membership list that contradicts one "
                                                    "this computer has already seen (fork)."),
                                  field);
    return state;
}

Result<MembershipState> MembershipLog::replayBytes(const QUuid& folderId, const QList<QByteArray>& entries,
                                                   const std::optional<LogCheckpoint>& lastSeen)
{
    QList<MembershipEntry> parsed;
    parsed.reserve(entries.size());
    for (const QByteArray& bytes : entries) {
        Result<MembershipEntry> entry = MembershipEntry::parse(bytes);
        if (!entry)
            return entry.error();
        parsed << std::move(entry).value();
    }
    return replay(folderId, parsed, lastSeen);
}

MembershipEntry MembershipLog::create(const QUuid& folderId, const QUuid& creatorId, const UserKeys& creator,
                                      const SecureBytes& firstKey, quint64 timeMs)
{
    MembershipEntry::Fields f;
    f.folderId = folderId;
    f.action = MembershipAction::Create;
    f.signerId = creatorId;
    f.subjectId = creatorId;
    f.subjectIdentityKey = creator.identityPublicKey();
    f.role = FolderRole::Manage;
    f.keyVersion = 1;
    f.keyCommitment = KeyCommitment::of(firstKey, folderId, 1);
    f.timeMs = timeMs;
    return MembershipEntry::sign(f, creator);
}

MembershipEntry MembershipLog::next(const MembershipState& state, MembershipAction action,
                                    const QUuid& signerId, const UserKeys& signer, const QUuid& subjectId,
                                    const QByteArray& subjectIdentityKey, FolderRole role, quint64 timeMs,
                                    const QByteArray& keyCommitment)
{
    MembershipEntry::Fields f;
    f.folderId = state.folderId();
    f.sequence = state.length();
    f.previousHash = state.headHash();
    f.action = action;
    f.signerId = signerId;
    f.subjectId = action == MembershipAction::Leave ? signerId : subjectId;
    f.subjectIdentityKey = subjectIdentityKey;
    f.role = role;
    f.keyVersion = state.currentKeyVersion() + (action == MembershipAction::Rotate ? 1 : 0);
    f.keyCommitment = keyCommitment;
    f.timeMs = timeMs;
    return MembershipEntry::sign(f, signer);
}

MembershipEntry MembershipLog::rotate(const MembershipState& state, const QUuid& signerId,
                                      const UserKeys& signer, const SecureBytes& newKey, quint64 timeMs)
{
    const QByteArray commitment = KeyCommitment::of(newKey, state.folderId(), state.currentKeyVersion() + 1);
    return next(state, MembershipAction::Rotate, signerId, signer, {}, {}, FolderRole::None, timeMs,
                commitment);
}

} // namespace Conclave::Core
