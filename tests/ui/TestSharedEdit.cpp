// Editing in a shared folder as in a local one, offscreen, with two accounts against the real
// conclave-server: A shares a folder "Team DBs" (with a sub-folder "EU") and adds B with the
// View role. The editor of a shared connection labels the user name and password as the
// user's own and writes them to the user's keychain only, never into the item; B (View) sees
// the editor read-only and may still set their own. Duplicate makes a new item in the same
// shared folder with a copy of A's own credentials; Move To moves between the shared folder's
// sub-folders, greys every place outside it (the local folders, another shared folder) with
// the reason, and moves a local connection in after a confirmation that names the members,
// its password and user name (and SSH user and password) becoming A's own credentials of the
// new item (never in its plaintext) and the local one going only then; a local connection
// with a client certificate stays. Drag and drop does the same as Move To: local connections
// dropped onto the shared folder are moved in after the same confirmation, a shared item
// dropped outside its folder stays with a sentence in the status bar. B may do none of it, and B's read-only
// editor closes at sign-out.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SharedDesk.h"
#include "SyncFixture.h"

#include "core/connect/ClientLauncher.h"
#include "core/connect/LauncherSettings.h"
#include "core/crypto/Fingerprint.h"
#include "core/crypto/SensitiveBytes.h"
#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SharedCredentials.h"
#include "core/model/SharedConnection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/MoveToDialog.h"
#include "ui/SharedTreeSync.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>

#include <csignal>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

QUuid idOf(const ConnectionTreeModel* model, const QString& name)
{
    return findByName(model, name).data(ConnectionTreeModel::IdRole).toUuid();
}

// The keychain entry's value, "" when there is none, or null when the store did not answer.
std::optional<QByteArray> entry(SecretStore& store, const QString& key)
{
    std::optional<QByteArray> value;
    QObject context;
    store.readEntry(key, &context, [&](Result<SecureBytes> read) {
        value = read.ok() ? read->view().toByteArray() : QByteArray("");
    });
    (void)QTest::qWaitFor([&] { return value.has_value(); }, 10000);
    return value;
}

template<typename T> T* visibleChild(QWidget& window, const QString& name)
{
    for (T* child : window.findChildren<T*>(name)) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

QAction* action(MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QString::fromLatin1(name));
}

// A's computer with the real keychain (the private gnome-keyring of with-keyring.sh, which
// the tests stop with SIGSTOP) in a second window over the same engine and store; the
// keychain gives up after 0.5 s.
struct KeychainDesk
{
    explicit KeychainDesk(Desk& desk)
        : keychain(QStringLiteral("Conclave TestSharedEdit"))
    {
        keychain.setTimeout(std::chrono::milliseconds(500));
        keychain.setRetryDelay(std::chrono::milliseconds(50));
        MainWindow::Services services;
        services.repository = desk.repository.get();
        services.secrets = &keychain;
        window = std::make_unique<MainWindow>(services);
        window->setSyncEngine(&desk.engine, desk.client.account().userId);
    }

    KeychainSecretStore keychain;
    std::unique_ptr<MainWindow> window;
};

// Open in `window` runs a "client" that writes the arguments it was given to `out`.
void recordOpens(MainWindow& window, const QString& out)
{
    LauncherSettings launcher;
    launcher.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' terminal");
    for (ConnectionKind kind : {ConnectionKind::SSH, ConnectionKind::PostgreSQL})
        launcher.clientCommands.insert(
            kind, QStringLiteral("/bin/sh -c 'echo \"ARGV $*\" >\"%1.tmp\"; mv \"%1.tmp\" \"%1\"' client")
                      .arg(out));
    window.findChild<ClientLauncher*>()->setSettings(launcher);
}

} // namespace

class TestSharedEdit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void editorLabelsOwnCredentials();
    void viewMemberSetsOwnCredentialsOnly();
    void duplicateMakesASharedCopy();
    void newConnectionInASharedSubFolder();
    void viewRoleRefused_data();
    void viewRoleRefused();
    void moveWithinTheSharedFolder();
    void moveLocalConnectionIn();
    void moveLocalWithCertificateStays_data();
    void moveLocalWithCertificateStays();
    void dropAcrossTheBoundary_data();
    void dropAcrossTheBoundary();
    void signOutClosesTheViewOnlyEditor();
    void openUsesOwnUserNames();
    void duplicateSaysWhenTheKeychainFails();
    void openAndTestSayWhenTheKeychainFails();
    // Last: it stops the server.
    void moveWhileOfflineKeepsTheLocalOne();

private:
    bool signUp(const QString& email, const char* password);
    bool signIn(Desk& desk, const QString& email, const char* password);
    bool syncB();
    // Opens Move To on the selection of `window` and returns the dialog.
    MoveToDialog* openMoveTo(MainWindow& window);

    ServerHarness m_server;
    QUrl m_url;
    QUuid m_orgId;
    QString m_emailA;
    QString m_emailB;
    QTemporaryDir m_dirA;
    QTemporaryDir m_dirB;
    std::unique_ptr<Desk> m_a;
    std::unique_ptr<Desk> m_b;
    QUuid m_shared;
    QUuid m_eu; // the sub-folder's id in the tree
};

bool TestSharedEdit::signUp(const QString& email, const char* password)
{
    QTemporaryDir scratch;
    Desk desk(m_url, scratch.path());
    const auto made = await([&](QObject* c, auto done) {
        desk.client.signUp(email, QStringLiteral("Edit User"), pw(password), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { desk.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

bool TestSharedEdit::signIn(Desk& desk, const QString& email, const char* password)
{
    const auto signedIn =
        await([&](QObject* c, auto done) { desk.client.signIn(email, pw(password), c, done); });
    if (!signedIn || !signedIn->ok())
        return false;
    const auto started = await([&](QObject* c, auto done) { desk.engine.start(c, done); });
    if (!started || !started->ok())
        return false;
    desk.window->setSyncEngine(&desk.engine, desk.client.account().userId);
    return true;
}

bool TestSharedEdit::syncB()
{
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    return synced && synced->ok();
}

MoveToDialog* TestSharedEdit::openMoveTo(MainWindow& window)
{
    QAction* moveTo = action(window, "actionMoveTo");
    if (!moveTo || !moveTo->isEnabled())
        return nullptr;
    moveTo->trigger();
    return visibleChild<MoveToDialog>(window, QStringLiteral("MoveToDialog"));
}

void TestSharedEdit::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestSharedEdit")));
    m_url = QUrl(m_server.baseUrl());
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".edit.example.com");
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                            &orgId),
             0);
    m_orgId = QUuid::fromString(orgId.trimmed());
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId.trimmed(),
                             QStringLiteral("--domain"), domain}),
             0);
    m_emailA = ServerAccounts::uniqueEmail("ada", domain);
    m_emailB = ServerAccounts::uniqueEmail("bob", domain);
    QVERIFY(signUp(m_emailA, "ada's long password"));
    QVERIFY(signUp(m_emailB, "bob's long password"));
    m_a = std::make_unique<Desk>(m_url, m_dirA.path());
    m_b = std::make_unique<Desk>(m_url, m_dirB.path());
    QVERIFY(signIn(*m_a, m_emailA, "ada's long password"));
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));

    // A shares "Team DBs": "Orders" at its top, "Cache EU" in "EU".
    Folder team{QUuid::createUuid(), {}, QStringLiteral("Team DBs"), 0};
    Folder eu{QUuid::createUuid(), team.id, QStringLiteral("EU"), 0};
    Connection orders;
    orders.id = QUuid::createUuid();
    orders.folderId = team.id;
    orders.name = QStringLiteral("Orders");
    orders.kind = ConnectionKind::PostgreSQL;
    orders.hosts = {{QStringLiteral("orders.db.internal"), 5432}};
    Connection cache = orders;
    cache.id = QUuid::createUuid();
    cache.folderId = eu.id;
    cache.name = QStringLiteral("Cache EU");
    cache.kind = ConnectionKind::Redis;
    cache.hosts = {{QStringLiteral("cache.eu.internal"), 6379}};
    ChangeSet change;
    change.upsertFolders = {team, eu};
    change.upsertConnections = {orders, cache};
    QVERIFY(m_a->repository->apply(change).ok());
    QSignalSpy shared(m_a->window.get(), &MainWindow::folderShared);
    m_a->window->shareFolder(team.id, m_orgId);
    auto* box = m_a->window->findChild<QMessageBox*>(QStringLiteral("shareFolderConfirm"));
    QVERIFY(box);
    box->findChild<QPushButton*>(QStringLiteral("shareFolderAccept"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(shared.count(), 1, 60000);
    m_shared = shared.first().first().toUuid();
    QTRY_COMPARE_WITH_TIMEOUT(m_a->window->model()->sharedConnections(m_shared).size(), 2, 10000);
    m_eu = idOf(m_a->window->model(), QStringLiteral("EU"));
    QVERIFY(!m_eu.isNull());

    // B joins with the View role (safety number compared).
    std::optional<Result<SharingApi::KeyLookup>> lookup;
    {
        QObject context;
        m_a->engine.api().lookupKey(m_emailB, &context,
                                    [&](Result<SharingApi::KeyLookup> r) { lookup.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(lookup.has_value(), 30000);
    }
    VERIFY_OK(lookup);
    const QByteArray bundle = lookup->value().bundle;
    const QString number = Fingerprint::of(m_b->client.userKeys()->identityPublicKey()).safetyNumber();
    QVERIFY(m_a->engine.confirmSafetyNumber(bundle, number).ok());
    const auto added = await(
        [&](QObject* c, auto done) { m_a->engine.addMember(m_shared, bundle, FolderRole::View, c, done); });
    VERIFY_OK(added);
    QVERIFY(syncB());
    QTRY_COMPARE_WITH_TIMEOUT(m_b->window->model()->sharedConnections(m_shared).size(), 2, 10000);
    // A's engine learns B's address for the confirmation that names the members.
    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    for (Desk* desk : {m_a.get(), m_b.get()}) {
        desk->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk->window.get(), 10000));
    }
}

void TestSharedEdit::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_server.stop();
}

void TestSharedEdit::editorLabelsOwnCredentials()
{
    MainWindow& window = *m_a->window;
    const QUuid id = idOf(window.model(), QStringLiteral("Orders"));
    QVERIFY(!id.isNull());
    // A's own user name is in A's keychain already; the editor shows it, and the password field
    // stays empty (never prefilled).
    SharedTreeSync::Credentials mine;
    mine.user = QStringLiteral("ada-own-user-71b3");
    mine.password = pw("ada-own-password-0c4e");
    std::optional<Status> stored;
    window.sharedTree()->setCredentials(id, std::move(mine), [&](Status s) { stored = s; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
    QVERIFY(stored->ok());
    QTRY_COMPARE_WITH_TIMEOUT(window.sharedTree()->ownUser(id), QStringLiteral("ada-own-user-71b3"), 10000);
    const quint64 revision = m_a->engine.itemRevision(m_shared, id);

    window.selectConnection(id);
    QVERIFY(action(window, "actionEdit")->isEnabled());
    action(window, "actionEdit")->trigger();
    QPointer<ConnectionEditorDialog> editor =
        visibleChild<ConnectionEditorDialog>(window, QStringLiteral("sharedConnectionEditor"));
    QVERIFY(editor);
    QVERIFY(editor->isShared());
    QVERIFY(!editor->isReadOnly());
    editor->tabs()->setCurrentIndex(ConnectionEditorDialog::AuthenticationTab);
    auto* title = editor->findChild<QLabel*>(QStringLiteral("ownCredentialsTitle"));
    QVERIFY(title && title->isVisible());
    auto* note = editor->findChild<QLabel*>(QStringLiteral("passwordNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("this computer")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("never shared")), qPrintable(note->text()));
    auto* user = editor->findChild<QLineEdit*>(QStringLiteral("username"));
    auto* password = editor->findChild<QLineEdit*>(QStringLiteral("password"));
    QVERIFY(user && password);
    QCOMPARE(user->text(), QStringLiteral("ada-own-user-71b3"));
    QVERIFY(password->text().isEmpty());
    auto* form = qobject_cast<QFormLayout*>(user->parentWidget()->layout());
    QVERIFY(form);
    auto* userLabel = qobject_cast<QLabel*>(form->labelForField(user));
    QVERIFY(userLabel && userLabel->text().startsWith(QStringLiteral("Your")));

    // Saved: the new credentials are A's keychain's, the item is not written again.
    user->setText(QStringLiteral("ada-new-user-9f20"));
    password->setText(QStringLiteral("ada-new-password-33d8"));
    editor->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, id, SharedCredential::Password))
            .value_or(""),
        QByteArray("ada-new-password-33d8"), 10000);
    QCOMPARE(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, id, SharedCredential::User)).value_or(""),
        QByteArray("ada-new-user-9f20"));
    QTRY_COMPARE_WITH_TIMEOUT(window.sharedTree()->ownUser(id), QStringLiteral("ada-new-user-9f20"), 10000);
    QCOMPARE(m_a->engine.itemRevision(m_shared, id), revision);
    QVERIFY(!m_a->engine.itemPlaintext(m_shared, id)->view().contains("ada-new"));
    QVERIFY(!fileTreeContains(m_server.dataDir(), "ada-new-password-33d8"));
    QVERIFY(!fileTreeContains(m_server.dataDir(), "ada-new-user-9f20"));
}

void TestSharedEdit::viewMemberSetsOwnCredentialsOnly()
{
    MainWindow& window = *m_b->window;
    const QUuid id = idOf(window.model(), QStringLiteral("Orders"));
    QVERIFY(!id.isNull());
    const quint64 revision = m_b->engine.itemRevision(m_shared, id);
    window.selectConnection(id);
    QAction* edit = action(window, "actionEdit");
    QVERIFY(edit->isEnabled());
    QVERIFY(edit->toolTip().contains(QStringLiteral("only view")));
    edit->trigger();
    QPointer<ConnectionEditorDialog> editor =
        visibleChild<ConnectionEditorDialog>(window, QStringLiteral("sharedConnectionEditor"));
    QVERIFY(editor);
    QVERIFY(editor->isReadOnly());
    QVERIFY(editor->findChild<QLabel*>(QStringLiteral("readOnlyNote"))->isVisible());
    QVERIFY(editor->findChild<QLineEdit*>(QStringLiteral("name"))->isReadOnly());
    QVERIFY(!editor->findChild<QComboBox*>(QStringLiteral("kind"))->isEnabled());
    auto* user = editor->findChild<QLineEdit*>(QStringLiteral("username"));
    auto* password = editor->findChild<QLineEdit*>(QStringLiteral("password"));
    QVERIFY(!user->isReadOnly() && user->isEnabled());
    QVERIFY(!password->isReadOnly() && password->isEnabled());
    QVERIFY(user->text().isEmpty()); // B has none yet; A's never reach B
    user->setText(QStringLiteral("bob-own-user-5a61"));
    password->setText(QStringLiteral("bob-own-password-d2c9"));
    editor->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        entry(m_b->secrets, SharedCredentials::entryKey(m_shared, id, SharedCredential::Password))
            .value_or(""),
        QByteArray("bob-own-password-d2c9"), 10000);
    QCOMPARE(
        entry(m_b->secrets, SharedCredentials::entryKey(m_shared, id, SharedCredential::User)).value_or(""),
        QByteArray("bob-own-user-5a61"));
    // Nothing was written to the folder.
    QCOMPARE(m_b->engine.itemRevision(m_shared, id), revision);
    QVERIFY(!m_b->engine.hasPendingWrites(m_shared));
}

void TestSharedEdit::duplicateMakesASharedCopy()
{
    MainWindow& window = *m_a->window;
    ConnectionTreeModel* model = window.model();
    const QUuid id = idOf(model, QStringLiteral("Orders"));
    window.selectConnection(id);
    QAction* duplicate = action(window, "actionDuplicate");
    QVERIFY(duplicate->isEnabled());
    duplicate->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->sharedConnections(m_shared).size(), 3, 30000);
    const QUuid copyId = idOf(model, QStringLiteral("Orders (copy)"));
    QVERIFY(!copyId.isNull());
    QVERIFY(copyId != id);
    QCOMPARE(model->sharedRootOf(copyId), m_shared);
    QCOMPARE(model->connection(copyId)->folderId, model->connection(id)->folderId);
    QCOMPARE(model->connection(copyId)->hosts, model->connection(id)->hosts);
    const SensitiveBytes* plaintext = m_a->engine.itemPlaintext(m_shared, copyId);
    QVERIFY(plaintext);
    QVERIFY(!plaintext->view().contains("ada-new"));
    // A's own credentials went with it, into A's keychain under the copy's names.
    QTRY_COMPARE_WITH_TIMEOUT(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, copyId, SharedCredential::Password))
            .value_or(""),
        QByteArray("ada-new-password-33d8"), 10000);
    QCOMPARE(entry(m_a->secrets, SharedCredentials::entryKey(m_shared, copyId, SharedCredential::User))
                 .value_or(""),
             QByteArray("ada-new-user-9f20"));
    // B sees the copy, without A's credentials.
    QVERIFY(syncB());
    QTRY_VERIFY_WITH_TIMEOUT(m_b->window->model()->connection(copyId), 10000);
    QCOMPARE(entry(m_b->secrets, SharedCredentials::entryKey(m_shared, copyId, SharedCredential::Password))
                 .value_or(""),
             QByteArray(""));
}

// New Connection with a sub-folder of a shared folder selected makes a new item of that
// folder, in that sub-folder, with the user name and password as A's own credentials; New
// Folder and Import are not offered there (an empty sub-folder cannot be stored).
void TestSharedEdit::newConnectionInASharedSubFolder()
{
    MainWindow& window = *m_a->window;
    ConnectionTreeModel* model = window.model();
    window.selectFolder(m_eu);
    QVERIFY(!action(window, "actionNewFolder")->isEnabled());
    QVERIFY(!action(window, "actionNewFolder")->toolTip().isEmpty());
    QVERIFY(!action(window, "actionImport")->isEnabled());
    QAction* add = action(window, "actionNewConnection");
    QVERIFY(add->isEnabled());
    const qsizetype before = model->sharedConnections(m_shared).size();
    add->trigger();
    QPointer<ConnectionEditorDialog> editor =
        visibleChild<ConnectionEditorDialog>(window, QStringLiteral("newSharedConnectionEditor"));
    QVERIFY(editor);
    QVERIFY(editor->isShared());
    qobject_cast<QLineEdit*>(editor->fieldWidget(QStringLiteral("name")))
        ->setText(QStringLiteral("Reports EU"));
    auto* hosts = qobject_cast<QTableWidget*>(editor->fieldWidget(QStringLiteral("hosts")));
    QVERIFY(hosts && hosts->rowCount() >= 1 && hosts->item(0, 0));
    hosts->item(0, 0)->setText(QStringLiteral("reports.eu.internal"));
    editor->findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("ada-eu-user-5d1c"));
    editor->findChild<QLineEdit*>(QStringLiteral("password"))
        ->setText(QStringLiteral("ada-eu-password-8e2a"));
    editor->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model->sharedConnections(m_shared).size(), before + 1, 30000);
    const QUuid id = idOf(model, QStringLiteral("Reports EU"));
    QVERIFY(!id.isNull());
    QCOMPARE(model->connection(id)->folderId, m_eu);
    const SensitiveBytes* plaintext = m_a->engine.itemPlaintext(m_shared, id);
    QVERIFY(plaintext);
    QVERIFY(plaintext->view().contains("reports.eu.internal"));
    QVERIFY(!plaintext->view().contains("ada-eu-"));
    QTRY_COMPARE_WITH_TIMEOUT(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, id, SharedCredential::Password))
            .value_or(""),
        QByteArray("ada-eu-password-8e2a"), 10000);
    QCOMPARE(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, id, SharedCredential::User)).value_or(""),
        QByteArray("ada-eu-user-5d1c"));
    QVERIFY(!m_a->repository->connection(id)); // nothing local
    QVERIFY(!fileTreeContains(m_server.dataDir(), "ada-eu-password-8e2a"));
    // B sees it in the sub-folder.
    QVERIFY(syncB());
    QTRY_VERIFY_WITH_TIMEOUT(m_b->window->model()->connection(id), 10000);
    QCOMPARE(m_b->window->model()->folderPath(m_b->window->model()->connection(id)->folderId),
             model->folderPath(m_eu));
}

void TestSharedEdit::viewRoleRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("connection") << QStringLiteral("Orders");
    QTest::newRow("sub-folder") << QStringLiteral("EU");
}

void TestSharedEdit::viewRoleRefused()
{
    QFETCH(QString, name);
    MainWindow& window = *m_b->window;
    ConnectionTreeModel* model = window.model();
    const QUuid id = idOf(model, name);
    QVERIFY(!id.isNull());
    if (model->connection(id))
        window.selectConnection(id);
    else
        window.selectFolder(id);
    const int before = int(model->sharedConnections(m_shared).size());
    for (const char* actionName : {"actionDuplicate", "actionMoveTo"}) {
        QAction* a = action(window, actionName);
        QVERIFY2(!a->isEnabled(), actionName);
        QVERIFY2(a->toolTip().contains(QStringLiteral("only view")), actionName);
        a->trigger();
    }
    QVERIFY(!visibleChild<MoveToDialog>(window, QStringLiteral("MoveToDialog")));
    QVERIFY(!m_b->engine.hasPendingWrites(m_shared));
    QCOMPARE(int(model->sharedConnections(m_shared).size()), before);

    // A local connection of B's cannot go into the folder B may only view.
    Connection local;
    local.id = QUuid::createUuid();
    local.name = QStringLiteral("Bob Local ") + name;
    local.kind = ConnectionKind::PostgreSQL;
    local.hosts = {{QStringLiteral("bob.internal"), 5432}};
    ChangeSet add;
    add.upsertConnections = {local};
    QVERIFY(m_b->repository->apply(add).ok());
    window.selectConnection(local.id);
    MoveToDialog* dialog = openMoveTo(window);
    QVERIFY(dialog);
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    const int shared = target->findData(m_shared);
    QVERIFY(shared >= 0);
    const QStandardItem* item = qobject_cast<QStandardItemModel*>(target->model())->item(shared);
    QVERIFY(!item->isEnabled());
    QVERIFY(item->toolTip().contains(QStringLiteral("only view")));
    dialog->reject();
    ChangeSet remove;
    remove.removeConnections = {local.id};
    QVERIFY(m_b->repository->apply(remove).ok());
}

void TestSharedEdit::moveWithinTheSharedFolder()
{
    MainWindow& window = *m_a->window;
    ConnectionTreeModel* model = window.model();
    const QUuid id = idOf(model, QStringLiteral("Orders"));
    QVERIFY(!id.isNull());
    const quint64 revision = m_a->engine.itemRevision(m_shared, id);
    // A second shared folder of A's: not a place for it either.
    const auto other = await<QUuid>([&](QObject* c, auto done) {
        m_a->engine.createFolder(m_orgId, QStringLiteral("Other Team"), c, done);
    });
    VERIFY_OK(other);
    QTRY_VERIFY_WITH_TIMEOUT(model->sharedFolderIds().contains(other->value()), 10000);
    window.selectConnection(id);
    MoveToDialog* dialog = openMoveTo(window);
    QVERIFY(dialog);
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    auto* items = qobject_cast<QStandardItemModel*>(target->model());
    // Out of the shared folder: greyed, saying why.
    const QStandardItem* top = items->item(target->findData(QUuid()));
    QVERIFY(!top->isEnabled());
    QVERIFY2(top->toolTip().contains(QStringLiteral("stays in its shared folder")),
             qPrintable(top->toolTip()));
    const int otherIndex = target->findData(other->value());
    QVERIFY(otherIndex >= 0);
    QVERIFY(!items->item(otherIndex)->isEnabled());
    QVERIFY(items->item(otherIndex)->toolTip().contains(QStringLiteral("stays in its shared folder")));
    const int eu = target->findData(m_eu);
    QVERIFY(eu >= 0);
    QVERIFY(items->item(eu)->isEnabled());
    target->setCurrentIndex(eu);
    QVERIFY(dialog->targetIsShared());
    dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(model->connection(id)->folderId, m_eu, 30000);
    // An item write through the engine: the same item, its next revision.
    QCOMPARE(m_a->engine.itemRevision(m_shared, id), revision + 1);
    QVERIFY(m_a->engine.itemPlaintext(m_shared, id)->view().contains("\"EU\""));
    QVERIFY(syncB());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_b->window->model()->folderPath(m_b->window->model()->connection(id)->folderId),
        QStringLiteral("Team DBs / EU"), 10000);
}

void TestSharedEdit::moveLocalConnectionIn()
{
    MainWindow& window = *m_a->window;
    ConnectionTreeModel* model = window.model();
    Connection local;
    local.id = QUuid::createUuid();
    local.name = QStringLiteral("Legacy Billing");
    local.kind = ConnectionKind::MySQL;
    local.hosts = {{QStringLiteral("billing.internal"), 3306}};
    local.username = QStringLiteral("legacy-user-6e0a");
    local.ssh.enabled = true;
    local.ssh.host = QStringLiteral("jump.internal");
    local.ssh.user = QStringLiteral("legacy-ssh-user-41fd");
    local.ssh.auth = SshAuthMethod::Password;
    ChangeSet add;
    add.upsertConnections = {local};
    QVERIFY(m_a->repository->apply(add).ok());
    std::optional<Status> written;
    m_a->secrets.write(local.id, SecretKind::Password, pw("legacy-password-b817"), this,
                       [&](Status s) { written = s; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY(written->ok());
    written.reset();
    m_a->secrets.write(local.id, SecretKind::SshPassword, pw("legacy-ssh-password-9a3c"), this,
                       [&](Status s) { written = s; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY(written->ok());

    window.selectConnection(local.id);
    MoveToDialog* dialog = openMoveTo(window);
    QVERIFY(dialog);
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    const int eu = target->findData(m_eu);
    QVERIFY(eu >= 0);
    QVERIFY(qobject_cast<QStandardItemModel*>(target->model())->item(eu)->isEnabled());
    target->setCurrentIndex(eu);
    dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok)->click();

    // Asked first, naming who will see it and where the credentials stay.
    QPointer<QMessageBox> box = visibleChild<QMessageBox>(window, QStringLiteral("moveIntoSharedConfirm"));
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(m_emailB), qPrintable(box->informativeText()));
    QVERIFY(box->informativeText().contains(QStringLiteral("only on this computer")));
    QVERIFY(m_a->repository->connection(local.id)); // nothing moved before the answer
    const int before = int(model->sharedConnections(m_shared).size());
    box->findChild<QPushButton*>(QStringLiteral("moveIntoSharedAccept"))->click();

    QTRY_VERIFY_WITH_TIMEOUT(!m_a->repository->connection(local.id), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(int(model->sharedConnections(m_shared).size()), before + 1, 10000);
    const QUuid moved = idOf(model, QStringLiteral("Legacy Billing"));
    QVERIFY(!moved.isNull());
    QVERIFY(moved != local.id);
    QCOMPARE(model->connection(moved)->folderId, m_eu);
    // The item's plaintext, as sent, carries neither the password nor the user name ...
    const SensitiveBytes* plaintext = m_a->engine.itemPlaintext(m_shared, moved);
    QVERIFY(plaintext);
    QVERIFY(plaintext->view().contains("billing.internal"));
    QVERIFY(!plaintext->view().contains("legacy-password-b817"));
    QVERIFY(!plaintext->view().contains("legacy-user-6e0a"));
    QVERIFY(!plaintext->view().contains("legacy-ssh"));
    QVERIFY(plaintext->view().contains("jump.internal"));
    QVERIFY(!fileTreeContains(m_server.dataDir(), "legacy-password-b817"));
    QVERIFY(!fileTreeContains(m_server.dataDir(), "legacy-user-6e0a"));
    // ... which are A's own credentials of the new item now, and the local entries are gone.
    QTRY_COMPARE_WITH_TIMEOUT(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, moved, SharedCredential::Password))
            .value_or(""),
        QByteArray("legacy-password-b817"), 10000);
    QCOMPARE(entry(m_a->secrets, SharedCredentials::entryKey(m_shared, moved, SharedCredential::User))
                 .value_or(""),
             QByteArray("legacy-user-6e0a"));
    QCOMPARE(entry(m_a->secrets, SharedCredentials::entryKey(m_shared, moved, SharedCredential::SshUser))
                 .value_or(""),
             QByteArray("legacy-ssh-user-41fd"));
    QCOMPARE(
        entry(m_a->secrets, SharedCredentials::entryKey(m_shared, moved, SharedCredential::SshPassphrase))
            .value_or(""),
        QByteArray("legacy-ssh-password-9a3c"));
    std::optional<Result<SecureBytes>> old;
    m_a->secrets.read(local.id, SecretKind::Password, this,
                      [&](Result<SecureBytes> r) { old.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(old.has_value(), 10000);
    QVERIFY(!old->ok());
    // The editor of the shared connection shows the user's own SSH user, from the keychain.
    QTRY_COMPARE_WITH_TIMEOUT(window.sharedTree()->ownUser(moved), QStringLiteral("legacy-user-6e0a"), 10000);
    window.selectConnection(moved);
    action(window, "actionEdit")->trigger();
    QPointer<ConnectionEditorDialog> editor;
    QTRY_VERIFY_WITH_TIMEOUT(
        (editor = visibleChild<ConnectionEditorDialog>(window, QStringLiteral("sharedConnectionEditor"))),
        10000);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("ssh.user"))->text(),
             QStringLiteral("legacy-ssh-user-41fd"));
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("username"))->text(),
             QStringLiteral("legacy-user-6e0a"));
    editor->tabs()->setCurrentIndex(ConnectionEditorDialog::SshTab);
    QVERIFY(editor->findChild<QLabel*>(QStringLiteral("sshOwnNote"))->isVisibleTo(editor));
    editor->discard();
    // B sees it, without A's credentials.
    QVERIFY(syncB());
    QTRY_VERIFY_WITH_TIMEOUT(m_b->window->model()->connection(moved), 10000);
}

void TestSharedEdit::moveLocalWithCertificateStays_data()
{
    QTest::addColumn<bool>("certificate");
    QTest::addColumn<QString>("said");
    QTest::newRow("client certificate") << true << QStringLiteral("client certificate");
    QTest::newRow("CA file") << false << QStringLiteral("CA file");
}

void TestSharedEdit::moveLocalWithCertificateStays()
{
    // What a shared connection cannot keep (a certificate in the keychain, the path of a CA
    // file) would be lost by the move: such a connection stays.
    QFETCH(bool, certificate);
    QFETCH(QString, said);
    MainWindow& window = *m_a->window;
    ConnectionTreeModel* model = window.model();
    Connection local;
    local.id = QUuid::createUuid();
    local.name = QStringLiteral("Certified ") + said;
    local.kind = ConnectionKind::PostgreSQL;
    local.hosts = {{QStringLiteral("certified.internal"), 5432}};
    local.tls.enabled = true;
    local.tls.hasClientCertificate = certificate;
    if (!certificate)
        local.tls.caFile = QStringLiteral("/etc/ssl/private/internal-ca.pem");
    ChangeSet add;
    add.upsertConnections = {local};
    QVERIFY(m_a->repository->apply(add).ok());
    if (certificate) {
        std::optional<Status> written;
        m_a->secrets.write(local.id, SecretKind::ClientCertificate, pw("-----BEGIN CERTIFICATE-----"), this,
                           [&](Status s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY(written->ok());
    }
    const int before = int(model->sharedConnections(m_shared).size());

    window.selectConnection(local.id);
    MoveToDialog* dialog = openMoveTo(window);
    QVERIFY(dialog);
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    target->setCurrentIndex(target->findData(m_shared));
    dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok)->click();
    QPointer<QMessageBox> box = visibleChild<QMessageBox>(window, QStringLiteral("moveIntoSharedConfirm"));
    QVERIFY(box);
    box->findChild<QPushButton*>(QStringLiteral("moveIntoSharedAccept"))->click();
    auto* status = window.findChild<QStatusBar*>();
    QVERIFY(status);
    QTRY_VERIFY2_WITH_TIMEOUT(status->currentMessage().contains(said), qPrintable(status->currentMessage()),
                              10000);
    QVERIFY(m_a->repository->connection(local.id));
    QCOMPARE(int(model->sharedConnections(m_shared).size()), before);
    QVERIFY(!m_a->engine.hasPendingWrites(m_shared));
}

void TestSharedEdit::dropAcrossTheBoundary_data()
{
    // What is dragged, where it is dropped, whether the drop is taken, what the user answers
    // to the confirmation (none: no confirmation), the status bar's sentence, and where the
    // item is afterwards ("local", "EU", "Team DBs").
    QTest::addColumn<QString>("dragged");
    QTest::addColumn<QString>("onto");
    QTest::addColumn<bool>("taken");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("said");
    QTest::addColumn<QString>("after");
    QTest::newRow("local into shared, confirmed") << "local connection"
                                                  << "EU" << true << "move"
                                                  << "into the shared folder"
                                                  << "EU";
    QTest::newRow("local into shared, cancelled") << "local connection"
                                                  << "Team DBs" << true << "cancel"
                                                  << ""
                                                  << "local";
    QTest::newRow("local with a CA file stays") << "local connection with CA file"
                                                << "Team DBs" << true << "move"
                                                << "CA file"
                                                << "local";
    QTest::newRow("local folder into shared refused") << "local folder"
                                                      << "Team DBs" << false << ""
                                                      << "Only connections"
                                                      << "local";
    QTest::newRow("shared onto a local folder refused") << "Orders"
                                                        << "local folder" << false << ""
                                                        << "stays in its shared folder"
                                                        << "EU";
    QTest::newRow("shared onto the top level refused") << "Orders"
                                                       << "top level" << false << ""
                                                       << "stays in its shared folder"
                                                       << "EU";
    QTest::newRow("shared into another shared folder refused") << "Orders"
                                                               << "Other Team" << false << ""
                                                               << "stays in its shared folder"
                                                               << "EU";
    QTest::newRow("local and shared together refused") << "local connection and Orders"
                                                       << "Team DBs" << false << ""
                                                       << "separately"
                                                       << "local";
    QTest::newRow("within the shared folder") << "Orders"
                                              << "Team DBs" << true << ""
                                              << ""
                                              << "Team DBs";
}

void TestSharedEdit::dropAcrossTheBoundary()
{
    QFETCH(QString, dragged);
    QFETCH(QString, onto);
    QFETCH(bool, taken);
    QFETCH(QString, answer);
    QFETCH(QString, said);
    QFETCH(QString, after);
    MainWindow& window = *m_a->window;
    ConnectionTreeModel* model = window.model();
    auto* status = window.findChild<QStatusBar*>();
    QVERIFY(status);
    status->clearMessage();

    // A local folder with the row's local connection (or the folder itself) to drag.
    Folder folder{QUuid::createUuid(), {}, QStringLiteral("Drop Source"), 0};
    Connection local;
    local.id = QUuid::createUuid();
    local.folderId = folder.id;
    local.name = QStringLiteral("Dropped ") + QString::fromLatin1(QTest::currentDataTag());
    local.kind = ConnectionKind::PostgreSQL;
    local.hosts = {{QStringLiteral("dropped.internal"), 5432}};
    if (dragged.contains(QStringLiteral("CA file"))) {
        local.tls.enabled = true;
        local.tls.caFile = QStringLiteral("/etc/ssl/private/internal-ca.pem");
    }
    ChangeSet add;
    add.upsertFolders = {folder};
    add.upsertConnections = {local};
    QVERIFY(m_a->repository->apply(add).ok());
    auto cleanUp = qScopeGuard([&] {
        ChangeSet remove;
        if (m_a->repository->connection(local.id))
            remove.removeConnections = {local.id};
        remove.removeFolders = {folder.id};
        (void)m_a->repository->apply(remove);
    });

    QUuid other;
    for (const QUuid& root : model->sharedFolderIds()) {
        if (root != m_shared)
            other = root; // "Other Team", made by moveWithinTheSharedFolder
    }
    QVERIFY(!other.isNull());
    const QUuid orders = idOf(model, QStringLiteral("Orders"));
    QVERIFY(!orders.isNull());
    const quint64 revision = m_a->engine.itemRevision(m_shared, orders);
    const QUuid ordersFolder = model->connection(orders)->folderId;
    const int sharedBefore = int(model->sharedConnections(m_shared).size());

    QModelIndexList sources;
    if (dragged == QStringLiteral("Orders"))
        sources = {model->indexForConnection(orders)};
    else if (dragged == QStringLiteral("local folder"))
        sources = {model->indexForFolder(folder.id)};
    else if (dragged.contains(QStringLiteral("Orders")))
        sources = {model->indexForConnection(local.id), model->indexForConnection(orders)};
    else
        sources = {model->indexForConnection(local.id)};
    for (const QModelIndex& source : sources)
        QVERIFY(source.isValid());
    QModelIndex target;
    if (onto == QStringLiteral("EU"))
        target = model->indexForFolder(m_eu);
    else if (onto == QStringLiteral("Team DBs"))
        target = model->indexForFolder(m_shared);
    else if (onto == QStringLiteral("Other Team"))
        target = model->indexForFolder(other);
    else if (onto == QStringLiteral("local folder"))
        target = model->indexForFolder(folder.id);
    QVERIFY(target.isValid() || onto == QStringLiteral("top level"));

    // The mime data the view makes of the dragged rows, dropped as the view drops it.
    std::unique_ptr<QMimeData> mime(model->mimeData(sources));
    QCOMPARE(model->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, target), taken);
    if (!answer.isEmpty()) {
        // The same confirmation as Move To's, naming the members.
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = visibleChild<QMessageBox>(window, QStringLiteral("moveIntoSharedConfirm"))), 5000);
        QVERIFY2(box->informativeText().contains(m_emailB), qPrintable(box->informativeText()));
        QVERIFY(m_a->repository->connection(local.id)); // nothing moved before the answer
        if (answer == QStringLiteral("move"))
            box->findChild<QPushButton*>(QStringLiteral("moveIntoSharedAccept"))->click();
        else
            box->button(QMessageBox::Cancel)->click();
    } else {
        QTest::qWait(50); // the drop is handled once the view is done delivering it
        QVERIFY(!visibleChild<QMessageBox>(window, QStringLiteral("moveIntoSharedConfirm")));
    }
    if (!said.isEmpty())
        QTRY_VERIFY2_WITH_TIMEOUT(status->currentMessage().contains(said),
                                  qPrintable(status->currentMessage()), 30000);

    if (dragged == QStringLiteral("Orders")) {
        if (after == QStringLiteral("Team DBs")) {
            QTRY_COMPARE_WITH_TIMEOUT(model->connection(orders)->folderId, m_shared, 30000);
            QCOMPARE(m_a->engine.itemRevision(m_shared, orders), revision + 1);
        } else {
            QCOMPARE(model->connection(orders)->folderId, ordersFolder);
            QCOMPARE(m_a->engine.itemRevision(m_shared, orders), revision);
            QVERIFY(!m_a->engine.hasPendingWrites(m_shared));
            QVERIFY(!model->sharedConnections(other).size());
        }
        return;
    }
    if (after == QStringLiteral("local")) {
        QTest::qWait(200);
        QCOMPARE(model->connection(orders)->folderId, ordersFolder);
        QCOMPARE(m_a->engine.itemRevision(m_shared, orders), revision);
        QVERIFY(m_a->repository->connection(local.id));
        QCOMPARE(m_a->repository->connection(local.id)->folderId, folder.id);
        QVERIFY(m_a->repository->folder(folder.id));
        QCOMPARE(int(model->sharedConnections(m_shared).size()), sharedBefore);
        QVERIFY(!m_a->engine.hasPendingWrites(m_shared));
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_a->repository->connection(local.id), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(int(model->sharedConnections(m_shared).size()), sharedBefore + 1, 10000);
    const QUuid moved = idOf(model, local.name);
    QVERIFY(!moved.isNull());
    QCOMPARE(model->sharedRootOf(moved), m_shared);
    QCOMPARE(model->connection(moved)->folderId, m_eu);
}

void TestSharedEdit::signOutClosesTheViewOnlyEditor()
{
    // B's read-only editor shows a shared connection: it goes with the shared folders.
    MainWindow& window = *m_b->window;
    window.selectConnection(idOf(window.model(), QStringLiteral("Orders")));
    action(window, "actionEdit")->trigger();
    QPointer<ConnectionEditorDialog> editor =
        visibleChild<ConnectionEditorDialog>(window, QStringLiteral("sharedConnectionEditor"));
    QVERIFY(editor);
    QVERIFY(editor->isReadOnly());
    // B typed an own password and did not save: it is B's, local, and kept in the keychain.
    const QUuid orders = idOf(window.model(), QStringLiteral("Orders"));
    editor->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("typed-own-5d2e"));
    window.setSyncEngine(nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), 5000);
    QVERIFY(window.model()->sharedFolderIds().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        entry(m_b->secrets, SharedCredentials::entryKey(m_shared, orders, SharedCredential::Password))
            .value_or(""),
        QByteArray("typed-own-5d2e"), 10000);
}

void TestSharedEdit::duplicateSaysWhenTheKeychainFails()
{
    // When the keychain does not answer while Duplicate copies A's own credentials, the copy
    // is made and the status bar says that the credentials were not copied (a failed read
    // is not "none stored").
    const pid_t keyring = pid_t(qEnvironmentVariableIntValue("CONCLAVE_TEST_KEYRING_PID"));
    if (keyring == 0)
        QSKIP("needs the private gnome-keyring of tests/keychain/with-keyring.sh (ctest starts it)");
    KeychainDesk desk(*m_a);
    KeychainSecretStore& keychain = desk.keychain;
    MainWindow& window = *desk.window;
    ConnectionTreeModel* model = window.model();
    QTRY_VERIFY_WITH_TIMEOUT(!idOf(model, QStringLiteral("Orders")).isNull(), 30000);
    const QUuid id = idOf(model, QStringLiteral("Orders"));
    std::optional<Status> stored;
    keychain.writeEntry(SharedCredentials::entryKey(m_shared, id, SharedCredential::Password),
                        SecureBytes::fromView(QByteArrayView("ada-keychain-password")), this,
                        [&](Status s) { stored = s; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
    QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().message));
    const int before = int(model->sharedConnections(m_shared).size());
    window.selectConnection(id);
    QAction* duplicate = action(window, "actionDuplicate");
    QVERIFY(duplicate->isEnabled());

    QCOMPARE(::kill(keyring, SIGSTOP), 0);
    auto resume = qScopeGuard([keyring] { ::kill(keyring, SIGCONT); });
    duplicate->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(int(model->sharedConnections(m_shared).size()), before + 1, 30000);
    auto* status = window.findChild<QStatusBar*>();
    // Four reads of 0.5 s each at most, one after the other in QtKeychain's queue.
    QTRY_VERIFY2_WITH_TIMEOUT(status->currentMessage().contains(QStringLiteral("could not be copied")),
                              qPrintable(status->currentMessage()), 15000);
    QVERIFY2(status->currentMessage().contains(QStringLiteral("did not answer in time")),
             qPrintable(status->currentMessage()));
}

void TestSharedEdit::openUsesOwnUserNames()
{
    // A shared SSH connection through a jump host carries neither user name: Open logs in
    // with A's own user and reaches the jump host as A's own SSH user, both from A's keychain.
    MainWindow& window = *m_a->window;
    Connection shell;
    shell.id = QUuid::createUuid();
    shell.name = QStringLiteral("Bastion Shell");
    shell.kind = ConnectionKind::SSH;
    shell.hosts = {{QStringLiteral("shell.internal"), 22}};
    shell.ssh.enabled = true;
    shell.ssh.host = QStringLiteral("jump.internal");
    shell.ssh.port = 2222;
    const QByteArray plaintext = SharedConnection::fromConnection(shell, {}, m_a->client.account().userId,
                                                                  QDateTime::currentDateTimeUtc())
                                     .encode();
    const auto written = await<QUuid>(
        [&](QObject* c, auto done) { m_a->engine.writeItem(m_shared, shell.id, plaintext, c, done); });
    VERIFY_OK(written);
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->connection(shell.id), 10000);
    QVERIFY(window.model()->connection(shell.id)->ssh.user.isEmpty());
    SharedTreeSync::Credentials mine;
    mine.user = QStringLiteral("ada-shell-8c1f");
    mine.sshUser = QStringLiteral("ada-jump-5e27");
    std::optional<Status> stored;
    window.sharedTree()->setCredentials(shell.id, std::move(mine), [&](Status s) { stored = s; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
    QVERIFY(stored->ok());
    QTRY_COMPARE_WITH_TIMEOUT(window.sharedTree()->ownUser(shell.id), QStringLiteral("ada-shell-8c1f"),
                              10000);

    QTemporaryDir scratch;
    const QString out = scratch.filePath(QStringLiteral("opened.txt"));
    recordOpens(window, out);
    window.selectConnection(shell.id);
    QVERIFY(action(window, "actionOpen")->isEnabled());
    action(window, "actionOpen")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 15000);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray args = file.readAll();
    QVERIFY2(args.contains("-l ada-shell-8c1f"), args.constData());
    QVERIFY2(args.contains("-J ada-jump-5e27@jump.internal:2222"), args.constData());
}

void TestSharedEdit::openAndTestSayWhenTheKeychainFails()
{
    // As above, with the keychain frozen: Open still opens (the client asks for what it
    // needs) and says that A's stored credentials could not be read; Test Connection, from
    // the window and from the shared editor, says it among its steps.
    const pid_t keyring = pid_t(qEnvironmentVariableIntValue("CONCLAVE_TEST_KEYRING_PID"));
    if (keyring == 0)
        QSKIP("needs the private gnome-keyring of tests/keychain/with-keyring.sh (ctest starts it)");
    KeychainDesk desk(*m_a);
    MainWindow& window = *desk.window;
    ConnectionTreeModel* model = window.model();
    QTRY_VERIFY_WITH_TIMEOUT(!idOf(model, QStringLiteral("Bastion Shell")).isNull(), 30000);
    const QUuid id = idOf(model, QStringLiteral("Bastion Shell"));
    QTemporaryDir scratch;
    const QString out = scratch.filePath(QStringLiteral("opened.txt"));
    recordOpens(window, out);
    window.selectConnection(id);
    auto* status = window.findChild<QStatusBar*>();
    auto stepsSay = [](ConnectionCheckDialog* dialog, const QString& text) {
        auto* steps = dialog->findChild<QListWidget*>(QStringLiteral("steps"));
        for (int i = 0; steps && i < steps->count(); ++i) {
            if (steps->item(i)->text().contains(text))
                return true;
        }
        return false;
    };

    QCOMPARE(::kill(keyring, SIGSTOP), 0);
    auto resume = qScopeGuard([keyring] { ::kill(keyring, SIGCONT); });
    action(window, "actionOpen")->trigger();
    // Two reads of 0.5 s each at most, behind the tree's own in QtKeychain's queue.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(status->currentMessage().contains(QStringLiteral("could not read them")),
                              qPrintable(status->currentMessage()), 5000);
    QVERIFY2(status->currentMessage().contains(QStringLiteral("did not answer in time")),
             qPrintable(status->currentMessage()));

    action(window, "actionTest")->trigger();
    QPointer<ConnectionCheckDialog> check;
    QTRY_VERIFY_WITH_TIMEOUT(
        (check = visibleChild<ConnectionCheckDialog>(window, QStringLiteral("ConnectionCheckDialog"))),
        20000);
    QTRY_VERIFY_WITH_TIMEOUT(stepsSay(check, QStringLiteral("could not be read")), 5000);
    check->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!check, 5000);

    window.selectConnection(id);
    action(window, "actionEdit")->trigger();
    QPointer<ConnectionEditorDialog> editor;
    QTRY_VERIFY_WITH_TIMEOUT(
        (editor = visibleChild<ConnectionEditorDialog>(window, QStringLiteral("sharedConnectionEditor"))),
        20000);
    auto* test = editor->findChild<QPushButton*>(QStringLiteral("testConnection"));
    QVERIFY(test && test->isEnabled());
    test->click();
    QTRY_VERIFY_WITH_TIMEOUT((check = editor->findChild<ConnectionCheckDialog*>()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(stepsSay(check, QStringLiteral("could not be read")), 5000);
    check->reject();
    editor->reject();
}

void TestSharedEdit::moveWhileOfflineKeepsTheLocalOne()
{
    // The server is gone: the engine keeps the write in its outbox, which may yet be refused
    // or wiped, so the local connection stays until the server has stored the shared one.
    MainWindow& window = *m_a->window;
    Connection local;
    local.id = QUuid::createUuid();
    local.name = QStringLiteral("Offline Move");
    local.kind = ConnectionKind::Redis;
    local.hosts = {{QStringLiteral("cache.internal"), 6379}};
    ChangeSet add;
    add.upsertConnections = {local};
    QVERIFY(m_a->repository->apply(add).ok());
    m_server.stop();
    window.selectConnection(local.id);
    MoveToDialog* dialog = openMoveTo(window);
    QVERIFY(dialog);
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    target->setCurrentIndex(target->findData(m_shared));
    dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok)->click();
    QPointer<QMessageBox> box = visibleChild<QMessageBox>(window, QStringLiteral("moveIntoSharedConfirm"));
    QVERIFY(box);
    box->findChild<QPushButton*>(QStringLiteral("moveIntoSharedAccept"))->click();
    auto* status = window.findChild<QStatusBar*>();
    QTRY_VERIFY2_WITH_TIMEOUT(status->currentMessage().contains(QStringLiteral("stays here too")),
                              qPrintable(status->currentMessage()), 60000);
    QVERIFY(m_a->engine.hasPendingWrites(m_shared));
    QVERIFY(m_a->repository->connection(local.id));
}

QTEST_MAIN(TestSharedEdit)
#include "TestSharedEdit.moc"
