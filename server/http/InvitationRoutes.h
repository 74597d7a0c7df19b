// InvitationRoutes: invitations to shared folders — create and list a folder's (managers),
// list received and sent, read one, accept with the answer blob, decline, cancel. The two
// folder routes require RouteAccess::FolderManage, the others RouteAccess::Sharing; the folder
// role (again) and who may see an invitation are checked by InvitationService. Pages hold at most
// InvitationService::kMaxPageSize invitations.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class InvitationRoutes final
{
public:
    explicit InvitationRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(InvitationRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, InvitationRoutes* self);

private:
    ApiReply create(ApiRequest& request);
    ApiReply listOfFolder(ApiRequest& request);
    ApiReply listReceived(ApiRequest& request);
    ApiReply listSent(ApiRequest& request);
    ApiReply read(ApiRequest& request);
    ApiReply accept(ApiRequest& request);
    ApiReply decline(ApiRequest& request);
    ApiReply cancel(ApiRequest& request);

    // An invitation as its inviter and the folder's managers see it: with the invitee's
    // address and id, the state and the answer once there is one.
    QJsonObject managedJson(const InvitationRecord& invitation, qint64 nowMs) const;
    // An invitation as its invitee sees it: who invites, to which role, the offer and what
    // the inviter chose to show of the folder; nothing else about the folder.
    QJsonObject receivedJson(const InvitationRecord& invitation, qint64 nowMs) const;
    ApiReply page(const Core::Result<InvitationPage>& page, bool managed) const;
    static ApiReply refused(const InvitationOutcome& outcome);

    ApiServices& m_services;
};

} // namespace Conclave::Server
