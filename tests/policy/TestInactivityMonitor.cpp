// Tests InactivityMonitor with real input events (QTest, offscreen): a key press, a mouse
// click, a mouse move and a wheel turn in any widget of the application count as input and
// reset the inactivity timer; a "move" to the same place and events that are not input do
// not; a key press during the warning cancels it.
#include "core/policy/InactivityTimer.h"
#include "ui/InactivityMonitor.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {
constexpr qint64 kLimitMs = 15 * 60'000;
}

class TestInactivityMonitor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void inputResetsTheTimer_data();
    void inputResetsTheTimer();
    void nonInputDoesNot();
    void keyPressCancelsTheWarning();
    void inputInASecondWindowCounts();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<InactivityTimer> m_timer;
    std::unique_ptr<InactivityMonitor> m_monitor;
    std::unique_ptr<QWidget> m_window;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_button = nullptr;
};

void TestInactivityMonitor::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_timer = std::make_unique<InactivityTimer>(*m_clock);
    m_monitor = std::make_unique<InactivityMonitor>(m_timer.get());
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_edit = new QLineEdit(m_window.get());
    m_button = new QPushButton(QStringLiteral("Button"), m_window.get());
    layout->addWidget(m_edit);
    layout->addWidget(m_button);
    m_window->resize(300, 120);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_timer->start();
}

void TestInactivityMonitor::cleanup()
{
    m_window.reset();
    m_monitor.reset();
    m_timer.reset();
    m_clock.reset();
}

void TestInactivityMonitor::inputResetsTheTimer_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("key press") << QStringLiteral("key");
    QTest::newRow("shortcut key") << QStringLiteral("shortcut");
    QTest::newRow("mouse click") << QStringLiteral("click");
    QTest::newRow("mouse move") << QStringLiteral("move");
    QTest::newRow("wheel") << QStringLiteral("wheel");
    QTest::newRow("touch") << QStringLiteral("touch");
}

void TestInactivityMonitor::inputResetsTheTimer()
{
    QFETCH(QString, input);
    QSignalSpy timedOut(m_timer.get(), &InactivityTimer::timedOut);
    m_clock->advanceMs(kLimitMs - 1);
    const int before = m_monitor->inputCount();
    if (input == QStringLiteral("key")) {
        QTest::keyClick(m_edit, Qt::Key_A);
    } else if (input == QStringLiteral("shortcut")) {
        QTest::keyClick(m_edit, Qt::Key_A, Qt::ControlModifier);
    } else if (input == QStringLiteral("click")) {
        QTest::mouseClick(m_button, Qt::LeftButton);
    } else if (input == QStringLiteral("move")) {
        QTest::mouseMove(m_button, QPoint(5, 5));
        QTest::mouseMove(m_button, QPoint(20, 8));
    } else if (input == QStringLiteral("touch")) {
        static QPointingDevice* s_touchscreen = QTest::createTouchDevice();
        QTest::touchEvent(m_button, s_touchscreen).press(0, QPoint(5, 5));
        QTest::touchEvent(m_button, s_touchscreen).release(0, QPoint(5, 5));
    } else {
        const QPointF at(10, 10);
        QWheelEvent wheel(at, m_edit->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_edit, &wheel);
    }
    QVERIFY2(m_monitor->inputCount() > before, qPrintable(input));
    QCOMPARE(m_timer->idle(), std::chrono::milliseconds(0));
    m_clock->advanceMs(kLimitMs - 1);
    m_timer->check();
    QCOMPARE(timedOut.count(), 0); // the count started again at the input
    m_clock->advanceMs(1);
    m_timer->check();
    QCOMPARE(timedOut.count(), 1);
}

void TestInactivityMonitor::nonInputDoesNot()
{
    QSignalSpy timedOut(m_timer.get(), &InactivityTimer::timedOut);
    const QPointF at(7, 9);
    QMouseEvent moved(QEvent::MouseMove, at, m_button->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(m_button, &moved);
    QCoreApplication::processEvents();
    m_clock->advanceMs(kLimitMs - 1);
    const int before = m_monitor->inputCount();
    QVERIFY(before > 0);
    // The pointer "moving" to where it already is, a repaint, a resize, focus changes.
    QMouseEvent still(QEvent::MouseMove, at, m_button->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(m_button, &still);
    m_button->update();
    m_window->resize(320, 140);
    m_edit->setFocus();
    QCoreApplication::processEvents();
    QCOMPARE(m_monitor->inputCount(), before);
    m_clock->advanceMs(1);
    m_timer->check();
    QCOMPARE(timedOut.count(), 1);
}

void TestInactivityMonitor::keyPressCancelsTheWarning()
{
    QSignalSpy warning(m_timer.get(), &InactivityTimer::warning);
    QSignalSpy cancelled(m_timer.get(), &InactivityTimer::warningCancelled);
    m_clock->advanceMs(kLimitMs - 30'000);
    m_timer->check();
    QCOMPARE(warning.count(), 1);
    QTest::keyClick(m_edit, Qt::Key_Space);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!m_timer->isWarning());
}

void TestInactivityMonitor::inputInASecondWindowCounts()
{
    QWidget other;
    auto* edit = new QLineEdit(&other);
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    m_clock->advanceMs(kLimitMs - 1);
    QTest::keyClick(edit, Qt::Key_B);
    QCOMPARE(m_timer->idle(), std::chrono::milliseconds(0));
}

QTEST_MAIN(TestInactivityMonitor)
#include "TestInactivityMonitor.moc"
