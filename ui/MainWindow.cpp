// MainWindow: see the header.
#include "ui/MainWindow.h"

#include "core/connect/ClientLauncher.h"
#include "core/keychain/SecretStore.h"
#include "core/model/ConnectionExporter.h"
#include "core/model/ConnectionImporter.h"
#include "core/model/ConnectionUri.h"
#include "core/storage/ConnectionRepository.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionDetailsPane.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/EmptyStateWidget.h"
#include "ui/GuiLogging.h"
#include "ui/ImportDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/TreeEditCommand.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

MainWindow::MainWindow(const Services& services, QWidget* parent)
    : QMainWindow(parent)
    , m_secrets(services.secrets)
    , m_sharing(services.sharing)
    , m_repository(services.repository)
    , m_settings(services.settings)
{
    Q_ASSERT(m_repository);
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Conclave"));
    setWindowIcon(ConnectionTreeModel::appIcon());

    m_model = new ConnectionTreeModel(m_repository, this);
    m_proxy = new ConnectionFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->sort(0);
    m_undo = new QUndoStack(this);
    m_undo->setUndoLimit(100);
    m_clipboard = new ClipboardGuard(this);
    m_launcher =
        services.launcher ? services.launcher : new ClientLauncher(LauncherSettings::load(*m_settings), this);
    connect(m_launcher, &ClientLauncher::launchFailed, this, [this](const QUuid&, const QString& message) {
        showBanner(QStringLiteral("openErrorBanner"), message, true);
    });

    m_model->setMoveHandler([this](const ConnectionTreeModel::MoveRequest& request) {
        // Queued: the drop is still being delivered to the view when this runs.
        QTimer::singleShot(0, this, [this, request] {
            onMoveRequested(request.folders, request.connections, request.targetFolder);
        });
    });
    m_model->setRenameHandler([this](const QUuid& id, const QString& name) { onRenameRequested(id, name); });
    connect(m_repository, &ConnectionRepository::changeRefused, this, [this](const QString& message) {
        showStatus(message);
        m_lastRefusal = message;
    });

    createActions();
    createMenus();
    createToolBar();
    createCentral();

    if (!services.secretsWarning.isEmpty())
        showBanner(QStringLiteral("keychainBanner"), services.secretsWarning, false);
    showStoreProblems();
    // Small lists open fully expanded; large ones show their top level only.
    if (m_model->connectionCount() <= 200)
        m_tree->expandAll();

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetails);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateDetails);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        if (!text.isEmpty())
            m_tree->expandAll(); // matches deep in the tree must be visible
        updateEmptyState();
    });
    updateEmptyState();
    updateActions();
    updateDetails();
    resize(1000, 640);
}

MainWindow::~MainWindow()
{
    // An inline rename still open is committed when the tree view goes away. Destroy the view
    // here, while the window is whole, so that commit takes the normal way; afterwards
    // nothing calls back into a window that is being destroyed.
    delete m_tree;
    m_tree = nullptr;
    m_model->setRenameHandler({});
    m_model->setMoveHandler({});
    disconnect(m_repository, nullptr, this, nullptr);
    // Commands drop secrets of deleted connections when destroyed; do it while the
    // model and repository still exist.
    m_undo->clear();
}

void MainWindow::createActions()
{
    auto make = [this](const QString& objectName, const QString& text, const QKeySequence& shortcut = {},
                       const QString& iconName = {}) {
        auto* action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        if (!iconName.isEmpty())
            action->setIcon(QIcon::fromTheme(iconName));
        return action;
    };
    m_actNewConnection = make(QStringLiteral("actionNewConnection"), tr("&New Connection…"),
                              QKeySequence::New, QStringLiteral("document-new"));
    m_actNewConnection->setIconText(tr("New Connection"));
    m_actNewFolder = make(QStringLiteral("actionNewFolder"), tr("New &Folder"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QStringLiteral("folder-new"));
    m_actNewFolder->setIconText(tr("New Folder"));
    m_actEdit = make(QStringLiteral("actionEdit"), tr("&Edit…"), {}, QStringLiteral("document-edit"));
    m_actEdit->setIconText(tr("Edit"));
    m_actDuplicate =
        make(QStringLiteral("actionDuplicate"), tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_actDelete = make(QStringLiteral("actionDelete"), tr("&Delete"), QKeySequence::Delete,
                       QStringLiteral("edit-delete"));
    m_actRename = make(QStringLiteral("actionRename"), tr("&Rename"), QKeySequence(Qt::Key_F2));
    m_actCopyUri = make(QStringLiteral("actionCopyUri"), tr("&Copy URI"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStringLiteral("edit-copy"));
    m_actCopyUri->setIconText(tr("Copy URI"));
    m_actCopyUriPassword = make(QStringLiteral("actionCopyUriWithPassword"), tr("Copy URI with &Password"));
    m_actCopyUriPassword->setToolTip(
        tr("Copies the URI including the password; the clipboard is cleared after 30 seconds."));
    m_actOpen = make(QStringLiteral("actionOpen"), tr("&Open"), QKeySequence(Qt::CTRL | Qt::Key_O),
                     QStringLiteral("utilities-terminal"));
    m_actOpen->setIconText(tr("Open"));
    m_actOpen->setToolTip(tr("Opens the connection in its client in your terminal."));
    m_actTest = make(QStringLiteral("actionTest"), tr("&Test Connection"), QKeySequence(Qt::CTRL | Qt::Key_T),
                     QStringLiteral("network-connect"));
    m_actTest->setIconText(tr("Test"));
    m_actImport = make(QStringLiteral("actionImport"), tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                       QStringLiteral("document-import"));
    m_actImport->setIconText(tr("Import"));
    m_actExport = make(QStringLiteral("actionExport"), tr("E&xport…"), {}, QStringLiteral("document-export"));
    m_actSettings = make(QStringLiteral("actionSettings"), tr("&Settings…"), QKeySequence::Preferences,
                         QStringLiteral("preferences-system"));
    m_actFind =
        make(QStringLiteral("actionFind"), tr("&Find"), QKeySequence::Find, QStringLiteral("edit-find"));
    m_actQuit = make(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit,
                     QStringLiteral("application-exit"));
    m_actUndo = m_undo->createUndoAction(this, tr("&Undo"));
    m_actUndo->setObjectName(QStringLiteral("actionUndo"));
    m_actUndo->setShortcut(QKeySequence::Undo);
    m_actRedo = m_undo->createRedoAction(this, tr("&Redo"));
    m_actRedo->setObjectName(QStringLiteral("actionRedo"));
    m_actRedo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});

    connect(m_actNewConnection, &QAction::triggered, this, &MainWindow::newConnection);
    connect(m_actNewFolder, &QAction::triggered, this, &MainWindow::newFolder);
    connect(m_actEdit, &QAction::triggered, this, &MainWindow::editSelected);
    connect(m_actDuplicate, &QAction::triggered, this, &MainWindow::duplicateSelected);
    connect(m_actDelete, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(m_actRename, &QAction::triggered, this, &MainWindow::renameSelected);
    connect(m_actCopyUri, &QAction::triggered, this, &MainWindow::copyUri);
    connect(m_actCopyUriPassword, &QAction::triggered, this, &MainWindow::copyUriWithPassword);
    connect(m_actOpen, &QAction::triggered, this, &MainWindow::openSelected);
    connect(m_actTest, &QAction::triggered, this, &MainWindow::testSelected);
    connect(m_actImport, &QAction::triggered, this, &MainWindow::importConnections);
    connect(m_actExport, &QAction::triggered, this, &MainWindow::exportConnections);
    connect(m_actSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_actFind, &QAction::triggered, this, &MainWindow::focusFilter);
    connect(m_actQuit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actNewConnection);
    file->addAction(m_actNewFolder);
    file->addSeparator();
    file->addAction(m_actImport);
    file->addAction(m_actExport);
    file->addSeparator();
    file->addAction(m_actSettings);
    file->addSeparator();
    file->addAction(m_actQuit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_actUndo);
    edit->addAction(m_actRedo);
    edit->addSeparator();
    edit->addAction(m_actEdit);
    edit->addAction(m_actRename);
    edit->addAction(m_actDuplicate);
    edit->addAction(m_actDelete);
    edit->addSeparator();
    edit->addAction(m_actCopyUri);
    edit->addAction(m_actCopyUriPassword);
    edit->addSeparator();
    edit->addAction(m_actFind);

    QMenu* connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(m_actOpen);
    connection->addAction(m_actTest);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actNewConnection);
    bar->addAction(m_actNewFolder);
    bar->addAction(m_actImport);
    bar->addSeparator();
    bar->addAction(m_actOpen);
    bar->addAction(m_actTest);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by name, host or tag (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(330);
    m_filter->setAccessibleName(tr("Filter"));
    bar->addWidget(m_filter);
}

void MainWindow::createCentral()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banners = new QWidget(central);
    auto* bannerLayout = new QVBoxLayout(m_banners);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->setSpacing(0);
    layout->addWidget(m_banners);

    m_stack = new QStackedWidget(central);
    layout->addWidget(m_stack, 1);
    m_empty = new EmptyStateWidget(m_stack);
    connect(m_empty, &EmptyStateWidget::newConnectionRequested, this, &MainWindow::newConnection);
    connect(m_empty, &EmptyStateWidget::importRequested, this, &MainWindow::importConnections);
    m_stack->addWidget(m_empty);

    auto* splitter = new QSplitter(Qt::Horizontal, m_stack);
    splitter->setObjectName(QStringLiteral("splitter"));
    m_tree = new QTreeView(splitter);
    m_tree->setObjectName(QStringLiteral("tree"));
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(0, Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true); // fast layout for 10,000 rows
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers); // F2 goes through the Rename action
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAccessibleName(tr("Connections"));
    connect(m_tree, &QTreeView::activated, this, &MainWindow::onActivated);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &MainWindow::onContextMenu);
    // Del, F2 and Enter act on the tree only while it has the focus, so they keep their
    // usual meaning in the filter box and in an inline rename editor.
    for (QAction* action : {m_actDelete, m_actRename}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(action);
    }
    splitter->addWidget(m_tree);
    m_details = new ConnectionDetailsPane(splitter);
    m_details->setActions(m_actOpen, m_actTest, m_actEdit, m_actCopyUri);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({380, 620});
    m_stack->addWidget(splitter);
    setCentralWidget(central);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
}

void MainWindow::showStoreProblems()
{
    if (const Status& opened = m_repository->openStatus(); !opened.ok()) {
        const Error& error = opened.error();
        const QString& path = m_repository->path();
        QString text;
        if (error.code == ErrorCode::VersionTooNew) {
            text = tr("Your connections were saved by a newer version of Conclave. Conclave started with an "
                      "empty, read-only list and did not change the file. Update Conclave to see them.");
        } else if (error.code == ErrorCode::Corrupt) {
            text = tr("Your connection database is damaged. Conclave started with an empty, read-only list "
                      "and did not change the file (%1). Details: %2")
                       .arg(path, error.message);
        } else {
            text = tr("Your connection database could not be opened: %1 Conclave started with an empty, "
                      "read-only list.")
                       .arg(error.message);
        }
        showBanner(QStringLiteral("storeBanner"), text, true);
        m_empty->setReadOnly(true);
        return;
    }
    if (const Status& loaded = m_repository->loadStatus(); !loaded.ok()) {
        showBanner(QStringLiteral("storeBanner"),
                   tr("Some connections could not be read: %1").arg(loaded.error().message), true);
    }
}

bool MainWindow::isReadOnly() const
{
    return m_model->isReadOnly();
}

void MainWindow::showBanner(const QString& objectName, const QString& text, bool error)
{
    auto* banner = m_banners->findChild<QLabel*>(objectName);
    if (!banner) {
        banner = new QLabel(m_banners);
        banner->setObjectName(objectName);
        banner->setWordWrap(true);
        banner->setTextFormat(Qt::PlainText);
        banner->setContentsMargins(12, 8, 12, 8);
        banner->setStyleSheet(error ? QStringLiteral("background: #fbe9e7; color: #7f1d1d; "
                                                     "border-bottom: 1px solid #e8b4ad;")
                                    : QStringLiteral("background: #fff4ce; color: #5c4400; "
                                                     "border-bottom: 1px solid #e6d38a;"));
        m_banners->layout()->addWidget(banner);
    }
    banner->setText(text);
    banner->show();
}

QStringList MainWindow::bannerTexts() const
{
    QStringList texts;
    for (QLabel* label : m_banners->findChildren<QLabel*>()) {
        if (!label->isHidden())
            texts.append(label->text());
    }
    return texts;
}

void MainWindow::showStatus(const QString& text)
{
    statusBar()->showMessage(text, 8000);
}

QList<QUuid> MainWindow::selectedFolders() const
{
    QList<QUuid> result;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (index.data(ConnectionTreeModel::IsFolderRole).toBool())
            result.append(index.data(ConnectionTreeModel::IdRole).toUuid());
    }
    return result;
}

QList<QUuid> MainWindow::selectedConnections() const
{
    QList<QUuid> result;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (!index.data(ConnectionTreeModel::IsFolderRole).toBool())
            result.append(index.data(ConnectionTreeModel::IdRole).toUuid());
    }
    return result;
}

void MainWindow::selectConnection(const QUuid& id)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForConnection(id));
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

void MainWindow::selectFolder(const QUuid& id)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForFolder(id));
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

const Connection* MainWindow::currentConnection() const
{
    const QList<QUuid> connections = selectedConnections();
    if (connections.size() != 1 || !selectedFolders().isEmpty())
        return nullptr;
    return m_model->connection(connections.first());
}

QUuid MainWindow::currentFolderForNew() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_tree->selectionModel()->isSelected(current))
        return {};
    const QUuid id = current.data(ConnectionTreeModel::IdRole).toUuid();
    if (current.data(ConnectionTreeModel::IsFolderRole).toBool())
        return id;
    const Connection* c = m_model->connection(id);
    return c ? c->folderId : QUuid();
}

void MainWindow::updateActions()
{
    const bool writable = !m_model->isReadOnly();
    const QList<QUuid> folders = selectedFolders();
    const QList<QUuid> connections = selectedConnections();
    const bool oneConnection = connections.size() == 1 && folders.isEmpty();
    const bool oneFolder = folders.size() == 1 && connections.isEmpty();
    m_actNewConnection->setEnabled(writable);
    m_actNewFolder->setEnabled(writable);
    m_actImport->setEnabled(writable);
    m_actEdit->setEnabled(writable && oneConnection);
    m_actDuplicate->setEnabled(writable && oneConnection);
    m_actDelete->setEnabled(writable && (!folders.isEmpty() || !connections.isEmpty()));
    m_actRename->setEnabled(writable && (oneFolder || oneConnection));
    m_actCopyUri->setEnabled(oneConnection);
    m_actCopyUriPassword->setEnabled(oneConnection);
    m_actOpen->setEnabled(oneConnection);
    m_actTest->setEnabled(oneConnection);
    m_actExport->setEnabled(m_model->connectionCount() > 0);
}

void MainWindow::updateDetails()
{
    const QList<QUuid> folders = selectedFolders();
    const QList<QUuid> connections = selectedConnections();
    if (const Connection* c = currentConnection()) {
        m_details->showConnection(*c, m_model->folderPath(c->folderId));
    } else if (folders.size() == 1 && connections.isEmpty()) {
        const Folder* f = m_model->folder(folders.first());
        QList<QUuid> subFolders;
        QList<QUuid> contained;
        m_model->collectDescendants(f->id, subFolders, contained);
        m_details->showFolder(f->name, m_model->folderPath(f->id), int(subFolders.size()),
                              int(contained.size()));
    } else {
        m_details->showNothing();
    }
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->connectionCount() == 0 && m_model->folderCount() == 0;
    m_stack->setCurrentIndex(empty ? 0 : 1);
    m_filter->setEnabled(!empty);
    updateActions();
}

bool MainWindow::pushChange(const QString& text, const QList<Folder>& beforeFolders,
                            const QList<Connection>& beforeConnections, const QList<Folder>& afterFolders,
                            const QList<Connection>& afterConnections)
{
    if (m_model->isReadOnly()) {
        showStatus(tr("The connection list is read-only."));
        return false;
    }
    auto* command = new TreeEditCommand(m_repository, text, {beforeFolders, beforeConnections},
                                        {afterFolders, afterConnections},
                                        [this](const QList<QUuid>& ids) { dropSecrets(ids); });
    // push() runs redo(); a refused change marks itself obsolete and is deleted by push(),
    // so success is read from the stack, not from the command.
    m_lastRefusal.clear();
    m_undo->push(command);
    const bool ok = m_undo->index() > 0 && m_undo->command(m_undo->index() - 1) == command;
    if (!ok) {
        showBanner(QStringLiteral("changeErrorBanner"),
                   m_lastRefusal.isEmpty() ? tr("The change could not be saved.") : m_lastRefusal, true);
    } else if (QWidget* banner = m_banners->findChild<QWidget*>(QStringLiteral("changeErrorBanner"))) {
        banner->hide();
    }
    return ok;
}

void MainWindow::secretOperationDone(const Status& status)
{
    --m_pendingSecretOps;
    if (!status.ok()) {
        showBanner(QStringLiteral("secretErrorBanner"),
                   tr("A password or key could not be saved in the keychain: %1").arg(status.error().message),
                   true);
    }
    if (m_closing && m_pendingSecretOps == 0)
        QTimer::singleShot(0, this, &QWidget::close);
}

void MainWindow::writeSecrets(const QUuid& connectionId, std::vector<SecretWrite> secrets)
{
    if (!m_secrets)
        return;
    for (SecretWrite& secret : secrets) {
        ++m_pendingSecretOps;
        auto done = [this](Status status) {
            secretOperationDone(status);
        };
        if (secret.remove)
            m_secrets->remove(connectionId, secret.kind, this, done);
        else
            m_secrets->write(connectionId, secret.kind, std::move(secret.value), this, done);
        qCInfo(lcGui) << (secret.remove ? "removing" : "storing") << secretKindName(secret.kind)
                      << "of connection" << idText(connectionId);
    }
}

void MainWindow::dropSecrets(const QList<QUuid>& connectionIds)
{
    if (!m_secrets)
        return;
    for (const QUuid& id : connectionIds) {
        ++m_pendingSecretOps;
        qCInfo(lcGui) << "removing secrets of deleted connection" << idText(id);
        m_secrets->removeAll(id, this, [this](Status status) { secretOperationDone(status); });
    }
}

void MainWindow::copySecrets(const QUuid& from, const QUuid& to)
{
    if (!m_secrets)
        return;
    for (SecretKind kind : kAllSecretKinds) {
        ++m_pendingSecretOps;
        m_secrets->read(from, kind, this, [this, to, kind](Result<SecureBytes> value) {
            if (value.ok()) {
                std::vector<SecretWrite> writes;
                writes.push_back({kind, std::move(value).value(), false});
                writeSecrets(to, std::move(writes));
                secretOperationDone({});
            } else {
                secretOperationDone(value.error().code == ErrorCode::NotFound ? Status()
                                                                              : Status(value.error()));
            }
        });
    }
}

void MainWindow::newConnection()
{
    if (m_model->isReadOnly())
        return;
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = currentFolderForNew();
    c.kind = ConnectionKind::PostgreSQL;
    auto* dialog = new ConnectionEditorDialog(c, true, this);
    dialog->setFolders(m_model->folders());
    dialog->setSecretStore(m_secrets);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Connection created = dialog->connection();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        created.created = now;
        created.modified = now;
        std::vector<ConnectionEditorDialog::SecretChange> changes = dialog->takeSecretChanges();
        if (!pushChange(tr("Create %1").arg(created.name), {}, {}, {}, {created}))
            return;
        std::vector<SecretWrite> writes;
        for (auto& change : changes)
            writes.push_back({change.kind, std::move(change.value), change.remove});
        writeSecrets(created.id, std::move(writes));
        qCInfo(lcGui) << "created connection" << idText(created.id);
        selectConnection(created.id);
    });
    dialog->open();
}

void MainWindow::newFolder()
{
    if (m_model->isReadOnly())
        return;
    Folder f;
    f.id = QUuid::createUuid();
    f.parentId = currentFolderForNew();
    f.name = tr("New Folder");
    if (!pushChange(tr("Create folder"), {}, {}, {f}, {}))
        return;
    qCInfo(lcGui) << "created folder" << idText(f.id);
    if (m_filter->text().isEmpty()) {
        selectFolder(f.id);
        m_tree->edit(m_tree->currentIndex()); // name it right away, as file managers do
    }
}

void MainWindow::editSelected()
{
    const Connection* current = currentConnection();
    if (!current || m_model->isReadOnly())
        return;
    auto* dialog = new ConnectionEditorDialog(*current, false, this);
    dialog->setFolders(m_model->folders());
    dialog->setSecretStore(m_secrets);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = current->id;
    const QUuid openedInFolder = current->folderId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, openedInFolder] {
        const Connection* before = m_model->connection(id);
        if (!before)
            return; // deleted meanwhile (e.g. undone)
        Connection after = dialog->connection();
        // The editor's folder field wins when the user changed it there; otherwise a move made
        // in the tree while the dialog was open stays.
        if (after.folderId == openedInFolder ||
            (!after.folderId.isNull() && !m_model->hasFolder(after.folderId)))
            after.folderId = before->folderId;
        after.modified = QDateTime::currentDateTimeUtc();
        std::vector<ConnectionEditorDialog::SecretChange> changes = dialog->takeSecretChanges();
        if (!(after == *before) && !pushChange(tr("Edit %1").arg(after.name), {}, {*before}, {}, {after}))
            return;
        std::vector<SecretWrite> writes;
        for (auto& change : changes)
            writes.push_back({change.kind, std::move(change.value), change.remove});
        writeSecrets(id, std::move(writes));
        qCInfo(lcGui) << "edited connection" << idText(id);
    });
    dialog->open();
}

void MainWindow::duplicateSelected()
{
    const Connection* current = currentConnection();
    if (!current || m_model->isReadOnly())
        return;
    Connection copy = *current;
    copy.id = QUuid::createUuid();
    copy.name = tr("%1 (copy)").arg(current->name);
    copy.created = copy.modified = QDateTime::currentDateTimeUtc();
    const QUuid source = current->id;
    if (!pushChange(tr("Duplicate %1").arg(current->name), {}, {}, {}, {copy}))
        return;
    copySecrets(source, copy.id);
    selectConnection(copy.id);
}

void MainWindow::deleteSelected()
{
    if (m_model->isReadOnly())
        return;
    QList<QUuid> folderIds = selectedFolders();
    QList<QUuid> connectionIds = selectedConnections();
    for (const QUuid& id : selectedFolders())
        m_model->collectDescendants(id, folderIds, connectionIds);
    QSet<QUuid> seenFolders;
    QSet<QUuid> seenConnections;
    QList<Folder> folders;
    QList<Connection> connections;
    for (const QUuid& id : folderIds) {
        if (!seenFolders.contains(id) && m_model->folder(id)) {
            seenFolders.insert(id);
            folders.append(*m_model->folder(id));
        }
    }
    for (const QUuid& id : connectionIds) {
        if (!seenConnections.contains(id) && m_model->connection(id)) {
            seenConnections.insert(id);
            connections.append(*m_model->connection(id));
        }
    }
    if (folders.isEmpty() && connections.isEmpty())
        return;
    const QString text = folders.isEmpty() && connections.size() == 1
                             ? tr("Delete %1").arg(connections.first().name)
                             : tr("Delete %n item(s)", nullptr, int(folders.size() + connections.size()));
    if (pushChange(text, folders, connections, {}, {})) {
        qCInfo(lcGui) << "deleted" << folders.size() << "folders and" << connections.size() << "connections";
        showStatus(tr("Deleted. Press Ctrl+Z to undo."));
    }
}

void MainWindow::renameSelected()
{
    if (m_model->isReadOnly())
        return;
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return;
    if (current.data(ConnectionTreeModel::IsFolderRole).toBool())
        m_tree->edit(current);
    else
        editSelected(); // a connection's name is edited with the rest of it
}

void MainWindow::onRenameRequested(const QUuid& id, const QString& name)
{
    const Folder* before = m_model->folder(id);
    if (!before || before->name == name)
        return;
    Folder after = *before;
    after.name = name;
    pushChange(tr("Rename folder"), {*before}, {}, {after}, {});
}

void MainWindow::onMoveRequested(const QList<QUuid>& folderIds, const QList<QUuid>& connectionIds,
                                 const QUuid& target)
{
    QList<Folder> before;
    QList<Folder> after;
    QList<Connection> beforeC;
    QList<Connection> afterC;
    for (const QUuid& id : folderIds) {
        const Folder* f = m_model->folder(id);
        if (!f || f->parentId == target || m_model->isWithin(target, id))
            continue;
        before.append(*f);
        after.append(*f);
        after.last().parentId = target;
    }
    for (const QUuid& id : connectionIds) {
        const Connection* c = m_model->connection(id);
        if (!c || c->folderId == target)
            continue;
        beforeC.append(*c);
        afterC.append(*c);
        afterC.last().folderId = target;
    }
    if (before.isEmpty() && beforeC.isEmpty())
        return;
    if (pushChange(tr("Move %n item(s)", nullptr, int(before.size() + beforeC.size())), before, beforeC,
                   after, afterC))
        qCInfo(lcGui) << "moved" << before.size() << "folders and" << beforeC.size() << "connections";
}

void MainWindow::onActivated(const QModelIndex& proxyIndex)
{
    if (proxyIndex.data(ConnectionTreeModel::IsFolderRole).toBool()) {
        m_tree->setExpanded(proxyIndex, !m_tree->isExpanded(proxyIndex));
        return;
    }
    editSelected();
}

void MainWindow::onContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (index.isValid() && !m_tree->selectionModel()->isSelected(index))
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    if (!index.isValid())
        m_tree->selectionModel()->clearSelection();
    // popup(), not exec(): no nested event loop, like the rest of the window.
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("treeContextMenu"));
    menu->addAction(m_actNewConnection);
    menu->addAction(m_actNewFolder);
    if (index.isValid()) {
        menu->addSeparator();
        if (index.data(ConnectionTreeModel::IsFolderRole).toBool()) {
            QAction* rename = menu->addAction(tr("&Rename Folder"), m_actRename, &QAction::trigger);
            rename->setObjectName(QStringLiteral("contextRenameFolder"));
            rename->setEnabled(m_actRename->isEnabled());
        } else {
            menu->addAction(m_actOpen);
            menu->addAction(m_actTest);
            menu->addSeparator();
            menu->addAction(m_actEdit);
            menu->addAction(m_actDuplicate);
            menu->addAction(m_actCopyUri);
            menu->addAction(m_actCopyUriPassword);
        }
        menu->addSeparator();
        menu->addAction(m_actDelete);
    }
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

void MainWindow::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void MainWindow::testSelected()
{
    const Connection* current = currentConnection();
    if (!current)
        return;
    auto* dialog = new ConnectionCheckDialog(*current, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_closing) {
        m_closing = true;
        // Deletions can no longer be undone once the window is gone: drop their secrets
        // now and close once the keychain has answered (or after 5 s at most).
        m_undo->clear();
        if (m_pendingSecretOps > 0) {
            event->ignore();
            QTimer::singleShot(5000, this, [this] {
                m_pendingSecretOps = 0;
                close();
            });
            return;
        }
    }
    if (m_pendingSecretOps > 0) {
        event->ignore();
        return;
    }
    event->accept();
}

// --- Copy URI, import, export, open and settings.

void MainWindow::copyUri()
{
    if (const Connection* c = currentConnection())
        copyUriText(*c, nullptr);
}

void MainWindow::copyUriWithPassword()
{
    const Connection* c = currentConnection();
    if (!c)
        return;
    if (!m_secrets) {
        copyUriText(*c, nullptr);
        return;
    }
    const QUuid id = c->id;
    m_secrets->read(id, SecretKind::Password, this, [this, id](Result<SecureBytes> password) {
        const Connection* current = m_model->connection(id);
        if (!current)
            return;
        if (!password.ok()) {
            showStatus(password.error().code == ErrorCode::NotFound
                           ? tr("No password is stored for this connection; copied the URI without one.")
                           : password.error().message);
            copyUriText(*current, nullptr);
            return;
        }
        copyUriText(*current, &password.value());
    });
}

void MainWindow::copyUriText(const Connection& connection, const SecureBytes* password)
{
    // The string holding the password is handed to the clipboard, not copied: the guard
    // overwrites that one buffer when the clipboard lets go of it. (fill() here would only
    // have overwritten a detached copy, as the clipboard shares the buffer.)
    QString uri = ConnectionUri::format(connection, password);
    m_clipboard->copy(std::move(uri), password != nullptr);
    qCInfo(lcGui) << "copied the URI of connection" << idText(connection.id)
                  << (password ? "with password" : "without password");
    showStatus(password ? tr("URI with password copied. The clipboard is cleared in 30 seconds.")
                        : tr("URI copied."));
}

void MainWindow::openSelected()
{
    const Connection* c = currentConnection();
    if (!c)
        return;
    const QUuid id = c->id;
    auto launch = [this, id](SecureBytes password) {
        const Connection* current = m_model->connection(id);
        if (!current)
            return;
        LaunchCredentials credentials;
        credentials.username = current->username;
        credentials.password = std::move(password);
        const Status status = m_launcher->open(*current, credentials);
        if (!status) {
            showBanner(QStringLiteral("openErrorBanner"), status.error().message, true);
            return;
        }
        qCInfo(lcGui) << "opened connection" << idText(id);
        showStatus(tr("Opening %1…").arg(current->name));
    };
    if (!m_secrets) {
        launch({});
        return;
    }
    m_secrets->read(id, SecretKind::Password, this, [launch](Result<SecureBytes> password) {
        launch(password.ok() ? std::move(password).value() : SecureBytes());
    });
}

void MainWindow::importConnections()
{
    if (m_model->isReadOnly())
        return;
    const QUuid folderId = currentFolderForNew();
    auto* dialog = new ImportDialog(folderId, m_model->folderPath(folderId), this);
    dialog->setExistingConnections(m_model->connections());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, folderId] {
        ConnectionImporter::Outcome outcome = dialog->takeResult();
        if (outcome.connections.isEmpty())
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (Connection& c : outcome.connections) {
            c.folderId = m_model->hasFolder(folderId) ? folderId : QUuid();
            c.created = c.modified = now;
        }
        const int count = int(outcome.connections.size());
        if (!pushChange(tr("Import %n connection(s)", nullptr, count), {}, {}, {}, outcome.connections))
            return;
        for (auto& secret : outcome.passwords) {
            std::vector<SecretWrite> writes;
            writes.push_back({SecretKind::Password, std::move(secret.password), false});
            writeSecrets(secret.connectionId, std::move(writes));
        }
        qCInfo(lcGui) << "imported" << count << "connections";
        showStatus(tr("Imported %n connection(s).", nullptr, count));
        selectConnection(outcome.connections.first().id);
    });
    dialog->open();
}

void MainWindow::exportConnections()
{
    auto* dialog = new QFileDialog(this, tr("Export Connections"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const QString jsonFilter = tr("Conclave export (*.json)");
    const QString uriFilter = tr("List of URIs (*.txt)");
    dialog->setNameFilters({jsonFilter, uriFilter});
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("connections.json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, uriFilter](const QString& path) {
        // Exports never contain secrets: ConnectionExporter writes only what the model holds.
        const Status status =
            dialog->selectedNameFilter() == uriFilter
                ? ConnectionExporter::writeUriList(path, m_model->connections())
                : ConnectionExporter::writeJson(path, m_model->folders(), m_model->connections());
        if (!status) {
            showBanner(QStringLiteral("exportErrorBanner"), status.error().message, true);
            return;
        }
        qCInfo(lcGui) << "exported" << m_model->connectionCount() << "connections";
        showStatus(tr("Exported %n connection(s) without passwords.", nullptr, m_model->connectionCount()));
    });
    dialog->open();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(m_launcher->settings(), this);
    if (m_sharing && m_sharing->hasPolicy())
        dialog->showEnforcedPolicy(*m_sharing);
    // Team Sharing's server, unless the policy turned Team Sharing off.
    const bool sharing = m_sharing && m_sharing->teamSharingEnabled().value;
    if (sharing)
        dialog->showSharingServer(*m_sharing);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, sharing] {
        m_launcher->setSettings(dialog->settings());
        dialog->settings().save(*m_settings);
        if (sharing && m_sharing->serverUrlEditable() &&
            dialog->sharingServer() != m_sharing->serverUrl().value)
            emit sharingServerChosen(dialog->sharingServer());
    });
    dialog->open();
}

} // namespace Conclave::Gui
