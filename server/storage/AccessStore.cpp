// The access epoch.
#include "server/storage/AccessStore.h"

namespace Conclave::Server {

Core::Result<qint64> AccessStore::epoch()
{
    // Read by every authenticated request: one prepared statement.
    auto epoch = readInteger(QStringLiteral("SELECT epoch FROM access_epoch WHERE id = 1"));
    if (!epoch)
        return epoch.error();
    return epoch->value_or(0);
}

Core::Status AccessStore::raise()
{
    return runStatus(QStringLiteral("UPDATE access_epoch SET epoch = epoch + 1 WHERE id = 1"));
}

} // namespace Conclave::Server
