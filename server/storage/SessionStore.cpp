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
    auto q = run(QStringLiteral("SELECT id, user_id, token_hash, created_at, last_seen FROM sessions "
                                "WHERE token_hash = ?"),
                 {blob(hash)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(readSession(*q));
}

Status SessionStore::touchSession(const QString& sessionId, qint64 lastSeenMs)
{
    return runStatus(QStringLiteral("UPDATE sessions SET last_seen = ? WHERE id = ?"),
                     {lastSeenMs, sessionId});
}

Result<bool> SessionStore::deleteSession(const QString& userId, const QString& sessionId)
{
    auto q = run(QStringLiteral("DELETE FROM sessions WHERE id = ? AND user_id = ?"), {sessionId, userId});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<int> SessionStore::deleteSessionsOfUser(const QString& userId)
{
    auto q = run(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<QList<SessionRecord>> SessionStore::sessionsOfUser(const QString& userId)
{
    auto q = run(QStringLiteral("SELECT id, user_id, token_hash, created_at, last_seen FROM sessions "
                                "WHERE user_id = ? ORDER BY created_at, id"),
                 {userId});
    if (!q)
        return q.error();
    QList<SessionRecord> sessions;
    while (q->next())
        sessions.append(readSession(*q));
    return sessions;
}

} // namespace Conclave::Server
