// Tests InactivityWarningDialog offscreen: it appears with the countdown when the timer warns,
// counts down, disappears on input and at the sign-out, "Stay signed in" restarts the count,
// and the German translation is complete for it.
#include "core/policy/InactivityTimer.h"
#include "translations/Translations.h"
#include "ui/InactivityWarningDialog.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {
constexpr qint64 kLimitMs = 15 * 60'000;
}

class TestInactivityWarningDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheCountdown();
    void inputHidesIt();
    void staySignedInRestartsTheCount();
    void hidesAtTheSignOut();
    void german();
};

void TestInactivityWarningDialog::showsTheCountdown()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    InactivityWarningDialog dialog(&timer);
    timer.start();
    clock.advanceMs(kLimitMs - 61'000);
    timer.check();
    QVERIFY(!dialog.isVisible());
    clock.advanceMs(1000);
    timer.check();
    QVERIFY(dialog.isVisible());
    QVERIFY2(
        dialog.message().contains(QStringLiteral("in 1:00 because there was no keyboard or mouse input")),
        qPrintable(dialog.message()));
    clock.advanceMs(18'000);
    timer.check();
    QVERIFY2(dialog.message().contains(QStringLiteral("in 0:42")), qPrintable(dialog.message()));
    QVERIFY(!dialog.isModal());
}

void TestInactivityWarningDialog::inputHidesIt()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    InactivityWarningDialog dialog(&timer);
    timer.start();
    clock.advanceMs(kLimitMs - 30'000);
    timer.check();
    QVERIFY(dialog.isVisible());
    timer.noteActivity();
    QVERIFY(!dialog.isVisible());
}

void TestInactivityWarningDialog::staySignedInRestartsTheCount()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    InactivityWarningDialog dialog(&timer);
    QSignalSpy timedOut(&timer, &InactivityTimer::timedOut);
    timer.start();
    clock.advanceMs(kLimitMs - 5'000);
    timer.check();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* stay = dialog.findChild<QPushButton*>(QStringLiteral("staySignedIn"));
    QVERIFY(stay);
    QTest::mouseClick(stay, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QVERIFY(!timer.isWarning());
    clock.advanceMs(kLimitMs - 1);
    timer.check();
    QCOMPARE(timedOut.count(), 0);
}

void TestInactivityWarningDialog::hidesAtTheSignOut()
{
    ManualClock clock;
    InactivityTimer timer(clock);
    InactivityWarningDialog dialog(&timer);
    timer.start();
    clock.advanceMs(kLimitMs - 1000);
    timer.check();
    QVERIFY(dialog.isVisible());
    clock.advanceMs(1000);
    timer.check();
    QVERIFY(!dialog.isVisible());
}

void TestInactivityWarningDialog::german()
{
    QCOMPARE(Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
    ManualClock clock;
    InactivityTimer timer(clock);
    InactivityWarningDialog dialog(&timer);
    dialog.showCountdown(42);
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Sie werden in 0:42 von Team Sharing abgemeldet")),
             qPrintable(dialog.message()));
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("staySignedIn"))->text(),
             QStringLiteral("&Angemeldet bleiben"));
}

QTEST_MAIN(TestInactivityWarningDialog)
#include "TestInactivityWarningDialog.moc"
