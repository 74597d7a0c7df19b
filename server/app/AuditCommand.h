// AuditCommand: `conclave-server audit <action>` for operators, against the same storage as
// the live server: verify [--org <id>] recomputes every audit log's hash chain and checks each
// checkpoint's signature (exit 0 with a summary, 1 naming the first bad entry or checkpoint of
// each damaged log); checkpoint --org <id> signs a log's current head now; public-key prints
// the key checkpoints are signed with, for publishing beside the server's address.
#pragma once

#include "server/services/AuditService.h"
#include "server/storage/AuditStore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace Conclave::Server {

class AuditCommand final
{
public:
    static QString usage();
    // Returns the process exit code; results go to `out`, problems to `err` as sentences.
    static int run(const QString& action, const QCommandLineParser& parser, AuditStore& store,
                   AuditService& audit, QTextStream& out, QTextStream& err);
};

} // namespace Conclave::Server
