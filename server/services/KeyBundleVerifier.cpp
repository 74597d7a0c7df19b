// Adapter from core/crypto's bundle verification to the server.
#include "server/services/KeyBundleVerifier.h"

#include <QCoreApplication>

#if __has_include("core/crypto/UserKeyBundle.h")
#include "core/crypto/UserKeyBundle.h"
#define CONCLAVE_HAVE_USER_KEY_BUNDLE 1
#endif

namespace Conclave::Server {

Core::Result<VerifiedKeyBundle> KeyBundleVerifier::verify(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.size() > kMaxBundleBytes) {
        return Core::Error::make(
            Core::ErrorCode::InvalidInput,
            QCoreApplication::translate("KeyBundleVerifier", "The key bundle is empty or too large."),
            QStringLiteral("bundle"));
    }
#ifdef CONCLAVE_HAVE_USER_KEY_BUNDLE
    auto bundle = Core::UserKeyBundle::parseAndVerify(bytes);
    if (!bundle) {
        return Core::Error::make(
            Core::ErrorCode::InvalidInput,
            QCoreApplication::translate("KeyBundleVerifier", "The key bundle's signature does not verify: %1")
                .arg(bundle.error().message),
            QStringLiteral("bundle"));
    }
    return VerifiedKeyBundle{bundle->identityPublicKey(), bundle->encryptionPublicKey(),
                             bundle->userId().toString(QUuid::WithoutBraces)};
#else
    // Without the crypto component nothing can be verified, so nothing is accepted.
    return Core::Error::make(
        Core::ErrorCode::InvalidInput,
        QCoreApplication::translate("KeyBundleVerifier", "This server cannot verify key bundles yet."),
        QStringLiteral("bundle"));
#endif
}

} // namespace Conclave::Server
