// ChangeStore: the change log (`changes` table and its one-row `change_counter`). Writers
// append a change in the transaction of the write it announces; readers page through it by
// sequence number. Sequence numbers are dense (1, 2, 3...) and become visible in commit
// order on both backends, so a reader that has seen n has seen everything up to n: the
// counter row is updated inside the writing transaction, and its row lock (PostgreSQL) or
// the database write lock (SQLite) holds the next writer back until this one committed.
#pragma once

#include "server/storage/ChangeRecords.h"
#include "server/storage/SqlStore.h"

#include <QList>

namespace Conclave::Server {

class ChangeStore final : public SqlStore
{
public:
    explicit ChangeStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~ChangeStore() = default;
    Q_DISABLE_COPY_MOVE(ChangeStore)

    // Must be called inside an open StorageTransaction, in the same transaction as the
    // write it announces, so the change commits with it or not at all. Returns the
    // change's sequence number. Sequence numbers become visible in commit order
    // (no reader can see n+1 before n), on SQLite and PostgreSQL.
    //
    // From this call until commit, other writers that append a change wait: call it as the
    // last statement before commit() so the serialised stretch stays short.
    Core::Result<qint64> append(const ChangeRecord& change);

    // The newest committed sequence number (0 for an empty log): one primary-key lookup.
    // Every change up to it is committed and readable.
    Core::Result<qint64> head();

    // The changes with after < seq <= upTo that `userId` may read, in sequence order, at
    // most `limit`: those addressed to the user and those of folders the user is a current
    // member of. One range scan of the primary key over (after, upTo].
    Core::Result<QList<StoredChange>> changesFor(const QString& userId, qint64 after, qint64 upTo, int limit);

    // Every change with after < seq <= upTo, in sequence order, at most `limit` of them.
    Core::Result<QList<StoredChange>> changesBetween(qint64 after, qint64 upTo, int limit);
};

} // namespace Conclave::Server
