// Shared folders in the main window's tree, offscreen, with two accounts against the real
// conclave-server: A shares a local folder (confirmed in the window; every connection is
// uploaded and only then the local copy goes), and the shared folder shows with its
// sub-folder; the user name planted in A's local connection reaches neither the server's
// data files nor anything B holds; B, added with the View role after the safety number,
// sees the items read-only (no edit, rename, delete or drop; the actions are greyed with the
// reason as tooltip); A's rename and move reach B's tree; an unreadable item is left out and
// counted; the context menu of anything in the shared folder offers Members, Invite and
// History (the last two for managers only), and the details name the other member by
// address; clearing the engine (sign-out) empties the shared part of both trees.
// QAbstractItemModelTester watches both models throughout.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SharedDesk.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SharedCredentials.h"
#include "core/model/SharedConnection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/SharedTreeSync.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

const char kPlantedUser[] = "planted-user-5c1e";

// Opens the tree's context menu on the item named `name` as a right click does, and
// returns the menu the window shows (owned by the window; the caller deletes it).
QMenu* contextMenuOn(MainWindow& window, const QString& name)
{
    auto* tree = window.findChild<QTreeView*>(QStringLiteral("tree"));
    if (!tree)
        return nullptr;
    tree->expandAll();
    const QModelIndex index = findByName(tree->model(), name);
    if (!index.isValid())
        return nullptr;
    tree->scrollTo(index);
    const QPoint pos = tree->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, tree->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(tree->viewport(), &event);
    for (QMenu* menu :
         window.findChildren<QMenu*>(QStringLiteral("treeContextMenu"), Qt::FindDirectChildrenOnly)) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

} // namespace

class TestSharedTree : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void shareLocalFolder();
    void memberSeesItemsReadOnly();
    void ownCredentialsStayInTheKeychain();
    void viewRoleCannotChange_data();
    void viewRoleCannotChange();
    void editAndMoveReachTheMember();
    void contextMenuOffersSharing_data();
    void contextMenuOffersSharing();
    void contextMenuLeavesLocalItemsAlone();
    void detailsNameTheOtherMember();
    void unreadableItemIsLeftOut();
    void signOutKeepsTheEditAsADraft();
    void signOutClearsTheTree();
    void removalTakesTheOwnCredentials();

private:
    bool signUp(const QString& email, const char* password);
    bool signIn(Desk& desk, const QString& email, const char* password);
    bool syncB();

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
};

bool TestSharedTree::signUp(const QString& email, const char* password)
{
    QTemporaryDir scratch;
    Desk desk(m_url, scratch.path());
    const auto made = await([&](QObject* c, auto done) {
        desk.client.signUp(email, QStringLiteral("Tree User"), pw(password), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { desk.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

bool TestSharedTree::signIn(Desk& desk, const QString& email, const char* password)
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

bool TestSharedTree::syncB()
{
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    return synced && synced->ok();
}

void TestSharedTree::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestSharedTree")));
    m_url = QUrl(m_server.baseUrl());
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".tree.example.com");
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
}

void TestSharedTree::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_server.stop();
}

void TestSharedTree::shareLocalFolder()
{
    // A local folder "Team DBs" with a connection at its top and one in "EU".
    Folder team{QUuid::createUuid(), {}, QStringLiteral("Team DBs"), 0};
    Folder eu{QUuid::createUuid(), team.id, QStringLiteral("EU"), 0};
    Connection orders;
    orders.id = QUuid::createUuid();
    orders.folderId = team.id;
    orders.name = QStringLiteral("Orders");
    orders.kind = ConnectionKind::PostgreSQL;
    orders.hosts = {{QStringLiteral("orders.db.internal"), 5432}};
    orders.username = QString::fromLatin1(kPlantedUser);
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

    MainWindow& window = *m_a->window;
    window.selectFolder(team.id);
    QAction* share = window.findChild<QAction*>(QStringLiteral("actionShareFolder"));
    QVERIFY(share);
    QVERIFY(share->isVisible());
    QVERIFY(share->isEnabled());
    QSignalSpy shared(&window, &MainWindow::folderShared);
    window.shareFolder(team.id, m_orgId);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("shareFolderConfirm"));
    QVERIFY(box);
    box->findChild<QPushButton*>(QStringLiteral("shareFolderAccept"))->click();

    QTRY_COMPARE_WITH_TIMEOUT(shared.count(), 1, 60000);
    m_shared = shared.first().first().toUuid();
    ConnectionTreeModel* model = window.model();
    QVERIFY(model->sharedFolderIds().contains(m_shared));
    // The local copy is gone only now, with everything stored.
    QVERIFY(!m_a->repository->folder(team.id));
    QVERIFY(!m_a->repository->connection(orders.id));
    QCOMPARE(m_a->repository->connectionCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->sharedConnections(m_shared).size(), 2, 10000); // the sliced fill
    const QModelIndex root = model->indexForFolder(m_shared);
    QVERIFY(root.isValid());
    QCOMPARE(root.data().toString(), QStringLiteral("Team DBs"));
    QVERIFY(root.data(ConnectionTreeModel::SharedRole).toBool());
    QVERIFY(!root.data(ConnectionTreeModel::SharedReadOnlyRole).toBool());
    const QModelIndex euIndex = findByName(model, QStringLiteral("EU"), root);
    QVERIFY(euIndex.isValid());
    QVERIFY(findByName(model, QStringLiteral("Cache EU"), euIndex).isValid());
    // The user name stays local; no shared item carries it.
    for (const Connection& c : model->sharedConnections(m_shared))
        QVERIFY(c.username.isEmpty());
    QVERIFY(!fileTreeContains(m_server.dataDir(), kPlantedUser));
    QVERIFY(!fileTreeContains(m_dirB.path(), kPlantedUser));
}

void TestSharedTree::memberSeesItemsReadOnly()
{
    QVERIFY(!m_shared.isNull());
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
    ConnectionTreeModel* model = m_b->window->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->sharedFolderIds().contains(m_shared), 10000);
    QCOMPARE(model->sharedConnections(m_shared).size(), 2);
    const QModelIndex orders = findByName(model, QStringLiteral("Orders"));
    QVERIFY(orders.isValid());
    QVERIFY(orders.data(ConnectionTreeModel::SharedReadOnlyRole).toBool());
    QVERIFY(orders.data(Qt::ToolTipRole).toString().contains(QStringLiteral("only view")));
    QVERIFY(!fileTreeContains(m_dirB.path(), kPlantedUser));
}

void TestSharedTree::ownCredentialsStayInTheKeychain()
{
    ConnectionTreeModel* model = m_b->window->model();
    const QModelIndex orders = findByName(model, QStringLiteral("Orders"));
    QVERIFY(orders.isValid());
    const QUuid id = orders.data(ConnectionTreeModel::IdRole).toUuid();
    // B has none yet: marked, with the reason in the tooltip.
    QTRY_VERIFY_WITH_TIMEOUT(model->credentialsMissing(id), 10000);
    QVERIFY(
        model->indexForConnection(id).data(Qt::ToolTipRole).toString().contains(QStringLiteral("missing")));
    // B (View role) enters their own.
    SharedTreeSync::Credentials mine;
    mine.user = QStringLiteral("bob-own-user-8d2a");
    mine.password = SecureBytes("bob-own-password-e61f", 21);
    std::optional<Status> stored;
    m_b->window->sharedTree()->setCredentials(id, std::move(mine), [&](Status s) { stored = s; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
    QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().message));
    QTRY_VERIFY_WITH_TIMEOUT(!model->credentialsMissing(id), 10000);
    // Open and Test connection use it (the user name as read back from the keychain).
    QCOMPARE(m_b->window->sharedTree()->ownUser(id), QStringLiteral("bob-own-user-8d2a"));
    // In B's keychain under the documented name ...
    std::optional<Result<SecureBytes>> read;
    m_b->secrets.readEntry(SharedCredentials::entryKey(m_shared, id, SharedCredential::Password), this,
                           [&](Result<SecureBytes> r) { read.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY(read->ok());
    QCOMPARE(read->value().view().toByteArray(), QByteArray("bob-own-password-e61f"));
    // ... and nowhere else: not on the server, not in B's files, not in what A holds.
    QVERIFY(!fileTreeContains(m_server.dataDir(), "bob-own-password-e61f"));
    QVERIFY(!fileTreeContains(m_server.dataDir(), "bob-own-user-8d2a"));
    QVERIFY(!fileTreeContains(m_dirB.path(), "bob-own-password-e61f"));
    QVERIFY(!fileTreeContains(m_dirB.path(), "bob-own-user-8d2a"));
    QVERIFY(m_a->window->model()->connection(id)->username.isEmpty());
}

void TestSharedTree::viewRoleCannotChange_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("connection") << QStringLiteral("Orders");
    QTest::newRow("sub-folder") << QStringLiteral("EU");
    QTest::newRow("shared folder") << QStringLiteral("Team DBs");
}

void TestSharedTree::viewRoleCannotChange()
{
    QFETCH(QString, name);
    MainWindow& window = *m_b->window;
    ConnectionTreeModel* model = window.model();
    const QModelIndex index = findByName(model, name);
    QVERIFY(index.isValid());
    const Qt::ItemFlags flags = model->flags(index);
    QVERIFY(!(flags & Qt::ItemIsEditable));
    QVERIFY(!(flags & Qt::ItemIsDragEnabled));
    QVERIFY(!(flags & Qt::ItemIsDropEnabled));
    QVERIFY(!model->setData(index, QStringLiteral("Renamed by B")));
    const QUuid id = index.data(ConnectionTreeModel::IdRole).toUuid();
    if (index.data(ConnectionTreeModel::IsFolderRole).toBool())
        window.selectFolder(id);
    else
        window.selectConnection(id);
    for (const char* action : {"actionDelete", "actionRename", "actionMoveTo", "actionDuplicate"}) {
        QAction* a = window.findChild<QAction*>(QString::fromLatin1(action));
        QVERIFY2(!a->isEnabled(), action);
    }
    // Edit opens a connection read-only (TestSharedEdit), where B may still set their own credentials.
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("actionEdit"))->isEnabled(), !!model->connection(id));
    QVERIFY(window.findChild<QAction*>(QStringLiteral("actionDelete"))
                ->toolTip()
                .contains(QStringLiteral("only view")));
    // A drop of a local connection into it is refused too.
    std::unique_ptr<QMimeData> mime(model->mimeData({index}));
    QVERIFY(!model->canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model->indexForFolder(m_shared)));
    // And the engine itself refuses a write from the View role.
    if (const Connection* c = model->connection(id)) {
        std::optional<Status> written;
        Connection changed = *c;
        changed.name = QStringLiteral("Renamed by B");
        window.sharedTree()->writeConnection(changed, [&](Status s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
        QVERIFY(!written->ok());
        QCOMPARE(written->error().code, ErrorCode::Denied);
    }
}

void TestSharedTree::editAndMoveReachTheMember()
{
    ConnectionTreeModel* modelA = m_a->window->model();
    const QModelIndex orders = findByName(modelA, QStringLiteral("Orders"));
    QVERIFY(orders.isValid());
    const QUuid ordersId = orders.data(ConnectionTreeModel::IdRole).toUuid();
    // A renames in place (F2 in the tree): the rename handler writes through the engine.
    QVERIFY(modelA->flags(orders) & Qt::ItemIsEditable);
    QVERIFY(modelA->setData(orders, QStringLiteral("Orders (primary)")));
    QTRY_COMPARE_WITH_TIMEOUT(modelA->connection(ordersId)->name, QStringLiteral("Orders (primary)"), 30000);
    // ... and moves it into "EU" by drag and drop.
    const QModelIndex eu = findByName(modelA, QStringLiteral("EU"));
    std::unique_ptr<QMimeData> mime(modelA->mimeData({modelA->indexForConnection(ordersId)}));
    QVERIFY(modelA->canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, eu));
    QVERIFY(modelA->dropMimeData(mime.get(), Qt::MoveAction, -1, 0, eu));
    QTRY_COMPARE_WITH_TIMEOUT(modelA->connection(ordersId)->folderId,
                              eu.data(ConnectionTreeModel::IdRole).toUuid(), 30000);
    // Never across: a shared item does not drop into the local tree.
    QVERIFY(!modelA->canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, QModelIndex()));

    QVERIFY(syncB());
    ConnectionTreeModel* modelB = m_b->window->model();
    QTRY_VERIFY_WITH_TIMEOUT(modelB->connection(ordersId) &&
                                 modelB->connection(ordersId)->name == QStringLiteral("Orders (primary)"),
                             10000);
    QCOMPARE(modelB->folderPath(modelB->connection(ordersId)->folderId), QStringLiteral("Team DBs / EU"));
    // The details pane says who changed it and what B may do.
    m_b->window->selectConnection(ordersId);
    const SharedTreeSync::ItemInfo* info = m_b->window->sharedTree()->info(ordersId);
    QVERIFY(info);
    QCOMPARE(info->changedBy, m_a->client.account().userId);
    QCOMPARE(info->createdBy, m_a->client.account().userId);
    auto* role = m_b->window->findChild<QLabel*>(QStringLiteral("detailsSharedRole"));
    QVERIFY(role);
    QVERIFY2(role->text().contains(QStringLiteral("only view")), qPrintable(role->text()));
    QVERIFY(!m_b->window->findChild<QLabel*>(QStringLiteral("detailsChangedBy"))->text().isEmpty());
}

void TestSharedTree::contextMenuOffersSharing_data()
{
    QTest::addColumn<bool>("manager");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isConnection");
    // A shared the folder and manages it; B was added with the View role.
    for (const bool manager : {true, false}) {
        const char* role = manager ? "Manage" : "View";
        QTest::addRow("connection, %s", role) << manager << QStringLiteral("Orders (primary)") << true;
        QTest::addRow("sub-folder, %s", role) << manager << QStringLiteral("EU") << false;
        QTest::addRow("shared folder, %s", role) << manager << QStringLiteral("Team DBs") << false;
    }
}

void TestSharedTree::contextMenuOffersSharing()
{
    QFETCH(bool, manager);
    QFETCH(QString, name);
    QFETCH(bool, isConnection);
    MainWindow& window = manager ? *m_a->window : *m_b->window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window, 10000));
    const QModelIndex item = findByName(window.model(), name);
    QVERIFY(item.isValid());
    const QUuid expectedItem = isConnection ? item.data(ConnectionTreeModel::IdRole).toUuid() : QUuid();

    std::unique_ptr<QMenu> menu(contextMenuOn(window, name));
    QVERIFY(menu);
    auto* members = menu->findChild<QAction*>(QStringLiteral("contextMembers"));
    auto* invite = menu->findChild<QAction*>(QStringLiteral("contextInvite"));
    auto* history = menu->findChild<QAction*>(QStringLiteral("contextHistory"));
    QVERIFY(members);
    QVERIFY(invite);
    QVERIFY(history);
    QVERIFY(menu->actions().contains(members));
    QVERIFY(menu->actions().contains(invite));
    QVERIFY(menu->actions().contains(history));
    QVERIFY(members->isEnabled());
    QCOMPARE(invite->isEnabled(), manager);
    QCOMPARE(history->isEnabled(), manager);
    if (!manager) {
        QVERIFY(!invite->toolTip().isEmpty());
        QVERIFY(!history->toolTip().isEmpty());
    }

    QSignalSpy membersSpy(&window, &MainWindow::membersRequested);
    QSignalSpy inviteSpy(&window, &MainWindow::inviteRequested);
    QSignalSpy historySpy(&window, &MainWindow::historyRequested);
    members->trigger();
    invite->trigger();
    history->trigger();
    QCOMPARE(membersSpy.count(), 1);
    QCOMPARE(membersSpy.first().first().toUuid(), m_shared);
    // A greyed entry does nothing when triggered.
    QCOMPARE(inviteSpy.count(), manager ? 1 : 0);
    QCOMPARE(historySpy.count(), manager ? 1 : 0);
    if (manager) {
        QCOMPARE(inviteSpy.first().first().toUuid(), m_shared);
        QCOMPARE(historySpy.first().at(0).toUuid(), m_shared);
        QCOMPARE(historySpy.first().at(1).toUuid(), expectedItem);
    }
}

void TestSharedTree::contextMenuLeavesLocalItemsAlone()
{
    Folder local{QUuid::createUuid(), {}, QStringLiteral("Local Only"), 0};
    Connection box;
    box.id = QUuid::createUuid();
    box.folderId = local.id;
    box.name = QStringLiteral("Local Box");
    box.kind = ConnectionKind::SSH;
    box.hosts = {{QStringLiteral("box.internal"), 22}};
    ChangeSet add;
    add.upsertFolders = {local};
    add.upsertConnections = {box};
    QVERIFY(m_a->repository->apply(add).ok());
    MainWindow& window = *m_a->window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window, 10000));
    QTRY_VERIFY_WITH_TIMEOUT(findByName(window.model(), QStringLiteral("Local Box")).isValid(), 10000);
    for (const QString& name : {QStringLiteral("Local Only"), QStringLiteral("Local Box")}) {
        std::unique_ptr<QMenu> menu(contextMenuOn(window, name));
        QVERIFY2(menu, qPrintable(name));
        for (const char* entry : {"contextMembers", "contextInvite", "contextHistory"})
            QVERIFY2(!menu->findChild<QAction*>(QString::fromLatin1(entry)), entry);
    }
    ChangeSet remove;
    remove.removeConnections = {box.id};
    remove.removeFolders = {local.id};
    QVERIFY(m_a->repository->apply(remove).ok());
}

void TestSharedTree::detailsNameTheOtherMember()
{
    // B's details pane names A, who changed the connection, by address and not by an id.
    const QModelIndex orders = findByName(m_b->window->model(), QStringLiteral("Orders (primary)"));
    QVERIFY(orders.isValid());
    const QUuid id = orders.data(ConnectionTreeModel::IdRole).toUuid();
    m_b->window->selectConnection(id);
    auto* changedBy = m_b->window->findChild<QLabel*>(QStringLiteral("detailsChangedBy"));
    QVERIFY(changedBy);
    QTRY_VERIFY2_WITH_TIMEOUT(changedBy->text().contains(m_emailA), qPrintable(changedBy->text()), 10000);
    QCOMPARE(m_b->window->sharedTree()->personName(m_a->client.account().userId), m_emailA);
    // And A's window names B, the member A added, once A's sync has read the folder's detail.
    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(m_a->window->sharedTree()->personName(m_b->client.account().userId), m_emailB);
}

void TestSharedTree::unreadableItemIsLeftOut()
{
    // A's client writes a plaintext that is no connection (as a hostile or broken member might).
    const auto written = [&] {
        std::optional<Result<QUuid>> result;
        QObject context;
        m_a->engine.writeItem(m_shared, {}, QByteArrayLiteral("{\"format\":\"conclave.connection\",\"v\":1}"),
                              &context, [&](Result<QUuid> r) { result.emplace(std::move(r)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
        return result;
    }();
    QVERIFY(written && written->ok());
    QVERIFY(syncB());
    ConnectionTreeModel* model = m_b->window->model();
    QTRY_COMPARE_WITH_TIMEOUT(m_b->window->sharedTree()->unreadableCount(m_shared), 1, 10000);
    QCOMPARE(model->sharedConnections(m_shared).size(), 2);
    QVERIFY(!model->connection(written->value()));
    // Removed again, so the folder is whole for what follows.
    const auto removed =
        await([&](QObject* c, auto done) { m_a->engine.deleteItem(m_shared, written->value(), c, done); });
    VERIFY_OK(removed);
}

void TestSharedTree::signOutKeepsTheEditAsADraft()
{
    // A's editor of a shared connection is open with an unsaved change when A is signed out:
    // the change is kept as the engine's encrypted draft and the editor closes.
    const QModelIndex orders = findByName(m_a->window->model(), QStringLiteral("Orders (primary)"));
    QVERIFY(orders.isValid());
    const QUuid ordersId = orders.data(ConnectionTreeModel::IdRole).toUuid();
    m_a->window->selectConnection(ordersId);
    auto* edit = m_a->window->findChild<QAction*>(QStringLiteral("actionEdit"));
    QVERIFY(edit && edit->isEnabled());
    edit->trigger();
    QPointer<ConnectionEditorDialog> editor =
        m_a->window->findChild<ConnectionEditorDialog*>(QStringLiteral("sharedConnectionEditor"));
    QVERIFY(editor);
    auto* name = editor->findChild<QLineEdit*>(QStringLiteral("name"));
    QVERIFY(name);
    name->setText(QStringLiteral("Orders (draft at sign-out)"));

    QVERIFY(!m_a->engine.draft(m_shared, ordersId));
    m_a->window->setSyncEngine(nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!editor, 5000);
    const std::optional<QByteArray> draft = m_a->engine.draft(m_shared, ordersId);
    QVERIFY(draft);
    QVERIFY2(draft->contains("Orders (draft at sign-out)"), draft->constData());
    // Nothing was sent: the server still holds the saved name until the draft is pushed.
    QVERIFY(m_a->engine.itemPlaintext(m_shared, ordersId));
    QVERIFY(!m_a->engine.itemPlaintext(m_shared, ordersId)->view().contains("draft at sign-out"));
    // The shared part comes back for the next test with the draft pushed on the next flush.
    m_a->window->setSyncEngine(&m_a->engine, m_a->client.account().userId);
    QVERIFY(m_a->engine.discardDraft(m_shared, ordersId).ok());
}

void TestSharedTree::signOutClearsTheTree()
{
    for (Desk* desk : {m_a.get(), m_b.get()}) {
        ConnectionTreeModel* model = desk->window->model();
        QVERIFY(!model->sharedFolderIds().isEmpty());
        desk->window->setSyncEngine(nullptr);
        QVERIFY(model->sharedFolderIds().isEmpty());
        QVERIFY(!model->indexForFolder(m_shared).isValid());
        QVERIFY(!findByName(model, QStringLiteral("Cache EU")).isValid());
        QVERIFY(model->sharedConnections(m_shared).isEmpty());
        QVERIFY(!desk->window->sharedTree()->engine());
    }
}

void TestSharedTree::removalTakesTheOwnCredentials()
{
    // B's own credentials go with the folder when A removes B: those of a connection in the
    // tree and those of an item only in B's outbox (a new connection's draft here, a
    // connection made or moved in while offline is the same), which the tree never showed.
    m_b->window->setSyncEngine(&m_b->engine, m_b->client.account().userId);
    ConnectionTreeModel* model = m_b->window->model();
    // "Orders" of ownCredentialsStayInTheKeychain, renamed by editAndMoveReachTheMember.
    const QString name = QStringLiteral("Orders (primary)");
    QTRY_VERIFY_WITH_TIMEOUT(findByName(model, name).isValid(), 10000);
    const QUuid orders = findByName(model, name).data(ConnectionTreeModel::IdRole).toUuid();
    const QUuid drafted = QUuid::createUuid();
    QVERIFY(m_b->engine.saveDraft(m_shared, drafted, "a new connection, not sent yet", 0).ok());
    const QString shownKey = SharedCredentials::entryKey(m_shared, orders, SharedCredential::Password);
    const QString draftKey = SharedCredentials::entryKey(m_shared, drafted, SharedCredential::Password);
    auto stored = [&](const QString& key) -> std::optional<bool> {
        std::optional<Result<SecureBytes>> read;
        QObject context;
        m_b->secrets.readEntry(key, &context, [&](Result<SecureBytes> r) { read.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return read.has_value(); }, 10000))
            return std::nullopt;
        return read->ok();
    };
    std::optional<Status> written;
    m_b->secrets.writeEntry(draftKey, SecureBytes("bob-draft-password", 18), this,
                            [&](Status s) { written = s; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY(written->ok());
    QCOMPARE(stored(shownKey), std::optional<bool>(true)); // from ownCredentialsStayInTheKeychain
    QCOMPARE(stored(draftKey), std::optional<bool>(true));

    const auto removed = await([&](QObject* c, auto done) {
        m_a->engine.removeMember(m_shared, m_b->client.account().userId, c, done);
    });
    VERIFY_OK(removed);
    QSignalSpy wiped(&m_b->engine, &SyncEngine::folderWiped);
    QVERIFY(syncB());
    QCOMPARE(wiped.count(), 1);
    QVERIFY(!model->indexForFolder(m_shared).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(stored(shownKey), std::optional<bool>(false), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stored(draftKey), std::optional<bool>(false), 10000);
}

QTEST_MAIN(TestSharedTree)
#include "TestSharedTree.moc"
