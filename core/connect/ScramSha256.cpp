// SCRAM-SHA-256 client, on libsodium's HMAC-SHA256 so every key stays in wiped memory.
#include "core/connect/ScramSha256.h"

#include "core/crypto/Sodium.h"

#include <QList>

#include <sodium.h>

#include <array>
#include <cstring>

namespace Conclave::Core {

namespace {

using Digest = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

void hmac(const unsigned char* key, std::size_t keyLength, QByteArrayView message, unsigned char* out)
{
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key, keyLength);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  std::size_t(message.size()));
    crypto_auth_hmacsha256_final(&state, out);
    sodium_memzero(&state, sizeof state);
}

Error protocolError(const QString& message)
{
    return Error::make(ErrorCode::Protocol, message);
}

} // namespace

ScramSha256::ScramSha256(QByteArray clientNonce)
    : m_clientNonce(std::move(clientNonce))
{
    Sodium::ensure();
    if (m_clientNonce.isEmpty()) {
        QByteArray raw(24, '\0');
        randombytes_buf(raw.data(), std::size_t(raw.size()));
        m_clientNonce = raw.toBase64();
    }
}

ScramSha256::~ScramSha256() = default;

QByteArray ScramSha256::clientFirstMessage(const QByteArray& user)
{
    QByteArray escaped = user;
    escaped.replace("=", "=3D").replace(",", "=2C");
    m_clientFirstBare = "n=" + escaped + ",r=" + m_clientNonce;
    return "n,," + m_clientFirstBare;
}

SecureBytes ScramSha256::pbkdf2(QByteArrayView password, QByteArrayView salt, int iterations)
{
    Sodium::ensure();
    // One output block (32 bytes = the digest size), so only INT(1) is ever appended.
    crypto_auth_hmacsha256_state keyed;
    crypto_auth_hmacsha256_init(&keyed, reinterpret_cast<const unsigned char*>(password.data()),
                                std::size_t(password.size()));
    SecureBytes result(crypto_auth_hmacsha256_BYTES);
    Digest u{};
    crypto_auth_hmacsha256_state state = keyed;
    const unsigned char blockIndex[4] = {0, 0, 0, 1};
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(salt.data()),
                                  std::size_t(salt.size()));
    crypto_auth_hmacsha256_update(&state, blockIndex, sizeof blockIndex);
    crypto_auth_hmacsha256_final(&state, u.data());
    std::memcpy(result.data(), u.data(), u.size());
    for (int i = 1; i < iterations; ++i) {
        state = keyed;
        crypto_auth_hmacsha256_update(&state, u.data(), u.size());
        crypto_auth_hmacsha256_final(&state, u.data());
        for (std::size_t j = 0; j < u.size(); ++j)
            result.data()[j] ^= u[j];
    }
    sodium_memzero(&state, sizeof state);
    sodium_memzero(&keyed, sizeof keyed);
    sodium_memzero(u.data(), u.size());
    return result;
}

Result<QByteArray> ScramSha256::clientFinalMessage(QByteArrayView serverFirst, const SecureBytes& password)
{
    if (m_clientFirstBare.isEmpty())
        return protocolError(tr("The sign-in exchange started out of order."));
    QByteArray nonce;
    QByteArray salt;
    int iterations = 0;
    const QList<QByteArray> parts = serverFirst.toByteArray().split(',');
    for (const QByteArray& part : parts) {
        if (part.startsWith("r="))
            nonce = part.mid(2);
        else if (part.startsWith("s="))
            salt = QByteArray::fromBase64(part.mid(2));
        else if (part.startsWith("i="))
            iterations = part.mid(2).toInt();
        else if (part.startsWith("m="))
            return protocolError(tr("The server asked for a SCRAM extension that is not supported."));
    }
    if (nonce.isEmpty() || salt.isEmpty() || iterations <= 0)
        return protocolError(tr("The server's SCRAM challenge is incomplete."));
    if (!nonce.startsWith(m_clientNonce) || nonce.size() == m_clientNonce.size())
        return protocolError(tr("The server's SCRAM challenge does not continue this sign-in."));
    if (iterations > kMaxIterations)
        return protocolError(tr("The server asked for %1 password hashing rounds; at most %2 are accepted.")
                                 .arg(iterations)
                                 .arg(kMaxIterations));

    const QByteArray withoutProof = "c=biws,r=" + nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst.toByteArray() + ',' + withoutProof;

    const SecureBytes salted = pbkdf2(password.view(), salt, iterations);
    SecureBytes clientKey(crypto_auth_hmacsha256_BYTES);
    hmac(salted.data(), salted.size(), "Client Key", clientKey.data());
    SecureBytes storedKey(crypto_hash_sha256_BYTES);
    crypto_hash_sha256(storedKey.data(), clientKey.data(), clientKey.size());
    SecureBytes proof(crypto_auth_hmacsha256_BYTES);
    hmac(storedKey.data(), storedKey.size(), authMessage, proof.data());
    for (std::size_t i = 0; i < proof.size(); ++i)
        proof.data()[i] ^= clientKey.data()[i];

    SecureBytes serverKey(crypto_auth_hmacsha256_BYTES);
    hmac(salted.data(), salted.size(), "Server Key", serverKey.data());
    m_expectedServerSignature = SecureBytes(crypto_auth_hmacsha256_BYTES);
    hmac(serverKey.data(), serverKey.size(), authMessage, m_expectedServerSignature.data());

    return QByteArray(withoutProof + ",p=" + proof.view().toByteArray().toBase64());
}

Status ScramSha256::verifyServerFinal(QByteArrayView serverFinal) const
{
    const QByteArray text = serverFinal.toByteArray();
    if (text.startsWith("e="))
        return Error::make(ErrorCode::Crypto,
                           tr("The server rejected the sign-in (%1).").arg(QString::fromUtf8(text.mid(2))));
    if (!text.startsWith("v=") || m_expectedServerSignature.isEmpty())
        return protocolError(tr("The server's final SCRAM message is malformed."));
    const QByteArray signature = QByteArray::fromBase64(text.mid(2).split(',').value(0));
    if (std::size_t(signature.size()) != m_expectedServerSignature.size() ||
        sodium_memcmp(signature.constData(), m_expectedServerSignature.data(),
                      m_expectedServerSignature.size()) != 0) {
        return Error::make(ErrorCode::Crypto,
                           tr("The server could not prove that it knows the password; it may not be "
                              "the server you meant to reach."));
    }
    return {};
}

} // namespace Conclave::Core
