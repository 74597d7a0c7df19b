// ItemRoutes: the encrypted items of a shared folder — a page of the newest revisions (or
// those changed since a folder state), one item, a write (POST a new item, PUT the next
// revision, delete markers included) and the key rotation, each write with its signed folder
// state. A write not made on the current state gets 409 conflict with the current state and
// the items changed since the writer's state, which is all a client needs to rebase.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class ItemRoutes final
{
public:
    explicit ItemRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(ItemRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, ItemRoutes* self);

private:
    ApiReply list(ApiRequest& request);
    ApiReply read(ApiRequest& request);
    ApiReply create(ApiRequest& request);
    ApiReply update(ApiRequest& request);
    ApiReply rotate(ApiRequest& request);
    ApiReply write(ApiRequest& request, const QString& itemId);
    // 200/201 for an accepted write, 409 with what the client needs to rebase otherwise.
    ApiReply answer(const QString& folderId, const Core::Result<ItemWrite>& written, int acceptedStatus);

    ApiServices& m_services;
};

} // namespace Conclave::Server
