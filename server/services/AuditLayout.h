// AuditLayout: the fixed byte layout of the audit log (docs/admin/server.md, "Audit log
// layout"), so a second implementation can recompute every hash and check every signature:
//   entry      = "conclave.audit.entry.v1" NUL, blob(orgId), u64 seq, u64 atMs, blob(userId),
//                blob(objectKind), blob(objectId), blob(action), u64 revision, u8 outcome,
//                blob(reason)    (blob = u32 big-endian length + UTF-8 bytes; integers big-endian)
//   hash(n)    = BLAKE2b-256("conclave.audit.chain.v1" NUL || hash(n-1) || entry(n)),
//                hash(0) = 32 zero bytes
//   checkpoint = Ed25519 signature over "conclave.audit.checkpoint.v1" NUL, blob(orgId),
//                u64 seq, fixed(hash(seq)), u64 atMs
#pragma once

#include "server/services/AuditEvent.h"

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Conclave::Server {

class AuditLayout final
{
public:
    static constexpr char kEntryTag[] = "conclave.audit.entry.v1";
    static constexpr char kChainTag[] = "conclave.audit.chain.v1";
    static constexpr char kCheckpointTag[] = "conclave.audit.checkpoint.v1";
    static constexpr int kHashSize = 32;
    static constexpr quint32 kMaxFieldBytes = 1024;

    static QByteArray encode(const AuditEvent& event);
    static Core::Result<AuditEvent> decode(QByteArrayView entry);
    static QByteArray chain(QByteArrayView previousHash, QByteArrayView entry);
    static QByteArray zeroHash() { return QByteArray(kHashSize, '\0'); }
    static QByteArray checkpointMessage(const QString& orgId, qint64 seq, QByteArrayView head, qint64 atMs);
};

} // namespace Conclave::Server
