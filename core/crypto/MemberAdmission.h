// MemberAdmission: how a manager's client builds the *add* entry for a new member. The entry
// binds the member's identity key for every other member, so it is signed only for a key
// bound out of band (invitation code or compared safety number, KeyPinStore::
// checkFirstContact); a bundle the server merely handed over is refused.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/MembershipEntry.h"
#include "core/util/Result.h"

#include <QUuid>

namespace Conclave::Core {

class KeyPinStore;
class MembershipState;
class UserKeyBundle;
class UserKeys;

class MemberAdmission final
{
public:
    // The *add* entry that follows `state`, checked against it (not applied).
    static Result<MembershipEntry> addEntry(const KeyPinStore& pins, const MembershipState& state,
                                            const QUuid& signerId, const UserKeys& signer,
                                            const UserKeyBundle& newMember, FolderRole role, quint64 timeMs);
};

} // namespace Conclave::Core
