// Encoding, decoding and hashing the audit log's entries and checkpoints.
#include "server/services/AuditLayout.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoHash.h"

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

QByteArray AuditLayout::encode(const AuditEvent& e)
{
    Core::ByteWriter w(kEntryTag);
    w.blob(e.orgId.toUtf8())
        .u64(quint64(e.seq))
        .u64(quint64(e.atMs))
        .blob(e.userId.toUtf8())
        .blob(e.objectKind.toUtf8())
        .blob(e.objectId.toUtf8())
        .blob(e.action.toUtf8())
        .u64(quint64(e.revision))
        .u8(quint8(e.outcome))
        .blob(e.reason.toUtf8());
    return w.bytes();
}

Core::Result<AuditEvent> AuditLayout::decode(QByteArrayView entry)
{
    Core::ByteReader r(entry, QStringLiteral("audit entry"));
    r.expectTag(kEntryTag);
    AuditEvent e;
    const auto text = [&r] {
        return QString::fromUtf8(r.blob(kMaxFieldBytes));
    };
    e.orgId = text();
    e.seq = qint64(r.u64());
    e.atMs = qint64(r.u64());
    e.userId = text();
    e.objectKind = text();
    e.objectId = text();
    e.action = text();
    e.revision = qint64(r.u64());
    const quint8 outcome = r.u8();
    e.reason = text();
    if (!r.failed() && outcome > quint8(AuditEvent::Outcome::Refused))
        r.fail(Error::make(ErrorCode::Corrupt, QStringLiteral("The entry's outcome is unknown.")));
    e.outcome = AuditEvent::Outcome(outcome);
    if (auto done = r.finish(); !done)
        return done.error();
    return e;
}

QByteArray AuditLayout::chain(QByteArrayView previousHash, QByteArrayView entry)
{
    QByteArray data;
    data.reserve(previousHash.size() + entry.size());
    data.append(previousHash);
    data.append(entry);
    return Core::CryptoHash::tagged(kChainTag, data);
}

QByteArray AuditLayout::checkpointMessage(const QString& orgId, qint64 seq, QByteArrayView head, qint64 atMs)
{
    Core::ByteWriter w(kCheckpointTag);
    w.blob(orgId.toUtf8()).u64(quint64(seq)).fixed(head).u64(quint64(atMs));
    return w.bytes();
}

} // namespace Conclave::Server
