// InactivityTimer: decides when a Team Sharing session has gone without input too long
// (DESIGN §5). The input itself comes from ui/InactivityMonitor (an application-wide event
// filter), which calls noteActivity(); the time comes from an injectable Clock, so tests
// run fifteen minutes in microseconds.
//
// Idle time is the larger of the monotonic and the wall-clock time since the last input.
// The monotonic clock stops while the machine sleeps, so a laptop closed for an hour would
// otherwise wake up still signed in; the wall clock shows the jump, and the next check
// (a tick at least every few seconds, or check() called on resume) signs out at once.
// Setting the wall clock back cannot extend a session: the monotonic clock still counts.
//
// Signals: warning(secondsLeft) when the warning period begins and again each time the
// whole seconds left change (for a countdown), warningCancelled() on input during it,
// timedOut() once when the limit is reached, not a millisecond before; the timer then
// stops until start() is called after the next sign-in.
#pragma once

#include "core/util/Clock.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Conclave::Core {

class InactivityTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InactivityTimer)

public:
    static constexpr std::chrono::milliseconds kWarningLead{60'000};
    // Without a warning due, how long a sleep may go unnoticed after waking.
    static constexpr std::chrono::milliseconds kSleepWatchInterval{5'000};

    explicit InactivityTimer(const Clock& clock, QObject* parent = nullptr);

    // The limit from EffectiveSettings::inactivityTimeout(); takes effect at once.
    void setLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds limit() const { return m_limit; }
    // One minute, or half the limit when the limit is shorter than two minutes.
    std::chrono::milliseconds warningLead() const;

    // Signed in: counting starts now. Signed out: stop() and nothing more is emitted.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool isWarning() const { return m_warning; }
    std::chrono::milliseconds idle() const;

public slots:
    // Keyboard, mouse, wheel or touch input in any window.
    void noteActivity();
    // Compares the clock with the limit now; the internal tick and a resume call it.
    void check();

signals:
    void warning(int secondsLeft);
    void warningCancelled();
    void timedOut();

private:
    void arm(std::chrono::milliseconds idleNow);

    const Clock& m_clock;
    QTimer m_tick;
    std::chrono::milliseconds m_limit{15 * 60'000};
    qint64 m_lastInputMono = 0;
    QDateTime m_lastInputWall;
    bool m_running = false;
    bool m_warning = false;
    int m_secondsShown = -1;
};

} // namespace Conclave::Core
