// AuditRecords: the rows of the audit tables, as plain values passed to and from AuditStore.
// An organisation's log is a hash chain of entries (the exact bytes AuditLayout encodes and
// hashes); each object keeps pointers to its newest entries; checkpoints are signed heads.
// The organisation id is empty for the server's own log (refusals that name no organisation).
// Times are milliseconds since the Unix epoch (UTC).
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace Conclave::Server {

// One entry of an organisation's log: its position, its bytes and the chain hash after it.
struct AuditLogRecord
{
    QString orgId;
    qint64 seq = 0; // 1, 2, 3... without gaps
    QByteArray entry;
    QByteArray hash;
};

// The newest position of an organisation's log and the hash there (32 zero bytes at 0).
struct AuditHeadRecord
{
    QString orgId;
    qint64 seq = 0;
    QByteArray hash;
};

// A signed statement by the server that the log's head at `seq` was `head`.
struct AuditCheckpointRecord
{
    QString orgId;
    qint64 seq = 0;
    qint64 atMs = 0;
    QByteArray head;
    QByteArray signature;
};

// Which object an entry is about, for the per-object history.
struct AuditObjectRef
{
    QString orgId;
    QString kind;
    QString id;
};

} // namespace Conclave::Server
