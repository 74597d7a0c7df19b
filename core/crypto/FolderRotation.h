// FolderRotation: turns "remove member X" (or "X left", or "X's key was replaced", or "X loses
// Edit") into a complete RotationBatch. The removed member keeps what they already decrypted (say so in
// the UI) but cannot read anything written after the rotation, because the new key is
// granted only to the members that remain (from their verified bundles, checked against the
// log and the pins) and every item is re-encrypted under it. Items that cannot be opened, or
// that the server left out, are skipped and listed in RotationBatch::skipped, never fatal.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/RotationBatch.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class FolderKeyRing;
class KeyPinStore;
class MembershipState;
class UserKeys;

class FolderRotation final
{
public:
    struct Request
    {
        QUuid orgId;
        QUuid managerId; // who signs, grants and re-encrypts; must hold Manage
        // Empty when the log already records the departure (a member left).
        std::optional<QUuid> removedId;
        // A role change that travels with the rotation (a member lowered to View): it goes
        // before the rotate entry, and the items are opened on the log before it, so the
        // member's revisions this client accepted are re-signed by the manager under the new
        // key while nothing the member writes afterwards can be (protocol.md section 6).
        struct RoleChange
        {
            QUuid userId;
            FolderRole role = FolderRole::None;
        };
        std::optional<RoleChange> roleChange;
        // Key bundles of the remaining members (UserKeyBundle::parseAndVerify()); each must
        // carry the identity key the log binds to its member and the one pinned for them.
        QList<UserKeyBundle> bundles;
        // The newest envelope of every item in the folder (folder name and delete markers too).
        QList<QByteArray> items;
        // The newest revision this client accepted per item (ItemReader::Seen, persisted by
        // the sync layer).
        QHash<QUuid, ItemReader::Seen> seen;
        quint64 timeMs = 0;
    };

    static Result<RotationBatch> rotate(const MembershipState& state, const FolderKeyRing& ring,
                                        const UserKeys& manager, const KeyPinStore& pins,
                                        const Request& request);
};

} // namespace Conclave::Core
