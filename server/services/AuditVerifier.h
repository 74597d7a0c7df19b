// AuditVerifier: recomputes each audit log's hash chain from its stored entries and checks
// each checkpoint — its head against the recomputed chain, its signature against the
// server's public key — and the log's recorded head. It stops a log at the first problem and
// says what it found in words (a changed, missing, moved or extra entry; a checkpoint that
// does not match or whose signature is bad). Used by `conclave-server audit verify`.
#pragma once

#include "server/storage/AuditStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Conclave::Server {

class AuditVerifier final
{
public:
    struct Finding
    {
        QString orgId; // empty: the server's own log
        qint64 entries = 0;
        qint64 checkpoints = 0;
        QString problem; // empty when the log is intact

        bool intact() const { return problem.isEmpty(); }
    };

    AuditVerifier(AuditStore& store, QByteArray publicKey);
    Q_DISABLE_COPY_MOVE(AuditVerifier)

    // Every log, or only `orgId`'s.
    Core::Result<QList<Finding>> verify(const std::optional<QString>& orgId);

private:
    Core::Result<Finding> verifyLog(const QString& orgId);

    AuditStore& m_store;
    QByteArray m_publicKey;
};

} // namespace Conclave::Server
