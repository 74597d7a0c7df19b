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

#include "core/crypto/AccountKeys.h"
#include "core/crypto/KdfParams.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/UserKeys.h"
#include "core/util/Clock.h"

namespace Conclave::Server {

// The accepted range is core's (Core::KdfParams), so the server accepts exactly the parameters
// its clients accept: no account can be created that every client then refuses to sign in to.
struct KdfParameters
{
    QByteArray salt;
    qint64 ops = qint64(Core::KdfParams::kMinOpsLimit);
    qint64 memBytes = qint64(Core::KdfParams::kMinMemLimit);
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
    // Both wrapped keys have one exact KeyWrap layout (version, nonce, ciphertext, tag):
    // AccountKeys::wrapAccountKey around the 32-byte account key, UserKeys::wrap around the
    // two 32-byte private secrets. Anything else is refused at upload, not stored.
    static constexpr qsizetype kWrappedAccountKeyBytes =
        Core::KeyWrap::wrappedSize(qsizetype(Core::AccountKeys::kKeySize));
    static constexpr qsizetype kWrappedPrivateKeysBytes =
        Core::KeyWrap::wrappedSize(2 * qsizetype(Core::UserKeys::kSeedSize));

    AccountService(SqlDatabase& database, AccountStore& accounts, VerificationStore& verifications,
                   const ServerKey& key, const Core::Clock& clock, const ServerLimits& limits,
                   SessionService& sessions, OrganisationService& orgs, Mailer& mailer, AccessCache& cache);
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
    // Whether the user may use Team Sharing now (verified, not blocked), and why not. Served
    // from the access cache while the access epoch stays the same.
    Core::Result<SharingGate> sharingGate(const QString& userId);
    Core::Result<int> purgeUnverified();

private:
    QByteArray authHash(const QByteArray& authKey) const;
    Core::Result<SharingGate> computeSharingGate(const QString& userId);
    // InvalidInput on `field` unless `wrapped` has KeyWrap's exact size and current version.
    static Core::Status checkWrapped(const QByteArray& wrapped, qsizetype size, const QString& field);
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
    AccessCache& m_cache;
};

} // namespace Conclave::Server
