// The account on the sync server; see the header.
#include "core/sync/AccountClient.h"

#include "core/crypto/AccountKeys.h"
#include "core/crypto/SecurityStateStore.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/sync/ApiConnection.h"
#include "core/util/BackgroundJob.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>

#include <algorithm>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::AccountClient)
};

Error busyError()
{
    return Error::make(ErrorCode::Denied, Tr::tr("Another account operation is still running. Wait until "
                                                 "it has finished."));
}

Error notSignedIn()
{
    return Error::make(ErrorCode::Denied, Tr::tr("You are not signed in to Team Sharing."));
}

Error malformed()
{
    ApiError error;
    error.kind = ApiError::Kind::Protocol;
    return error.toError();
}

Error keysUnusable()
{
    return Error::make(ErrorCode::Crypto, Tr::tr("The keys the sharing server holds for this account cannot "
                                                 "be unlocked with this password. They may have been "
                                                 "altered; nothing was changed."));
}

QJsonObject kdfJson(const KdfParams& params)
{
    return {{QStringLiteral("salt"), QString::fromLatin1(params.salt.toBase64())},
            {QStringLiteral("opsLimit"), double(params.opsLimit)},
            {QStringLiteral("memLimitBytes"), double(params.memLimit)}};
}

std::optional<KdfParams> parseKdf(const QJsonObject& object)
{
    const QJsonValue ops = object.value(QStringLiteral("opsLimit"));
    const QJsonValue mem = object.value(QStringLiteral("memLimitBytes"));
    const auto salt = QByteArray::fromBase64Encoding(
        object.value(QStringLiteral("salt")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!ops.isDouble() || !mem.isDouble() || !salt || ops.toDouble() < 0 || mem.toDouble() < 0 ||
        ops.toDouble() > 1e15 || mem.toDouble() > 1e15)
        return std::nullopt;
    KdfParams params;
    params.opsLimit = quint64(ops.toDouble());
    params.memLimit = quint64(mem.toDouble());
    params.salt = *salt;
    return params;
}

std::optional<QByteArray> bytesField(const QJsonObject& object, const char* name)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isNull() || value.isUndefined())
        return QByteArray();
    if (!value.isString())
        return std::nullopt;
    auto decoded =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QString sharingProblem(const QJsonObject& sharing)
{
    if (sharing.value(QStringLiteral("allowed")).toBool())
        return {};
    ApiError error;
    error.kind = ApiError::Kind::Server;
    error.status = 403;
    error.reason = sharing.value(QStringLiteral("code")).toString();
    error.detail = sharing.value(QStringLiteral("reason")).toString().left(2000);
    if (error.reason != QLatin1String("sharing-blocked"))
        error.reason = QStringLiteral("email-unverified");
    return error.toError().message;
}

// What the worker thread hands back after a sign-in: the only copies of the keys.
struct Unlocked
{
    SecureBytes accountKey;
    std::optional<UserKeys> userKeys;
    QByteArray publishBundle; // non-empty: the keys were missing and must be published
    QByteArray publishWrapped;
};

// What sign-up makes on the worker thread.
struct NewAccount
{
    KdfParams params;
    SecureBytes authKey;
    SecureBytes accountKey;
    QByteArray wrappedAccountKey;
    std::optional<UserKeys> userKeys;
};

struct NewPassword
{
    KdfParams params;
    SecureBytes currentAuthKey;
    SecureBytes newAuthKey;
    QByteArray wrappedAccountKey;
};

} // namespace

struct AccountClient::SignInContext
{
    QString email;
    SecureBytes password;
    QPointer<QObject> context;
    bool hadContext = false;
    StatusDone done;
    quint64 epoch = 0;
    KdfParams params;
    std::optional<KnownAccounts::Entry> known;
    std::optional<AccountKeys> keys;
    std::optional<UserKeys> pendingKeys;
    QUuid userId;

    void finish(const Status& status)
    {
        if (done && (!hadContext || context))
            done(status);
        done = {};
    }
};

AccountClient::AccountClient(ApiConnection& api, const QString& stateDirectory, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_known(stateDirectory)
{
    const KdfParams defaults = KdfParams::generate();
    m_newOps = defaults.opsLimit;
    m_newMem = defaults.memLimit;
    connect(&m_api, &ApiConnection::sessionRejected, this, [this] {
        if (m_signedIn) {
            qCInfo(lcCoreSync) << "the server no longer accepts the session; signing out";
            emit signingOut(SignOutReason::SessionEnded);
            wipe();
            emit signedOut(SignOutReason::SessionEnded);
        }
    });
}

AccountClient::~AccountClient()
{
    wipe();
}

void AccountClient::setNewPasswordCost(quint64 opsLimit, quint64 memLimitBytes)
{
    m_newOps = std::max(opsLimit, KdfParams::kMinOpsLimit);
    m_newMem = std::max(memLimitBytes, KdfParams::kMinMemLimit);
}

bool AccountClient::holdsKeys() const
{
    return !m_accountKey.isEmpty() || m_userKeys.has_value() || m_pendingKeys.has_value();
}

void AccountClient::wipe()
{
    ++m_epoch;
    m_api.clearToken();
    m_accountKey.clear();
    m_userKeys.reset();
    m_pendingKeys.reset();
    m_pendingEmail.clear();
    m_wrappedAccountKey.clear();
    m_knownEmail.clear();
    m_account = AccountInfo();
    m_signedIn = false;
    m_busy = false;
}

bool AccountClient::refuseWhileBusy(const StatusDone& done)
{
    if (!m_busy)
        return false;
    if (done)
        done(busyError());
    return true;
}

void AccountClient::checkServer(QObject* context, StatusDone then)
{
    if (m_serverChecked) {
        then({});
        return;
    }
    m_api.get(QStringLiteral("/api/v1/server"), false, context, [this, then](ApiReply reply) {
        if (!reply.ok()) {
            if (reply.error.kind == ApiError::Kind::Server && reply.status == 404) {
                ApiError old;
                old.kind = ApiError::Kind::Protocol;
                old.reason = QStringLiteral("server-too-old");
                then(old.toError());
                return;
            }
            then(reply.error.toError());
            return;
        }
        const QString level = reply.json.value(QStringLiteral("api")).toString();
        if (level != QLatin1String("v1")) {
            ApiError mismatch;
            mismatch.kind = ApiError::Kind::Protocol;
            // "v2" and later are newer than this client; anything else (or none) is older.
            bool ok = false;
            const int number = level.startsWith(QLatin1Char('v')) ? level.mid(1).toInt(&ok) : 0;
            mismatch.reason =
                ok && number > 1 ? QStringLiteral("server-too-new") : QStringLiteral("server-too-old");
            then(mismatch.toError());
            return;
        }
        m_serverChecked = true;
        then({});
    });
}

// ---- sign-up -------------------------------------------------------------------------------

void AccountClient::signUp(const QString& email, const QString& name, SecureBytes password, QObject* context,
                           StatusDone done)
{
    if (refuseWhileBusy(done))
        return;
    m_busy = true;
    const quint64 epoch = m_epoch;
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto deliver = [this, guard, hadContext, done, epoch](const Status& status) {
        if (epoch == m_epoch)
            m_busy = false;
        if (done && (!hadContext || guard))
            done(status);
    };
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    const QString address = KnownAccounts::normaliseEmail(email);
    checkServer(this, [=, this](Status reachable) {
        if (!reachable) {
            deliver(reachable);
            return;
        }
        KdfParams params = KdfParams::generate();
        params.opsLimit = m_newOps;
        params.memLimit = m_newMem;
        BackgroundJob::start<NewAccount>(
            this,
            [params, secret](const CancellationToken&) -> Result<NewAccount> {
                Result<AccountKeys> keys = AccountKeys::derive(*secret, params, std::nullopt);
                secret->clear();
                if (!keys)
                    return keys.error();
                NewAccount made;
                made.params = params;
                made.authKey = keys->authKey().clone();
                made.accountKey = AccountKeys::generateAccountKey();
                made.wrappedAccountKey = keys->wrapAccountKey(made.accountKey);
                made.userKeys.emplace(UserKeys::generate());
                return made;
            },
            [=, this](Result<NewAccount> made) {
                if (epoch != m_epoch)
                    return;
                if (!made) {
                    deliver(made.error());
                    return;
                }
                auto account = std::make_shared<NewAccount>(std::move(made).value());
                const QJsonObject body{{QStringLiteral("email"), address},
                                       {QStringLiteral("name"), name.trimmed()},
                                       {QStringLiteral("kdf"), kdfJson(account->params)},
                                       {QStringLiteral("wrappedAccountKey"),
                                        QString::fromLatin1(account->wrappedAccountKey.toBase64())}};
                m_api.send(
                    "POST", QStringLiteral("/api/v1/accounts"), body,
                    {{QStringLiteral("authKey"), &account->authKey}}, false, this, [=, this](ApiReply reply) {
                        if (epoch != m_epoch)
                            return;
                        if (!reply.ok()) {
                            deliver(reply.error.toError());
                            return;
                        }
                        const QUuid userId(reply.json.value(QStringLiteral("userId")).toString());
                        if (userId.isNull()) {
                            deliver(malformed());
                            return;
                        }
                        // The floor for this account starts with the parameters it was made with.
                        (void)m_known.prepare();
                        SecurityStateStore store(m_known.statePath(userId), userId);
                        Result<SecurityState> state = store.load(account->accountKey, 0);
                        if (state) {
                            state->lastKdf = account->params;
                            if (store.save(*state, account->accountKey))
                                (void)m_known.remember(m_api.server(), address, {userId, store.generation()});
                        }
                        m_pendingEmail = address;
                        m_pendingKeys = std::move(account->userKeys);
                        qCInfo(lcCoreSync) << "signed up user" << userId.toString(QUuid::WithoutBraces);
                        deliver({});
                    });
            });
    });
}

void AccountClient::verifyEmail(const QString& email, const QString& code, QObject* context, StatusDone done)
{
    m_api.post(QStringLiteral("/api/v1/accounts/verify"),
               {{QStringLiteral("email"), KnownAccounts::normaliseEmail(email)},
                {QStringLiteral("code"), code.trimmed()}},
               context, [done](ApiReply reply) {
                   if (done)
                       done(reply.ok() ? Status() : Status(reply.error.toError()));
               });
}

void AccountClient::resendCode(const QString& email, QObject* context, StatusDone done)
{
    m_api.post(QStringLiteral("/api/v1/accounts/verify/resend"),
               {{QStringLiteral("email"), KnownAccounts::normaliseEmail(email)}}, context,
               [done](ApiReply reply) {
                   if (done)
                       done(reply.ok() ? Status() : Status(reply.error.toError()));
               });
}

// ---- sign-in --------------------------------------------------------------------------------

void AccountClient::signIn(const QString& email, SecureBytes password, QObject* context, StatusDone done)
{
    if (refuseWhileBusy(done))
        return;
    if (m_signedIn) {
        // Another account (or the same one again): the current session ends first.
        signOut(SignOutReason::User);
    }
    m_busy = true;
    auto ctx = std::make_shared<SignInContext>();
    ctx->email = KnownAccounts::normaliseEmail(email);
    ctx->password = std::move(password);
    ctx->context = context;
    ctx->hadContext = context != nullptr;
    ctx->done = std::move(done);
    ctx->epoch = m_epoch;
    if (m_pendingKeys && m_pendingEmail == ctx->email)
        ctx->pendingKeys = std::move(m_pendingKeys);
    m_pendingKeys.reset();
    m_pendingEmail.clear();
    checkServer(this, [this, ctx](Status reachable) {
        if (ctx->epoch != m_epoch)
            return;
        if (!reachable) {
            fail(ctx, reachable.error());
            return;
        }
        m_api.post(QStringLiteral("/api/v1/accounts/prelogin"), {{QStringLiteral("email"), ctx->email}}, this,
                   [this, ctx](ApiReply reply) {
                       if (ctx->epoch != m_epoch)
                           return;
                       if (!reply.ok()) {
                           fail(ctx, reply.error.toError());
                           return;
                       }
                       const std::optional<KdfParams> params =
                           parseKdf(reply.json.value(QStringLiteral("kdf")).toObject());
                       if (!params) {
                           fail(ctx, malformed());
                           return;
                       }
                       ctx->params = *params;
                       continueSignIn(ctx);
                   });
    });
}

void AccountClient::continueSignIn(std::shared_ptr<SignInContext> ctx)
{
    // The floor and the last accepted parameters are checked here, before a worker runs
    // Argon2id; AccountKeys::derive checks the same again.
    Result<std::optional<KnownAccounts::Entry>> known = m_known.find(m_api.server(), ctx->email);
    if (!known) {
        fail(ctx, known.error());
        return;
    }
    ctx->known = *known;
    std::optional<KdfParams> lastSeen;
    if (ctx->known) {
        SecurityStateStore store(m_known.statePath(ctx->known->userId), ctx->known->userId);
        Result<std::optional<KdfParams>> last = store.lastKdf();
        if (!last) {
            fail(ctx, last.error());
            return;
        }
        lastSeen = *last;
    }
    if (Status acceptable = ctx->params.checkAcceptable(lastSeen); !acceptable) {
        qCWarning(lcCoreSync) << "refused the server's KDF parameters before deriving keys";
        fail(ctx, acceptable.error());
        return;
    }
    auto password = std::make_shared<SecureBytes>(std::move(ctx->password));
    const KdfParams params = ctx->params;
    BackgroundJob::start<AccountKeys>(
        this,
        [password, params, lastSeen](const CancellationToken&) {
            Result<AccountKeys> keys = AccountKeys::derive(*password, params, lastSeen);
            password->clear();
            return keys;
        },
        [this, ctx](Result<AccountKeys> keys) {
            if (ctx->epoch != m_epoch)
                return;
            if (!keys) {
                fail(ctx, keys.error());
                return;
            }
            ctx->keys.emplace(std::move(keys).value());
            openSession(ctx);
        });
}

void AccountClient::openSession(std::shared_ptr<SignInContext> ctx)
{
    m_api.send(
        "POST", QStringLiteral("/api/v1/sessions"), {{QStringLiteral("email"), ctx->email}},
        {{QStringLiteral("authKey"), &ctx->keys->authKey()}}, false, this, [this, ctx](ApiReply reply) {
            if (ctx->epoch != m_epoch)
                return;
            if (!reply.ok()) {
                fail(ctx, reply.error.toError());
                return;
            }
            QByteArray token = reply.json.value(QStringLiteral("token")).toString().toLatin1();
            reply.json.remove(QStringLiteral("token"));
            if (token.isEmpty()) {
                fail(ctx, malformed());
                return;
            }
            m_api.setToken(SecureBytes::fromView(token));
            secureWipe(token);
            ctx->userId = QUuid(reply.json.value(QStringLiteral("userId")).toString());
            m_account.sessionId = QUuid(reply.json.value(QStringLiteral("sessionId")).toString());
            m_account.expiresAt =
                QDateTime::fromString(reply.json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
            if (ctx->userId.isNull()) {
                fail(ctx, malformed());
                return;
            }
            if (ctx->known && ctx->known->userId != ctx->userId) {
                // The server names another user than the one this computer knows for
                // the address: the floor recorded for it cannot be applied.
                fail(ctx, Error::make(ErrorCode::Protocol,
                                      Tr::tr("The sharing server names another account for this "
                                             "address than before. Conclave does not sign in.")));
                return;
            }
            if (!reply.json.value(QStringLiteral("verified")).toBool()) {
                refuseUnverified(ctx);
                return;
            }
            unlock(ctx, reply);
        });
}

void AccountClient::refuseUnverified(std::shared_ptr<SignInContext> ctx)
{
    // A block by the organisation also takes the verification away (the address must be
    // verified again once the block is lifted): the account says which of the two it is, so
    // a blocked user reads the administrators' reason rather than a request for a code.
    m_api.get(QStringLiteral("/api/v1/account"), true, this, [this, ctx](ApiReply account) {
        if (ctx->epoch != m_epoch)
            return;
        const QJsonObject sharing = account.json.value(QStringLiteral("sharing")).toObject();
        if (account.ok() &&
            sharing.value(QStringLiteral("code")).toString() == QLatin1String("sharing-blocked")) {
            fail(ctx,
                 Error::make(ErrorCode::Denied, sharingProblem(sharing), QStringLiteral("sharing-blocked")));
            return;
        }
        ApiError unverified;
        unverified.kind = ApiError::Kind::Server;
        unverified.reason = QStringLiteral("email-unverified");
        const QString email = ctx->email;
        // Keys made at sign-up wait for the sign-in after the verification.
        std::optional<UserKeys> keep = std::move(ctx->pendingKeys);
        StatusDone done = std::move(ctx->done);
        ctx->done = {};
        fail(ctx, unverified.toError());
        if (keep) {
            m_pendingKeys = std::move(keep);
            m_pendingEmail = email;
        }
        emit verificationNeeded(email);
        ctx->done = std::move(done);
        ctx->finish(unverified.toError());
    });
}

void AccountClient::unlock(std::shared_ptr<SignInContext> ctx, const ApiReply& session)
{
    const std::optional<QByteArray> wrappedAccount = bytesField(session.json, "wrappedAccountKey");
    const std::optional<QByteArray> wrappedPrivate = bytesField(session.json, "wrappedPrivateKeys");
    const std::optional<QByteArray> bundle = bytesField(session.json, "keyBundle");
    if (!wrappedAccount || !wrappedPrivate || !bundle || wrappedAccount->isEmpty()) {
        fail(ctx, malformed());
        return;
    }
    m_wrappedAccountKey = *wrappedAccount;
    auto keys = std::make_shared<std::optional<AccountKeys>>(std::move(ctx->keys));
    auto pending = std::make_shared<std::optional<UserKeys>>(std::move(ctx->pendingKeys));
    const QUuid userId = ctx->userId;
    const QByteArray accountBytes = *wrappedAccount;
    const QByteArray privateBytes = *wrappedPrivate;
    const QByteArray bundleBytes = *bundle;
    BackgroundJob::start<Unlocked>(
        this,
        [keys, pending, userId, accountBytes, privateBytes,
         bundleBytes](const CancellationToken&) -> Result<Unlocked> {
            Result<SecureBytes> accountKey = (*keys)->unwrapAccountKey(accountBytes);
            keys->reset(); // the kek and the auth key are not needed any more
            if (!accountKey)
                return keysUnusable();
            Unlocked out;
            out.accountKey = std::move(accountKey).value();
            if (!privateBytes.isEmpty() && !bundleBytes.isEmpty()) {
                Result<UserKeys> userKeys = UserKeys::unwrap(out.accountKey, userId, privateBytes);
                Result<UserKeyBundle> published = UserKeyBundle::parseAndVerify(bundleBytes);
                // The published bundle must be this user's and match the private keys.
                if (!userKeys || !published || published->userId() != userId ||
                    published->identityPublicKey() != userKeys->identityPublicKey() ||
                    published->encryptionPublicKey() != userKeys->encryptionPublicKey())
                    return keysUnusable();
                out.userKeys.emplace(std::move(userKeys).value());
                return out;
            }
            UserKeys made = pending->has_value() ? std::move(**pending) : UserKeys::generate();
            pending->reset();
            out.publishWrapped = made.wrap(out.accountKey, userId);
            out.publishBundle = UserKeyBundle::create(userId, made).serialize();
            out.userKeys.emplace(std::move(made));
            return out;
        },
        [this, ctx](Result<Unlocked> unlocked) {
            if (ctx->epoch != m_epoch)
                return;
            if (!unlocked) {
                fail(ctx, unlocked.error());
                return;
            }
            m_accountKey = std::move(unlocked->accountKey);
            m_userKeys = std::move(unlocked->userKeys);
            if (unlocked->publishBundle.isEmpty()) {
                finishSignIn(ctx);
                return;
            }
            const QJsonObject body{
                {QStringLiteral("bundle"), QString::fromLatin1(unlocked->publishBundle.toBase64())},
                {QStringLiteral("wrappedPrivateKeys"),
                 QString::fromLatin1(unlocked->publishWrapped.toBase64())}};
            m_api.send("PUT", QStringLiteral("/api/v1/account/keys"), body, {}, true, this,
                       [this, ctx](ApiReply reply) {
                           if (ctx->epoch != m_epoch)
                               return;
                           if (!reply.ok()) {
                               fail(ctx, reply.error.toError());
                               return;
                           }
                           qCInfo(lcCoreSync) << "published the key bundle of user"
                                              << ctx->userId.toString(QUuid::WithoutBraces);
                           finishSignIn(ctx);
                       });
        });
}

void AccountClient::finishSignIn(std::shared_ptr<SignInContext> ctx)
{
    m_account.userId = ctx->userId;
    m_knownEmail = ctx->email;
    m_kdf = ctx->params;
    m_stateGeneration = ctx->known ? ctx->known->generation : 0;
    if (Status recorded = recordKdf(ctx->params); !recorded) {
        fail(ctx, recorded.error());
        return;
    }
    readAccount(this, [this, ctx](Status read) {
        if (ctx->epoch != m_epoch)
            return;
        if (!read) {
            fail(ctx, read.error());
            return;
        }
        m_busy = false;
        m_signedIn = true;
        qCInfo(lcCoreSync) << "signed in as user" << m_account.userId.toString(QUuid::WithoutBraces);
        emit signedIn();
        ctx->finish({});
    });
}

Status AccountClient::recordKdf(const KdfParams& params)
{
    if (Status ready = m_known.prepare(); !ready)
        return ready;
    SecurityStateStore store(m_known.statePath(m_account.userId), m_account.userId);
    // The sync layer's saves since sign-in moved the remembered generation on.
    Result<std::optional<KnownAccounts::Entry>> known = m_known.find(m_api.server(), m_knownEmail);
    if (!known)
        return known.error();
    if (*known && (*known)->userId == m_account.userId)
        m_stateGeneration = std::max(m_stateGeneration, (*known)->generation);
    Result<SecurityState> state = store.load(m_accountKey, m_stateGeneration);
    if (!state)
        return state.error();
    state->lastKdf = params;
    if (Status saved = store.save(*state, m_accountKey); !saved)
        return saved;
    m_stateGeneration = store.generation();
    return m_known.remember(m_api.server(), m_knownEmail, {m_account.userId, m_stateGeneration});
}

void AccountClient::fail(std::shared_ptr<SignInContext> ctx, const Error& error)
{
    // A session the server opened for a sign-in that did not complete is closed again.
    if (m_api.hasToken() && !m_signedIn) {
        m_api.del(QStringLiteral("/api/v1/sessions/current"), nullptr, [](ApiReply) {});
    }
    wipe();
    ctx->finish(error);
}

void AccountClient::readAccount(QObject* context, StatusDone done)
{
    m_api.get(QStringLiteral("/api/v1/account"), true, context, [this, done](ApiReply reply) {
        if (!reply.ok()) {
            done(reply.error.toError());
            return;
        }
        m_account.email = reply.json.value(QStringLiteral("email")).toString();
        m_account.name = reply.json.value(QStringLiteral("name")).toString();
        m_account.verified = reply.json.value(QStringLiteral("verified")).toBool();
        const QJsonObject sharing = reply.json.value(QStringLiteral("sharing")).toObject();
        m_account.sharingAllowed = sharing.value(QStringLiteral("allowed")).toBool();
        m_account.sharingProblem = sharingProblem(sharing);
        emit accountChanged();
        done({});
    });
}

// ---- signed in ------------------------------------------------------------------------------

void AccountClient::signOut(SignOutReason reason, QObject* context, StatusDone done)
{
    const bool wasSignedIn = m_signedIn || m_api.hasToken();
    if (m_signedIn)
        emit signingOut(reason);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    if (m_api.hasToken()) {
        // The request carries the token; it is wiped right after it is handed to Qt.
        m_api.del(QStringLiteral("/api/v1/sessions/current"), nullptr,
                  [done, guard, hadContext](ApiReply reply) {
                      if (done && (!hadContext || guard))
                          done(reply.ok() || reply.status == 401 ? Status() : Status(reply.error.toError()));
                  });
    } else if (done) {
        done({});
    }
    wipe();
    qCInfo(lcCoreSync) << "signed out; reason" << int(reason);
    if (wasSignedIn)
        emit signedOut(reason);
}

void AccountClient::changePassword(SecureBytes currentPassword, SecureBytes newPassword, QObject* context,
                                   StatusDone done)
{
    if (!m_signedIn) {
        if (done)
            done(notSignedIn());
        return;
    }
    if (refuseWhileBusy(done))
        return;
    m_busy = true;
    const quint64 epoch = m_epoch;
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto deliver = [this, guard, hadContext, done, epoch](const Status& status) {
        if (epoch == m_epoch)
            m_busy = false;
        if (done && (!hadContext || guard))
            done(status);
    };
    auto current = std::make_shared<SecureBytes>(std::move(currentPassword));
    auto next = std::make_shared<SecureBytes>(std::move(newPassword));
    auto accountKey = std::make_shared<SecureBytes>(m_accountKey.clone());
    const KdfParams oldParams = m_kdf;
    KdfParams newParams = KdfParams::generate();
    // Never weaker than what this account used so far.
    newParams.opsLimit = std::max(m_newOps, oldParams.opsLimit);
    newParams.memLimit = std::max(m_newMem, oldParams.memLimit);
    const QByteArray wrapped = m_wrappedAccountKey;
    BackgroundJob::start<NewPassword>(
        this,
        [current, next, accountKey, oldParams, newParams,
         wrapped](const CancellationToken&) -> Result<NewPassword> {
            Result<AccountKeys> oldKeys = AccountKeys::derive(*current, oldParams, oldParams);
            current->clear();
            if (!oldKeys) {
                next->clear();
                accountKey->clear();
                return oldKeys.error();
            }
            // The current password must open the account key the server holds: checked here,
            // so a mistyped password never reaches the server as a wrong auth key.
            if (!oldKeys->unwrapAccountKey(wrapped)) {
                next->clear();
                accountKey->clear();
                return Error::make(ErrorCode::Denied, Tr::tr("The current password is wrong."),
                                   QStringLiteral("password"));
            }
            Result<AccountKeys> newKeys = AccountKeys::derive(*next, newParams, std::nullopt);
            next->clear();
            if (!newKeys) {
                accountKey->clear();
                return newKeys.error();
            }
            NewPassword out;
            out.params = newParams;
            out.currentAuthKey = oldKeys->authKey().clone();
            out.newAuthKey = newKeys->authKey().clone();
            out.wrappedAccountKey = newKeys->wrapAccountKey(*accountKey);
            accountKey->clear();
            return out;
        },
        [=, this](Result<NewPassword> made) {
            if (epoch != m_epoch)
                return;
            if (!made) {
                deliver(made.error());
                return;
            }
            auto material = std::make_shared<NewPassword>(std::move(made).value());
            const QJsonObject body{{QStringLiteral("kdf"), kdfJson(material->params)},
                                   {QStringLiteral("wrappedAccountKey"),
                                    QString::fromLatin1(material->wrappedAccountKey.toBase64())}};
            m_api.send("PUT", QStringLiteral("/api/v1/account/password"), body,
                       {{QStringLiteral("currentAuthKey"), &material->currentAuthKey},
                        {QStringLiteral("newAuthKey"), &material->newAuthKey}},
                       true, this, [=, this](ApiReply reply) {
                           if (epoch != m_epoch)
                               return;
                           if (!reply.ok()) {
                               deliver(reply.error.toError());
                               return;
                           }
                           QByteArray token = reply.json.value(QStringLiteral("token")).toString().toLatin1();
                           if (token.isEmpty()) {
                               deliver(malformed());
                               return;
                           }
                           m_api.setToken(SecureBytes::fromView(token));
                           secureWipe(token);
                           m_account.sessionId =
                               QUuid(reply.json.value(QStringLiteral("sessionId")).toString());
                           m_kdf = material->params;
                           m_wrappedAccountKey = material->wrappedAccountKey;
                           const Status recorded = recordKdf(material->params);
                           if (!recorded)
                               qCWarning(lcCoreSync) << "the new KDF parameters could not be recorded";
                           qCInfo(lcCoreSync) << "password changed for user"
                                              << m_account.userId.toString(QUuid::WithoutBraces);
                           emit accountChanged();
                           deliver(recorded);
                       });
        });
}

void AccountClient::listSessions(QObject* context, SessionsDone done)
{
    if (!m_signedIn) {
        done(notSignedIn());
        return;
    }
    m_api.get(QStringLiteral("/api/v1/sessions"), true, context, [done](ApiReply reply) {
        if (!reply.ok()) {
            done(reply.error.toError());
            return;
        }
        QList<SessionInfo> sessions;
        const QJsonValue list = reply.json.value(QStringLiteral("sessions"));
        if (!list.isArray()) {
            done(malformed());
            return;
        }
        for (const QJsonValue& value : list.toArray()) {
            const QJsonObject object = value.toObject();
            SessionInfo session;
            session.id = QUuid(object.value(QStringLiteral("id")).toString());
            session.createdAt =
                QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
            session.lastSeenAt =
                QDateTime::fromString(object.value(QStringLiteral("lastSeenAt")).toString(), Qt::ISODate);
            session.current = object.value(QStringLiteral("current")).toBool();
            if (session.id.isNull()) {
                done(malformed());
                return;
            }
            sessions.append(session);
        }
        done(sessions);
    });
}

void AccountClient::revokeSession(const QUuid& sessionId, QObject* context, StatusDone done)
{
    if (!m_signedIn) {
        if (done)
            done(notSignedIn());
        return;
    }
    if (sessionId == m_account.sessionId) {
        signOut(SignOutReason::User, context, std::move(done));
        return;
    }
    m_api.del(QStringLiteral("/api/v1/sessions/") + sessionId.toString(QUuid::WithoutBraces), context,
              [done](ApiReply reply) {
                  if (done)
                      done(reply.ok() ? Status() : Status(reply.error.toError()));
              });
}

void AccountClient::refreshAccount(QObject* context, StatusDone done)
{
    if (!m_signedIn) {
        if (done)
            done(notSignedIn());
        return;
    }
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    readAccount(this, [done, guard, hadContext](Status status) {
        if (done && (!hadContext || guard))
            done(status);
    });
}

} // namespace Conclave::Core
