// The sync engine in the app as main() builds it, against the real conclave-server: after
// sign-in TeamSharingController makes and starts a SyncEngine over the app's account client
// and data folder and announces it; at every kind of sign-out (the user's, the inactivity
// one, the server ending the session, another server chosen in the settings) the engine is
// announced as stopped and destroyed at once, with its folder keys and decrypted items, and
// engine() is null; signing in again starts a new engine that holds the shared folder from
// its cache.
#include "ApiClient.h"
#include "AppSharingServer.h"
#include "ServerAccounts.h"

#include "app/Application.h"
#include "core/policy/InactivityTimer.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/SyncEngine.h"
#include "core/util/Clock.h"
#include "ui/MainWindow.h"
#include "ui/TeamSharingController.h"

#include <QApplication>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Conclave;
using namespace Conclave::Core;

namespace {

enum class Ending
{
    User,
    Inactivity,
    ServerEndsSession,
    OtherServer,
};

template<typename T, typename Start> std::optional<Result<T>> awaitResult(Start start)
{
    std::optional<Result<T>> result;
    QObject context;
    start(&context, [&result](Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
        return std::nullopt;
    return result;
}

} // namespace

Q_DECLARE_METATYPE(Ending)

class TestEngineComposition : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void engineLivesAsLongAsTheSession_data();
    void engineLivesAsLongAsTheSession();
    void memberWorkFailureIsShown();

private:
    bool signUp(Gui::Application& root, const QString& email);
    bool signIn(Gui::Application& root, const QString& email);

    AppSharingServer m_app;
};

void TestEngineComposition::initTestCase()
{
    QVERIFY(m_app.start(QStringLiteral("TestEngineComposition"), QStringLiteral("engine.example.com")));
}

void TestEngineComposition::cleanupTestCase()
{
    m_app.stop();
}

void TestEngineComposition::init()
{
    m_app.newRun();
}

bool TestEngineComposition::signUp(Gui::Application& root, const QString& email)
{
    return m_app.signUp(root, email, QStringLiteral("Engine"), SecureBytes("engine password", 15), this);
}

bool TestEngineComposition::signIn(Gui::Application& root, const QString& email)
{
    return m_app.signIn(root, email, SecureBytes("engine password", 15), this);
}

void TestEngineComposition::engineLivesAsLongAsTheSession_data()
{
    QTest::addColumn<Ending>("ending");
    QTest::newRow("user signs out") << Ending::User;
    QTest::newRow("inactivity sign-out") << Ending::Inactivity;
    QTest::newRow("server ends the session") << Ending::ServerEndsSession;
    QTest::newRow("another server chosen") << Ending::OtherServer;
}

void TestEngineComposition::engineLivesAsLongAsTheSession()
{
    QFETCH(Ending, ending);
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    Gui::TeamSharingController* sharing = root.teamSharing();
    QVERIFY(sharing);
    QVERIFY(!sharing->engine());

    const QString email = ServerAccounts::uniqueEmail("engine", m_app.domain());
    QVERIFY(signUp(root, email));
    QSignalSpy started(sharing, &Gui::TeamSharingController::engineStarted);
    QSignalSpy stopped(sharing, &Gui::TeamSharingController::engineStopped);
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
    QPointer<SyncEngine> engine = sharing->engine();
    QVERIFY(engine);
    QCOMPARE(started.first().first().value<SyncEngine*>(), engine.data());
    QVERIFY(engine->isStarted());

    // Something worth wiping: a folder key and a decrypted item.
    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        engine->createFolder(QUuid::fromString(m_app.orgId()), QStringLiteral("Team Databases"), c, done);
    });
    QVERIFY(folder && folder->ok());
    const auto item = awaitResult<QUuid>([&](QObject* c, auto done) {
        engine->writeItem(folder->value(), {}, QByteArrayLiteral("{\"format\":\"conclave.connection\"}"), c,
                          done);
    });
    QVERIFY(item && item->ok());
    QVERIFY(engine->itemPlaintext(folder->value(), item->value()));

    // Whoever follows the signal finds engine() already null and the engine still there.
    bool nullDuringSignal = false;
    bool aliveDuringSignal = false;
    const QMetaObject::Connection watch =
        connect(sharing, &Gui::TeamSharingController::engineStopped, this, [&] {
            nullDuringSignal = sharing->engine() == nullptr;
            aliveDuringSignal = !engine.isNull();
        });
    // Gone with this function: the locals it reads die here, the controller lives on.
    const auto unwatch = qScopeGuard([&] { disconnect(watch); });

    switch (ending) {
    case Ending::User:
        sharing->signOut();
        // Destroyed within the sign-out itself, not at a later turn of the event loop.
        QVERIFY(engine.isNull());
        break;
    case Ending::Inactivity:
        clock.advanceMs(qint64(root.inactivityTimer()->limit().count()));
        root.inactivityTimer()->check();
        QVERIFY(engine.isNull());
        break;
    case Ending::ServerEndsSession: {
        const QString token = QString::fromLatin1(root.accountClient()->api().token().view().toByteArray());
        ApiClient raw(m_app.server().baseUrl());
        QCOMPARE(raw.del(QStringLiteral("/api/v1/sessions/current"), token).status, 200);
        // The engine's next request is answered 401 and the app signs out.
        sharing->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(engine.isNull(), 30000);
        QVERIFY(!root.accountClient()->isSignedIn());
        break;
    }
    case Ending::OtherServer:
        emit root.window()->sharingServerChosen(QUrl(QStringLiteral("https://sync.example.org")));
        QVERIFY(engine.isNull());
        QCOMPARE(sharing->client(), root.accountClient());
        break;
    }
    QCOMPARE(stopped.count(), 1);
    QVERIFY(nullDuringSignal);
    QVERIFY(aliveDuringSignal);
    QVERIFY(!sharing->engine());
    if (ending == Ending::OtherServer)
        return; // the other server does not exist; the account lives on the first one

    // A new session, a new engine: it holds the shared folder again, from its cache.
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 30000);
    SyncEngine* again = sharing->engine();
    QVERIFY(again);
    QVERIFY(again->folderIds().contains(folder->value()));
    QTRY_VERIFY_WITH_TIMEOUT(again->itemPlaintext(folder->value(), item->value()), 30000);
    QCOMPARE(again->folderName(folder->value()), QStringLiteral("Team Databases"));
}

// A rotation or key grant the engine makes on its own that fails reaches the status bar in
// words, with the folder's name.
void TestEngineComposition::memberWorkFailureIsShown()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    Gui::Application root(*app, true);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    Gui::TeamSharingController* sharing = root.teamSharing();
    const QString email = ServerAccounts::uniqueEmail("work", m_app.domain());
    QVERIFY(signUp(root, email));
    QSignalSpy started(sharing, &Gui::TeamSharingController::engineStarted);
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
    SyncEngine* engine = sharing->engine();
    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        engine->createFolder(QUuid::fromString(m_app.orgId()), QStringLiteral("Billing"), c, done);
    });
    QVERIFY(folder && folder->ok());
    emit engine->memberWorkFailed(folder->value(), QStringLiteral("The sharing server has a problem."));
    const QString shown = root.window()->statusBar()->currentMessage();
    QVERIFY2(shown.contains(QStringLiteral("“Billing”")) &&
                 shown.contains(QStringLiteral("The sharing server has a problem.")),
             qPrintable(shown));
    sharing->signOut();
}

QTEST_MAIN(TestEngineComposition)
#include "TestEngineComposition.moc"
