// Password-derived account keys (Argon2id + crypto_kdf).
#include "core/crypto/AccountKeys.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/SecurityStateStore.h"
#include "core/crypto/Sodium.h"
#include "core/util/LogCategories.h"

#include <sodium.h>

#include <atomic>

namespace Conclave::Core {

namespace {
std::atomic<quint64> s_derivations{0};

QByteArray accountKeyAd()
{
    return ByteWriter(DomainTags::kAccountKeyWrap).bytes();
}
} // namespace

static_assert(AccountKeys::kKeySize == crypto_kdf_KEYBYTES);
static_assert(sizeof(DomainTags::kKdfContext) - 1 == crypto_kdf_CONTEXTBYTES);

Result<AccountKeys> AccountKeys::derive(const SecureBytes& password, const KdfParams& params,
                                        const std::optional<KdfParams>& lastSeen)
{
    Sodium::ensure();
    if (const Status acceptable = params.checkAcceptable(lastSeen); !acceptable)
        return acceptable.error();
    if (password.isEmpty())
        return CryptoErrors::make(ErrorCode::InvalidInput,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "Enter your password."),
                                  QStringLiteral("password"));

    ++s_derivations;
    SecureBytes root(kKeySize);
    if (crypto_pwhash(root.data(), root.size(), reinterpret_cast<const char*>(password.data()),
                      password.size(), reinterpret_cast<const unsigned char*>(params.salt.constData()),
                      params.opsLimit, std::size_t(params.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        qCWarning(lcCoreCrypto) << "Argon2id failed (out of memory?)";
        return CryptoErrors::make(ErrorCode::Internal,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "There was not enough memory to process the password."));
    }

    AccountKeys keys;
    keys.m_authKey = SecureBytes(kKeySize);
    keys.m_kek = SecureBytes(kKeySize);
    crypto_kdf_derive_from_key(keys.m_authKey.data(), kKeySize, DomainTags::kKdfAuthKeyId,
                               DomainTags::kKdfContext, root.data());
    crypto_kdf_derive_from_key(keys.m_kek.data(), kKeySize, DomainTags::kKdfKekId, DomainTags::kKdfContext,
                               root.data());
    return keys;
}

Result<AccountKeys> AccountKeys::deriveWithStore(const SecureBytes& password, const KdfParams& params,
                                                 const SecurityStateStore& store)
{
    const Result<std::optional<KdfParams>> lastSeen = store.lastKdf();
    if (!lastSeen)
        return lastSeen.error();
    return derive(password, params, *lastSeen);
}

SecureBytes AccountKeys::generateAccountKey()
{
    return SecureBytes::random(kKeySize);
}

QByteArray AccountKeys::wrapAccountKey(const SecureBytes& accountKey) const
{
    return KeyWrap::wrap(m_kek, accountKey, accountKeyAd());
}

Result<SecureBytes> AccountKeys::unwrapAccountKey(QByteArrayView wrapped) const
{
    return KeyWrap::unwrap(m_kek, wrapped, accountKeyAd(), kKeySize);
}

Result<QByteArray> AccountKeys::rewrap(const AccountKeys& oldKeys, const AccountKeys& newKeys,
                                       QByteArrayView wrapped)
{
    Result<SecureBytes> accountKey = oldKeys.unwrapAccountKey(wrapped);
    if (!accountKey)
        return accountKey.error();
    return newKeys.wrapAccountKey(*accountKey);
}

quint64 AccountKeys::derivationCount()
{
    return s_derivations.load();
}

} // namespace Conclave::Core
