// Identity and encryption key pairs of a user.
#include "core/crypto/UserKeys.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstring>

namespace Conclave::Core {

namespace {
const unsigned char* u(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

QByteArray userKeysAd(const QUuid& userId)
{
    return ByteWriter(DomainTags::kUserKeysWrap).uuid(userId).bytes();
}
} // namespace

static_assert(UserKeys::kPublicKeySize == crypto_sign_PUBLICKEYBYTES);
static_assert(UserKeys::kPublicKeySize == crypto_box_PUBLICKEYBYTES);
static_assert(UserKeys::kSignatureSize == crypto_sign_BYTES);
static_assert(UserKeys::kSeedSize == crypto_sign_SEEDBYTES &&
              UserKeys::kSeedSize == crypto_box_SECRETKEYBYTES);

UserKeys UserKeys::generate()
{
    Sodium::ensure();
    const SecureBytes seed = SecureBytes::random(kSeedSize);
    const SecureBytes secret = SecureBytes::random(kSeedSize);
    return std::move(fromSecrets(seed, secret).value());
}

Result<UserKeys> UserKeys::fromSecrets(const SecureBytes& identitySeed, const SecureBytes& encryptionSecret)
{
    Sodium::ensure();
    if (identitySeed.size() != kSeedSize || encryptionSecret.size() != kSeedSize)
        return KeyWrap::unlockError();
    UserKeys keys;
    keys.m_identitySeed = identitySeed.clone();
    keys.m_identitySecret = SecureBytes(crypto_sign_SECRETKEYBYTES);
    keys.m_identityPublic = QByteArray(kPublicKeySize, Qt::Uninitialized);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(keys.m_identityPublic.data()),
                             keys.m_identitySecret.data(), identitySeed.data());
    keys.m_encryptionSecret = encryptionSecret.clone();
    keys.m_encryptionPublic = QByteArray(kPublicKeySize, Qt::Uninitialized);
    crypto_scalarmult_base(reinterpret_cast<unsigned char*>(keys.m_encryptionPublic.data()),
                           encryptionSecret.data());
    return keys;
}

QByteArray UserKeys::sign(QByteArrayView message) const
{
    QByteArray signature(kSignatureSize, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, u(message),
                         std::size_t(message.size()), m_identitySecret.data());
    return signature;
}

bool UserKeys::verify(QByteArrayView identityPublicKey, QByteArrayView message, QByteArrayView signature)
{
    Sodium::ensure();
    if (identityPublicKey.size() != kPublicKeySize || signature.size() != kSignatureSize)
        return false;
    return crypto_sign_verify_detached(u(signature), u(message), std::size_t(message.size()),
                                       u(identityPublicKey)) == 0;
}

QByteArray UserKeys::seal(QByteArrayView recipientPublicKey, const SecureBytes& secret)
{
    Sodium::ensure();
    if (recipientPublicKey.size() != kPublicKeySize)
        return {};
    QByteArray sealed(qsizetype(crypto_box_SEALBYTES + secret.size()), Qt::Uninitialized);
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), secret.data(), secret.size(),
                        u(recipientPublicKey)) != 0)
        return {};
    return sealed;
}

Result<SecureBytes> UserKeys::openSealed(QByteArrayView sealed) const
{
    if (sealed.size() < qsizetype(crypto_box_SEALBYTES))
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A key sent to you could not be opened."));
    SecureBytes out(std::size_t(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(out.data(), u(sealed), std::size_t(sealed.size()),
                             reinterpret_cast<const unsigned char*>(m_encryptionPublic.constData()),
                             m_encryptionSecret.data()) != 0)
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A key sent to you could not be opened."));
    return out;
}

QByteArray UserKeys::wrap(const SecureBytes& accountKey, const QUuid& userId) const
{
    SecureBytes both(2 * kSeedSize);
    std::memcpy(both.data(), m_identitySeed.data(), kSeedSize);
    std::memcpy(both.data() + kSeedSize, m_encryptionSecret.data(), kSeedSize);
    return KeyWrap::wrap(accountKey, both, userKeysAd(userId));
}

Result<UserKeys> UserKeys::unwrap(const SecureBytes& accountKey, const QUuid& userId, QByteArrayView wrapped)
{
    Result<SecureBytes> both = KeyWrap::unwrap(accountKey, wrapped, userKeysAd(userId), 2 * kSeedSize);
    if (!both)
        return both.error();
    const SecureBytes seed(both->data(), kSeedSize);
    const SecureBytes secret(both->data() + kSeedSize, kSeedSize);
    return fromSecrets(seed, secret);
}

} // namespace Conclave::Core
