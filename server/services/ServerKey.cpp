// Loading and using the server's hashing key.
#include "server/services/ServerKey.h"

#include "core/crypto/Sodium.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

Core::Result<ServerKey> ServerKey::loadOrCreate(const QString& path)
{
    Core::Sodium::ensure();
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                                  "ServerKey", "The server key file cannot be read."));
        }
        QByteArray bytes = file.readAll();
        if (bytes.size() != kSize) {
            Core::secureWipe(bytes);
            return Error::make(
                ErrorCode::Corrupt,
                QCoreApplication::translate("ServerKey", "The server key file does not hold a 32-byte key."));
        }
        auto key = Core::SecureBytes::fromView(bytes);
        Core::secureWipe(bytes);
        return ServerKey(std::move(key));
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto key = Core::SecureBytes::random(kSize);
    // Create with owner-only permissions before any byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(reinterpret_cast<const char*>(key.data()), kSize) != kSize || !file.flush()) {
        return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                              "ServerKey", "The server key file cannot be written."));
    }
    return ServerKey(std::move(key));
}

ServerKey::ServerKey(Core::SecureBytes key)
    : m_key(std::move(key))
    , m_signingSecret(crypto_sign_SECRETKEYBYTES)
    , m_signingPublic(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized)
{
    static_assert(kPublicKeySize == crypto_sign_PUBLICKEYBYTES && kSignatureSize == crypto_sign_BYTES);
    Core::Sodium::ensure();
    QByteArray seed = hash(QByteArrayView(kSigningSeedTag), {});
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(m_signingPublic.data()), m_signingSecret.data(),
                             reinterpret_cast<const unsigned char*>(seed.constData()));
    Core::secureWipe(seed);
}

ServerKey ServerKey::fromBytes(Core::SecureBytes key)
{
    return ServerKey(std::move(key));
}

QByteArray ServerKey::hash(QByteArrayView domainTag, QByteArrayView data) const
{
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash_state state;
    crypto_generichash_init(&state, m_key.data(), m_key.size(), crypto_generichash_BYTES);
    // The tag's length goes first so no tag can be a prefix of another tag plus data.
    const unsigned char tagLength = static_cast<unsigned char>(domainTag.size());
    crypto_generichash_update(&state, &tagLength, 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domainTag.data()),
                              size_t(domainTag.size()));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                              size_t(data.size()));
    crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()), size_t(out.size()));
    sodium_memzero(&state, sizeof state);
    return out;
}

QByteArray ServerKey::sign(QByteArrayView message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), size_t(message.size()),
                         m_signingSecret.data());
    return signature;
}

bool ServerKey::verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    Core::Sodium::ensure();
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       size_t(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.data())) == 0;
}

} // namespace Conclave::Server
