// FeedRoutes: GET /api/v1/feed, one page of the caller's changes feed (FeedService). The
// query carries only `cursor` and `limit`, each as plain decimal digits; anything else is
// refused with 400 naming the parameter.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class FeedRoutes final
{
public:
    explicit FeedRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(FeedRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, FeedRoutes* self);

private:
    ApiReply feed(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
