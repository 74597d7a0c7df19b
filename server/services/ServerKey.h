// ServerKey: the server's 32-byte secret for keyed BLAKE2b hashes of auth keys, session
// tokens and verification codes. It lives in a 0600 file beside (never inside) the
// database, so a stolen database alone does not allow offline guessing of auth keys.
// An Ed25519 signing key is derived from it (seed = hash(kSigningSeedTag, "")) for the
// audit log's checkpoints: the file stays one secret, and the public key can be published
// (`conclave-server audit public-key`) and pinned by whoever checks the log.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Conclave::Server {

class ServerKey final
{
public:
    static constexpr int kSize = 32;
    static constexpr int kPublicKeySize = 32;
    static constexpr int kSignatureSize = 64;
    static constexpr char kSigningSeedTag[] = "conclave.server.signing-seed.v1";

    // Reads the key file, creating it with a fresh random key (mode 0600) when missing.
    static Core::Result<ServerKey> loadOrCreate(const QString& path);
    static ServerKey fromBytes(Core::SecureBytes key);

    // BLAKE2b-256 keyed with the server key over len(tag) || tag || data (tag < 256 bytes).
    QByteArray hash(QByteArrayView domainTag, QByteArrayView data) const;
    // Ed25519 detached signature of `message` under the derived signing key.
    QByteArray sign(QByteArrayView message) const;
    const QByteArray& signingPublicKey() const { return m_signingPublic; }
    static bool verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

private:
    explicit ServerKey(Core::SecureBytes key);

    Core::SecureBytes m_key;
    Core::SecureBytes m_signingSecret;
    QByteArray m_signingPublic;
};

} // namespace Conclave::Server
