// Replaying and checking the membership log.
#include "core/crypto/MembershipState.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/UserKeys.h"

#include <algorithm>

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

QByteArray MembershipState::keyCommitment(quint32 keyVersion) const
{
    const auto it = m_commitments.find(keyVersion);
    return it == m_commitments.end() ? QByteArray() : it->second;
}

const MembershipState::Record* MembershipState::recordAt(const QUuid& userId, quint64 length) const
{
    const auto it = m_history.find(userId);
    if (it == m_history.end() || length == 0 || length > this->length())
        return nullptr;
    const std::vector<Record>& records = it->second;
    // The last record in force at `length`.
    const auto after = std::upper_bound(records.begin(), records.end(), length,
                                        [](quint64 l, const Record& r) { return l < r.from; });
    return after == records.begin() ? nullptr : &*(after - 1);
}

quint64 MembershipState::lastChangeOf(const QUuid& userId) const
{
    const auto it = m_history.find(userId);
    return it == m_history.end() || it->second.empty() ? 0 : it->second.back().from;
}

FolderRole MembershipState::roleAt(const QUuid& userId, quint64 length) const
{
    const Record* record = recordAt(userId, length);
    return record ? record->role : FolderRole::None;
}

QByteArray MembershipState::identityKeyAt(const QUuid& userId, quint64 length) const
{
    const Record* record = recordAt(userId, length);
    return record ? record->key : QByteArray();
}

quint32 MembershipState::keyVersionAt(quint64 length) const
{
    if (length == 0 || length > this->length())
        return 0;
    const auto after = std::upper_bound(m_versionStart.begin(), m_versionStart.end(), length);
    return quint32(after - m_versionStart.begin());
}

FolderRole MembershipState::highestRoleDuring(const QUuid& userId, quint32 keyVersion) const
{
    FolderRole highest = FolderRole::None;
    const auto it = m_history.find(userId);
    if (it == m_history.end() || keyVersion == 0 || keyVersion > m_versionStart.size())
        return highest;
    const quint64 begin = m_versionStart[keyVersion - 1];
    const quint64 end = keyVersion < m_versionStart.size() ? m_versionStart[keyVersion] : length() + 1;
    const std::vector<Record>& records = it->second;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const quint64 until = i + 1 < records.size() ? records[i + 1].from : length() + 1;
        if (records[i].from < end && until > begin && quint8(records[i].role) > quint8(highest))
            highest = records[i].role;
    }
    return highest;
}

bool MembershipState::editLostUnderCurrentKey() const
{
    for (const auto& [userId, role] : m_roles) {
        if (!roleAtLeast(role, FolderRole::Edit) &&
            roleAtLeast(highestRoleDuring(userId, m_keyVersion), FolderRole::Edit))
            return true;
    }
    return false;
}

QList<QByteArray> MembershipState::identityKeysDuring(const QUuid& userId, quint32 keyVersion) const
{
    QList<QByteArray> keys;
    const auto it = m_history.find(userId);
    if (it == m_history.end() || keyVersion == 0 || keyVersion > m_versionStart.size())
        return keys;
    const quint64 begin = m_versionStart[keyVersion - 1];
    const quint64 end = keyVersion < m_versionStart.size() ? m_versionStart[keyVersion] : length() + 1;
    const std::vector<Record>& records = it->second;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const quint64 until = i + 1 < records.size() ? records[i + 1].from : length() + 1;
        if (records[i].from < end && until > begin && records[i].role != FolderRole::None &&
            !keys.contains(records[i].key))
            keys << records[i].key;
    }
    return keys;
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
                             f.action == MembershipAction::ChangeRole ||
                             f.action == MembershipAction::Rotate || f.action == MembershipAction::ConfirmKey;
    if (needsManage && signerRole != FolderRole::Manage)
        return logError(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A membership change is signed by a member without the Manage role."));
    const bool introducesKey = f.action == MembershipAction::Create || f.action == MembershipAction::Rotate;
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
        next.m_pendingSince = 0;
        break;
    case MembershipAction::Leave:
        if (f.subjectId != f.signerId)
            return malformed;
        next.m_roles.erase(f.subjectId);
        if (next.managerCount() == 0)
            return lastManager;
        next.m_rotationPending = true;
        break;
    case MembershipAction::ConfirmKey:
        // Another manager vouches for the member's new identity key (they compared safety
        // numbers). The old key may sit on a lost device with the folder key: rotate next.
        if (!isMember(f.subjectId) || f.subjectId == f.signerId || isZero(f.subjectIdentityKey) ||
            f.subjectIdentityKey == identityKeyOf(f.subjectId))
            return malformed;
        next.m_identityKeys[f.subjectId] = f.subjectIdentityKey;
        next.m_rotationPending = true;
        break;
    }
    // Fields the action does not use must hold their empty value, so that every entry has
    // exactly one encoding (docs/security/protocol.md §5.4).
    const bool usesKey = f.action == MembershipAction::Create || f.action == MembershipAction::Add ||
                         f.action == MembershipAction::ConfirmKey;
    const bool usesRole = f.action == MembershipAction::Create || f.action == MembershipAction::Add ||
                          f.action == MembershipAction::ChangeRole;
    if ((!usesKey && !isZero(f.subjectIdentityKey)) || (!usesRole && f.role != FolderRole::None) ||
        (f.action == MembershipAction::Rotate && !f.subjectId.isNull()) ||
        introducesKey == isZero(f.keyCommitment))
        return malformed;
    if (introducesKey) {
        next.m_commitments[f.keyVersion] = f.keyCommitment;
        next.m_versionStart.push_back(length() + 1);
    }
    next.m_keyVersion = f.keyVersion;
    next.m_hashes.append(entry.hash());
    if (next.m_rotationPending && !m_rotationPending)
        next.m_pendingSince = next.length();
    // Record every change of role or key, in force from the new length on.
    const quint64 from = next.length();
    for (const QUuid& user : {f.subjectId, f.signerId}) {
        if (user.isNull())
            continue;
        const FolderRole role = next.roleOf(user);
        const QByteArray key = next.identityKeyOf(user);
        std::vector<Record>& records = next.m_history[user];
        if (records.empty() || records.back().role != role || records.back().key != key)
            records.push_back({from, role, key});
    }
    *this = std::move(next);
    return {};
}

} // namespace Conclave::Core
