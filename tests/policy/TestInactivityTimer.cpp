// Tests InactivityTimer on an injected clock: sign-out exactly at the limit and not a
// millisecond before, input resets the count, the warning comes at limit - 60 s with the
// seconds left and input during it cancels it, a sleep past the limit (the wall clock jumps,
// the monotonic clock does not) signs out at the next check, and the real tick does the
// checking by itself.
#include "core/policy/InactivityTimer.h"

#include <QSignalSpy>
#include <QTest>

using namespace Conclave::Core;
using namespace std::chrono_literals;

namespace {
constexpr qint64 kLimitMs = 15 * 60'000;
}

class TestInactivityTimer : public QObject
{
    Q_OBJECT

private slots:
    void signsOutAtTheLimitAndNotBefore_data();
    void signsOutAtTheLimitAndNotBefore();
    void inputResetsTheCount();
    void warningAtOneMinuteBefore();
    void inputDuringTheWarningCancelsIt();
    void countdownCountsWholeSeconds();
    void sleepPastTheLimitSignsOutAtOnce();
    void wallClockSetBackDoesNotExtend();
    void stoppedTimerSaysNothing();
    void shortLimitWarnsAtHalfTime();
    void realTickChecksByItself();
};

void TestInactivityTimer::signsOutAtTheLimitAndNotBefore_data()
{
    QTest::addColumn<int>("minutes");
    QTest::newRow("15 minutes (default)") << 15;
    QTest::newRow("10 minutes (policy)") << 10;
    QTest::newRow("1 minute (lowest)") << 1;
}

void TestInactivityTimer::signsOutAtTheLimitAndNotBefore()
{
    QFETCH(int, minutes);
    ManualClock clock;
    InactivityTimer timer(clock);
    timer.setLimit(std::chrono::minutes(minutes));
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceMs(minutes * 60'000 - 1);
    timer.check();
    QCOMPARE(timedOut.count(), 0);
    QVERIFY(timer.isRunning());
    clock.advanceMs(1);
    timer.check();
    QCOMPARE(timedOut.count(), 1);
    QVERIFY(!timer.isRunning());
    clock.advanceMs(60'000);
    timer.check();
    QCOMPARE(timedOut.count(), 1); // once
}

void TestInactivityTimer::inputResetsTheCount()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceMs(kLimitMs - 1000);
    timer.noteActivity();
    clock.advanceMs(kLimitMs - 1);
    timer.check();
    QCOMPARE(timedOut.count(), 0);
    QCOMPARE(timer.idle(), std::chrono::milliseconds(kLimitMs - 1));
    clock.advanceMs(1);
    timer.check();
    QCOMPARE(timedOut.count(), 1);
}

void TestInactivityTimer::warningAtOneMinuteBefore()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy warning(&timer, &InactivityTimer::warning);
    timer.start();
    clock.advanceMs(kLimitMs - 60'000 - 1);
    timer.check();
    QCOMPARE(warning.count(), 0);
    QVERIFY(!timer.isWarning());
    clock.advanceMs(1);
    timer.check();
    QCOMPARE(warning.count(), 1);
    QCOMPARE(warning.first().first().toInt(), 60);
    QVERIFY(timer.isWarning());
}

void TestInactivityTimer::inputDuringTheWarningCancelsIt()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy warning(&timer, &InactivityTimer::warning);
    QSignalSpy cancelled(&timer, &InactivityTimer::warningCancelled);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceMs(kLimitMs - 18'000);
    timer.check();
    QCOMPARE(warning.count(), 1);
    QCOMPARE(warning.first().first().toInt(), 18);
    timer.noteActivity();
    QCOMPARE(cancelled.count(), 1); // at once, not at the next tick
    QVERIFY(!timer.isWarning());
    clock.advanceMs(18'000);
    timer.check();
    QCOMPARE(timedOut.count(), 0);
    // A second input outside a warning cancels nothing.
    timer.noteActivity();
    QCOMPARE(cancelled.count(), 1);
}

void TestInactivityTimer::countdownCountsWholeSeconds()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy warning(&timer, &InactivityTimer::warning);
    timer.start();
    clock.advanceMs(kLimitMs - 42'500);
    timer.check();
    clock.advanceMs(200); // 42.3 s left: still shows 43
    timer.check();
    clock.advanceMs(300); // 42 s left
    timer.check();
    clock.advanceMs(1000);
    timer.check();
    QList<int> shown;
    for (const QList<QVariant>& args : warning)
        shown.append(args.first().toInt());
    QCOMPARE(shown, (QList<int>{43, 42, 41}));
}

void TestInactivityTimer::sleepPastTheLimitSignsOutAtOnce()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy warning(&timer, &InactivityTimer::warning);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceMs(60'000);
    clock.advanceWallOnlyMs(60 * 60'000); // an hour in suspend: monotonic time stood still
    timer.check();
    QCOMPARE(timedOut.count(), 1);
    QCOMPARE(warning.count(), 0); // no countdown for a limit long past
}

void TestInactivityTimer::wallClockSetBackDoesNotExtend()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceWallOnlyMs(-3 * 60 * 60'000);
    clock.advanceMs(kLimitMs);
    timer.check();
    QCOMPARE(timedOut.count(), 1);
}

void TestInactivityTimer::stoppedTimerSaysNothing()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    QSignalSpy warning(&timer, &InactivityTimer::warning);
    timer.check(); // never started: signed out of Team Sharing
    timer.start();
    timer.stop();
    clock.advanceMs(2 * kLimitMs);
    timer.noteActivity();
    timer.check();
    QCOMPARE(timedOut.count(), 0);
    QCOMPARE(warning.count(), 0);
    // Starting again counts from now.
    timer.start();
    clock.advanceMs(kLimitMs - 1);
    timer.check();
    QCOMPARE(timedOut.count(), 0);
}

void TestInactivityTimer::shortLimitWarnsAtHalfTime()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    timer.setLimit(1min);
    QCOMPARE(timer.warningLead(), 30s);
    QSignalSpy warning(&timer, &InactivityTimer::warning);
    timer.start();
    clock.advanceMs(29'999);
    timer.check();
    QCOMPARE(warning.count(), 0);
    clock.advanceMs(1);
    timer.check();
    QCOMPARE(warning.count(), 1);
    QCOMPARE(warning.first().first().toInt(), 30);
    timer.setLimit(2min);
    QCOMPARE(timer.warningLead(), 60s);
}

void TestInactivityTimer::realTickChecksByItself()
{
    // With the clock already past the limit, nobody calls check(): the armed tick does.
    ManualClock clock;
    InactivityTimer timer(clock);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceMs(kLimitMs);
    QVERIFY(timedOut.wait(InactivityTimer::kSleepWatchInterval.count() + 2000));
    QCOMPARE(timedOut.count(), 1);
}

QTEST_GUILESS_MAIN(TestInactivityTimer)
#include "TestInactivityTimer.moc"
