// Signing *add* only for a member whose key was verified at first contact.
#include "core/crypto/MemberAdmission.h"

#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeyBundle.h"

namespace Conclave::Core {

Result<MembershipEntry> MemberAdmission::addEntry(const KeyPinStore& pins, const MembershipState& state,
                                                  const QUuid& signerId, const UserKeys& signer,
                                                  const UserKeyBundle& newMember, FolderRole role,
                                                  quint64 timeMs)
{
    if (const Status verified = pins.checkFirstContact(newMember.userId(), newMember.identityPublicKey());
        !verified)
        return verified.error();
    MembershipEntry entry =
        MembershipLog::next(state, MembershipAction::Add, signerId, signer, newMember.userId(),
                            newMember.identityPublicKey(), role, timeMs);
    MembershipState check = state;
    if (const Status applied = check.apply(entry); !applied)
        return applied.error();
    return entry;
}

} // namespace Conclave::Core
