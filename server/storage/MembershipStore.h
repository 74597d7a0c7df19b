// MembershipStore: the membership_entries table, each folder's signed membership log as
// the clients wrote it, entry by entry in sequence order. Only appended after the core's
// MembershipState::apply() accepted the entry against the log before it.
#pragma once

#include "server/storage/SharingRecords.h"
#include "server/storage/SqlStore.h"

namespace Conclave::Server {

class MembershipStore final : public SqlStore
{
public:
    explicit MembershipStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~MembershipStore() = default;
    Q_DISABLE_COPY_MOVE(MembershipStore)

    // AlreadyExists when the sequence is taken (a concurrent append won).
    Core::Status insertEntry(const MembershipEntryRecord& entry);
    // Entries with seq >= fromSeq, ascending.
    Core::Result<QList<MembershipEntryRecord>> entries(const QString& folderId, qint64 fromSeq = 0);
};

} // namespace Conclave::Server
