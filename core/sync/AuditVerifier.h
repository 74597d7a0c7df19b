// AuditVerifier: checks an organisation's audit log page by page on the client, from the byte
// layout of docs/admin/server.md ("Audit log layout") alone: each entry decodes, sits at its
// position (no gap, no move, no repeat), belongs to the organisation, and chains from the one
// before (BLAKE2b-256 over the chain tag, the previous hash and the entry's bytes; the hash is
// recomputed, the server's value only compared). Each checkpoint's head must be the recomputed
// hash at its position and its Ed25519 signature must verify under the server's key.
//
// Trust: the server's key is pinned on first use (AuditTrust), so a later answer signed by
// another key is refused; and the newest checkpoint verified before is remembered, so a server
// that rewrites or drops entries up to a checkpoint this computer saw is caught even when it
// re-signs the rewritten log. What no client can tell: changes after the newest checkpoint it
// saw, made by someone holding the server key (docs/user/sharing.md says so).
//
// Pure: it makes no request and keeps only the running hash and the page's hashes, so a log of
// a million entries is checked in constant memory. The first problem stops it; problem() says
// what and where, in words.
#pragma once

#include "core/sync/AuditApi.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class AuditVerifier final
{
    Q_DISABLE_COPY_MOVE(AuditVerifier)

public:
    static constexpr char kEntryTag[] = "conclave.audit.entry.v1";
    static constexpr char kChainTag[] = "conclave.audit.chain.v1";
    static constexpr char kCheckpointTag[] = "conclave.audit.checkpoint.v1";
    static constexpr quint32 kMaxFieldBytes = 1024;

    // A checkpoint this computer verified before.
    struct Seen
    {
        qint64 seq = 0;
        QByteArray head;
    };

    // `pinnedKey` empty: none pinned yet (the page's key is taken on first use).
    AuditVerifier(const QUuid& orgId, QByteArray pinnedKey, std::optional<Seen> seen);

    // The next page in order (its `after` must be verifiedSeq()). False at the first problem.
    bool addPage(const AuditApi::OrgPage& page);
    // After the page whose `next` was null: the log's end against its head and what was seen.
    bool finish();

    bool failed() const { return !m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; }
    qint64 problemSeq() const { return m_problemSeq; }
    qint64 verifiedSeq() const { return m_seq; }
    qint64 headSeq() const { return m_headSeq; }
    qint64 checkpointsVerified() const { return m_checkpoints; }
    const QByteArray& publicKey() const { return m_key; }
    // The newest checkpoint whose head and signature verified.
    const std::optional<Seen>& newestCheckpoint() const { return m_newest; }

    // The layout (static, so tests and fuzzers can use it alone).
    static Status decode(QByteArrayView bytes, AuditApi::Entry& entry, QString& orgId);
    static QByteArray encode(const QString& orgId, const AuditApi::Entry& entry);
    static QByteArray chain(QByteArrayView previousHash, QByteArrayView entry);
    static QByteArray checkpointMessage(const QUuid& orgId, qint64 seq, QByteArrayView head, qint64 atMs);

private:
    bool fail(qint64 seq, const QString& problem);
    bool checkCheckpoint(const AuditApi::Checkpoint& checkpoint, const QByteArray& headAtSeq);

    QUuid m_orgId;
    QByteArray m_key;
    std::optional<Seen> m_seen;
    std::optional<Seen> m_newest;
    std::optional<AuditApi::Checkpoint> m_latest; // the server's latest, checked at its position
    QByteArray m_hash;
    qint64 m_seq = 0;
    qint64 m_headSeq = 0;
    qint64 m_checkpoints = 0;
    qint64 m_problemSeq = 0;
    QString m_problem;
};

} // namespace Conclave::Core
