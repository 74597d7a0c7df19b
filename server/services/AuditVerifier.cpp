// Checking the audit logs' chains and checkpoints.
#include "server/services/AuditVerifier.h"

#include "server/services/AuditLayout.h"
#include "server/services/ConstantTime.h"
#include "server/services/ServerKey.h"

#include <QCoreApplication>
#include <QMap>

#include <limits>

namespace Conclave::Server {

using Core::Result;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("AuditVerifier", text);
}

// Entries are read in chunks so a log of millions of entries needs little memory.
constexpr int kChunk = 1000;

} // namespace

AuditVerifier::AuditVerifier(AuditStore& store, QByteArray publicKey)
    : m_store(store)
    , m_publicKey(std::move(publicKey))
{}

Result<QList<AuditVerifier::Finding>> AuditVerifier::verify(const std::optional<QString>& orgId)
{
    QStringList logs;
    if (orgId) {
        logs.append(*orgId);
    } else {
        auto all = m_store.logs();
        if (!all)
            return all.error();
        logs = all.value();
    }
    QList<Finding> findings;
    for (const QString& log : logs) {
        auto finding = verifyLog(log);
        if (!finding)
            return finding.error();
        findings.append(finding.value());
    }
    return findings;
}

Result<AuditVerifier::Finding> AuditVerifier::verifyLog(const QString& orgId)
{
    Finding finding{orgId, 0, 0, {}};
    auto listed = m_store.checkpoints(orgId, 0, std::numeric_limits<qint64>::max());
    if (!listed)
        return listed.error();
    QMap<qint64, AuditCheckpointRecord> checkpoints;
    for (const AuditCheckpointRecord& c : listed.value())
        checkpoints.insert(c.seq, c);

    QByteArray previous = AuditLayout::zeroHash();
    qint64 nextSeq = 1;
    for (;;) {
        auto chunk = m_store.entries(orgId, nextSeq - 1, kChunk);
        if (!chunk)
            return chunk.error();
        for (const AuditLogRecord& row : chunk.value()) {
            if (row.seq != nextSeq) {
                finding.problem = tr("Entry %1 is missing: the log goes from entry %2 to entry %3.")
                                      .arg(nextSeq)
                                      .arg(nextSeq - 1)
                                      .arg(row.seq);
                return finding;
            }
            auto event = AuditLayout::decode(row.entry);
            if (!event) {
                finding.problem = tr("Entry %1 cannot be read: its bytes were changed.").arg(row.seq);
                return finding;
            }
            if (event->orgId != orgId || event->seq != row.seq) {
                finding.problem = tr("Entry %1 holds entry %2 of another place in the logs: entries were "
                                     "moved or reordered.")
                                      .arg(row.seq)
                                      .arg(event->seq);
                return finding;
            }
            const QByteArray chained = AuditLayout::chain(previous, row.entry);
            if (!ConstantTime::equal(chained, row.hash)) {
                finding.problem =
                    tr("Entry %1 was changed: its bytes do not match the hash chain.").arg(row.seq);
                return finding;
            }
            if (const auto c = checkpoints.constFind(row.seq); c != checkpoints.constEnd()) {
                if (!ConstantTime::equal(c->head, chained)) {
                    finding.problem = tr("The checkpoint at entry %1 does not match the log: the head it "
                                         "signs is not the entries' hash chain.")
                                          .arg(row.seq);
                    return finding;
                }
                if (!ServerKey::verifySignature(
                        m_publicKey, AuditLayout::checkpointMessage(orgId, c->seq, c->head, c->atMs),
                        c->signature)) {
                    finding.problem = tr("The checkpoint at entry %1 has a bad signature: it was not made "
                                         "by this server's key.")
                                          .arg(row.seq);
                    return finding;
                }
                ++finding.checkpoints;
            }
            previous = chained;
            ++nextSeq;
        }
        if (chunk->size() < kChunk)
            break;
    }
    finding.entries = nextSeq - 1;
    if (const auto beyond = checkpoints.upperBound(finding.entries); beyond != checkpoints.constEnd()) {
        finding.problem = tr("The checkpoint at entry %1 lies beyond the last stored entry %2: entries were "
                             "removed.")
                              .arg(beyond.key())
                              .arg(finding.entries);
        return finding;
    }
    auto head = m_store.head(orgId);
    if (!head)
        return head.error();
    const qint64 headSeq = head->has_value() ? (*head)->seq : 0;
    if (headSeq != finding.entries) {
        finding.problem = tr("The log's head names entry %1 but the stored entries end at entry %2: "
                             "entries were removed or added.")
                              .arg(headSeq)
                              .arg(finding.entries);
    } else if (head->has_value() && !ConstantTime::equal((*head)->hash, previous)) {
        finding.problem = tr("The log's head does not match its last entry %1.").arg(headSeq);
    }
    return finding;
}

} // namespace Conclave::Server
