// ScramSha256: the client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it.
// The salted password and the keys derived from it live only in wiping buffers; the server's
// signature is checked, so a server that does not know the password cannot fake success.
// Passwords are used as their UTF-8 bytes without SASLprep, which is what PostgreSQL falls
// back to as well and matches for every password made of printable ASCII.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace Conclave::Core {

class ScramSha256 final
{
    Q_DECLARE_TR_FUNCTIONS(ScramSha256)

public:
    // More iterations than this would freeze the caller for too long; PostgreSQL uses 4096.
    static constexpr int kMaxIterations = 600000;

    // `clientNonce` is for test vectors only; by default 24 random bytes in base64.
    explicit ScramSha256(QByteArray clientNonce = {});
    ~ScramSha256();
    Q_DISABLE_COPY_MOVE(ScramSha256)

    // "n,,n=<user>,r=<nonce>". PostgreSQL ignores the user here and takes the startup one.
    QByteArray clientFirstMessage(const QByteArray& user = {});
    // Parses "r=...,s=...,i=..." and returns "c=biws,r=...,p=<proof>".
    Result<QByteArray> clientFinalMessage(QByteArrayView serverFirst, const SecureBytes& password);
    // Checks "v=<server signature>" (or reports "e=<error>").
    Status verifyServerFinal(QByteArrayView serverFinal) const;

    // PBKDF2-HMAC-SHA256 with a 32-byte output, exposed for its test vectors.
    static SecureBytes pbkdf2(QByteArrayView password, QByteArrayView salt, int iterations);

private:
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    SecureBytes m_expectedServerSignature;
};

} // namespace Conclave::Core
