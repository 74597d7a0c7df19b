// SessionStore: the sessions table, one row per signed-in device, found by the keyed hash of
// its bearer token (the raw token is never stored).
#pragma once

#include "server/storage/SqlStore.h"
#include "server/storage/StorageRecords.h"

#include <QStringList>

#include <optional>

namespace Conclave::Server {

class SessionStore final : public SqlStore
{
public:
    explicit SessionStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~SessionStore() = default;
    Q_DISABLE_COPY_MOVE(SessionStore)

    Core::Status insertSession(const SessionRecord& session);
    Core::Result<std::optional<SessionRecord>> sessionByTokenHash(const QByteArray& hash);
    Core::Status touchSession(const QString& sessionId, qint64 lastSeenMs);
    Core::Result<bool> deleteSession(const QString& userId, const QString& sessionId);
    Core::Result<int> deleteSessionsOfUser(const QString& userId);
    Core::Result<QList<SessionRecord>> sessionsOfUser(const QString& userId);
};

} // namespace Conclave::Server
