// System and manual clocks.
#include "core/util/Clock.h"

#include <QElapsedTimer>

namespace Conclave::Core {

namespace {
class SystemClock final : public Clock
{
public:
    SystemClock() { m_timer.start(); }
    qint64 monotonicMs() const override { return m_timer.elapsed(); }
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }

private:
    QElapsedTimer m_timer;
};
} // namespace

const Clock& Clock::system()
{
    static const SystemClock s_clock;
    return s_clock;
}

ManualClock::ManualClock(const QDateTime& start)
    : m_start(start.toUTC())
{}

} // namespace Conclave::Core
