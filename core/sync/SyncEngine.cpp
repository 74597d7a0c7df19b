// The Team Sharing sync engine; see the header.
#include "core/sync/SyncEngine.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/MemberAdmission.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngineShared.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentMap>

#include <optional>
#include <vector>

namespace Conclave::Core {

namespace {

using namespace SyncEngineShared;

Error refusedBecause(const QString& reason)
{
    return Error::make(
        ErrorCode::Protocol,
        Tr::tr("The sharing server's answer was refused and nothing was changed: %1").arg(reason));
}

// One envelope to verify and decrypt on a worker thread.
struct Slot
{
    QByteArray bytes;
    ItemReader::Expectation expect;
    std::optional<ItemEnvelope> envelope;
    std::optional<Result<ItemReader::Opened>> opened;
};

} // namespace

SyncEngine::Folder::Folder(const QUuid& folderId)
    : id(folderId)
    , members(folderId)
    , keys(folderId)
    , chain(folderId)
{}

// What one folder refresh has read and checked so far; applied to the folder only at the end.
struct SyncEngine::Refresh
{
    QUuid folderId;
    bool full = false;      // re-read every item even when one write would do
    bool fromCache = false; // the items come from the local cache (start), not the server
    StatusDone done;
    // Set for a refresh on the log and keys already held (Touch::Items): anything it cannot
    // accept is not refused but read again in full (the log may have moved on).
    std::function<void()> fallback;

    QUuid orgId;
    QList<QByteArray> log;
    std::shared_ptr<MembershipState> members;
    std::shared_ptr<FolderKeyRing> keys;
    // Set when the grants were read by a manager (refreshLog); else the held folder's stays.
    std::optional<Folder::Ungranted> ungranted;

    std::optional<SharingApi::StateRef> state;
    QList<SharingApi::Item> items;
    bool snapshot = true; // false: `items` is the one write that follows the held state
    bool unchanged = false;
    int reads = 0;
    std::shared_ptr<std::vector<Slot>> work;
};

SyncEngine::SyncEngine(AccountClient& account, const QString& directory, QObject* parent)
    : QObject(parent)
    , m_account(account)
    , m_api(account.api())
    , m_directory(directory)
{}

SyncEngine::~SyncEngine() = default;

quint64 SyncEngine::nowMs()
{
    return quint64(QDateTime::currentMSecsSinceEpoch());
}

SyncEngine::Folder* SyncEngine::find(const QUuid& folderId) const
{
    const auto it = m_folders.find(folderId);
    return it == m_folders.end() ? nullptr : it->second.get();
}

void SyncEngine::enqueue(std::function<void(std::function<void()>)> work)
{
    m_queue.push_back(std::move(work));
    if (!m_running)
        runNext();
}

void SyncEngine::runNext()
{
    // An operation that ended early (an error after some folders were accepted) still keeps
    // what was accepted: it is saved before anything else runs.
    if (Status saved = saveSecurityIfChanged(); !saved)
        qCWarning(lcCoreSync) << "the security state could not be saved:" << saved.error().message;
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    auto work = std::move(m_queue.front());
    m_queue.pop_front();
    QPointer<SyncEngine> self(this);
    work([self] {
        if (self)
            QMetaObject::invokeMethod(
                self, [self] { self->runNext(); }, Qt::QueuedConnection);
    });
}

Status SyncEngine::saveSecurity()
{
    Status saved = m_cache->saveSecurity(m_account.accountKey());
    if (saved)
        m_securityDirty = false;
    return saved;
}

Status SyncEngine::saveSecurityIfChanged()
{
    if (!m_securityDirty || !m_cache)
        return {};
    return saveSecurity();
}

// --- start ------------------------------------------------------------------------------

void SyncEngine::start(QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, reply](std::function<void()> finish) {
        doStart([reply, finish](Status status) {
            reply(std::move(status));
            finish();
        });
    });
}

void SyncEngine::doStart(StatusDone done)
{
    if (!m_account.isSignedIn() || !m_account.userKeys())
        return done(notStarted());
    const AccountInfo& account = m_account.account();
    m_cache =
        std::make_unique<LocalCache>(m_directory, account.userId, m_api.connection().server(), account.email);
    if (Status opened = m_cache->open(m_account.accountKey()); !opened) {
        m_cache.reset();
        return done(opened);
    }
    Result<QList<LocalCache::Folder>> cached = m_cache->folders();
    if (!cached) {
        m_cache.reset();
        return done(cached.error());
    }
    loadOutbox();
    m_folders.clear();
    for (const LocalCache::Folder& c : *cached) {
        auto folder = std::make_unique<Folder>(c.folderId);
        folder->orgId = c.orgId;
        folder->log = c.log;
        folder->state = c.state;
        for (auto it = c.envelopes.cbegin(); it != c.envelopes.cend(); ++it)
            folder->items[it.key()].envelope = it.value();
        m_folders.emplace(c.folderId, std::move(folder));
    }
    m_started = true;
    // Each cached folder: its log and keys from the server, its items from the cache.
    openCached(std::make_shared<QList<QUuid>>(folderIds()), std::move(done));
}

void SyncEngine::openCached(std::shared_ptr<QList<QUuid>> pending, StatusDone done)
{
    if (pending->isEmpty())
        return done(saveSecurityIfChanged());
    auto r = std::make_shared<Refresh>();
    r->folderId = pending->takeFirst();
    r->fromCache = true;
    r->done = [this, pending, done, folderId = r->folderId](Status opened) {
        // A folder that cannot be opened now (offline, refused) stays cached, unread.
        if (!opened) {
            qCWarning(lcCoreSync) << "a cached folder could not be opened:" << opened.error().message;
            return openCached(pending, done);
        }
        grantMissing(folderId, [this, pending, done](Status) { openCached(pending, done); });
    };
    refreshLog(r);
}

// --- folder refresh ---------------------------------------------------------------------

void SyncEngine::syncFolder(const QUuid& folderId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, folderId, reply](std::function<void()> finish) {
        if (!m_started)
            return reply(notStarted()), finish();
        doRefresh(folderId, true, [this, folderId, reply, finish](Status status) {
            auto end = [this, reply, finish](Status result) {
                if (Status saved = saveSecurityIfChanged(); result && !saved)
                    result = saved;
                reply(std::move(result));
                finish();
            };
            if (!status)
                return end(std::move(status));
            grantMissing(folderId, [end](Status) { end({}); }); // a failure is reported on its own
        });
    });
}

void SyncEngine::doRefresh(const QUuid& folderId, bool full, StatusDone done)
{
    auto r = std::make_shared<Refresh>();
    r->folderId = folderId;
    r->full = full;
    r->done = std::move(done);
    refreshLog(r);
}

void SyncEngine::refuse(std::shared_ptr<Refresh> r, const Error& error)
{
    if (r->fallback) {
        qCDebug(lcCoreSync) << "folder" << idText(r->folderId) << "needs a full refresh";
        const std::function<void()> full = std::move(r->fallback);
        r->fallback = nullptr;
        return full();
    }
    qCWarning(lcCoreSync) << "refused the server's data for folder" << idText(r->folderId) << ":"
                          << error.message;
    emit dataRefused(r->folderId, error.message);
    r->done(refusedBecause(error.message));
}

void SyncEngine::refreshLog(std::shared_ptr<Refresh> r)
{
    m_api.folder(r->folderId, this, [this, r](Result<SharingApi::FolderDetail> detail) {
        if (!detail)
            return r->done(detail.error());
        Folder* held = find(r->folderId);
        if (detail->folder.folderId != r->folderId)
            return refuse(r, Error::make(ErrorCode::Protocol, Tr::tr("it describes another folder.")));
        if (held && !held->orgId.isNull() && held->orgId != detail->folder.orgId)
            return refuse(
                r, Error::make(ErrorCode::Protocol, Tr::tr("it moves the folder to another organisation.")));
        r->orgId = detail->folder.orgId;
        for (const SharingApi::LogEntry& entry : detail->log)
            r->log.append(entry.entry);
        rememberEmails(detail->memberEmails);
        SecurityState& security = m_cache->security();
        Result<MembershipState> replayed =
            MembershipLog::replayBytes(r->folderId, r->log, security.checkpoint(r->folderId));
        if (!replayed)
            return refuse(r, replayed.error());
        // Every member's key against the pins: a changed key blocks that member.
        acceptConfirmedKeys(r->log, *replayed);
        if (Status pinned = security.pins.checkMembers(*replayed, nowMs()); !pinned) {
            (void)saveSecurity(); // the pending key is remembered either way
            for (const QUuid& member : replayed->members()) {
                if (security.pins.isBlocked(member))
                    emit memberKeyChanged(r->folderId, member);
            }
            return refuse(r, pinned.error());
        }
        const QUuid me = m_account.account().userId;
        if (!replayed->isMember(me))
            return refuse(
                r, Error::make(ErrorCode::Denied, Tr::tr("you are no longer a member of this folder.")));
        r->members = std::make_shared<MembershipState>(std::move(*replayed));

        // The keys already held stay; the server can add, never replace one.
        r->keys = std::make_shared<FolderKeyRing>(r->folderId);
        if (held) {
            for (quint32 v = 1; v <= held->keys.latestVersion(); ++v) {
                if (const SecureBytes* key = held->keys.key(v))
                    r->keys->insert(v, key->clone());
            }
        }
        const QList<QByteArray> links = detail->keyLinks;
        m_api.grants(r->folderId, this, [this, r, links](Result<QList<SharingApi::Grant>> grants) {
            if (!grants)
                return r->done(grants.error());
            const QUuid self = m_account.account().userId;
            for (const SharingApi::Grant& g : *grants) {
                if (g.recipientId != self || r->keys->contains(g.keyVersion))
                    continue;
                Result<FolderKeyGrant> grant = FolderKeyGrant::parse(g.grant);
                if (!grant)
                    return refuse(r, grant.error());
                Result<SecureBytes> key = grant->open(*r->members, self, *m_account.userKeys());
                if (!key)
                    return refuse(r, key.error());
                if (Status accepted = r->keys->accept(grant->keyVersion(), std::move(*key), *r->members);
                    !accepted)
                    return refuse(r, accepted.error());
            }
            if (!links.isEmpty()) {
                if (Status absorbed = r->keys->absorbChain(links, *r->members); !absorbed)
                    return refuse(r, absorbed.error());
            }
            if (!r->keys->contains(r->members->currentKeyVersion()))
                return r->done(
                    Error::make(ErrorCode::Unavailable,
                                Tr::tr("A manager of this folder has not granted you its key yet.")));
            if (r->members->roleOf(self) == FolderRole::Manage) {
                // A manager is listed every grant: who lacks one of the current key?
                Folder::Ungranted missing{r->members->currentKeyVersion(), {}};
                QSet<QUuid> granted;
                for (const SharingApi::Grant& g : *grants) {
                    if (g.keyVersion == missing.version)
                        granted.insert(g.recipientId);
                }
                // Not this manager: it holds the key (checked above), and a grant to itself a
                // server keeps hiding would be posted again at every refresh.
                for (const QUuid& member : r->members->members()) {
                    if (member != self && !granted.contains(member))
                        missing.members.append(member);
                }
                r->ungranted = std::move(missing);
            }
            refreshItems(r);
        });
    });
}

void SyncEngine::refreshItems(std::shared_ptr<Refresh> r)
{
    Folder* held = find(r->folderId);
    if (r->fromCache) {
        if (!held)
            return r->done(unknownFolder());
        if (!held->state.isEmpty())
            r->state = SharingApi::StateRef{0, held->state};
        for (const auto& [itemId, item] : held->items)
            r->items.append({itemId, 0, 0, {}, item.envelope});
        return verify(r);
    }
    if (!held || r->full || held->chain.isEmpty())
        return readAllItems(r, {});
    const quint64 sequence = held->chain.sequence();
    const bool rotated = r->members->currentKeyVersion() != held->members.currentKeyVersion();
    m_api.items(
        r->folderId, {}, sequence, this, [this, r, sequence, rotated](Result<SharingApi::ItemPage> page) {
            if (!page)
                return r->done(page.error());
            if (!page->state)
                return refuse(
                    r, Error::make(ErrorCode::Protocol,
                                   Tr::tr("the folder's state is missing although writes were seen.")));
            if (page->state->sequence == sequence && page->items.isEmpty()) {
                r->unchanged = true;
                r->work = std::make_shared<std::vector<Slot>>(); // commit reads it: nothing to open
                return commit(r);
            }
            // One write follows the held state; a rotation (new key version) is read whole instead.
            if (page->state->sequence == sequence + 1 && page->items.size() == 1 && page->next.isNull() &&
                page->corrupt.isEmpty() && !rotated) {
                r->state = page->state;
                r->items = page->items;
                r->snapshot = false;
                return verify(r);
            }
            readAllItems(r, {}); // several writes: the whole folder again, against the state
        });
}

void SyncEngine::readAllItems(std::shared_ptr<Refresh> r, const QUuid& after)
{
    if (after.isNull()) {
        r->items.clear();
        r->state.reset();
        r->snapshot = true;
        ++r->reads;
    }
    m_api.items(r->folderId, after, 0, this, [this, r, after](Result<SharingApi::ItemPage> page) {
        if (!page)
            return r->done(page.error());
        if (!page->corrupt.isEmpty())
            return refuse(
                r, Error::make(ErrorCode::Corrupt, Tr::tr("the server could not deliver %n item(s) intact.",
                                                          nullptr, int(page->corrupt.size()))));
        if (after.isNull()) {
            r->state = page->state;
        } else if (page->state.has_value() != r->state.has_value() ||
                   (page->state && page->state->state != r->state->state)) {
            // A write committed between two pages: read again from the start (a few times).
            if (r->reads >= 3)
                return r->done(
                    Error::make(ErrorCode::Unavailable,
                                Tr::tr("The folder changes faster than it can be read. Try again.")));
            return readAllItems(r, {});
        }
        r->items.append(page->items);
        if (r->items.size() > SharingApi::kMaxListEntries)
            return refuse(
                r, Error::make(ErrorCode::Protocol, Tr::tr("it lists more items than a folder holds.")));
        if (!page->next.isNull())
            return readAllItems(r, page->next);
        verify(r);
    });
}

void SyncEngine::verify(std::shared_ptr<Refresh> r)
{
    const SecurityState& security = m_cache->security();
    Folder* held = find(r->folderId);
    r->work = std::make_shared<std::vector<Slot>>();
    r->work->reserve(std::size_t(r->items.size()));
    // The log length the delivered state was written against (checked with the chain in
    // commit() before anything read is believed): while a rotation is pending, a write made
    // before the departure is accepted (ItemReader::Expectation::writtenAt).
    std::optional<quint64> writtenAt;
    if (r->state) {
        if (Result<FolderState> parsed = FolderState::parse(r->state->state))
            writtenAt = parsed->fields().logLength;
    }
    for (const SharingApi::Item& item : r->items) {
        Slot slot;
        slot.bytes = item.envelope;
        slot.expect.writtenAt = writtenAt;
        slot.expect.orgId = r->orgId;
        slot.expect.folderId = r->folderId;
        slot.expect.itemId = item.itemId;
        slot.expect.lastSeen = security.seen(r->folderId, item.itemId);
        if (held) {
            // What this run holds counts as seen too (a write accepted but not yet saved).
            const auto it = held->items.find(item.itemId);
            if (it != held->items.end() && it->second.opened.revision > 0 &&
                (!slot.expect.lastSeen || slot.expect.lastSeen->revision < it->second.opened.revision))
                slot.expect.lastSeen = ItemReader::Seen{it->second.opened.revision, it->second.opened.hash};
        }
        r->work->push_back(std::move(slot));
    }
    // Verification and decryption on every core; the folder's own state is not touched there
    // (the refresh owns its membership state and key ring).
    auto members = r->members;
    auto keys = r->keys;
    auto* watcher = new QFutureWatcher<void>(this);
    const QUuid folderId = r->folderId;
    const int total = int(r->work->size());
    connect(watcher, &QFutureWatcher<void>::progressValueChanged, this,
            [this, folderId, total](int value) { emit progress(folderId, value, total); });
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, r, watcher] {
        watcher->deleteLater();
        for (Slot& slot : *r->work) {
            if (!slot.opened || !slot.opened->ok())
                return refuse(r, slot.opened
                                     ? slot.opened->error()
                                     : Error::make(ErrorCode::Protocol, Tr::tr("an item is unreadable.")));
        }
        commit(r);
    });
    // The job keeps the slots alive itself: the engine may go away while it runs.
    auto work = r->work;
    watcher->setFuture(QtConcurrent::map(*work, [members, keys, work](Slot& slot) {
        Result<ItemEnvelope> envelope = ItemEnvelope::parse(slot.bytes);
        if (!envelope) {
            slot.opened.emplace(envelope.error());
            return;
        }
        slot.envelope = *envelope;
        // The very envelope this client accepted before is checked by the history rules: its
        // author had the right to edit when it was accepted and may have lost it since (a role
        // lowered, a member removed), which must not make what was read unreadable. Anything
        // newer still needs an author who may edit now.
        ItemReader::Expectation expect = slot.expect;
        if (expect.lastSeen && expect.lastSeen->revision == envelope->header().revision &&
            expect.lastSeen->hash == envelope->hash())
            expect.historical = true;
        slot.opened.emplace(ItemReader::open(*envelope, expect, *members, *keys));
    }));
}

void SyncEngine::commit(std::shared_ptr<Refresh> r)
{
    if (!r->work) // unchanged items (only the log moved on): nothing was verified
        r->work = std::make_shared<std::vector<Slot>>();
    Folder* held = find(r->folderId);
    SecurityState& security = m_cache->security();
    std::optional<FolderState> state;
    if (r->state) {
        Result<FolderState> parsed = FolderState::parse(r->state->state);
        if (!parsed)
            return refuse(r, parsed.error());
        state = *parsed;
    }

    FolderStateChain chain(r->folderId);
    if (r->unchanged) {
        chain = held->chain;
    } else if (r->snapshot) {
        if (state) {
            // A state older than, or forking from, the one recorded: a rollback.
            if (Status fresh = security.checkFolderState(*state); !fresh)
                return refuse(r, fresh.error());
            // The hashes ItemReader computed on the worker threads, not computed again here.
            std::vector<FolderStateChain::Listed> latest;
            latest.reserve(r->work->size());
            for (const Slot& slot : *r->work) {
                const ItemEnvelope::Header& h = slot.envelope->header();
                latest.push_back({h.folderId, h.itemId, h.kind, slot.opened->value().hash});
            }
            if (Status accepted = chain.acceptSnapshot(*state, latest, *r->members); !accepted)
                return refuse(r, accepted.error());
        } else if (!r->work->empty() || (security.folders.count(r->folderId) &&
                                         security.folders.at(r->folderId).writeSequence > 0)) {
            return refuse(r, Error::make(ErrorCode::Protocol, Tr::tr("the folder's state is missing.")));
        }
    } else {
        chain = held->chain;
        if (Status accepted = chain.acceptWrite(*state, *r->work->front().envelope, *r->members,
                                                FolderStateChain::LogView::Known);
            !accepted)
            return refuse(r, accepted.error());
    }

    // Everything checked: the cache first, then the security state, then memory.
    auto folder = std::make_unique<Folder>(r->folderId);
    folder->orgId = r->orgId;
    folder->log = r->log;
    folder->members = *r->members;
    folder->keys = std::move(*r->keys);
    folder->chain = chain;
    folder->state = state ? r->state->state : QByteArray();
    if (r->ungranted)
        folder->ungranted = std::move(*r->ungranted);
    else if (held)
        folder->ungranted = held->ungranted;
    if (held && (!r->snapshot || r->unchanged)) {
        for (auto& [itemId, item] : held->items)
            folder->items.emplace(itemId, std::move(item));
    }
    // An unchanged folder (the state check found nothing new) verified no envelopes at all.
    std::vector<Slot> none;
    for (Slot& slot : r->work ? *r->work : none) {
        Held item;
        item.envelope = slot.bytes;
        item.opened = std::move(slot.opened->value());
        folder->items.insert_or_assign(slot.expect.itemId, std::move(item));
    }

    // The log is written only when it moved on: one write of a change costs one transaction.
    const bool logStored = held && held->log == r->log;
    Status cached;
    if (r->fromCache) {
        cached = logStored ? Status() : m_cache->appendLog(r->folderId, 0, r->log);
    } else if (r->snapshot && !r->unchanged) {
        LocalCache::Folder c;
        c.folderId = r->folderId;
        c.orgId = r->orgId;
        c.log = r->log;
        c.state = folder->state;
        for (const auto& [itemId, item] : folder->items)
            c.envelopes.insert(itemId, item.envelope);
        cached = m_cache->replaceFolder(c);
    } else {
        cached = logStored ? Status() : m_cache->appendLog(r->folderId, 0, r->log);
        if (cached && !r->snapshot)
            cached = m_cache->storeWrite(r->folderId, folder->state, r->work->front().expect.itemId,
                                         r->work->front().bytes);
    }
    if (!cached) {
        // Memory keeps what it had; the next refresh tries again.
        return r->done(cached.error());
    }
    security.acceptLog(folder->members);
    if (state)
        security.acceptFolderState(*state);
    // Only what this refresh verified: the items carried over were recorded when accepted.
    for (const Slot& slot : *r->work) {
        const Held& item = folder->items.at(slot.expect.itemId);
        security.acceptItem(r->folderId, slot.expect.itemId, {item.opened.revision, item.opened.hash});
    }
    // Saved when the operation that runs this refresh ends (one write per sync, not per folder).
    securityChanged();

    m_folders.insert_or_assign(r->folderId, std::move(folder));
    emit folderChanged(r->folderId);
    r->done({});
}

// --- changes feed -----------------------------------------------------------------------

quint64 SyncEngine::feedCursor() const
{
    if (!m_cache || !m_started)
        return 0;
    const Result<quint64> cursor = m_cache->cursor();
    return cursor ? *cursor : 0;
}

void SyncEngine::sync(QObject* context, StatusDone done)
{
    sync(context, std::move(done), SyncScope::Everything);
}

void SyncEngine::sync(QObject* context, StatusDone done, SyncScope scope,
                      const std::optional<SharingApi::CarriedPage>& carried)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, reply, scope, carried](std::function<void()> finish) {
        if (!m_started)
            return reply(notStarted()), finish();
        Result<quint64> cursor = m_cache->cursor();
        if (!cursor)
            return reply(cursor.error()), finish();
        m_checkUnnamed = scope == SyncScope::Everything;
        auto touched = std::make_shared<std::map<QUuid, Touch>>();
        StatusDone ended = [reply, finish](Status status) {
            reply(std::move(status));
            finish();
        };
        // The page covers every change after `after`: those after the cursor are what the
        // feed would answer for it (protocol.md §11).
        if (carried && carried->after <= *cursor && *cursor < carried->page.cursor) {
            SharingApi::FeedPage page;
            page.cursor = carried->page.cursor;
            for (const SharingApi::Change& change : carried->page.changes) {
                if (change.seq > *cursor)
                    page.changes.append(change);
            }
            qCDebug(lcCoreSync) << "feed page carried by live hints from" << carried->after;
            return applyFeedPage(page, touched, false, std::move(ended));
        }
        doFeed(*cursor, touched, false, std::move(ended));
    });
}

void SyncEngine::doFeed(quint64 cursor, std::shared_ptr<std::map<QUuid, Touch>> touched, bool blocked,
                        StatusDone done)
{
    ++m_feedRequests;
    m_api.feed(cursor, this, [this, touched, blocked, done](Result<SharingApi::FeedPage> page) mutable {
        if (!page) {
            if (isSharingBlocked(page.error()))
                wipeAll(page.error().message);
            return done(page.error());
        }
        applyFeedPage(*page, touched, blocked, std::move(done));
    });
}

void SyncEngine::applyFeedPage(const SharingApi::FeedPage& page,
                               std::shared_ptr<std::map<QUuid, Touch>> touched, bool blocked, StatusDone done)
{
    qCDebug(lcCoreSync) << "feed page:" << page.changes.size() << "changes, cursor" << page.cursor
                        << (page.more ? "more" : "end");
    for (const SharingApi::Change& change : page.changes) {
        qCDebug(lcCoreSync) << "change" << change.seq << change.kind << change.folderId << change.objectId;
        if (change.kind == QLatin1String("blocked")) {
            // Decided after the last page: a block lifted since (a later `unblocked`, the
            // feed of an account signed in again after the lifting) wipes nothing.
            blocked = true;
        } else if (change.kind == QLatin1String("unblocked")) {
            // The server sends it only once no block covers the user any more.
            blocked = false;
        } else if (change.kind == QLatin1String("removed")) {
            const QUuid folderId = QUuid::fromString(change.objectId);
            if (!folderId.isNull())
                (*touched)[folderId] = Touch::Removed;
        } else if (change.kind == QLatin1String("item")) {
            if (!change.folderId.isNull() && !touched->count(change.folderId))
                (*touched)[change.folderId] = Touch::Items;
        } else if (change.kind == QLatin1String("membership") || change.kind == QLatin1String("folder")) {
            // The log or the keys may have moved: a full refresh, whatever else was named.
            if (!change.folderId.isNull() &&
                (!touched->count(change.folderId) || touched->at(change.folderId) == Touch::Items))
                (*touched)[change.folderId] = Touch::Refresh;
        } else if (change.kind == QLatin1String("grant")) {
            // User-addressed: the folder is the object; a folder not held yet is synced first.
            const QUuid folderId = QUuid::fromString(change.objectId);
            if (!folderId.isNull() && (!touched->count(folderId) || touched->at(folderId) == Touch::Items))
                (*touched)[folderId] = Touch::Refresh;
        } else if (change.kind == QLatin1String("invitation")) {
            emit invitationsChanged(); // InvitationFlow reads them
        }
        // Unknown kinds are skipped.
    }
    if (page.more)
        return doFeed(page.cursor, touched, blocked, done);
    if (blocked) {
        // Team Sharing is turned off for this user: nothing shared may stay here. (The
        // server refuses a blocked user's requests, so this is a block set while the
        // feed was being read.)
        const QString why =
            Tr::tr("Your organisation's administrators have turned off Team Sharing for you.");
        wipeAll(why);
        return done(Error::make(ErrorCode::Denied, why, QStringLiteral("sharing-blocked")));
    }
    // Every other folder held gets a state check (one small request): a change whose
    // hint the feed lacks is found all the same, and a withheld write shows at once.
    // A live hint's sync leaves that to the next poll: delay is all a withheld hint buys.
    for (const auto& [folderId, folder] : m_folders) {
        if (m_checkUnnamed && !touched->count(folderId))
            (*touched)[folderId] = Touch::Check;
    }
    refreshEach(touched, page.cursor, done);
}

void SyncEngine::refreshEach(std::shared_ptr<std::map<QUuid, Touch>> touched, quint64 cursor, StatusDone done)
{
    auto run = std::make_shared<FeedRun>();
    run->touched = std::move(touched);
    run->cursor = cursor;
    run->done = std::move(done);
    pumpFeed(run);
}

// Up to kParallelRefreshes folders are read at once: the folders are independent (each
// refresh checks and applies only its own folder, on this thread), so only the waiting for
// answers overlaps. The order rules of protocol.md §11.1 are about the cursor, which is
// stored after every folder finished, and not at all after a failure.
void SyncEngine::pumpFeed(std::shared_ptr<FeedRun> run)
{
    if (run->pumping)
        return; // a refresh that ended at once: the loop below goes on
    run->pumping = true;
    while (!run->failed && !run->touched->empty() && run->inFlight < kParallelRefreshes) {
        // Not a structured binding: lambdas capture the id, which clang 14 refuses for one.
        const QUuid folderId = run->touched->begin()->first;
        const Touch touch = run->touched->begin()->second;
        run->touched->erase(run->touched->begin());
        ++run->inFlight;
        QPointer<SyncEngine> self(this);
        refreshOne(folderId, touch, run->touched, [self, run](Status status) {
            --run->inFlight;
            if (!status && !run->failed)
                run->failed = status.error();
            if (self)
                self->pumpFeed(run);
        });
    }
    run->pumping = false;
    if (run->inFlight > 0 || run->finished || (!run->failed && !run->touched->empty()))
        return;
    run->finished = true;
    if (run->failed) {
        // The folders accepted before the failure stay accepted; their state is saved.
        (void)saveSecurityIfChanged();
        return run->done(*run->failed); // the cursor stays: the next sync tries again
    }
    // The security state once for the whole sync, before the cursor: a crash between the
    // two reads the same changes again.
    if (Status saved = saveSecurityIfChanged(); !saved)
        return run->done(saved);
    // Stored only now: every change up to it has been applied. An unchanged cursor is not
    // written again (a sync that found nothing costs no disk write).
    if (const Result<quint64> stored = m_cache->cursor(); stored && *stored == run->cursor)
        return run->done({});
    run->done(m_cache->setCursor(run->cursor));
}

void SyncEngine::refreshOne(const QUuid& folderId, Touch touch,
                            std::shared_ptr<std::map<QUuid, Touch>> touched, StatusDone finished)
{
    if (touch == Touch::Check) {
        const Folder* held = find(folderId);
        if (!held)
            return finished({});
        const quint64 sequence = held->chain.sequence();
        return m_api.items(folderId, {}, sequence, this,
                           [this, folderId, sequence, touched, finished](Result<SharingApi::ItemPage> page) {
                               const bool same = page && ((page->state && page->state->sequence == sequence &&
                                                           page->items.isEmpty()) ||
                                                          (!page->state && sequence == 0));
                               if (same) // a grant that failed before is tried again
                                   return grantMissing(folderId, [finished](Status) { finished({}); });
                               (*touched)[folderId] = Touch::Refresh;
                               finished({});
                           });
    }
    if (touch == Touch::Removed) {
        if (!find(folderId))
            return finished({});
        // The feed's word alone does not wipe a folder whose signed log the server still
        // serves with this user in it: that is a server contradicting itself (protocol.md §11.1).
        return m_api.folder(
            folderId, this, [this, folderId, touched, finished](Result<SharingApi::FolderDetail> detail) {
                const Folder* held = find(folderId);
                if (!held)
                    return finished({});
                if (detail) {
                    QList<QByteArray> log;
                    for (const SharingApi::LogEntry& entry : detail->log)
                        log.append(entry.entry);
                    Result<MembershipState> replayed =
                        MembershipLog::replayBytes(folderId, log, m_cache->security().checkpoint(folderId));
                    // Believed as "removed and added again" only when the entries since
                    // the held log really remove this user.
                    const QUuid me = m_account.account().userId;
                    bool removedSince = false;
                    for (qsizetype i = held->log.size(); i < log.size(); ++i) {
                        Result<MembershipEntry> entry = MembershipEntry::parse(log.at(i));
                        if (entry && entry->fields().subjectId == me &&
                            (entry->fields().action == MembershipAction::Remove ||
                             entry->fields().action == MembershipAction::Leave))
                            removedSince = true;
                    }
                    QString reason;
                    if (!replayed)
                        reason = replayed.error().message;
                    else if (replayed->isMember(me) && !removedSince)
                        reason = Tr::tr("it says you were removed from this folder, but the "
                                        "folder's signed membership list still lists you.");
                    if (!reason.isEmpty()) {
                        qCWarning(lcCoreSync)
                            << "refused a removal of folder" << idText(folderId) << ":" << reason;
                        emit dataRefused(folderId, reason);
                        return finished(refusedBecause(reason));
                    }
                    if (replayed->isMember(me)) {
                        // Removed and added again since: read it like any change.
                        (*touched)[folderId] = Touch::Refresh;
                        return finished({});
                    }
                } else if (detail.error().code == ErrorCode::Network ||
                           detail.error().code == ErrorCode::Timeout ||
                           detail.error().code == ErrorCode::Unavailable) {
                    return finished(detail.error()); // the next sync asks again
                }
                wipeFolder(folderId, Tr::tr("A manager of this folder removed you from it."));
                finished({});
            });
    }
    auto next = [this, folderId, touched, finished](Status status) {
        if (!status)
            return finished(status); // the cursor stays: the next sync tries again
        // A departure the log records without a new key: a manager rotates now; then grants
        // the current key to a member added without one.
        rotateIfPending(folderId, [this, folderId, finished](Status) {
            grantMissing(folderId, [finished](Status) { finished({}); });
        });
    };
    const Folder* held = find(folderId);
    if (touch == Touch::Items && held && !held->chain.isEmpty() &&
        held->keys.contains(held->members.currentKeyVersion())) {
        // Only items were written: the one write is checked on the log and the keys held, which
        // spares two requests. A write made on a log this client has not accepted, or under
        // a key it lacks, is not accepted so; the full refresh then reads the log and grants.
        auto r = std::make_shared<Refresh>();
        r->folderId = folderId;
        r->done = next;
        r->orgId = held->orgId;
        r->log = held->log;
        r->members = std::make_shared<MembershipState>(held->members);
        r->keys = std::make_shared<FolderKeyRing>(folderId);
        for (quint32 v = 1; v <= held->keys.latestVersion(); ++v) {
            if (const SecureBytes* key = held->keys.key(v))
                r->keys->insert(v, key->clone());
        }
        r->fallback = [this, folderId, next] {
            doRefresh(folderId, false, next);
        };
        return refreshItems(r);
    }
    doRefresh(folderId, false, next);
}

// --- writes -----------------------------------------------------------------------------

void SyncEngine::createFolder(const QUuid& orgId, const QString& name, QObject* context, IdDone done)
{
    auto reply = guarded<Result<QUuid>>(context, std::move(done));
    enqueue([this, orgId, name, reply](std::function<void()> finish) {
        auto answer = [reply, finish](Result<QUuid> result) {
            reply(std::move(result));
            finish();
        };
        if (!m_started)
            return answer(notStarted());
        const QUuid me = m_account.account().userId;
        const UserKeys& keys = *m_account.userKeys();
        auto folder =
            std::make_shared<std::unique_ptr<Folder>>(std::make_unique<Folder>(QUuid::createUuid()));
        Folder& f = **folder;
        f.orgId = orgId;
        SecureBytes key = FolderKeyRing::generateKey();
        const MembershipEntry create = MembershipLog::create(f.id, me, keys, key, nowMs());
        if (Status applied = f.members.apply(create); !applied)
            return answer(applied.error());
        f.keys.insert(1, std::move(key));
        f.log = {create.serialize()};
        m_api.createFolder(orgId, f.id, create.serialize(), this,
                           [this, folder, name, answer, me](Result<SharingApi::Folder> created) {
                               if (!created)
                                   return answer(created.error());
                               Folder& made = **folder;
                               const UserKeys& userKeys = *m_account.userKeys();
                               Result<UserKeyBundle> self = UserKeyBundle::parseAndVerify(
                                   UserKeyBundle::create(me, userKeys).serialize());
                               Result<FolderKeyGrant> grant =
                                   self ? FolderKeyGrant::create(made.members, 1, *made.keys.key(1), *self,
                                                                 m_cache->security().pins, me, userKeys)
                                        : Result<FolderKeyGrant>(self.error());
                               if (!grant)
                                   return answer(grant.error());
                               m_api.postGrants(made.id, {grant->serialize()}, this,
                                                [this, folder, name, answer](Status granted) {
                                                    if (!granted)
                                                        return answer(granted.error());
                                                    Folder& ready = **folder;
                                                    LocalCache::Folder c;
                                                    c.folderId = ready.id;
                                                    c.orgId = ready.orgId;
                                                    c.log = ready.log;
                                                    if (Status cached = m_cache->replaceFolder(c); !cached)
                                                        return answer(cached.error());
                                                    m_cache->security().acceptLog(ready.members);
                                                    if (Status saved = saveSecurity(); !saved)
                                                        return answer(saved.error());
                                                    const QUuid id = ready.id;
                                                    m_folders.insert_or_assign(id, std::move(*folder));
                                                    doWrite(id, id, ItemKind::FolderName, name.toUtf8(), 0,
                                                            [answer, id](Result<QUuid> named) {
                                                                answer(named ? Result<QUuid>(id) : named);
                                                            });
                                                });
                           });
    });
}

// --- members ----------------------------------------------------------------------------

Status SyncEngine::confirmSafetyNumber(const QByteArray& bundle, const QString& typedSafetyNumber)
{
    if (!m_started)
        return notStarted();
    Result<UserKeyBundle> parsed = UserKeyBundle::parseAndVerify(bundle);
    if (!parsed)
        return parsed.error();
    if (Status matched = m_cache->security().pins.recordSafetyNumberMatch(
            parsed->userId(), parsed->identityPublicKey(), typedSafetyNumber, nowMs());
        !matched)
        return matched;
    m_bundles[parsed->userId()] = bundle;
    return saveSecurity();
}

void SyncEngine::addMember(const QUuid& folderId, const QByteArray& bundle, FolderRole role, QObject* context,
                           StatusDone done)
{
    addMember(folderId, bundle, role, {}, context, std::move(done));
}

void SyncEngine::addMember(const QUuid& folderId, const QByteArray& bundle, FolderRole role,
                           std::function<Status()> stillHolds, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, folderId, bundle, role, stillHolds, reply](std::function<void()> finish) {
        auto answer = [reply, finish](Status status) {
            reply(std::move(status));
            finish();
        };
        Folder* folder = m_started ? find(folderId) : nullptr;
        if (!folder)
            return answer(m_started ? unknownFolder() : notStarted());
        Result<UserKeyBundle> member = UserKeyBundle::parseAndVerify(bundle);
        if (!member)
            return answer(member.error());
        const UserKeyBundle recipient = *member;
        m_bundles[recipient.userId()] = bundle;
        // Signed on the log as it stands; when another manager appended first, on the log
        // read again (doAppendEntry).
        auto make = [this, recipient, role, stillHolds](const Folder& f) -> Result<MembershipEntry> {
            if (stillHolds) {
                if (Status holds = stillHolds(); !holds)
                    return holds.error();
            }
            return MemberAdmission::addEntry(m_cache->security().pins, f.members, m_account.account().userId,
                                             *m_account.userKeys(), recipient, role, nowMs());
        };
        doAppendEntry(folderId, make, 0, [this, folderId, recipient, answer](Status appended) {
            if (!appended)
                return answer(appended);
            Folder* target = find(folderId);
            if (!target)
                return answer(unknownFolder());
            const quint32 version = target->members.currentKeyVersion();
            const SecureBytes* key = target->keys.key(version);
            if (!key)
                return answer(Error::make(ErrorCode::Unavailable,
                                          Tr::tr("This computer does not hold the folder's current key.")));
            const QUuid granter = m_account.account().userId;
            Result<FolderKeyGrant> grant =
                FolderKeyGrant::create(target->members, version, *key, recipient, m_cache->security().pins,
                                       granter, *m_account.userKeys());
            if (!grant)
                return answer(grant.error());
            m_api.postGrants(folderId, {grant->serialize()}, this, answer);
        });
    });
}

// --- what is held -----------------------------------------------------------------------

QList<QUuid> SyncEngine::folderIds() const
{
    QList<QUuid> ids;
    for (const auto& [id, folder] : m_folders)
        ids.append(id);
    return ids;
}

QString SyncEngine::folderName(const QUuid& folderId) const
{
    const Folder* folder = find(folderId);
    if (!folder)
        return {};
    const auto it = folder->items.find(folderId);
    if (it == folder->items.end() || it->second.opened.kind != ItemKind::FolderName)
        return {};
    return QString::fromUtf8(it->second.opened.plaintext.view());
}

QList<QUuid> SyncEngine::itemIds(const QUuid& folderId) const
{
    QList<QUuid> ids;
    if (const Folder* folder = find(folderId)) {
        for (const auto& [id, item] : folder->items) {
            if (item.opened.revision > 0 && item.opened.kind == ItemKind::Item)
                ids.append(id);
        }
    }
    return ids;
}

QList<QUuid> SyncEngine::heldItemIds(const QUuid& folderId) const
{
    QList<QUuid> ids = itemIds(folderId);
    for (const Outbox::Entry& entry : m_pending) {
        if (entry.folderId == folderId && !ids.contains(entry.itemId))
            ids.append(entry.itemId);
    }
    return ids;
}

const SensitiveBytes* SyncEngine::itemPlaintext(const QUuid& folderId, const QUuid& itemId) const
{
    const Folder* folder = find(folderId);
    if (!folder)
        return nullptr;
    const auto it = folder->items.find(itemId);
    if (it == folder->items.end() || it->second.opened.revision == 0 ||
        it->second.opened.kind != ItemKind::Item)
        return nullptr;
    return &it->second.opened.plaintext;
}

quint64 SyncEngine::itemRevision(const QUuid& folderId, const QUuid& itemId) const
{
    const Folder* folder = find(folderId);
    if (!folder)
        return 0;
    const auto it = folder->items.find(itemId);
    return it == folder->items.end() ? 0 : it->second.opened.revision;
}

QUuid SyncEngine::itemAuthor(const QUuid& folderId, const QUuid& itemId) const
{
    const Folder* folder = find(folderId);
    if (!folder)
        return {};
    const auto it = folder->items.find(itemId);
    return it == folder->items.end() ? QUuid() : it->second.opened.authorId;
}

FolderRole SyncEngine::roleIn(const QUuid& folderId) const
{
    return memberRole(folderId, m_account.account().userId);
}

FolderRole SyncEngine::memberRole(const QUuid& folderId, const QUuid& userId) const
{
    const Folder* folder = find(folderId);
    return folder ? folder->members.roleOf(userId) : FolderRole::None;
}

QByteArray SyncEngine::memberIdentityKey(const QUuid& folderId, const QUuid& userId) const
{
    const Folder* folder = find(folderId);
    return folder && folder->members.roleOf(userId) != FolderRole::None
               ? folder->members.identityKeyOf(userId)
               : QByteArray();
}

quint64 SyncEngine::memberLogLength(const QUuid& folderId) const
{
    const Folder* folder = find(folderId);
    return folder ? folder->members.length() : 0;
}

quint64 SyncEngine::memberChangedAt(const QUuid& folderId, const QUuid& userId) const
{
    const Folder* folder = find(folderId);
    return folder ? folder->members.lastChangeOf(userId) : 0;
}

} // namespace Conclave::Core
