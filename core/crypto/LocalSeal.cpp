// LocalSeal: see the header.
#include "core/crypto/LocalSeal.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace Conclave::Core {

static_assert(LocalSeal::kNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(LocalSeal::kTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

LocalSeal::LocalSeal(const SecureBytes& accountKey, const char (&context)[9], quint64 keyId)
    : m_key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
{
    static_assert(sizeof(context) - 1 == crypto_kdf_CONTEXTBYTES);
    Sodium::ensure();
    Q_ASSERT(accountKey.size() == crypto_kdf_KEYBYTES);
    crypto_kdf_derive_from_key(m_key.data(), m_key.size(), keyId, context, accountKey.data());
}

QByteArray LocalSeal::seal(QByteArrayView plaintext, QByteArrayView associatedData) const
{
    QByteArray sealed(kOverhead + plaintext.size(), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(sealed.data());
    randombytes_buf(nonce, std::size_t(kNonceSize));
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceSize, nullptr, reinterpret_cast<const unsigned char*>(plaintext.data()),
        std::size_t(plaintext.size()), reinterpret_cast<const unsigned char*>(associatedData.data()),
        std::size_t(associatedData.size()), nullptr, nonce, m_key.data());
    return sealed;
}

std::optional<QByteArray> LocalSeal::open(QByteArrayView sealed, QByteArrayView associatedData) const
{
    if (sealed.size() < kOverhead)
        return std::nullopt;
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
    QByteArray plaintext(sealed.size() - kOverhead, Qt::Uninitialized);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plaintext.data()), nullptr, nullptr, nonce + kNonceSize,
            std::size_t(sealed.size() - kNonceSize),
            reinterpret_cast<const unsigned char*>(associatedData.data()), std::size_t(associatedData.size()),
            nonce, m_key.data()) != 0) {
        secureWipe(plaintext);
        return std::nullopt;
    }
    return plaintext;
}

} // namespace Conclave::Core
