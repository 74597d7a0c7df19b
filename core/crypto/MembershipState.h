// MembershipState: who is in a shared folder with which role and identity key, and which
// folder key version is current, as established by replaying the signed membership log
// entry by entry (apply()). Every rule of DESIGN §4/§6 is checked at the point of the
// entry: the creator starts with Manage, only Manage adds, removes, changes roles and
// rotates, a member may leave, and at least one manager always remains.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/LogCheckpoint.h"
#include "core/crypto/MembershipEntry.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <map>
#include <set>

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

    FolderRole roleOf(const QUuid& userId) const;
    bool isMember(const QUuid& userId) const { return roleOf(userId) != FolderRole::None; }
    // Identity key the log bound to the user (also for former members; empty if never added).
    QByteArray identityKeyOf(const QUuid& userId) const;
    QList<QUuid> members() const;
    quint32 currentKeyVersion() const { return m_keyVersion; }
    // Whether the user held Manage at some point while `keyVersion` was current.
    bool heldManageDuring(const QUuid& userId, quint32 keyVersion) const;
    // True after a remove or leave until the next rotate.
    bool rotationPending() const { return m_rotationPending; }

private:
    int managerCount() const;

    QUuid m_folderId;
    QList<QByteArray> m_hashes;
    std::map<QUuid, FolderRole> m_roles;
    std::map<QUuid, QByteArray> m_identityKeys;
    std::map<quint32, std::set<QUuid>> m_managersByVersion;
    quint32 m_keyVersion = 0;
    bool m_rotationPending = false;
};

} // namespace Conclave::Core
