// The inactivity timer's state: running, warning, timed out. See the header for how sleep
// is detected.
#include "core/policy/InactivityTimer.h"

#include "core/util/LogCategories.h"

#include <algorithm>

namespace Conclave::Core {

using std::chrono::milliseconds;

InactivityTimer::InactivityTimer(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_tick.setSingleShot(true);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &InactivityTimer::check);
}

void InactivityTimer::setLimit(milliseconds limit)
{
    m_limit = std::max(limit, milliseconds(1000));
    if (m_running)
        check();
}

milliseconds InactivityTimer::warningLead() const
{
    return std::min(kWarningLead, m_limit / 2);
}

void InactivityTimer::start()
{
    m_running = true;
    m_warning = false;
    m_secondsShown = -1;
    m_lastInputMono = m_clock.monotonicMs();
    m_lastInputWall = m_clock.nowUtc();
    arm(milliseconds(0));
}

void InactivityTimer::stop()
{
    m_running = false;
    m_warning = false;
    m_tick.stop();
}

milliseconds InactivityTimer::idle() const
{
    const qint64 mono = m_clock.monotonicMs() - m_lastInputMono;
    const qint64 wall = m_lastInputWall.msecsTo(m_clock.nowUtc());
    return milliseconds(std::max(mono, wall));
}

void InactivityTimer::noteActivity()
{
    if (!m_running)
        return;
    m_lastInputMono = m_clock.monotonicMs();
    m_lastInputWall = m_clock.nowUtc();
    if (m_warning) {
        m_warning = false;
        m_secondsShown = -1;
        emit warningCancelled();
        arm(milliseconds(0));
    }
    // Otherwise the armed tick comes early, finds the new input and re-arms: no timer work
    // for each mouse move.
}

void InactivityTimer::check()
{
    if (!m_running)
        return;
    const milliseconds idleNow = idle();
    if (idleNow >= m_limit) {
        qCInfo(lcCorePolicy) << "inactivity limit reached after" << idleNow.count() << "ms";
        stop();
        emit timedOut();
        return;
    }
    if (idleNow >= m_limit - warningLead()) {
        const milliseconds left = m_limit - idleNow;
        const int seconds = int((left.count() + 999) / 1000);
        const bool started = !m_warning;
        m_warning = true;
        if (started || seconds != m_secondsShown) {
            m_secondsShown = seconds;
            emit warning(seconds);
            if (!m_running)
                return; // a receiver signed out or stopped the timer
        }
    }
    arm(idleNow);
}

void InactivityTimer::arm(milliseconds idleNow)
{
    milliseconds next = kSleepWatchInterval;
    const milliseconds warnAt = m_limit - warningLead();
    if (idleNow < warnAt) {
        next = std::min(next, warnAt - idleNow);
    } else {
        // The next whole second of the countdown, or the limit itself.
        const milliseconds left = m_limit - idleNow;
        const milliseconds toNextSecond = left % milliseconds(1000);
        next = std::min({next, left, toNextSecond.count() > 0 ? toNextSecond : milliseconds(1000)});
    }
    m_tick.start(std::max(next, milliseconds(1)));
}

} // namespace Conclave::Core
