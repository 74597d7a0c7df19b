// SessionRoutes: signing in (POST /api/v1/sessions) and one's own sessions — list, sign out,
// revoke another device's session.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class SessionRoutes final
{
public:
    explicit SessionRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(SessionRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, SessionRoutes* self);

private:
    ApiReply login(ApiRequest& request);
    ApiReply list(ApiRequest& request);
    ApiReply logout(ApiRequest& request);
    ApiReply revoke(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
