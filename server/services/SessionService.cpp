// Session tokens and their expiry.
#include "server/services/SessionService.h"

#include "server/services/EnglishText.h"
#include "server/services/LiveHub.h"
#include "server/services/ServiceLog.h"

#include "core/crypto/SecureBytes.h"

#include <QCoreApplication>
#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;

namespace {
constexpr qsizetype kTokenBytes = 32;

QString tr(const char* text)
{
    return QCoreApplication::translate("SessionService", text);
}

Error invalidSession()
{
    return Error::make(ErrorCode::Crypto, tr("Your session is not valid or has ended. Sign in again."));
}
} // namespace

SessionService::SessionService(SessionStore& sessions, const ServerKey& key, const Core::Clock& clock,
                               const ServerLimits& limits, AccessCache& cache)
    : m_store(sessions)
    , m_key(key)
    , m_clock(clock)
    , m_limits(limits)
    , m_cache(cache)
{}

QByteArray SessionService::tokenHash(QByteArrayView rawToken) const
{
    return m_key.hash("conclave-session-token-v1", rawToken);
}

Result<IssuedSession> SessionService::create(const QString& userId)
{
    const auto raw = Core::SecureBytes::random(kTokenBytes);
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    SessionRecord record{QUuid::createUuid().toString(QUuid::WithoutBraces), userId, tokenHash(raw.view()),
                         now, now};
    if (auto stored = m_store.insertSession(record); !stored)
        return stored.error();
    qCInfo(lcServerAccount) << "session" << record.id << "created for user" << userId;
    return IssuedSession{
        record.id,
        raw.view().toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        now, now + absoluteLimitMs()};
}

Result<SessionContext> SessionService::authenticate(QByteArrayView token)
{
    auto decoded = QByteArray::fromBase64Encoding(
        token.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kTokenBytes)
        return invalidSession();
    // One token string per session: padding or stray low bits would be a second spelling.
    if (decoded.decoded.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) != token) {
        Core::secureWipe(decoded.decoded);
        return invalidSession();
    }
    const QByteArray hash = tokenHash(decoded.decoded);
    Core::secureWipe(decoded.decoded);
    // The one look-up of a request whose session this process has seen since the access
    // epoch last moved; a revocation anywhere moves it.
    m_cache.refresh();
    std::optional<SessionRecord> cached = m_cache.session(hash);
    if (!cached) {
        auto found = m_store.sessionByTokenHash(hash);
        if (!found)
            return found.error();
        if (!found->has_value())
            return invalidSession();
        cached = **found;
        m_cache.putSession(hash, *cached);
    }
    SessionRecord& session = *cached;
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    if (now - session.lastSeenMs > idleLimitMs()) {
        m_cache.forgetSession(hash);
        (void)m_store.deleteSession(session.userId, session.id);
        qCInfo(lcServerAccount) << "session" << session.id << "ended after the idle limit";
        return Error::make(ErrorCode::Crypto, QStringLiteral("Your session ended after %1 without activity. "
                                                             "Sign in again.")
                                                  .arg(EnglishText::duration(m_limits.idleTimeoutSeconds)));
    }
    if (now - session.createdAtMs > absoluteLimitMs()) {
        m_cache.forgetSession(hash);
        (void)m_store.deleteSession(session.userId, session.id);
        qCInfo(lcServerAccount) << "session" << session.id << "ended at the absolute limit";
        return Error::make(ErrorCode::Crypto,
                           QStringLiteral("Your session reached its maximum length of %1. Sign in again.")
                               .arg(EnglishText::duration(m_limits.absoluteTimeoutSeconds)));
    }
    // Sliding the window costs a write; under rapid polling once a second is precise enough
    // (the idle limit is then measured from at most one second before the last request).
    if (now - session.lastSeenMs >= 1000) {
        if (auto touched = m_store.touchSession(session.id, now); !touched)
            return touched.error();
        session.lastSeenMs = now;
        m_cache.putSession(hash, session);
    }
    return SessionContext{session.id, session.userId};
}

Result<QList<SessionRecord>> SessionService::list(const QString& userId)
{
    return m_store.sessionsOfUser(userId);
}

Result<bool> SessionService::isCurrent(const SessionContext& session)
{
    auto until = currentUntil(session);
    if (!until)
        return until.error();
    return until.value() != 0;
}

Result<qint64> SessionService::currentUntil(const SessionContext& session)
{
    m_cache.refresh();
    auto sessions = m_store.sessionsOfUser(session.userId);
    if (!sessions)
        return sessions.error();
    const qint64 now = nowMs();
    for (const SessionRecord& record : std::as_const(sessions.value())) {
        if (record.id != session.sessionId)
            continue;
        const qint64 until = qMin(record.lastSeenMs + idleLimitMs(), record.createdAtMs + absoluteLimitMs());
        return now <= until ? until : 0;
    }
    return 0;
}

qint64 SessionService::nowMs() const
{
    return m_clock.nowUtc().toMSecsSinceEpoch();
}

Result<bool> SessionService::revoke(const QString& userId, const QString& sessionId)
{
    auto removed = m_store.deleteSession(userId, sessionId);
    if (removed && removed.value()) {
        // Other processes must stop serving it from their caches, or the revocation fails.
        if (auto changed = m_cache.changed(); !changed)
            return changed.error();
        qCInfo(lcServerAccount) << "session" << sessionId << "revoked by user" << userId;
        if (m_live)
            m_live->endSession(userId, sessionId, QStringLiteral("unauthenticated"));
    }
    return removed;
}

Result<int> SessionService::revokeAll(const QString& userId)
{
    auto removed = m_store.deleteSessionsOfUser(userId);
    if (!removed)
        return removed;
    if (auto changed = m_cache.changed(); !changed)
        return changed.error();
    qCInfo(lcServerAccount) << removed.value() << "session(s) of user" << userId << "revoked";
    if (m_live)
        m_live->endUser(userId, QStringLiteral("unauthenticated"));
    return removed;
}

} // namespace Conclave::Server
