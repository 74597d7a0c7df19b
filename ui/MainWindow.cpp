// MainWindow: see the header.
#include "ui/MainWindow.h"

#include "core/connect/ClientLauncher.h"
#include "core/crypto/SensitiveBytes.h"
#include "core/keychain/SecretStore.h"
#include "core/keychain/SharedCredentials.h"
#include "core/model/ConnectionExporter.h"
#include "core/model/ConnectionImporter.h"
#include "core/model/ConnectionUri.h"
#include "core/model/SharedConnection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/AccountClient.h"
#include "core/sync/SyncEngine.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionDetailsPane.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/EmptyStateWidget.h"
#include "ui/GuiLogging.h"
#include "ui/ImportDialog.h"
#include "ui/MoveToDialog.h"
#include "ui/PasswordPromptDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/SharedCredentialsDialog.h"
#include "ui/SharedTreeSync.h"
#include "ui/TrashDialog.h"
#include "ui/TreeEditCommand.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
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

#include <algorithm>
#include <map>

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
    m_shared = new SharedTreeSync(m_model, this);
    m_shared->setSecretStore(services.secrets);
    m_proxy = new ConnectionFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->sort(0);
    m_undo = new QUndoStack(this);
    m_undo->setUndoLimit(100);
    m_clipboard = new ClipboardGuard(this);
    m_launcher =
        services.launcher ? services.launcher : new ClientLauncher(LauncherSettings::load(*m_settings), this);
    connect(m_launcher, &ClientLauncher::launchFailed, this,
            [this](const QUuid&, const QString& message) { showOpenError(message); });

    m_model->setMoveHandler([this](const ConnectionTreeModel::MoveRequest& request) {
        // Queued: the drop is still being delivered to the view when this runs.
        QTimer::singleShot(0, this, [this, request] {
            moveItemsTo(request.folders, request.connections, request.targetFolder);
        });
    });
    m_model->setDropRefusalHandler([this](ConnectionTreeModel::DropRefusal why) {
        const QString text = moveRefusalText(why);
        if (!text.isEmpty()) {
            if (statusBar()->currentMessage() != text)
                showStatus(text);
            m_lastDropRefusal = text;
        } else if (!m_lastDropRefusal.isEmpty() && statusBar()->currentMessage() == m_lastDropRefusal) {
            statusBar()->clearMessage(); // the drag has left the place the sentence was about
        }
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

    m_keychainPending = services.keychainPending;
    if (m_keychainPending) {
        // A keychain that answers at once (the usual case) never shows the notice.
        QTimer::singleShot(kKeychainWaitNoticeMs, this, [this] {
            if (m_keychainPending)
                showKeychainWaiting();
        });
    } else if (!services.secretsWarning.isEmpty()) {
        keychainAnswered(services.secretsWarning);
    }
    showStoreProblems();
    // Small lists open fully expanded; large ones show their top level only.
    if (m_model->connectionCount() <= 200)
        m_tree->expandAll();

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetails);
    connect(m_shared, &SharedTreeSync::sharedChanged, this, [this] {
        if (!m_selectWhenShown.isNull() && m_model->connection(m_selectWhenShown))
            selectConnection(std::exchange(m_selectWhenShown, QUuid()));
        updateActions();
        updateDetails();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateDetails);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::onFilterChanged);
    // A match deleted (or one added) while filtering changes whether anything matches.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateNoMatch);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateNoMatch);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateNoMatch);
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
    // Enter and double-click open a connection, as in DBeaver, TablePlus and Studio 3T; the editor
    // is Ctrl+E (F4 too, DBeaver's key).
    m_actEdit = make(QStringLiteral("actionEdit"), tr("&Edit…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                     QStringLiteral("document-edit"));
    m_actEdit->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_F4)});
    m_actEdit->setIconText(tr("Edit"));
    m_actDuplicate =
        make(QStringLiteral("actionDuplicate"), tr("Dupl&icate"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_actDelete = make(QStringLiteral("actionDelete"), tr("&Delete"), QKeySequence::Delete,
                       QStringLiteral("edit-delete"));
    m_actRename = make(QStringLiteral("actionRename"), tr("Rena&me"), QKeySequence(Qt::Key_F2));
    m_actMoveTo =
        make(QStringLiteral("actionMoveTo"), tr("Mo&ve To…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_actMoveTo->setToolTip(tr("Moves the selection into another folder, without the mouse."));
    // Team Sharing; shown while signed in (a sync engine is running).
    m_actShareFolder = make(QStringLiteral("actionShareFolder"), tr("S&hare Folder…"));
    m_actShareFolder->setToolTip(tr("Shares this folder with your organisation through Team Sharing."));
    m_actShareFolder->setVisible(false);
    m_actSharedCredentials = make(QStringLiteral("actionSharedCredentials"), tr("My &Credentials…"));
    m_actSharedCredentials->setToolTip(
        tr("Your own user name and password for this shared connection, kept in "
           "your keychain."));
    m_actSharedCredentials->setVisible(false);
    connect(m_actSharedCredentials, &QAction::triggered, this, &MainWindow::editSharedCredentials);
    connect(m_actShareFolder, &QAction::triggered, this, [this] {
        const QList<QUuid> folders = selectedFolders();
        if (folders.size() == 1)
            shareFolder(folders.first());
    });
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
    m_actExpandAll =
        make(QStringLiteral("actionExpandAll"), tr("E&xpand All"), QKeySequence(Qt::CTRL | Qt::Key_Plus));
    m_actExpandAll->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_actCollapseAll = make(QStringLiteral("actionCollapseAll"), tr("Co&llapse All"),
                            QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_actTrash = make(QStringLiteral("actionTrash"), tr("&Trash…"), {}, QStringLiteral("user-trash"));
    m_actTrash->setToolTip(tr("Deleted connections and folders, until you empty the Trash."));
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
    connect(m_actMoveTo, &QAction::triggered, this, &MainWindow::moveSelectedTo);
    connect(m_actCopyUri, &QAction::triggered, this, &MainWindow::copyUri);
    connect(m_actCopyUriPassword, &QAction::triggered, this, &MainWindow::copyUriWithPassword);
    connect(m_actOpen, &QAction::triggered, this, &MainWindow::openSelected);
    connect(m_actTest, &QAction::triggered, this, &MainWindow::testSelected);
    connect(m_actImport, &QAction::triggered, this, &MainWindow::importConnections);
    connect(m_actExport, &QAction::triggered, this, &MainWindow::exportConnections);
    connect(m_actSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_actFind, &QAction::triggered, this, &MainWindow::focusFilter);
    connect(m_actQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_actExpandAll, &QAction::triggered, this, &MainWindow::expandAll);
    connect(m_actCollapseAll, &QAction::triggered, this, &MainWindow::collapseAll);
    connect(m_actTrash, &QAction::triggered, this, &MainWindow::showTrash);
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
    edit->addAction(m_actMoveTo);
    edit->addAction(m_actDuplicate);
    edit->addAction(m_actDelete);
    edit->addSeparator();
    edit->addAction(m_actCopyUri);
    edit->addAction(m_actCopyUriPassword);
    edit->addSeparator();
    edit->addAction(m_actFind);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actExpandAll);
    view->addAction(m_actCollapseAll);
    view->addSeparator();
    view->addAction(m_actTrash);

    QMenu* connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(m_actOpen);
    connection->addAction(m_actTest);
    connection->addSeparator();
    connection->addAction(m_actEdit);
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
    m_filter->setToolTip(tr("Down: go to the matches. Enter: open the first match. Esc: clear the filter."));
    m_filter->installEventFilter(this);
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
    // Said in the tree's place when the filter matches nothing.
    m_noMatch = new QLabel(m_tree->viewport());
    m_noMatch->setObjectName(QStringLiteral("noMatchLabel"));
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->setTextFormat(Qt::PlainText);
    m_noMatch->setContentsMargins(16, 16, 16, 16);
    m_noMatch->setForegroundRole(QPalette::PlaceholderText);
    m_noMatch->hide();
    m_tree->viewport()->installEventFilter(this);
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

QWidget* MainWindow::showBanner(const QString& objectName, const QString& text, bool error,
                                const QList<BannerAction>& actions)
{
    // A banner is a strip with its words, the buttons that fix what it says, and a close
    // button; showing it again replaces its words and buttons.
    auto* banner = m_banners->findChild<QFrame*>(objectName, Qt::FindDirectChildrenOnly);
    if (!banner) {
        banner = new QFrame(m_banners);
        banner->setObjectName(objectName);
        banner->setStyleSheet(
            error ? QStringLiteral("QFrame#%1 { background: #fbe9e7; "
                                   "border-bottom: 1px solid #e8b4ad; } QLabel { color: #7f1d1d; }")
                        .arg(objectName)
                  : QStringLiteral("QFrame#%1 { background: #fff4ce; "
                                   "border-bottom: 1px solid #e6d38a; } QLabel { color: #5c4400; }")
                        .arg(objectName));
        auto* row = new QHBoxLayout(banner);
        row->setContentsMargins(12, 6, 6, 6);
        auto* label = new QLabel(banner);
        label->setObjectName(QStringLiteral("bannerText"));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(label, 1);
        auto* close = new QToolButton(banner);
        close->setObjectName(QStringLiteral("bannerClose"));
        close->setAutoRaise(true);
        close->setText(QStringLiteral("\u2715"));
        close->setToolTip(tr("Close this message"));
        close->setAccessibleName(tr("Close this message"));
        connect(close, &QToolButton::clicked, banner, &QWidget::hide);
        row->addWidget(close, 0, Qt::AlignTop);
        m_banners->layout()->addWidget(banner);
    }
    // Later, not now: the button being replaced may be the one whose click led here (Retry).
    for (QPushButton* old : banner->findChildren<QPushButton*>(QString(), Qt::FindDirectChildrenOnly)) {
        old->setObjectName(QString());
        old->hide();
        old->disconnect(this);
        old->deleteLater();
    }
    auto* row = static_cast<QHBoxLayout*>(banner->layout());
    int position = 1;
    for (const BannerAction& action : actions) {
        auto* button = new QPushButton(action.text, banner);
        button->setObjectName(action.objectName);
        connect(button, &QPushButton::clicked, this, action.run);
        row->insertWidget(position++, button, 0, Qt::AlignVCenter);
    }
    banner->findChild<QLabel*>(QStringLiteral("bannerText"))->setText(text);
    banner->show();
    return banner;
}

void MainWindow::hideBanner(const QString& objectName)
{
    if (auto* banner = m_banners->findChild<QFrame*>(objectName, Qt::FindDirectChildrenOnly))
        banner->hide();
}

QStringList MainWindow::bannerTexts() const
{
    QStringList texts;
    for (QFrame* banner : m_banners->findChildren<QFrame*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!banner->isHidden())
            texts.append(banner->findChild<QLabel*>(QStringLiteral("bannerText"))->text());
    }
    return texts;
}

void MainWindow::showOpenError(const QString& message)
{
    // Most of these are a client or terminal that is not installed: Settings is where to fix it.
    showBanner(QStringLiteral("openErrorBanner"), message, true,
               {{QStringLiteral("openSettingsButton"), tr("Open &Settings…"), [this] {
                     hideBanner(QStringLiteral("openErrorBanner"));
                     showSettings();
                 }}});
}

void MainWindow::showKeychainWaiting()
{
    showBanner(QStringLiteral("keychainWaitingBanner"),
               tr("Waiting for the system keychain. It may be showing a prompt, for example to unlock "
                  "your keyring or to choose a password for a new one, perhaps behind this window. You "
                  "can go on working: passwords you enter are saved once the keychain answers."),
               false, {{QStringLiteral("keychainRetryButton"), tr("&Retry"), [this] {
                            emit keychainRetryRequested();
                        }}});
}

void MainWindow::keychainRetrying()
{
    m_keychainPending = true;
    hideBanner(QStringLiteral("keychainBanner"));
    showKeychainWaiting();
}

void MainWindow::keychainAnswered(const QString& warning)
{
    const bool wasWaiting = m_keychainPending;
    m_keychainPending = false;
    hideBanner(QStringLiteral("keychainWaitingBanner"));
    if (warning.isEmpty()) {
        hideBanner(QStringLiteral("keychainBanner"));
        if (wasWaiting)
            showStatus(tr("The system keychain answered; passwords are kept there."));
        return;
    }
    showBanner(QStringLiteral("keychainBanner"), warning, false,
               {{QStringLiteral("keychainRetryButton"), tr("Try the &Keychain Again"), [this] {
                     emit keychainRetryRequested();
                 }}});
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

void MainWindow::selectItems(const QList<QUuid>& folders, const QList<QUuid>& connections)
{
    QList<QModelIndex> indexes;
    for (const QUuid& id : folders)
        indexes.append(m_proxy->mapFromSource(m_model->indexForFolder(id)));
    for (const QUuid& id : connections)
        indexes.append(m_proxy->mapFromSource(m_model->indexForConnection(id)));
    indexes.removeIf([](const QModelIndex& index) { return !index.isValid(); });
    if (indexes.isEmpty())
        return;
    QItemSelection selection;
    for (const QModelIndex& index : std::as_const(indexes)) {
        selection.select(index, index);
        // Open the folders it is in: a selected item the user cannot see is lost to them.
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            m_tree->expand(parent);
    }
    m_tree->selectionModel()->setCurrentIndex(indexes.first(), QItemSelectionModel::NoUpdate);
    m_tree->selectionModel()->select(selection,
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(indexes.first());
}

void MainWindow::selectById(const QUuid& id)
{
    if (m_model->hasFolder(id))
        selectItems({id}, {});
    else if (m_model->hasConnection(id))
        selectItems({}, {id});
}

QUuid MainWindow::survivorNear(const QModelIndex& start, const QSet<QUuid>& removed) const
{
    // As in a file manager: the next item in the same folder, else the one before it, else
    // the folder (or the nearest one above that stays).
    auto idOf = [](const QModelIndex& index) {
        return index.data(ConnectionTreeModel::IdRole).toUuid();
    };
    QModelIndex item = start;
    while (item.isValid()) {
        const QModelIndex parent = item.parent();
        for (int row = item.row() + 1; row < m_proxy->rowCount(parent); ++row) {
            if (const QModelIndex next = m_proxy->index(row, 0, parent); !removed.contains(idOf(next)))
                return idOf(next);
        }
        for (int row = item.row() - 1; row >= 0; --row) {
            if (const QModelIndex previous = m_proxy->index(row, 0, parent);
                !removed.contains(idOf(previous)))
                return idOf(previous);
        }
        if (parent.isValid() && !removed.contains(idOf(parent)))
            return idOf(parent);
        item = parent;
    }
    return {};
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
    m_actMoveTo->setEnabled(writable && (!folders.isEmpty() || !connections.isEmpty()));
    m_actRename->setEnabled(writable && (oneFolder || oneConnection));
    m_actCopyUri->setEnabled(oneConnection);
    m_actCopyUriPassword->setEnabled(oneConnection);
    m_actOpen->setEnabled(oneConnection);
    m_actTest->setEnabled(oneConnection);
    m_actExport->setEnabled(m_model->connectionCount() > 0);

    // Shared folders: written through the sync engine, and not at all with the View role.
    const bool shared = selectionIsShared();
    const QString viewOnly = tr("You may only view this shared folder.");
    const bool sharedRoot = oneFolder && m_model->sharedRootOf(folders.first()) == folders.first();
    for (QAction* action :
         {m_actEdit, m_actDelete, m_actRename, m_actDuplicate, m_actMoveTo, m_actNewFolder, m_actImport}) {
        if (!action->property("baseToolTip").isValid())
            action->setProperty("baseToolTip", action->toolTip());
        action->setToolTip(action->property("baseToolTip").toString());
    }
    if (shared) {
        const bool viewing = selectionIsViewOnly();
        // The View role still opens the editor: read-only, but the user's own credentials in it
        // can be set.
        m_actEdit->setEnabled(oneConnection);
        m_actDelete->setEnabled(!viewing && !sharedRoot && (!folders.isEmpty() || !connections.isEmpty()));
        m_actRename->setEnabled(!viewing && !sharedRoot && (oneFolder || oneConnection));
        // A copy stays in the same shared folder; a move goes between its sub-folders only
        // (MoveToDialog shows every other place greyed, saying why).
        bool movable = !folders.isEmpty() || !connections.isEmpty();
        QUuid space;
        for (const QUuid& id : folders + connections) {
            const QUuid root = m_model->sharedRootOf(id);
            movable = movable && !root.isNull() && id != root && (space.isNull() || space == root);
            space = root;
        }
        m_actDuplicate->setEnabled(!viewing && oneConnection);
        m_actMoveTo->setEnabled(!viewing && movable);
        // A shared folder's sub-folders come with the local folder that was shared (each
        // connection names its own); an empty one cannot be stored in it.
        const QUuid target = currentFolderForNew();
        if (!m_model->sharedRootOf(target).isNull()) {
            m_actNewFolder->setEnabled(false);
            m_actNewFolder->setToolTip(tr("A shared folder's sub-folders come with the local folder you "
                                          "share; new ones cannot be added to it."));
            m_actNewConnection->setEnabled(!viewing);
            m_actImport->setEnabled(false);
            m_actImport->setToolTip(
                tr("Import into a local folder, then move the connections into the shared folder."));
        }
        if (viewing) {
            for (QAction* action : {m_actDelete, m_actRename, m_actDuplicate, m_actMoveTo})
                action->setToolTip(viewOnly);
            m_actEdit->setToolTip(
                tr("You may only view this shared folder, but you can set your own credentials."));
        }
    }
    m_actSharedCredentials->setVisible(shared && oneConnection);
    m_actSharedCredentials->setEnabled(shared && oneConnection && m_secrets);
    if (m_actShareFolder) {
        const bool localFolder = oneFolder && !shared && m_model->folder(folders.first());
        m_actShareFolder->setEnabled(writable && localFolder && m_shared->engine());
        m_actShareFolder->setVisible(m_shared->engine() != nullptr);
    }
}

bool MainWindow::selectionIsShared() const
{
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (index.data(ConnectionTreeModel::SharedRole).toBool())
            return true;
    }
    return false;
}

bool MainWindow::selectionIsViewOnly() const
{
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (index.data(ConnectionTreeModel::SharedReadOnlyRole).toBool())
            return true;
    }
    return false;
}

void MainWindow::setSyncEngine(Core::SyncEngine* engine, const QUuid& self)
{
    if (!engine) {
        // The user's own credentials typed into an editor still open are theirs and local:
        // they go to the keychain now rather than being lost with the editor.
        for (auto* editor : findChildren<ConnectionEditorDialog*>(QStringLiteral("sharedConnectionEditor"))) {
            // Not for an item already gone from this computer (a removal or block wiped it,
            // and its keychain entries with it).
            const QUuid itemId = editor->property("sharedItemId").toUuid();
            if (!itemId.isNull() && m_shared->info(itemId))
                writeOwnCredentials(
                    editor->sharedFolderId(), itemId, editor->unsavedOwnCredentialChanges(),
                    [this](Status stored) {
                        if (!stored)
                            showStatus(
                                tr("Your credentials were not stored: %1").arg(stored.error().message));
                    });
        }
    }
    if (!engine && m_sharedEditor) {
        // Signed out (by the user or after inactivity) while a shared connection was being
        // edited: the edit is kept encrypted by the engine, which still runs, and pushed after
        // the next sign-in; the editor closes with the shared folders.
        Connection edited = m_sharedEditor->edits();
        edited.id = m_sharedEditorId;
        const Status kept = m_shared->saveDraft(edited);
        showStatus(
            kept ? tr("Your unsaved changes to \u201c%1\u201d are kept and saved after you sign in again.")
                       .arg(edited.name)
                 : tr("Your unsaved changes to \u201c%1\u201d could not be kept: %2")
                       .arg(edited.name, kept.error().message));
        m_sharedEditor->discard();
    }
    if (!engine) {
        // A read-only editor (the View role) has nothing to keep; it closes with the folders.
        for (auto* editor : findChildren<ConnectionEditorDialog*>(QStringLiteral("sharedConnectionEditor")))
            editor->discard();
    }
    m_shared->setEngine(engine, self);
    updateEmptyState();
    updateActions();
    updateDetails();
}

void MainWindow::sharedWriteDone(const Status& status)
{
    if (!status)
        showStatus(tr("The shared folder was not changed: %1").arg(status.error().message));
}

void MainWindow::editSharedCredentials()
{
    const Connection* current = currentConnection();
    if (!current || !m_model->isShared(current->id))
        return;
    auto* dialog = new SharedCredentialsDialog(*current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = current->id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_shared->setCredentials(id, dialog->takeCredentials(), [this](Status stored) {
            showStatus(stored ? tr("Your credentials are kept in your keychain.")
                              : tr("Your credentials were not stored: %1").arg(stored.error().message));
        });
    });
    dialog->open();
}

void MainWindow::editShared(const Connection& current)
{
    const SharedTreeSync::ItemInfo* info = m_shared->info(current.id);
    if (!info)
        return;
    if (!m_secrets || !current.ssh.enabled)
        return openSharedEditor(current, m_shared->ownUser(current.id), QString());
    // The SSH user is the user's own too: read from their keychain before the editor shows it.
    const QUuid id = current.id;
    m_secrets->readEntry(SharedCredentials::entryKey(info->folderId, id, SharedCredential::SshUser), this,
                         [this, id](Result<SecureBytes> sshUser) {
                             const Connection* now = m_model->connection(id);
                             if (!now || !m_shared->info(id))
                                 return; // gone meanwhile (deleted, signed out)
                             openSharedEditor(*now, m_shared->ownUser(id),
                                              sshUser.ok() ? QString::fromUtf8(sshUser->view().toByteArray())
                                                           : QString());
                         });
}

// A new connection in a shared folder (or one of its sub-folders): written as a new item of
// it, the user name and password kept as the user's own credentials for it.
void MainWindow::newSharedConnection(Connection c, const QUuid& root)
{
    if (!m_shared->engine())
        return showStatus(tr("Team Sharing is not ready: sign in first."));
    if (m_shared->roleIn(root) < FolderRole::Edit)
        return showStatus(tr("You may only view this shared folder."));
    const QString group = m_shared->groupOf(c.folderId);
    auto* dialog = new ConnectionEditorDialog(c, true, this);
    dialog->setObjectName(QStringLiteral("newSharedConnectionEditor"));
    dialog->setWindowTitle(tr("New Shared Connection"));
    dialog->setSecretStore(m_secrets);
    dialog->setSharedMode({root, QString(), QString(), false});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, root, group] {
        SyncEngine* engine = m_shared->engine();
        if (!engine)
            return showStatus(tr("Team Sharing is not ready: sign in first."));
        const Connection created = dialog->connection();
        auto own = std::make_shared<std::vector<ConnectionEditorDialog::OwnCredentialChange>>(
            dialog->takeOwnCredentialChanges());
        const SharedConnection item = SharedConnection::fromConnection(
            created, group, engine->account().account().userId, QDateTime::currentDateTimeUtc());
        engine->writeItem(
            root, QUuid(), item.encode(), this,
            [this, root, own, name = created.name](Result<QUuid> written) {
                if (!written)
                    return showStatus(
                        tr("\u201c%1\u201d was not created: %2").arg(name, written.error().message));
                writeOwnCredentials(root, *written, std::move(*own), [this](Status stored) {
                    if (!stored)
                        showStatus(tr("Your credentials were not stored: %1").arg(stored.error().message));
                });
                showStatus(tr("Created \u201c%1\u201d in the shared folder.").arg(name));
            });
    });
    dialog->open();
}

void MainWindow::openSharedEditor(const Connection& current, const QString& ownUser,
                                  const QString& ownSshUser)
{
    const QUuid id = current.id;
    const QUuid folderId = m_shared->info(id)->folderId;
    const bool readOnly = m_shared->roleIn(folderId) < FolderRole::Edit;
    auto* dialog = new ConnectionEditorDialog(current, false, this);
    dialog->setObjectName(QStringLiteral("sharedConnectionEditor"));
    dialog->setProperty("sharedItemId", id);
    dialog->setWindowTitle(readOnly ? tr("Shared Connection (View Only)") : tr("Edit Shared Connection"));
    dialog->setSecretStore(m_secrets);
    // A shared connection stays in its shared folder; its sub-folder is changed in the tree.
    dialog->setSharedMode({folderId, ownUser, ownSshUser, readOnly});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!readOnly) {
        // Only an editor that may write keeps an unsaved edit as a draft at sign-out.
        m_sharedEditor = dialog;
        m_sharedEditorId = id;
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, folderId, readOnly, current] {
        writeOwnCredentials(folderId, id, dialog->takeOwnCredentialChanges(), [this](Status stored) {
            if (!stored)
                showStatus(tr("Your credentials were not stored: %1").arg(stored.error().message));
        });
        Connection after = dialog->connection();
        after.id = id;
        if (readOnly || after == current)
            return; // nothing of the shared connection changed: no new revision
        m_shared->writeConnection(after, [this](Status written) { sharedWriteDone(written); });
    });
    dialog->open();
}

void MainWindow::writeOwnCredentials(const QUuid& folderId, const QUuid& itemId,
                                     std::vector<ConnectionEditorDialog::OwnCredentialChange> changes,
                                     std::function<void(Status)> done)
{
    if (changes.empty())
        return done({});
    if (!m_secrets)
        return done(
            Error::make(ErrorCode::Unavailable, tr("There is no keychain to keep your credentials in.")));
    struct Tally
    {
        int pending = 0;
        Status first;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(changes.size());
    auto answer = [this, tally, folderId, done](Status status) {
        if (!status && tally->first)
            tally->first = status;
        if (--tally->pending > 0)
            return;
        m_shared->checkCredentials(folderId); // the marker and the user name Open uses
        done(tally->first);
    };
    for (auto& change : changes) {
        const QString key = SharedCredentials::entryKey(folderId, itemId, change.field);
        if (change.remove)
            m_secrets->removeEntry(key, this, answer);
        else
            m_secrets->writeEntry(key, std::move(change.value), this, answer);
    }
}

void MainWindow::copyOwnCredentials(const QUuid& folderId, const QUuid& from, const QUuid& to)
{
    if (!m_secrets)
        return;
    // An entry that is not there is nothing to copy; any other failure to read or to write
    // is said once all are done, so the user knows to enter them for the copy.
    struct Tally
    {
        int pending = 0;
        Status first;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(SharedCredentials::kAll.size());
    auto finished = [this, folderId, tally](Status status) {
        if (!status && tally->first)
            tally->first = status;
        if (--tally->pending > 0)
            return;
        m_shared->checkCredentials(folderId);
        if (!tally->first)
            showStatus(tr("The copy was made, but your own credentials could not be copied to it; enter "
                          "them with My Credentials: %1")
                           .arg(tally->first.error().message));
    };
    for (SharedCredential field : SharedCredentials::kAll) {
        m_secrets->readEntry(SharedCredentials::entryKey(folderId, from, field), this,
                             [this, folderId, to, field, finished](Result<SecureBytes> value) {
                                 if (!value.ok())
                                     return finished(value.error().code == ErrorCode::NotFound
                                                         ? Status()
                                                         : Status(value.error()));
                                 if (value->isEmpty())
                                     return finished({});
                                 m_secrets->writeEntry(SharedCredentials::entryKey(folderId, to, field),
                                                       std::move(value).value(), this, finished);
                             });
    }
}

void MainWindow::duplicateShared(const Connection& current)
{
    SyncEngine* engine = m_shared->engine();
    const SharedTreeSync::ItemInfo* info = m_shared->info(current.id);
    if (!engine || !info)
        return;
    const QUuid folderId = info->folderId;
    if (engine->roleIn(folderId) < FolderRole::Edit)
        return showStatus(tr("You may only view this shared folder."));
    const SensitiveBytes* plaintext = engine->itemPlaintext(folderId, current.id);
    Result<SharedConnection> decoded =
        plaintext ? SharedConnection::decode(plaintext->view(), current.id)
                  : Result<SharedConnection>(
                        Error::make(ErrorCode::NotFound, tr("The shared connection is no longer there.")));
    if (!decoded)
        return sharedWriteDone(decoded.error());
    // The copy is a new item of the same folder, made by this user now; what this version
    // does not understand is carried along, a conflict copy's mark is not.
    SharedConnection copy = std::move(decoded).value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    copy.connection.name = tr("%1 (copy)").arg(current.name);
    copy.createdBy = engine->account().account().userId;
    copy.createdAt = copy.changedAt = now;
    copy.unknownTop.remove(QStringLiteral("conflictOf"));
    const QUuid source = current.id;
    engine->writeItem(
        folderId, QUuid(), copy.encode(), this, [this, folderId, source](Result<QUuid> written) {
            if (!written)
                return sharedWriteDone(written.error());
            qCInfo(lcGui) << "duplicated shared connection" << idText(source) << "as" << idText(*written);
            // The user's own credentials go with the copy, from their keychain to their keychain.
            copyOwnCredentials(folderId, source, *written);
            if (m_model->connection(*written))
                selectConnection(*written);
            else
                m_selectWhenShown = *written;
        });
}

void MainWindow::shareFolder(const QUuid& folderId, const QUuid& orgId)
{
    const Folder* folder = m_repository->folder(folderId);
    SyncEngine* engine = m_shared->engine();
    if (!folder || !engine || m_model->isReadOnly())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Share Folder"),
                                tr("Share \u201c%1\u201d with your organisation?").arg(folder->name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("shareFolderConfirm"));
    box->setInformativeText(
        tr("Its connections are uploaded end-to-end encrypted and the folder becomes a shared folder that "
           "you manage. User names, passwords, keys and certificates are not shared: each member keeps "
           "their own in their keychain. The local folder is replaced once every connection is stored."));
    QPushButton* share = box->addButton(tr("&Share"), QMessageBox::AcceptRole);
    share->setObjectName(QStringLiteral("shareFolderAccept"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(share);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, box, share, folderId, orgId](QAbstractButton* button) {
                if (button == share)
                    startSharing(folderId, orgId);
                Q_UNUSED(box);
            });
    box->open();
}

void MainWindow::startSharing(const QUuid& folderId, const QUuid& orgId)
{
    SyncEngine* engine = m_shared->engine();
    if (!engine)
        return;
    if (orgId.isNull()) {
        engine->api().organisations(this, [this, folderId](Result<QList<QUuid>> orgs) {
            if (!orgs)
                return showStatus(tr("The folder was not shared: %1").arg(orgs.error().message));
            if (orgs->isEmpty())
                return showStatus(tr("The folder was not shared: your account belongs to no organisation "
                                     "that uses Team Sharing."));
            startSharing(folderId, orgs->first());
        });
        return;
    }
    showStatus(tr("Sharing the folder…"));
    m_shared->shareLocalFolder(
        m_repository, folderId, orgId,
        [this](int done, int total) {
            showStatus(tr("Sharing the folder: %1 of %n connection(s) stored…", nullptr, total).arg(done));
        },
        [this](Result<QUuid> shared) {
            if (!shared)
                return showStatus(
                    tr("The folder was not shared and stays here as it was: %1").arg(shared.error().message));
            // The local items are gone; steps that would bring them back cannot be undone.
            m_undo->clear();
            showStatus(tr("The folder is shared now. Invite its members from its context menu."));
            selectFolder(*shared);
            emit folderShared(*shared);
        });
}

void MainWindow::updateDetails()
{
    const QList<QUuid> folders = selectedFolders();
    const QList<QUuid> connections = selectedConnections();
    auto roleText = [this](const QUuid& sharedFolderId) {
        switch (m_shared->roleIn(sharedFolderId)) {
        case FolderRole::Manage:
            return tr("in “%1”, you manage it").arg(m_model->folderPath(sharedFolderId));
        case FolderRole::Edit:
            return tr("in “%1”, you may edit it").arg(m_model->folderPath(sharedFolderId));
        case FolderRole::View:
            return tr("in “%1”, you may only view it").arg(m_model->folderPath(sharedFolderId));
        case FolderRole::None:
            break;
        }
        return QString();
    };
    auto when = [](const QDateTime& time) {
        return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    };
    if (const Connection* c = currentConnection()) {
        m_details->showConnection(*c, m_model->folderPath(c->folderId));
        m_details->showConflict(m_model->conflictText(c->id));
        if (const SharedTreeSync::ItemInfo* info = m_shared->info(c->id)) {
            m_details->showSharing(
                roleText(info->folderId),
                tr("%1 by %2").arg(when(info->createdAt), m_shared->personName(info->createdBy)),
                tr("%1 by %2").arg(when(info->changedAt), m_shared->personName(info->changedBy)));
        }
    } else if (folders.size() == 1 && connections.isEmpty()) {
        const Folder* f = m_model->folder(folders.first());
        QList<QUuid> subFolders;
        QList<QUuid> contained;
        m_model->collectDescendants(f->id, subFolders, contained);
        m_details->showFolder(f->name, m_model->folderPath(f->id), int(subFolders.size()),
                              int(contained.size()));
        if (const QUuid root = m_model->sharedRootOf(f->id); !root.isNull()) {
            const int unreadable = m_shared->unreadableCount(root);
            QString role = roleText(root);
            if (unreadable)
                role += u'\n' + tr("%n item(s) of this shared folder could not be read and are not shown.",
                                   nullptr, unreadable);
            m_details->showSharing(role, {}, {});
        }
    } else {
        m_details->showNothing();
    }
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->connectionCount() == 0 && m_model->folderCount() == 0 &&
                       m_model->sharedFolderIds().isEmpty();
    m_stack->setCurrentIndex(empty ? 0 : 1);
    m_filter->setEnabled(!empty);
    updateActions();
}

bool MainWindow::pushChange(const QString& text, const QList<Folder>& beforeFolders,
                            const QList<Connection>& beforeConnections, const QList<Folder>& afterFolders,
                            const QList<Connection>& afterConnections, bool usesTrash)
{
    if (m_model->isReadOnly()) {
        showStatus(tr("The connection list is read-only."));
        return false;
    }
    auto* command = new TreeEditCommand(m_repository, text, {beforeFolders, beforeConnections},
                                        {afterFolders, afterConnections},
                                        [this](const QList<QUuid>& ids) { dropSecrets(ids); });
    command->setUsesTrash(usesTrash);
    // Undo and redo select what they brought back; when they took items away, the one the
    // view moved to (the next, or the one above) is selected instead of nothing.
    command->setAppliedHandler([this](const TreeEditCommand::State& now, const TreeEditCommand::State&) {
        if (m_pushing || !m_tree)
            return;
        QList<QUuid> folders;
        QList<QUuid> connections;
        for (const Folder& f : now.folders)
            folders.append(f.id);
        for (const Connection& c : now.connections)
            connections.append(c.id);
        if (!folders.isEmpty() || !connections.isEmpty()) {
            selectItems(folders, connections);
        } else if (const QModelIndex current = m_tree->currentIndex();
                   current.isValid() && !m_tree->selectionModel()->isSelected(current)) {
            m_tree->selectionModel()->select(current,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });
    // push() runs redo(); a refused change marks itself obsolete and is deleted by push(),
    // so success is read from the stack, not from the command.
    m_lastRefusal.clear();
    m_pushing = true;
    m_undo->push(command);
    m_pushing = false;
    const bool ok = m_undo->index() > 0 && m_undo->command(m_undo->index() - 1) == command;
    if (!ok) {
        showBanner(QStringLiteral("changeErrorBanner"),
                   m_lastRefusal.isEmpty() ? tr("The change could not be saved.") : m_lastRefusal, true);
    } else {
        hideBanner(QStringLiteral("changeErrorBanner"));
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
    if (const QUuid root = m_model->sharedRootOf(c.folderId); !root.isNull())
        return newSharedConnection(c, root);
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
    const QUuid parent = currentFolderForNew();
    if (!m_model->sharedRootOf(parent).isNull())
        return showStatus(m_actNewFolder->toolTip()); // why it is greyed there (updateActions)
    Folder f;
    f.id = QUuid::createUuid();
    f.parentId = parent;
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
    if (m_model->isShared(current->id))
        return editShared(*current);
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
    if (m_model->isShared(current->id)) {
        if (m_actDuplicate->isEnabled())
            duplicateShared(*current);
        return;
    }
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
    if (selectionIsShared()) {
        if (selectionIsViewOnly() || !m_actDelete->isEnabled())
            return;
        // Not undoable: a delete marker reaches every member, so it is asked first.
        const QList<QUuid> folders = selectedFolders();
        const QList<QUuid> connections = selectedConnections();
        auto* box = new QMessageBox(QMessageBox::Question, tr("Delete from Shared Folder"),
                                    tr("Delete %n item(s) for every member of the shared folder?", nullptr,
                                       int(folders.size() + connections.size())),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("sharedDeleteConfirm"));
        QPushButton* remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
        remove->setObjectName(QStringLiteral("sharedDeleteAccept"));
        box->addButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this,
                [this, remove, folders, connections](QAbstractButton* b) {
                    if (b == remove)
                        m_shared->deleteItems(folders, connections, [this](Status s) { sharedWriteDone(s); });
                });
        box->open();
        return;
    }
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
    QSet<QUuid> removed = seenFolders;
    removed.unite(seenConnections);
    const QUuid next = survivorNear(m_tree->currentIndex(), removed);
    const int count = int(folders.size() + connections.size());
    const QString text = folders.isEmpty() && connections.size() == 1
                             ? tr("Delete %1").arg(connections.first().name)
                             : tr("Delete %n item(s)", nullptr, count);
    // Deleted items go to the Trash with their secrets, so no delete needs a question first.
    if (!pushChange(text, folders, connections, {}, {}, true))
        return;
    qCInfo(lcGui) << "deleted" << folders.size() << "folders and" << connections.size()
                  << "connections to the Trash";
    selectById(next);
    // The status says what went where and how it comes back.
    QList<Folder> topFolders;
    for (const Folder& f : std::as_const(folders)) {
        if (!seenFolders.contains(f.parentId))
            topFolders.append(f);
    }
    const bool oneFolderWhole =
        topFolders.size() == 1 &&
        std::all_of(connections.cbegin(), connections.cend(),
                    [&](const Connection& c) { return seenFolders.contains(c.folderId); });
    if (oneFolderWhole) {
        showStatus(tr("Moved the folder \u201c%1\u201d and %n connection(s) in it to the Trash. "
                      "Ctrl+Z undoes it; View \u25b8 Trash restores it later.",
                      nullptr, int(connections.size()))
                       .arg(topFolders.first().name));
    } else if (folders.isEmpty() && connections.size() == 1) {
        showStatus(tr("Moved \u201c%1\u201d to the Trash. Ctrl+Z undoes it; View \u25b8 Trash restores "
                      "it later.")
                       .arg(connections.first().name));
    } else {
        showStatus(tr("Moved %n item(s) to the Trash. Ctrl+Z undoes it; View \u25b8 Trash restores them "
                      "later.",
                      nullptr, count));
    }
}

void MainWindow::showTrash()
{
    // One Trash window; a closed one may still be waiting for its deletion.
    for (TrashDialog* open : findChildren<TrashDialog*>()) {
        if (open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    auto* dialog = new TrashDialog(m_repository, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReadOnly(m_model->isReadOnly());
    dialog->setSecretsPersistent(m_secrets && m_secrets->isPersistent());
    connect(dialog, &TrashDialog::restoreRequested, this, &MainWindow::restoreFromTrash);
    connect(dialog, &TrashDialog::emptyRequested, this, [this] { emptyTrash(true); });
    dialog->open();
}

void MainWindow::restoreFromTrash(const QList<QUuid>& trashIds)
{
    if (m_model->isReadOnly())
        return;
    const ChangeSet restore = m_repository->restoreChange(trashIds);
    if (restore.isEmpty())
        return;
    const int count = int(restore.upsertFolders.size() + restore.upsertConnections.size());
    const QString text =
        count == 1 ? tr("Restore %1")
                         .arg(restore.upsertConnections.isEmpty() ? restore.upsertFolders.first().name
                                                                  : restore.upsertConnections.first().name)
                   : tr("Restore %n item(s)", nullptr, count);
    if (!pushChange(text, {}, {}, restore.upsertFolders, restore.upsertConnections, true))
        return;
    qCInfo(lcGui) << "restored" << restore.upsertFolders.size() << "folders and"
                  << restore.upsertConnections.size() << "connections from the Trash";
    QList<QUuid> folders;
    for (const Folder& f : restore.upsertFolders)
        folders.append(f.id);
    QList<QUuid> connections;
    for (const Connection& c : restore.upsertConnections)
        connections.append(c.id);
    selectItems(folders, connections);
    showStatus(tr("Restored %n item(s) from the Trash.", nullptr, count));
}

void MainWindow::emptyTrash(bool confirmed)
{
    if (m_model->isReadOnly() || m_repository->trashCount() == 0)
        return;
    if (!confirmed) {
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Empty Trash"),
                            TrashDialog::emptyQuestion(m_repository->trashMap()), QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("emptyTrashQuestion"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton* empty = box->addButton(tr("&Empty Trash"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(empty, &QPushButton::clicked, this, [this] { emptyTrash(true); });
        box->open();
        return;
    }
    QList<QUuid> connectionIds;
    for (const TrashedItem& item : m_repository->trashMap()) {
        if (!item.isFolder)
            connectionIds.append(item.connection.id);
    }
    const int count = m_repository->trashCount();
    if (!m_repository->apply(m_repository->emptyTrashChange()).ok())
        return; // the repository has said why (changeRefused)
    // Undoing a delete could only bring back an item without its secrets now.
    m_undo->clear();
    dropSecrets(connectionIds);
    qCInfo(lcGui) << "emptied the Trash:" << count << "items";
    showStatus(tr("Emptied the Trash: %n item(s) deleted for good.", nullptr, count));
}

void MainWindow::renameSelected()
{
    if (m_model->isReadOnly())
        return;
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return;
    m_tree->edit(current);
}

void MainWindow::moveSelectedTo()
{
    if (m_model->isReadOnly())
        return;
    const QList<QUuid> folders = selectedFolders();
    const QList<QUuid> connections = selectedConnections();
    if (folders.isEmpty() && connections.isEmpty())
        return;
    QUuid current;
    if (!connections.isEmpty() && m_model->connection(connections.first()))
        current = m_model->connection(connections.first())->folderId;
    else if (!folders.isEmpty() && m_model->folder(folders.first()))
        current = m_model->folder(folders.first())->parentId;
    const bool shared = selectionIsShared();
    if (shared && !m_actMoveTo->isEnabled())
        return;
    const QSet<QUuid> excluded(folders.cbegin(), folders.cend());
    auto* dialog =
        new MoveToDialog(m_model->folders(), excluded, current, int(folders.size() + connections.size()),
                         this, moveToPlaces(shared, folders.isEmpty()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, folders, connections] {
        moveItemsTo(folders, connections, dialog->targetFolder());
    });
    dialog->open();
}

void MainWindow::moveItemsTo(const QList<QUuid>& folders, const QList<QUuid>& connections,
                             const QUuid& target)
{
    if (m_model->isReadOnly() || (folders.isEmpty() && connections.isEmpty()))
        return;
    if (!target.isNull() && !m_model->hasFolder(target))
        return; // deleted meanwhile
    const QUuid space = m_model->sharedRootOf(target);
    bool shared = false;
    for (const QUuid& id : folders + connections)
        shared = shared || m_model->isShared(id);
    const QUuid from = m_model->sharedRootOf(connections.isEmpty() ? folders.first() : connections.first());
    if (shared && space != from)
        return showStatus(moveRefusalText(ConnectionTreeModel::DropRefusal::LeavesSharedFolder));
    if (!shared && !space.isNull()) {
        if (!folders.isEmpty())
            return showStatus(moveRefusalText(ConnectionTreeModel::DropRefusal::FolderIntoShared));
        return confirmMoveIntoShared(connections, target);
    }
    onMoveRequested(folders, connections, target);
}

QString MainWindow::moveRefusalText(ConnectionTreeModel::DropRefusal why) const
{
    switch (why) {
    case ConnectionTreeModel::DropRefusal::None:
        break;
    case ConnectionTreeModel::DropRefusal::ViewOnly:
        return tr("You may only view this shared folder.");
    case ConnectionTreeModel::DropRefusal::LeavesSharedFolder:
        return tr(
            "A shared item stays in its shared folder: moving it out would delete it for every member.");
    case ConnectionTreeModel::DropRefusal::FolderIntoShared:
        return tr("Only connections can be moved into a shared folder; a local folder is shared with Share "
                  "Folder.");
    case ConnectionTreeModel::DropRefusal::MixedIntoShared:
        return tr("Local connections and shared items are moved separately: drag the local ones on their own "
                  "to share them.");
    }
    return {};
}

MoveToDialog::Places MainWindow::moveToPlaces(bool sharedSelection, bool connectionsOnly) const
{
    MoveToDialog::Places places;
    const QString stays = moveRefusalText(ConnectionTreeModel::DropRefusal::LeavesSharedFolder);
    if (sharedSelection)
        places.localRefusal = stays;
    const QList<QUuid> selected = selectedFolders() + selectedConnections();
    const QUuid from =
        sharedSelection && !selected.isEmpty() ? m_model->sharedRootOf(selected.first()) : QUuid();
    for (const QUuid& root : m_model->sharedFolderIds()) {
        QString refusal;
        if (sharedSelection && root != from)
            refusal = stays;
        else if (!sharedSelection && !connectionsOnly)
            refusal = moveRefusalText(ConnectionTreeModel::DropRefusal::FolderIntoShared);
        else if (m_shared->roleIn(root) < FolderRole::Edit)
            refusal = moveRefusalText(ConnectionTreeModel::DropRefusal::ViewOnly);
        // The shared folder and its sub-folders, as the tree has them.
        QList<QUuid> ids{root};
        if (!sharedSelection || root == from) {
            QList<QUuid> below;
            QList<QUuid> belowConnections;
            m_model->collectDescendants(root, below, belowConnections);
            ids += below;
        }
        for (const QUuid& id : std::as_const(ids)) {
            bool inside = false; // a folder cannot go into itself or below itself
            for (const QUuid& moved : selectedFolders())
                inside = inside || m_model->isWithin(id, moved);
            if (!inside)
                places.shared.append({id, m_model->folderPath(id), refusal});
        }
    }
    return places;
}

struct MainWindow::MoveIntoShared
{
    QList<Connection> todo;
    QUuid root;
    QString group;
    int moved = 0;
};

void MainWindow::confirmMoveIntoShared(const QList<QUuid>& connections, const QUuid& target)
{
    SyncEngine* engine = m_shared->engine();
    const QUuid root = m_model->sharedRootOf(target);
    if (!engine || root.isNull() || connections.isEmpty() || m_model->isReadOnly())
        return;
    if (engine->roleIn(root) < FolderRole::Edit)
        return showStatus(tr("You may only view this shared folder."));
    auto job = std::make_shared<MoveIntoShared>();
    for (const QUuid& id : connections) {
        if (const Connection* c = m_repository->connection(id))
            job->todo.append(*c);
    }
    if (job->todo.isEmpty())
        return;
    job->root = root;
    job->group = m_shared->groupOf(target);
    const QString folderName = m_model->folderPath(root);
    QStringList others;
    for (const SyncEngine::MemberInfo& member : engine->members(root)) {
        if (!member.isSelf)
            others.append(member.email.isEmpty() ? m_shared->personName(member.userId) : member.email);
    }
    const QString who =
        others.isEmpty()
            ? tr("Only you are a member of \u201c%1\u201d so far; everyone you invite will see it.")
                  .arg(folderName)
            : tr("Every member of \u201c%1\u201d will see it: %2.")
                  .arg(folderName, QLocale().createSeparatedList(others));
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Move into Shared Folder"),
        tr("Move %n connection(s) into the shared folder \u201c%1\u201d?", nullptr, int(job->todo.size()))
            .arg(m_model->folderPath(target)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("moveIntoSharedConfirm"));
    box->setInformativeText(who + u'\n' +
                            tr("User names and passwords are not shared: they stay only on this computer, as "
                               "your own credentials for the shared connection. The local connection is "
                               "removed once the shared folder has stored it."));
    QPushButton* move = box->addButton(tr("&Move"), QMessageBox::AcceptRole);
    move->setObjectName(QStringLiteral("moveIntoSharedAccept"));
    box->addButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, move, job](QAbstractButton* b) {
        if (b == move)
            moveNextIntoShared(job);
    });
    box->open();
}

void MainWindow::moveNextIntoShared(std::shared_ptr<MoveIntoShared> job)
{
    if (job->todo.isEmpty()) {
        showStatus(tr("Moved %n connection(s) into the shared folder.", nullptr, job->moved));
        return;
    }
    if (!m_shared->engine())
        return showStatus(tr("Team Sharing is not ready: sign in first."));
    const Connection local = job->todo.takeFirst();
    // Every secret of the local connection first: one a shared connection cannot keep (a key
    // or certificate file) would be lost, so such a connection stays where it is.
    struct Read
    {
        int pending = int(kAllSecretKinds.size());
        std::map<SecretKind, SecureBytes> found;
        Status failed;
    };
    auto read = std::make_shared<Read>();
    auto gathered = [this, job, local, read] {
        const QString name = local.name;
        if (!read->failed)
            return showStatus(tr("\u201c%1\u201d was not moved and stays here: %2")
                                  .arg(name, read->failed.error().message));
        bool keepsFiles = local.tls.hasClientCertificate;
        for (SecretKind kind :
             {SecretKind::SshPrivateKey, SecretKind::ClientCertificate, SecretKind::ClientKey})
            keepsFiles = keepsFiles || read->found.count(kind);
        if (keepsFiles)
            return showStatus(tr("\u201c%1\u201d stays here: a shared connection cannot keep its client "
                                 "certificate or SSH private key.")
                                  .arg(name));
        if (!local.tls.caFile.isEmpty())
            return showStatus(tr("\u201c%1\u201d stays here: a shared connection cannot keep the path of its "
                                 "CA file.")
                                  .arg(name));
        SyncEngine* engine = m_shared->engine();
        if (!engine)
            return showStatus(tr("Team Sharing is not ready: sign in first."));
        const SharedConnection item = SharedConnection::fromConnection(
            local, job->group, engine->account().account().userId, QDateTime::currentDateTimeUtc());
        // A write the server could not be asked about yet is only queued (writeQueued comes
        // before the answer): it may still be refused or wiped, so the local connection stays.
        auto queued = std::make_shared<bool>(false);
        auto watch = std::make_shared<QMetaObject::Connection>(
            connect(engine, &SyncEngine::writeQueued, this,
                    [queued, root = job->root](const QUuid& folderId, const QUuid&) {
                        if (folderId == root)
                            *queued = true;
                    }));
        engine->writeItem(
            job->root, QUuid(), item.encode(), this,
            [this, job, local, read, queued, watch](Result<QUuid> written) {
                disconnect(*watch);
                if (!written)
                    return showStatus(tr("\u201c%1\u201d was not moved and stays here: %2")
                                          .arg(local.name, written.error().message));
                // The user name and secrets become the user's own credentials for the new item.
                std::vector<ConnectionEditorDialog::OwnCredentialChange> own;
                auto text = [](const QString& value) {
                    const QByteArray bytes = value.toUtf8();
                    return SecureBytes::fromView(bytes);
                };
                if (!local.username.isEmpty())
                    own.push_back({SharedCredential::User, text(local.username), false});
                if (auto it = read->found.find(SecretKind::Password); it != read->found.end())
                    own.push_back({SharedCredential::Password, std::move(it->second), false});
                if (local.ssh.enabled && !local.ssh.user.isEmpty())
                    own.push_back({SharedCredential::SshUser, text(local.ssh.user), false});
                const SecretKind sshSecret = local.ssh.auth == SshAuthMethod::PrivateKey
                                                 ? SecretKind::SshPassphrase
                                                 : SecretKind::SshPassword;
                if (auto it = read->found.find(sshSecret); local.ssh.enabled && it != read->found.end())
                    own.push_back({SharedCredential::SshPassphrase, std::move(it->second), false});
                const QUuid itemId = *written;
                writeOwnCredentials(
                    job->root, itemId, std::move(own), [this, job, local, itemId, queued](Status stored) {
                        if (!stored)
                            return showStatus(
                                tr("\u201c%1\u201d is in the shared folder now, but your credentials "
                                   "could not be stored there, so it stays here too: %2")
                                    .arg(local.name, stored.error().message));
                        if (*queued)
                            return showStatus(
                                tr("\u201c%1\u201d goes to the shared folder once the sharing server can "
                                   "be reached; until the server has stored it, it stays here too.")
                                    .arg(local.name));
                        // Only now, with the shared folder and the keychain holding it, the local copy goes.
                        ChangeSet remove;
                        remove.removeConnections = {local.id};
                        if (Status removed = m_repository->apply(remove); !removed)
                            return showStatus(removed.error().message);
                        dropSecrets({local.id});
                        // An undo step naming the local connection would bring it back without
                        // its secrets, next to the shared one.
                        m_undo->clear();
                        qCInfo(lcGui) << "moved connection" << idText(local.id) << "into a shared folder as"
                                      << idText(itemId);
                        ++job->moved;
                        m_selectWhenShown = itemId;
                        moveNextIntoShared(job);
                    });
            });
    };
    if (!m_secrets) {
        read->pending = 0;
        return gathered();
    }
    for (SecretKind kind : kAllSecretKinds) {
        m_secrets->read(local.id, kind, this, [read, kind, gathered](Result<SecureBytes> value) {
            if (value.ok())
                read->found.emplace(kind, std::move(value).value());
            else if (value.error().code != ErrorCode::NotFound && read->failed)
                read->failed = value.error();
            if (--read->pending == 0)
                gathered();
        });
    }
}

void MainWindow::onRenameRequested(const QUuid& id, const QString& name)
{
    if (m_model->isShared(id)) {
        const Connection* connection = m_model->connection(id);
        const Folder* folder = m_model->folder(id);
        if ((connection && connection->name != name) || (folder && folder->name != name))
            m_shared->rename(id, name, [this](Status s) { sharedWriteDone(s); });
        return;
    }
    if (const Connection* connection = m_model->connection(id)) {
        if (connection->name == name)
            return;
        Connection after = *connection;
        after.name = name;
        after.modified = QDateTime::currentDateTimeUtc();
        pushChange(tr("Rename %1").arg(connection->name), {}, {*connection}, {}, {after});
        return;
    }
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
    if (m_model->isShared(target)) {
        m_shared->moveItems(folderIds, connectionIds, target, [this](Status s) { sharedWriteDone(s); });
        return;
    }
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
    if (!pushChange(tr("Move %n item(s)", nullptr, int(before.size() + beforeC.size())), before, beforeC,
                    after, afterC))
        return;
    qCInfo(lcGui) << "moved" << before.size() << "folders and" << beforeC.size() << "connections";
    // What was moved stays selected and in sight, also inside a folder that was closed.
    QList<QUuid> movedFolders;
    for (const Folder& f : std::as_const(after))
        movedFolders.append(f.id);
    QList<QUuid> movedConnections;
    for (const Connection& c : std::as_const(afterC))
        movedConnections.append(c.id);
    selectItems(movedFolders, movedConnections);
}

void MainWindow::onActivated(const QModelIndex& proxyIndex)
{
    if (proxyIndex.data(ConnectionTreeModel::IsFolderRole).toBool()) {
        m_tree->setExpanded(proxyIndex, !m_tree->isExpanded(proxyIndex));
        return;
    }
    openSelected(); // the default action, as in the tools users come from; Edit is Ctrl+E
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
            rename->setToolTip(m_actRename->toolTip());
            if (m_actShareFolder && m_actShareFolder->isVisible())
                menu->addAction(m_actShareFolder);
        } else {
            menu->addAction(m_actOpen);
            menu->setDefaultAction(m_actOpen); // what Enter and double-click do
            menu->addAction(m_actTest);
            menu->addSeparator();
            menu->addAction(m_actEdit);
            if (m_actSharedCredentials->isVisible())
                menu->addAction(m_actSharedCredentials);
            menu->addAction(m_actRename);
            menu->addAction(m_actDuplicate);
            menu->addAction(m_actCopyUri);
            menu->addAction(m_actCopyUriPassword);
        }
        menu->addAction(m_actMoveTo);
        menu->addSeparator();
        menu->addAction(m_actDelete);
        addSharingEntries(menu, index);
    }
    menu->addSeparator();
    menu->addAction(m_actExpandAll);
    menu->addAction(m_actCollapseAll);
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

QUuid MainWindow::sharedFolderOf(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.data(ConnectionTreeModel::SharedRole).toBool())
        return {};
    QModelIndex top = proxyIndex;
    while (top.parent().isValid())
        top = top.parent();
    return top.data(ConnectionTreeModel::IdRole).toUuid();
}

void MainWindow::addSharingEntries(QMenu* menu, const QModelIndex& proxyIndex)
{
    const QUuid folderId = sharedFolderOf(proxyIndex);
    if (folderId.isNull() || !m_shared->engine())
        return;
    const bool manager = m_shared->roleIn(folderId) == Core::FolderRole::Manage;
    const bool isFolder = proxyIndex.data(ConnectionTreeModel::IsFolderRole).toBool();
    menu->addSeparator();
    QAction* members =
        menu->addAction(tr("Mem&bers…"), this, [this, folderId] { emit membersRequested(folderId); });
    members->setObjectName(QStringLiteral("contextMembers"));
    QAction* invite =
        menu->addAction(tr("&Invite…"), this, [this, folderId] { emit inviteRequested(folderId); });
    invite->setObjectName(QStringLiteral("contextInvite"));
    invite->setEnabled(manager);
    // The server shows histories to the folder's managers only.
    const QUuid itemId = isFolder ? QUuid() : proxyIndex.data(ConnectionTreeModel::IdRole).toUuid();
    QAction* history = menu->addAction(tr("&History…"), this,
                                       [this, folderId, itemId] { emit historyRequested(folderId, itemId); });
    history->setObjectName(QStringLiteral("contextHistory"));
    history->setEnabled(manager);
    if (!manager) {
        invite->setToolTip(tr("Only the folder's managers can invite."));
        history->setToolTip(tr("Only the folder's managers can read its history."));
    }
}

void MainWindow::onFilterChanged(const QString& text)
{
    // Filtering shows every match opened up; the folders the user had open come back when
    // the filter is cleared, as in a file manager's search.
    if (!text.isEmpty() && !m_filtering) {
        m_filtering = true;
        m_expandedBeforeFilter = expandedFolders();
    }
    m_proxy->setFilterText(text);
    if (!text.isEmpty()) {
        m_tree->expandAll(); // matches deep in the tree must be visible
    } else if (m_filtering) {
        m_filtering = false;
        restoreExpandedFolders(m_expandedBeforeFilter);
        m_expandedBeforeFilter.clear();
        const QList<QUuid> folders = selectedFolders();
        const QList<QUuid> connections = selectedConnections();
        if (!folders.isEmpty() || !connections.isEmpty())
            selectItems(folders, connections); // what was picked while filtering stays in sight
    }
    updateNoMatch();
    updateEmptyState();
}

QSet<QUuid> MainWindow::expandedFolders() const
{
    QSet<QUuid> result;
    for (const Folder& folder : m_model->folders()) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForFolder(folder.id));
        if (index.isValid() && m_tree->isExpanded(index))
            result.insert(folder.id);
    }
    return result;
}

void MainWindow::restoreExpandedFolders(const QSet<QUuid>& folders)
{
    m_tree->collapseAll();
    for (const QUuid& id : folders) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForFolder(id));
        if (index.isValid())
            m_tree->expand(index);
    }
}

void MainWindow::updateNoMatch()
{
    const QString text = m_filter->text();
    const bool none = !text.isEmpty() && m_proxy->rowCount() == 0;
    if (none) {
        m_noMatch->setText(tr("No connection matches \u201c%1\u201d.\n\nPress Esc to clear the filter.")
                               .arg(text.trimmed()));
        m_noMatch->setGeometry(m_tree->viewport()->rect());
    }
    m_noMatch->setVisible(none);
}

QModelIndex MainWindow::firstConnectionMatch(const QModelIndex& parent) const
{
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (!index.data(ConnectionTreeModel::IsFolderRole).toBool())
            return index;
        if (const QModelIndex below = firstConnectionMatch(index); below.isValid())
            return below;
    }
    return {};
}

bool MainWindow::filterKeyPressed(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Down: {
        // Into the tree, on the selected item or else the first match.
        if (m_proxy->rowCount() == 0)
            return false;
        QModelIndex target = m_tree->currentIndex();
        if (!target.isValid() || !m_tree->selectionModel()->isSelected(target)) {
            target = m_filter->text().isEmpty() ? QModelIndex() : firstConnectionMatch({});
            if (!target.isValid())
                target = m_proxy->index(0, 0);
            m_tree->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        }
        m_tree->scrollTo(target);
        m_tree->setFocus(Qt::TabFocusReason);
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        // Opens the selected connection, or the first match when none is selected.
        if (m_filter->text().isEmpty())
            return false;
        if (!currentConnection()) {
            const QModelIndex first = firstConnectionMatch({});
            if (!first.isValid())
                return true;
            m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            m_tree->scrollTo(first);
        }
        openSelected();
        return true;
    }
    case Qt::Key_Escape:
        // First Esc clears the filter, the next one goes back to the tree.
        if (!m_filter->text().isEmpty())
            m_filter->clear();
        else
            m_tree->setFocus(Qt::OtherFocusReason);
        return true;
    default:
        return false;
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::ShortcutOverride) {
        // Esc must reach the filter box even where a window-wide shortcut would take it.
        if (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    if (watched == m_filter && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier)
        return filterKeyPressed(static_cast<QKeyEvent*>(event));
    // The label's parent is the tree's viewport. The tree itself is not asked: while it is
    // destroyed its viewport still gets events, and the tree is no longer a scroll area then.
    if (event->type() == QEvent::Resize && m_noMatch && watched == m_noMatch->parentWidget())
        m_noMatch->setGeometry(static_cast<QWidget*>(watched)->rect());
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::expandAll()
{
    m_tree->expandAll();
}

void MainWindow::collapseAll()
{
    m_tree->collapseAll();
    if (const QModelIndex current = m_tree->currentIndex(); current.isValid()) {
        QModelIndex top = current;
        while (top.parent().isValid())
            top = top.parent();
        m_tree->selectionModel()->setCurrentIndex(top, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    }
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
    const QUuid id = current->id;
    // A failed test offers the editor, where what failed is fixed.
    auto offerEdit = [this, id](ConnectionCheckDialog* dialog) {
        dialog->setEditOffered(!m_model->isReadOnly());
        connect(dialog, &ConnectionCheckDialog::editRequested, this, [this, id] {
            if (!m_model->hasConnection(id))
                return;
            selectConnection(id);
            QTimer::singleShot(0, this, &MainWindow::editSelected); // once the test window is gone
        });
    };
    if (!m_secrets || (m_secrets->isPersistent() && !m_model->isShared(id))) {
        auto* dialog = new ConnectionCheckDialog(*current, m_secrets, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        offerEdit(dialog);
        dialog->open();
        dialog->start();
        return;
    }
    // Memory only, or a shared connection (the user's own credentials, under their own names).
    withPassword(id, [this, id, offerEdit](SecureBytes password, const QString& unreadable) {
        const Connection* found = m_model->connection(id);
        if (!found)
            return;
        Connection c = *found;
        if (m_model->isShared(id))
            c.username = m_shared->ownUser(id);
        auto* dialog = new ConnectionCheckDialog(c, nullptr, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        offerEdit(dialog);
        dialog->open();
        if (!unreadable.isEmpty())
            dialog->notePasswordUnreadable(unreadable);
        dialog->startWith(std::move(password));
    });
}

void MainWindow::withPassword(const QUuid& id, std::function<void(SecureBytes, const QString&)> use)
{
    if (!m_secrets) {
        use({}, {});
        return;
    }
    if (const SharedTreeSync::ItemInfo* info = m_shared->info(id)) {
        // A shared connection: the user's own password, from their keychain only.
        m_secrets->readEntry(
            SharedCredentials::entryKey(info->folderId, id, SharedCredential::Password), this,
            [use](Result<SecureBytes> password) {
                if (password.ok())
                    return use(std::move(password).value(), {});
                use({}, password.error().code == ErrorCode::NotFound ? QString() : password.error().message);
            });
        return;
    }
    m_secrets->read(id, SecretKind::Password, this, [this, id, use](Result<SecureBytes> password) {
        if (password.ok()) {
            use(std::move(password).value(), {});
            return;
        }
        const Connection* c = m_model->connection(id);
        if (!c)
            return;
        const QString unreadable =
            password.error().code == ErrorCode::NotFound ? QString() : password.error().message;
        // Without a keychain a password typed in an earlier run is gone; one with a user name
        // is asked for (an SSH client asks in its own terminal). With a keychain, no stored
        // password means the connection needs none.
        const bool ask = password.error().code == ErrorCode::NotFound && m_secrets &&
                         !m_secrets->isPersistent() && !c->username.isEmpty() &&
                         c->kind != ConnectionKind::SSH;
        if (!ask) {
            use({}, unreadable);
            return;
        }
        auto* prompt = new PasswordPromptDialog(c->name, c->username, this);
        prompt->setAttribute(Qt::WA_DeleteOnClose);
        connect(prompt, &QDialog::accepted, this, [prompt, use] { use(prompt->takePassword(), {}); });
        prompt->open();
    });
}

void MainWindow::withOwnSshUser(const QUuid& id, std::function<void(const QString&, const QString&)> use)
{
    const SharedTreeSync::ItemInfo* info = m_shared->info(id);
    const Connection* c = m_model->connection(id);
    if (!m_secrets || !info || !c || !c->ssh.enabled) {
        use({}, {});
        return;
    }
    m_secrets->readEntry(SharedCredentials::entryKey(info->folderId, id, SharedCredential::SshUser), this,
                         [use](Result<SecureBytes> user) {
                             if (user.ok())
                                 return use(QString::fromUtf8(user->view().toByteArray()), {});
                             use({},
                                 user.error().code == ErrorCode::NotFound ? QString() : user.error().message);
                         });
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
    // A shared connection carries no user names: the user's own (the SSH tunnel's too) and
    // their own password come from their keychain.
    auto launch = [this, id](SecureBytes password, const QString& sshUser, const QString& unreadable) {
        const Connection* current = m_model->connection(id);
        if (!current)
            return;
        Connection target = *current;
        LaunchCredentials credentials;
        credentials.username = current->username;
        if (m_model->isShared(id)) {
            credentials.username = m_shared->ownUser(id);
            target.ssh.user = sshUser;
        }
        credentials.password = std::move(password);
        const Status status = m_launcher->open(target, credentials);
        if (!status) {
            showOpenError(status.error().message);
            return;
        }
        qCInfo(lcGui) << "opened connection" << idText(id);
        if (unreadable.isEmpty())
            showStatus(tr("Opening %1…").arg(current->name));
        else
            showStatus(tr("Opening %1 without your stored credentials: the keychain could not read them: %2")
                           .arg(current->name, unreadable));
    };
    withPassword(id, [this, id, launch](SecureBytes password, const QString& unreadable) {
        auto shared = std::make_shared<SecureBytes>(std::move(password));
        withOwnSshUser(
            id, [shared, unreadable, launch](const QString& sshUser, const QString& sshUnreadable) {
                launch(std::move(*shared), sshUser, unreadable.isEmpty() ? sshUnreadable : unreadable);
            });
    });
}

void MainWindow::importConnections()
{
    if (m_model->isReadOnly())
        return;
    const QUuid folderId = currentFolderForNew();
    if (!m_model->sharedRootOf(folderId).isNull())
        return showStatus(m_actImport->toolTip()); // why it is greyed there (updateActions)
    auto* dialog = new ImportDialog(folderId, m_model->folderPath(folderId), this);
    dialog->setExistingConnections(m_model->connections());
    dialog->setSecretsPersistent(!m_secrets || m_secrets->isPersistent());
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
        if (sharing && dialog->inactivityTimeoutMinutes() != m_sharing->inactivityTimeoutMinutes().value)
            emit inactivityTimeoutChosen(dialog->inactivityTimeoutMinutes());
        if (sharing && m_sharing->serverUrlEditable() &&
            dialog->sharingServer() != m_sharing->serverUrl().value)
            emit sharingServerChosen(dialog->sharingServer());
    });
    dialog->open();
}

} // namespace Conclave::Gui
