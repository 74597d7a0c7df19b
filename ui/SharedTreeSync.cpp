// SharedTreeSync: see the header.
#include "ui/SharedTreeSync.h"

#include "core/crypto/SensitiveBytes.h"
#include "core/keychain/SharedCredentials.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/GuiLogging.h"

#include <QElapsedTimer>
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
{
    m_slicer.setSingleShot(true);
    m_slicer.setInterval(0);
    connect(&m_slicer, &QTimer::timeout, this, &SharedTreeSync::runSlice);
}

SharedTreeSync::~SharedTreeSync() = default;

void SharedTreeSync::setEngine(SyncEngine* engine, const QUuid& self)
{
    m_self = self;
    if (m_engine == engine)
        return;
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    forgetAll();
    if (!m_engine)
        return;
    connect(m_engine, &SyncEngine::folderChanged, this, &SharedTreeSync::follow);
    connect(m_engine, &SyncEngine::folderWiped, this, &SharedTreeSync::removeFolder);
    // An engine gone without a word (destroyed): nothing of it may stay on screen.
    connect(m_engine, &QObject::destroyed, this, &SharedTreeSync::forgetAll);
    // The folders held show at once; their items follow slice by slice.
    for (const QUuid& folderId : m_engine->folderIds()) {
        showRoot(folderId);
        follow(folderId);
    }
}

void SharedTreeSync::forgetAll()
{
    m_slicer.stop();
    m_queue.clear();
    m_views.clear();
    m_items.clear();
    m_info.clear();
    m_missing.clear();
    m_credentialsAsked.clear();
    m_users.clear();
    m_model->clearShared();
}

void SharedTreeSync::follow(const QUuid& folderId)
{
    FolderView& view = m_views[folderId];
    if (view.running)
        view.again = true; // items already compared may have changed: compare them once more
    if (!m_queue.contains(folderId))
        m_queue.append(folderId);
    if (!m_slicer.isActive())
        m_slicer.start();
}

void SharedTreeSync::showRoot(const QUuid& folderId)
{
    Folder root;
    root.id = folderId;
    root.name = m_engine->folderName(folderId);
    if (root.name.isEmpty())
        root.name = tr("Shared folder");
    m_model->setSharedRoot(root, m_engine->roleIn(folderId) >= FolderRole::Edit);
}

void SharedTreeSync::runSlice()
{
    if (!m_engine)
        return forgetAll();
    QElapsedTimer clock;
    clock.start();
    int items = 0;
    while (!m_queue.isEmpty() && items < m_limits.maxItems && clock.elapsed() < m_limits.budgetMs) {
        const QUuid folderId = m_queue.first();
        FolderView& view = m_views[folderId];
        if (!view.running) {
            // The pass's list is taken now, not when it was queued: it is the newest one.
            showRoot(folderId);
            view.todo = m_engine->itemIds(folderId);
            view.next = 0;
            view.running = true;
            view.again = false;
        }
        ConnectionTreeModel::SharedBatch batch;
        // Decoding takes half the budget at most: the model's update of as many rows and the
        // view's reaction to it take about as long again.
        while (view.next < view.todo.size() && items < m_limits.maxItems &&
               clock.elapsed() * 2 < m_limits.budgetMs) {
            readItem(folderId, view.todo[view.next++], view, batch);
            ++items;
        }
        const bool done = view.next >= view.todo.size();
        if (done)
            finishPass(folderId, view, batch);
        m_model->applyShared(folderId, batch);
        if (!done)
            break;
        // Read: the keychain is asked about its new items (and those it did not answer for).
        QList<QUuid> unread;
        for (auto it = view.shown.cbegin(); it != view.shown.cend(); ++it) {
            if (!m_credentialsAsked.contains(it.key()))
                unread.append(it.key());
        }
        readCredentials(folderId, unread);
        view.running = false;
        view.todo.clear();
        if (!view.again)
            m_queue.removeFirst();
        emit sharedChanged(folderId);
    }
    if (!m_queue.isEmpty())
        m_slicer.start();
}

void SharedTreeSync::readItem(const QUuid& folderId, const QUuid& itemId, FolderView& view,
                              ConnectionTreeModel::SharedBatch& batch)
{
    const Seen now{m_engine->itemRevision(folderId, itemId), m_engine->itemAuthor(folderId, itemId)};
    const auto shown = view.shown.constFind(itemId);
    if (shown != view.shown.cend() && *shown == now)
        return; // the tree shows this revision
    const auto unreadable = view.unreadable.constFind(itemId);
    if (unreadable != view.unreadable.cend() && *unreadable == now)
        return; // left out already, and said so
    const SensitiveBytes* plaintext = m_engine->itemPlaintext(folderId, itemId);
    if (!plaintext)
        return; // deleted meanwhile: the pass's end takes it away
    Result<SharedConnection> decoded = SharedConnection::decode(plaintext->view(), itemId);
    if (!decoded) {
        // Kept out of the tree, said once in the log by id (never the content).
        qCWarning(lcGui) << "a shared item could not be read:" << idText(itemId) << decoded.error().field;
        dropItem(itemId, view, batch);
        view.unreadable.insert(itemId, now);
        return;
    }
    view.unreadable.remove(itemId);
    const auto before = m_items.constFind(itemId);
    const bool wasShown = shown != view.shown.cend();
    const QString group = SharedConnection::groupSegments(decoded->group).join(u'/');
    const QString oldGroup =
        before != m_items.cend() ? SharedConnection::groupSegments(before->group).join(u'/') : QString();
    if (!wasShown || group != oldGroup) {
        useGroup(folderId, group, +1, view, batch);
        if (wasShown)
            useGroup(folderId, oldGroup, -1, view, batch);
    }
    Connection connection = decoded->connection;
    connection.folderId = groupFolderId(folderId, group);
    connection.created = decoded->createdAt;
    connection.modified = decoded->changedAt;
    batch.upsertConnections.append(connection);
    if (decoded->isConflictCopy())
        batch.conflictCopies.insert(itemId, {decoded->conflictOf(), decoded->conflictAt()});
    ItemInfo info;
    info.folderId = folderId;
    info.createdBy = decoded->createdBy;
    info.createdAt = decoded->createdAt;
    info.changedBy = now.author;
    info.changedAt = decoded->changedAt;
    m_info.insert(itemId, info);
    m_items.insert(itemId, std::move(*decoded));
    view.shown.insert(itemId, now);
}

void SharedTreeSync::dropItem(const QUuid& itemId, FolderView& view, ConnectionTreeModel::SharedBatch& batch)
{
    const auto shown = view.shown.find(itemId);
    if (shown == view.shown.end())
        return;
    const QUuid folderId = m_info.value(itemId).folderId;
    useGroup(folderId, SharedConnection::groupSegments(m_items.value(itemId).group).join(u'/'), -1, view,
             batch);
    view.shown.erase(shown);
    m_items.remove(itemId);
    m_info.remove(itemId);
    batch.removeConnections.append(itemId);
}

void SharedTreeSync::useGroup(const QUuid& folderId, const QString& group, int delta, FolderView& view,
                              ConnectionTreeModel::SharedBatch& batch)
{
    // Every folder on the path counts the items at or below it; a sub-folder exists only
    // through its items, so it comes with the first and goes with the last.
    if (group.isEmpty())
        return;
    QString path;
    QUuid parent = folderId;
    for (const QString& name : group.split(u'/')) {
        path = path.isEmpty() ? name : path + u'/' + name;
        const QUuid id = groupFolderId(folderId, path);
        int& use = view.groupUse[path];
        use += delta;
        if (delta > 0 && use == delta) {
            Folder sub;
            sub.id = id;
            sub.parentId = parent;
            sub.name = name;
            batch.upsertFolders.append(sub);
            batch.removeFolders.removeAll(id);
        } else if (use <= 0) {
            view.groupUse.remove(path);
            batch.removeFolders.append(id);
        }
        parent = id;
    }
}

void SharedTreeSync::finishPass(const QUuid& folderId, FolderView& view,
                                ConnectionTreeModel::SharedBatch& batch)
{
    const QList<QUuid> held = m_engine->itemIds(folderId);
    const QSet<QUuid> present(held.cbegin(), held.cend());
    QList<QUuid> gone;
    for (auto it = view.shown.cbegin(); it != view.shown.cend(); ++it) {
        if (!present.contains(it.key()))
            gone.append(it.key());
    }
    for (const QUuid& id : std::as_const(gone))
        dropItem(id, view, batch);
    view.unreadable.removeIf([&](const auto& it) { return !present.contains(it.key()); });
    // A connection deleted (by anyone): its credentials go from this keychain too.
    forgetCredentials(folderId, gone);
}

const SharedConnection* SharedTreeSync::current(const QUuid& itemId)
{
    const auto info = m_info.constFind(itemId);
    if (!m_engine || info == m_info.cend())
        return nullptr;
    const QUuid folderId = info->folderId;
    if (const auto view = m_views.find(folderId); view != m_views.end()) {
        ConnectionTreeModel::SharedBatch batch;
        readItem(folderId, itemId, *view, batch);
        if (!batch.isEmpty())
            m_model->applyShared(folderId, batch);
    }
    const auto it = m_items.constFind(itemId);
    return it == m_items.cend() ? nullptr : &*it;
}

void SharedTreeSync::removeFolder(const QUuid& folderId, const QString&, const QList<QUuid>& heldItems)
{
    // Removed from the folder (or it was deleted, or a block): the user's own credentials
    // for its connections have nothing left to open. Those of the connections shown and of
    // every item the engine held, one only in the outbox (made while offline) included.
    const FolderView view = m_views.take(folderId);
    m_queue.removeAll(folderId);
    const QList<QUuid> gone = view.shown.keys();
    QList<QUuid> forget = gone;
    for (const QUuid& id : heldItems) {
        if (!view.shown.contains(id))
            forget.append(id);
    }
    forgetCredentials(folderId, forget);
    for (const QUuid& id : gone) {
        m_items.remove(id);
        m_info.remove(id);
        m_credentialsAsked.remove(id);
    }
    m_model->removeSharedFolder(folderId);
    emit sharedChanged(folderId);
}

int SharedTreeSync::unreadableCount(const QUuid& sharedFolderId) const
{
    const auto view = m_views.constFind(sharedFolderId);
    return view == m_views.cend() ? 0 : int(view->unreadable.size());
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

void SharedTreeSync::forgetCredentials(const QUuid& folderId, const QList<QUuid>& itemIds)
{
    for (const QUuid& id : itemIds) {
        markMissing(id, false);
        m_credentialsAsked.remove(id);
        m_users.remove(id);
        if (m_secrets)
            SharedCredentials::removeAll(*m_secrets, folderId, id, this);
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
    // The keychain answers a folder's reads in a burst: the model compares the set once.
    if (m_markersDue)
        return;
    m_markersDue = true;
    QTimer::singleShot(0, this, [this] {
        m_markersDue = false;
        m_model->setCredentialsMissing(m_missing);
    });
}

void SharedTreeSync::checkCredentials(const QUuid& sharedFolderId)
{
    const auto view = m_views.constFind(sharedFolderId);
    if (view != m_views.cend())
        readCredentials(sharedFolderId, view->shown.keys());
}

void SharedTreeSync::readCredentials(const QUuid& sharedFolderId, const QList<QUuid>& itemIds)
{
    if (!m_secrets)
        return;
    for (const QUuid& id : itemIds) {
        m_credentialsAsked.insert(id);
        m_secrets->readEntry(SharedCredentials::entryKey(sharedFolderId, id, SharedCredential::User), this,
                             [this, id](Result<SecureBytes> user) {
                                 if (!m_info.contains(id))
                                     return;
                                 // Only "not there" marks it: a keychain that is locked says
                                 // nothing, and is asked again after the folder's next pass.
                                 if (user.ok()) {
                                     m_users.insert(id, QString::fromUtf8(user->view().toByteArray()));
                                     markMissing(id, user->isEmpty());
                                 } else if (user.error().code == ErrorCode::NotFound) {
                                     markMissing(id, true);
                                 } else {
                                     m_credentialsAsked.remove(id);
                                 }
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
        readCredentials(m_info.value(connectionId).folderId, {connectionId});
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
    const SharedConnection* it = current(edited.id);
    if (!it)
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
    const SharedConnection* it = current(edited.id);
    if (!it)
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
        const SharedConnection* it = current(id);
        if (!it || m_info.value(id).folderId != root || it->group == group)
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
            if (const SharedConnection* it = current(id))
                add(id, newPath + it->group.mid(oldPath.size()));
        }
    }
    writeAll(writes, root, std::move(done));
}

void SharedTreeSync::rename(const QUuid& id, const QString& name, Done done)
{
    if (const SharedConnection* it = current(id)) {
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
        if (const SharedConnection* held = current(item))
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
