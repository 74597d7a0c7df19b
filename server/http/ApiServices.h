// ApiServices: what the route areas work with — the services, the rate limiter and the
// limits — handed to each area's handlers by the ApiServer that owns them.
#pragma once

#include "server/services/AccountService.h"
#include "server/services/FeedService.h"
#include "server/services/LiveHub.h"
#include "server/services/FolderService.h"
#include "server/services/ItemService.h"
#include "server/services/OrganisationService.h"
#include "server/services/RateLimiter.h"
#include "server/services/ServerLimits.h"
#include "server/services/SessionService.h"

namespace Conclave::Server {

struct ApiServices
{
    AccountService& accounts;
    SessionService& sessions;
    OrganisationService& orgs;
    RateLimiter& limiter;
    const ServerLimits& limits;
    // Changes feed and live updates.
    FeedService& feed;
    LiveHub& live;
    // Team Sharing
    FolderService& folders;
    ItemService& items;
};

} // namespace Conclave::Server
