// The inactivity sign-out in the app as main() builds it, against the real conclave-server,
// on an injected clock: signed in through the app's account client, the app is still signed in
// a millisecond before the limit and signed out at it; then the server session is revoked (the
// old token gets 401 from the server), the keys are wiped (the secure buffers are empty), the
// sign-in dialog shows with the reason, and local connections keep working. A machine that
// sleeps past the limit is signed out on waking, although the monotonic clock did not move. A
// shorter sign-out time chosen in the settings takes effect at once.
#include "ApiClient.h"
#include "AppSharingServer.h"
#include "ServerAccounts.h"

#include "app/Application.h"
#include "core/policy/InactivityTimer.h"
#include "core/policy/UserSharingSettings.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/util/Clock.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/SignInDialog.h"
#include "ui/TeamSharingController.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace Conclave;
using namespace Conclave::Core;

class TestInactivitySignOut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void signsOutAtTheLimitAndRevokes();
    void sleepPastTheLimitSignsOutOnWake();
    void serverChosenInTheSettings();
    void timeoutChosenInTheSettings();

private:
    // Signs up, verifies and signs in through the app's own client; the session token.
    QString signIn(Gui::Application& root);

    AppSharingServer m_app;
};

void TestInactivitySignOut::initTestCase()
{
    QVERIFY(m_app.start(QStringLiteral("TestInactivitySignOut")));
}

void TestInactivitySignOut::cleanupTestCase()
{
    m_app.stop();
}

void TestInactivitySignOut::init()
{
    m_app.newRun();
}

QString TestInactivitySignOut::signIn(Gui::Application& root)
{
    const QString email = ServerAccounts::uniqueEmail("idle");
    const SecureBytes password("idle password", 13);
    if (!m_app.signUp(root, email, QStringLiteral("Idle"), password, this) ||
        !m_app.signIn(root, email, password, this))
        return {};
    return QString::fromLatin1(root.accountClient()->api().token().view().toByteArray());
}

void TestInactivitySignOut::signsOutAtTheLimitAndRevokes()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    QVERIFY(root.teamSharing());
    QVERIFY(root.window()->findChild<QMenu*>(QStringLiteral("menuTeamSharing")));

    const QString token = signIn(root);
    QVERIFY(!token.isEmpty());
    AccountClient* client = root.accountClient();
    InactivityTimer* timer = root.inactivityTimer();
    QVERIFY(timer->isRunning());
    QCOMPARE(timer->limit(), std::chrono::milliseconds(15 * 60 * 1000));
    QVERIFY(client->holdsKeys());
    const SecureBytes& accountKey = client->accountKey();
    QCOMPARE(accountKey.size(), std::size_t(32));
    ApiClient raw(m_app.server().baseUrl());
    QCOMPARE(raw.get(QStringLiteral("/api/v1/account"), token).status, 200);

    // Not a moment before the limit.
    clock.advanceMs(15 * 60 * 1000 - 1);
    timer->check();
    QVERIFY(client->isSignedIn());
    clock.advanceMs(1);
    timer->check();
    QVERIFY(!client->isSignedIn());

    // The keys are gone from memory (the buffers are wiped and released) ...
    QVERIFY(accountKey.isEmpty());
    QVERIFY(accountKey.data() == nullptr);
    QVERIFY(!client->userKeys());
    QVERIFY(!client->holdsKeys());
    QVERIFY(!client->api().hasToken());
    // ... the server no longer accepts the session ...
    QTRY_COMPARE_WITH_TIMEOUT(raw.get(QStringLiteral("/api/v1/account"), token).status, 401, 10000);
    // ... the sign-in dialog asks again and says why ...
    Gui::SignInDialog* dialog = root.teamSharing()->signInDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY2(
        dialog->message().startsWith(QStringLiteral("You were signed out of Team Sharing after 15 minutes")),
        qPrintable(dialog->message()));
    QVERIFY(!timer->isRunning());
    // ... and local connections keep working.
    const int before = root.repository()->folderCount();
    root.window()->findChild<QAction*>(QStringLiteral("actionNewFolder"))->trigger();
    QCOMPARE(root.repository()->folderCount(), before + 1);
}

void TestInactivitySignOut::sleepPastTheLimitSignsOutOnWake()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    const QString token = signIn(root);
    QVERIFY(!token.isEmpty());
    // The lid closes for 20 minutes: the monotonic clock stands still, the wall clock moves.
    clock.advanceWallOnlyMs(20 * 60 * 1000);
    QVERIFY(root.accountClient()->isSignedIn());
    // Waking: InactivityMonitor asks the timer at once when the application becomes active
    // again (tests/policy/TestInactivityMonitor); here the check it makes.
    root.inactivityTimer()->check();
    QVERIFY(!root.accountClient()->isSignedIn());
    QVERIFY(!root.accountClient()->holdsKeys());
    ApiClient raw(m_app.server().baseUrl());
    QTRY_COMPARE_WITH_TIMEOUT(raw.get(QStringLiteral("/api/v1/account"), token).status, 401, 10000);
}

void TestInactivitySignOut::serverChosenInTheSettings()
{
    // Not the inactivity sign-out: the server chosen in the settings dialog is the one the
    // rebuilt sharing parts talk to, and it is kept for the next start.
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    Gui::Application root(*app, true);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    QCOMPARE(root.accountClient()->api().server(), QUrl(m_app.server().baseUrl()));
    root.window()->showSettings();
    auto* dialog = root.window()->findChild<Gui::SettingsDialog*>();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit*>(QStringLiteral("sharingServer"))
        ->setText(QStringLiteral("https://sync.example.org"));
    dialog->accept();
    QCOMPARE(root.accountClient()->api().server(), QUrl(QStringLiteral("https://sync.example.org")));
    QCOMPARE(root.teamSharing()->client(), root.accountClient());
    QSettings settings;
    QCOMPARE(UserSharingSettings::load(settings).serverUrl, QUrl(QStringLiteral("https://sync.example.org")));
}

void TestInactivitySignOut::timeoutChosenInTheSettings()
{
    // A shorter sign-out time chosen in the settings while signed in: the running timer takes
    // it at once, the sign-out comes at the new limit and not a moment before, and the choice
    // is kept for the next start.
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    QVERIFY(!signIn(root).isEmpty());
    InactivityTimer* timer = root.inactivityTimer();
    QCOMPARE(timer->limit(), std::chrono::milliseconds(15 * 60 * 1000));
    root.window()->showSettings();
    auto* dialog = root.window()->findChild<Gui::SettingsDialog*>();
    QVERIFY(dialog);
    auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("inactivityTimeout"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 15);
    spin->setValue(5);
    dialog->accept();
    QCOMPARE(timer->limit(), std::chrono::milliseconds(5 * 60 * 1000));
    QSettings settings;
    QCOMPARE(UserSharingSettings::load(settings).inactivityTimeoutMinutes, 5);
    QCOMPARE(root.sharingSettings()->inactivityTimeoutMinutes().value, 5);

    clock.advanceMs(5 * 60 * 1000 - 1);
    timer->check();
    QVERIFY(root.accountClient()->isSignedIn());
    clock.advanceMs(1);
    timer->check();
    QVERIFY(!root.accountClient()->isSignedIn());
    Gui::SignInDialog* signInDialog = root.teamSharing()->signInDialog();
    QVERIFY(signInDialog);
    QVERIFY2(signInDialog->message().startsWith(
                 QStringLiteral("You were signed out of Team Sharing after 5 minutes")),
             qPrintable(signInDialog->message()));
}

QTEST_MAIN(TestInactivitySignOut)
#include "TestInactivitySignOut.moc"
