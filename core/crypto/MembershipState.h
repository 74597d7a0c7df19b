// MembershipState: who is in a shared folder with which role and identity key, and which
// folder key version is current, as established by replaying the signed membership log
// entry by entry (apply()). Every rule of DESIGN §4/§6 is checked at the point of the
// entry: the creator starts with Manage, only Manage adds, removes, changes roles, rotates
// and confirms a member's new identity key, a member may leave, and at least one manager
// always remains. It also answers for any earlier point of the log, because grants and
// folder states name the log position they were made at and history views need the rights
// an author held while an old key version was current.
//
// Positions: "at length L" means the state after the first L entries (1 <= L <= length()).
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/LogCheckpoint.h"
#include "core/crypto/MembershipEntry.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <map>
#include <vector>

namespace Conclave::Core {

class MembershipState final
{
public:
    explicit MembershipState(const QUuid& folderId);

    // Verifies `entry` against the state so far and applies it; on error nothing changes.
    Status apply(const MembershipEntry& entry);

    const QUuid& folderId() const { return m_folderId; }
    quint64 length() const { return quint64(m_hashes.size()); }
    QByteArray headHash() const;
    QByteArray hashAt(quint64 index) const { return m_hashes.value(qsizetype(index)); }
    LogCheckpoint checkpoint() const { return {length(), headHash()}; }

    // Now, at the head of the log.
    FolderRole roleOf(const QUuid& userId) const;
    bool isMember(const QUuid& userId) const { return roleOf(userId) != FolderRole::None; }
    // The identity key the log binds to the user now: the one of their add, or of the last
    // key confirmation (also for former members; empty if never added).
    QByteArray identityKeyOf(const QUuid& userId) const;
    QList<QUuid> members() const;
    // The log length from which the user's role and key are as they are now: the length after
    // the last entry that changed either (an add, a role change, a removal, a leave, a key
    // confirmation); 0 for someone the log never named.
    quint64 lastChangeOf(const QUuid& userId) const;
    quint32 currentKeyVersion() const { return m_keyVersion; }
    // The commitment the create or rotate entry made to `keyVersion` (KeyCommitment);
    // empty for a version the log does not know.
    QByteArray keyCommitment(quint32 keyVersion) const;
    // True after a remove, leave or key confirmation until the next rotate: writes under
    // the current key version are refused meanwhile (a departed member or lost device holds it).
    bool rotationPending() const { return m_rotationPending; }
    // The log length from which the pending rotation is owed (the one that includes the first
    // remove, leave or key confirmation since the last rotate); 0 when none is pending. A
    // write made against a shorter log was made before the departure.
    quint64 rotationPendingSince() const { return m_pendingSince; }
    // True when a current member lost Edit (lowered to View) while the current key version was
    // already in force: their newest revisions stay theirs until a rotation re-signs them, and
    // a reader refuses an author without Edit, so a member added later could not read them.
    bool editLostUnderCurrentKey() const;

    // At an earlier point of the log; None / empty / 0 outside 1..length().
    FolderRole roleAt(const QUuid& userId, quint64 length) const;
    QByteArray identityKeyAt(const QUuid& userId, quint64 length) const;
    quint32 keyVersionAt(quint64 length) const;
    // While `keyVersion` was current: the highest role the user held, and every identity
    // key the log bound to them.
    FolderRole highestRoleDuring(const QUuid& userId, quint32 keyVersion) const;
    QList<QByteArray> identityKeysDuring(const QUuid& userId, quint32 keyVersion) const;

private:
    // One change of a user's role or key, in force from log length `from` on.
    struct Record
    {
        quint64 from = 0;
        FolderRole role = FolderRole::None;
        QByteArray key;
    };

    int managerCount() const;
    const Record* recordAt(const QUuid& userId, quint64 length) const;

    QUuid m_folderId;
    QList<QByteArray> m_hashes;
    std::map<QUuid, FolderRole> m_roles;
    std::map<QUuid, QByteArray> m_identityKeys;
    std::map<QUuid, std::vector<Record>> m_history;
    std::vector<quint64> m_versionStart; // [v - 1]: log length from which version v is current
    std::map<quint32, QByteArray> m_commitments;
    quint32 m_keyVersion = 0;
    bool m_rotationPending = false;
    quint64 m_pendingSince = 0;
};

} // namespace Conclave::Core
