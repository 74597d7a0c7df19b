// TeamSharingEnabled=false in the machine policy: the app started next to a listener on
// loopback, with the user's server URL pointing at it, sends it nothing — not during start,
// not through an hour of injected idle time, not for sign-in and sign-up attempts — and there
// is no Team Sharing entry in the window. With a host name as the server, the gate refuses
// before any lookup: the attempt fails with the gate's sentence, never with "host not found"
// or "connection refused". The control row without the policy shows the same attempt does
// reach the listener, so the test can fail.
#include "app/Application.h"
#include "core/policy/InactivityTimer.h"
#include "core/policy/SharingGate.h"
#include "core/policy/UserSharingSettings.h"
#include "core/sync/AccountClient.h"
#include "core/util/Clock.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Conclave;
using namespace Conclave::Core;

class TestSharingOffNoTraffic : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noConnectionAttempt_data();
    void noConnectionAttempt();

private:
    QTemporaryDir m_dirs;
    int m_runs = 0;
};

void TestSharingOffNoTraffic::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("CONCLAVE_KEYCHAIN", "memory");
    // The names Application sets, so that the settings written here are the ones it reads.
    QCoreApplication::setOrganizationName(QStringLiteral("Conclave"));
    QCoreApplication::setApplicationName(QStringLiteral("Conclave"));
}

void TestSharingOffNoTraffic::noConnectionAttempt_data()
{
    QTest::addColumn<bool>("policyOff");
    QTest::addColumn<QString>("host");
    QTest::newRow("off, loopback address") << true << QStringLiteral("127.0.0.1");
    QTest::newRow("off, host name") << true << QStringLiteral("localhost");
    // Had anything looked this name up, the attempt would end "cannot be reached" (host not
    // found) instead of with the gate's sentence.
    QTest::newRow("off, unresolvable host name") << true << QStringLiteral("sharing.invalid");
    QTest::newRow("control: on, loopback address") << false << QStringLiteral("127.0.0.1");
}

void TestSharingOffNoTraffic::noConnectionAttempt()
{
    QFETCH(bool, policyOff);
    QFETCH(QString, host);
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&listener, &QTcpServer::newConnection);
    const QUrl server(QStringLiteral("http://%1:%2").arg(host).arg(listener.serverPort()));

    const QString run = m_dirs.filePath(QString::number(++m_runs));
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, run + QStringLiteral("/system"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, run + QStringLiteral("/user"));
    if (policyOff) {
        QVERIFY(QDir().mkpath(run + QStringLiteral("/system/Conclave")));
        QFile policy(run + QStringLiteral("/system/Conclave/policy.conf"));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write("TeamSharingEnabled=false\n");
    }
    {
        QSettings settings;
        UserSharingSettings user;
        user.serverUrl = server;
        user.save(settings);
    }

    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    QCOMPARE(root.sharingGate()->isOpen(), !policyOff);
    QCOMPARE(bool(root.window()->findChild<QMenu*>(QStringLiteral("menuTeamSharing"))), !policyOff);
    QCOMPARE(bool(root.window()->findChild<QAction*>(QStringLiteral("actionTeamSharing"))), !policyOff);

    // An hour without input.
    for (int minute = 0; minute < 60; ++minute) {
        clock.advanceMs(60 * 1000);
        root.inactivityTimer()->check();
    }

    // Sign-in and sign-up attempts, as a script or a stray code path might make them.
    AccountClient* client = root.accountClient();
    std::optional<Status> signedIn;
    client->signIn(QStringLiteral("someone@example.org"), SecureBytes("password", 8), this,
                   [&](Status s) { signedIn = s; });
    if (!policyOff) {
        QVERIFY(connected.wait(5000)); // the control: the same attempt does reach the listener
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 5000);
    QVERIFY(!signedIn->ok());
    QCOMPARE(signedIn->error().code, ErrorCode::Denied);
    QCOMPARE(signedIn->error().message,
             QStringLiteral("Team Sharing is turned off on this computer by its "
                            "administrator; Conclave connects to no sharing server."));
    std::optional<Status> signedUp;
    client->signUp(QStringLiteral("someone@example.org"), QStringLiteral("Someone"),
                   SecureBytes("password", 8), this, [&](Status s) { signedUp = s; });
    QTRY_VERIFY_WITH_TIMEOUT(signedUp.has_value(), 5000);
    QCOMPARE(signedUp->error().message, signedIn->error().message);
    QVERIFY(root.sharingGate()->refusedCount() >= 2);

    // A connection attempt would be in the listen backlog by now.
    QVERIFY(!listener.waitForNewConnection(300));
    QCOMPARE(connected.count(), 0);
    QVERIFY(!listener.hasPendingConnections());
}

QTEST_MAIN(TestSharingOffNoTraffic)
#include "TestSharingOffNoTraffic.moc"
