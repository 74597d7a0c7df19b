// LocalSeal: what this client keeps sealed in its own files under a key derived from the
// account key (the offline outbox, the invitations it has not completed): nonce (24 random
// bytes) ‖ XChaCha20-Poly1305 ciphertext and tag, with the caller's associated data. The key is
// crypto_kdf subkey `keyId` of the account key under an 8-byte context, so each store has a
// key of its own (protocol.md §12 and §9.1 give the contexts).
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Conclave::Core {

class LocalSeal final
{
    Q_DISABLE_COPY_MOVE(LocalSeal)

public:
    static constexpr qsizetype kNonceSize = 24;
    static constexpr qsizetype kTagSize = 16;
    static constexpr qsizetype kOverhead = kNonceSize + kTagSize;

    // `context`: exactly 8 characters; `accountKey`: the 32-byte account key.
    LocalSeal(const SecureBytes& accountKey, const char (&context)[9], quint64 keyId);

    QByteArray seal(QByteArrayView plaintext, QByteArrayView associatedData) const;
    // nullopt for bytes too short, altered, or sealed under another key or associated data.
    // The caller wipes the plaintext (secureWipe) when done with it.
    std::optional<QByteArray> open(QByteArrayView sealed, QByteArrayView associatedData) const;

private:
    SecureBytes m_key;
};

} // namespace Conclave::Core
