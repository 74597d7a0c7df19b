// Client-side verification of an organisation's audit log; see the header.
#include "core/sync/AuditVerifier.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoHash.h"
#include "core/crypto/UserKeys.h"

#include <QCoreApplication>

#include <map>
#include <utility>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::AuditVerifier)
};

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

AuditVerifier::AuditVerifier(const QUuid& orgId, QByteArray pinnedKey, std::optional<Seen> seen)
    : m_orgId(orgId)
    , m_key(std::move(pinnedKey))
    , m_seen(std::move(seen))
    , m_hash(CryptoHash::kSize, '\0')
{}

Status AuditVerifier::decode(QByteArrayView bytes, AuditApi::Entry& entry, QString& orgId)
{
    ByteReader r(bytes, QStringLiteral("audit entry"));
    r.expectTag(kEntryTag);
    // Text fields must be UTF-8 as written: a reader shows exactly what the chain covers.
    bool utf8 = true;
    const auto text = [&r, &utf8] {
        const QByteArrayView raw = r.blob(kMaxFieldBytes);
        QString value = QString::fromUtf8(raw);
        utf8 = utf8 && value.toUtf8() == raw;
        return value;
    };
    orgId = text();
    entry.seq = qint64(r.u64());
    const quint64 atMs = r.u64();
    entry.userId = text();
    entry.objectKind = text();
    entry.objectId = text();
    entry.action = text();
    entry.revision = qint64(r.u64());
    const quint8 outcome = r.u8();
    entry.reason = text();
    if (!r.failed() && !utf8)
        r.fail(Error::make(ErrorCode::Corrupt, Tr::tr("The audit entry holds text that is not UTF-8.")));
    if (!r.failed() &&
        (outcome > 1 || atMs > quint64(AuditApi::kMaxSafeInteger) || entry.seq < 1 || entry.revision < 0))
        r.fail(Error::make(ErrorCode::Corrupt, Tr::tr("The audit entry holds a value out of range.")));
    entry.refused = outcome == 1;
    entry.at = QDateTime::fromMSecsSinceEpoch(qint64(atMs), Qt::UTC);
    return r.finish();
}

QByteArray AuditVerifier::encode(const QString& orgId, const AuditApi::Entry& e)
{
    ByteWriter w(kEntryTag);
    w.blob(orgId.toUtf8())
        .u64(quint64(e.seq))
        .u64(quint64(e.at.toMSecsSinceEpoch()))
        .blob(e.userId.toUtf8())
        .blob(e.objectKind.toUtf8())
        .blob(e.objectId.toUtf8())
        .blob(e.action.toUtf8())
        .u64(quint64(e.revision))
        .u8(e.refused ? 1 : 0)
        .blob(e.reason.toUtf8());
    return w.bytes();
}

QByteArray AuditVerifier::chain(QByteArrayView previousHash, QByteArrayView entry)
{
    QByteArray data;
    data.reserve(previousHash.size() + entry.size());
    data.append(previousHash);
    data.append(entry);
    return CryptoHash::tagged(kChainTag, data);
}

QByteArray AuditVerifier::checkpointMessage(const QUuid& orgId, qint64 seq, QByteArrayView head, qint64 atMs)
{
    ByteWriter w(kCheckpointTag);
    w.blob(idText(orgId).toUtf8()).u64(quint64(seq)).fixed(head).u64(quint64(atMs));
    return w.bytes();
}

bool AuditVerifier::fail(qint64 seq, const QString& problem)
{
    if (m_problem.isEmpty()) {
        m_problemSeq = seq;
        m_problem = problem;
    }
    return false;
}

bool AuditVerifier::checkCheckpoint(const AuditApi::Checkpoint& c, const QByteArray& headAtSeq)
{
    if (!UserKeys::verify(m_key, checkpointMessage(m_orgId, c.seq, c.head, c.atMs), c.signature))
        return fail(c.seq, Tr::tr("The checkpoint at entry %1 has a bad signature: the server's audit key "
                                  "did not sign it.")
                               .arg(c.seq));
    if (c.head != headAtSeq)
        return fail(c.seq, Tr::tr("The checkpoint at entry %1 does not match the log: the entries up to it "
                                  "are not the ones the server signed.")
                               .arg(c.seq));
    if (!m_newest || m_newest->seq < c.seq)
        m_newest = Seen{c.seq, c.head};
    return true;
}

bool AuditVerifier::addPage(const AuditApi::OrgPage& page)
{
    if (failed())
        return false;
    if (page.orgId != m_orgId)
        return fail(m_seq + 1, Tr::tr("The server sent the audit log of another organisation."));
    if (m_key.isEmpty())
        m_key = page.publicKey;
    else if (page.publicKey != m_key)
        return fail(m_seq + 1,
                    Tr::tr("The server now signs its audit log with a different key than the one "
                           "this computer checked before. Do not trust this log until the server's "
                           "operator has explained the change."));
    if (page.previousHash && *page.previousHash != m_hash)
        return fail(m_seq + 1,
                    Tr::tr("The page after entry %1 does not continue the hash chain.").arg(m_seq));
    if (page.headSeq < m_seq)
        return fail(m_seq, Tr::tr("The server says the log ends at entry %1, but it already sent entry %2.")
                               .arg(page.headSeq)
                               .arg(m_seq));
    m_headSeq = page.headSeq;

    // Hashes of this page's entries, for its checkpoints.
    std::map<qint64, QByteArray> hashes;
    for (qsizetype i = 0; i < page.entries.size(); ++i) {
        const AuditApi::Entry& e = page.entries.at(i);
        const qint64 expected = m_seq + 1;
        if (e.seq != expected) {
            if (e.seq < expected)
                return fail(e.seq, Tr::tr("Entry %1 appears again after entry %2.").arg(e.seq).arg(m_seq));
            for (qsizetype j = i + 1; j < page.entries.size(); ++j) {
                if (page.entries.at(j).seq == expected)
                    return fail(expected,
                                Tr::tr("The entries are out of order: entry %1 comes before entry %2.")
                                    .arg(e.seq)
                                    .arg(expected));
            }
            return fail(expected, Tr::tr("Entry %1 is missing: the log goes from entry %2 to entry %3.")
                                      .arg(expected)
                                      .arg(m_seq)
                                      .arg(e.seq));
        }
        AuditApi::Entry decoded;
        QString orgId;
        if (!e.readable || !decode(e.bytes, decoded, orgId))
            return fail(e.seq,
                        Tr::tr("Entry %1 cannot be read: its bytes are not an audit entry.").arg(e.seq));
        if (decoded.seq != e.seq)
            return fail(e.seq,
                        Tr::tr("Entry %1 holds entry %2: entries were moved.").arg(e.seq).arg(decoded.seq));
        if (orgId != idText(m_orgId))
            return fail(e.seq, Tr::tr("Entry %1 belongs to the log of another organisation.").arg(e.seq));
        const QByteArray hash = chain(m_hash, e.bytes);
        if (hash != e.hash)
            return fail(e.seq,
                        Tr::tr("Entry %1 was changed: its bytes do not match the hash chain.").arg(e.seq));
        if (m_seen && m_seen->seq == e.seq && m_seen->head != hash)
            return fail(e.seq,
                        Tr::tr("The log was rewritten: up to entry %1 it no longer matches the checkpoint "
                               "this computer verified before.")
                            .arg(e.seq));
        m_hash = hash;
        m_seq = e.seq;
        hashes.emplace(e.seq, hash);
    }

    for (const AuditApi::Checkpoint& c : page.checkpoints) {
        const auto at = hashes.find(c.seq);
        if (at == hashes.end())
            return fail(c.seq, Tr::tr("The checkpoint at entry %1 is not within the page of entries that "
                                      "carries it.")
                                   .arg(c.seq));
        if (!checkCheckpoint(c, at->second))
            return false;
        ++m_checkpoints;
    }
    if (page.latestCheckpoint) {
        const AuditApi::Checkpoint& c = *page.latestCheckpoint;
        if (m_latest && c.seq < m_latest->seq)
            return fail(c.seq, Tr::tr("The server's newest checkpoint went back from entry %1 to entry %2.")
                                   .arg(m_latest->seq)
                                   .arg(c.seq));
        if (c.seq > m_headSeq)
            return fail(c.seq, Tr::tr("The checkpoint at entry %1 lies beyond the log's end at entry %2.")
                                   .arg(c.seq)
                                   .arg(m_headSeq));
        m_latest = c;
        if (const auto at = hashes.find(c.seq); at != hashes.end() && !checkCheckpoint(c, at->second))
            return false;
    }
    return true;
}

bool AuditVerifier::finish()
{
    if (failed())
        return false;
    if (m_seq != m_headSeq)
        return fail(m_seq + 1, Tr::tr("The log ends at entry %1, but the server says its newest entry is %2.")
                                   .arg(m_seq)
                                   .arg(m_headSeq));
    if (m_seen && m_seen->seq > m_seq)
        return fail(m_seq + 1, Tr::tr("The log ends at entry %1, but this computer verified a checkpoint at "
                                      "entry %2 before: entries were removed.")
                                   .arg(m_seq)
                                   .arg(m_seen->seq));
    // The server's newest checkpoint must have been met at its position on the way.
    if (m_latest && (!m_newest || m_newest->seq < m_latest->seq))
        return fail(
            m_latest->seq,
            Tr::tr("The checkpoint at entry %1 was never met in the log's pages.").arg(m_latest->seq));
    return true;
}

} // namespace Conclave::Core
