// OrganisationRoutes: the signed-in user's organisations and, for their owners and admins,
// the organisation's Team Sharing blocks and whether it allows guests in its shared folders.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class OrganisationRoutes final
{
public:
    explicit OrganisationRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(OrganisationRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, OrganisationRoutes* self);

private:
    ApiReply mine(ApiRequest& request);
    ApiReply listBlocks(ApiRequest& request);
    ApiReply addBlock(ApiRequest& request);
    ApiReply removeBlock(ApiRequest& request);

    // Guests: invitations to addresses outside the organisation (off by default).
    ApiReply guests(ApiRequest& request);
    ApiReply setGuests(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
