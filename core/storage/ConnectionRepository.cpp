// ConnectionRepository: see the header. Checking happens in memory first so that the
// common refusals (a folder into itself, a target that is gone) cost no database round
// trip; the transaction is the final word for everything the database itself enforces.
#include "core/storage/ConnectionRepository.h"

#include "core/storage/ConnectionStore.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::ConnectionRepository)
};

} // namespace

std::unique_ptr<ConnectionRepository> ConnectionRepository::open(const QString& path, QObject* parent)
{
    Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
    if (!store) {
        qCWarning(lcCoreStore) << "connection store could not be opened:"
                               << errorCodeName(store.error().code);
        auto repository = std::make_unique<ConnectionRepository>(nullptr, parent);
        repository->m_openStatus = store.error();
        repository->m_path = path;
        return repository;
    }
    return std::make_unique<ConnectionRepository>(std::move(store).value(), parent);
}

ConnectionRepository::ConnectionRepository(std::unique_ptr<ConnectionStore> store, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store))
{
    if (m_store)
        m_path = m_store->path();
    load();
}

ConnectionRepository::~ConnectionRepository() = default;

void ConnectionRepository::load()
{
    if (!m_store)
        return;
    Result<QList<Folder>> folders = m_store->folders();
    Result<QList<Connection>> connections = m_store->connections();
    if (!folders) {
        m_loadStatus = folders.error();
        return;
    }
    if (!connections) {
        m_loadStatus = connections.error();
        return;
    }
    m_folders.reserve(folders->size());
    for (Folder& folder : *folders)
        m_folders.insert(folder.id, std::move(folder));
    m_connections.reserve(connections->size());
    for (Connection& connection : *connections)
        m_connections.insert(connection.id, std::move(connection));
    // A Trash that cannot be read costs the Trash only, never the live list.
    if (Result<QList<TrashedItem>> trash = m_store->trash(); trash.ok()) {
        for (TrashedItem& item : *trash)
            m_trash.insert(item.id(), std::move(item));
    } else {
        qCWarning(lcCoreStore) << "the Trash could not be read:" << errorCodeName(trash.error().code);
    }
    qCInfo(lcCoreStore) << "loaded" << m_connections.size() << "connections in" << m_folders.size()
                        << "folders";
}

const Folder* ConnectionRepository::folder(const QUuid& id) const
{
    auto it = m_folders.constFind(id);
    return it == m_folders.cend() ? nullptr : &it.value();
}

const Connection* ConnectionRepository::connection(const QUuid& id) const
{
    auto it = m_connections.constFind(id);
    return it == m_connections.cend() ? nullptr : &it.value();
}

bool ConnectionRepository::isWithin(const QUuid& folderId, const QUuid& ancestorId) const
{
    QUuid current = folderId;
    QSet<QUuid> seen; // a damaged store could hold a cycle
    while (!current.isNull() && !seen.contains(current)) {
        if (current == ancestorId)
            return true;
        seen.insert(current);
        auto it = m_folders.constFind(current);
        if (it == m_folders.cend())
            return false;
        current = it->parentId;
    }
    return false;
}

QString ConnectionRepository::folderPath(const QUuid& folderId) const
{
    QStringList parts;
    QUuid current = folderId;
    QSet<QUuid> seen;
    while (!current.isNull() && !seen.contains(current)) {
        seen.insert(current);
        auto it = m_folders.constFind(current);
        if (it == m_folders.cend())
            break;
        parts.prepend(it->name);
        current = it->parentId;
    }
    return parts.join(QStringLiteral(" / "));
}

Status ConnectionRepository::check(const ChangeSet& change) const
{
    if (!m_store) {
        return Error::make(
            ErrorCode::Denied,
            Tr::tr("The connection list is read-only because its database could not be opened."));
    }
    const QSet<QUuid> removedFolders(change.removeFolders.cbegin(), change.removeFolders.cend());
    const QSet<QUuid> removedConnections(change.removeConnections.cbegin(), change.removeConnections.cend());
    QHash<QUuid, QUuid> parentAfter; // folder -> parent once this change is applied
    for (auto it = m_folders.cbegin(); it != m_folders.cend(); ++it)
        parentAfter.insert(it.key(), it->parentId);
    for (const Folder& f : change.upsertFolders)
        parentAfter.insert(f.id, f.parentId);
    for (const QUuid& id : change.removeFolders)
        parentAfter.remove(id);
    for (const Folder& f : change.upsertFolders) {
        QUuid current = f.parentId;
        int steps = 0;
        while (!current.isNull()) {
            if (current == f.id || ++steps > parentAfter.size()) {
                return Error::make(ErrorCode::InvalidInput, Tr::tr("A folder cannot be moved into itself."),
                                   QStringLiteral("parentId"));
            }
            if (!parentAfter.contains(current)) {
                return Error::make(ErrorCode::NotFound, Tr::tr("The target folder no longer exists."),
                                   QStringLiteral("parentId"));
            }
            current = parentAfter.value(current);
        }
    }
    QSet<QUuid> upsertedConnections;
    for (const Connection& c : change.upsertConnections) {
        upsertedConnections.insert(c.id);
        if (!c.folderId.isNull() && !parentAfter.contains(c.folderId))
            return Error::make(ErrorCode::NotFound, Tr::tr("The target folder no longer exists."),
                               QStringLiteral("folderId"));
    }
    if (removedFolders.isEmpty())
        return {};
    // A removed folder takes what it holds along in the database (the foreign keys
    // cascade); anything the change does not remove or move out itself would vanish
    // unannounced, so such a change is refused.
    const Error stillHolds =
        Error::make(ErrorCode::InvalidInput, Tr::tr("A folder that still holds connections was not removed."),
                    QStringLiteral("folder"));
    for (auto it = parentAfter.cbegin(); it != parentAfter.cend(); ++it) {
        if (removedFolders.contains(it.value()))
            return stillHolds;
    }
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (removedFolders.contains(it->folderId) && !removedConnections.contains(it.key()) &&
            !upsertedConnections.contains(it.key()))
            return stillHolds;
    }
    return {};
}

Status ConnectionRepository::apply(const ChangeSet& change)
{
    if (change.isEmpty())
        return {};
    ChangeSet stamped = change;
    if (stamped.removeToTrash && !stamped.trashedAt.isValid())
        stamped.trashedAt = QDateTime::currentDateTimeUtc();
    Status status = check(stamped);
    if (status.ok())
        status = m_store->apply(stamped);
    if (!status.ok()) {
        qCWarning(lcCoreStore) << "change refused:" << errorCodeName(status.error().code);
        Q_EMIT changeRefused(status.error().message);
        return status;
    }
    bool trashTouched = false;
    if (change.removeToTrash) {
        for (const QUuid& id : change.removeConnections) {
            if (auto it = m_connections.constFind(id); it != m_connections.cend()) {
                TrashedItem item;
                item.connection = *it;
                item.deletedAt = stamped.trashedAt;
                m_trash.insert(id, item);
                trashTouched = true;
            }
        }
        for (const QUuid& id : change.removeFolders) {
            if (auto it = m_folders.constFind(id); it != m_folders.cend()) {
                TrashedItem item;
                item.isFolder = true;
                item.folder = *it;
                item.deletedAt = stamped.trashedAt;
                m_trash.insert(id, item);
                trashTouched = true;
            }
        }
    }
    for (const QUuid& id : change.dropFromTrash)
        trashTouched = m_trash.remove(id) || trashTouched;
    for (const Folder& f : change.upsertFolders)
        m_folders.insert(f.id, f);
    for (const Connection& c : change.upsertConnections)
        m_connections.insert(c.id, c);
    for (const QUuid& id : change.removeConnections)
        m_connections.remove(id);
    for (const QUuid& id : change.removeFolders)
        m_folders.remove(id);
    Q_EMIT changed(stamped);
    if (trashTouched)
        Q_EMIT trashChanged();
    return {};
}

QList<TrashedItem> ConnectionRepository::trashEntries() const
{
    QList<TrashedItem> entries;
    for (const TrashedItem& item : m_trash) {
        // Shown under the folder it was deleted with, if that folder is in the Trash from the
        // same delete.
        const auto parent = m_trash.constFind(item.parentId());
        if (parent != m_trash.cend() && parent->isFolder && parent->deletedAt == item.deletedAt)
            continue;
        entries.append(item);
    }
    std::sort(entries.begin(), entries.end(), [](const TrashedItem& a, const TrashedItem& b) {
        if (a.deletedAt != b.deletedAt)
            return a.deletedAt > b.deletedAt;
        if (a.isFolder != b.isFolder)
            return a.isFolder;
        return a.name().localeAwareCompare(b.name()) < 0;
    });
    return entries;
}

ChangeSet ConnectionRepository::restoreChange(const QList<QUuid>& trashIds) const
{
    // The entries, and what was deleted with each: trashed items below it with its time.
    QSet<QUuid> chosen;
    QList<QUuid> pending;
    for (const QUuid& id : trashIds) {
        if (m_trash.contains(id) && !chosen.contains(id)) {
            chosen.insert(id);
            pending.append(id);
        }
    }
    QHash<QUuid, QList<QUuid>> childrenOf;
    for (const TrashedItem& item : m_trash)
        childrenOf[item.parentId()].append(item.id());
    while (!pending.isEmpty()) {
        const TrashedItem& item = m_trash[pending.takeLast()];
        if (!item.isFolder)
            continue;
        for (const QUuid& childId : childrenOf.value(item.folder.id)) {
            if (!chosen.contains(childId) && m_trash[childId].deletedAt == item.deletedAt) {
                chosen.insert(childId);
                pending.append(childId);
            }
        }
    }
    // The folders they were in come back too when those are in the Trash; a folder that is
    // neither here nor in the Trash is gone, and what was in it goes to the top level.
    const QList<QUuid> picked(chosen.cbegin(), chosen.cend());
    for (const QUuid& id : picked) {
        QUuid parent = m_trash[id].parentId();
        int steps = 0;
        while (!parent.isNull() && !m_folders.contains(parent) && m_trash.contains(parent) &&
               m_trash[parent].isFolder && !chosen.contains(parent) && ++steps <= m_trash.size()) {
            chosen.insert(parent);
            parent = m_trash[parent].folder.parentId;
        }
    }
    auto placed = [&](const QUuid& parent) {
        return parent.isNull() || m_folders.contains(parent) || chosen.contains(parent) ? parent : QUuid();
    };
    ChangeSet change;
    for (const QUuid& id : std::as_const(chosen)) {
        const TrashedItem& item = m_trash[id];
        if (item.isFolder) {
            Folder folder = item.folder;
            folder.parentId = placed(folder.parentId);
            change.upsertFolders.append(folder);
        } else {
            Connection connection = item.connection;
            connection.folderId = placed(connection.folderId);
            change.upsertConnections.append(connection);
        }
        change.dropFromTrash.append(id);
    }
    return change;
}

ChangeSet ConnectionRepository::emptyTrashChange() const
{
    ChangeSet change;
    for (auto it = m_trash.cbegin(); it != m_trash.cend(); ++it)
        change.dropFromTrash.append(it.key());
    return change;
}

} // namespace Conclave::Core
