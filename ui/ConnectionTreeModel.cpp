// ConnectionTreeModel: see the header. Rows are kept in insertion order; the proxy
// (ConnectionFilterProxyModel) sorts folders before connections and names alphabetically.
#include "ui/ConnectionTreeModel.h"

#include "core/storage/ConnectionRepository.h"
#include "core/util/LogCategories.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDataStream>
#include <QHash>
#include <QIODevice>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <QStyle>
#include <QTextDocument>

#include <map>

// The icons live in a static library (resources/conclave.qrc); a static library's resource
// initialiser is dropped by the linker unless something calls it, so every icon lookup
// goes through here first. Q_INIT_RESOURCE must be used outside any namespace.
static void ensureConclaveResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(conclave);
        return true;
    }();
    Q_UNUSED(done);
}

namespace Conclave::Gui {

using namespace Conclave::Core;

struct ConnectionTreeModel::Node
{
    bool isFolder = false;
    QUuid id;
    Node* parent = nullptr;
    int row = 0; // position in parent->children, kept current so parent() is O(1)
    QString searchText;
    std::vector<std::unique_ptr<Node>> children;
};

ConnectionTreeModel::ConnectionTreeModel(ConnectionRepository* repository, QObject* parent)
    : QAbstractItemModel(parent)
    , m_repository(repository)
    , m_folders(repository->folderMap())
    , m_connections(repository->connectionMap())
    , m_root(std::make_unique<Node>())
{
    m_root->isFolder = true;
    rebuild();
    connect(m_repository, &ConnectionRepository::changed, this, &ConnectionTreeModel::follow);
}

ConnectionTreeModel::~ConnectionTreeModel() = default;

bool ConnectionTreeModel::isReadOnly() const
{
    return m_repository->isReadOnly();
}

bool ConnectionTreeModel::hasFolder(const QUuid& id) const
{
    return anyFolder(id) != nullptr;
}

bool ConnectionTreeModel::hasConnection(const QUuid& id) const
{
    return anyConnection(id) != nullptr;
}

const Folder* ConnectionTreeModel::folder(const QUuid& id) const
{
    return anyFolder(id);
}

const Connection* ConnectionTreeModel::connection(const QUuid& id) const
{
    return anyConnection(id);
}

const Folder* ConnectionTreeModel::anyFolder(const QUuid& id) const
{
    auto it = m_folders.constFind(id);
    if (it != m_folders.cend())
        return &*it;
    it = m_sharedFolders.constFind(id);
    return it == m_sharedFolders.cend() ? nullptr : &*it;
}

const Connection* ConnectionTreeModel::anyConnection(const QUuid& id) const
{
    auto it = m_connections.constFind(id);
    if (it != m_connections.cend())
        return &*it;
    it = m_sharedConnections.constFind(id);
    return it == m_sharedConnections.cend() ? nullptr : &*it;
}

// --- shared folders ---------------------------------------------------------------------

QList<QUuid> ConnectionTreeModel::sharedFolderIds() const
{
    return m_sharedWritable.keys();
}

QUuid ConnectionTreeModel::sharedRootOf(const QUuid& id) const
{
    return m_sharedRoot.value(id);
}

QList<Connection> ConnectionTreeModel::sharedConnections(const QUuid& rootId) const
{
    QList<Connection> result;
    for (auto it = m_sharedConnections.cbegin(); it != m_sharedConnections.cend(); ++it) {
        if (m_sharedRoot.value(it.key()) == rootId)
            result.append(*it);
    }
    return result;
}

int ConnectionTreeModel::sharedDepth(const QUuid& folderId) const
{
    int depth = 0;
    for (QUuid id = folderId; !id.isNull() && depth < 1000; ++depth) {
        const auto it = m_sharedFolders.constFind(id);
        if (it == m_sharedFolders.cend())
            break;
        id = it->parentId;
    }
    return depth;
}

void ConnectionTreeModel::setSharedFolder(const Folder& root, bool writable, const QList<Folder>& subFolders,
                                          const QList<Connection>& connections)
{
    setSharedRoot(root, writable);
    SharedBatch batch;
    batch.upsertFolders = subFolders;
    batch.upsertConnections = connections;
    // What is no longer there, found before the maps change.
    QSet<QUuid> keep{root.id};
    for (const Folder& f : subFolders)
        keep.insert(f.id);
    for (const Connection& c : connections)
        keep.insert(c.id);
    for (auto it = m_sharedRoot.cbegin(); it != m_sharedRoot.cend(); ++it) {
        if (it.value() != root.id || keep.contains(it.key()))
            continue;
        if (m_sharedFolders.contains(it.key()))
            batch.removeFolders.append(it.key());
        else
            batch.removeConnections.append(it.key());
    }
    applyShared(root.id, batch);
}

void ConnectionTreeModel::setSharedRoot(const Folder& root, bool writable)
{
    const bool known = m_sharedWritable.contains(root.id) && m_folderNodes.contains(root.id);
    const bool writableChanged = known && m_sharedWritable.value(root.id) != writable;
    m_sharedWritable.insert(root.id, writable);
    Folder top = root;
    top.parentId = QUuid();
    const auto held = m_sharedFolders.constFind(top.id);
    const bool renamed = held == m_sharedFolders.cend() || held->name != top.name;
    m_sharedFolders.insert(top.id, top);
    m_sharedRoot.insert(top.id, top.id);
    if (!known || renamed)
        upsertFolderNode(top);
    if (writableChanged) {
        // Flags and tooltips of every row of the folder follow the role; no row moves.
        emit layoutAboutToBeChanged();
        emit layoutChanged();
        const QModelIndex index = indexForFolder(top.id);
        emit dataChanged(index, index);
    }
}

void ConnectionTreeModel::applyShared(const QUuid& rootId, const SharedBatch& batch)
{
    if (!m_sharedWritable.contains(rootId) || !m_folderNodes.contains(rootId))
        return;
    QList<const Node*> changed;

    // Sub-folders: the new ones a level at a time (a level's parents are in by then), each
    // level with one insert per parent; a changed one moves or is renamed on its own.
    QList<Folder> newFolders;
    QList<Folder> changedFolders;
    for (const Folder& f : batch.upsertFolders) {
        if (f.id == rootId)
            continue;
        const auto held = m_sharedFolders.constFind(f.id);
        const bool shown = m_folderNodes.contains(f.id);
        if (shown && held != m_sharedFolders.cend() && held->name == f.name && held->parentId == f.parentId)
            continue;
        m_sharedFolders.insert(f.id, f);
        m_sharedRoot.insert(f.id, rootId);
        (shown ? changedFolders : newFolders).append(f);
    }
    QList<QPair<int, Folder>> byDepth;
    for (const Folder& f : std::as_const(newFolders))
        byDepth.append({sharedDepth(f.id), f});
    std::stable_sort(byDepth.begin(), byDepth.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (qsizetype i = 0; i < byDepth.size();) {
        const int depth = byDepth[i].first;
        std::vector<std::unique_ptr<Node>> nodes;
        std::vector<Node*> parents;
        for (; i < byDepth.size() && byDepth[i].first == depth; ++i) {
            const Folder& f = byDepth[i].second;
            if (m_folderNodes.contains(f.id))
                continue; // listed twice
            auto node = std::make_unique<Node>();
            node->isFolder = true;
            node->id = f.id;
            node->searchText = f.name.toCaseFolded();
            parents.push_back(parentNodeForFolderId(f.parentId));
            m_folderNodes.insert(f.id, node.get());
            nodes.push_back(std::move(node));
        }
        insertNodes(std::move(nodes), parents);
    }
    for (const Folder& f : std::as_const(changedFolders))
        upsertFolderNode(f);

    // Connections: unchanged rows are left alone, new ones go in with one insert per parent.
    std::vector<std::unique_ptr<Node>> nodes;
    std::vector<Node*> parents;
    QHash<QUuid, std::size_t> pending; // new in this batch: index into nodes
    for (const Connection& c : batch.upsertConnections) {
        const auto held = m_sharedConnections.constFind(c.id);
        const auto waiting = pending.constFind(c.id);
        Node* node = waiting == pending.cend() ? m_connectionNodes.value(c.id) : nullptr;
        bool markChanged = false;
        if (const auto copy = batch.conflictCopies.constFind(c.id); copy != batch.conflictCopies.cend()) {
            const ConflictCopy* before = conflictCopy(c.id);
            markChanged = !before || before->original != copy->original || before->at != copy->at;
            m_conflictCopies.insert(c.id, *copy);
        } else {
            markChanged = m_conflictCopies.remove(c.id) > 0;
        }
        if (node && held != m_sharedConnections.cend() && *held == c && !markChanged)
            continue;
        m_sharedConnections.insert(c.id, c);
        m_sharedRoot.insert(c.id, rootId);
        if (waiting != pending.cend()) { // listed twice: the later one counts
            nodes[*waiting]->searchText = searchTextFor(c);
            parents[*waiting] = parentNodeForFolderId(c.folderId);
        } else if (!node) {
            auto fresh = std::make_unique<Node>();
            fresh->id = c.id;
            fresh->searchText = searchTextFor(c);
            pending.insert(c.id, nodes.size());
            parents.push_back(parentNodeForFolderId(c.folderId));
            m_connectionNodes.insert(c.id, fresh.get());
            nodes.push_back(std::move(fresh));
        } else {
            node->searchText = searchTextFor(c);
            moveNode(node, parentNodeForFolderId(c.folderId));
            changed.append(node);
        }
    }
    insertNodes(std::move(nodes), parents);
    announceChanged(changed);

    // Removals: runs of adjacent rows under one parent go with one signal.
    std::map<Node*, QList<int>> rows;
    for (const QUuid& id : batch.removeConnections) {
        if (m_sharedRoot.value(id) != rootId || m_sharedFolders.contains(id))
            continue;
        m_sharedConnections.remove(id);
        m_sharedRoot.remove(id);
        m_credentialsMissing.remove(id);
        m_conflictCopies.remove(id);
        if (Node* node = m_connectionNodes.value(id))
            rows[node->parent].append(node->row);
    }
    for (auto& [parentNode, list] : rows) {
        std::sort(list.begin(), list.end(), std::greater<>());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        for (qsizetype i = 0; i < list.size();) {
            const int last = list[i];
            int first = last;
            for (++i; i < list.size() && list[i] == first - 1; ++i)
                first = list[i];
            beginRemoveRows(indexForNode(parentNode), first, last);
            for (int row = first; row <= last; ++row)
                m_connectionNodes.remove(parentNode->children[std::size_t(row)]->id);
            parentNode->children.erase(parentNode->children.begin() + first,
                                       parentNode->children.begin() + last + 1);
            for (std::size_t r = std::size_t(first); r < parentNode->children.size(); ++r)
                parentNode->children[r]->row = int(r);
            endRemoveRows();
        }
    }
    QList<QUuid> goneFolders;
    for (const QUuid& id : batch.removeFolders) {
        if (id != rootId && m_sharedRoot.value(id) == rootId && m_sharedFolders.contains(id))
            goneFolders.append(id);
    }
    std::sort(goneFolders.begin(), goneFolders.end(),
              [this](const QUuid& a, const QUuid& b) { return sharedDepth(a) > sharedDepth(b); });
    for (const QUuid& id : std::as_const(goneFolders)) {
        Node* node = m_folderNodes.value(id);
        if (node && !node->children.empty())
            continue; // still holds rows: kept, so no row is left without its folder
        m_sharedFolders.remove(id);
        m_sharedRoot.remove(id);
        if (node)
            removeNode(node);
    }
}

void ConnectionTreeModel::removeSharedFolder(const QUuid& rootId)
{
    Node* node = m_folderNodes.value(rootId);
    if (!node || !m_sharedWritable.contains(rootId))
        return;
    beginRemoveRows({}, node->row, node->row);
    for (auto it = m_sharedRoot.begin(); it != m_sharedRoot.end();) {
        if (it.value() == rootId) {
            m_sharedFolders.remove(it.key());
            m_sharedConnections.remove(it.key());
            m_credentialsMissing.remove(it.key());
            m_conflictCopies.remove(it.key());
            m_folderNodes.remove(it.key());
            m_connectionNodes.remove(it.key());
            it = m_sharedRoot.erase(it);
        } else {
            ++it;
        }
    }
    m_sharedWritable.remove(rootId);
    const int row = node->row;
    m_root->children.erase(m_root->children.begin() + row);
    for (std::size_t i = std::size_t(row); i < m_root->children.size(); ++i)
        m_root->children[i]->row = int(i);
    endRemoveRows();
}

void ConnectionTreeModel::clearShared()
{
    for (const QUuid& id : sharedFolderIds())
        removeSharedFolder(id);
    m_credentialsMissing.clear();
    m_conflictCopies.clear();
}

const ConnectionTreeModel::ConflictCopy* ConnectionTreeModel::conflictCopy(const QUuid& connectionId) const
{
    const auto it = m_conflictCopies.constFind(connectionId);
    return it == m_conflictCopies.cend() ? nullptr : &*it;
}

QString ConnectionTreeModel::conflictText(const QUuid& connectionId) const
{
    const ConflictCopy* copy = conflictCopy(connectionId);
    if (!copy)
        return {};
    // The original as the tree shows it now: renamed meanwhile, the new name; deleted, said so.
    const auto original = m_sharedConnections.constFind(copy->original);
    const bool held = original != m_sharedConnections.cend() &&
                      m_sharedRoot.value(copy->original) == sharedRootOf(connectionId);
    if (!copy->at.isValid()) {
        return held ? tr("A conflict copy of “%1”: the same field was changed here and by someone else at "
                         "the same time. Compare the two, keep what you need in “%1” and delete this copy.")
                          .arg(original->name)
                    : tr("A conflict copy of a connection that is no longer in this folder: the same field "
                         "was changed here and by someone else at the same time.");
    }
    const QString when = QLocale().toString(copy->at.toLocalTime(), QLocale::ShortFormat);
    return held ? tr("A conflict copy of “%1”, made on %2: the same field was changed here and by someone "
                     "else at the same time. Compare the two, keep what you need in “%1” and delete this "
                     "copy.")
                      .arg(original->name, when)
                : tr("A conflict copy of a connection that is no longer in this folder, made on %1: the same "
                     "field was changed here and by someone else at the same time.")
                      .arg(when);
}

void ConnectionTreeModel::setCredentialsMissing(const QSet<QUuid>& connectionIds)
{
    const QSet<QUuid> changed =
        (connectionIds - m_credentialsMissing) + (m_credentialsMissing - connectionIds);
    m_credentialsMissing = connectionIds;
    QList<const Node*> nodes;
    for (const QUuid& id : changed) {
        if (const Node* node = m_connectionNodes.value(id); node && node->parent)
            nodes.append(node);
    }
    announceChanged(nodes);
}

void ConnectionTreeModel::insertSharedNodes(const QUuid& rootId)
{
    // Within rebuild()'s reset: no row signals.
    QList<QUuid> folderIds;
    for (auto it = m_sharedRoot.cbegin(); it != m_sharedRoot.cend(); ++it) {
        if (it.value() == rootId && m_sharedFolders.contains(it.key()))
            folderIds.append(it.key());
    }
    std::sort(folderIds.begin(), folderIds.end(),
              [this](const QUuid& a, const QUuid& b) { return sharedDepth(a) < sharedDepth(b); });
    for (const QUuid& id : std::as_const(folderIds)) {
        const Folder& f = m_sharedFolders[id];
        auto node = std::make_unique<Node>();
        node->isFolder = true;
        node->id = id;
        node->searchText = f.name.toCaseFolded();
        Node* parentNode = f.parentId.isNull() ? m_root.get() : parentNodeForFolderId(f.parentId);
        node->parent = parentNode;
        node->row = int(parentNode->children.size());
        m_folderNodes.insert(id, node.get());
        parentNode->children.push_back(std::move(node));
    }
    for (auto it = m_sharedConnections.cbegin(); it != m_sharedConnections.cend(); ++it) {
        if (m_sharedRoot.value(it.key()) != rootId)
            continue;
        auto node = std::make_unique<Node>();
        node->id = it.key();
        node->searchText = searchTextFor(*it);
        Node* parentNode = parentNodeForFolderId(it->folderId);
        node->parent = parentNode;
        node->row = int(parentNode->children.size());
        m_connectionNodes.insert(it.key(), node.get());
        parentNode->children.push_back(std::move(node));
    }
}

QList<Folder> ConnectionTreeModel::folders() const
{
    return m_repository->folders();
}

QList<Connection> ConnectionTreeModel::connections() const
{
    return m_repository->connections();
}

int ConnectionTreeModel::folderCount() const
{
    return m_repository->folderCount();
}

int ConnectionTreeModel::connectionCount() const
{
    return m_repository->connectionCount();
}

void ConnectionTreeModel::rebuild()
{
    beginResetModel();
    m_root->children.clear();
    m_folderNodes.clear();
    m_connectionNodes.clear();

    // Folders first, parents before children; a folder whose parent is missing (should
    // not happen with a healthy store) goes to the top level rather than disappearing.
    for (auto it = m_folders.cbegin(); it != m_folders.cend(); ++it) {
        auto node = std::make_unique<Node>();
        node->isFolder = true;
        node->id = it.key();
        node->searchText = it.value().name.toCaseFolded();
        m_folderNodes.insert(it.key(), node.get());
        node.release(); // owned by its parent once linked below
    }
    for (auto it = m_folders.cbegin(); it != m_folders.cend(); ++it) {
        Node* node = m_folderNodes.value(it.key());
        Node* parentNode = m_root.get();
        const QUuid parentId = it.value().parentId;
        if (!parentId.isNull() && m_folderNodes.contains(parentId) && !isWithin(parentId, it.key()))
            parentNode = m_folderNodes.value(parentId);
        node->parent = parentNode;
        node->row = int(parentNode->children.size());
        parentNode->children.emplace_back(node);
    }
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        auto node = std::make_unique<Node>();
        node->id = it.key();
        node->searchText = searchTextFor(it.value());
        Node* parentNode = parentNodeForFolderId(it.value().folderId);
        node->parent = parentNode;
        node->row = int(parentNode->children.size());
        m_connectionNodes.insert(it.key(), node.get());
        parentNode->children.push_back(std::move(node));
    }
    for (const QUuid& rootId : m_sharedWritable.keys())
        insertSharedNodes(rootId);
    endResetModel();
}

void ConnectionTreeModel::collectDescendants(const QUuid& folderId, QList<QUuid>& folders,
                                             QList<QUuid>& connections) const
{
    const Node* node = m_folderNodes.value(folderId);
    if (!node)
        return;
    for (const auto& child : node->children) {
        if (child->isFolder) {
            folders.append(child->id);
            collectDescendants(child->id, folders, connections);
        } else {
            connections.append(child->id);
        }
    }
}

bool ConnectionTreeModel::isWithin(const QUuid& folderId, const QUuid& ancestorId) const
{
    if (!m_sharedFolders.contains(folderId))
        return m_repository->isWithin(folderId, ancestorId);
    for (QUuid id = folderId; !id.isNull();) {
        if (id == ancestorId)
            return true;
        const auto it = m_sharedFolders.constFind(id);
        if (it == m_sharedFolders.cend())
            return false;
        id = it->parentId;
    }
    return false;
}

QString ConnectionTreeModel::folderPath(const QUuid& folderId) const
{
    if (!m_sharedFolders.contains(folderId))
        return m_repository->folderPath(folderId);
    QStringList names;
    for (QUuid id = folderId; !id.isNull() && names.size() < 1000;) {
        const auto it = m_sharedFolders.constFind(id);
        if (it == m_sharedFolders.cend())
            break;
        names.prepend(it->name);
        id = it->parentId;
    }
    return names.join(QStringLiteral(" / "));
}

ConnectionTreeModel::Node* ConnectionTreeModel::parentNodeForFolderId(const QUuid& folderId) const
{
    if (folderId.isNull())
        return m_root.get();
    Node* node = m_folderNodes.value(folderId);
    return node ? node : m_root.get();
}

QModelIndex ConnectionTreeModel::indexForNode(const Node* node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node*>(node));
}

QModelIndex ConnectionTreeModel::indexForFolder(const QUuid& id) const
{
    return indexForNode(m_folderNodes.value(id));
}

QModelIndex ConnectionTreeModel::indexForConnection(const QUuid& id) const
{
    return indexForNode(m_connectionNodes.value(id));
}

ConnectionTreeModel::Node* ConnectionTreeModel::nodeFor(const QModelIndex& index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Node*>(index.internalPointer());
}

void ConnectionTreeModel::insertNode(Node* parentNode, std::unique_ptr<Node> node)
{
    const int row = int(parentNode->children.size());
    beginInsertRows(indexForNode(parentNode), row, row);
    node->parent = parentNode;
    node->row = row;
    parentNode->children.push_back(std::move(node));
    endInsertRows();
}

void ConnectionTreeModel::insertNodes(std::vector<std::unique_ptr<Node>> nodes,
                                      const std::vector<Node*>& parents)
{
    std::vector<Node*> order;
    std::map<Node*, std::vector<std::unique_ptr<Node>>> byParent;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        auto& list = byParent[parents[i]];
        if (list.empty())
            order.push_back(parents[i]);
        list.push_back(std::move(nodes[i]));
    }
    for (Node* parentNode : order) {
        auto& list = byParent[parentNode];
        const int first = int(parentNode->children.size());
        beginInsertRows(indexForNode(parentNode), first, first + int(list.size()) - 1);
        for (auto& node : list) {
            node->parent = parentNode;
            node->row = int(parentNode->children.size());
            parentNode->children.push_back(std::move(node));
        }
        endInsertRows();
    }
}

void ConnectionTreeModel::announceChanged(QList<const Node*> nodes)
{
    std::sort(nodes.begin(), nodes.end(), [](const Node* a, const Node* b) {
        return a->parent != b->parent ? std::less<>()(a->parent, b->parent) : a->row < b->row;
    });
    for (qsizetype i = 0; i < nodes.size();) {
        const Node* first = nodes[i];
        const Node* last = first;
        for (++i; i < nodes.size() && nodes[i]->parent == first->parent && nodes[i]->row <= last->row + 1;
             ++i)
            last = nodes[i];
        emit dataChanged(indexForNode(first), indexForNode(last));
    }
}

void ConnectionTreeModel::moveNode(Node* node, Node* newParent)
{
    Node* oldParent = node->parent;
    if (oldParent == newParent)
        return;
    const int from = node->row;
    const int to = int(newParent->children.size());
    if (!beginMoveRows(indexForNode(oldParent), from, from, indexForNode(newParent), to))
        return; // a folder into itself; callers check this first
    std::unique_ptr<Node> owned = std::move(oldParent->children[std::size_t(from)]);
    oldParent->children.erase(oldParent->children.begin() + from);
    for (std::size_t i = std::size_t(from); i < oldParent->children.size(); ++i)
        oldParent->children[i]->row = int(i);
    owned->parent = newParent;
    owned->row = to;
    newParent->children.push_back(std::move(owned));
    endMoveRows();
}

void ConnectionTreeModel::removeNode(Node* node)
{
    Node* parentNode = node->parent;
    const int row = node->row;
    beginRemoveRows(indexForNode(parentNode), row, row);
    // The repository has dropped the row already, so slots on rowsRemoved see the new counts.
    if (node->isFolder)
        m_folderNodes.remove(node->id);
    else
        m_connectionNodes.remove(node->id);
    parentNode->children.erase(parentNode->children.begin() + row);
    for (std::size_t i = std::size_t(row); i < parentNode->children.size(); ++i)
        parentNode->children[i]->row = int(i);
    endRemoveRows();
}

void ConnectionTreeModel::upsertFolderNode(const Folder& folder)
{
    Node* newParent = parentNodeForFolderId(folder.parentId);
    if (!m_folderNodes.contains(folder.id)) {
        auto node = std::make_unique<Node>();
        node->isFolder = true;
        node->id = folder.id;
        node->searchText = folder.name.toCaseFolded();
        m_folderNodes.insert(folder.id, node.get());
        insertNode(newParent, std::move(node));
        return;
    }
    Node* node = m_folderNodes.value(folder.id);
    node->searchText = folder.name.toCaseFolded();
    moveNode(node, newParent);
    const QModelIndex index = indexForNode(node);
    emit dataChanged(index, index);
}

void ConnectionTreeModel::upsertConnectionNode(const Connection& connection)
{
    Node* newParent = parentNodeForFolderId(connection.folderId);
    if (!m_connectionNodes.contains(connection.id)) {
        auto node = std::make_unique<Node>();
        node->id = connection.id;
        node->searchText = searchTextFor(connection);
        m_connectionNodes.insert(connection.id, node.get());
        insertNode(newParent, std::move(node));
        return;
    }
    Node* node = m_connectionNodes.value(connection.id);
    node->searchText = searchTextFor(connection);
    moveNode(node, newParent);
    const QModelIndex index = indexForNode(node);
    emit dataChanged(index, index);
}

void ConnectionTreeModel::follow(const ChangeSet& change)
{
    // The repository has checked the change against the whole tree, so every parent
    // exists by the time its children are placed and every removed folder is empty once
    // the removals below it have been made.
    QList<Folder> pending = change.upsertFolders;
    while (!pending.isEmpty()) {
        QList<Folder> later;
        for (const Folder& f : std::as_const(pending)) {
            if (f.parentId.isNull() || m_folderNodes.contains(f.parentId))
                upsertFolderNode(f);
            else
                later.append(f);
        }
        if (later.size() == pending.size()) { // parents missing: checked, so unreachable
            for (const Folder& f : std::as_const(later))
                upsertFolderNode(f);
            break;
        }
        pending = later;
    }
    for (const Connection& c : change.upsertConnections)
        upsertConnectionNode(c);
    for (const QUuid& id : change.removeConnections) {
        if (Node* node = m_connectionNodes.value(id))
            removeNode(node);
    }
    // Folders children first.
    QList<QUuid> remaining = change.removeFolders;
    while (!remaining.isEmpty()) {
        QList<QUuid> later;
        for (const QUuid& id : std::as_const(remaining)) {
            Node* node = m_folderNodes.value(id);
            if (!node)
                continue;
            if (!node->children.empty()) {
                later.append(id);
                continue;
            }
            removeNode(node);
        }
        if (later.size() == remaining.size()) { // checked, so unreachable; keep the tree whole
            rebuild();
            return;
        }
        remaining = later;
    }
}

QModelIndex ConnectionTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    const Node* parentNode = nodeFor(parent);
    if (!parentNode || !parentNode->isFolder || row >= int(parentNode->children.size()))
        return {};
    return createIndex(row, 0, parentNode->children[std::size_t(row)].get());
}

QModelIndex ConnectionTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const Node* node = nodeFor(child);
    return indexForNode(node->parent);
}

int ConnectionTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node* node = nodeFor(parent);
    return node->isFolder ? int(node->children.size()) : 0;
}

int ConnectionTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QString ConnectionTreeModel::hostSummary(const Connection& connection)
{
    QStringList parts;
    for (const HostPort& hp : connection.hosts) {
        const QString host = hp.host.contains(QLatin1Char(':')) ? u'[' + hp.host + u']' : hp.host;
        if (connection.srv || hp.port == 0)
            parts.append(host);
        else
            parts.append(host + u':' + QString::number(hp.port));
    }
    return parts.join(QStringLiteral(", "));
}

QString ConnectionTreeModel::searchTextFor(const Connection& connection)
{
    QString text = connection.name;
    for (const HostPort& hp : connection.hosts)
        text += u'\n' + hp.host;
    for (const QString& tag : connection.tags)
        text += u'\n' + tag;
    return text.toCaseFolded();
}

QIcon ConnectionTreeModel::kindIcon(ConnectionKind kind)
{
    ensureConclaveResources();
    static const QHash<int, QIcon> icons = [] {
        QHash<int, QIcon> result;
        for (ConnectionKind k : allKinds())
            result.insert(int(k),
                          QIcon(QStringLiteral(":/icons/kind-") + kindScheme(k) + QStringLiteral(".svg")));
        return result;
    }();
    return icons.value(int(kind));
}

QIcon ConnectionTreeModel::markedIcon(ConnectionKind kind, const QString& color)
{
    // The kind's icon with a dot in the connection's colour, so production and staging
    // stand apart in the tree. A handful of kind/colour pairs exist, so they are cached.
    static QHash<QString, QIcon> cache;
    const QString key = kindScheme(kind) + color;
    auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    QPixmap pixmap = kindIcon(kind).pixmap(16, 16);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 1));
    painter.setBrush(QColor(color));
    painter.drawEllipse(QRectF(9.5, 9.5, 6, 6));
    painter.end();
    return *cache.insert(key, QIcon(pixmap));
}

QIcon ConnectionTreeModel::folderIcon()
{
    ensureConclaveResources();
    static const QIcon icon(QStringLiteral(":/icons/folder.svg"));
    return icon;
}

QIcon ConnectionTreeModel::sharedFolderIcon()
{
    // The folder with two heads in its corner: "other people see this too".
    static const QIcon icon = [] {
        QPixmap pixmap = folderIcon().pixmap(16, 16);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(Qt::white, 1));
        painter.setBrush(QColor(QStringLiteral("#2f7ed8")));
        painter.drawEllipse(QRectF(6.5, 8.5, 5, 5));
        painter.drawEllipse(QRectF(10.5, 8.5, 5, 5));
        painter.end();
        return QIcon(pixmap);
    }();
    return icon;
}

QIcon ConnectionTreeModel::appIcon()
{
    ensureConclaveResources();
    static const QIcon icon(QStringLiteral(":/icons/conclave.svg"));
    return icon;
}

const QString& ConnectionTreeModel::searchText(const QModelIndex& index) const
{
    static const QString none;
    return index.isValid() ? nodeFor(index)->searchText : none;
}

bool ConnectionTreeModel::isFolder(const QModelIndex& index) const
{
    if (!index.isValid())
        return false;
    const Node* node = nodeFor(index);
    return node->isFolder && anyFolder(node->id);
}

const QString& ConnectionTreeModel::displayName(const QModelIndex& index) const
{
    static const QString none;
    if (!index.isValid())
        return none;
    const Node* node = nodeFor(index);
    if (node->isFolder) {
        const Folder* f = anyFolder(node->id);
        return f ? f->name : none;
    }
    const Connection* c = anyConnection(node->id);
    return c ? c->name : none;
}

const QUuid& ConnectionTreeModel::nodeId(const QModelIndex& index) const
{
    static const QUuid none;
    if (!index.isValid())
        return none;
    const Node* node = nodeFor(index);
    const bool known = node->isFolder ? anyFolder(node->id) != nullptr : anyConnection(node->id) != nullptr;
    return known ? node->id : none;
}

QVariant ConnectionTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node* node = nodeFor(index);
    // The filter asks for this on every row at every keystroke: answer without a lookup.
    if (role == SearchTextRole)
        return node->searchText;
    const QUuid sharedRoot = m_sharedRoot.value(node->id);
    const bool shared = !sharedRoot.isNull();
    const bool readOnlyShared = shared && !m_sharedWritable.value(sharedRoot, false);
    if (role == SharedRole)
        return shared;
    if (role == SharedReadOnlyRole)
        return readOnlyShared;
    const QString viewOnly = tr("You may only view this shared folder: a manager of it can give you the "
                                "right to edit.");
    if (node->isFolder) {
        const Folder* it = anyFolder(node->id);
        if (!it)
            return {};
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return it->name;
        case Qt::DecorationRole:
            return node->id == sharedRoot ? sharedFolderIcon() : folderIcon();
        case Qt::ToolTipRole:
            if (node->id != sharedRoot)
                return readOnlyShared ? viewOnly : QVariant();
            return readOnlyShared ? tr("Shared folder. %1").arg(viewOnly)
                                  : tr("Shared folder: the members of it see what you change here.");
        case IdRole:
            return node->id;
        case IsFolderRole:
            return true;
        default:
            return {};
        }
    }
    const Connection* it = anyConnection(node->id);
    if (!it)
        return {};
    const bool missing = m_credentialsMissing.contains(node->id);
    switch (role) {
    case Qt::DisplayRole:
        if (const ConflictCopy* copy = conflictCopy(node->id)) {
            // As file-syncing tools name theirs: the name, then that it is a copy and when.
            if (!copy->at.isValid())
                return tr("%1 (conflict)").arg(it->name);
            const QDateTime local = copy->at.toLocalTime();
            const QString when = local.date() == QDate::currentDate()
                                     ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                     : QLocale().toString(local.date(), QLocale::ShortFormat);
            return tr("%1 (conflict, %2)").arg(it->name, when);
        }
        return it->name;
    case Qt::EditRole:
        return it->name;
    case Qt::DecorationRole:
        if (missing) {
            // The theme's warning icon where there is one; the style's (every platform has
            // one) elsewhere, so the marker never falls back to the unmarked kind icon.
            if (QIcon::hasThemeIcon(QStringLiteral("dialog-warning")))
                return QIcon::fromTheme(QStringLiteral("dialog-warning"));
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return it->color.isEmpty() ? kindIcon(it->kind) : markedIcon(it->kind, it->color);
    case Qt::ToolTipRole: {
        QString tip = tr("%1 at %2").arg(kindDisplayName(it->kind), hostSummary(*it));
        if (const QString conflict = conflictText(node->id); !conflict.isEmpty())
            tip += u'\n' + conflict;
        if (missing)
            tip += u'\n' + tr("Your own user name and password for this shared connection are missing: "
                              "edit it to enter them (they stay in your keychain).");
        if (readOnlyShared)
            tip += u'\n' + viewOnly;
        // Another member's connection names are in it: plain text, never markup.
        return Qt::convertFromPlainText(tip, Qt::WhiteSpaceNormal);
    }
    case IdRole:
        return node->id;
    case IsFolderRole:
        return false;
    case KindRole:
        return int(it->kind);
    case HostRole:
        return hostSummary(*it);
    default:
        return {};
    }
}

bool ConnectionTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Node* node = nodeFor(index);
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return false;
    if (m_renameHandler) {
        m_renameHandler(node->id, name);
        return true;
    }
    if (isShared(node->id))
        return false; // only through the handler, which writes to the sync engine
    ChangeSet change;
    if (node->isFolder) {
        change.upsertFolders.append(m_folders.value(node->id));
        change.upsertFolders.last().name = name;
    } else {
        change.upsertConnections.append(m_connections.value(node->id));
        change.upsertConnections.last().name = name;
    }
    return m_repository->apply(change).ok();
}

Qt::ItemFlags ConnectionTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return isReadOnly() ? Qt::NoItemFlags : Qt::ItemIsDropEnabled;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Node* node = nodeFor(index);
    const QUuid sharedRoot = m_sharedRoot.value(node->id);
    if (!sharedRoot.isNull()) {
        if (!m_sharedWritable.value(sharedRoot, false))
            return result; // View: nothing to change, drag or drop
        if (node->id == sharedRoot)
            return result | Qt::ItemIsDropEnabled; // its name is the folder's own item
        result |= Qt::ItemIsDragEnabled | Qt::ItemIsEditable;
        if (node->isFolder)
            result |= Qt::ItemIsDropEnabled;
        return result;
    }
    if (isReadOnly())
        return result;
    result |= Qt::ItemIsDragEnabled | Qt::ItemIsEditable; // names are renamed in place (F2)
    if (nodeFor(index)->isFolder)
        result |= Qt::ItemIsDropEnabled;
    return result;
}

QVariant ConnectionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Name");
    return {};
}

Qt::DropActions ConnectionTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions ConnectionTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList ConnectionTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData* ConnectionTreeModel::mimeData(const QModelIndexList& indexes) const
{
    // Only ids travel: a drag never carries connection details, let alone secrets.
    QByteArray payload;
    QDataStream stream(&payload, QIODevice::WriteOnly);
    QSet<const Node*> seen;
    for (const QModelIndex& index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const Node* node = nodeFor(index);
        if (seen.contains(node))
            continue;
        seen.insert(node);
        stream << node->isFolder << node->id;
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), payload);
    return mime;
}

bool ConnectionTreeModel::decodeMime(const QMimeData* data, MoveRequest& request) const
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return false;
    QByteArray payload = data->data(QString::fromLatin1(kMimeType));
    QDataStream stream(&payload, QIODevice::ReadOnly);
    while (!stream.atEnd()) {
        bool isFolder = false;
        QUuid id;
        stream >> isFolder >> id;
        if (stream.status() != QDataStream::Ok)
            return false;
        if (isFolder && anyFolder(id))
            request.folders.append(id);
        else if (!isFolder && anyConnection(id))
            request.connections.append(id);
    }
    // A folder dragged along with its own contents moves them implicitly; listing the
    // children too would flatten them into the target.
    const QList<QUuid> draggedFolders = request.folders;
    auto coveredByOther = [&](const QUuid& parentId, const QUuid& self) {
        for (const QUuid& f : draggedFolders) {
            if (f != self && isWithin(parentId, f))
                return true;
        }
        return false;
    };
    request.folders.removeIf([&](const QUuid& id) { return coveredByOther(anyFolder(id)->parentId, id); });
    request.connections.removeIf(
        [&](const QUuid& id) { return coveredByOther(anyConnection(id)->folderId, QUuid()); });
    return !request.folders.isEmpty() || !request.connections.isEmpty();
}

QUuid ConnectionTreeModel::targetFolderFor(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return {};
    const Node* node = nodeFor(parent);
    if (node->isFolder)
        return node->id;
    // Dropped onto a connection: into the folder that holds it.
    return node->parent == m_root.get() ? QUuid() : node->parent->id;
}

bool ConnectionTreeModel::dropAllowed(const QMimeData* data, Qt::DropAction action, const QModelIndex& parent,
                                      DropRefusal& why) const
{
    why = DropRefusal::None;
    if (isReadOnly() || action != Qt::MoveAction)
        return false;
    MoveRequest request;
    if (!decodeMime(data, request))
        return false;
    const QUuid target = targetFolderFor(parent);
    for (const QUuid& f : request.folders) {
        if (isWithin(target, f))
            return false;
    }
    // Within the local tree, within one shared folder the user may edit, or local connections
    // into a shared folder (the handler asks first); never out of a shared folder, and never
    // the shared folder itself.
    const QUuid space = sharedRootOf(target);
    bool fromShared = false;
    bool fromLocal = false;
    for (const QUuid& id : request.folders + request.connections) {
        const QUuid from = sharedRootOf(id);
        if (!from.isNull() && id == from)
            return false;
        if (!from.isNull() && from != space) {
            why = DropRefusal::LeavesSharedFolder;
            return false;
        }
        fromShared = fromShared || !from.isNull();
        fromLocal = fromLocal || from.isNull();
    }
    if (space.isNull())
        return true;
    if (!isSharedWritable(space)) {
        why = DropRefusal::ViewOnly;
        return false;
    }
    if (fromLocal && fromShared) {
        why = DropRefusal::MixedIntoShared;
        return false;
    }
    if (fromLocal && !request.folders.isEmpty()) {
        why = DropRefusal::FolderIntoShared;
        return false;
    }
    return true;
}

bool ConnectionTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                          const QModelIndex& parent) const
{
    DropRefusal why = DropRefusal::None;
    const bool allowed = dropAllowed(data, action, parent, why);
    // The view asks on every move of a drag: the window says why while the cursor shows "no".
    if (m_dropRefusalHandler && (allowed || why != DropRefusal::None))
        m_dropRefusalHandler(why);
    return allowed;
}

bool ConnectionTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                       const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    MoveRequest request;
    decodeMime(data, request);
    request.targetFolder = targetFolderFor(parent);
    if (m_moveHandler) {
        m_moveHandler(request);
        // The rows are moved here, not copied: the view's follow-up removeRows() for a
        // MoveAction finds nothing to do because this model does not implement it.
        return true;
    }
    if (!sharedRootOf(request.targetFolder).isNull())
        return false; // shared folders change only through the handler
    for (const QUuid& id : request.folders + request.connections) {
        if (isShared(id))
            return false;
    }
    ChangeSet change;
    for (const QUuid& id : request.folders) {
        Folder f = m_folders.value(id);
        f.parentId = request.targetFolder;
        change.upsertFolders.append(f);
    }
    for (const QUuid& id : request.connections) {
        Connection c = m_connections.value(id);
        c.folderId = request.targetFolder;
        change.upsertConnections.append(c);
    }
    return m_repository->apply(change).ok();
}

} // namespace Conclave::Gui
