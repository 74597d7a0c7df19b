// Tests MainWindow end to end over a real SQLite store and the memory SecretStore: empty
// state, create (through the editor dialog), edit, move by drag and drop data, delete with
// undo and redo, the Trash (secrets kept across a restart until it is emptied, restore),
// filter and its keys, folders reopened after filtering, selection after drop, delete and
// undo, Open as the default action, import, copy URI with the clipboard cleared, keyboard
// shortcuts, and the read-only start on a damaged store.
// Dialogs open window-modal without a nested event loop; the test finds them as the
// active modal widget and drives them like a user.
#include "core/keychain/DeferredSecretStore.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/MoveToDialog.h"
#include "ui/PasswordPromptDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/TrashDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

template<typename T> T* activeModal()
{
    return qobject_cast<T*>(QApplication::activeModalWidget());
}

void typeInto(QWidget* parent, const QString& objectName, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(objectName);
    QVERIFY2(edit, qPrintable(objectName));
    edit->clear();
    QTest::keyClicks(edit, text);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The forms a leaked secret could take in a file: raw, base64, hex (either case).
bool containsSecret(const QByteArray& haystack, const QByteArray& secret)
{
    return haystack.contains(secret) || haystack.contains(secret.toBase64()) ||
           haystack.contains(secret.toHex()) || haystack.contains(secret.toHex().toUpper());
}

Connection sampleConnection(const QString& name, ConnectionKind kind, const QUuid& folderId = {})
{
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folderId;
    c.name = name;
    c.kind = kind;
    c.hosts = {HostPort{QStringLiteral("db.example.com"), kindDefaultPort(kind)}};
    if (kind != ConnectionKind::Redis)
        c.username = QStringLiteral("app");
    return c;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateOnFirstRun();
    void createThroughEditorUndoRedo();
    void editAndUndo();
    void moveByDragAndDropAndUndo();
    void deleteKeepsSecretsUntilUndoIsGone();
    void duplicateCopiesSecrets();
    void filterAsYouType();
    void filterKeys();
    void filterRestoresOpenFolders();
    void collapseAndExpandAll();
    void selectionAfterDropDeleteUndo();
    void moveToByKeyboard();
    void enterOpensAndCtrlEEdits();
    void trashKeepsSecretsAcrossRestart();
    void emptyTrashAsksAndDropsSecrets();
    void windowWorksWhileKeychainAnswersLate();
    void memoryOnlyWordingAndPasswordPrompt_data();
    void memoryOnlyWordingAndPasswordPrompt();
    void openErrorBannerClosesAndOpensSettings();
    void failedTestOffersEdit();
    void importPastedUris();
    void copyUriWithoutAndWithPassword();
    void clipboardClearedOnlyIfUnchanged();
    void copiedPasswordWipedWhenClipboardLetsGo();
    void keyboardShortcuts();
    void readOnlyOnDamagedStore();
    void contextMenuPerSelection_data();
    void contextMenuPerSelection();
    void exportThroughUiHasNoPassword_data();
    void exportThroughUiHasNoPassword();
    void settingsPersistCommandsNotSecrets();
    void openPassesPasswordOutsideArgv_data();
    void openPassesPasswordOutsideArgv();

private:
    std::unique_ptr<MainWindow> makeWindow();
    QUuid addConnection(MainWindow& window, const QString& name, const QString& host,
                        const QString& password = {});
    QString storePath() const { return m_dir->filePath(QStringLiteral("conclave.sqlite")); }
    void writeSecret(const QUuid& id, const QByteArray& value);
    // Open runs a client that writes the connection's name into `marker`.
    void useMarkerClient(const QString& marker);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<MemorySecretStore>();
    // Settings of each test live in its own temporary folder.
    const QString config = m_dir->filePath(QStringLiteral("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
    QSettings().clear();
}

void TestMainWindow::cleanup()
{
    m_secrets.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    // The window is the repository's parent here, so a test that reopens the window gets a
    // fresh repository over the file, as a restarted app would.
    auto repository = ConnectionRepository::open(storePath());
    MainWindow::Services services;
    services.repository = repository.get();
    services.secrets = m_secrets.get();
    auto window = std::make_unique<MainWindow>(services);
    repository.release()->setParent(window.get());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// Creates a connection the way a user does: New Connection, fill the editor, Save.
QUuid TestMainWindow::addConnection(MainWindow& window, const QString& name, const QString& host,
                                    const QString& password)
{
    const int before = window.model()->connectionCount();
    window.findChild<QAction*>(QStringLiteral("actionNewConnection"))->trigger();
    ConnectionEditorDialog* editor = nullptr;
    [&] {
        QTRY_VERIFY((editor = activeModal<ConnectionEditorDialog>()));
    }();
    if (!editor)
        return {};
    typeInto(editor, QStringLiteral("name"), name);
    editor->findChild<QTableWidget*>(QStringLiteral("hosts"))->item(0, 0)->setText(host);
    if (!password.isEmpty())
        typeInto(editor, QStringLiteral("password"), password);
    auto* buttons = editor->findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    [&] {
        QTRY_COMPARE(window.model()->connectionCount(), before + 1);
    }();
    const QList<QUuid> selected = window.selectedConnections();
    return selected.size() == 1 ? selected.first() : QUuid();
}

void TestMainWindow::emptyStateOnFirstRun()
{
    auto window = makeWindow();
    QVERIFY(window);
    auto* stack = window->findChild<QStackedWidget*>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QVERIFY(window->findChild<QPushButton*>(QStringLiteral("emptyNewConnection"))->isVisible());
    QVERIFY(window->findChild<QPushButton*>(QStringLiteral("emptyImport"))->isVisible());
    QVERIFY(!window->isReadOnly());

    // The empty state's button opens the editor.
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("emptyNewConnection")), Qt::LeftButton);
    QTRY_VERIFY(activeModal<ConnectionEditorDialog>());
    activeModal<ConnectionEditorDialog>()->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(window->model()->connectionCount(), 0);
}

void TestMainWindow::createThroughEditorUndoRedo()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Orders"), QStringLiteral("orders.example.com"),
                                   QStringLiteral("s3cret-orders"));
    QVERIFY(!id.isNull());
    QCOMPARE(window->findChild<QStackedWidget*>()->currentWidget()->objectName(), QStringLiteral("splitter"));

    // Saved to the store, password to the SecretStore only.
    {
        auto store = ConnectionStore::open(storePath());
        QVERIFY(store.ok());
        auto saved = store.value()->connection(id);
        QVERIFY(saved.ok());
        QCOMPARE(saved->name, QStringLiteral("Orders"));
    }
    QTRY_COMPARE(int(m_secrets->entryCount()), 1);
    QByteArray password;
    m_secrets->read(id, SecretKind::Password, this, [&](Result<SecureBytes> value) {
        password = value.ok() ? value->view().toByteArray() : "missing";
    });
    QTRY_COMPARE(password, QByteArray("s3cret-orders"));

    QCOMPARE(window->undoStack()->count(), 1);
    window->undoStack()->undo();
    QVERIFY(!window->model()->hasConnection(id));
    QVERIFY(!ConnectionStore::open(storePath()).value()->connection(id).ok());
    window->undoStack()->redo();
    QVERIFY(window->model()->hasConnection(id));
    QVERIFY(ConnectionStore::open(storePath()).value()->connection(id).ok());
}

void TestMainWindow::editAndUndo()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Shop"), QStringLiteral("shop.example.com"));
    QVERIFY(!id.isNull());
    window->selectConnection(id);

    // Ctrl+E on the tree opens the editor for the current connection.
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_E, Qt::ControlModifier);
    ConnectionEditorDialog* editor = nullptr;
    QTRY_VERIFY((editor = activeModal<ConnectionEditorDialog>()));
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("Shop"));
    typeInto(editor, QStringLiteral("name"), QStringLiteral("Shop (EU)"));
    typeInto(editor, QStringLiteral("tags"), QStringLiteral("eu, retail"));
    QTest::mouseClick(
        editor->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Save),
        Qt::LeftButton);
    QTRY_COMPARE(window->model()->connection(id)->name, QStringLiteral("Shop (EU)"));
    QCOMPARE(window->model()->connection(id)->tags,
             (QStringList{QStringLiteral("eu"), QStringLiteral("retail")}));
    QCOMPARE(ConnectionStore::open(storePath()).value()->connection(id)->name, QStringLiteral("Shop (EU)"));

    window->undoStack()->undo();
    QCOMPARE(window->model()->connection(id)->name, QStringLiteral("Shop"));
    QCOMPARE(ConnectionStore::open(storePath()).value()->connection(id)->name, QStringLiteral("Shop"));
}

void TestMainWindow::moveByDragAndDropAndUndo()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid a = addConnection(*window, QStringLiteral("Alpha"), QStringLiteral("alpha.example.com"));
    const QUuid b = addConnection(*window, QStringLiteral("Beta"), QStringLiteral("beta.example.com"));
    window->tree()->selectionModel()->clearSelection();
    window->findChild<QAction*>(QStringLiteral("actionNewFolder"))->trigger();
    QCOMPARE(window->model()->folderCount(), 1);
    const QUuid folder = window->model()->folders().first().id;
    // The new folder is open for naming; type a name as a user would.
    QTRY_VERIFY(QApplication::focusWidget() &&
                QApplication::focusWidget()->parent() == window->tree()->viewport());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Production"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(window->model()->folder(folder)->name, QStringLiteral("Production"));

    // Multi-select Alpha and Beta, drag them onto the folder (through the proxy, as the
    // view does).
    auto* proxy = window->proxy();
    const QModelIndex pa = proxy->mapFromSource(window->model()->indexForConnection(a));
    const QModelIndex pb = proxy->mapFromSource(window->model()->indexForConnection(b));
    const QModelIndex pf = proxy->mapFromSource(window->model()->indexForFolder(folder));
    std::unique_ptr<QMimeData> mime(proxy->mimeData({pa, pb}));
    QVERIFY(proxy->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, pf));
    QVERIFY(proxy->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, pf));
    QTRY_VERIFY2(window->model()->connection(a)->folderId == folder,
                 qPrintable(window->bannerTexts().join(u'|')));
    QCOMPARE(window->model()->connection(b)->folderId, folder);
    QCOMPARE(ConnectionStore::open(storePath()).value()->connection(b)->folderId, folder);
    QCOMPARE(window->undoStack()->undoText(), QStringLiteral("Move 2 item(s)"));

    window->undoStack()->undo();
    QVERIFY(window->model()->connection(a)->folderId.isNull());
    QVERIFY(window->model()->connection(b)->folderId.isNull());
    QVERIFY(ConnectionStore::open(storePath()).value()->connection(a)->folderId.isNull());

    // A folder cannot be dropped into itself.
    const QModelIndex folderNow = proxy->mapFromSource(window->model()->indexForFolder(folder));
    std::unique_ptr<QMimeData> folderMime(proxy->mimeData({folderNow}));
    QVERIFY(!proxy->canDropMimeData(folderMime.get(), Qt::MoveAction, -1, -1, folderNow));
}

void TestMainWindow::deleteKeepsSecretsUntilUndoIsGone()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Billing"), QStringLiteral("billing.example.com"),
                                   QStringLiteral("billing-pass"));
    QTRY_COMPARE(int(m_secrets->entryCount()), 1);
    window->selectConnection(id);
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_Delete);
    QVERIFY(!window->model()->hasConnection(id));
    QVERIFY(!ConnectionStore::open(storePath()).value()->connection(id).ok());
    QCOMPARE(int(m_secrets->entryCount()), 1); // kept: the delete can be undone
    QCOMPARE(window->findChild<QStackedWidget*>()->currentWidget()->objectName(),
             QStringLiteral("emptyState"));

    window->undoStack()->undo();
    QVERIFY(window->model()->hasConnection(id));
    QVERIFY(ConnectionStore::open(storePath()).value()->connection(id).ok());
    window->undoStack()->redo();
    QVERIFY(!window->model()->hasConnection(id));
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("Trash")));

    // The undo history going away does not take the secrets: the Trash still holds the item.
    window->undoStack()->clear();
    QTRY_COMPARE(window->pendingSecretOperations(), 0);
    QCOMPARE(int(m_secrets->entryCount()), 1);
    QVERIFY(window->model()->repository()->trashMap().contains(id));
}

void TestMainWindow::duplicateCopiesSecrets()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Ledger"), QStringLiteral("ledger.example.com"),
                                   QStringLiteral("ledger-pw"));
    QTRY_COMPARE(int(m_secrets->entryCount()), 1);
    window->selectConnection(id);
    window->findChild<QAction*>(QStringLiteral("actionDuplicate"))->trigger();
    QCOMPARE(window->model()->connectionCount(), 2);
    const QUuid copy = window->selectedConnections().value(0);
    QVERIFY(copy != id);
    QCOMPARE(window->model()->connection(copy)->name, QStringLiteral("Ledger (copy)"));
    QCOMPARE(window->model()->connection(copy)->hosts, window->model()->connection(id)->hosts);
    QTRY_COMPARE(int(m_secrets->entryCount()), 2); // the copy has its own password entry
    QByteArray password;
    m_secrets->read(copy, SecretKind::Password, this, [&](Result<SecureBytes> value) {
        password = value.ok() ? value->view().toByteArray() : "missing";
    });
    QTRY_COMPARE(password, QByteArray("ledger-pw"));

    // Undoing the duplicate and dropping the history removes the copy's secrets only.
    window->undoStack()->undo();
    window->undoStack()->clear();
    QTRY_COMPARE(int(m_secrets->entryCount()), 1);
}

void TestMainWindow::filterAsYouType()
{
    {
        auto store = ConnectionStore::open(storePath());
        QVERIFY(store.ok());
        Folder prod{QUuid::createUuid(), {}, QStringLiteral("Production"), 0};
        QList<Connection> connections;
        const QStringList names{QStringLiteral("Orders"), QStringLiteral("Users"), QStringLiteral("Cache")};
        for (const QString& name : names) {
            Connection c;
            c.id = QUuid::createUuid();
            c.folderId = prod.id;
            c.name = name;
            c.kind = ConnectionKind::PostgreSQL;
            c.hosts = {HostPort{name.toLower() + QStringLiteral(".db.example.com"), 5432}};
            c.tags = {name == QLatin1String("Cache") ? QStringLiteral("redis-ish") : QStringLiteral("sql")};
            connections.append(c);
        }
        QVERIFY(store.value()->saveAll({prod}, connections).ok());
    }
    auto window = makeWindow();
    QVERIFY(window);
    QCOMPARE(window->model()->connectionCount(), 3);
    auto* proxy = window->proxy();
    auto visibleConnections = [&] {
        int n = 0;
        for (int r = 0; r < proxy->rowCount(); ++r)
            n += proxy->rowCount(proxy->index(r, 0));
        return n;
    };
    QCOMPARE(visibleConnections(), 3);
    QTest::keyClicks(window->filterEdit(), QStringLiteral("ord"));
    QCOMPARE(visibleConnections(), 1);
    QVERIFY(window->tree()->isExpanded(proxy->index(0, 0))); // the match is shown inside its folder
    window->filterEdit()->clear();
    QTest::keyClicks(window->filterEdit(), QStringLiteral("users.db"));
    QCOMPARE(visibleConnections(), 1);
    window->filterEdit()->clear();
    QTest::keyClicks(window->filterEdit(), QStringLiteral("redis-ish"));
    QCOMPARE(visibleConnections(), 1);
    window->filterEdit()->clear();
    QCOMPARE(visibleConnections(), 3);
}

void TestMainWindow::useMarkerClient(const QString& marker)
{
    LauncherSettings launcher;
    launcher.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' terminal");
    for (ConnectionKind kind : allKinds())
        launcher.clientCommands.insert(kind,
                                       QStringLiteral("/bin/sh -c 'echo opened >\"%1\"' client").arg(marker));
    QSettings settings;
    launcher.save(settings);
}

// Down goes into the tree, Enter opens the first match, Esc clears and then leaves the
// box, and no match says so in the tree's place.
void TestMainWindow::filterKeys()
{
    const QString marker = m_dir->filePath(QStringLiteral("opened.txt"));
    useMarkerClient(marker);
    const Folder prod{QUuid::createUuid(), {}, QStringLiteral("Production"), 0};
    const Connection orders = sampleConnection(QStringLiteral("Orders"), ConnectionKind::PostgreSQL, prod.id);
    const Connection users = sampleConnection(QStringLiteral("Users"), ConnectionKind::MySQL, prod.id);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({prod}, {orders, users}).ok());
    writeSecret(orders.id, "orders-pw"); // kept: Open asks for nothing
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QLineEdit* filter = window->filterEdit();
    filter->setFocus();

    QTest::keyClicks(filter, QStringLiteral("ord"));
    QTest::keyClick(filter, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window->tree()));
    QCOMPARE(window->selectedConnections(), QList<QUuid>{orders.id});

    // Enter in the box opens the first match.
    window->tree()->selectionModel()->clearSelection();
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 15000);
    QCOMPARE(window->selectedConnections(), QList<QUuid>{orders.id});

    // No match: words in the tree area, with the way out.
    QTest::keyClicks(filter, QStringLiteral("zzz"));
    auto* noMatch = window->findChild<QLabel*>(QStringLiteral("noMatchLabel"));
    QVERIFY(noMatch);
    QVERIFY(noMatch->isVisible());
    QVERIFY2(noMatch->text().contains(QStringLiteral("\u201cordzzz\u201d")), qPrintable(noMatch->text()));
    QVERIFY(noMatch->text().contains(QStringLiteral("Esc")));

    // Esc clears, a second Esc goes back to the tree.
    QTest::keyClick(filter, Qt::Key_Escape);
    QVERIFY(filter->text().isEmpty());
    QVERIFY(!noMatch->isVisible());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(filter));
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window->tree()));
}

// 10,000 connections in 100 folders open collapsed; filtering opens everything that
// matches, and clearing the filter reopens exactly the folders that were open before.
void TestMainWindow::filterRestoresOpenFolders()
{
    QList<Folder> folders;
    QList<Connection> connections;
    for (int f = 0; f < 100; ++f)
        folders.append(Folder{QUuid::createUuid(), {}, QStringLiteral("Team %1").arg(f), 0});
    for (int i = 0; i < 10000; ++i)
        connections.append(sampleConnection(QStringLiteral("Bulk %1").arg(i), ConnectionKind::PostgreSQL,
                                            folders.at(i % 100).id));
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll(folders, connections).ok());
    auto window = makeWindow();
    QVERIFY(window);
    QTreeView* tree = window->tree();
    auto folderIndex = [&](int f) {
        return window->proxy()->mapFromSource(window->model()->indexForFolder(folders.at(f).id));
    };
    auto openFolders = [&] {
        QList<int> open;
        for (int f = 0; f < 100; ++f) {
            if (tree->isExpanded(folderIndex(f)))
                open.append(f);
        }
        return open;
    };
    QCOMPARE(openFolders(), QList<int>{});
    tree->expand(folderIndex(3));
    tree->expand(folderIndex(42));

    window->filterEdit()->setFocus();
    QTest::keyClicks(window->filterEdit(), QStringLiteral("bulk 99"));
    QVERIFY(tree->isExpanded(window->proxy()->index(0, 0)));
    QVERIFY(window->proxy()->rowCount() > 2);
    QTest::keyClick(window->filterEdit(), Qt::Key_Escape);
    QVERIFY(window->filterEdit()->text().isEmpty());
    QCOMPARE(openFolders(), (QList<int>{3, 42}));

    // An item picked while filtering stays selected, in its folder, opened for it.
    QTest::keyClicks(window->filterEdit(), QStringLiteral("bulk 9999"));
    QTest::keyClick(window->filterEdit(), Qt::Key_Down);
    QCOMPARE(window->selectedConnections(), QList<QUuid>{connections.at(9999).id});
    window->focusFilter();
    QTest::keyClick(window->filterEdit(), Qt::Key_Escape);
    QCOMPARE(openFolders(), (QList<int>{3, 42, 99}));
    QCOMPARE(window->selectedConnections(), QList<QUuid>{connections.at(9999).id});
}

void TestMainWindow::collapseAndExpandAll()
{
    const Folder a{QUuid::createUuid(), {}, QStringLiteral("A"), 0};
    const Folder b{QUuid::createUuid(), a.id, QStringLiteral("B"), 0};
    const Connection c = sampleConnection(QStringLiteral("Deep"), ConnectionKind::Redis, b.id);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({a, b}, {c}).ok());
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->tree()->setFocus();
    const QModelIndex pa = window->proxy()->mapFromSource(window->model()->indexForFolder(a.id));
    const QModelIndex pb = window->proxy()->mapFromSource(window->model()->indexForFolder(b.id));
    QVERIFY(window->tree()->isExpanded(pa)); // a small list opens fully
    QTest::keyClick(window->tree(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(!window->tree()->isExpanded(pa));
    QVERIFY(!window->tree()->isExpanded(pb));
    QTest::keyClick(window->tree(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(window->tree()->isExpanded(pa));
    QVERIFY(window->tree()->isExpanded(pb));
    // Both are in the View menu and in the tree's context menu.
    for (const QString& name : {QStringLiteral("actionExpandAll"), QStringLiteral("actionCollapseAll")}) {
        auto* action = window->findChild<QAction*>(name);
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
    }
}

void TestMainWindow::selectionAfterDropDeleteUndo()
{
    const Folder target{QUuid::createUuid(), {}, QStringLiteral("Archive"), 0};
    QList<Connection> inTarget;
    for (int i = 0; i < 3; ++i)
        inTarget.append(sampleConnection(QStringLiteral("Old %1").arg(i), ConnectionKind::MySQL, target.id));
    const Connection a = sampleConnection(QStringLiteral("Alpha"), ConnectionKind::PostgreSQL);
    const Connection b = sampleConnection(QStringLiteral("Beta"), ConnectionKind::PostgreSQL);
    const Connection c = sampleConnection(QStringLiteral("Gamma"), ConnectionKind::PostgreSQL);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({target}, inTarget + QList{a, b, c}).ok());
    auto window = makeWindow();
    QVERIFY(window);
    auto* proxy = window->proxy();
    QTreeView* tree = window->tree();
    const QModelIndex pf = proxy->mapFromSource(window->model()->indexForFolder(target.id));
    tree->collapse(pf);

    // Drop Beta into the collapsed folder: it is selected and can be seen.
    window->selectConnection(b.id);
    const QModelIndex pb = proxy->mapFromSource(window->model()->indexForConnection(b.id));
    std::unique_ptr<QMimeData> mime(proxy->mimeData({pb}));
    QVERIFY(proxy->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, pf));
    QTRY_COMPARE(window->model()->connection(b.id)->folderId, target.id);
    QCOMPARE(window->selectedConnections(), QList<QUuid>{b.id});
    QVERIFY(tree->isExpanded(proxy->mapFromSource(window->model()->indexForFolder(target.id))));
    const QRect shown = tree->visualRect(proxy->mapFromSource(window->model()->indexForConnection(b.id)));
    QVERIFY(!shown.isEmpty());
    QVERIFY(tree->viewport()->rect().intersects(shown));

    // Delete Alpha: the next item (Gamma) is selected; undo selects Alpha again.
    window->selectConnection(a.id);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Delete);
    QVERIFY(!window->model()->hasConnection(a.id));
    QCOMPARE(window->selectedConnections(), QList<QUuid>{c.id});
    window->undoStack()->undo();
    QCOMPARE(window->selectedConnections(), QList<QUuid>{a.id});

    // Deleting the last one selects the one above it.
    window->selectConnection(c.id);
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(window->selectedConnections(), QList<QUuid>{a.id});

    // Deleting the only connection of a folder selects the folder.
    window->selectItems({}, {b.id, inTarget.at(0).id, inTarget.at(1).id});
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(window->selectedConnections(), QList<QUuid>{inTarget.at(2).id});
    window->selectConnection(inTarget.at(2).id);
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(window->selectedFolders(), QList<QUuid>{target.id});
    // Undo brings all three back, selected.
    window->undoStack()->undo();
    QCOMPARE(window->selectedConnections(), QList<QUuid>{inTarget.at(2).id});
    window->undoStack()->undo();
    QCOMPARE(window->selectedConnections().size(), 3);
}

// Move To (Ctrl+Shift+M) moves the selection without the mouse: the folder is picked by
// typing, Enter moves, the moved items stay selected, one undo puts them back; a folder is
// never offered as a target for itself or below itself.
void TestMainWindow::moveToByKeyboard()
{
    const Folder archive{QUuid::createUuid(), {}, QStringLiteral("Archive"), 0};
    const Folder old{QUuid::createUuid(), archive.id, QStringLiteral("Old"), 0};
    const Folder billing{QUuid::createUuid(), {}, QStringLiteral("Billing"), 0};
    const Connection x = sampleConnection(QStringLiteral("Xray"), ConnectionKind::Redis);
    const Connection y = sampleConnection(QStringLiteral("Yankee"), ConnectionKind::Redis);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({archive, old, billing}, {x, y}).ok());
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->selectItems({}, {x.id, y.id});
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    MoveToDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = activeModal<MoveToDialog>()));
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    QCOMPARE(target->count(), 4); // the top level and the three folders
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(target));
    QTest::keyClicks(target, QStringLiteral("Bil"));
    QCOMPARE(target->currentText(), QStringLiteral("Billing"));
    QTest::keyClick(target, Qt::Key_Return);
    QTRY_COMPARE(window->model()->connection(x.id)->folderId, billing.id);
    QCOMPARE(window->model()->connection(y.id)->folderId, billing.id);
    QCOMPARE(ConnectionStore::open(storePath()).value()->connection(y.id)->folderId, billing.id);
    QCOMPARE(window->selectedConnections().size(), 2);
    window->undoStack()->undo();
    QVERIFY(window->model()->connection(x.id)->folderId.isNull());

    // A folder is not offered as a target for itself or its subfolders.
    window->selectFolder(archive.id);
    window->findChild<QAction*>(QStringLiteral("actionMoveTo"))->trigger();
    QTRY_VERIFY((dialog = activeModal<MoveToDialog>()));
    target = dialog->findChild<QComboBox*>(QStringLiteral("targetFolder"));
    QStringList offered;
    for (int i = 0; i < target->count(); ++i)
        offered.append(target->itemText(i));
    QCOMPARE(offered, (QStringList{QStringLiteral("Top level"), QStringLiteral("Billing")}));
    dialog->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

// Enter and double-click open the connection (its client); Ctrl+E and F4 edit it; F2
// renames it in place.
void TestMainWindow::enterOpensAndCtrlEEdits()
{
    const QString marker = m_dir->filePath(QStringLiteral("opened.txt"));
    useMarkerClient(marker);
    const Connection c = sampleConnection(QStringLiteral("Shop"), ConnectionKind::PostgreSQL);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({}, {c}).ok());
    writeSecret(c.id, "shop-pw");
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->selectConnection(c.id);
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 15000);
    QVERIFY(!QApplication::activeModalWidget());
    QFile::remove(marker);
    const QModelIndex index = window->proxy()->mapFromSource(window->model()->indexForConnection(c.id));
    const QPoint centre = window->tree()->visualRect(index).center();
    QTest::mouseClick(window->tree()->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(window->tree()->viewport(), Qt::LeftButton, {}, centre);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 15000);

    QTest::keyClick(window->tree(), Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY(activeModal<ConnectionEditorDialog>());
    activeModal<ConnectionEditorDialog>()->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QTest::keyClick(window->tree(), Qt::Key_F4);
    QTRY_VERIFY(activeModal<ConnectionEditorDialog>());
    activeModal<ConnectionEditorDialog>()->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QVERIFY(window->findChild<QAction*>(QStringLiteral("actionEdit"))->shortcut().toString().contains(u'E'));

    // F2 renames in place, and the rename is one undoable step.
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_F2);
    QTRY_VERIFY(QApplication::focusWidget() &&
                QApplication::focusWidget()->parent() == window->tree()->viewport());
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Shop EU"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(window->model()->connection(c.id)->name, QStringLiteral("Shop EU"));
    QCOMPARE(ConnectionStore::open(storePath()).value()->connection(c.id)->name, QStringLiteral("Shop EU"));
    window->undoStack()->undo();
    QCOMPARE(window->model()->connection(c.id)->name, QStringLiteral("Shop"));
}

// A delete goes to the Trash with the connection's secrets; quitting does not lose them,
// and Restore puts the item back into its folder with its password.
void TestMainWindow::trashKeepsSecretsAcrossRestart()
{
    const Folder prod{QUuid::createUuid(), {}, QStringLiteral("Production"), 0};
    const Folder eu{QUuid::createUuid(), prod.id, QStringLiteral("EU"), 0};
    const Connection billing = sampleConnection(QStringLiteral("Billing"), ConnectionKind::PostgreSQL, eu.id);
    const Connection other = sampleConnection(QStringLiteral("Other"), ConnectionKind::PostgreSQL, prod.id);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({prod, eu}, {billing, other}).ok());
    writeSecret(billing.id, "billing-secret");
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->selectFolder(eu.id);
        window->tree()->setFocus();
        QTest::keyClick(window->tree(), Qt::Key_Delete);
        QVERIFY(!window->model()->hasFolder(eu.id));
        QVERIFY(!window->model()->hasConnection(billing.id));
        const QString status = window->statusBar()->currentMessage();
        QVERIFY2(status.contains(QStringLiteral("\u201cEU\u201d")) &&
                     status.contains(QStringLiteral("Trash")),
                 qPrintable(status));
        window->close(); // quit: the undo history is dropped
        QTRY_COMPARE(window->pendingSecretOperations(), 0);
    }
    QCOMPARE(int(m_secrets->entryCount()), 1);

    // A new run over the same file: the Trash is still there.
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(!window->model()->hasConnection(billing.id));
    QCOMPARE(window->model()->repository()->trashCount(), 2);
    window->findChild<QAction*>(QStringLiteral("actionTrash"))->trigger();
    TrashDialog* trash = nullptr;
    QTRY_VERIFY((trash = activeModal<TrashDialog>()));
    auto* list = trash->findChild<QTreeWidget*>(QStringLiteral("trashList"));
    QCOMPARE(list->topLevelItemCount(), 1); // the folder stands for what was deleted with it
    QVERIFY(list->topLevelItem(0)->text(0).contains(QStringLiteral("EU")));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Production"));
    list->setFocus();
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(trash->findChild<QPushButton*>(QStringLiteral("restoreButton")), Qt::LeftButton);
    QTRY_VERIFY(window->model()->hasConnection(billing.id));
    QCOMPARE(window->model()->connection(billing.id)->folderId, eu.id);
    QCOMPARE(window->model()->folder(eu.id)->parentId, prod.id);
    QCOMPARE(list->topLevelItemCount(), 0);
    QCOMPARE(window->selectedFolders(), QList<QUuid>{eu.id});
    trash->reject();
    QByteArray password;
    m_secrets->read(billing.id, SecretKind::Password, this, [&](Result<SecureBytes> value) {
        password = value.ok() ? value->view().toByteArray() : "missing";
    });
    QTRY_COMPARE(password, QByteArray("billing-secret"));
    QCOMPARE(window->model()->repository()->trashCount(), 0);
    QCOMPARE(ConnectionStore::open(storePath()).value()->trash()->size(), 0);
    QCOMPARE(ConnectionStore::open(storePath()).value()->connection(billing.id)->folderId, eu.id);
    // The restore is one undoable step: undo puts it back in the Trash.
    window->undoStack()->undo();
    QVERIFY(!window->model()->hasConnection(billing.id));
    QCOMPARE(window->model()->repository()->trashCount(), 2);
}

void TestMainWindow::emptyTrashAsksAndDropsSecrets()
{
    QList<Connection> connections;
    for (int i = 0; i < 3; ++i)
        connections.append(sampleConnection(QStringLiteral("Gone %1").arg(i), ConnectionKind::Redis));
    const Connection kept = sampleConnection(QStringLiteral("Kept"), ConnectionKind::Redis);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({}, connections + QList{kept}).ok());
    for (const Connection& c : std::as_const(connections))
        writeSecret(c.id, "pw-" + c.name.toUtf8());
    writeSecret(kept.id, "kept-pw");
    auto window = makeWindow();
    QVERIFY(window);
    window->selectItems({}, {connections.at(0).id, connections.at(1).id, connections.at(2).id});
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_Delete);
    QCOMPARE(window->model()->connectionCount(), 1);
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("3 item(s)")));

    window->findChild<QAction*>(QStringLiteral("actionTrash"))->trigger();
    TrashDialog* trash = nullptr;
    QTRY_VERIFY((trash = activeModal<TrashDialog>()));
    QCOMPARE(trash->findChild<QTreeWidget*>(QStringLiteral("trashList"))->topLevelItemCount(), 3);
    QTest::mouseClick(trash->findChild<QPushButton*>(QStringLiteral("emptyButton")), Qt::LeftButton);
    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = activeModal<QMessageBox>()));
    QVERIFY2(question->text().contains(QStringLiteral("3 connection(s)")), qPrintable(question->text()));
    // Cancel is the default: Enter keeps everything.
    QTest::keyClick(question, Qt::Key_Return);
    QTRY_VERIFY(activeModal<TrashDialog>());
    QCOMPARE(window->model()->repository()->trashCount(), 3);
    QTest::mouseClick(trash->findChild<QPushButton*>(QStringLiteral("emptyButton")), Qt::LeftButton);
    QTRY_VERIFY((question = activeModal<QMessageBox>()));
    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("confirmEmpty")), Qt::LeftButton);
    QTRY_COMPARE(window->model()->repository()->trashCount(), 0);
    QTRY_COMPARE(int(m_secrets->entryCount()), 1); // only Kept's password is left
    QCOMPARE(ConnectionStore::open(storePath()).value()->trash()->size(), 0);
    QCOMPARE(window->undoStack()->count(), 0);
}

// The keychain answers late (a keyring prompt left open): the window is usable at once, says
// it is waiting with Retry, keeps a password saved meanwhile, and switches over.
void TestMainWindow::windowWorksWhileKeychainAnswersLate()
{
    DeferredSecretStore deferred;
    auto repository = ConnectionRepository::open(storePath());
    MainWindow::Services services;
    services.repository = repository.get();
    services.secrets = &deferred;
    services.keychainPending = true;
    MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isWaitingForKeychain());
    QFrame* waiting = nullptr;
    QTRY_VERIFY((waiting = window.findChild<QFrame*>(QStringLiteral("keychainWaitingBanner"))) &&
                waiting->isVisible());
    QVERIFY(window.bannerTexts().join(u' ').contains(QStringLiteral("prompt")));
    auto* retry = waiting->findChild<QPushButton*>(QStringLiteral("keychainRetryButton"));
    QVERIFY(retry);
    QSignalSpy retried(&window, &MainWindow::keychainRetryRequested);
    // As the composition root does: a retry shows the waiting banner again, replacing the
    // button that was clicked.
    connect(&window, &MainWindow::keychainRetryRequested, &window, &MainWindow::keychainRetrying);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(retried.size(), 1);
    QTRY_VERIFY((retry = waiting->findChild<QPushButton*>(QStringLiteral("keychainRetryButton"))) &&
                retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(retried.size(), 2);
    QVERIFY(window.isWaitingForKeychain());

    const QUuid id = addConnection(window, QStringLiteral("Late"), QStringLiteral("late.example.com"),
                                   QStringLiteral("late-pw"));
    QVERIFY(!id.isNull());
    QCOMPARE(deferred.waitingCount(), 1);

    // The keychain answers now.
    auto late = std::make_unique<MemorySecretStore>();
    MemorySecretStore* keychain = late.get();
    deferred.setTarget(std::move(late));
    window.keychainAnswered({});
    QVERIFY(!window.isWaitingForKeychain());
    QVERIFY(!waiting->isVisible());
    QTRY_COMPARE(int(keychain->entryCount()), 1);
    QByteArray password;
    deferred.read(id, SecretKind::Password, this, [&](Result<SecureBytes> value) {
        password = value.ok() ? value->view().toByteArray() : "missing";
    });
    QTRY_COMPARE(password, QByteArray("late-pw"));
}

// Memory only: nothing promises a keychain, and Test and Open ask for a password that is not
// kept (after a restart); the password is used once and reaches no file.
void TestMainWindow::memoryOnlyWordingAndPasswordPrompt_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("open") << QStringLiteral("actionOpen");
    QTest::newRow("test") << QStringLiteral("actionTest");
}

void TestMainWindow::memoryOnlyWordingAndPasswordPrompt()
{
    QFETCH(QString, action);
    const QByteArray typed("Typed-Once-Pa55");
    const QString out = m_dir->filePath(QStringLiteral("client-report.txt"));
    {
        LauncherSettings launcher;
        launcher.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' terminal");
        launcher.clientCommands.insert(
            ConnectionKind::PostgreSQL,
            QStringLiteral("/bin/sh -c '{ cat \"$PGPASSFILE\"; } >\"%1.tmp\" 2>&1; "
                           "mv \"%1.tmp\" \"%1\"' client")
                .arg(out));
        QSettings settings;
        launcher.save(settings);
    }
    Connection c = sampleConnection(QStringLiteral("Ledger"), ConnectionKind::PostgreSQL);
    c.hosts = {HostPort{QStringLiteral("127.0.0.1"), 1}}; // nothing listens: the test fails fast
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({}, {c}).ok());
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(!m_secrets->isPersistent());

    // The editor says how long passwords last.
    window->selectConnection(c.id);
    window->findChild<QAction*>(QStringLiteral("actionEdit"))->trigger();
    ConnectionEditorDialog* editor = nullptr;
    QTRY_VERIFY((editor = activeModal<ConnectionEditorDialog>()));
    const QString note = editor->findChild<QLabel*>(QStringLiteral("passwordNote"))->text();
    QVERIFY2(!note.contains(QStringLiteral("system keychain")) && note.contains(QStringLiteral("quits")),
             qPrintable(note));
    for (QLineEdit* edit : editor->findChildren<QLineEdit*>())
        QVERIFY2(!edit->placeholderText().contains(QStringLiteral("keychain")),
                 qPrintable(edit->objectName()));
    editor->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());

    window->findChild<QAction*>(action)->trigger();
    PasswordPromptDialog* prompt = nullptr;
    QTRY_VERIFY((prompt = activeModal<PasswordPromptDialog>()));
    QTest::keyClicks(prompt->findChild<QLineEdit*>(QStringLiteral("password")), QString::fromLatin1(typed));
    QTest::keyClick(prompt->findChild<QLineEdit*>(QStringLiteral("password")), Qt::Key_Return);
    if (action == QLatin1String("actionOpen")) {
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 15000);
        QVERIFY2(fileBytes(out).contains(typed), fileBytes(out).constData()); // it was used
    } else {
        ConnectionCheckDialog* check = nullptr;
        QTRY_VERIFY((check = activeModal<ConnectionCheckDialog>()));
        QTRY_VERIFY_WITH_TIMEOUT(!check->isRunning(), 15000);
        check->reject();
    }
    QTRY_VERIFY(!QApplication::activeModalWidget());
    // Used once: not kept, and nowhere on disk.
    QCOMPARE(int(m_secrets->entryCount()), 0);
    QFile::remove(out);
    window.reset();
    QDirIterator files(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int looked = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        ++looked;
        QVERIFY2(!containsSecret(fileBytes(path), typed), qPrintable(path));
    }
    QVERIFY(looked >= 2); // the store and the settings at least
}

void TestMainWindow::openErrorBannerClosesAndOpensSettings()
{
    {
        LauncherSettings launcher;
        launcher.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' terminal");
        launcher.clientCommands.insert(ConnectionKind::Redis, QStringLiteral("no-such-client-here"));
        QSettings settings;
        launcher.save(settings);
    }
    const Connection c = sampleConnection(QStringLiteral("Cache"), ConnectionKind::Redis);
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({}, {c}).ok());
    auto window = makeWindow();
    QVERIFY(window);
    window->selectConnection(c.id);
    window->findChild<QAction*>(QStringLiteral("actionOpen"))->trigger();
    QFrame* banner = nullptr;
    QTRY_VERIFY((banner = window->findChild<QFrame*>(QStringLiteral("openErrorBanner"))) &&
                banner->isVisible());
    QVERIFY(window->bannerTexts().join(u' ').contains(QStringLiteral("no-such-client-here")));
    QTest::mouseClick(banner->findChild<QToolButton*>(QStringLiteral("bannerClose")), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QVERIFY(window->bannerTexts().isEmpty());

    window->findChild<QAction*>(QStringLiteral("actionOpen"))->trigger();
    QTRY_VERIFY(banner->isVisible());
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("openSettingsButton")), Qt::LeftButton);
    QTRY_VERIFY(activeModal<SettingsDialog>());
    QVERIFY(!banner->isVisible());
    activeModal<SettingsDialog>()->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

// A test that fails offers Edit Connection…, which opens the editor for that connection.
void TestMainWindow::failedTestOffersEdit()
{
    quint16 closed = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        closed = server.serverPort();
    }
    Connection c = sampleConnection(QStringLiteral("Down"), ConnectionKind::Redis);
    c.hosts = {HostPort{QStringLiteral("127.0.0.1"), closed}};
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({}, {c}).ok());
    auto window = makeWindow();
    QVERIFY(window);
    window->selectConnection(c.id);
    window->findChild<QAction*>(QStringLiteral("actionTest"))->trigger();
    ConnectionCheckDialog* check = nullptr;
    QTRY_VERIFY((check = activeModal<ConnectionCheckDialog>()));
    QPushButton* edit = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((edit = check->findChild<QPushButton*>(QStringLiteral("editConnection"))),
                             15000);
    QTest::mouseClick(edit, Qt::LeftButton);
    ConnectionEditorDialog* editor = nullptr;
    QTRY_VERIFY((editor = activeModal<ConnectionEditorDialog>()));
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("Down"));
    editor->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void TestMainWindow::importPastedUris()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->findChild<QAction*>(QStringLiteral("actionImport"))->trigger();
    ImportDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = activeModal<ImportDialog>()));
    auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("importText"));
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("postgresql://app:imported-pw@db1.example.com/orders"));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("this is not a uri"));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("redis://cache.example.com:6380/0"));
    QTRY_COMPARE(dialog->previewConnectionCount(), 2);
    QCOMPARE(dialog->previewProblemCount(), 1);
    QVERIFY2(dialog->previewProblems().first().startsWith(QStringLiteral("Line 2: ")),
             qPrintable(dialog->previewProblems().first()));
    // Memory only here: the summary does not promise the keychain.
    const QString summary = dialog->findChild<QLabel*>(QStringLiteral("importSummary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("kept in memory")) &&
                 !summary.contains(QStringLiteral("keychain.")),
             qPrintable(summary));
    QTest::mouseClick(
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
        Qt::LeftButton);
    QTRY_COMPARE(window->model()->connectionCount(), 2);
    QCOMPARE(window->undoStack()->undoText(), QStringLiteral("Import 2 connection(s)"));
    QTRY_COMPARE(int(m_secrets->entryCount()), 1); // the password went to the SecretStore
    QCOMPARE(ConnectionStore::open(storePath()).value()->connections()->size(), 2);

    window->undoStack()->undo();
    QCOMPARE(window->model()->connectionCount(), 0);
}

void TestMainWindow::copyUriWithoutAndWithPassword()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Reports"), QStringLiteral("reports.example.com"),
                                   QStringLiteral("copy-me-pw"));
    QTRY_COMPARE(int(m_secrets->entryCount()), 1);
    window->selectConnection(id);
    window->findChild<QAction*>(QStringLiteral("actionCopyUri"))->trigger();
    QClipboard* clipboard = QGuiApplication::clipboard();
    QVERIFY2(clipboard->text().startsWith(QStringLiteral("postgresql://")), qPrintable(clipboard->text()));
    QVERIFY(clipboard->text().contains(QStringLiteral("reports.example.com")));
    QVERIFY(!clipboard->text().contains(QStringLiteral("copy-me-pw")));
    QVERIFY(!window->clipboardGuard()->isArmed());

    window->findChild<QAction*>(QStringLiteral("actionCopyUriWithPassword"))->trigger();
    QTRY_VERIFY(clipboard->text().contains(QStringLiteral("copy-me-pw")));
    QVERIFY(clipboard->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    QVERIFY(window->clipboardGuard()->isArmed()); // cleared after 30 s (timing: see next test)
}

void TestMainWindow::clipboardClearedOnlyIfUnchanged()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    ClipboardGuard guard(nullptr, std::chrono::milliseconds(50));
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copy(QStringLiteral("redis://:pw@cache:6379"), true);
    QCOMPARE(clipboard->text(), QStringLiteral("redis://:pw@cache:6379"));
    QTRY_COMPARE(cleared.count(), 1);
    QVERIFY(clipboard->text().isEmpty());

    // Something else copied meanwhile is left alone; our text, which the clipboard let go
    // of, is overwritten in place, in every string that shared its buffer.
    guard.copy(QStringLiteral("redis://:pw@cache:6379"), true);
    const QString shared = clipboard->text();
    QCOMPARE(shared, QStringLiteral("redis://:pw@cache:6379"));
    clipboard->setText(QStringLiteral("unrelated"));
    QVERIFY2(!shared.contains(QStringLiteral(":pw@")), qPrintable(shared));
    QTRY_VERIFY(!guard.isArmed());
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(clipboard->text(), QStringLiteral("unrelated"));
}

void TestMainWindow::copiedPasswordWipedWhenClipboardLetsGo()
{
    // The URI with its password is formatted into one buffer that the clipboard shares; when
    // the clipboard is cleared (here: the window closes) that buffer must be overwritten,
    // which a string holding the clipboard's text observes.
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Reports"), QStringLiteral("reports.example.com"),
                                   QStringLiteral("wipe-me-pw"));
    QTRY_COMPARE(int(m_secrets->entryCount()), 1);
    window->selectConnection(id);
    window->findChild<QAction*>(QStringLiteral("actionCopyUriWithPassword"))->trigger();
    QClipboard* clipboard = QGuiApplication::clipboard();
    QTRY_VERIFY(clipboard->text().contains(QStringLiteral("wipe-me-pw")));
    const QString held = clipboard->text();
    window.reset();
    QVERIFY(clipboard->text().isEmpty());
    QVERIFY2(!held.contains(QStringLiteral("wipe-me-pw")), "the password outlived the clipboard");
}

void TestMainWindow::keyboardShortcuts()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const QUuid id = addConnection(*window, QStringLiteral("Keys"), QStringLiteral("keys.example.com"));
    QVERIFY(!id.isNull());

    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window->filterEdit()));

    window->selectConnection(id);
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_Delete);
    QVERIFY(!window->model()->hasConnection(id));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(window->model()->hasConnection(id));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!window->model()->hasConnection(id));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(window->model()->hasConnection(id));

    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(activeModal<ConnectionEditorDialog>());
    activeModal<ConnectionEditorDialog>()->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void TestMainWindow::readOnlyOnDamagedStore()
{
    {
        QFile file(storePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    const QByteArray before = fileHash(storePath());
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->isReadOnly());
    QCOMPARE(window->bannerTexts().size(), 1);
    QVERIFY2(window->bannerTexts().first().contains(QStringLiteral("read-only")),
             qPrintable(window->bannerTexts().first()));
    QVERIFY(!window->findChild<QAction*>(QStringLiteral("actionNewConnection"))->isEnabled());
    QVERIFY(!window->findChild<QPushButton*>(QStringLiteral("emptyNewConnection"))->isVisible());
    window->newFolder(); // refused quietly
    QCOMPARE(window->model()->folderCount(), 0);
    window.reset();
    QCOMPARE(fileHash(storePath()), before); // never overwritten
}

void TestMainWindow::writeSecret(const QUuid& id, const QByteArray& value)
{
    bool done = false;
    m_secrets->write(id, SecretKind::Password, SecureBytes(value.constData(), size_t(value.size())), this,
                     [&done](const Status& status) {
                         QVERIFY(status.ok());
                         done = true;
                     });
    QTRY_VERIFY(done);
}

// The tree's context menu offers what fits the clicked item, and enables what the
// selection allows: one connection gets everything, several only Delete, a folder Rename.
void TestMainWindow::contextMenuPerSelection_data()
{
    QTest::addColumn<QString>("selection");
    QTest::addColumn<QStringList>("enabled");
    QTest::addColumn<QStringList>("disabled");
    QTest::addColumn<QStringList>("absent");
    const QStringList connectionActions{
        QStringLiteral("actionOpen"),    QStringLiteral("actionTest"),
        QStringLiteral("actionEdit"),    QStringLiteral("actionDuplicate"),
        QStringLiteral("actionCopyUri"), QStringLiteral("actionCopyUriWithPassword")};
    const QStringList newActions{QStringLiteral("actionNewConnection"), QStringLiteral("actionNewFolder")};
    QTest::newRow("folder") << QStringLiteral("folder")
                            << (newActions + QStringList{QStringLiteral("contextRenameFolder"),
                                                         QStringLiteral("actionDelete")})
                            << QStringList() << connectionActions;
    QTest::newRow("connection") << QStringLiteral("connection")
                                << (newActions + connectionActions +
                                    QStringList{QStringLiteral("actionDelete")})
                                << QStringList() << QStringList{QStringLiteral("contextRenameFolder")};
    QTest::newRow("two connections") << QStringLiteral("two")
                                     << (newActions + QStringList{QStringLiteral("actionDelete")})
                                     << connectionActions
                                     << QStringList{QStringLiteral("contextRenameFolder")};
    QTest::newRow("empty space") << QStringLiteral("none") << newActions << QStringList()
                                 << (connectionActions + QStringList{QStringLiteral("actionDelete"),
                                                                     QStringLiteral("contextRenameFolder")});
}

void TestMainWindow::contextMenuPerSelection()
{
    QFETCH(QString, selection);
    QFETCH(QStringList, enabled);
    QFETCH(QStringList, disabled);
    QFETCH(QStringList, absent);

    const Folder folder{QUuid::createUuid(), {}, QStringLiteral("Production"), 0};
    const Connection a = sampleConnection(QStringLiteral("Orders"), ConnectionKind::PostgreSQL, folder.id);
    const Connection b = sampleConnection(QStringLiteral("Sessions"), ConnectionKind::Redis, folder.id);
    {
        auto store = ConnectionStore::open(storePath());
        QVERIFY(store.ok());
        QVERIFY(store.value()->saveAll({folder}, {a, b}).ok());
    }
    auto window = makeWindow();
    QVERIFY(window);
    QTreeView* tree = window->tree();
    tree->expandAll();

    QPoint pos;
    if (selection == QLatin1String("folder")) {
        window->selectFolder(folder.id);
        pos = tree->visualRect(tree->currentIndex()).center();
    } else if (selection == QLatin1String("connection")) {
        window->selectConnection(a.id);
        pos = tree->visualRect(tree->currentIndex()).center();
    } else if (selection == QLatin1String("two")) {
        window->selectConnection(b.id);
        const QModelIndex second = tree->currentIndex();
        window->selectConnection(a.id);
        tree->selectionModel()->select(second, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(window->selectedConnections().size(), 2);
        pos = tree->visualRect(tree->currentIndex()).center();
    } else {
        window->selectConnection(a.id);
        pos = QPoint(10, tree->viewport()->height() - 5); // below the last row
        QVERIFY(!tree->indexAt(pos).isValid());
    }

    emit tree->customContextMenuRequested(pos);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = window->findChild<QMenu*>(QStringLiteral("treeContextMenu"))));
    QTRY_VERIFY(menu->isVisible());
    if (selection == QLatin1String("two"))
        QCOMPARE(window->selectedConnections().size(), 2); // right-click kept the selection
    if (selection == QLatin1String("none"))
        QVERIFY(window->selectedConnections().isEmpty());

    QHash<QString, bool> shown;
    for (QAction* action : menu->actions()) {
        if (!action->isSeparator())
            shown.insert(action->objectName(), action->isEnabled());
    }
    for (const QString& name : enabled) {
        QVERIFY2(shown.contains(name), qPrintable(name + QStringLiteral(" missing")));
        QVERIFY2(shown.value(name), qPrintable(name + QStringLiteral(" disabled")));
    }
    for (const QString& name : disabled) {
        QVERIFY2(shown.contains(name), qPrintable(name + QStringLiteral(" missing")));
        QVERIFY2(!shown.value(name), qPrintable(name + QStringLiteral(" enabled")));
    }
    for (const QString& name : absent)
        QVERIFY2(!shown.contains(name), qPrintable(name + QStringLiteral(" shown")));
    menu->close();
    QTRY_VERIFY(!window->findChild<QMenu*>(QStringLiteral("treeContextMenu")));
}

// Export through the file dialog writes the connections, and never the password.
void TestMainWindow::exportThroughUiHasNoPassword_data()
{
    QTest::addColumn<int>("filterIndex");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("json") << 0 << QStringLiteral("export.json");
    QTest::newRow("uri list") << 1 << QStringLiteral("export.txt");
}

void TestMainWindow::exportThroughUiHasNoPassword()
{
    QFETCH(int, filterIndex);
    QFETCH(QString, fileName);
    const QByteArray planted("Planted-Export-Pa55!");
    auto window = makeWindow();
    QVERIFY(window);
    const QUuid id = addConnection(*window, QStringLiteral("Billing warehouse"),
                                   QStringLiteral("warehouse.example.com"), QString::fromLatin1(planted));
    QVERIFY(!id.isNull());
    QTRY_COMPARE(window->pendingSecretOperations(), 0);

    auto* exportAction = window->findChild<QAction*>(QStringLiteral("actionExport"));
    QVERIFY(exportAction->isEnabled());
    exportAction->trigger();
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = activeModal<QFileDialog>()));
    const QString path = m_dir->filePath(fileName);
    dialog->selectNameFilter(dialog->nameFilters().at(filterIndex));
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept, as the Save button does
    QTRY_VERIFY(QFile::exists(path));

    const QByteArray written = fileBytes(path);
    QVERIFY2(written.contains("warehouse.example.com"), written.constData());
    QVERIFY2(!containsSecret(written, planted), written.constData());
    QVERIFY(window->findChild<QWidget*>(QStringLiteral("exportErrorBanner")) == nullptr);
}

// The Settings dialog keeps the terminal and client commands in QSettings, and nothing
// secret lands there; a new window reads them back.
void TestMainWindow::settingsPersistCommandsNotSecrets()
{
    const QByteArray planted("Planted-Settings-Pa55!");
    const QString terminal = QStringLiteral("/usr/bin/xterm -fa Monospace -e");
    const QString psql = QStringLiteral("/opt/postgresql/bin/psql --no-psqlrc");
    {
        auto window = makeWindow();
        QVERIFY(window);
        QVERIFY(!addConnection(*window, QStringLiteral("Orders"), QStringLiteral("orders.example.com"),
                               QString::fromLatin1(planted))
                     .isNull());
        window->findChild<QAction*>(QStringLiteral("actionSettings"))->trigger();
        SettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = activeModal<SettingsDialog>()));
        typeInto(dialog, QStringLiteral("terminalCommand"), terminal);
        typeInto(dialog, QStringLiteral("client-postgresql"), psql);
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QPushButton* ok = buttons->button(QDialogButtonBox::Ok) ? buttons->button(QDialogButtonBox::Ok)
                                                                : buttons->button(QDialogButtonBox::Save);
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!QApplication::activeModalWidget());
    }

    QSettings settings;
    settings.sync();
    const LauncherSettings saved = LauncherSettings::load(settings);
    QCOMPARE(saved.terminalCommand, terminal);
    QCOMPARE(saved.clientCommand(ConnectionKind::PostgreSQL), psql);
    const QByteArray file = fileBytes(settings.fileName());
    QVERIFY2(file.contains("xterm"), qPrintable(settings.fileName()));
    QVERIFY2(!containsSecret(file, planted), file.constData());

    // A new window starts with them.
    auto window = makeWindow();
    QVERIFY(window);
    window->findChild<QAction*>(QStringLiteral("actionSettings"))->trigger();
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = activeModal<SettingsDialog>()));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("terminalCommand"))->text(), terminal);
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("client-postgresql"))->text(), psql);
    dialog->reject();
}

// Open runs the configured terminal and client; a stub client writes what it received.
// The password reaches it through its environment or a 0600 file, never its arguments.
void TestMainWindow::openPassesPasswordOutsideArgv_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("report"); // shell commands appended to the stub's report
    QTest::addColumn<QString>("expected");
    QTest::newRow("psql: PGPASSFILE")
        << int(ConnectionKind::PostgreSQL)
        << QStringLiteral("cat \"$PGPASSFILE\"; stat -c \"MODE %a\" \"$PGPASSFILE\"")
        << QStringLiteral("MODE 600");
    QTest::newRow("redis-cli: REDISCLI_AUTH")
        << int(ConnectionKind::Redis) << QStringLiteral("true") << QStringLiteral("REDISCLI_AUTH=");
}

void TestMainWindow::openPassesPasswordOutsideArgv()
{
    QFETCH(int, kind);
    QFETCH(QString, report);
    QFETCH(QString, expected);
    const QByteArray planted("Planted-Open-Pa55");
    const QString out = m_dir->filePath(QStringLiteral("client-report.txt"));
    {
        LauncherSettings launcher;
        launcher.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' terminal");
        launcher.clientCommands.insert(ConnectionKind(kind),
                                       QStringLiteral("/bin/sh -c '{ echo \"ARGV $0 $*\"; env; %1; } "
                                                      ">\"%2.tmp\" 2>&1; mv \"%2.tmp\" \"%2\"' client")
                                           .arg(report, out));
        QSettings settings;
        launcher.save(settings);
    }
    const Connection c = sampleConnection(QStringLiteral("Target"), ConnectionKind(kind));
    {
        auto store = ConnectionStore::open(storePath());
        QVERIFY(store.ok());
        QVERIFY(store.value()->saveAll({}, {c}).ok());
    }
    writeSecret(c.id, planted);
    auto window = makeWindow();
    QVERIFY(window);
    window->selectConnection(c.id);
    auto* open = window->findChild<QAction*>(QStringLiteral("actionOpen"));
    QVERIFY(open->isEnabled());
    open->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 15000);

    const QByteArray got = fileBytes(out);
    const QList<QByteArray> lines = got.split('\n');
    QVERIFY2(lines.first().startsWith("ARGV client"), got.constData());
    QVERIFY2(!lines.first().contains(planted), lines.first().constData()); // not on the command line
    QVERIFY2(got.contains(planted), got.constData());                      // but delivered
    QVERIFY2(got.contains(expected.toUtf8()), got.constData());
    QVERIFY(window->findChild<QWidget*>(QStringLiteral("openErrorBanner")) == nullptr);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
