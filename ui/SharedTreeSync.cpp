// SharedTreeSync: see the header.
#include "ui/SharedTreeSync.h"

#include "core/crypto/SensitiveBytes.h"
#include "core/keychain/SharedCredentials.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/GuiLogging.h"

#include <QSet>

#include <memory>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

Error notSignedIn()
{
    return Error::make(ErrorCode::Unavailable,
                       SharedTreeSync::tr("Team Sharing is not ready: sign in first."));
}

Error viewOnly()
{
    return Error::make(ErrorCode::Denied, SharedTreeSync::tr("You may only view this shared folder."));
}

} // namespace

SharedTreeSync::SharedTreeSync(ConnectionTreeModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
{}

SharedTreeSync::~SharedTreeSync() = default;

void SharedTreeSync::setEngine(SyncEngine* engine, const QUuid& self)
{
    m_self = self;
    if (m_engine == engine)
        return;
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_items.clear();
    m_info.clear();
    m_unreadable.clear();
    m_missing.clear();
    m_users.clear();
    m_model->clearShared();
    if (!m_engine)
        return;
    connect(m_engine, &SyncEngine::folderChanged, this, &SharedTreeSync::refresh);
    connect(m_engine, &SyncEngine::folderRemoved, this, [this](const QUuid& folderId) {
        // Removed from the folder (or it was deleted): the user's own credentials for its
        // connections have nothing left to open.
        QList<QUuid> gone;
        for (auto it = m_info.cbegin(); it != m_info.cend(); ++it) {
            if (it->folderId == folderId)
                gone.append(it.key());
        }
        forgetCredentials(folderId, gone);
        for (auto it = m_items.begin(); it != m_items.end();) {
            if (m_info.value(it.key()).folderId == folderId) {
                m_info.remove(it.key());
                it = m_items.erase(it);
            } else {
                ++it;
            }
        }
        m_unreadable.remove(folderId);
        m_model->removeSharedFolder(folderId);
        emit sharedChanged(folderId);
    });
    // An engine gone without a word (destroyed): nothing of it may stay on screen.
    connect(m_engine, &QObject::destroyed, this, [this] {
        m_items.clear();
        m_info.clear();
        m_unreadable.clear();
        m_model->clearShared();
    });
    for (const QUuid& folderId : m_engine->folderIds())
        refresh(folderId);
}

const SharedTreeSync::ItemInfo* SharedTreeSync::info(const QUuid& connectionId) const
{
    const auto it = m_info.constFind(connectionId);
    return it == m_info.cend() ? nullptr : &*it;
}

FolderRole SharedTreeSync::roleIn(const QUuid& sharedFolderId) const
{
    return m_engine ? m_engine->roleIn(sharedFolderId) : FolderRole::None;
}

QString SharedTreeSync::personName(const QUuid& userId) const
{
    if (userId.isNull())
        return tr("someone unknown");
    // The address the server names for a member of a held folder; else the id, shortened.
    if (m_engine) {
        if (const QString email = m_engine->emailOf(userId); !email.isEmpty())
            return email;
    }
    return userId.toString(QUuid::Id128).left(8);
}

QUuid SharedTreeSync::groupFolderId(const QUuid& sharedFolderId, const QString& path)
{
    if (path.isEmpty())
        return sharedFolderId;
    return QUuid::createUuidV5(sharedFolderId, path);
}

QString SharedTreeSync::groupOf(const QUuid& folderId) const
{
    const QUuid root = m_model->sharedRootOf(folderId);
    QStringList names;
    for (QUuid id = folderId; !id.isNull() && id != root && names.size() < 1000;) {
        const Folder* f = m_model->folder(id);
        if (!f)
            break;
        names.prepend(f->name);
        id = f->parentId;
    }
    return names.join(QLatin1Char('/'));
}

void SharedTreeSync::refresh(const QUuid& folderId)
{
    if (!m_engine)
        return;
    Folder root;
    root.id = folderId;
    root.name = m_engine->folderName(folderId);
    if (root.name.isEmpty())
        root.name = tr("Shared folder");
    QHash<QString, Folder> groups;
    QList<Connection> connections;
    int unreadable = 0;
    QSet<QUuid> before;
    for (auto it = m_info.cbegin(); it != m_info.cend(); ++it) {
        if (it->folderId == folderId)
            before.insert(it.key());
    }
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (m_info.value(it.key()).folderId == folderId) {
            m_info.remove(it.key());
            it = m_items.erase(it);
        } else {
            ++it;
        }
    }
    for (const QUuid& itemId : m_engine->itemIds(folderId)) {
        const SensitiveBytes* plaintext = m_engine->itemPlaintext(folderId, itemId);
        if (!plaintext)
            continue;
        Result<SharedConnection> decoded = SharedConnection::decode(plaintext->view(), itemId);
        if (!decoded) {
            // Kept out of the tree, said once in the log by id (never the content).
            ++unreadable;
            qCWarning(lcGui) << "a shared item could not be read:" << idText(itemId) << decoded.error().field;
            continue;
        }
        const QStringList segments = SharedConnection::groupSegments(decoded->group);
        QString path;
        QUuid parent = folderId;
        for (const QString& name : segments) {
            path = path.isEmpty() ? name : path + u'/' + name;
            if (!groups.contains(path)) {
                Folder group;
                group.id = groupFolderId(folderId, path);
                group.parentId = parent;
                group.name = name;
                groups.insert(path, group);
            }
            parent = groups.value(path).id;
        }
        Connection connection = decoded->connection;
        connection.folderId = parent;
        connection.created = decoded->createdAt;
        connection.modified = decoded->changedAt;
        connections.append(connection);
        ItemInfo info;
        info.folderId = folderId;
        info.createdBy = decoded->createdBy;
        info.createdAt = decoded->createdAt;
        info.changedBy = m_engine->itemAuthor(folderId, itemId);
        info.changedAt = decoded->changedAt;
        m_info.insert(itemId, info);
        m_items.insert(itemId, std::move(*decoded));
    }
    m_unreadable.insert(folderId, unreadable);
    m_model->setSharedFolder(root, m_engine->roleIn(folderId) >= FolderRole::Edit, groups.values(),
                             connections);
    // A connection deleted (by anyone): its credentials go from this keychain too.
    QList<QUuid> deleted;
    for (const QUuid& id : std::as_const(before)) {
        if (!m_info.contains(id))
            deleted.append(id);
    }
    forgetCredentials(folderId, deleted);
    checkCredentials(folderId);
    emit sharedChanged(folderId);
}

void SharedTreeSync::forgetCredentials(const QUuid& folderId, const QList<QUuid>& itemIds)
{
    for (const QUuid& id : itemIds) {
        m_missing.remove(id);
        m_users.remove(id);
        if (!m_secrets)
            continue;
        for (SharedCredential field : SharedCredentials::kAll)
            m_secrets->removeEntry(SharedCredentials::entryKey(folderId, id, field), this, {});
    }
}

void SharedTreeSync::markMissing(const QUuid& connectionId, bool missing)
{
    if (missing == m_missing.contains(connectionId))
        return;
    if (missing)
        m_missing.insert(connectionId);
    else
        m_missing.remove(connectionId);
    m_model->setCredentialsMissing(m_missing);
}

void SharedTreeSync::checkCredentials(const QUuid& sharedFolderId)
{
    if (!m_secrets)
        return;
    for (auto it = m_info.cbegin(); it != m_info.cend(); ++it) {
        if (it->folderId != sharedFolderId)
            continue;
        const QUuid id = it.key();
        m_secrets->readEntry(SharedCredentials::entryKey(sharedFolderId, id, SharedCredential::User), this,
                             [this, id](Result<SecureBytes> user) {
                                 if (!m_info.contains(id))
                                     return;
                                 // Only "not there" marks it: a keychain that is locked says nothing.
                                 if (user.ok()) {
                                     m_users.insert(id, QString::fromUtf8(user->view().toByteArray()));
                                     markMissing(id, user->isEmpty());
                                 } else if (user.error().code == ErrorCode::NotFound)
                                     markMissing(id, true);
                             });
    }
}

void SharedTreeSync::setCredentials(const QUuid& connectionId, Credentials credentials, Done done)
{
    const auto it = m_info.constFind(connectionId);
    if (it == m_info.cend())
        return done(Error::make(ErrorCode::NotFound, tr("The shared connection is no longer there.")));
    if (!m_secrets)
        return done(
            Error::make(ErrorCode::Unavailable, tr("There is no keychain to keep your credentials in.")));
    const QUuid folderId = it->folderId;
    struct Tally
    {
        int pending = 4;
        Status first;
    };
    auto tally = std::make_shared<Tally>();
    auto answer = [this, tally, connectionId, done](Status status) {
        if (!status && tally->first)
            tally->first = status;
        if (--tally->pending > 0)
            return;
        checkCredentials(m_info.value(connectionId).folderId);
        done(tally->first);
    };
    auto put = [&](SharedCredential field, SecureBytes value) {
        const QString key = SharedCredentials::entryKey(folderId, connectionId, field);
        if (value.isEmpty())
            m_secrets->removeEntry(key, this, answer);
        else
            m_secrets->writeEntry(key, std::move(value), this, answer);
    };
    const QByteArray user = credentials.user.toUtf8();
    const QByteArray sshUser = credentials.sshUser.toUtf8();
    put(SharedCredential::User, SecureBytes(user.constData(), std::size_t(user.size())));
    put(SharedCredential::Password, std::move(credentials.password));
    put(SharedCredential::SshUser, SecureBytes(sshUser.constData(), std::size_t(sshUser.size())));
    put(SharedCredential::SshPassphrase, std::move(credentials.sshPassphrase));
}

void SharedTreeSync::writeAll(QList<QPair<QUuid, QByteArray>> writes, const QUuid& folderId, Done done)
{
    if (!m_engine)
        return done(notSignedIn());
    if (writes.isEmpty())
        return done({});
    const QPair<QUuid, QByteArray> next = writes.takeFirst();
    auto rest = [this, writes, folderId, done](Result<QUuid> written) {
        if (!written)
            return done(written.error());
        writeAll(writes, folderId, done);
    };
    if (next.second.isNull()) {
        m_engine->deleteItem(folderId, next.first, this,
                             [rest, id = next.first](Status s) { rest(s ? Result<QUuid>(id) : s.error()); });
    } else {
        m_engine->writeItem(folderId, next.first, next.second, this, rest);
    }
}

void SharedTreeSync::writeConnection(const Connection& edited, Done done, const QString* group)
{
    const auto it = m_items.constFind(edited.id);
    if (!m_engine || it == m_items.cend())
        return done(notSignedIn());
    const QUuid folderId = m_info.value(edited.id).folderId;
    if (m_engine->roleIn(folderId) < FolderRole::Edit)
        return done(viewOnly());
    const SharedConnection next =
        it->edited(edited, group ? *group : it->group, QDateTime::currentDateTimeUtc());
    writeAll({{edited.id, next.encode()}}, folderId, std::move(done));
}

Status SharedTreeSync::saveDraft(const Connection& edited)
{
    const auto it = m_items.constFind(edited.id);
    if (!m_engine || it == m_items.cend())
        return notSignedIn();
    const QUuid folderId = m_info.value(edited.id).folderId;
    if (m_engine->roleIn(folderId) < FolderRole::Edit)
        return viewOnly();
    const SharedConnection next = it->edited(edited, it->group, QDateTime::currentDateTimeUtc());
    return m_engine->saveDraft(folderId, edited.id, next.encode(),
                               m_engine->itemRevision(folderId, edited.id));
}

void SharedTreeSync::deleteItems(const QList<QUuid>& folders, const QList<QUuid>& connections, Done done)
{
    if (!m_engine)
        return done(notSignedIn());
    QSet<QUuid> ids(connections.cbegin(), connections.cend());
    for (const QUuid& folder : folders) {
        QList<QUuid> subFolders;
        QList<QUuid> below;
        m_model->collectDescendants(folder, subFolders, below);
        ids.unite(QSet<QUuid>(below.cbegin(), below.cend()));
    }
    QUuid folderId;
    QList<QPair<QUuid, QByteArray>> writes;
    for (const QUuid& id : std::as_const(ids)) {
        if (!m_items.contains(id))
            continue;
        const QUuid in = m_info.value(id).folderId;
        if (!folderId.isNull() && in != folderId)
            return done(
                Error::make(ErrorCode::InvalidInput, tr("Delete the items of one shared folder at a time.")));
        folderId = in;
        writes.append({id, QByteArray()});
    }
    if (!folderId.isNull() && m_engine->roleIn(folderId) < FolderRole::Edit)
        return done(viewOnly());
    writeAll(writes, folderId, std::move(done));
}

void SharedTreeSync::moveItems(const QList<QUuid>& folders, const QList<QUuid>& connections,
                               const QUuid& target, Done done)
{
    const QUuid root = m_model->sharedRootOf(target);
    if (!m_engine || root.isNull())
        return done(notSignedIn());
    if (m_engine->roleIn(root) < FolderRole::Edit)
        return done(viewOnly());
    const QString targetPath = groupOf(target);
    QList<QPair<QUuid, QByteArray>> writes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto add = [&](const QUuid& id, const QString& group) {
        const auto it = m_items.constFind(id);
        if (it == m_items.cend() || m_info.value(id).folderId != root || it->group == group)
            return;
        writes.append({id, it->edited(it->connection, group, now).encode()});
    };
    for (const QUuid& id : connections)
        add(id, targetPath);
    for (const QUuid& folder : folders) {
        if (folder == root || m_model->sharedRootOf(folder) != root || m_model->isWithin(target, folder))
            continue;
        // The sub-folder exists only through its items: each one's path changes.
        const QString oldPath = groupOf(folder);
        const Folder* f = m_model->folder(folder);
        const QString newPath = targetPath.isEmpty() ? f->name : targetPath + u'/' + f->name;
        QList<QUuid> subFolders;
        QList<QUuid> below;
        m_model->collectDescendants(folder, subFolders, below);
        for (const QUuid& id : std::as_const(below)) {
            const auto it = m_items.constFind(id);
            if (it != m_items.cend())
                add(id, newPath + it->group.mid(oldPath.size()));
        }
    }
    writeAll(writes, root, std::move(done));
}

void SharedTreeSync::rename(const QUuid& id, const QString& name, Done done)
{
    const auto it = m_items.constFind(id);
    if (it != m_items.cend()) {
        Connection renamed = it->connection;
        renamed.name = name;
        return writeConnection(renamed, std::move(done));
    }
    const QUuid root = m_model->sharedRootOf(id);
    if (!m_engine || root.isNull() || id == root)
        return done(notSignedIn());
    if (m_engine->roleIn(root) < FolderRole::Edit)
        return done(viewOnly());
    const QString oldPath = groupOf(id);
    const qsizetype slash = oldPath.lastIndexOf(u'/');
    const QString newPath =
        (slash < 0 ? QString() : oldPath.left(slash + 1)) + name.trimmed().replace(u'/', u'-');
    QList<QUuid> subFolders;
    QList<QUuid> below;
    m_model->collectDescendants(id, subFolders, below);
    QList<QPair<QUuid, QByteArray>> writes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QUuid& item : std::as_const(below)) {
        const auto held = m_items.constFind(item);
        if (held != m_items.cend())
            writes.append(
                {item,
                 held->edited(held->connection, newPath + held->group.mid(oldPath.size()), now).encode()});
    }
    writeAll(writes, root, std::move(done));
}

void SharedTreeSync::shareLocalFolder(ConnectionRepository* repository, const QUuid& folderId,
                                      const QUuid& orgId, std::function<void(int, int)> progress,
                                      std::function<void(Result<QUuid>)> done)
{
    const Folder* local = repository->folder(folderId);
    if (!m_engine)
        return done(notSignedIn());
    if (!local)
        return done(Error::make(ErrorCode::NotFound, tr("The folder is no longer there.")));
    // Every connection below it, with its path inside the folder as the item's group.
    QList<QPair<Connection, QString>> items;
    QList<QUuid> localFolders{folderId};
    for (const Connection& c : repository->connections()) {
        if (!repository->isWithin(c.folderId, folderId))
            continue;
        QStringList names;
        for (QUuid id = c.folderId; id != folderId && !id.isNull();) {
            const Folder* f = repository->folder(id);
            if (!f)
                break;
            names.prepend(QString(f->name).replace(u'/', u'-'));
            id = f->parentId;
        }
        items.append({c, names.join(u'/')});
    }
    for (const Folder& f : repository->folders()) {
        if (f.id != folderId && repository->isWithin(f.id, folderId))
            localFolders.append(f.id);
    }
    auto job = std::make_shared<ShareJob>();
    job->repository = repository;
    job->localFolder = folderId;
    job->localFolders = localFolders;
    job->items = items;
    job->total = int(items.size());
    job->progress = std::move(progress);
    job->done = std::move(done);
    m_engine->createFolder(orgId, local->name, this, [this, job](Result<QUuid> created) {
        if (!created)
            return job->done(created.error());
        job->shared = *created;
        uploadNext(job);
    });
}

void SharedTreeSync::uploadNext(std::shared_ptr<ShareJob> job)
{
    if (!m_engine)
        return job->done(notSignedIn());
    if (job->progress)
        job->progress(job->total - int(job->items.size()), job->total);
    if (job->items.isEmpty()) {
        // Everything is stored on the server: only now does the local copy go.
        if (!job->repository)
            return job->done(job->shared);
        ChangeSet change;
        for (const Connection& c : job->repository->connections()) {
            if (job->repository->isWithin(c.folderId, job->localFolder))
                change.removeConnections.append(c.id);
        }
        change.removeFolders = job->localFolders;
        if (Status removed = job->repository->apply(change); !removed)
            return job->done(removed.error());
        return job->done(job->shared);
    }
    const QPair<Connection, QString> next = job->items.takeFirst();
    const SharedConnection item =
        SharedConnection::fromConnection(next.first, next.second, m_self, QDateTime::currentDateTimeUtc());
    // A new item id: the local connection keeps its own until it is removed.
    m_engine->writeItem(job->shared, QUuid(), item.encode(), this, [this, job](Result<QUuid> written) {
        if (!written)
            return job->done(written.error());
        uploadNext(job);
    });
}

} // namespace Conclave::Gui
