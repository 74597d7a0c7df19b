// The access epoch.
#include "server/storage/AccessStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

Core::Result<qint64> AccessStore::epoch()
{
    auto row = firstRow(QStringLiteral("SELECT epoch FROM access_epoch WHERE id = 1"), {},
                        [](const QSqlQuery& q) { return SqlRow(q).integer("epoch"); });
    if (!row)
        return row.error();
    return row->value_or(0);
}

Core::Status AccessStore::raise()
{
    return runStatus(QStringLiteral("UPDATE access_epoch SET epoch = epoch + 1 WHERE id = 1"));
}

} // namespace Conclave::Server
