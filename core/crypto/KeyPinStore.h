// KeyPinStore: trust on first use for other members' identity keys, and the record of how a
// key came to be trusted. The first key seen for a user is pinned; a different key later is
// recorded as pending and the user stays blocked (no sharing with them) until a manager of a
// folder shared with that member confirms the new key. A member is *added* to a folder only
// with a key bound out of band (invitation code or compared safety number), never with a key
// that is merely the first the server showed (checkFirstContact()). In memory, with a
// fixed-layout serialisation that SecurityStateStore persists.
// Layout v2: tag "conclave.pins.v2\0" | u32 count | count × (user id (16) | pinned key (32) |
//   u8 origin | u64 time ms | confirmer id (16) | folder id (16) | u8 has-pending |
//   [pending key (32)]), sorted by user id. Confirmer and folder are nil unless origin is
//   ConfirmedChange. v1 ("conclave.pins.v1\0", without origin, time, confirmer and folder)
//   is still read, as first-use pins.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUuid>

#include <map>
#include <optional>

namespace Conclave::Core {

class MembershipState;

class KeyPinStore final
{
public:
    enum class PinState
    {
        PinnedNow,
        Matches
    };

    // How the pinned key came to be trusted. The values are part of the layout.
    enum class Origin : quint8
    {
        FirstUse = 1,        // the first key the server showed (trust on first use)
        InvitationCode = 2,  // the member's bundle carried a valid invitation code MAC
        SafetyNumber = 3,    // the local user compared the safety number out of band
        ConfirmedChange = 4, // a manager of a shared folder confirmed a changed key
    };

    struct Pin
    {
        QByteArray key;
        Origin origin = Origin::FirstUse;
        quint64 timeMs = 0;      // when the key was pinned or confirmed (informational)
        QUuid confirmedBy;       // ConfirmedChange: the manager who confirmed
        QUuid confirmedInFolder; // ConfirmedChange: the folder in which they hold Manage
        QByteArray pending;      // a different key seen since, waiting for confirmation
    };

    // Ok(PinnedNow) on first use, Ok(Matches) for the pinned key; a different key returns a
    // Denied error, is remembered as pending and blocks the user until confirmChange().
    Result<PinState> check(const QUuid& userId, QByteArrayView identityPublicKey, quint64 timeMs = 0);
    bool isBlocked(const QUuid& userId) const;
    QByteArray pinnedKey(const QUuid& userId) const;
    QByteArray pendingKey(const QUuid& userId) const;
    std::optional<Pin> pin(const QUuid& userId) const;

    // Pins a key bound out of band (origin InvitationCode or SafetyNumber). It replaces a
    // first-use pin (of the same or another key, which may have been the server's), and clears
    // what was pending. A key that was itself verified differs: that is a key change (Denied,
    // pending), which only confirmChange() resolves.
    Status pinVerified(const QUuid& userId, QByteArrayView identityPublicKey, Origin origin, quint64 timeMs);
    // The safety-number path of first contact: `comparedSafetyNumber` is what the two people
    // compared (spaces and line breaks are ignored). Pins with origin SafetyNumber on a match.
    Status recordSafetyNumberMatch(const QUuid& userId, QByteArrayView identityPublicKey,
                                   const QString& comparedSafetyNumber, quint64 timeMs);
    // Checked before signing *add*: the key is pinned, not blocked, and was bound out of band
    // (InvitationCode, SafetyNumber or ConfirmedChange); a first-use pin is not enough.
    Status checkFirstContact(const QUuid& userId, QByteArrayView identityPublicKey) const;

    // Accepts the pending key. `confirmerId` must hold Manage in `sharedFolder`, in which
    // `userId` is a member, and must not be `userId` (nobody vouches for their own new key).
    // The key must be the very key that was reported, so a third key arriving meanwhile is
    // not confirmed by accident. The confirmer must be pinned here, unblocked, with the very
    // key `sharedFolder` binds to them, so a folder state the server made up cannot vouch.
    // Records the confirmer, the folder and the time.
    Status confirmChange(const QUuid& userId, QByteArrayView identityPublicKey, const QUuid& confirmerId,
                         const MembershipState& sharedFolder, quint64 timeMs);

    // Checks the identity key the log binds to every current member against the pins,
    // pinning unknown members on first use. Any mismatch is a key change (Denied; those
    // members are blocked). A client that lost its log checkpoint still catches a log that
    // binds someone to a key it has not seen for them.
    Status checkMembers(const MembershipState& state, quint64 timeMs);

    QByteArray serialize() const;
    static Result<KeyPinStore> parse(QByteArrayView bytes);

private:
    std::map<QUuid, Pin> m_pins;
};

} // namespace Conclave::Core
