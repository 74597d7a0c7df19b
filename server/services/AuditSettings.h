// AuditSettings: how much per-object history the audit keeps and how often the log is
// checkpointed (server.ini [audit]; docs/admin/server.md).
#pragma once

namespace Conclave::Server {

struct AuditSettings
{
    int entriesPerObject = 10; // the newest entries each object's history keeps
    int checkpointEvery = 100; // a signed checkpoint after every this many entries of a log
};

} // namespace Conclave::Server
