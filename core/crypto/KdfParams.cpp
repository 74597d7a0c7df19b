// Checks on server-provided Argon2id parameters.
#include "core/crypto/KdfParams.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace Conclave::Core {

static_assert(KdfParams::kSaltSize == crypto_pwhash_SALTBYTES);

KdfParams KdfParams::generate()
{
    Sodium::ensure();
    KdfParams params;
    params.salt.resize(kSaltSize);
    randombytes_buf(params.salt.data(), std::size_t(kSaltSize));
    return params;
}

Status KdfParams::checkAcceptable(const std::optional<KdfParams>& lastSeen) const
{
    if (opsLimit < kMinOpsLimit || memLimit < kMinMemLimit)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The server asked for a password hashing strength below "
                                                    "Conclave's minimum. Sign-in was stopped to protect your "
                                                    "password."),
                                  QStringLiteral("kdf"));
    if (lastSeen && (opsLimit < lastSeen->opsLimit || memLimit < lastSeen->memLimit))
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The server asked for a weaker password hashing strength "
                                                    "than it used before. Sign-in was stopped to protect "
                                                    "your password."),
                                  QStringLiteral("kdf"));
    if (opsLimit > kMaxOpsLimit || memLimit > kMaxMemLimit)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The server asked for a password hashing cost this "
                                                    "computer cannot afford."),
                                  QStringLiteral("kdf"));
    if (salt.size() != kSaltSize)
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The server sent a password salt of the wrong size."),
            QStringLiteral("kdf"));
    return {};
}

} // namespace Conclave::Core
