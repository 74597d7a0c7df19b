// Conflict copies and refused writes as the user sees them, offscreen, with two accounts against
// the real conclave-server (SharedPair: ada manages the folder, bob edits it). Ada and bob
// change the same field of one connection; bob's write meets ada's newer revision, and the
// conflict copy it leaves shows in bob's tree as "Name (conflict, time)" with a tooltip and a
// sentence in the details pane that name the original. Bob's saved edit then meets a role
// lowered to View: the refused change appears in the open Sync Problems dialog (no reload by
// hand) and stays when a later draft of the item is saved, Copy to My Connections makes a
// local connection of it; after a restart the Team
// Sharing menu's entry is enabled and the status bar says it, its button opens the dialog, and
// Discard asks first (Cancel, the default, keeps the change) and, confirmed, removes the
// change from the engine (the entry and the button go).
#include "SharedPair.h"

#include "core/crypto/SensitiveBytes.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/model/SharedConnection.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/SharedTreeSync.h"
#include "ui/SyncProblemsDialog.h"
#include "ui/TeamSharingController.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

QByteArray connectionItem(const QString& name, const QString& notes, const QUuid& author)
{
    Connection c;
    c.name = name;
    c.kind = ConnectionKind::PostgreSQL;
    c.hosts = {{QStringLiteral("orders.db.internal"), 5432}};
    c.notes = notes;
    return SharedConnection::fromConnection(c, {}, author, QDateTime::currentDateTimeUtc()).encode();
}

// The next revision of `plaintext` with other notes.
QByteArray withNotes(const QByteArray& plaintext, const QUuid& itemId, const QString& notes)
{
    const Result<SharedConnection> decoded = SharedConnection::decode(plaintext, itemId);
    if (!decoded)
        return {};
    Connection changed = decoded->connection;
    changed.notes = notes;
    return decoded->edited(changed, decoded->group, QDateTime::currentDateTimeUtc()).encode();
}

// Bob's computer as the app builds it: the main window over a local store, the Team Sharing
// controller that makes the engine at sign-in, the window following that engine.
struct AppDesk
{
    AppDesk(const QUrl& server, const QString& directory)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, directory)
        , repository(ConnectionRepository::open(directory + QStringLiteral("/app-connections.db")))
    {
        MainWindow::Services services;
        services.repository = repository.get();
        services.secrets = &secrets;
        window = std::make_unique<MainWindow>(services);
        controller = std::make_unique<TeamSharingController>(window.get(), &client, settings, nullptr,
                                                             SignInDialog::SwitchServer(), directory);
        controller->setRepository(repository.get());
        QObject::connect(
            controller.get(), &TeamSharingController::engineStarted, window.get(),
            [this](SyncEngine* engine) { window->setSyncEngine(engine, client.account().userId); });
        QObject::connect(controller.get(), &TeamSharingController::engineStopped, window.get(),
                         [this] { window->setSyncEngine(nullptr); });
    }
    ~AppDesk()
    {
        controller.reset();
        window.reset();
    }

    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    std::unique_ptr<ConnectionRepository> repository;
    MemorySecretStore secrets;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<TeamSharingController> controller;
};

} // namespace

class TestSharedTreeConflicts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void conflictCopyIsMarkedInTheTree();
    void refusedWriteAppearsAndCanBeCopied();
    void menuAndStatusBarOpenItAndDiscardRemovesIt();

private:
    ServerHarness m_server;
    SharedPair m_pair;
    // Bob's window over his engine (the pair's device b).
    std::unique_ptr<ConnectionRepository> m_repositoryB;
    MemorySecretStore m_secretsB;
    std::unique_ptr<MainWindow> m_windowB;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_localB;
    QUuid m_item;
    QByteArray m_itemText; // the revision of m_item bob holds
};

void TestSharedTreeConflicts::initTestCase()
{
    QVERIFY(m_pair.setUp(m_server, QStringLiteral("TestSharedTreeConflicts")));
    m_repositoryB = ConnectionRepository::open(m_localB.filePath(QStringLiteral("connections.db")));
    MainWindow::Services services;
    services.repository = m_repositoryB.get();
    services.secrets = &m_secretsB;
    m_windowB = std::make_unique<MainWindow>(services);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_windowB->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_windowB->setSyncEngine(&m_pair.b->engine, m_pair.b->client.account().userId);
}

void TestSharedTreeConflicts::cleanupTestCase()
{
    m_tester.reset();
    m_windowB.reset();
    m_pair.a.reset();
    m_pair.b.reset();
    m_server.stop();
}

void TestSharedTreeConflicts::conflictCopyIsMarkedInTheTree()
{
    const QUuid ada = m_pair.a->client.account().userId;
    const QByteArray first = connectionItem(QStringLiteral("Orders"), QStringLiteral("first"), ada);
    m_item = m_pair.write({}, first);
    QVERIFY(!m_item.isNull());
    VERIFY_OK(await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); }));
    ConnectionTreeModel* model = m_windowB->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexForConnection(m_item).isValid(), 10000);
    QVERIFY(!model->conflictCopy(m_item));

    // Ada changes the notes; bob, not having seen it, changes them too.
    QVERIFY(!m_pair.write(m_item, withNotes(first, m_item, QStringLiteral("from ada"))).isNull());
    QSignalSpy copied(&m_pair.b->engine, &SyncEngine::conflictCopied);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto written = await<QUuid>([&](QObject* c, auto done) {
        m_pair.b->engine.writeItem(m_pair.folderId, m_item,
                                   withNotes(first, m_item, QStringLiteral("from bob")), c, done);
    });
    VERIFY_OK(written);
    QCOMPARE(copied.count(), 1);
    const QUuid copyId = copied.first().at(2).value<QUuid>();

    // The copy is in bob's tree, marked, with the time it was made.
    QTRY_VERIFY_WITH_TIMEOUT(model->indexForConnection(copyId).isValid(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model->conflictCopy(copyId), 10000);
    QCOMPARE(model->conflictCopy(copyId)->original, m_item);
    const QDateTime at = model->conflictCopy(copyId)->at;
    QVERIFY(at >= before && at <= QDateTime::currentDateTimeUtc().addSecs(1));
    const QModelIndex copy = model->indexForConnection(copyId);
    const QString time = QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
    const QString day = QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat);
    const QString shown = copy.data(Qt::DisplayRole).toString();
    QVERIFY2(shown == QStringLiteral("Orders (conflict, %1)").arg(time) ||
                 shown == QStringLiteral("Orders (conflict, %1)").arg(day),
             qPrintable(shown));
    // Renaming starts from the name alone.
    QCOMPARE(copy.data(Qt::EditRole).toString(), QStringLiteral("Orders"));
    const QString tip = copy.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("conflict copy of “Orders”")), qPrintable(tip));
    QVERIFY2(tip.contains(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)), qPrintable(tip));
    // The original is no copy and shows its name alone.
    const QModelIndex original = model->indexForConnection(m_item);
    QCOMPARE(original.data(Qt::DisplayRole).toString(), QStringLiteral("Orders"));
    QVERIFY(!original.data(Qt::ToolTipRole).toString().contains(QStringLiteral("conflict")));

    // The details pane says it in a sentence with the original's name; the original's does not.
    auto* sentence = m_windowB->findChild<QLabel*>(QStringLiteral("detailsConflict"));
    QVERIFY(sentence);
    m_windowB->selectConnection(copyId);
    QTRY_VERIFY_WITH_TIMEOUT(!sentence->isHidden(), 5000);
    QVERIFY2(sentence->text().contains(QStringLiteral("A conflict copy of “Orders”, made on")),
             qPrintable(sentence->text()));
    m_windowB->selectConnection(m_item);
    QTRY_VERIFY_WITH_TIMEOUT(sentence->isHidden(), 5000);
}

void TestSharedTreeConflicts::refusedWriteAppearsAndCanBeCopied()
{
    QVERIFY(!m_item.isNull());
    const SensitiveBytes* held = m_pair.b->engine.itemPlaintext(m_pair.folderId, m_item);
    QVERIFY(held);
    m_itemText = held->view().toByteArray();
    // Bob's edit waits as a draft (as at a sign-out while editing) ...
    const QByteArray typed = withNotes(m_itemText, m_item, QStringLiteral("typed by bob, never saved"));
    Result<SharedConnection> typedConnection = SharedConnection::decode(typed, m_item);
    QVERIFY(typedConnection.ok());
    QVERIFY(
        m_pair.b->engine
            .saveDraft(m_pair.folderId, m_item, typed, m_pair.b->engine.itemRevision(m_pair.folderId, m_item))
            .ok());
    // ... while ada lowers him to View.
    VERIFY_OK(await([&](QObject* c, auto done) {
        m_pair.a->engine.changeRole(m_pair.folderId, m_pair.b->client.account().userId, FolderRole::View, c,
                                    done);
    }));

    QTemporaryDir local;
    auto repository = ConnectionRepository::open(local.filePath(QStringLiteral("mine.db")));
    SyncProblemsDialog dialog(&m_pair.b->engine, repository.get());
    dialog.show();
    auto* list = dialog.findChild<QTreeWidget*>(QStringLiteral("refusedList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 0);

    QSignalSpy problems(&m_pair.b->engine, &SyncEngine::syncProblemsChanged);
    const auto flushed = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    QVERIFY(flushed.has_value());
    QCOMPARE(m_pair.b->engine.refusedWrites().size(), 1);
    QVERIFY(problems.count() >= 1);
    // The open dialog follows the engine.
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 5000);
    QTreeWidgetItem* row = list->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("Orders"));
    QCOMPARE(row->text(1), QStringLiteral("Team Databases"));
    QCOMPARE(row->text(2), QStringLiteral("Edit"));
    QVERIFY(row->text(3).contains(m_pair.b->engine.refusedWrites().first().reason));
    // Once bob's sync has read the lowered role, the reason says it.
    VERIFY_OK(await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); }));
    QCOMPARE(m_pair.b->engine.roleIn(m_pair.folderId), FolderRole::View);
    QTRY_VERIFY_WITH_TIMEOUT(
        list->topLevelItemCount() == 1 &&
            list->topLevelItem(0)->text(3).startsWith(QStringLiteral("You may only view this folder now.")),
        5000);
    row = list->topLevelItem(0);
    QVERIFY(!row->text(3).isEmpty());
    // A later draft of the same item does not take the refused content's place.
    QVERIFY(m_pair.b->engine
                .saveDraft(m_pair.folderId, m_item, withNotes(m_itemText, m_item, QStringLiteral("later")),
                           m_pair.b->engine.itemRevision(m_pair.folderId, m_item))
                .ok());
    QCOMPARE(m_pair.b->engine.refusedWrites().size(), 1);
    QCOMPARE(m_pair.b->engine.refusedWrites().first().plaintext, typed);
    QVERIFY(m_pair.b->engine.discardDraft(m_pair.folderId, m_item).ok());
    QCOMPARE(m_pair.b->engine.refusedWrites().size(), 1);

    auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("copyButton"));
    auto* discard = dialog.findChild<QPushButton*>(QStringLiteral("discardButton"));
    QVERIFY(copy && discard);
    QVERIFY(!copy->isEnabled()); // nothing selected
    list->setCurrentItem(row);
    QVERIFY(copy->isEnabled());
    QVERIFY(discard->isEnabled());
    copy->click();
    // A connection of bob's own, at the top of his local tree, with what he typed.
    QCOMPARE(repository->connectionCount(), 1);
    const Connection made = repository->connections().first();
    QVERIFY(made.id != m_item);
    QVERIFY(made.folderId.isNull());
    QCOMPARE(made.name, QStringLiteral("Orders"));
    QCOMPARE(made.notes, QStringLiteral("typed by bob, never saved"));
    QCOMPARE(made.hosts, typedConnection->connection.hosts);
    QVERIFY(made.username.isEmpty());
    // Copying keeps the refused change until it is discarded.
    QCOMPARE(m_pair.b->engine.refusedWrites().size(), 1);
    QCOMPARE(list->topLevelItemCount(), 1);
}

void TestSharedTreeConflicts::menuAndStatusBarOpenItAndDiscardRemovesIt()
{
    QCOMPARE(m_pair.b->engine.refusedWrites().size(), 1);
    // Bob quits; the app starts again over the same data folder, and he signs in.
    m_tester.reset();
    m_windowB.reset();
    m_pair.b.reset();
    AppDesk desk(m_pair.urlB, m_pair.dirB.path());
    auto* entry = desk.window->findChild<QAction*>(QStringLiteral("actionSyncProblems"));
    auto* button = desk.window->statusBar()->findChild<QToolButton*>(QStringLiteral("syncProblemsButton"));
    QVERIFY(entry && button);
    QVERIFY(!entry->isEnabled());
    QVERIFY(button->isHidden());
    VERIFY_OK(await([&](QObject* c, auto done) {
        desk.client.signIn(m_pair.emailB, SharedPair::password(SharedPair::kPasswordB), c, done);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(desk.controller->engine(), 30000);
    SyncEngine* engine = desk.controller->engine();
    QCOMPARE(engine->refusedWrites().size(), 1);
    QVERIFY(entry->isEnabled());
    QVERIFY(!button->isHidden());
    QCOMPARE(button->text(), QStringLiteral("Team Sharing: 1 change(s) could not be saved"));

    button->click();
    auto* dialog = desk.window->findChild<SyncProblemsDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("refusedList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 5000);
    list->setCurrentItem(list->topLevelItem(0));
    // Discard asks first and names what is lost; Cancel, the default, keeps the change.
    auto* discard = dialog->findChild<QPushButton*>(QStringLiteral("discardButton"));
    discard->click();
    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())));
    QCOMPARE(question->text(), QStringLiteral("Discard 1 change(s)?"));
    QVERIFY2(question->informativeText().contains(QStringLiteral("lost for good")),
             qPrintable(question->informativeText()));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    auto* confirm = question->findChild<QPushButton*>(QStringLiteral("confirmDiscard"));
    QVERIFY(confirm);
    QCOMPARE(confirm->text(), QStringLiteral("&Discard"));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(QApplication::activeModalWidget() != question);
    QCOMPARE(engine->refusedWrites().size(), 1);
    QCOMPARE(list->topLevelItemCount(), 1);
    // Confirmed, it goes.
    list->setCurrentItem(list->topLevelItem(0));
    discard->click();
    QTRY_VERIFY((question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())));
    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("confirmDiscard")), Qt::LeftButton);
    QTRY_VERIFY(engine->refusedWrites().isEmpty());
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(!entry->isEnabled());
    QVERIFY(button->isHidden());
    // Gone for good: the entry does not come back with a sync.
    VERIFY_OK(await([&](QObject* c, auto done) { engine->sync(c, done); }));
    QVERIFY(engine->refusedWrites().isEmpty());
    dialog->close();
}

QTEST_MAIN(TestSharedTreeConflicts)
#include "TestSharedTreeConflicts.moc"
