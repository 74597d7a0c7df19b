// SharingRoutes: the Team Sharing requests. Every route here requires RouteAccess::Sharing,
// so a block or an unverified address stops all of them in the pipeline with the reason.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class SharingRoutes final
{
public:
    explicit SharingRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(SharingRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, SharingRoutes* self);

private:
    ApiReply status(ApiRequest& request);
    ApiReply lookupKeys(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
