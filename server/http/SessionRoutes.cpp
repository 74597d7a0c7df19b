// Sign-in and session management.
#include "server/http/SessionRoutes.h"

#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"

#include "core/crypto/SecureBytes.h"

#include <QJsonArray>

namespace Conclave::Server {

SessionRoutes::SessionRoutes(ApiServices& services)
    : m_services(services)
{}

void SessionRoutes::add(ApiRouter& router, SessionRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/sessions"), A::Anonymous, B::Json,
               ApiRouter::bind(self, &SessionRoutes::login));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sessions"), A::SignedIn, B::None,
               ApiRouter::bind(self, &SessionRoutes::list));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/sessions/current"), A::SignedIn, B::None,
               ApiRouter::bind(self, &SessionRoutes::logout));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/sessions/{sessionId}"), A::SignedIn, B::None,
               ApiRouter::bind(self, &SessionRoutes::revoke));
}

ApiReply SessionRoutes::login(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    QByteArray authKey =
        input.base64(QStringLiteral("authKey"), AccountService::kAuthKeyBytes, AccountService::kAuthKeyBytes);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    // Failed sign-ins count against the account and, separately, against the client's
    // address, so guessing many accounts from one address is limited too.
    const QString accountKey = QStringLiteral("login-account:") + email;
    const QString addressKey = QStringLiteral("login-address:") + request.client.toString();
    const ServerLimits& limits = m_services.limits;
    if (const int wait = m_services.limiter.retryAfter(
            {{accountKey, limits.loginPerAccount}, {addressKey, limits.loginPerAddress}},
            limits.windowSeconds)) {
        Core::secureWipe(authKey);
        return ApiReply::tooManyRequests(wait);
    }
    auto result = m_services.accounts.login(email, authKey);
    Core::secureWipe(authKey);
    if (!result) {
        if (result.error().code != Core::ErrorCode::Crypto)
            return ApiReply::fromError(result.error());
        m_services.limiter.record({accountKey, addressKey});
        ApiReply reply = ApiReply::error(401, ApiReason::WrongCredentials, result.error().message);
        reply.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"conclave\"")));
        return reply;
    }
    m_services.limiter.reset(accountKey);
    const UserRecord& user = result->user;
    const IssuedSession& session = result->session;
    return ApiReply::json(201,
                          {{QStringLiteral("token"), QString::fromLatin1(session.token)},
                           {QStringLiteral("sessionId"), session.sessionId},
                           {QStringLiteral("userId"), user.id},
                           {QStringLiteral("verified"), user.verified},
                           {QStringLiteral("expiresAt"), JsonOutput::time(session.absoluteExpiryMs)},
                           {QStringLiteral("idleTimeoutSeconds"), limits.idleTimeoutSeconds},
                           {QStringLiteral("wrappedAccountKey"), JsonOutput::bytes(user.wrappedAccountKey)},
                           {QStringLiteral("wrappedPrivateKeys"), JsonOutput::bytes(user.wrappedPrivateKeys)},
                           {QStringLiteral("keyBundle"), JsonOutput::bytes(user.keyBundle)}});
}

ApiReply SessionRoutes::list(ApiRequest& request)
{
    auto sessions = m_services.sessions.list(request.session.userId);
    if (!sessions)
        return ApiReply::fromError(sessions.error());
    QJsonArray list;
    for (const SessionRecord& s : sessions.value()) {
        list.append(QJsonObject{{QStringLiteral("id"), s.id},
                                {QStringLiteral("createdAt"), JsonOutput::time(s.createdAtMs)},
                                {QStringLiteral("lastSeenAt"), JsonOutput::time(s.lastSeenMs)},
                                {QStringLiteral("current"), s.id == request.session.sessionId}});
    }
    return ApiReply::json(200, {{QStringLiteral("sessions"), list}});
}

ApiReply SessionRoutes::logout(ApiRequest& request)
{
    auto revoked = m_services.sessions.revoke(request.session.userId, request.session.sessionId);
    if (!revoked)
        return ApiReply::fromError(revoked.error());
    return ApiReply::json(200, {{QStringLiteral("revoked"), true}});
}

ApiReply SessionRoutes::revoke(ApiRequest& request)
{
    auto revoked = m_services.sessions.revoke(request.session.userId, request.param("sessionId"));
    if (!revoked)
        return ApiReply::fromError(revoked.error());
    if (!revoked.value())
        return ApiReply::error(404, ApiReason::NotFound, QStringLiteral("You have no session with this id."));
    return ApiReply::json(200, {{QStringLiteral("revoked"), true}});
}

} // namespace Conclave::Server
