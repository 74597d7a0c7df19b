// FolderRoutes: shared folders — create (with the signed create entry), list, read (log,
// members, current state, key chain links), delete and restore within 7 days, the
// membership log (read, append one entry) and key grants. Folder routes declare the role
// they need (RouteAccess::Folder*), checked in the pipeline from the folder's log.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class FolderRoutes final
{
public:
    explicit FolderRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(FolderRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, FolderRoutes* self);

private:
    ApiReply create(ApiRequest& request);
    ApiReply list(ApiRequest& request);
    ApiReply read(ApiRequest& request);
    ApiReply remove(ApiRequest& request);
    ApiReply restore(ApiRequest& request);
    ApiReply readLog(ApiRequest& request);
    ApiReply appendLog(ApiRequest& request);
    ApiReply readGrants(ApiRequest& request);
    ApiReply addGrants(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
