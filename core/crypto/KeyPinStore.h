// KeyPinStore: trust on first use for other members' identity keys. The first key seen for
// a user is pinned; a different key later is recorded as pending and the user stays blocked
// (no sharing with them) until someone with Manage confirms the new key. In memory, with a
// fixed-layout serialisation so the storage layer can persist it.
// Layout: tag "conclave.pins.v1\0" | u32 count | count × (user id (16) | pinned key (32) |
//         u8 has-pending | [pending key (32)]), sorted by user id.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

#include <map>

namespace Conclave::Core {

class KeyPinStore final
{
public:
    enum class PinState
    {
        PinnedNow,
        Matches
    };

    // Ok(PinnedNow) on first use, Ok(Matches) for the pinned key; a different key returns a
    // Denied error, is remembered as pending and blocks the user until confirmChange().
    Result<PinState> check(const QUuid& userId, QByteArrayView identityPublicKey);
    bool isBlocked(const QUuid& userId) const;
    QByteArray pinnedKey(const QUuid& userId) const;
    QByteArray pendingKey(const QUuid& userId) const;
    // Accepts the pending key (a manager compared safety numbers). It must be the very key
    // that was reported, so a third key arriving meanwhile is not confirmed by accident.
    Status confirmChange(const QUuid& userId, QByteArrayView identityPublicKey);

    QByteArray serialize() const;
    static Result<KeyPinStore> parse(QByteArrayView bytes);

private:
    struct Pin
    {
        QByteArray key;
        QByteArray pending;
    };
    std::map<QUuid, Pin> m_pins;
};

} // namespace Conclave::Core
