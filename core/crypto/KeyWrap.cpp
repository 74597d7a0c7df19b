// Authenticated key wrapping (XChaCha20-Poly1305-IETF).
#include "core/crypto/KeyWrap.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace Conclave::Core {

namespace {
QByteArray associatedData(QByteArrayView ad)
{
    return QByteArray(1, char(KeyWrap::kVersion)) + ad;
}
} // namespace

static_assert(KeyWrap::kNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);

QByteArray KeyWrap::wrap(const SecureBytes& wrappingKey, const SecureBytes& secret, QByteArrayView ad)
{
    Sodium::ensure();
    Q_ASSERT(wrappingKey.size() == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    QByteArray out(kOverhead + qsizetype(secret.size()), Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    p[0] = kVersion;
    randombytes_buf(p + 1, kNonceSize);
    unsigned long long clen = 0;
    const QByteArray fullAd = associatedData(ad);
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + 1 + kNonceSize, &clen, secret.data(), secret.size(),
                                               reinterpret_cast<const unsigned char*>(fullAd.constData()),
                                               std::size_t(fullAd.size()), nullptr, p + 1,
                                               wrappingKey.data());
    return out;
}

Result<SecureBytes> KeyWrap::unwrap(const SecureBytes& wrappingKey, QByteArrayView wrapped, QByteArrayView ad,
                                    qsizetype secretSize)
{
    Sodium::ensure();
    if (wrappingKey.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES || secretSize < 0 ||
        wrapped.size() != kOverhead + secretSize || quint8(wrapped[0]) != kVersion)
        return unlockError();
    const auto* p = reinterpret_cast<const unsigned char*>(wrapped.data());
    SecureBytes out{std::size_t(secretSize)};
    unsigned long long mlen = 0;
    const QByteArray fullAd = associatedData(ad);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            out.data(), &mlen, nullptr, p + 1 + kNonceSize, std::size_t(wrapped.size() - 1 - kNonceSize),
            reinterpret_cast<const unsigned char*>(fullAd.constData()), std::size_t(fullAd.size()), p + 1,
            wrappingKey.data()) != 0)
        return unlockError();
    return out;
}

Error KeyWrap::unlockError()
{
    return CryptoErrors::make(ErrorCode::Crypto,
                              QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                "The key could not be unlocked. The password may be wrong "
                                                "or the stored key may be damaged."));
}

} // namespace Conclave::Core
