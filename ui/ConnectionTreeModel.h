// ConnectionTreeModel: the folder tree with its connections, as shown in the main window.
// A view over Core::ConnectionRepository, which owns the folders and connections: the model
// keeps only the tree's shape (nodes with their rows) and follows the repository's
// changed() signal, whoever made the change (this window, its undo stack, an import, later
// the sync engine). It never writes on its own: renames and drops are handed to a handler
// (the main window), which turns them into undoable commands that apply a ChangeSet to the
// repository.
//
// Shared folders of Team Sharing sit next to the local tree as top-level folders of their
// own: setSharedFolder() hands the model a shared folder's decrypted contents (its
// sub-folders from the items' "group" and its connections), which it keeps apart from the
// repository and never writes anywhere. A shared folder the user may only view has no
// editable, draggable or droppable row; items never move out of a shared folder (into the
// local tree or another shared folder), and local connections dropped onto a shared folder go
// to the handler, which asks before it moves them in.
#pragma once

#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

namespace Conclave::Core {
class ConnectionRepository;
struct ChangeSet;
} // namespace Conclave::Core

namespace Conclave::Gui {

class ConnectionTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTreeModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1, // QUuid
        IsFolderRole,              // bool
        KindRole,                  // int (ConnectionKind), connections only
        SearchTextRole,            // lower-case name, hosts and tags, for the filter
        HostRole,                  // "host:port[, host:port]" or the SRV name
        SharedRole,                // bool: in a shared folder (or one itself)
        SharedReadOnlyRole,        // bool: in a shared folder the user may only view
    };
    static constexpr const char* kMimeType = "application/x-conclave-items";

    // A move the view asked for (drag and drop). The handler decides how to apply it.
    struct MoveRequest
    {
        QList<QUuid> folders;
        QList<QUuid> connections;
        QUuid targetFolder; // null: top level
    };
    using MoveHandler = std::function<void(const MoveRequest&)>;
    // Why a drop is refused, for the sentence the window shows; None: allowed, or refused for
    // a reason the view shows by itself (a folder into itself, not our data).
    enum class DropRefusal
    {
        None,
        ViewOnly,           // into a shared folder the user may only view
        LeavesSharedFolder, // a shared item into the local tree or another shared folder
        FolderIntoShared,   // a local folder into a shared folder (Share Folder shares one)
        MixedIntoShared,    // local and shared items at once (each kind has its own rule)
    };
    // Told on every drop the view asks about (while a drag hovers, and at the drop) that is
    // refused for a reason, and with None when it is allowed.
    using DropRefusalHandler = std::function<void(DropRefusal)>;
    // Renames a folder or a connection (its id) typed in place in the tree.
    using RenameHandler = std::function<void(const QUuid& id, const QString& name)>;

    // `repository` must outlive the model.
    explicit ConnectionTreeModel(Core::ConnectionRepository* repository, QObject* parent = nullptr);
    ~ConnectionTreeModel() override;

    Core::ConnectionRepository* repository() const { return m_repository; }
    bool isReadOnly() const;

    void setMoveHandler(MoveHandler handler) { m_moveHandler = std::move(handler); }
    void setRenameHandler(RenameHandler handler) { m_renameHandler = std::move(handler); }
    void setDropRefusalHandler(DropRefusalHandler handler) { m_dropRefusalHandler = std::move(handler); }

    // Shorthands for the repository's data, for the window and its tests.
    bool hasFolder(const QUuid& id) const;
    bool hasConnection(const QUuid& id) const;
    const Core::Folder* folder(const QUuid& id) const;
    const Core::Connection* connection(const QUuid& id) const;
    QList<Core::Folder> folders() const;
    QList<Core::Connection> connections() const;
    int folderCount() const;
    int connectionCount() const;

    // Every folder and connection below folder `id` (not including it), deepest last.
    void collectDescendants(const QUuid& folderId, QList<QUuid>& folders, QList<QUuid>& connections) const;
    // True when `folderId` is `ancestorId` or lies below it.
    bool isWithin(const QUuid& folderId, const QUuid& ancestorId) const;
    // "Production / EU" for a folder, empty for the top level.
    QString folderPath(const QUuid& folderId) const;

    QModelIndex indexForFolder(const QUuid& id) const;
    QModelIndex indexForConnection(const QUuid& id) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    // A shared folder's contents, replacing what was shown for it: `root` is the shared
    // folder itself (top level), `subFolders` have ids unique to it and parents inside it,
    // `connections` have their folderId set to the root or a sub-folder. `writable`: the
    // user's role allows edits.
    void setSharedFolder(const Core::Folder& root, bool writable, const QList<Core::Folder>& subFolders,
                         const QList<Core::Connection>& connections);
    // Shows the shared folder `root` at the top level (or renames it, or changes its role);
    // nothing is signalled when neither changed.
    void setSharedRoot(const Core::Folder& root, bool writable);
    // A connection of a shared folder that is a conflict copy (SharedConnection::conflictOf):
    // the item it copies and when the copy was made (invalid: not said).
    struct ConflictCopy
    {
        QUuid original;
        QDateTime at;
    };
    // Part of a shared folder's rows, changed in one go: rows new under one parent are
    // inserted with one signal, changed ones are announced as ranges. SharedTreeSync sends
    // one batch per slice of a folder it reads, so a large folder fills the tree in steps.
    struct SharedBatch
    {
        QList<Core::Folder> upsertFolders;         // sub-folders, parents inside the folder
        QList<Core::Connection> upsertConnections; // folderId: the root or a sub-folder
        QList<QUuid> removeConnections;
        QList<QUuid> removeFolders; // sub-folders left empty by the batch
        // Which of upsertConnections are conflict copies; one not listed is not (any more).
        QHash<QUuid, ConflictCopy> conflictCopies;
        bool isEmpty() const
        {
            return upsertFolders.isEmpty() && upsertConnections.isEmpty() && removeConnections.isEmpty() &&
                   removeFolders.isEmpty();
        }
    };
    // Applies `batch` to the shared folder `rootId` (shown by setSharedRoot() first).
    void applyShared(const QUuid& rootId, const SharedBatch& batch);
    void removeSharedFolder(const QUuid& rootId);
    void clearShared();
    // Ids of the shared folders shown.
    QList<QUuid> sharedFolderIds() const;
    // The shared folder `id` (a folder or connection) lies in, or null for a local one.
    QUuid sharedRootOf(const QUuid& id) const;
    bool isShared(const QUuid& id) const { return !sharedRootOf(id).isNull(); }
    bool isSharedWritable(const QUuid& rootId) const { return m_sharedWritable.value(rootId, false); }
    // Connections of one shared folder.
    QList<Core::Connection> sharedConnections(const QUuid& rootId) const;
    // A connection's marker: its own credentials are missing on this computer.
    void setCredentialsMissing(const QSet<QUuid>& connectionIds);
    bool credentialsMissing(const QUuid& connectionId) const
    {
        return m_credentialsMissing.contains(connectionId);
    }

    // The conflict copy marker of a shared connection: shown as "Name (conflict, 14:02)" in
    // the tree, with conflictText() as its tooltip; null for any other connection.
    const ConflictCopy* conflictCopy(const QUuid& connectionId) const;
    // "A conflict copy of “Orders”, made on … ." for the tooltip and the details pane, naming
    // the original as the tree shows it now; "" for a connection that is no copy.
    QString conflictText(const QUuid& connectionId) const;

    // The icon shown for a kind (also used by the editor and details pane).
    static QIcon kindIcon(Core::ConnectionKind kind);
    static QIcon folderIcon();
    // The folder icon with the mark of a shared folder.
    static QIcon sharedFolderIcon();
    // kindIcon() with a dot in `color` (#rrggbb).
    static QIcon markedIcon(Core::ConnectionKind kind, const QString& color);
    static QIcon appIcon(); // the Conclave logo
    static QString hostSummary(const Core::Connection& connection);
    // SearchTextRole without the QVariant, for the filter's per-row test.
    const QString& searchText(const QModelIndex& index) const;
    // IsFolderRole, DisplayRole and IdRole without QVariants, for the proxy's sort.
    bool isFolder(const QModelIndex& index) const;
    const QString& displayName(const QModelIndex& index) const;
    const QUuid& nodeId(const QModelIndex& index) const;

private:
    struct Node;
    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexForNode(const Node* node) const;
    Node* parentNodeForFolderId(const QUuid& folderId) const;
    void insertNode(Node* parent, std::unique_ptr<Node> node);
    // New rows at the end of their parents, one insert signal per parent.
    void insertNodes(std::vector<std::unique_ptr<Node>> nodes, const std::vector<Node*>& parents);
    // dataChanged for the nodes, one signal per run of adjacent rows.
    void announceChanged(QList<const Node*> nodes);
    void moveNode(Node* node, Node* newParent);
    void removeNode(Node* node);
    void upsertFolderNode(const Core::Folder& folder);
    void upsertConnectionNode(const Core::Connection& connection);
    void rebuild();
    void follow(const Core::ChangeSet& change);
    bool decodeMime(const QMimeData* data, MoveRequest& request) const;
    // Whether the drop may happen; `why` says why not when the user should be told.
    bool dropAllowed(const QMimeData* data, Qt::DropAction action, const QModelIndex& parent,
                     DropRefusal& why) const;
    QUuid targetFolderFor(const QModelIndex& parent) const;
    static QString searchTextFor(const Core::Connection& connection);
    const Core::Folder* anyFolder(const QUuid& id) const;
    const Core::Connection* anyConnection(const QUuid& id) const;
    void insertSharedNodes(const QUuid& rootId); // during a reset only
    int sharedDepth(const QUuid& folderId) const;

    Core::ConnectionRepository* m_repository;
    // The repository's maps, read on every data() call without going through it.
    const QHash<QUuid, Core::Folder>& m_folders;
    const QHash<QUuid, Core::Connection>& m_connections;
    std::unique_ptr<Node> m_root;
    QHash<QUuid, Node*> m_folderNodes;
    QHash<QUuid, Node*> m_connectionNodes;
    MoveHandler m_moveHandler;
    RenameHandler m_renameHandler;
    DropRefusalHandler m_dropRefusalHandler;
    // Shared folders: decrypted, in memory only, gone with clearShared().
    QHash<QUuid, Core::Folder> m_sharedFolders;
    QHash<QUuid, Core::Connection> m_sharedConnections;
    QHash<QUuid, QUuid> m_sharedRoot; // folder or connection id -> its shared folder
    QHash<QUuid, bool> m_sharedWritable;
    QSet<QUuid> m_credentialsMissing;
    QHash<QUuid, ConflictCopy> m_conflictCopies;
};

} // namespace Conclave::Gui
