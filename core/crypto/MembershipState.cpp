// Replaying and checking the membership log.
#include "core/crypto/MembershipState.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

namespace {
const QString kField = QStringLiteral("membershipLog");

Error logError(ErrorCode code, const char* text)
{
    return CryptoErrors::make(code, text, kField);
}

bool isZero(const QByteArray& bytes)
{
    return bytes.count('\0') == bytes.size();
}
} // namespace

MembershipState::MembershipState(const QUuid& folderId)
    : m_folderId(folderId)
{}

QByteArray MembershipState::headHash() const
{
    return m_hashes.isEmpty() ? QByteArray(MembershipEntry::kHashSize, '\0') : m_hashes.last();
}

FolderRole MembershipState::roleOf(const QUuid& userId) const
{
    const auto it = m_roles.find(userId);
    return it == m_roles.end() ? FolderRole::None : it->second;
}

QByteArray MembershipState::identityKeyOf(const QUuid& userId) const
{
    const auto it = m_identityKeys.find(userId);
    return it == m_identityKeys.end() ? QByteArray() : it->second;
}

QList<QUuid> MembershipState::members() const
{
    QList<QUuid> out;
    for (const auto& [id, role] : m_roles)
        out << id;
    return out;
}

bool MembershipState::heldManageDuring(const QUuid& userId, quint32 keyVersion) const
{
    const auto it = m_managersByVersion.find(keyVersion);
    return it != m_managersByVersion.end() && it->second.count(userId) > 0;
}

int MembershipState::managerCount() const
{
    int count = 0;
    for (const auto& [id, role] : m_roles)
        count += role == FolderRole::Manage ? 1 : 0;
    return count;
}

Status MembershipState::apply(const MembershipEntry& entry)
{
    const MembershipEntry::Fields& f = entry.fields();
    if (f.folderId != m_folderId)
        return logError(ErrorCode::Protocol,
                        QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                          "A membership log entry belongs to a different folder."));
    if (f.sequence != length() || f.previousHash != headHash())
        return logError(ErrorCode::Corrupt,
                        QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                          "The membership log's hash chain is broken: an entry is missing, "
                                          "reordered or changed."));

    const bool first = m_hashes.isEmpty();
    if (first != (f.action == MembershipAction::Create))
        return logError(ErrorCode::Protocol,
                        QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                          "The membership log does not start with the folder's creation."));

    const QByteArray signerKey = first ? f.subjectIdentityKey : identityKeyOf(f.signerId);
    const FolderRole signerRole = first ? FolderRole::Manage : roleOf(f.signerId);
    if (!first && signerRole == FolderRole::None)
        return logError(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A membership log entry is signed by someone who is not a member."));
    if (!UserKeys::verify(signerKey, entry.signedPart(), entry.signature()))
        return logError(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A membership log entry has an invalid signature."));

    const bool needsManage = f.action == MembershipAction::Add || f.action == MembershipAction::Remove ||
                             f.action == MembershipAction::ChangeRole || f.action == MembershipAction::Rotate;
    if (needsManage && signerRole != FolderRole::Manage)
        return logError(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A membership change is signed by a member without the Manage role."));
    const quint32 expectedVersion = f.action == MembershipAction::Rotate ? m_keyVersion + 1
                                    : first                              ? 1
                                                                         : m_keyVersion;
    if (f.keyVersion != expectedVersion)
        return logError(ErrorCode::Protocol,
                        QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                          "A membership log entry has an unexpected key version."));
    const bool validRole = f.role >= FolderRole::View && f.role <= FolderRole::Manage;
    const Error malformed = logError(ErrorCode::Protocol,
                                     QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                       "A membership log entry is not valid for the folder's "
                                                       "current members."));
    const Error lastManager =
        logError(ErrorCode::Denied, QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                      "A folder must always keep at least one manager."));

    MembershipState next = *this;
    switch (f.action) {
    case MembershipAction::Create:
        if (f.signerId != f.subjectId || f.signerId.isNull() || f.role != FolderRole::Manage ||
            isZero(f.subjectIdentityKey))
            return malformed;
        next.m_roles[f.subjectId] = FolderRole::Manage;
        next.m_identityKeys[f.subjectId] = f.subjectIdentityKey;
        break;
    case MembershipAction::Add:
        if (isMember(f.subjectId) || f.subjectId.isNull() || !validRole || isZero(f.subjectIdentityKey))
            return malformed;
        next.m_roles[f.subjectId] = f.role;
        next.m_identityKeys[f.subjectId] = f.subjectIdentityKey;
        break;
    case MembershipAction::Remove:
        if (!isMember(f.subjectId) || f.subjectId == f.signerId)
            return malformed;
        next.m_roles.erase(f.subjectId);
        next.m_rotationPending = true;
        break;
    case MembershipAction::ChangeRole:
        if (!isMember(f.subjectId) || !validRole)
            return malformed;
        next.m_roles[f.subjectId] = f.role;
        if (next.managerCount() == 0)
            return lastManager;
        break;
    case MembershipAction::Rotate:
        next.m_rotationPending = false;
        break;
    case MembershipAction::Leave:
        if (f.subjectId != f.signerId)
            return malformed;
        next.m_roles.erase(f.subjectId);
        if (next.managerCount() == 0)
            return lastManager;
        next.m_rotationPending = true;
        break;
    }
    // Fields the action does not use must hold their empty value, so that every entry has
    // exactly one encoding (docs/security/protocol.md §5.4).
    const bool usesKey = f.action == MembershipAction::Create || f.action == MembershipAction::Add;
    const bool usesRole = usesKey || f.action == MembershipAction::ChangeRole;
    if ((!usesKey && !isZero(f.subjectIdentityKey)) || (!usesRole && f.role != FolderRole::None) ||
        (f.action == MembershipAction::Rotate && !f.subjectId.isNull()))
        return malformed;
    next.m_keyVersion = f.keyVersion;
    for (const auto& [id, role] : next.m_roles) {
        if (role == FolderRole::Manage)
            next.m_managersByVersion[next.m_keyVersion].insert(id);
    }
    next.m_hashes.append(entry.hash());
    *this = std::move(next);
    return {};
}

} // namespace Conclave::Core
