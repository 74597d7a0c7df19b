// AccountService: sign-up, email verification by code, prelogin, login with the auth key,
// password change, key bundles, and the Team Sharing gate every sharing request passes.
// The server never sees a password: clients send an auth key derived from it (DESIGN §6),
// kept here only as a keyed BLAKE2b hash.
#pragma once

#include "server/services/Mailer.h"
#include "server/services/OrganisationService.h"
#include "server/services/ServerKey.h"
#include "server/services/ServerLimits.h"
#include "server/services/SessionService.h"
#include "server/services/SharingGate.h"
#include "server/storage/AccountStore.h"
#include "server/storage/VerificationStore.h"

#include "core/crypto/KeyWrap.h"
#include "core/crypto/UserKeys.h"
#include "core/util/Clock.h"

namespace Conclave::Server {

struct KdfParameters
{
    static constexpr qint64 kMinOps = 3;
    static constexpr qint64 kMinMemBytes = 64LL * 1024 * 1024;
    static constexpr qint64 kMaxOps = 100;
    static constexpr qint64 kMaxMemBytes = 4LL * 1024 * 1024 * 1024;
    static constexpr qsizetype kSaltBytes = 16;

    QByteArray salt;
    qint64 ops = kMinOps;
    qint64 memBytes = kMinMemBytes;
};

struct SignUpRequest
{
    QString email;
    QString name;
    QByteArray authKey;
    KdfParameters kdf;
    QByteArray wrappedAccountKey;
};

struct LoginResult
{
    UserRecord user;
    IssuedSession session;
};

class AccountService final
{
public:
    static constexpr qsizetype kAuthKeyBytes = 32;
    // core/crypto/UserKeys::wrap: KeyWrap (version, nonce, tag) around two 32-byte secrets.
    static constexpr qsizetype kWrappedPrivateKeysBytes =
        Core::KeyWrap::kOverhead + 2 * qsizetype(Core::UserKeys::kSeedSize);

    AccountService(SqlDatabase& database, AccountStore& accounts, VerificationStore& verifications,
                   const ServerKey& key, const Core::Clock& clock, const ServerLimits& limits,
                   SessionService& sessions, OrganisationService& orgs, Mailer& mailer);
    Q_DISABLE_COPY_MOVE(AccountService)

    Core::Result<QString> signUp(const SignUpRequest& request);
    Core::Status verify(const QString& email, const QString& code);
    // Sends a fresh code when the address belongs to an unverified account; silent otherwise
    // so the answer does not reveal which addresses have accounts.
    Core::Status resend(const QString& email);
    KdfParameters prelogin(const QString& email);
    Core::Result<LoginResult> login(const QString& email, const QByteArray& authKey);
    Core::Result<IssuedSession> changePassword(const QString& userId, const QByteArray& currentAuthKey,
                                               const QByteArray& newAuthKey, const KdfParameters& kdf,
                                               const QByteArray& wrappedAccountKey);
    Core::Status publishKeys(const QString& userId, const QByteArray& bundle,
                             const QByteArray& wrappedPrivateKeys);
    Core::Result<UserRecord> user(const QString& userId);
    Core::Result<UserRecord> userWithKeys(const QString& email);
    // Whether the user may use Team Sharing now (verified, not blocked), and why not.
    Core::Result<SharingGate> sharingGate(const QString& userId);
    Core::Result<int> purgeUnverified();

private:
    QByteArray authHash(const QByteArray& authKey) const;
    // A fresh code replaces any pending one; mailCode sends it once the change is committed.
    Core::Result<QString> storeCode(const UserRecord& user);
    void mailCode(const UserRecord& user, const QString& code);
    Core::Status sendCode(const UserRecord& user);

    SqlDatabase& m_database;
    AccountStore& m_accounts;
    VerificationStore& m_verifications;
    const ServerKey& m_key;
    const Core::Clock& m_clock;
    const ServerLimits& m_limits;
    SessionService& m_sessions;
    OrganisationService& m_orgs;
    Mailer& m_mailer;
};

} // namespace Conclave::Server
