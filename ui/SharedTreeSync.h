// SharedTreeSync: the shared folders of the signed-in account in the main window's tree.
// It follows the sync engine (folderChanged / folderRemoved) and shows each shared folder
// the engine holds as a top-level folder of the ConnectionTreeModel: every item decoded as a
// SharedConnection, its "group" path made into sub-folders, a conflict copy marked as one. Changes the user
// makes to a shared item (edit, rename, move inside the folder, delete) go to the engine as new signed
// revisions, never to the local store; the tree changes when the engine has accepted them.
// Sharing a local folder creates the shared folder, uploads every connection of it, and only
// then, with everything stored, takes the local copy away.
//
// What it holds is decrypted and lives in memory only, until setEngine(nullptr) (sign-out).
//
// The GUI thread must stay responsive while a first sync fills the tree with thousands of
// items. So folderChanged only queues the folder: the items are read later in slices of a
// few milliseconds each (SliceLimits), one event-loop turn apart, and only those whose
// revision or author differs from what the tree shows are decoded; several folderChanged of
// a folder before or during its pass make one more pass, not one each. Every slice goes to
// the model as one batch. Writes first bring the items they start from up to date.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/SecureBytes.h"
#include "core/keychain/SecretStore.h"
#include "core/model/Connection.h"
#include "core/model/SharedConnection.h"
#include "core/sync/SyncEngine.h"
#include "core/util/Result.h"
#include "ui/ConnectionTreeModel.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>

#include "core/storage/ConnectionRepository.h"

namespace Conclave::Gui {

class SharedTreeSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedTreeSync)

public:
    using Done = std::function<void(Core::Status)>;

    // Who made an item and who changed it last, for the details pane.
    struct ItemInfo
    {
        QUuid folderId;
        QUuid createdBy; // the author's claim
        QDateTime createdAt;
        QUuid changedBy; // the newest revision's authenticated author
        QDateTime changedAt;
    };

    // `model` must outlive this.
    explicit SharedTreeSync(ConnectionTreeModel* model, QObject* parent = nullptr);
    ~SharedTreeSync() override;

    // The started engine to follow, or null to show no shared folder (and forget every
    // decrypted item). `self`: the signed-in user's id (the creator of items shared here).
    void setEngine(Core::SyncEngine* engine, const QUuid& self = {});
    Core::SyncEngine* engine() const { return m_engine; }

    const ItemInfo* info(const QUuid& connectionId) const;
    Core::FolderRole roleIn(const QUuid& sharedFolderId) const;
    // "ada@example.org" when the engine knows it, else the id shortened ("3f2a9c1b").
    QString personName(const QUuid& userId) const;
    // Items of the folder that could not be read (shown as a count, never guessed at).
    int unreadableCount(const QUuid& sharedFolderId) const;
    // True when every folder the engine announced is shown as the engine holds it (no slice
    // is waiting).
    bool isCurrent() const { return m_queue.isEmpty(); }

    // How much one slice may do before the event loop gets its turn: its time (decoding and
    // the model's update) and its number of items. For tests and benchmarks; the default
    // keeps a slice within a frame.
    struct SliceLimits
    {
        int budgetMs = 8;
        int maxItems = 1'000'000;
    };
    void setSliceLimits(SliceLimits limits) { m_limits = limits; }

    // Writes `edited` (a connection of a shared folder) as the item's next revision; its
    // sub-folder stays unless `group` is given.
    void writeConnection(const Core::Connection& edited, Done done, const QString* group = nullptr);
    // Keeps `edited` (an unsaved edit of a shared connection) as the engine's encrypted draft,
    // pushed after the next sign-in; for the sign-out, while the engine still runs.
    Core::Status saveDraft(const Core::Connection& edited);
    // Signed delete markers, one per connection (and every connection below the folders).
    void deleteItems(const QList<QUuid>& folders, const QList<QUuid>& connections, Done done);
    // Moves connections and sub-folders inside one shared folder (their "group" changes).
    void moveItems(const QList<QUuid>& folders, const QList<QUuid>& connections, const QUuid& target,
                   Done done);
    // Renames a connection or a sub-folder of a shared folder.
    void rename(const QUuid& id, const QString& name, Done done);

    // Shares the local folder `folderId` of `repository` with the organisation `orgId`: the
    // shared folder is created, every connection below it uploaded (`progress` after each),
    // and only when all are stored the local folder and its connections are removed. If any
    // step fails nothing local is lost. `done` gets the new shared folder's id.
    void shareLocalFolder(Core::ConnectionRepository* repository, const QUuid& folderId, const QUuid& orgId,
                          std::function<void(int done, int total)> progress,
                          std::function<void(Core::Result<QUuid>)> done);

    // Where the user's own credentials for shared connections are kept (the keychain); null:
    // none are read or written and no connection is marked.
    void setSecretStore(Core::SecretStore* secrets) { m_secrets = secrets; }
    // The user's own credentials for a shared connection (empty: that entry is removed);
    // then the connection's "credentials missing" marker is updated.
    struct Credentials
    {
        QString user;
        Core::SecureBytes password;
        QString sshUser;
        Core::SecureBytes sshPassphrase;
    };
    void setCredentials(const QUuid& connectionId, Credentials credentials, Done done);
    // The user's own user name for a shared connection, as last read from the keychain.
    QString ownUser(const QUuid& connectionId) const { return m_users.value(connectionId); }
    // Reads which connections of the folder lack the user's own user name.
    void checkCredentials(const QUuid& sharedFolderId);

    // The id of the sub-folder `path` ("Production/EU") of a shared folder.
    static QUuid groupFolderId(const QUuid& sharedFolderId, const QString& path);
    // The sub-folder path of a folder of the tree inside its shared folder ("" at its top).
    QString groupOf(const QUuid& folderId) const;

signals:
    // A shared folder's rows were replaced (after folderChanged) or it went away.
    void sharedChanged(const QUuid& sharedFolderId);

private:
    // A local folder on its way into a shared one.
    struct ShareJob
    {
        QPointer<Core::ConnectionRepository> repository;
        QUuid localFolder;
        QList<QUuid> localFolders;
        QList<QPair<Core::Connection, QString>> items; // still to upload, with their group
        int total = 0;
        QUuid shared;
        std::function<void(int, int)> progress;
        std::function<void(Core::Result<QUuid>)> done;
    };

    // Which revision of an item the tree shows (or found unreadable): the engine's revision
    // and the newest revision's author, which a key rotation's re-signing changes.
    struct Seen
    {
        quint64 revision = 0;
        QUuid author;
        bool operator==(const Seen&) const = default;
    };
    // One shared folder as the tree shows it, and its pass while one runs.
    struct FolderView
    {
        QHash<QUuid, Seen> shown;      // items in the tree
        QHash<QUuid, Seen> unreadable; // items left out, each said once in the log
        QHash<QString, int> groupUse;  // sub-folder path -> items at or below it
        QList<QUuid> todo;             // the running pass: the items to compare, from `next` on
        qsizetype next = 0;
        bool running = false; // a pass has taken its list of items
        bool again = false;   // folderChanged during the pass: one more pass after it
    };

    void follow(const QUuid& folderId);
    void showRoot(const QUuid& folderId);
    void runSlice();
    // Compares one item with the engine's and adds what changed to `batch`.
    void readItem(const QUuid& folderId, const QUuid& itemId, FolderView& view,
                  ConnectionTreeModel::SharedBatch& batch);
    void dropItem(const QUuid& itemId, FolderView& view, ConnectionTreeModel::SharedBatch& batch);
    void useGroup(const QUuid& folderId, const QString& group, int delta, FolderView& view,
                  ConnectionTreeModel::SharedBatch& batch);
    // The end of a pass: items the engine no longer holds leave the tree.
    void finishPass(const QUuid& folderId, FolderView& view, ConnectionTreeModel::SharedBatch& batch);
    // Before a write: the item as the engine holds it now, even while its slice waits; null
    // when it is not a shared item held. Valid until m_items changes.
    const Core::SharedConnection* current(const QUuid& itemId);
    void removeFolder(const QUuid& folderId, const QString& reason, const QList<QUuid>& heldItems);
    void forgetAll();
    void uploadNext(std::shared_ptr<ShareJob> job);
    void forgetCredentials(const QUuid& folderId, const QList<QUuid>& itemIds);
    void readCredentials(const QUuid& sharedFolderId, const QList<QUuid>& itemIds);
    void markMissing(const QUuid& connectionId, bool missing);
    void writeAll(QList<QPair<QUuid, QByteArray>> writes, const QUuid& folderId, Done done);

    ConnectionTreeModel* m_model;
    QPointer<Core::SyncEngine> m_engine;
    QUuid m_self;
    QPointer<Core::SecretStore> m_secrets;
    QSet<QUuid> m_missing;
    QSet<QUuid> m_credentialsAsked;               // read from the keychain, or being read
    bool m_markersDue = false;                    // m_missing changed; the model hears it once per turn
    QHash<QUuid, QString> m_users;                // own user names (no secret), for Open and Test connection
    QHash<QUuid, Core::SharedConnection> m_items; // by item id
    QHash<QUuid, ItemInfo> m_info;
    QHash<QUuid, FolderView> m_views; // by shared folder id
    QList<QUuid> m_queue;             // folders waiting for (the rest of) a pass, in order
    QTimer m_slicer;                  // the next slice, after the event loop's turn
    SliceLimits m_limits;
};

} // namespace Conclave::Gui
