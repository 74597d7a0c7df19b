// AuditRoutes: the audit as the API shows it. Organisation admins read their organisation's
// hash-chained log page by page, with the checkpoints and the server's public key a client
// needs to verify it (docs/admin/server.md, "Audit log layout"), and ask for a checkpoint of
// the current head. A folder's managers read the folder's and each item's history (the
// newest entries each keeps), refused requests included, and who read the folder's items.
//
// The other areas record through the two helpers below: a refusal their handler decides
// (a conflict) and a read of shared items, each in a transaction of its own.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

namespace Conclave::Server {

class AuditRoutes final
{
public:
    static constexpr int kDefaultPage = 100;
    static constexpr int kMaxPage = 500;

    explicit AuditRoutes(ApiServices& services);
    Q_DISABLE_COPY_MOVE(AuditRoutes)
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, AuditRoutes* self);

    // An entry as the answers show it: its bytes and hash, and the fields decoded.
    static QJsonObject entryJson(const AuditLogRecord& record);
    static QJsonObject eventJson(const AuditEvent& event);
    static QJsonObject checkpointJson(const AuditCheckpointRecord& checkpoint);

    // A refused write of the folder's (attributed to the caller, in the folder's log).
    static void recordRefusal(ApiServices& services, const ApiRequest& request, const QString& objectKind,
                              const QString& objectId, const QString& action, ApiReason reason);
    // A read of shared items: one entry per request, so a first sync costs one per page.
    static void recordRead(ApiServices& services, const ApiRequest& request, const QString& orgId,
                           const QString& objectKind, const QString& objectId, const QString& action,
                           qint64 revision);

private:
    ApiReply orgLog(ApiRequest& request);
    ApiReply orgCheckpoint(ApiRequest& request);
    ApiReply folderHistory(ApiRequest& request);
    ApiReply itemHistory(ApiRequest& request);
    // The folder's organisation for the caller (who passed the route's folder check).
    Core::Result<QString> folderOrg(const ApiRequest& request);
    // Adds `actorEmail` to each entry with an actor (null when the account is gone).
    void addActorEmails(QJsonArray& entries);

    ApiServices& m_services;
};

} // namespace Conclave::Server
