// The sync engine's part of first contact by invitation (protocol.md §9.1): the offer and
// the answer are checked by core/crypto's Invitation against the engine's key pins, and what
// they pin is saved in the security state at once, before anything is signed with it.
#include "core/sync/SyncEngine.h"

#include "core/crypto/UserKeyBundle.h"
#include "core/sync/AccountClient.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngineShared.h"

#include <QCoreApplication>

namespace Conclave::Core {

namespace {

using namespace SyncEngineShared;

} // namespace

Result<Invitation::Binding> SyncEngine::acceptInvitationOffer(QByteArrayView offer,
                                                              const InvitationCode& code)
{
    if (!m_started)
        return notStarted();
    Result<Invitation::Binding> binding =
        Invitation::acceptOffer(offer, code, m_account.account().userId, m_cache->security().pins, nowMs());
    if (!binding)
        return binding;
    if (Status saved = saveSecurity(); !saved)
        return saved.error();
    return binding;
}

Status SyncEngine::confirmInviterSafetyNumber(const QUuid& inviterId, QByteArrayView identityKey,
                                              const QString& typedSafetyNumber)
{
    if (!m_started)
        return notStarted();
    if (Status matched = m_cache->security().pins.recordSafetyNumberMatch(inviterId, identityKey,
                                                                          typedSafetyNumber, nowMs());
        !matched)
        return matched;
    return saveSecurity();
}

Result<UserKeyBundle> SyncEngine::acceptInvitationAnswer(Invitation& invitation, QByteArrayView answer)
{
    if (!m_started)
        return notStarted();
    Result<UserKeyBundle> bundle = invitation.accept(answer, m_cache->security().pins, nowMs());
    if (!bundle)
        return bundle;
    if (Status saved = saveSecurity(); !saved)
        return saved.error();
    return bundle;
}

} // namespace Conclave::Core
