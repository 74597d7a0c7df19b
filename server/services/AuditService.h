// AuditService: what the audit records and shows (DESIGN §4, §7). Every audited event goes
// into its organisation's hash-chained log (AuditLayout) and into its object's history, which
// keeps only the newest entries (AuditSettings::entriesPerObject). After every
// checkpointEvery entries, and on demand, the server signs the log's head with the key
// derived from ServerKey, so a changed, removed or reordered entry before a checkpoint is
// caught by anyone holding the public key (AuditVerifier, `conclave-server audit verify`).
//
// record() joins the caller's open StorageTransaction, so an action and its entry commit
// together or not at all; recordAlone() opens its own (a refusal writes nothing else). A
// write that also appends to the change log records its audit entry first: every writer then
// takes the organisation's audit head before the change counter, one lock order on
// PostgreSQL, so two writers can never wait for each other.
#pragma once

#include "server/services/AuditEvent.h"
#include "server/services/AuditSettings.h"
#include "server/services/ServerKey.h"
#include "server/storage/AuditStore.h"

#include "core/util/Clock.h"

#include <optional>

namespace Conclave::Server {

class AuditService final
{
public:
    // One page of a log, with what a reader needs to check it against a checkpoint.
    struct Page
    {
        QList<AuditLogRecord> entries;
        QByteArray previousHash;                  // the chain hash before the page's first entry
        QList<AuditCheckpointRecord> checkpoints; // those within the page
        std::optional<AuditCheckpointRecord> latest;
        qint64 headSeq = 0;
    };

    AuditService(SqlDatabase& database, AuditStore& store, const ServerKey& key, const Core::Clock& clock,
                 const AuditSettings& settings);
    Q_DISABLE_COPY_MOVE(AuditService)

    // The event of an action done, or refused with its reason code.
    static AuditEvent done(const QString& orgId, const QString& kind, const QString& objectId,
                           const QString& userId, const QString& action, qint64 revision = 0);
    static AuditEvent refused(const QString& orgId, const QString& kind, const QString& objectId,
                              const QString& userId, const QString& action, const QString& reason);
    // The action name of a membership log entry's action (MembershipAction's value).
    static QString membershipAction(int action);

    // Inside an open StorageTransaction only.
    Core::Status record(AuditEvent event);
    Core::Status recordAlone(const AuditEvent& event);
    // Signs the log's current head unless a checkpoint already covers it; nullopt for an
    // empty log.
    Core::Result<std::optional<AuditCheckpointRecord>> checkpoint(const QString& orgId);

    Core::Result<Page> page(const QString& orgId, qint64 afterSeq, int limit);
    // The object's kept entries, newest first, decoded; an entry that cannot be read is left out.
    Core::Result<QList<AuditEvent>> history(const AuditObjectRef& object);

    const QByteArray& publicKey() const { return m_key.signingPublicKey(); }
    // A stable pseudonym for an email address (keyed by the server key), for entries about an
    // address that may have no account: the entry names no address.
    QString addressId(const QString& email) const;
    const AuditSettings& settings() const { return m_settings; }

private:
    AuditCheckpointRecord signedCheckpoint(const QString& orgId, qint64 seq, const QByteArray& head) const;

    SqlDatabase& m_database;
    AuditStore& m_store;
    const ServerKey& m_key;
    const Core::Clock& m_clock;
    AuditSettings m_settings;
};

} // namespace Conclave::Server
