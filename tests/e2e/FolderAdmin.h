// FolderAdmin: member operations a manager's client makes that the sync engine of this build
// does not offer yet, made from core/crypto exactly as protocol.md §5.4 and §6 describe and
// sent through the manager's SharingApi: a removal (remove + rotate, the new key granted to
// those who remain, every item re-encrypted, one rotation request) and a role change. The
// manager's engine then takes the result in with a full refresh, like any other change.
#pragma once

#include "SharingDevice.h"

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRole.h"
#include "core/crypto/MembershipState.h"

#include <QStringList>
#include <QUuid>

#include <optional>

class FolderAdmin final
{
public:
    // What `device` can open of a folder as its member: the replayed log and its keys.
    static bool openFolder(SharingDevice& device, const QUuid& folderId,
                           std::optional<Conclave::Core::MembershipState>& members,
                           Conclave::Core::FolderKeyRing& ring);
    // `memberEmails`: addresses of the folder's members (the removed one may be among them).
    static bool removeMember(SharingDevice& manager, const QUuid& orgId, const QUuid& folderId,
                             const QUuid& removedId, const QStringList& memberEmails);
    // A ChangeRole entry signed by `manager` and appended to the log.
    static bool changeRole(SharingDevice& manager, const QUuid& folderId, const QUuid& userId,
                           Conclave::Core::FolderRole role);
};
