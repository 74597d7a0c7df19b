// AuditStore: the audit tables — audit_log (each organisation's hash-chained entries),
// audit_heads (the newest position and hash per organisation, the lock every append takes),
// audit_objects (the newest entries per object, pruned to a configured number) and
// audit_checkpoints (signed heads). Writes are meant to run inside the StorageTransaction of
// the action they record, so an action and its audit entry commit together or not at all.
#pragma once

#include "server/storage/AuditRecords.h"
#include "server/storage/SqlStore.h"

#include <QStringList>

#include <optional>

namespace Conclave::Server {

class AuditStore final : public SqlStore
{
public:
    explicit AuditStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~AuditStore() = default;
    Q_DISABLE_COPY_MOVE(AuditStore)

    // Inside a transaction: reserves the organisation's next position and returns it with the
    // previous hash. The row lock it takes (an UPDATE) serialises appends to one log until
    // commit on PostgreSQL; SQLite's write transactions are serial anyway.
    Core::Result<AuditHeadRecord> advanceHead(const QString& orgId, const QByteArray& zeroHash);
    Core::Status setHeadHash(const QString& orgId, qint64 seq, const QByteArray& hash);
    Core::Status insertEntry(const AuditLogRecord& entry);
    // Points the object at entry `seq` and forgets all but its `keep` newest entries.
    Core::Status keepForObject(const AuditObjectRef& object, qint64 seq, int keep);
    Core::Status insertCheckpoint(const AuditCheckpointRecord& checkpoint);

    Core::Result<std::optional<AuditHeadRecord>> head(const QString& orgId);
    // Entries after `afterSeq` in order, at most `limit` (every one when limit < 0).
    Core::Result<QList<AuditLogRecord>> entries(const QString& orgId, qint64 afterSeq, int limit);
    Core::Result<std::optional<AuditLogRecord>> entry(const QString& orgId, qint64 seq);
    // The object's kept entries, newest first.
    Core::Result<QList<AuditLogRecord>> objectEntries(const AuditObjectRef& object);
    // Checkpoints with fromSeq <= seq <= toSeq, in order.
    Core::Result<QList<AuditCheckpointRecord>> checkpoints(const QString& orgId, qint64 fromSeq,
                                                           qint64 toSeq);
    Core::Result<std::optional<AuditCheckpointRecord>> latestCheckpoint(const QString& orgId);
    // Every organisation id with a log, head or checkpoint (the server's own log as "").
    Core::Result<QStringList> logs();
};

} // namespace Conclave::Server
