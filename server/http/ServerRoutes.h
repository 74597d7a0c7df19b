// ServerRoutes: the routes about the server itself — /healthz and /api/v1/server.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class ServerRoutes final
{
public:
    explicit ServerRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(ServerRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, ServerRoutes* self);

private:
    ApiReply health(ApiRequest& request);
    ApiReply serverInfo(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
