// KeyBundleVerifier: the one place where the server checks a published user key bundle
// (Ed25519 identity key, X25519 encryption key, bound user id, signed by the identity key).
// The byte layout and signature check belong to core/crypto/UserKeyBundle; this seam only
// adapts its result to what the server stores.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Conclave::Server {

struct VerifiedKeyBundle
{
    QByteArray identityKey;
    QByteArray encryptionKey;
    QString userId;
};

class KeyBundleVerifier final
{
public:
    static constexpr qsizetype kMaxBundleBytes = 4096;
    // Parses and verifies the signature; InvalidInput (field "bundle") when it does not hold.
    static Core::Result<VerifiedKeyBundle> verify(QByteArrayView bytes);
};

} // namespace Conclave::Server
