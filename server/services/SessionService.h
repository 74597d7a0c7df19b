// SessionService: opaque 32-byte random session tokens (given to the client once, kept only
// as a keyed hash), sliding idle expiry and an absolute limit (DESIGN §3), listing and
// revoking one's own sessions.
#pragma once

#include "server/services/AccessCache.h"
#include "server/services/ServerKey.h"
#include "server/services/ServerLimits.h"
#include "server/storage/SessionStore.h"

#include "core/util/Clock.h"

namespace Conclave::Server {

class LiveHub;

struct IssuedSession
{
    QString sessionId;
    QByteArray token; // base64url, no padding; handed to the client, never stored or logged
    qint64 createdAtMs = 0;
    qint64 absoluteExpiryMs = 0;
};

struct SessionContext
{
    QString sessionId;
    QString userId;
};

class SessionService final
{
public:
    SessionService(SessionStore& sessions, const ServerKey& key, const Core::Clock& clock,
                   const ServerLimits& limits, AccessCache& cache);
    Q_DISABLE_COPY_MOVE(SessionService)

    Core::Result<IssuedSession> create(const QString& userId);
    // Checks the bearer token and slides its idle window; Crypto error when it is not valid.
    Core::Result<SessionContext> authenticate(QByteArrayView token);
    Core::Result<QList<SessionRecord>> list(const QString& userId);
    // Whether the session still exists and is within its idle and absolute limits, without
    // sliding its idle window (an open live connection is not activity).
    Core::Result<bool> isCurrent(const SessionContext& session);
    // When the session ends by its limits unless it is used again (milliseconds since the
    // epoch, on the service's clock); 0 when it is not current now. Revocation can end it sooner.
    Core::Result<qint64> currentUntil(const SessionContext& session);
    qint64 nowMs() const;
    Core::Result<bool> revoke(const QString& userId, const QString& sessionId);
    Core::Result<int> revokeAll(const QString& userId);
    // Revoked sessions also close their live connections (set by the composition root).
    void setLiveHub(LiveHub* live) { m_live = live; }

    qint64 idleLimitMs() const { return qint64(m_limits.idleTimeoutSeconds) * 1000; }
    qint64 absoluteLimitMs() const { return qint64(m_limits.absoluteTimeoutSeconds) * 1000; }

private:
    QByteArray tokenHash(QByteArrayView rawToken) const;

    SessionStore& m_store;
    const ServerKey& m_key;
    const Core::Clock& m_clock;
    const ServerLimits& m_limits;
    AccessCache& m_cache;
    LiveHub* m_live = nullptr;
};

} // namespace Conclave::Server
