// KeyWrap: seals one secret under another key with XChaCha20-Poly1305 and a random nonce.
// Used for the account key (under the kek), the user's private keys (under the account
// key) and folder key chain links (previous key under the next). The associated data names
// the purpose, so a wrapped key cannot be presented as a different kind of key.
// Layout: u8 version (2) | nonce (24) | ciphertext (secret size + 16). The AEAD associated
// data is the version byte followed by the caller's AD, so the version is authenticated too:
// a wrapped key cannot be relabelled as another format. Version 1 (version not in the AD)
// came only from pre-release builds and is refused.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Conclave::Core {

class KeyWrap final
{
public:
    static constexpr quint8 kVersion = 2;
    static constexpr qsizetype kNonceSize = 24;
    static constexpr qsizetype kOverhead = 1 + kNonceSize + 16;
    // The exact size of a wrapped n-byte secret, for checks that must match wrap() byte for byte.
    static constexpr qsizetype wrappedSize(qsizetype secretSize) { return kOverhead + secretSize; }

    static QByteArray wrap(const SecureBytes& wrappingKey, const SecureBytes& secret, QByteArrayView ad);
    // Every failure (wrong key, altered byte, wrong length, other purpose) gives the same
    // Crypto error, so callers cannot tell a wrong password from a damaged record.
    static Result<SecureBytes> unwrap(const SecureBytes& wrappingKey, QByteArrayView wrapped,
                                      QByteArrayView ad, qsizetype secretSize);
    static Error unlockError();
};

} // namespace Conclave::Core
