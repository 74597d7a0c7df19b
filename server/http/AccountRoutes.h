// AccountRoutes: sign-up, email verification, prelogin, and the signed-in user's account —
// its details, password change and published keys.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class AccountRoutes final
{
public:
    explicit AccountRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(AccountRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, AccountRoutes* self);

private:
    ApiReply signUp(ApiRequest& request);
    ApiReply verify(ApiRequest& request);
    ApiReply resend(ApiRequest& request);
    ApiReply prelogin(ApiRequest& request);
    ApiReply account(ApiRequest& request);
    ApiReply changePassword(ApiRequest& request);
    ApiReply publishKeys(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
