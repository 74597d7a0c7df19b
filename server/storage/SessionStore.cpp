// The sessions table.
#include "server/storage/SessionStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

SessionRecord readSession(const QSqlQuery& q)
{
    const SqlRow row(q);
    return SessionRecord{row.text("id"), row.text("user_id"), row.bytes("token_hash"),
                         row.integer("created_at"), row.integer("last_seen")};
}

} // namespace

Status SessionStore::insertSession(const SessionRecord& s)
{
    return runStatus(QStringLiteral("INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {s.id, s.userId, blob(s.tokenHash), s.createdAtMs, s.lastSeenMs});
}

Result<std::optional<SessionRecord>> SessionStore::sessionByTokenHash(const QByteArray& hash)
{
    return firstRow(QStringLiteral("SELECT id, user_id, token_hash, created_at, last_seen FROM sessions "
                                   "WHERE token_hash = ?"),
                    {blob(hash)}, readSession);
}

Status SessionStore::touchSession(const QString& sessionId, qint64 lastSeenMs)
{
    return runStatus(QStringLiteral("UPDATE sessions SET last_seen = ? WHERE id = ?"),
                     {lastSeenMs, sessionId});
}

Result<bool> SessionStore::deleteSession(const QString& userId, const QString& sessionId)
{
    auto changed =
        changedRows(QStringLiteral("DELETE FROM sessions WHERE id = ? AND user_id = ?"), {sessionId, userId});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<int> SessionStore::deleteSessionsOfUser(const QString& userId)
{
    return changedRows(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId});
}

Result<QList<SessionRecord>> SessionStore::sessionsOfUser(const QString& userId)
{
    return allRows(QStringLiteral("SELECT id, user_id, token_hash, created_at, last_seen FROM sessions "
                                  "WHERE user_id = ? ORDER BY created_at, id"),
                   {userId}, readSession);
}

} // namespace Conclave::Server
