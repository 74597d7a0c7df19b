// MainWindow: the app's window. A filterable folder tree of connections on the left, the
// selected item's details on the right, an empty state on first run, and every action on
// connections (new, edit, duplicate, move, delete, copy URI, open, test, import, export)
// with undo and redo. The window owns no data: it shows the ConnectionRepository it is
// given (through ConnectionTreeModel) and changes it through TreeEditCommand on a
// QUndoStack; secrets go to the SecretStore and never to the model, the store, the settings
// or the log. The app's composition root (app/Application) builds what it is given.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/SecretKind.h"
#include "core/model/Connection.h"
#include "core/util/Result.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MoveToDialog.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

class QKeyEvent;
class QLabel;
class QLineEdit;
class QSettings;
class QStackedWidget;
class QTreeView;
class QUndoStack;

namespace Conclave::Core {
class ClientLauncher;
class ConnectionRepository;
class EffectiveSettings;
class SecretStore;
class SyncEngine;
} // namespace Conclave::Core

namespace Conclave::Gui {

class ClipboardGuard;
class ConnectionDetailsPane;
class ConnectionEditorDialog;
class ConnectionFilterProxyModel;
class EmptyStateWidget;
class SharedTreeSync;
class TreeEditCommand;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct SecretWrite
    {
        Core::SecretKind kind;
        Core::SecureBytes value;
        bool remove = false;
    };

    // What the window works with; everything given must outlive it.
    struct Services
    {
        // Required. When its database could not be opened it is read-only and empty, and
        // the window says why.
        Core::ConnectionRepository* repository = nullptr;
        Core::SecretStore* secrets = nullptr; // null: no secrets are read or written
        QString secretsWarning;               // non-empty when the OS keychain is not used
        // The keychain probe has not answered yet (`secrets` queues until it does); the
        // window says so after a moment and offers Retry, until keychainAnswered().
        bool keychainPending = false;
        QSettings* settings = nullptr;            // client commands; null: the default QSettings
        Core::ClientLauncher* launcher = nullptr; // null: the window makes its own
        // The machine policy merged with the user's choices; shown in Settings. Null: none.
        const Core::EffectiveSettings* sharing = nullptr;
    };

    explicit MainWindow(const Services& services, QWidget* parent = nullptr);
    ~MainWindow() override;

    ConnectionTreeModel* model() const { return m_model; }
    ConnectionFilterProxyModel* proxy() const { return m_proxy; }
    QTreeView* tree() const { return m_tree; }
    QLineEdit* filterEdit() const { return m_filter; }
    QUndoStack* undoStack() const { return m_undo; }
    ClipboardGuard* clipboardGuard() const { return m_clipboard; }
    bool isReadOnly() const;
    // Texts of the banners currently shown (store problems, keychain fallback).
    QStringList bannerTexts() const;
    // Number of keychain writes and removals not answered yet.
    int pendingSecretOperations() const { return m_pendingSecretOps; }

    // Selection in source-model terms.
    QList<QUuid> selectedFolders() const;
    QList<QUuid> selectedConnections() const;
    void selectConnection(const QUuid& id);
    void selectFolder(const QUuid& id);
    // Selects these items (the first is current), opening the folders they are in and
    // scrolling to the first; ids not in the tree are skipped.
    void selectItems(const QList<QUuid>& folders, const QList<QUuid>& connections);

    // Applies a change as one undoable step; false (and a message) when it was refused.
    // `usesTrash`: what it removes goes to the Trash (a delete, or undoing a restore).
    bool pushChange(const QString& text, const QList<Core::Folder>& beforeFolders,
                    const QList<Core::Connection>& beforeConnections, const QList<Core::Folder>& afterFolders,
                    const QList<Core::Connection>& afterConnections, bool usesTrash = false);
    // Writes (or removes) secrets of a connection in the SecretStore.
    void writeSecrets(const QUuid& connectionId, std::vector<SecretWrite> secrets);

    // How long the keychain may take before the window says it is waiting.
    static constexpr int kKeychainWaitNoticeMs = 1000;
    // The keychain probe (or a retry) answered: `warning` is empty when the OS keychain is
    // used, else why it is not (memory only) and the banner offers Retry.
    void keychainAnswered(const QString& warning);
    // A retry has started: the window says it is waiting again.
    void keychainRetrying();
    bool isWaitingForKeychain() const { return m_keychainPending; }

    // Team Sharing: the started engine whose shared folders the tree shows, or null (signed
    // out: every shared folder leaves the tree). `self` is the signed-in user's id.
    void setSyncEngine(Core::SyncEngine* engine, const QUuid& self = {});
    SharedTreeSync* sharedTree() const { return m_shared; }
    // Turns the local folder into a shared one of organisation `orgId` (null: the user's
    // only organisation, asked of the server), after the user confirmed.
    void shareFolder(const QUuid& folderId, const QUuid& orgId = {});

signals:
    // The user asked to try the keychain again (the composition root probes it).
    void keychainRetryRequested();

public slots:
    void newConnection();
    void newFolder();
    void editSelected();
    void duplicateSelected();
    void deleteSelected();
    void renameSelected();
    // Moves the selection into a folder chosen in a dialog (the keyboard's drag and drop).
    void moveSelectedTo();
    void copyUri();
    void copyUriWithPassword();
    void openSelected();
    void testSelected();
    void importConnections();
    void exportConnections();
    void showSettings();
    void focusFilter();
    void expandAll();
    void collapseAll();
    void showTrash();
    // Puts Trash entries back where they were, as one undoable step.
    void restoreFromTrash(const QList<QUuid>& trashIds);
    // Deletes the Trash for good with its secrets, after asking (unless `confirmed`).
    void emptyTrash(bool confirmed = false);

signals:
    // The user entered another Team Sharing server in the settings (the composition root
    // saves it and rebuilds the sharing parts for it).
    void sharingServerChosen(const QUrl& server);
    // The user chose another sign-out time without input (minutes; the composition root saves
    // it and the running timer takes it at once).
    void inactivityTimeoutChosen(int minutes);
    // A local folder became the shared folder `folderId`: the place to invite its members
    // (the composition opens the share dialog for it).
    void folderShared(const QUuid& folderId);
    // Team Sharing entries of a shared folder's or item's context menu, for the composition
    // to open the dialog: the members, the invitations, the history (a null `itemId`: the
    // folder's own history).
    void membersRequested(const QUuid& folderId);
    void inviteRequested(const QUuid& folderId);
    void historyRequested(const QUuid& folderId, const QUuid& itemId);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentral();
    void showStoreProblems();
    void updateActions();
    void updateDetails();
    void updateEmptyState();
    struct BannerAction
    {
        QString objectName;
        QString text;
        std::function<void()> run;
    };
    QWidget* showBanner(const QString& objectName, const QString& text, bool error,
                        const QList<BannerAction>& actions = {});
    void hideBanner(const QString& objectName);
    void showOpenError(const QString& message);
    void showKeychainWaiting();
    void showStatus(const QString& text);
    void onActivated(const QModelIndex& proxyIndex);
    void onFilterChanged(const QString& text);
    bool filterKeyPressed(QKeyEvent* event);
    void updateNoMatch();
    QModelIndex firstConnectionMatch(const QModelIndex& parent) const;
    QSet<QUuid> expandedFolders() const;
    void restoreExpandedFolders(const QSet<QUuid>& folders);
    // The item the selection goes to when `removed` leave the tree: the next one shown, or
    // else the one above (which may be their folder).
    QUuid survivorNear(const QModelIndex& start, const QSet<QUuid>& removed) const;
    void selectById(const QUuid& id);
    void onContextMenu(const QPoint& pos);
    void onMoveRequested(const QList<QUuid>& folders, const QList<QUuid>& connections, const QUuid& target);
    // Moves folders and connections into `target` as Move To and drag and drop do: within the
    // local tree or one shared folder at once, local connections into a shared folder after
    // confirmMoveIntoShared(), anything else refused with a sentence in the status bar.
    void moveItemsTo(const QList<QUuid>& folders, const QList<QUuid>& connections, const QUuid& target);
    // The sentence for a move the tree refuses ("" for None).
    QString moveRefusalText(ConnectionTreeModel::DropRefusal why) const;
    void onRenameRequested(const QUuid& id, const QString& name);
    void dropSecrets(const QList<QUuid>& connectionIds);
    void copySecrets(const QUuid& from, const QUuid& to);
    QUuid currentFolderForNew() const;
    const Core::Connection* currentConnection() const;
    void copyUriText(const Core::Connection& connection, const Core::SecureBytes* password);
    void secretOperationDone(const Core::Status& status);
    // Reads the connection's password and hands it to `use`; in memory-only mode a missing one
    // is asked for (used once, never stored). Nothing is called when the user cancels.
    // The password to open or test `id` with: a shared connection's is the user's own. `use`
    // gets it ("" for none) and, when the keychain failed to answer (not "none stored"), its
    // sentence for the user.
    void withPassword(const QUuid& id, std::function<void(Core::SecureBytes, const QString&)> use);
    // The user's own SSH user name for a shared connection through an SSH tunnel ("" when
    // none is stored), with the keychain's failure as in withPassword.
    void withOwnSshUser(const QUuid& id, std::function<void(const QString&, const QString&)> use);
    // Team Sharing: whether the selection lies in a shared folder, and in one the user may
    // only view; the shared write's answer.
    bool selectionIsShared() const;
    // The shared folder an index of the tree lies in (its top-level ancestor), or null.
    QUuid sharedFolderOf(const QModelIndex& proxyIndex) const;
    void addSharingEntries(QMenu* menu, const QModelIndex& proxyIndex);
    bool selectionIsViewOnly() const;
    void sharedWriteDone(const Core::Status& status);
    void editShared(const Core::Connection& current);
    void newSharedConnection(Core::Connection c, const QUuid& root);
    void openSharedEditor(const Core::Connection& current, const QString& ownUser, const QString& ownSshUser);
    // Writes (or removes) the user's own keychain entries for a shared connection, then marks
    // which of the folder's connections lack them; `done` once, with the first failure.
    void writeOwnCredentials(const QUuid& folderId, const QUuid& itemId,
                             std::vector<ConnectionEditorDialog::OwnCredentialChange> changes,
                             std::function<void(Core::Status)> done);
    void copyOwnCredentials(const QUuid& folderId, const QUuid& from, const QUuid& to);
    void duplicateShared(const Core::Connection& current);
    MoveToDialog::Places moveToPlaces(bool sharedSelection, bool connectionsOnly) const;
    // Local connections into a shared folder: asked first; then one by one, each removed
    // here only once the shared folder and the user's keychain hold it.
    void confirmMoveIntoShared(const QList<QUuid>& connections, const QUuid& target);
    struct MoveIntoShared;
    void moveNextIntoShared(std::shared_ptr<MoveIntoShared> job);
    void startSharing(const QUuid& folderId, const QUuid& orgId);
    void editSharedCredentials();

    QPointer<Core::SecretStore> m_secrets;
    const Core::EffectiveSettings* m_sharing = nullptr;
    Core::ConnectionRepository* m_repository = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings* m_settings = nullptr;
    ConnectionTreeModel* m_model = nullptr;
    ConnectionFilterProxyModel* m_proxy = nullptr;
    QUndoStack* m_undo = nullptr;
    ClipboardGuard* m_clipboard = nullptr;
    Core::ClientLauncher* m_launcher = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QStackedWidget* m_stack = nullptr;
    EmptyStateWidget* m_empty = nullptr;
    ConnectionDetailsPane* m_details = nullptr;
    QWidget* m_banners = nullptr;
    QPointer<QLabel> m_noMatch;
    QString m_lastRefusal;
    QString m_lastDropRefusal;          // shown while a drag hovers where it may not drop
    QSet<QUuid> m_expandedBeforeFilter; // folders open when filtering began
    bool m_filtering = false;
    bool m_pushing = false; // a change is being pushed; its caller selects what it made
    bool m_keychainPending = false;
    int m_pendingSecretOps = 0;
    bool m_closing = false;

    QAction* m_actNewConnection = nullptr;
    QAction* m_actNewFolder = nullptr;
    QAction* m_actEdit = nullptr;
    QAction* m_actDuplicate = nullptr;
    QAction* m_actDelete = nullptr;
    QAction* m_actRename = nullptr;
    QAction* m_actMoveTo = nullptr;
    QAction* m_actCopyUri = nullptr;
    QAction* m_actCopyUriPassword = nullptr;
    QAction* m_actOpen = nullptr;
    QAction* m_actTest = nullptr;
    QAction* m_actImport = nullptr;
    QAction* m_actExport = nullptr;
    QAction* m_actSettings = nullptr;
    QAction* m_actFind = nullptr;
    QAction* m_actQuit = nullptr;
    QAction* m_actExpandAll = nullptr;
    QAction* m_actCollapseAll = nullptr;
    QAction* m_actTrash = nullptr;
    QAction* m_actUndo = nullptr;
    QAction* m_actRedo = nullptr;
    QAction* m_actShareFolder = nullptr;
    QAction* m_actSharedCredentials = nullptr;
    SharedTreeSync* m_shared = nullptr;
    // The open editor of a shared connection: at sign-out its unsaved edit becomes a draft.
    QPointer<ConnectionEditorDialog> m_sharedEditor;
    QUuid m_sharedEditorId;
    QUuid m_selectWhenShown; // a shared item just written, selected once the tree shows it
};

} // namespace Conclave::Gui
