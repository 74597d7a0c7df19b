// GrantStore: the grants table, one sealed folder key per recipient and key version, as the
// granting manager's client made it (FolderKeyGrant, verified against the log on upload).
#pragma once

#include "server/storage/SharingRecords.h"
#include "server/storage/SqlStore.h"

namespace Conclave::Server {

class GrantStore final : public SqlStore
{
public:
    explicit GrantStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~GrantStore() = default;
    Q_DISABLE_COPY_MOVE(GrantStore)

    // A newer grant of the same version to the same recipient replaces the old one (a
    // manager re-granting after the recipient's key was confirmed anew).
    Core::Status putGrant(const GrantRecord& grant);
    // One recipient's grants (recipientId set) or all of the folder's, by key version.
    Core::Result<QList<GrantRecord>> grants(const QString& folderId, const QString& recipientId = {});
};

} // namespace Conclave::Server
