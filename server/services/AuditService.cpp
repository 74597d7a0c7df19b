// Recording, checkpointing and reading the audit log.
#include "server/services/AuditService.h"

#include "server/services/AuditLayout.h"
#include "server/services/ServiceLog.h"
#include "server/storage/StorageTransaction.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

AuditService::AuditService(SqlDatabase& database, AuditStore& store, const ServerKey& key,
                           const Core::Clock& clock, const AuditSettings& settings)
    : m_database(database)
    , m_store(store)
    , m_key(key)
    , m_clock(clock)
    , m_settings(settings)
{}

AuditEvent AuditService::done(const QString& orgId, const QString& kind, const QString& objectId,
                              const QString& userId, const QString& action, qint64 revision)
{
    AuditEvent event;
    event.orgId = orgId;
    event.objectKind = kind;
    event.objectId = objectId;
    event.userId = userId;
    event.action = action;
    event.revision = revision;
    return event;
}

AuditEvent AuditService::refused(const QString& orgId, const QString& kind, const QString& objectId,
                                 const QString& userId, const QString& action, const QString& reason)
{
    AuditEvent event = done(orgId, kind, objectId, userId, action);
    event.outcome = AuditEvent::Outcome::Refused;
    event.reason = reason;
    return event;
}

QString AuditService::membershipAction(int action)
{
    // MembershipAction's values (core/crypto/MembershipEntry.h); fixed forever like the log.
    switch (action) {
    case 1:
        return QStringLiteral("folder.created");
    case 2:
        return QStringLiteral("member.added");
    case 3:
        return QStringLiteral("member.removed");
    case 4:
        return QStringLiteral("member.role-changed");
    case 5:
        return QStringLiteral("key.rotated");
    case 6:
        return QStringLiteral("member.left");
    case 7:
        return QStringLiteral("member.key-confirmed");
    default:
        return QStringLiteral("membership.entry");
    }
}

AuditCheckpointRecord AuditService::signedCheckpoint(const QString& orgId, qint64 seq,
                                                     const QByteArray& head) const
{
    const qint64 at = m_clock.nowUtc().toMSecsSinceEpoch();
    return AuditCheckpointRecord{orgId, seq, at, head,
                                 m_key.sign(AuditLayout::checkpointMessage(orgId, seq, head, at))};
}

Status AuditService::record(AuditEvent event)
{
    auto head = m_store.advanceHead(event.orgId, AuditLayout::zeroHash());
    if (!head)
        return head.error();
    event.seq = head->seq;
    if (event.atMs == 0)
        event.atMs = m_clock.nowUtc().toMSecsSinceEpoch();
    const QByteArray entry = AuditLayout::encode(event);
    const QByteArray hash = AuditLayout::chain(head->hash, entry);
    if (auto stored = m_store.insertEntry({event.orgId, event.seq, entry, hash}); !stored)
        return stored;
    if (auto moved = m_store.setHeadHash(event.orgId, event.seq, hash); !moved)
        return moved;
    if (auto kept = m_store.keepForObject({event.orgId, event.objectKind, event.objectId}, event.seq,
                                          m_settings.entriesPerObject);
        !kept) {
        return kept;
    }
    if (event.seq % m_settings.checkpointEvery == 0) {
        if (auto signedHead = m_store.insertCheckpoint(signedCheckpoint(event.orgId, event.seq, hash));
            !signedHead) {
            return signedHead;
        }
    }
    return {};
}

Status AuditService::recordAlone(const AuditEvent& event)
{
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto recorded = record(event); !recorded)
        return recorded;
    return transaction.commit();
}

Result<std::optional<AuditCheckpointRecord>> AuditService::checkpoint(const QString& orgId)
{
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    auto head = m_store.head(orgId);
    if (!head)
        return head.error();
    if (!head->has_value() || (*head)->seq == 0)
        return std::optional<AuditCheckpointRecord>();
    auto latest = m_store.latestCheckpoint(orgId);
    if (!latest)
        return latest.error();
    if (latest->has_value() && (*latest)->seq == (*head)->seq)
        return latest.value();
    const AuditCheckpointRecord made = signedCheckpoint(orgId, (*head)->seq, (*head)->hash);
    if (auto stored = m_store.insertCheckpoint(made); !stored)
        return stored.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServerOrg) << "audit checkpoint at entry" << made.seq << "of log" << orgId;
    return std::optional<AuditCheckpointRecord>(made);
}

Result<AuditService::Page> AuditService::page(const QString& orgId, qint64 afterSeq, int limit)
{
    Page page;
    auto entries = m_store.entries(orgId, afterSeq, limit);
    if (!entries)
        return entries.error();
    page.entries = entries.value();
    if (afterSeq <= 0) {
        page.previousHash = AuditLayout::zeroHash();
    } else {
        auto before = m_store.entry(orgId, afterSeq);
        if (!before)
            return before.error();
        if (before->has_value())
            page.previousHash = (*before)->hash;
    }
    if (!page.entries.isEmpty()) {
        auto within = m_store.checkpoints(orgId, page.entries.first().seq, page.entries.last().seq);
        if (!within)
            return within.error();
        page.checkpoints = within.value();
    }
    auto latest = m_store.latestCheckpoint(orgId);
    if (!latest)
        return latest.error();
    page.latest = latest.value();
    auto head = m_store.head(orgId);
    if (!head)
        return head.error();
    page.headSeq = head->has_value() ? (*head)->seq : 0;
    return page;
}

Result<QList<AuditEvent>> AuditService::history(const AuditObjectRef& object)
{
    auto rows = m_store.objectEntries(object);
    if (!rows)
        return rows.error();
    QList<AuditEvent> events;
    for (const AuditLogRecord& row : rows.value()) {
        auto event = AuditLayout::decode(row.entry);
        if (event)
            events.append(event.value());
    }
    return events;
}

QString AuditService::addressId(const QString& email) const
{
    return QString::fromLatin1(m_key.hash("conclave.audit.address.v1", email.toUtf8()).left(16).toHex());
}

} // namespace Conclave::Server
