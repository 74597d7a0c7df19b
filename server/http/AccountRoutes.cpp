// Accounts: sign-up, verification, prelogin, password and keys.
#include "server/http/AccountRoutes.h"

#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"
#include "server/services/KeyBundleVerifier.h"

#include "core/crypto/SecureBytes.h"

namespace Conclave::Server {

namespace {

KdfParameters readKdf(JsonInput& input, const QString& field)
{
    JsonInput kdf = input.object(field);
    KdfParameters params;
    using Core::KdfParams;
    params.salt = kdf.base64(QStringLiteral("salt"), KdfParams::kSaltSize, KdfParams::kSaltSize);
    params.ops = kdf.integer(QStringLiteral("opsLimit"), qint64(KdfParams::kMinOpsLimit),
                             qint64(KdfParams::kMaxOpsLimit));
    params.memBytes = kdf.integer(QStringLiteral("memLimitBytes"), qint64(KdfParams::kMinMemLimit),
                                  qint64(KdfParams::kMaxMemLimit));
    input.adopt(kdf);
    return params;
}

QJsonObject kdfJson(const KdfParameters& kdf)
{
    return {{QStringLiteral("algorithm"), QStringLiteral("argon2id13")},
            {QStringLiteral("salt"), JsonOutput::bytes(kdf.salt)},
            {QStringLiteral("opsLimit"), double(kdf.ops)},
            {QStringLiteral("memLimitBytes"), double(kdf.memBytes)}};
}

} // namespace

AccountRoutes::AccountRoutes(ApiServices& services)
    : m_services(services)
{}

void AccountRoutes::add(ApiRouter& router, AccountRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts"), A::Anonymous, B::Json,
               ApiRouter::bind(self, &AccountRoutes::signUp));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts/verify"), A::Anonymous, B::Json,
               ApiRouter::bind(self, &AccountRoutes::verify));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts/verify/resend"), A::Anonymous,
               B::Json, ApiRouter::bind(self, &AccountRoutes::resend));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts/prelogin"), A::Anonymous, B::Json,
               ApiRouter::bind(self, &AccountRoutes::prelogin));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), A::SignedIn, B::None,
               ApiRouter::bind(self, &AccountRoutes::account));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/account/password"), A::SignedIn, B::Json,
               ApiRouter::bind(self, &AccountRoutes::changePassword));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/account/keys"), A::SignedIn, B::Json,
               ApiRouter::bind(self, &AccountRoutes::publishKeys));
}

ApiReply AccountRoutes::signUp(ApiRequest& request)
{
    const ServerLimits& limits = m_services.limits;
    const QString addressKey = QStringLiteral("signup-address:") + request.client.toString();
    if (const int wait =
            m_services.limiter.retryAfter({{addressKey, limits.signupPerAddress}}, limits.windowSeconds))
        return ApiReply::tooManyRequests(wait);
    JsonInput input(request.body);
    SignUpRequest signUp;
    signUp.email = input.email(QStringLiteral("email"));
    signUp.name = input.string(QStringLiteral("name"), 200);
    signUp.authKey =
        input.base64(QStringLiteral("authKey"), AccountService::kAuthKeyBytes, AccountService::kAuthKeyBytes);
    signUp.kdf = readKdf(input, QStringLiteral("kdf"));
    signUp.wrappedAccountKey =
        input.base64(QStringLiteral("wrappedAccountKey"), AccountService::kWrappedAccountKeyBytes,
                     AccountService::kWrappedAccountKeyBytes);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    m_services.limiter.record({addressKey});
    auto userId = m_services.accounts.signUp(signUp);
    Core::secureWipe(signUp.authKey);
    if (!userId)
        return ApiReply::fromError(userId.error());
    return ApiReply::json(201,
                          {{QStringLiteral("userId"), userId.value()}, {QStringLiteral("verified"), false}});
}

ApiReply AccountRoutes::verify(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    const QString code = input.string(QStringLiteral("code"), 32);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const ServerLimits& limits = m_services.limits;
    const QString accountKey = QStringLiteral("verify-account:") + email;
    const QString addressKey = QStringLiteral("verify-address:") + request.client.toString();
    if (const int wait = m_services.limiter.retryAfter(
            {{accountKey, limits.verifyPerAccount}, {addressKey, limits.verifyPerAddress}},
            limits.windowSeconds)) {
        return ApiReply::tooManyRequests(wait);
    }
    if (auto verified = m_services.accounts.verify(email, code); !verified) {
        m_services.limiter.record({accountKey, addressKey});
        return ApiReply::fromError(verified.error());
    }
    m_services.limiter.reset(accountKey);
    return ApiReply::json(200, {{QStringLiteral("verified"), true}});
}

ApiReply AccountRoutes::resend(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const ServerLimits& limits = m_services.limits;
    const QString accountKey = QStringLiteral("resend-account:") + email;
    const QString addressKey = QStringLiteral("resend-address:") + request.client.toString();
    if (const int wait = m_services.limiter.retryAfter(
            {{accountKey, limits.resendPerAccount}, {addressKey, limits.signupPerAddress}},
            limits.windowSeconds)) {
        return ApiReply::tooManyRequests(wait);
    }
    m_services.limiter.record({accountKey, addressKey});
    if (auto sent = m_services.accounts.resend(email); !sent)
        return ApiReply::fromError(sent.error());
    // The same answer whether or not the address has an account.
    return ApiReply::json(202, {{QStringLiteral("status"), QStringLiteral("sent-if-pending")}});
}

ApiReply AccountRoutes::prelogin(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    if (!input.ok())
        return ApiReply::fromError(input.error());
    return ApiReply::json(200, {{QStringLiteral("kdf"), kdfJson(m_services.accounts.prelogin(email))}});
}

ApiReply AccountRoutes::account(ApiRequest& request)
{
    auto user = m_services.accounts.user(request.session.userId);
    if (!user)
        return ApiReply::fromError(user.error());
    auto gate = m_services.accounts.sharingGate(user->id);
    if (!gate)
        return ApiReply::fromError(gate.error());
    QJsonObject sharing{{QStringLiteral("allowed"), gate->allowed()}};
    if (!gate->allowed()) {
        sharing.insert(QStringLiteral("reason"), gate->message);
        if (gate->denial == SharingGate::Denial::Blocked)
            sharing.insert(QStringLiteral("detail"), gate->detail);
        sharing.insert(QStringLiteral("code"),
                       reasonName(gate->denial == SharingGate::Denial::Blocked ? ApiReason::SharingBlocked
                                                                               : ApiReason::EmailUnverified));
    }
    return ApiReply::json(200, {{QStringLiteral("userId"), user->id},
                                {QStringLiteral("email"), user->email},
                                {QStringLiteral("name"), user->name},
                                {QStringLiteral("verified"), user->verified},
                                {QStringLiteral("sharing"), sharing}});
}

ApiReply AccountRoutes::changePassword(ApiRequest& request)
{
    JsonInput input(request.body);
    QByteArray current = input.base64(QStringLiteral("currentAuthKey"), AccountService::kAuthKeyBytes,
                                      AccountService::kAuthKeyBytes);
    QByteArray next = input.base64(QStringLiteral("newAuthKey"), AccountService::kAuthKeyBytes,
                                   AccountService::kAuthKeyBytes);
    const KdfParameters kdf = readKdf(input, QStringLiteral("kdf"));
    const QByteArray wrapped =
        input.base64(QStringLiteral("wrappedAccountKey"), AccountService::kWrappedAccountKeyBytes,
                     AccountService::kWrappedAccountKeyBytes);
    if (!input.ok()) {
        Core::secureWipe(current);
        Core::secureWipe(next);
        return ApiReply::fromError(input.error());
    }
    auto session = m_services.accounts.changePassword(request.session.userId, current, next, kdf, wrapped);
    Core::secureWipe(current);
    Core::secureWipe(next);
    if (!session) {
        // A wrong current password is a 403 here: the session itself is valid.
        if (session.error().code == Core::ErrorCode::Crypto)
            return ApiReply::error(403, ApiReason::WrongPassword, session.error().message,
                                   session.error().field);
        return ApiReply::fromError(session.error());
    }
    return ApiReply::json(200, {{QStringLiteral("token"), QString::fromLatin1(session->token)},
                                {QStringLiteral("sessionId"), session->sessionId},
                                {QStringLiteral("expiresAt"), JsonOutput::time(session->absoluteExpiryMs)}});
}

ApiReply AccountRoutes::publishKeys(ApiRequest& request)
{
    JsonInput input(request.body);
    const QByteArray bundle = input.base64(QStringLiteral("bundle"), 1, KeyBundleVerifier::kMaxBundleBytes);
    const QByteArray wrapped =
        input.base64(QStringLiteral("wrappedPrivateKeys"), AccountService::kWrappedPrivateKeysBytes,
                     AccountService::kWrappedPrivateKeysBytes);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    if (auto published = m_services.accounts.publishKeys(request.session.userId, bundle, wrapped); !published)
        return ApiReply::fromError(published.error());
    return ApiReply::json(200, {{QStringLiteral("published"), true}});
}

} // namespace Conclave::Server
