// Clock: the time source for expiry and inactivity decisions. Production code uses
// Clock::system(); tests inject a ManualClock so they never wait for real minutes.
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
    QDateTime nowUtc() const override { return m_start.addMSecs(m_ms); }
    void advanceMs(qint64 ms) { m_ms += ms; }

private:
    QDateTime m_start;
    qint64 m_ms = 0;
};

} // namespace Conclave::Core
