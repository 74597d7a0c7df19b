// AccountClient: the user's account on the sync server (DESIGN §3, §6): sign up, verify the
// address, sign in, sign out, change the password, list and revoke sessions. The password
// becomes keys only on a worker thread (Argon2id through BackgroundJob); the account key and
// the user's private keys are unwrapped there too and then held here in SecureBytes, the only
// copy, until sign-out wipes them. Private keys leave the machine only wrapped by the account
// key; the password and the kek never leave it at all.
//
// Before any Argon2id run the KDF parameters the server hands out are checked: never below
// the protocol's floor and never below the ones this computer last accepted for the account
// (KnownAccounts + SecurityStateStore), so a hostile server cannot make a captured auth key
// cheap to guess. Every failure comes back as an Error with a translated sentence
// (ApiError::toError()).
//
// One operation at a time: a second sign-in, sign-up or password change while one runs is
// refused. sign-out is always accepted: it wipes at once and revokes the session on the
// server in the background.
#pragma once

#include "core/crypto/KdfParams.h"
#include "core/crypto/SecureBytes.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/AccountInfo.h"
#include "core/sync/KnownAccounts.h"
#include "core/sync/SessionInfo.h"
#include "core/util/Result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Conclave::Core {

class ApiConnection;
struct ApiReply;

class AccountClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountClient)

public:
    enum class SignOutReason
    {
        User,         // the user chose Sign Out
        Inactivity,   // the InactivityTimer ran out
        SessionEnded, // the server no longer accepts the session (expired, revoked elsewhere, blocked)
    };
    Q_ENUM(SignOutReason)

    using StatusDone = std::function<void(Status)>;
    using SessionsDone = std::function<void(Result<QList<SessionInfo>>)>;

    // `api` must outlive the client. `stateDirectory` holds KnownAccounts and the security
    // state stores (the app's data folder).
    AccountClient(ApiConnection& api, const QString& stateDirectory, QObject* parent = nullptr);
    ~AccountClient() override;

    // The Argon2id cost for new accounts and password changes (never below the protocol's
    // floor). Defaults to KdfParams::generate()'s.
    void setNewPasswordCost(quint64 opsLimit, quint64 memLimitBytes);

    void signUp(const QString& email, const QString& name, SecureBytes password, QObject* context,
                StatusDone done);
    void verifyEmail(const QString& email, const QString& code, QObject* context, StatusDone done);
    void resendCode(const QString& email, QObject* context, StatusDone done);
    // An unverified address fails with field "email" after verificationNeeded() is emitted;
    // an account the organisation blocked fails with the administrators' reason. Either way
    // the session the server opened is revoked again at once.
    void signIn(const QString& email, SecureBytes password, QObject* context, StatusDone done);
    // Wipes the keys and the token now, then revokes the session; `done` (may be null) gets
    // the server's answer. Local data and connections are not touched.
    void signOut(SignOutReason reason, QObject* context = nullptr, StatusDone done = {});
    // Re-wraps the account key only; the server ends every other session.
    void changePassword(SecureBytes currentPassword, SecureBytes newPassword, QObject* context,
                        StatusDone done);
    void listSessions(QObject* context, SessionsDone done);
    // Revoking the current session is signing out.
    void revokeSession(const QUuid& sessionId, QObject* context, StatusDone done);
    // Reads the account again (name, verification, whether sharing is allowed).
    void refreshAccount(QObject* context, StatusDone done);

    bool isSignedIn() const { return m_signedIn; }
    bool isBusy() const { return m_busy; }
    const AccountInfo& account() const { return m_account; }
    // The unlocked keys; empty / null when signed out.
    const SecureBytes& accountKey() const { return m_accountKey; }
    const UserKeys* userKeys() const { return m_userKeys ? &*m_userKeys : nullptr; }
    // Any key material in memory at all (account key, user keys, keys made at sign-up).
    bool holdsKeys() const;
    ApiConnection& api() const { return m_api; }

signals:
    void signedIn();
    // A sign-out of a signed-in client has begun: the keys are still held for whatever must be
    // kept sealed with them (an open editor's draft); signedOut follows with the keys wiped.
    void signingOut(Conclave::Core::AccountClient::SignOutReason reason);
    void signedOut(Conclave::Core::AccountClient::SignOutReason reason);
    void accountChanged();
    // Sign-in found the address unverified: show the code entry for `email`.
    void verificationNeeded(const QString& email);

private:
    struct SignInContext;

    void checkServer(QObject* context, StatusDone then);
    void continueSignIn(std::shared_ptr<SignInContext> ctx);
    void openSession(std::shared_ptr<SignInContext> ctx);
    void refuseUnverified(std::shared_ptr<SignInContext> ctx);
    void unlock(std::shared_ptr<SignInContext> ctx, const ApiReply& session);
    void finishSignIn(std::shared_ptr<SignInContext> ctx);
    void fail(std::shared_ptr<SignInContext> ctx, const Error& error);
    void wipe();
    bool refuseWhileBusy(const StatusDone& done);
    Status recordKdf(const KdfParams& params);
    void readAccount(QObject* context, StatusDone done);

    ApiConnection& m_api;
    KnownAccounts m_known;
    quint64 m_newOps;
    quint64 m_newMem;
    bool m_serverChecked = false;
    bool m_busy = false;
    bool m_signedIn = false;
    quint64 m_epoch = 0; // bumped by sign-out: answers to older requests are dropped

    AccountInfo m_account;
    SecureBytes m_accountKey;
    std::optional<UserKeys> m_userKeys;
    KdfParams m_kdf;                // the parameters the current password was derived with
    QByteArray m_wrappedAccountKey; // as the server holds it (wrapped, not secret)
    quint64 m_stateGeneration = 0;
    QString m_knownEmail; // the address as entered at sign-in, the KnownAccounts key
    // Keys made at sign-up, published at the account's first sign-in in this run.
    QString m_pendingEmail;
    std::optional<UserKeys> m_pendingKeys;
};

} // namespace Conclave::Core
