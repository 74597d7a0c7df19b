// AccountKeys: what a password turns into. root = Argon2id(password, salt); crypto_kdf then
// derives the auth key (sent to the server, which stores only a keyed hash of it) and the
// kek, which never leaves the client and wraps the random 32-byte account key. A password
// change derives new AccountKeys and re-wraps that one account key; nothing else changes.
#pragma once

#include "core/crypto/KdfParams.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Conclave::Core {

class SecurityStateStore;

class AccountKeys final
{
public:
    static constexpr std::size_t kKeySize = 32;

    AccountKeys(AccountKeys&&) noexcept = default;
    AccountKeys& operator=(AccountKeys&&) noexcept = default;

    // Checks `params` (floor, never below `lastSeen`) before running Argon2id.
    static Result<AccountKeys> derive(const SecureBytes& password, const KdfParams& params,
                                      const std::optional<KdfParams>& lastSeen);
    // The same, with `lastSeen` read from the account's security-state store (its header),
    // as a client does it. A store that exists but cannot be read stops the sign-in: it is
    // never taken for "no parameters seen yet".
    static Result<AccountKeys> deriveWithStore(const SecureBytes& password, const KdfParams& params,
                                               const SecurityStateStore& store);

    // The key the server authenticates; it proves knowledge of the password.
    const SecureBytes& authKey() const { return m_authKey; }

    static SecureBytes generateAccountKey();
    QByteArray wrapAccountKey(const SecureBytes& accountKey) const;
    // A wrong password and a damaged record give the same error (KeyWrap::unlockError()).
    Result<SecureBytes> unwrapAccountKey(QByteArrayView wrapped) const;
    // Password change: unwrap with the old keys, wrap with the new ones.
    static Result<QByteArray> rewrap(const AccountKeys& oldKeys, const AccountKeys& newKeys,
                                     QByteArrayView wrapped);

    // How many Argon2id runs this process has made; lets tests prove a refusal came first.
    static quint64 derivationCount();

private:
    AccountKeys() = default;

    SecureBytes m_authKey;
    SecureBytes m_kek;
};

} // namespace Conclave::Core
