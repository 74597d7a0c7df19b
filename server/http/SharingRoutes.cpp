// Team Sharing: the gate's answer and key look-up.
#include "server/http/SharingRoutes.h"

#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"

namespace Conclave::Server {

SharingRoutes::SharingRoutes(ApiServices& services)
    : m_services(services)
{}

void SharingRoutes::add(ApiRouter& router, SharingRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/keys/lookup"), A::Sharing, B::Json,
               ApiRouter::bind(self, &SharingRoutes::lookupKeys));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sharing/status"), A::Sharing, B::None,
               ApiRouter::bind(self, &SharingRoutes::status));
}

ApiReply SharingRoutes::status(ApiRequest&)
{
    // Reaching here means the pipeline's Sharing check let the request through.
    return ApiReply::json(200, {{QStringLiteral("allowed"), true}});
}

ApiReply SharingRoutes::lookupKeys(ApiRequest& request)
{
    // Every look-up counts, found or not: without a budget one account could test any number
    // of addresses for a Conclave account.
    const ServerLimits& limits = m_services.limits;
    const QString accountKey = QStringLiteral("lookup-account:") + request.session.userId;
    if (const int wait =
            m_services.limiter.retryAfter({{accountKey, limits.lookupPerAccount}}, limits.windowSeconds))
        return ApiReply::tooManyRequests(wait);
    m_services.limiter.record({accountKey});
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    if (!input.ok())
        return ApiReply::fromError(input.error());
    auto user = m_services.accounts.userWithKeys(email);
    if (!user)
        return ApiReply::fromError(user.error());
    return ApiReply::json(200, {{QStringLiteral("userId"), user->id},
                                {QStringLiteral("bundle"), JsonOutput::bytes(user->keyBundle)}});
}

} // namespace Conclave::Server
