// Clock: the time source for expiry and inactivity decisions. Production code uses
// Clock::system(); tests inject a ManualClock so they never wait for real minutes. The
// system's monotonic clock stops while the machine sleeps (CLOCK_MONOTONIC on Linux), the
// wall clock does not: code that must notice a sleep compares both.
#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace Conclave::Core {

class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds on a monotonic scale; only differences are meaningful.
    virtual qint64 monotonicMs() const = 0;
    virtual QDateTime nowUtc() const = 0;

    static const Clock& system();
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime& start = QDateTime::currentDateTimeUtc());
    qint64 monotonicMs() const override { return m_ms; }
    QDateTime nowUtc() const override { return m_start.addMSecs(m_ms + m_wallOnlyMs); }
    void advanceMs(qint64 ms) { m_ms += ms; }
    // A machine that sleeps: the wall clock moves on, the monotonic clock does not.
    void advanceWallOnlyMs(qint64 ms) { m_wallOnlyMs += ms; }

private:
    QDateTime m_start;
    qint64 m_ms = 0;
    qint64 m_wallOnlyMs = 0;
};

} // namespace Conclave::Core
