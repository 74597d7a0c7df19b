// The audit_log, audit_heads, audit_objects and audit_checkpoints tables.
#include "server/storage/AuditStore.h"

#include "server/storage/SqlRow.h"

#include <limits>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

// The server's own log has the empty id; Qt binds a null QString as SQL NULL, never ''.
QVariant id(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

AuditLogRecord readEntry(const QSqlQuery& q)
{
    const SqlRow row(q);
    return AuditLogRecord{row.text("org_id"), row.integer("seq"), row.bytes("entry"), row.bytes("hash")};
}

AuditCheckpointRecord readCheckpoint(const QSqlQuery& q)
{
    const SqlRow row(q);
    return AuditCheckpointRecord{row.text("org_id"), row.integer("seq"), row.integer("at"), row.bytes("head"),
                                 row.bytes("signature")};
}

AuditHeadRecord readHead(const QSqlQuery& q)
{
    const SqlRow row(q);
    return AuditHeadRecord{row.text("org_id"), row.integer("seq"), row.bytes("hash")};
}

} // namespace

Result<AuditHeadRecord> AuditStore::advanceHead(const QString& orgId, const QByteArray& zeroHash)
{
    if (auto created =
            runStatus(QStringLiteral("INSERT INTO audit_heads (org_id, seq, hash) VALUES (?, 0, ?) "
                                     "ON CONFLICT (org_id) DO NOTHING"),
                      {id(orgId), blob(zeroHash)});
        !created) {
        return created.error();
    }
    // The previous hash is read after the lock is held, so no concurrent append can slip in.
    if (auto locked =
            runStatus(QStringLiteral("UPDATE audit_heads SET seq = seq + 1 WHERE org_id = ?"), {id(orgId)});
        !locked) {
        return locked.error();
    }
    auto row = firstRow(QStringLiteral("SELECT org_id, seq, hash FROM audit_heads WHERE org_id = ?"),
                        {id(orgId)}, readHead);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error::make(ErrorCode::Internal, QStringLiteral("The audit log's head could not be read."));
    return **row;
}

Status AuditStore::setHeadHash(const QString& orgId, qint64 seq, const QByteArray& hash)
{
    return runStatus(QStringLiteral("UPDATE audit_heads SET hash = ? WHERE org_id = ? AND seq = ?"),
                     {blob(hash), id(orgId), seq});
}

Status AuditStore::insertEntry(const AuditLogRecord& e)
{
    return runStatus(QStringLiteral("INSERT INTO audit_log (org_id, seq, entry, hash) VALUES (?, ?, ?, ?)"),
                     {id(e.orgId), e.seq, blob(e.entry), blob(e.hash)});
}

Status AuditStore::keepForObject(const AuditObjectRef& object, qint64 seq, int keep)
{
    if (auto added =
            runStatus(QStringLiteral("INSERT INTO audit_objects (org_id, object_kind, object_id, seq) "
                                     "VALUES (?, ?, ?, ?)"),
                      {id(object.orgId), id(object.kind), id(object.id), seq});
        !added) {
        return added;
    }
    // The kept entries are the newest `keep`; the one just added is among them.
    return runStatus(
        QStringLiteral("DELETE FROM audit_objects WHERE org_id = ? AND object_kind = ? AND "
                       "object_id = ? AND seq NOT IN (SELECT seq FROM audit_objects WHERE "
                       "org_id = ? AND object_kind = ? AND object_id = ? ORDER BY seq DESC LIMIT ?)"),
        {id(object.orgId), id(object.kind), id(object.id), id(object.orgId), id(object.kind), id(object.id),
         keep});
}

Status AuditStore::insertCheckpoint(const AuditCheckpointRecord& c)
{
    return runStatus(QStringLiteral("INSERT INTO audit_checkpoints (org_id, seq, at, head, signature) "
                                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id, seq) DO NOTHING"),
                     {id(c.orgId), c.seq, c.atMs, blob(c.head), blob(c.signature)});
}

Result<std::optional<AuditHeadRecord>> AuditStore::head(const QString& orgId)
{
    return firstRow(QStringLiteral("SELECT org_id, seq, hash FROM audit_heads WHERE org_id = ?"), {id(orgId)},
                    readHead);
}

Result<QList<AuditLogRecord>> AuditStore::entries(const QString& orgId, qint64 afterSeq, int limit)
{
    return allRows(
        QStringLiteral("SELECT org_id, seq, entry, hash FROM audit_log WHERE org_id = ? AND seq > ? "
                       "ORDER BY seq LIMIT ?"),
        {id(orgId), afterSeq, limit < 0 ? std::numeric_limits<qint64>::max() : qint64(limit)}, readEntry);
}

Result<std::optional<AuditLogRecord>> AuditStore::entry(const QString& orgId, qint64 seq)
{
    return firstRow(
        QStringLiteral("SELECT org_id, seq, entry, hash FROM audit_log WHERE org_id = ? AND seq = ?"),
        {id(orgId), seq}, readEntry);
}

Result<QList<AuditLogRecord>> AuditStore::objectEntries(const AuditObjectRef& object)
{
    return allRows(
        QStringLiteral("SELECT l.org_id AS org_id, l.seq AS seq, l.entry AS entry, l.hash AS hash "
                       "FROM audit_objects o JOIN audit_log l ON l.org_id = o.org_id AND l.seq = o.seq "
                       "WHERE o.org_id = ? AND o.object_kind = ? AND o.object_id = ? "
                       "ORDER BY o.seq DESC"),
        {id(object.orgId), id(object.kind), id(object.id)}, readEntry);
}

Result<QList<AuditCheckpointRecord>> AuditStore::checkpoints(const QString& orgId, qint64 fromSeq,
                                                             qint64 toSeq)
{
    return allRows(QStringLiteral("SELECT org_id, seq, at, head, signature FROM audit_checkpoints "
                                  "WHERE org_id = ? AND seq >= ? AND seq <= ? ORDER BY seq"),
                   {id(orgId), fromSeq, toSeq}, readCheckpoint);
}

Result<std::optional<AuditCheckpointRecord>> AuditStore::latestCheckpoint(const QString& orgId)
{
    return firstRow(QStringLiteral("SELECT org_id, seq, at, head, signature FROM audit_checkpoints "
                                   "WHERE org_id = ? ORDER BY seq DESC LIMIT 1"),
                    {id(orgId)}, readCheckpoint);
}

Result<QStringList> AuditStore::logs()
{
    return allRows(QStringLiteral("SELECT org_id FROM audit_heads UNION SELECT org_id FROM audit_log "
                                  "UNION SELECT org_id FROM audit_checkpoints ORDER BY org_id"),
                   {}, [](const QSqlQuery& q) { return SqlRow(q).text("org_id"); });
}

} // namespace Conclave::Server
