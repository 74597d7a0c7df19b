// The sync engine's write path: sealing a revision, the rebase and merge when the server
// holds a newer one, conflict copies, the offline outbox and drafts. See SyncEngine.h and
// docs/security/protocol.md ("Offline outbox and drafts").
#include "core/sync/SyncEngine.h"

#include "core/crypto/FolderState.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ItemMerge.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngineShared.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

#include <algorithm>

namespace Conclave::Core {

namespace {

using namespace SyncEngineShared;

QByteArray bytesOf(const SensitiveBytes& bytes)
{
    return bytes.view().toByteArray();
}

} // namespace

// One write with what it was edited from: the base decides whether a newer revision on the
// server is merged into (ItemMerge) or simply followed.
struct SyncEngine::WriteRequest
{
    WriteRequest() = default;
    WriteRequest(const WriteRequest&) = default;
    WriteRequest& operator=(const WriteRequest&) = delete;
    // The plaintexts are the folder's secrets: wiped when the last holder goes.
    ~WriteRequest()
    {
        secureWipe(plaintext);
        if (basePlaintext)
            secureWipe(*basePlaintext);
    }

    QUuid folderId;
    QUuid itemId;
    ItemKind kind = ItemKind::Item;
    QByteArray plaintext;
    quint64 baseRevision = 0;                // 0: a new item
    std::optional<QByteArray> basePlaintext; // none: not known (a draft of an older revision)
};

bool SyncEngine::unreachable(const Error& error)
{
    // 5xx, the server down or slow, no network, or no folder key yet (offline at start):
    // all pass with time. Refusals (4xx) and refused answers do not.
    return error.code == ErrorCode::Network || error.code == ErrorCode::Timeout ||
           error.code == ErrorCode::Unavailable;
}

std::shared_ptr<SyncEngine::WriteRequest> SyncEngine::requestFor(const QUuid& folderId, const QUuid& itemId,
                                                                 ItemKind kind,
                                                                 const QByteArray& plaintext) const
{
    auto request = std::make_shared<WriteRequest>();
    request->folderId = folderId;
    request->itemId = itemId;
    request->kind = kind;
    request->plaintext = plaintext;
    if (const Folder* folder = find(folderId)) {
        const auto held = folder->items.find(itemId);
        if (held != folder->items.end() && held->second.opened.revision > 0) {
            request->baseRevision = held->second.opened.revision;
            if (held->second.opened.kind == ItemKind::Item)
                request->basePlaintext = bytesOf(held->second.opened.plaintext);
        }
    }
    return request;
}

// --- the public write calls ----------------------------------------------------------------

void SyncEngine::writeItem(const QUuid& folderId, const QUuid& itemId, const QByteArray& plaintext,
                           QObject* context, IdDone done)
{
    auto reply = guarded<Result<QUuid>>(context, std::move(done));
    const QUuid id = itemId.isNull() ? QUuid::createUuid() : itemId;
    // The base is what the caller saw now, not what is held when the queue gets to it.
    auto request = requestFor(folderId, id, ItemKind::Item, plaintext);
    enqueue([this, request, reply](std::function<void()> finish) {
        if (!m_started)
            return reply(notStarted()), finish();
        writeOrQueue(request, [reply, finish](Result<QUuid> result) {
            reply(std::move(result));
            finish();
        });
    });
}

void SyncEngine::deleteItem(const QUuid& folderId, const QUuid& itemId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    auto request = requestFor(folderId, itemId, ItemKind::DeleteMarker, {});
    enqueue([this, request, reply](std::function<void()> finish) {
        if (!m_started)
            return reply(notStarted()), finish();
        const Folder* folder = find(request->folderId);
        if (!folder || !folder->items.count(request->itemId))
            return reply(unknownFolder()), finish();
        writeOrQueue(request, [reply, finish](Result<QUuid> result) {
            reply(result ? Status() : Status(result.error()));
            finish();
        });
    });
}

void SyncEngine::writeOrQueue(std::shared_ptr<WriteRequest> request, IdDone done)
{
    Folder* folder = find(request->folderId);
    if (!folder)
        return done(unknownFolder());
    if (folder->members.roleOf(m_account.account().userId) < FolderRole::Edit)
        return done(Error::make(ErrorCode::Denied, Tr::tr("You may only read this shared folder.")));
    const Outbox::Kind kind =
        request->kind == ItemKind::DeleteMarker ? Outbox::Kind::Delete : Outbox::Kind::Write;
    // Behind writes already waiting: in order, or an older change would land on a newer one.
    if (hasPendingWrites(request->folderId)) {
        qint64 entryId = 0;
        if (Status queued = queue(*request, kind, &entryId); !queued)
            return done(queued.error());
        return doFlush([this, request, entryId, done](Status) {
            const auto at = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                         [entryId](const Outbox::Entry& e) { return e.entryId == entryId; });
            if (at == m_pending.cend())
                return done(request->itemId); // stored
            if (at->refused)                  // kept, listed in refusedWrites()
                return done(Error::make(ErrorCode::Denied, at->reason));
            emit writeQueued(request->folderId, request->itemId);
            done(request->itemId);
        });
    }
    write(request, 0, [this, request, kind, done](Result<QUuid> result) {
        if (result || !unreachable(result.error())) {
            if (result)
                (void)discardDraft(request->folderId, request->itemId);
            return done(std::move(result));
        }
        qCInfo(lcCoreSync) << "server not reachable; write kept in the outbox:" << result.error().message;
        if (Status queued = queue(*request, kind); !queued)
            return done(queued.error());
        emit writeQueued(request->folderId, request->itemId);
        done(request->itemId);
    });
}

// --- sealing and sending one revision ----------------------------------------------------------

void SyncEngine::doWrite(const QUuid& folderId, const QUuid& itemId, ItemKind kind,
                         const QByteArray& plaintext, int attempt, IdDone done)
{
    write(requestFor(folderId, itemId, kind, plaintext), attempt, std::move(done));
}

void SyncEngine::write(std::shared_ptr<WriteRequest> request, int attempt, IdDone done)
{
    const QUuid folderId = request->folderId;
    const QUuid itemId = request->itemId;
    Folder* folder = find(folderId);
    if (!folder)
        return done(unknownFolder());
    const QUuid me = m_account.account().userId;
    const UserKeys& keys = *m_account.userKeys();
    if (folder->members.roleOf(me) < FolderRole::Edit)
        return done(Error::make(ErrorCode::Denied, Tr::tr("You may only read this shared folder.")));
    const auto held = folder->items.find(itemId);
    const quint64 heldRevision =
        held != folder->items.end() && held->second.opened.revision > 0 ? held->second.opened.revision : 0;
    // The item moved on since it was edited (a sync, a refresh after 409): merge, never overwrite.
    // The folder name has no fields: the newest name wins.
    if (request->kind != ItemKind::FolderName && heldRevision != request->baseRevision)
        return rebase(request, attempt, std::move(done));

    ItemEnvelope::Header header;
    header.kind = request->kind;
    header.orgId = folder->orgId;
    header.folderId = folderId;
    header.itemId = itemId;
    header.keyVersion = folder->members.currentKeyVersion();
    header.authorId = me;
    if (heldRevision > 0) {
        header.revision = heldRevision + 1;
        header.previousHash = held->second.opened.hash;
    }
    const SecureBytes* key = folder->keys.key(header.keyVersion);
    if (!key)
        return done(Error::make(ErrorCode::Unavailable,
                                Tr::tr("A manager of this folder has not granted you its key yet.")));
    Result<ItemEnvelope> envelope = ItemEnvelope::seal(header, request->plaintext, *key, keys);
    if (!envelope)
        return done(envelope.error());
    const FolderState state = folder->chain.makeWrite(*envelope, folder->members, me, keys, nowMs());
    const ItemEnvelope sealed = *envelope;
    m_api.writeItem(
        folderId, itemId, header.revision == 1, sealed.serialize(), state.serialize(), this,
        [this, request, attempt, done, sealed, state, folderId](Result<SharingApi::WriteOutcome> outcome) {
            if (!outcome)
                return done(outcome.error());
            if (outcome->conflict) {
                // Another writer was first: catch up with the server's state and write again on
                // it, merging when that writer changed this item.
                if (attempt + 1 >= kMaxRebases)
                    return done(Error::make(
                        ErrorCode::Unavailable,
                        Tr::tr("The folder kept changing while the change was saved. Try again.")));
                qCInfo(lcCoreSync) << "write conflict in folder" << idText(folderId) << "; rebasing";
                return doRefresh(folderId, false, [this, request, attempt, done](Status s) {
                    if (!s)
                        return done(s.error());
                    write(request, attempt + 1, done);
                });
            }
            Folder* target = find(folderId);
            if (!target)
                return done(unknownFolder());
            if (Status accepted = acceptOwnWrite(*target, sealed, state, request->plaintext); !accepted)
                return done(accepted.error());
            emit folderChanged(folderId);
            done(request->itemId);
        });
}

void SyncEngine::rebase(std::shared_ptr<WriteRequest> request, int attempt, IdDone done)
{
    const Folder* folder = find(request->folderId);
    const auto held = folder->items.find(request->itemId);
    const QUuid folderId = request->folderId;
    const QUuid itemId = request->itemId;
    const bool goneOnServer = held == folder->items.end() || held->second.opened.revision == 0 ||
                              held->second.opened.kind == ItemKind::DeleteMarker;
    if (request->kind == ItemKind::DeleteMarker) {
        if (goneOnServer)
            return done(itemId); // deleted by someone else as well
        return done(
            Error::make(ErrorCode::Cancelled,
                        Tr::tr("Someone changed this connection meanwhile, so it was not deleted. Look "
                               "at the change and delete it again if it should go.")));
    }
    if (goneOnServer) {
        // Deleted on the server, edited here: the edit lives on as a new item.
        qCInfo(lcCoreSync) << "item" << idText(itemId)
                           << "was deleted on the server; keeping a conflict copy";
        return writeConflictCopy(folderId, itemId, request->plaintext, {}, std::move(done));
    }
    const QByteArray server = bytesOf(held->second.opened.plaintext);
    const std::optional<QByteArray> base =
        request->baseRevision > 0 ? request->basePlaintext : std::optional<QByteArray>();
    const ItemMerge::Merged merged = ItemMerge::merge(base, request->plaintext, server);

    auto next = std::make_shared<WriteRequest>(*request);
    next->plaintext = merged.plaintext;
    next->baseRevision = held->second.opened.revision;
    next->basePlaintext = server;
    const QByteArray local = request->plaintext;
    IdDone then = [this, folderId, itemId, local, merged, done](Result<QUuid> written) {
        if (!written || !merged.hasConflict())
            return done(std::move(written));
        qCInfo(lcCoreSync) << "conflicting change of item" << idText(itemId) << "; keeping a conflict copy";
        writeConflictCopy(folderId, itemId, local, merged.conflicts, [done, itemId](Result<QUuid> copied) {
            done(copied ? Result<QUuid>(itemId) : copied);
        });
    };
    if (merged.plaintext == server)
        return then(itemId); // the server already holds everything that survives the merge
    write(next, attempt, std::move(then));
}

void SyncEngine::writeConflictCopy(const QUuid& folderId, const QUuid& itemId, const QByteArray& local,
                                   const QStringList& fields, IdDone done)
{
    const QUuid copyId = QUuid::createUuid();
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto request = requestFor(folderId, copyId, ItemKind::Item, ItemMerge::conflictCopy(local, itemId, at));
    write(request, 0, [this, folderId, itemId, copyId, fields, done](Result<QUuid> written) {
        if (written)
            emit conflictCopied(folderId, itemId, copyId, fields);
        done(std::move(written));
    });
}

Status SyncEngine::acceptOwnWrite(Folder& folder, const ItemEnvelope& envelope, const FolderState& state,
                                  const QByteArray& plaintext)
{
    if (Status accepted =
            folder.chain.acceptWrite(state, envelope, folder.members, FolderStateChain::LogView::Known);
        !accepted)
        return accepted;
    const QUuid itemId = envelope.header().itemId;
    Held item;
    item.envelope = envelope.serialize();
    item.opened.kind = envelope.header().kind;
    item.opened.revision = envelope.header().revision;
    item.opened.keyVersion = envelope.header().keyVersion;
    item.opened.authorId = envelope.header().authorId;
    item.opened.hash = envelope.hash();
    item.opened.plaintext = SensitiveBytes(plaintext.constData(), std::size_t(plaintext.size()));
    folder.state = state.serialize();
    if (Status cached = m_cache->storeWrite(folder.id, folder.state, itemId, item.envelope); !cached)
        return cached;
    m_cache->security().acceptFolderState(state);
    m_cache->security().acceptItem(folder.id, itemId, {item.opened.revision, item.opened.hash});
    folder.items.insert_or_assign(itemId, std::move(item));
    return saveSecurity();
}

// --- the outbox ------------------------------------------------------------------------------

void SyncEngine::loadOutbox()
{
    m_pending.clear();
    m_unreadableOutbox.clear();
    m_unreadableIds.clear();
    m_outbox = std::make_unique<Outbox>(*m_cache, m_account.account().userId);
    connect(this, &SyncEngine::folderRemoved, this, &SyncEngine::dropOutboxOf, Qt::UniqueConnection);
    Result<Outbox::Loaded> loaded = m_outbox->load(m_account.accountKey());
    if (!loaded) {
        m_unreadableOutbox.append(loaded.error());
        return;
    }
    for (Outbox::Entry& entry : loaded->entries)
        m_pending.push_back(std::move(entry));
    m_unreadableOutbox = loaded->unreadable;
    m_unreadableIds = loaded->unreadableIds;
    for (const Error& error : m_unreadableOutbox)
        qCWarning(lcCoreSync) << "outbox row refused:" << error.message;
}

void SyncEngine::dropOutboxOf(const QUuid& folderId)
{
    const auto gone = std::remove_if(m_pending.begin(), m_pending.end(),
                                     [&](const Outbox::Entry& e) { return e.folderId == folderId; });
    if (gone == m_pending.end())
        return;
    const bool refusedGone =
        std::any_of(gone, m_pending.end(), [](const Outbox::Entry& e) { return e.refused; });
    for (auto it = gone; it != m_pending.end(); ++it) {
        // Normally gone with the folder's rows already; a failure here leaves a row that
        // names a folder not held, which the next flush drops.
        if (m_outbox)
            (void)m_outbox->remove(it->entryId);
    }
    m_pending.erase(gone, m_pending.end());
    notifyOutbox();
    if (refusedGone)
        emit syncProblemsChanged();
}

void SyncEngine::notifyOutbox()
{
    emit outboxChanged(pendingWriteCount());
}

Status SyncEngine::queue(const WriteRequest& request, Outbox::Kind kind, qint64* entryId)
{
    if (!m_outbox)
        return notStarted();
    Outbox::Entry entry;
    entry.kind = kind;
    entry.folderId = request.folderId;
    entry.itemId = request.itemId;
    entry.baseRevision = request.baseRevision;
    entry.basePlaintext = request.basePlaintext;
    entry.plaintext = request.plaintext;
    if (Status added = m_outbox->add(entry, m_account.accountKey()); !added)
        return added;
    if (entryId)
        *entryId = entry.entryId;
    m_pending.push_back(std::move(entry));
    // The write supersedes the editor's draft of the item.
    if (kind != Outbox::Kind::Draft)
        (void)discardDraft(request.folderId, request.itemId);
    notifyOutbox();
    return {};
}

bool SyncEngine::hasPendingWrites(const QUuid& folderId) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(), [&](const Outbox::Entry& e) {
        return !e.refused && e.kind != Outbox::Kind::Draft && e.folderId == folderId;
    });
}

int SyncEngine::pendingWriteCount() const
{
    return int(std::count_if(m_pending.cbegin(), m_pending.cend(), [](const Outbox::Entry& e) {
        return !e.refused && e.kind != Outbox::Kind::Draft;
    }));
}

void SyncEngine::flushOutbox(QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, reply](std::function<void()> finish) {
        if (!m_started)
            return reply(notStarted()), finish();
        doFlush([reply, finish](Status status) {
            reply(std::move(status));
            finish();
        });
    });
}

void SyncEngine::doFlush(StatusDone done)
{
    flushFrom(0, std::move(done));
}

void SyncEngine::flushFrom(qint64 after, StatusDone done)
{
    // `after` is an entry id; ids only grow, so entries queued meanwhile come last.
    const auto next = std::find_if(m_pending.cbegin(), m_pending.cend(), [after](const Outbox::Entry& e) {
        return !e.refused && e.entryId > after;
    });
    if (next == m_pending.cend()) {
        if (!m_unreadableOutbox.isEmpty())
            return done(m_unreadableOutbox.first());
        return done({});
    }
    const qint64 entryId = next->entryId;
    auto request = std::make_shared<WriteRequest>();
    request->folderId = next->folderId;
    request->itemId = next->itemId;
    request->kind = next->kind == Outbox::Kind::Delete ? ItemKind::DeleteMarker : ItemKind::Item;
    request->plaintext = next->plaintext;
    request->baseRevision = next->baseRevision;
    request->basePlaintext = next->basePlaintext;

    const QByteArray sent = request->plaintext;
    auto settle = [this, entryId, sent, done](Result<QUuid> written) {
        const auto at = std::find_if(m_pending.begin(), m_pending.end(),
                                     [entryId](const Outbox::Entry& e) { return e.entryId == entryId; });
        if (at == m_pending.end())
            return flushFrom(entryId, done); // discarded meanwhile
        if (written && at->plaintext != sent) {
            // The draft was saved again while it was being written: the newer content stays,
            // now edited from what was just stored.
            const std::shared_ptr<WriteRequest> now =
                requestFor(at->folderId, at->itemId, ItemKind::Item, {});
            at->baseRevision = now->baseRevision;
            at->basePlaintext = now->basePlaintext;
            if (Status kept = m_outbox->update(*at, m_account.accountKey()); !kept)
                return done(kept);
            return flushFrom(entryId, done);
        }
        if (written) {
            if (Status removed = m_outbox->remove(entryId); !removed)
                return done(removed);
            m_pending.erase(at);
            notifyOutbox();
            return flushFrom(entryId, done);
        }
        const Error& error = written.error();
        if (unreachable(error)) {
            qCInfo(lcCoreSync) << "outbox flush stopped:" << error.message;
            return done(Error::make(error.code, Tr::tr("%n change(s) wait on this computer until the sharing "
                                                       "server can be reached: %1",
                                                       nullptr, pendingWriteCount())
                                                    .arg(error.message)));
        }
        if (error.code == ErrorCode::Denied || error.code == ErrorCode::NotFound ||
            error.code == ErrorCode::Cancelled || error.code == ErrorCode::InvalidInput) {
            // It can never be written as it is: kept, with the reason, for the user to see.
            at->refused = true;
            at->reason = error.message;
            // Only what the user typed is kept; the base (others' content) is no longer needed.
            if (at->basePlaintext)
                secureWipe(*at->basePlaintext);
            at->basePlaintext.reset();
            if (Status kept = m_outbox->update(*at, m_account.accountKey()); !kept)
                return done(kept);
            qCInfo(lcCoreSync) << "outbox entry" << entryId << "refused:" << error.message;
            notifyOutbox();
            emit syncProblemsChanged();
            return flushFrom(entryId, done);
        }
        // A refused server answer or a local failure: the entry waits for the next flush.
        done(error);
    };
    if (!find(request->folderId)) {
        // The folder was wiped (removal, block): its changes go with it, like its cache.
        qCInfo(lcCoreSync) << "outbox entry" << entryId << "dropped: its folder is no longer held";
        dropOutboxOf(request->folderId);
        return flushFrom(entryId, std::move(done));
    }
    write(request, 0, std::move(settle));
}

// --- drafts and refused entries ----------------------------------------------------------------

Status SyncEngine::saveDraft(const QUuid& folderId, const QUuid& itemId, const QByteArray& plaintext,
                             quint64 baseRevision)
{
    if (!m_started || !m_outbox)
        return notStarted();
    if (itemId.isNull())
        return Error::make(ErrorCode::InvalidInput, Tr::tr("A draft needs the id of its item."));
    if (!find(folderId))
        return unknownFolder();
    Outbox::Entry entry;
    // A refused draft of the item is not replaced: it stays until the user discards it.
    const auto existing = std::find_if(m_pending.begin(), m_pending.end(), [&](const Outbox::Entry& e) {
        return e.kind == Outbox::Kind::Draft && !e.refused && e.folderId == folderId && e.itemId == itemId;
    });
    if (existing != m_pending.end())
        entry.entryId = existing->entryId;
    entry.kind = Outbox::Kind::Draft;
    entry.folderId = folderId;
    entry.itemId = itemId;
    entry.baseRevision = baseRevision;
    entry.plaintext = plaintext;
    // The base's content is known only while that revision is the one held.
    const std::shared_ptr<WriteRequest> now = requestFor(folderId, itemId, ItemKind::Item, {});
    if (baseRevision > 0 && now->baseRevision == baseRevision)
        entry.basePlaintext = now->basePlaintext;
    const Status stored = entry.entryId > 0 ? m_outbox->update(entry, m_account.accountKey())
                                            : m_outbox->add(entry, m_account.accountKey());
    if (!stored)
        return stored;
    if (existing != m_pending.end())
        *existing = std::move(entry);
    else
        m_pending.push_back(std::move(entry));
    return {};
}

Status SyncEngine::discardDraft(const QUuid& folderId, const QUuid& itemId)
{
    const auto at = std::find_if(m_pending.begin(), m_pending.end(), [&](const Outbox::Entry& e) {
        return e.kind == Outbox::Kind::Draft && !e.refused && e.folderId == folderId && e.itemId == itemId;
    });
    if (at == m_pending.end())
        return {};
    if (Status removed = m_outbox->remove(at->entryId); !removed)
        return removed;
    m_pending.erase(at);
    return {};
}

std::optional<QByteArray> SyncEngine::draft(const QUuid& folderId, const QUuid& itemId) const
{
    for (const Outbox::Entry& e : m_pending) {
        if (e.kind == Outbox::Kind::Draft && !e.refused && e.folderId == folderId && e.itemId == itemId)
            return e.plaintext;
    }
    return std::nullopt;
}

QList<SyncEngine::RefusedWrite> SyncEngine::refusedWrites() const
{
    QList<RefusedWrite> refused;
    for (const Outbox::Entry& e : m_pending) {
        if (!e.refused)
            continue;
        RefusedWrite r;
        r.entryId = e.entryId;
        r.folderId = e.folderId;
        r.itemId = e.itemId;
        r.plaintext = e.plaintext;
        r.isDelete = e.kind == Outbox::Kind::Delete;
        r.reason = e.reason;
        refused.append(r);
    }
    return refused;
}

Status SyncEngine::discardRefused(qint64 entryId)
{
    const auto at = std::find_if(m_pending.begin(), m_pending.end(), [entryId](const Outbox::Entry& e) {
        return e.refused && e.entryId == entryId;
    });
    if (at == m_pending.end())
        return Error::make(ErrorCode::NotFound, Tr::tr("This refused change is no longer kept."));
    if (Status removed = m_outbox->remove(entryId); !removed)
        return removed;
    m_pending.erase(at);
    emit syncProblemsChanged();
    return {};
}

Status SyncEngine::discardUnreadableOutbox()
{
    if (!m_outbox)
        return notStarted();
    const bool had = !m_unreadableIds.isEmpty();
    while (!m_unreadableIds.isEmpty()) {
        if (Status removed = m_outbox->remove(m_unreadableIds.first()); !removed) {
            emit syncProblemsChanged(); // some may be gone already
            return removed;
        }
        m_unreadableIds.removeFirst();
        m_unreadableOutbox.removeFirst();
    }
    if (had)
        emit syncProblemsChanged();
    return {};
}

} // namespace Conclave::Core
