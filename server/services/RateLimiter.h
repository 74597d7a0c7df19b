// RateLimiter: sliding-window counters keyed by purpose and subject ("login-account:<id>",
// "signup-address:<ip>"). Kept in memory per server process: with several replicas each
// enforces its own budget, which multiplies the allowance by the replica count at most.
#pragma once

#include "core/util/Clock.h"

#include <QHash>
#include <QList>
#include <QString>

#include <initializer_list>

namespace Conclave::Server {

class RateLimiter final
{
public:
    struct Budget
    {
        QString key;
        int limit = 0;
    };

    explicit RateLimiter(const Core::Clock& clock);
    Q_DISABLE_COPY_MOVE(RateLimiter)

    // The longest wait among the budgets (each `limit` per `windowSeconds`); 0 if all fit.
    int retryAfter(std::initializer_list<Budget> budgets, int windowSeconds);
    void record(std::initializer_list<QString> keys);

    // Seconds until another event fits within `limit` per `windowSeconds`; 0 if it fits now.
    int retryAfter(const QString& key, int limit, int windowSeconds);
    void record(const QString& key);
    void reset(const QString& key);

private:
    void prune(QList<qint64>& events, qint64 windowMs, qint64 now) const;

    const Core::Clock& m_clock;
    QHash<QString, QList<qint64>> m_events;
    qint64 m_longestWindowMs = 0;
};

} // namespace Conclave::Server
