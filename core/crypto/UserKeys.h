// UserKeys: a user's Ed25519 identity key (signs bundles, log entries, grants, envelopes)
// and separate X25519 encryption key (receives sealed folder keys). The private halves are
// stored only wrapped by the account key, so a password change never touches them.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class UserKeys final
{
public:
    static constexpr qsizetype kPublicKeySize = 32;
    static constexpr qsizetype kSignatureSize = 64;
    static constexpr std::size_t kSeedSize = 32;

    UserKeys(UserKeys&&) noexcept = default;
    UserKeys& operator=(UserKeys&&) noexcept = default;

    static UserKeys generate();
    // From the 32-byte Ed25519 seed and the 32-byte X25519 secret key.
    static Result<UserKeys> fromSecrets(const SecureBytes& identitySeed, const SecureBytes& encryptionSecret);

    QByteArray identityPublicKey() const { return m_identityPublic; }
    QByteArray encryptionPublicKey() const { return m_encryptionPublic; }

    // Detached Ed25519 signature. Callers sign only tagged ByteWriter layouts.
    QByteArray sign(QByteArrayView message) const;
    static bool verify(QByteArrayView identityPublicKey, QByteArrayView message, QByteArrayView signature);

    // crypto_box_seal to `recipientPublicKey`; empty on an unusable public key.
    static QByteArray seal(QByteArrayView recipientPublicKey, const SecureBytes& secret);
    Result<SecureBytes> openSealed(QByteArrayView sealed) const;

    // The private keys wrapped by the account key, bound to the owning user id.
    QByteArray wrap(const SecureBytes& accountKey, const QUuid& userId) const;
    static Result<UserKeys> unwrap(const SecureBytes& accountKey, const QUuid& userId,
                                   QByteArrayView wrapped);

private:
    UserKeys() = default;

    SecureBytes m_identitySeed;
    SecureBytes m_identitySecret; // libsodium's 64-byte form (seed || public key)
    SecureBytes m_encryptionSecret;
    QByteArray m_identityPublic;
    QByteArray m_encryptionPublic;
};

} // namespace Conclave::Core
