// AccessStore: the access_epoch table, one row whose number every write that ends, narrows
// or widens someone's access raises (a session revoked, a block set or lifted, an address
// verified, an organisation's members changed). A server process may keep what it read of
// sessions and sharing gates for as long as the epoch stays the same: one primary-key
// lookup per request instead of the session, user, membership and block look-ups, and
// exact across processes and replicas on one database.
#pragma once

#include "server/storage/SqlStore.h"

#include <QSqlQuery>

namespace Conclave::Server {

class AccessStore final : public SqlStore
{
public:
    explicit AccessStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~AccessStore() = default;
    Q_DISABLE_COPY_MOVE(AccessStore)

    Core::Result<qint64> epoch();
    // Inside the transaction of the write it announces, where there is one.
    Core::Status raise();
};

} // namespace Conclave::Server
