// Health and server information.
#include "server/http/ServerRoutes.h"

namespace Conclave::Server {

ServerRoutes::ServerRoutes(ApiServices& services)
    : m_services(services)
{}

void ServerRoutes::add(ApiRouter& router, ServerRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("GET"), QStringLiteral("/healthz"), A::Anonymous, B::None,
               ApiRouter::bind(self, &ServerRoutes::health));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/server"), A::Anonymous, B::None,
               ApiRouter::bind(self, &ServerRoutes::serverInfo));
}

ApiReply ServerRoutes::health(ApiRequest&)
{
    return ApiReply::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}

ApiReply ServerRoutes::serverInfo(ApiRequest&)
{
    const ServerLimits& limits = m_services.limits;
    return ApiReply::json(200,
                          {{QStringLiteral("version"), QStringLiteral(CONCLAVE_VERSION)},
                           {QStringLiteral("api"), QStringLiteral("v1")},
                           {QStringLiteral("idleTimeoutSeconds"), limits.idleTimeoutSeconds},
                           {QStringLiteral("absoluteTimeoutSeconds"), limits.absoluteTimeoutSeconds},
                           {QStringLiteral("maxBodyBytes"), double(limits.maxBodyBytes)},
                           {QStringLiteral("maxRotationBodyBytes"), double(limits.maxRotationBodyBytes)}});
}

} // namespace Conclave::Server
