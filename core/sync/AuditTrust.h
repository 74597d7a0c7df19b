// AuditTrust: what this computer believes of a sync server's audit logs, kept between runs:
// the Ed25519 key the server signs its checkpoints with (pinned on first use per server) and,
// per organisation, the newest checkpoint a verification accepted. AuditVerifier refuses a log
// signed by another key, and a log that no longer matches, or stops before, a checkpoint seen
// here. Nothing in it is secret (a public key, an entry number, a hash), so it is an
// owner-only JSON file in the app's data folder beside KnownAccounts' index, keyed by a hash
// of the server's address.
#pragma once

#include "core/sync/AuditVerifier.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class AuditTrust final
{
public:
    AuditTrust(QString directory, QUrl server);

    // Empty when no key is pinned for the server yet. A damaged file is an error, never
    // taken for "nothing seen yet".
    Result<QByteArray> pinnedKey() const;
    Result<std::optional<AuditVerifier::Seen>> seen(const QUuid& orgId) const;
    // Pins `key` (when none is) and remembers `checkpoint` for the organisation when it is
    // newer than the one remembered.
    Status remember(const QByteArray& key, const QUuid& orgId,
                    const std::optional<AuditVerifier::Seen>& checkpoint);

    QString path() const;

private:
    Result<QJsonObject> readServer() const;
    QString serverKey() const;

    QString m_directory;
    QUrl m_server;
};

} // namespace Conclave::Core
