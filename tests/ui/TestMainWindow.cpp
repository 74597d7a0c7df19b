// Tests MainWindow end to end over a real SQLite store and the memory SecretStore: empty
// state, create (through the editor dialog), edit, move by drag and drop data, delete with
// undo and redo, secrets kept while a delete can be undone, filter, import, copy URI with
// the clipboard cleared, keyboard shortcuts, and the read-only start on a damaged store.
// Dialogs open window-modal without a nested event loop; the test finds them as the
// active modal widget and drives them like a user.
#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionStore.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
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
    void importPastedUris();
    void copyUriWithoutAndWithPassword();
    void clipboardClearedOnlyIfUnchanged();
    void keyboardShortcuts();
    void readOnlyOnDamagedStore();

private:
    std::unique_ptr<MainWindow> makeWindow();
    QUuid addConnection(MainWindow& window, const QString& name, const QString& host,
                        const QString& password = {});
    QString storePath() const { return m_dir->filePath(QStringLiteral("conclave.sqlite")); }

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
}

void TestMainWindow::cleanup()
{
    m_secrets.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_secrets.get(), QString(), storePath());
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

    // Enter on the tree opens the editor for the current connection.
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_Return);
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

    // Once the delete cannot be undone any more, the secrets go.
    window->undoStack()->clear();
    QTRY_COMPARE(int(m_secrets->entryCount()), 0);
    QTRY_COMPARE(window->pendingSecretOperations(), 0);
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

    // Something else copied meanwhile is left alone.
    guard.copy(QStringLiteral("redis://:pw@cache:6379"), true);
    clipboard->setText(QStringLiteral("unrelated"));
    QTRY_VERIFY(!guard.isArmed());
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(clipboard->text(), QStringLiteral("unrelated"));
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

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
