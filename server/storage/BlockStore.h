// BlockStore: the sharing_blocks table, the Team Sharing blocks organisation admins set, and
// which users a block covers.
#pragma once

#include "server/storage/SqlStore.h"
#include "server/storage/StorageRecords.h"

#include <QStringList>

#include <optional>

namespace Conclave::Server {

class BlockStore final : public SqlStore
{
public:
    explicit BlockStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~BlockStore() = default;
    Q_DISABLE_COPY_MOVE(BlockStore)

    Core::Status insertBlock(const SharingBlockRecord& block);
    Core::Result<bool> deleteBlock(const QString& orgId, const QString& blockId);
    Core::Result<QList<SharingBlockRecord>> blocksOf(const QString& orgId);
    // Users whose address or domain a block covers (for an organisation block: its members).
    Core::Result<QStringList> userIdsCoveredBy(const SharingBlockRecord& block);
};

} // namespace Conclave::Server
