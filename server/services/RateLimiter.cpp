// Sliding-window rate limiting.
#include "server/services/RateLimiter.h"

#include <algorithm>

namespace Conclave::Server {

RateLimiter::RateLimiter(const Core::Clock& clock)
    : m_clock(clock)
{}

void RateLimiter::prune(QList<qint64>& events, qint64 windowMs, qint64 now) const
{
    while (!events.isEmpty() && events.first() <= now - windowMs)
        events.removeFirst();
}

int RateLimiter::retryAfter(const QString& key, int limit, int windowSeconds)
{
    const qint64 windowMs = qint64(windowSeconds) * 1000;
    m_longestWindowMs = std::max(m_longestWindowMs, windowMs);
    auto it = m_events.find(key);
    if (it == m_events.end())
        return 0;
    const qint64 now = m_clock.monotonicMs();
    prune(*it, windowMs, now);
    if (it->size() < limit)
        return 0;
    // The oldest event that must expire before one more fits.
    const qint64 freeAt = it->at(it->size() - limit) + windowMs;
    return int(std::max<qint64>(1, (freeAt - now + 999) / 1000));
}

int RateLimiter::retryAfter(std::initializer_list<Budget> budgets, int windowSeconds)
{
    int wait = 0;
    for (const Budget& budget : budgets)
        wait = std::max(wait, retryAfter(budget.key, budget.limit, windowSeconds));
    return wait;
}

void RateLimiter::record(std::initializer_list<QString> keys)
{
    for (const QString& key : keys)
        record(key);
}

void RateLimiter::record(const QString& key)
{
    const qint64 now = m_clock.monotonicMs();
    m_events[key].append(now);
    // Keep memory bounded: drop subjects whose events have all expired.
    if (m_events.size() > 10000) {
        for (auto it = m_events.begin(); it != m_events.end();) {
            prune(*it, m_longestWindowMs, now);
            it = it->isEmpty() ? m_events.erase(it) : std::next(it);
        }
    }
}

void RateLimiter::reset(const QString& key)
{
    m_events.remove(key);
}

} // namespace Conclave::Server
