// The policy rules that act inside a running Team Sharing session, in the app as main()
// builds it, against the real conclave-server, on an injected clock:
// - an organisation block set while the app is signed in and syncing ends the session at once
//   (the server revokes it with the block): the engine, its keys and decrypted items go, the
//   shared rows leave the tree and the sign-in dialog asks again; the next sign-in is refused
//   with the administrators' reason and nothing shared stays on the computer (the cache file,
//   the user's own credentials for shared connections in the keychain); once the block is
//   lifted the address is verified again and the folders come back;
// - the same refused sign-in after a restart of the app (no session held the items in
//   memory): the user's own credentials for the items the local copy held go all the same;
// - a block the engine reads itself (the feed, a refused request) ends the session with the
//   administrators' reason in the sign-in dialog;
// - an editor of a shared connection open with an unsaved change when the inactivity limit
//   passes: the change is kept as a sealed draft (in the cache file's outbox, not in clear),
//   and it reaches the server after the next sign-in.
#include "AppSharingServer.h"
#include "ServerAccounts.h"
#include "SharingDevice.h"

#include "app/Application.h"
#include "core/keychain/SecretStore.h"
#include "core/keychain/SharedCredentials.h"
#include "core/model/SharedConnection.h"
#include "core/policy/InactivityTimer.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngine.h"
#include "core/util/Clock.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "ui/TeamSharingController.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave;
using namespace Conclave::Core;

namespace {

constexpr const char* kPassword = "session policy password";

// Every byte of the account's cache file and its SQLite side files.
QByteArray cacheBytes(const QString& path)
{
    QByteArray all;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

bool cacheExists(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        if (QFile::exists(path + suffix))
            return true;
    }
    return false;
}

std::optional<Result<SecureBytes>> readEntry(SecretStore* store, const QString& key)
{
    std::optional<Result<SecureBytes>> read;
    QObject context;
    store->readEntry(key, &context, [&read](Result<SecureBytes> value) { read.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return read.has_value(); }, 30000))
        return std::nullopt;
    return read;
}

} // namespace

class TestSessionPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void blockInARunningSession();
    void blockSeenByTheEngineEndsTheSession();
    void blockAfterARestartWipesTheCredentials();
    void draftSurvivesTheInactivitySignOut();

private:
    bool signUp(Gui::Application& root, const QString& email);
    bool signIn(Gui::Application& root, const QString& email);
    // A shared folder with one connection named `name`, written through the app's engine.
    bool shareOne(Gui::Application& root, const QString& name, QUuid* folderId, QUuid* itemId);
    QString cachePath(Gui::Application& root) const;

    AppSharingServer m_app;
};

void TestSessionPolicy::initTestCase()
{
    QVERIFY(m_app.start(QStringLiteral("TestSessionPolicy"), QStringLiteral("policy.example.com"),
                        {QStringLiteral("resendPerAccount=100")}));
}

void TestSessionPolicy::cleanupTestCase()
{
    m_app.stop();
}

void TestSessionPolicy::init()
{
    m_app.newRun();
}

bool TestSessionPolicy::signUp(Gui::Application& root, const QString& email)
{
    return m_app.signUp(root, email, QStringLiteral("Policy"), securePassword(kPassword), this);
}

bool TestSessionPolicy::signIn(Gui::Application& root, const QString& email)
{
    return m_app.signIn(root, email, securePassword(kPassword), this);
}

bool TestSessionPolicy::shareOne(Gui::Application& root, const QString& name, QUuid* folderId, QUuid* itemId)
{
    SyncEngine* engine = root.teamSharing()->engine();
    if (!engine)
        return false;
    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        engine->createFolder(QUuid::fromString(m_app.orgId()), QStringLiteral("Team Databases"), c, done);
    });
    if (!folder || !folder->ok())
        return false;
    Connection orders;
    orders.id = QUuid::createUuid();
    orders.name = name;
    orders.kind = ConnectionKind::PostgreSQL;
    orders.hosts = {{QStringLiteral("orders.db.internal"), 5432}};
    const SharedConnection shared = SharedConnection::fromConnection(
        orders, {}, root.accountClient()->account().userId, QDateTime::currentDateTimeUtc());
    const auto item = awaitResult<QUuid>(
        [&](QObject* c, auto done) { engine->writeItem(folder->value(), {}, shared.encode(), c, done); });
    if (!item || !item->ok())
        return false;
    *folderId = folder->value();
    *itemId = item->value();
    return true;
}

QString TestSessionPolicy::cachePath(Gui::Application& root) const
{
    const AccountClient* client = root.accountClient();
    return LocalCache(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                          QStringLiteral("/team-sharing"),
                      client->account().userId, client->api().server(), client->account().email)
        .path();
}

void TestSessionPolicy::blockInARunningSession()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    Gui::TeamSharingController* sharing = root.teamSharing();
    QVERIFY(sharing);
    const QString email = ServerAccounts::uniqueEmail("blocked", m_app.domain());
    QVERIFY(signUp(root, email));
    QSignalSpy started(sharing, &Gui::TeamSharingController::engineStarted);
    QSignalSpy stopped(sharing, &Gui::TeamSharingController::engineStopped);
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);

    // Signed in and syncing: a shared connection in the tree, the user's own password for it
    // in the keychain, the folder in the cache file, the key in memory.
    QUuid folderId;
    QUuid itemId;
    QVERIFY(shareOne(root, QStringLiteral("Orders (blocked)"), &folderId, &itemId));
    Gui::ConnectionTreeModel* model = root.window()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->sharedFolderIds().contains(folderId), 30000);
    const QString credential = SharedCredentials::entryKey(folderId, itemId, SharedCredential::Password);
    std::optional<Status> stored;
    root.secrets()->writeEntry(credential, securePassword("own db password"), this,
                               [&](Status s) { stored = s; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 30000);
    QVERIFY(stored->ok());
    const QString cache = cachePath(root);
    QVERIFY(cacheExists(cache));
    QPointer<SyncEngine> engine = sharing->engine();
    QVERIFY(engine);
    const SecureBytes& accountKey = root.accountClient()->accountKey();
    QCOMPARE(accountKey.size(), std::size_t(32));

    // The administrator blocks the user on the server.
    QString blockId;
    QCOMPARE(m_app.server().admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), m_app.orgId(),
                                   QStringLiteral("--email"), email, QStringLiteral("--reason"),
                                   QStringLiteral("Access ends with the contract.")},
                                  &blockId),
             0);
    blockId = blockId.trimmed();
    // The next contact (a scheduled sync, as here, or the live channel closing): the server
    // no longer knows the session, so the app ends it at once.
    sharing->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!root.accountClient()->isSignedIn(), 30000);
    QCOMPARE(stopped.count(), 1);
    QVERIFY(engine.isNull()); // the folder keys and decrypted items went with it
    QVERIFY(accountKey.isEmpty());
    QVERIFY(accountKey.data() == nullptr);
    QVERIFY(!root.accountClient()->holdsKeys());
    QVERIFY(model->sharedFolderIds().isEmpty());
    QPointer<Gui::SignInDialog> dialog = sharing->signInDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // Signing in again is refused with the administrators' reason, and nothing shared is
    // left: not the cache file, not the user's own credentials in the keychain.
    dialog->setEmail(email);
    dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QString::fromLatin1(kPassword));
    QSignalSpy blocked(dialog, &Gui::SignInDialog::sharingBlocked);
    dialog->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(blocked.count(), 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QVERIFY2(dialog->message().contains(QStringLiteral("Access ends with the contract.")),
             qPrintable(dialog->message()));
    QVERIFY(!root.accountClient()->isSignedIn());
    QCOMPARE(started.count(), 1);
    QVERIFY(!cacheExists(cache));
    const auto credentialRead = readEntry(root.secrets(), credential);
    QVERIFY(credentialRead);
    QVERIFY(!credentialRead->ok());
    QCOMPARE(credentialRead->error().code, ErrorCode::NotFound);

    // Lifted: the next sign-in asks for the address to be verified again, and then the
    // folder comes back from the server (a first sync from the start of the feed, past the
    // old block), without the user's own password, which went with the block.
    QCOMPARE(m_app.server().admin({QStringLiteral("unblock-sharing"), QStringLiteral("--org"), m_app.orgId(),
                                   QStringLiteral("--block"), blockId}),
             0);
    dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QString::fromLatin1(kPassword));
    dialog->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->page(), Gui::SignInDialog::Page::Verify, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QCOMPARE(started.count(), 1);
    dialog->resend();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(email), 30000);
    dialog->findChild<QLineEdit*>(QStringLiteral("code"))->setText(m_app.server().latestCode(email));
    dialog->verify();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 60000);
    QVERIFY(root.accountClient()->isSignedIn());
    QTRY_VERIFY_WITH_TIMEOUT(model->sharedFolderIds().contains(folderId), 30000);
    QVERIFY(sharing->engine());
    QVERIFY(sharing->engine()->itemIds(folderId).contains(itemId));
    const QPointer<Gui::SignInDialog> after = sharing->signInDialog();
    QVERIFY(!after || !after->isVisible());
    // A sync more keeps it (the old block in the feed wipes nothing).
    std::optional<Status> synced;
    sharing->engine()->sync(this, [&](Status s) { synced = s; });
    QTRY_VERIFY_WITH_TIMEOUT(synced.has_value(), 30000);
    QVERIFY2(synced->ok(), synced->ok() ? "" : qPrintable(synced->error().message));
    QVERIFY(cacheExists(cache));
    QVERIFY(model->sharedFolderIds().contains(folderId));
    QCOMPARE(stopped.count(), 1);
}

void TestSessionPolicy::blockAfterARestartWipesTheCredentials()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    const QString email = ServerAccounts::uniqueEmail("restarted", m_app.domain());
    QUuid folderId;
    QUuid itemId;
    const QUuid drafted = QUuid::createUuid();
    QString cache;
    {
        Gui::Application first(*app, true);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.window(), 5000);
        QVERIFY(signUp(first, email));
        QSignalSpy started(first.teamSharing(), &Gui::TeamSharingController::engineStarted);
        QVERIFY(signIn(first, email));
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
        QVERIFY(shareOne(first, QStringLiteral("Orders (restarted)"), &folderId, &itemId));
        // A new connection only in the outbox (a draft; one made while offline is the same
        // row): the file names it too.
        QVERIFY(first.teamSharing()->engine()->saveDraft(folderId, drafted, "not sent yet", 0).ok());
        cache = cachePath(first);
        QVERIFY(cacheExists(cache));
    } // the app quits; the local copy stays on disk

    QString blockId;
    QCOMPARE(m_app.server().admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), m_app.orgId(),
                                   QStringLiteral("--email"), email, QStringLiteral("--reason"),
                                   QStringLiteral("Paused.")},
                                  &blockId),
             0);

    // Started again: the keychain still has the user's own password for the shared
    // connection (written here into this run's store, as a persistent keychain keeps it).
    Gui::Application root(*app, true);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    const QString credential = SharedCredentials::entryKey(folderId, itemId, SharedCredential::Password);
    const QString draftCredential =
        SharedCredentials::entryKey(folderId, drafted, SharedCredential::Password);
    for (const QString& key : {credential, draftCredential}) {
        std::optional<Status> stored;
        root.secrets()->writeEntry(key, securePassword("own db password"), this,
                                   [&](Status s) { stored = s; });
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 30000);
        QVERIFY(stored->ok());
    }
    Gui::TeamSharingController* sharing = root.teamSharing();
    sharing->showSignIn();
    QPointer<Gui::SignInDialog> dialog = sharing->signInDialog();
    QVERIFY(dialog);
    dialog->setEmail(email);
    dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QString::fromLatin1(kPassword));
    QSignalSpy blocked(dialog, &Gui::SignInDialog::sharingBlocked);
    dialog->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(blocked.count(), 1, 60000);
    QVERIFY(!cacheExists(cache));
    for (const QString& key : {credential, draftCredential}) {
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto read = readEntry(root.secrets(), key);
                return read && !read->ok() && read->error().code == ErrorCode::NotFound;
            }(),
            30000);
    }
}

void TestSessionPolicy::blockSeenByTheEngineEndsTheSession()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    Gui::TeamSharingController* sharing = root.teamSharing();
    QVERIFY(sharing);
    const QString email = ServerAccounts::uniqueEmail("engine-blocked", m_app.domain());
    QVERIFY(signUp(root, email));
    QSignalSpy started(sharing, &Gui::TeamSharingController::engineStarted);
    QSignalSpy stopped(sharing, &Gui::TeamSharingController::engineStopped);
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
    QPointer<SyncEngine> engine = sharing->engine();
    QVERIFY(engine);

    // The engine reads a block (a `blocked` change last in the feed, or a request refused
    // with `sharing-blocked`): it has wiped the folders; the app ends the session and the
    // sign-in dialog gives the administrators' reason rather than "the server ended it".
    const QString reason = QStringLiteral("Their reason: sharing is paused for the audit.");
    emit engine->sharingBlocked(reason);
    QTRY_VERIFY_WITH_TIMEOUT(!root.accountClient()->isSignedIn(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30000);
    QVERIFY(engine.isNull());
    QVERIFY(!root.accountClient()->holdsKeys());
    QPointer<Gui::SignInDialog> dialog = sharing->signInDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->message().contains(reason), qPrintable(dialog->message()));
}

void TestSessionPolicy::draftSurvivesTheInactivitySignOut()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ManualClock clock;
    Gui::Application root(*app, true);
    root.setClock(clock);
    root.start();
    QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
    Gui::TeamSharingController* sharing = root.teamSharing();
    QVERIFY(sharing);
    const QString email = ServerAccounts::uniqueEmail("draft", m_app.domain());
    QVERIFY(signUp(root, email));
    QSignalSpy started(sharing, &Gui::TeamSharingController::engineStarted);
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
    QUuid folderId;
    QUuid itemId;
    QVERIFY(shareOne(root, QStringLiteral("Orders (saved)"), &folderId, &itemId));
    Gui::MainWindow* window = root.window();
    QTRY_VERIFY_WITH_TIMEOUT(window->model()->sharedFolderIds().contains(folderId), 30000);

    // The editor of the shared connection, with an unsaved change.
    // The tree fills in slices: the row is there once the folder's pass has reached it.
    auto* edit = window->findChild<QAction*>(QStringLiteral("actionEdit"));
    QVERIFY(edit);
    QTRY_VERIFY_WITH_TIMEOUT((window->selectConnection(itemId), edit->isEnabled()), 30000);
    edit->trigger();
    QPointer<Gui::ConnectionEditorDialog> editor =
        window->findChild<Gui::ConnectionEditorDialog*>(QStringLiteral("sharedConnectionEditor"));
    QVERIFY(editor);
    editor->findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("Orders (kept as draft)"));

    const QString cache = cachePath(root);
    // Idle past the limit, and not a moment before.
    InactivityTimer* timer = root.inactivityTimer();
    clock.advanceMs(qint64(timer->limit().count()) - 1);
    timer->check();
    QVERIFY(root.accountClient()->isSignedIn());
    QVERIFY(editor);
    clock.advanceMs(1);
    timer->check();
    QVERIFY(!root.accountClient()->isSignedIn());
    QTRY_VERIFY_WITH_TIMEOUT(!editor, 5000);

    // The draft is in the cache file's outbox, sealed: the edited name is nowhere in clear.
    const QByteArray bytes = cacheBytes(cache);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains("kept as draft"));
    QVERIFY(!bytes.contains(QStringLiteral("kept as draft").toUtf8().toBase64()));

    // Signed in again: the scheduler's first good sync pushes it.
    QVERIFY(signIn(root, email));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 30000);

    // Another computer of the same user reads the edit from the server.
    QTemporaryDir elsewhere;
    SharingDevice other(QUrl(m_app.server().baseUrl()), elsewhere.path());
    E2E_VERIFY_OK(await(
        [&](QObject* c, auto done) { other.client.signIn(email, securePassword(kPassword), c, done); }));
    E2E_VERIFY_OK(await([&](QObject* c, auto done) { other.engine.start(c, done); }));
    QByteArray seen;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::optional<Status> synced = await([&](QObject* c, auto done) { other.engine.sync(c, done); });
            seen = plainText(other.engine.itemPlaintext(folderId, itemId));
            return synced && synced->ok() && seen.contains("Orders (kept as draft)");
        }(),
        60000);
}

QTEST_MAIN(TestSessionPolicy)
#include "TestSessionPolicy.moc"
