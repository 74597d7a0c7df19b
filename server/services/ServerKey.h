// ServerKey: the server's 32-byte secret for keyed BLAKE2b hashes of auth keys, session
// tokens and verification codes. It lives in a 0600 file beside (never inside) the
// database, so a stolen database alone does not allow offline guessing of auth keys.
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

    // Reads the key file, creating it with a fresh random key (mode 0600) when missing.
    static Core::Result<ServerKey> loadOrCreate(const QString& path);
    static ServerKey fromBytes(Core::SecureBytes key);

    // BLAKE2b-256 keyed with the server key over len(tag) || tag || data (tag < 256 bytes).
    QByteArray hash(QByteArrayView domainTag, QByteArrayView data) const;

private:
    explicit ServerKey(Core::SecureBytes key)
        : m_key(std::move(key))
    {}

    Core::SecureBytes m_key;
};

} // namespace Conclave::Server
