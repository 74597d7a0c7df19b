// UserKeyBundle: a user's public keys, signed by their identity key, as published to the
// server and handed to other members. The server calls parseAndVerify() on upload; clients
// call it on every bundle they receive and then pin the identity key (KeyPinStore).
// Layout: tag "conclave.bundle.v1\0" | user id (16) | identity key (32) | encryption key (32)
//         | Ed25519 signature (64) over everything before it.
#pragma once

#include "core/crypto/UserKeys.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class UserKeyBundle final
{
public:
    static constexpr qsizetype kSize = 19 + 16 + 32 + 32 + 64;

    static UserKeyBundle create(const QUuid& userId, const UserKeys& keys);
    static Result<UserKeyBundle> parseAndVerify(QByteArrayView bytes);

    const QUuid& userId() const { return m_userId; }
    const QByteArray& identityPublicKey() const { return m_identityKey; }
    const QByteArray& encryptionPublicKey() const { return m_encryptionKey; }
    const QByteArray& signature() const { return m_signature; }
    QByteArray serialize() const;

private:
    QByteArray signedPart() const;

    QUuid m_userId;
    QByteArray m_identityKey;
    QByteArray m_encryptionKey;
    QByteArray m_signature;
};

} // namespace Conclave::Core
