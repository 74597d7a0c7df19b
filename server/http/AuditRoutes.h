// AuditRoutes: the audit as the API shows it. Organisation admins read their organisation's
// hash-chained log page by page, with the checkpoints and the server's public key a client
// needs to verify it (docs/admin/server.md, "Audit log layout"), and ask for a checkpoint of
// the current head.
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

private:
    ApiReply orgLog(ApiRequest& request);
    ApiReply orgCheckpoint(ApiRequest& request);

    ApiServices& m_services;
};

} // namespace Conclave::Server
