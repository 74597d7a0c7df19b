// The sync engine's member operations (DESIGN §6, protocol.md §5.4 and §6): role changes,
// removal with one rotation request, leaving, handing over Manage, changed keys, and the wipe
// of a folder one was removed from or of everything when Team Sharing is blocked. Same class
// as SyncEngine.cpp; every operation runs through the engine's queue.
#include "core/sync/SyncEngine.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderRotation.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/RotationBatch.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiError.h"
#include "core/sync/KnownAccounts.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngineShared.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPointer>

#include <algorithm>

namespace Conclave::Core {

namespace {

using namespace SyncEngineShared;

Error needsManage()
{
    return Error::make(ErrorCode::Denied, Tr::tr("Only a manager of this folder can do this."));
}

int managerCount(const MembershipState& members)
{
    int count = 0;
    for (const QUuid& id : members.members()) {
        if (members.roleOf(id) == FolderRole::Manage)
            ++count;
    }
    return count;
}

} // namespace

// --- what is shown ----------------------------------------------------------------------

QList<SyncEngine::MemberInfo> SyncEngine::members(const QUuid& folderId) const
{
    QList<MemberInfo> list;
    const Folder* folder = find(folderId);
    if (!folder || !m_cache)
        return list;
    const QUuid me = m_account.account().userId;
    const KeyPinStore& pins = m_cache->security().pins;
    for (const QUuid& id : folder->members.members()) {
        MemberInfo info;
        info.userId = id;
        info.email = emailOf(id);
        info.role = folder->members.roleOf(id);
        const QByteArray key = folder->members.identityKeyOf(id);
        info.safetyNumber = Fingerprint::of(key).safetyNumber();
        info.isSelf = id == me;
        const std::optional<KeyPinStore::Pin> pin = pins.pin(id);
        info.keyChanged = pins.isBlocked(id);
        info.verified = info.isSelf || (pin && pin->key == key &&
                                        pin->origin != KeyPinStore::Origin::FirstUse && !info.keyChanged);
        list.append(info);
    }
    return list;
}

QString SyncEngine::emailOf(const QUuid& userId) const
{
    if (m_account.isSignedIn() && userId == m_account.account().userId)
        return m_account.account().email;
    const auto it = m_emails.find(userId);
    return it == m_emails.end() ? QString() : it->second;
}

void SyncEngine::rememberEmail(const QUuid& userId, const QString& email)
{
    // The server's list wins when it names the member; this fills the gap until then.
    if (!userId.isNull() && !email.isEmpty() && m_emails.count(userId) == 0)
        m_emails[userId] = email;
}

void SyncEngine::rememberEmails(const QList<QPair<QUuid, QString>>& emails)
{
    for (const auto& [userId, email] : emails)
        m_emails[userId] = email;
}

// --- log entries ------------------------------------------------------------------------

void SyncEngine::doAppendEntry(const QUuid& folderId,
                               std::function<Result<MembershipEntry>(const Folder&)> make, int attempt,
                               StatusDone done)
{
    const Folder* folder = find(folderId);
    if (!folder)
        return done(unknownFolder());
    Result<MembershipEntry> made = make(*folder);
    if (!made)
        return done(made.error());
    const MembershipEntry entry = *made;
    m_api.appendLog(
        folderId, entry.serialize(), this, [this, folderId, make, attempt, done, entry](Result<quint64> r) {
            if (!r) {
                // The log moved on (another manager): read it and sign the entry again on it.
                if (r.error().code == ErrorCode::AlreadyExists && attempt + 1 < kMaxRebases) {
                    qCInfo(lcCoreSync) << "membership log moved on; reading it again";
                    return doRefresh(folderId, false, [this, folderId, make, attempt, done](Status s) {
                        if (!s)
                            return done(s);
                        doAppendEntry(folderId, make, attempt + 1, done);
                    });
                }
                return done(r.error());
            }
            Folder* target = find(folderId);
            if (!target)
                return done(unknownFolder());
            if (Status applied = target->members.apply(entry); !applied)
                return done(applied);
            target->log.append(entry.serialize());
            if (Status cached =
                    m_cache->appendLog(folderId, quint64(target->log.size() - 1), {entry.serialize()});
                !cached)
                return done(cached);
            m_cache->security().acceptLog(target->members);
            if (Status saved = saveSecurity(); !saved)
                return done(saved);
            emit folderChanged(folderId);
            done({});
        });
}

void SyncEngine::changeRole(const QUuid& folderId, const QUuid& userId, FolderRole role, QObject* context,
                            StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, folderId, userId, role, reply](std::function<void()> finish) {
        auto answer = [reply, finish](Status status) {
            reply(std::move(status));
            finish();
        };
        if (!m_started)
            return answer(notStarted());
        auto refusal = [this, userId, role](const Folder& f) -> std::optional<Error> {
            const QUuid me = m_account.account().userId;
            if (f.members.roleOf(me) != FolderRole::Manage)
                return needsManage();
            if (!f.members.isMember(userId))
                return Error::make(ErrorCode::NotFound, Tr::tr("This person is not a member of the folder."));
            if (role == FolderRole::None)
                return Error::make(ErrorCode::InvalidInput, Tr::tr("Choose View, Edit or Manage."));
            if (f.members.roleOf(userId) == role)
                return Error::make(ErrorCode::InvalidInput, Tr::tr("The member has this role already."));
            if (f.members.roleOf(userId) == FolderRole::Manage && managerCount(f.members) == 1)
                return Error::make(ErrorCode::Denied,
                                   Tr::tr("The folder would have no manager left. Give another member "
                                          "the Manage role first."));
            return std::nullopt;
        };
        const Folder* folder = find(folderId);
        if (!folder)
            return answer(unknownFolder());
        // A member who loses Edit loses it together with a new folder key, in one request: the
        // rotation re-signs what they wrote while they could edit, so every member (one added
        // later too) can read it, and nothing can be written in their name between the two.
        if (userId != m_account.account().userId &&
            roleAtLeast(folder->members.roleOf(userId), FolderRole::Edit) &&
            !roleAtLeast(role, FolderRole::Edit) && role != FolderRole::None) {
            if (std::optional<Error> refused = refusal(*folder))
                return answer(*refused);
            return doRotate(folderId, std::nullopt, 0, answer,
                            FolderRotation::Request::RoleChange{userId, role});
        }
        doAppendEntry(
            folderId,
            [this, userId, role, refusal](const Folder& f) -> Result<MembershipEntry> {
                if (std::optional<Error> refused = refusal(f))
                    return *refused;
                const MembershipEntry entry =
                    MembershipLog::next(f.members, MembershipAction::ChangeRole, m_account.account().userId,
                                        *m_account.userKeys(), userId, {}, role, nowMs());
                MembershipState check = f.members;
                if (Status applied = check.apply(entry); !applied)
                    return applied.error();
                return entry;
            },
            0, answer);
    });
}

void SyncEngine::handOverManage(const QUuid& folderId, const QUuid& userId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, folderId, userId, reply](std::function<void()> finish) {
        auto answer = [reply, finish](Status status) {
            reply(std::move(status));
            finish();
        };
        const Folder* folder = m_started ? find(folderId) : nullptr;
        if (!folder)
            return answer(m_started ? unknownFolder() : notStarted());
        const QUuid me = m_account.account().userId;
        if (folder->members.roleOf(me) != FolderRole::Manage)
            return answer(needsManage());
        if (userId == me || !folder->members.isMember(userId))
            return answer(
                Error::make(ErrorCode::InvalidInput, Tr::tr("Choose another member of the folder.")));
        auto stepDown = [this, folderId, me, answer](Status promoted) {
            if (!promoted)
                return answer(promoted);
            // The member holds Manage now, so the caller may step down without leaving none.
            doAppendEntry(
                folderId,
                [this, me](const Folder& f) -> Result<MembershipEntry> {
                    const MembershipEntry entry =
                        MembershipLog::next(f.members, MembershipAction::ChangeRole, me,
                                            *m_account.userKeys(), me, {}, FolderRole::Edit, nowMs());
                    MembershipState check = f.members;
                    if (Status applied = check.apply(entry); !applied)
                        return applied.error();
                    return entry;
                },
                0, answer);
        };
        if (folder->members.roleOf(userId) == FolderRole::Manage)
            return stepDown({});
        doAppendEntry(
            folderId,
            [this, me, userId](const Folder& f) -> Result<MembershipEntry> {
                if (f.members.roleOf(me) != FolderRole::Manage)
                    return needsManage();
                return MembershipLog::next(f.members, MembershipAction::ChangeRole, me, *m_account.userKeys(),
                                           userId, {}, FolderRole::Manage, nowMs());
            },
            0, stepDown);
    });
}

void SyncEngine::leaveFolder(const QUuid& folderId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, folderId, reply](std::function<void()> finish) {
        auto answer = [reply, finish](Status status) {
            reply(std::move(status));
            finish();
        };
        if (!m_started)
            return answer(notStarted());
        doAppendEntry(
            folderId,
            [this](const Folder& f) -> Result<MembershipEntry> {
                const QUuid me = m_account.account().userId;
                if (f.members.roleOf(me) == FolderRole::Manage && managerCount(f.members) == 1)
                    return Error::make(ErrorCode::Denied,
                                       Tr::tr("You are the folder's only manager. Hand over Manage to "
                                              "another member before you leave."));
                const MembershipEntry entry =
                    MembershipLog::next(f.members, MembershipAction::Leave, me, *m_account.userKeys(), me, {},
                                        FolderRole::None, nowMs());
                MembershipState check = f.members;
                if (Status applied = check.apply(entry); !applied)
                    return applied.error();
                return entry;
            },
            0,
            [this, folderId, answer](Status left) {
                if (!left)
                    return answer(left);
                wipeFolder(folderId, Tr::tr("You left this folder."));
                answer({});
            });
    });
}

// --- removal and rotation ---------------------------------------------------------------

void SyncEngine::removeMember(const QUuid& folderId, const QUuid& userId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    enqueue([this, folderId, userId, reply](std::function<void()> finish) {
        auto answer = [reply, finish](Status status) {
            reply(std::move(status));
            finish();
        };
        const Folder* folder = m_started ? find(folderId) : nullptr;
        if (!folder)
            return answer(m_started ? unknownFolder() : notStarted());
        const QUuid me = m_account.account().userId;
        if (folder->members.roleOf(me) != FolderRole::Manage)
            return answer(needsManage());
        if (userId == me)
            return answer(Error::make(ErrorCode::InvalidInput,
                                      Tr::tr("To leave the folder yourself, use Leave folder.")));
        if (!folder->members.isMember(userId))
            return answer(
                Error::make(ErrorCode::NotFound, Tr::tr("This person is not a member of the folder.")));
        if (folder->members.roleOf(userId) == FolderRole::Manage && managerCount(folder->members) == 1)
            return answer(Error::make(ErrorCode::Denied, Tr::tr("The folder would have no manager left.")));
        doRotate(folderId, userId, 0, answer);
    });
}

void SyncEngine::rotateIfPending(const QUuid& folderId, StatusDone done)
{
    const Folder* folder = find(folderId);
    // A departure, or a member lowered to View (by a client that did not rotate with it), the
    // log records without a new key.
    if (!folder || (!folder->members.rotationPending() && !folder->members.editLostUnderCurrentKey()) ||
        folder->members.roleOf(m_account.account().userId) != FolderRole::Manage)
        return done({});
    qCInfo(lcCoreSync) << "folder" << folderId
                       << "has a departure or lowered member without a new key; rotating";
    doRotate(folderId, std::nullopt, 0, [this, folderId, done](Status rotated) {
        if (!rotated)
            emit memberWorkFailed(folderId, rotated.error().message);
        done(rotated);
    });
}

void SyncEngine::grantMissing(const QUuid& folderId, StatusDone done)
{
    Folder* folder = find(folderId);
    const QUuid me = m_account.account().userId;
    if (!folder || folder->ungranted.members.isEmpty() || folder->members.roleOf(me) != FolderRole::Manage)
        return done({});
    const quint32 version = folder->members.currentKeyVersion();
    auto pending = std::make_shared<QList<QUuid>>();
    for (const QUuid& id : folder->ungranted.members) {
        if (folder->members.isMember(id))
            pending->append(id);
    }
    // A rotation since the grants were read granted its key to every member.
    if (folder->ungranted.version != version || pending->isEmpty() || !folder->keys.contains(version)) {
        folder->ungranted = {};
        return done({});
    }
    qCInfo(lcCoreSync) << "folder" << folderId << "has" << pending->size()
                       << "member(s) without a grant of its current key; granting it";
    // Tried again after the next sync's state check only when the server could not be reached
    // or failed (5xx); anything else (a rate limit, an address the server did not name, a
    // refusal) is said once and waits for the next refresh that reads the folder's grants.
    auto ended = [this, folderId, done](Status status) {
        Folder* f = find(folderId);
        const bool transient = !status && (status.error().code == ErrorCode::Network ||
                                           status.error().code == ErrorCode::Timeout ||
                                           status.error().field == QLatin1String(ApiError::kServerTrouble));
        if (f && !transient)
            f->ungranted = {};
        if (!status)
            emit memberWorkFailed(folderId, status.error().message);
        done(status);
    };
    auto bundles = std::make_shared<QList<QByteArray>>();
    collectBundles(folderId, pending, bundles, [this, folderId, version, bundles, ended](Status got) {
        if (!got)
            return ended(got);
        const Folder* f = find(folderId);
        if (!f || f->members.currentKeyVersion() != version || !f->keys.contains(version))
            return ended({});
        const QUuid granter = m_account.account().userId;
        QList<QByteArray> grants;
        for (const QByteArray& bytes : *bundles) {
            Result<UserKeyBundle> recipient = UserKeyBundle::parseAndVerify(bytes);
            if (!recipient)
                return ended(recipient.error());
            Result<FolderKeyGrant> grant =
                FolderKeyGrant::create(f->members, version, *f->keys.key(version), *recipient,
                                       m_cache->security().pins, granter, *m_account.userKeys());
            if (!grant)
                return ended(grant.error());
            grants.append(grant->serialize());
        }
        m_api.postGrants(folderId, grants, this, ended);
    });
}

void SyncEngine::collectBundles(const QUuid& folderId, std::shared_ptr<QList<QUuid>> pending,
                                std::shared_ptr<QList<QByteArray>> bundles, StatusDone done)
{
    const QUuid me = m_account.account().userId;
    while (!pending->isEmpty()) {
        const QUuid id = pending->takeFirst();
        if (id == me) {
            bundles->append(UserKeyBundle::create(me, *m_account.userKeys()).serialize());
            continue;
        }
        if (const auto known = m_bundles.find(id); known != m_bundles.end()) {
            bundles->append(known->second);
            continue;
        }
        // A key change waiting for confirmation: no look-up (each counts against a budget) and
        // no grant until a manager compared the new safety number.
        if (m_cache->security().pins.isBlocked(id))
            return done(
                Error::make(ErrorCode::Denied,
                            Tr::tr("%1 has a new key. Compare their safety number under Members before "
                                   "the folder can get a new key.")
                                .arg(emailOf(id).isEmpty() ? Tr::tr("A member") : emailOf(id))));
        // Not seen on this computer yet: the server's published bundle, checked against the pin.
        const QString email = emailOf(id);
        if (email.isEmpty())
            return done(Error::make(ErrorCode::Unavailable,
                                    Tr::tr("The sharing server did not name the address of every member, so "
                                           "their keys cannot be looked up. Try again later.")));
        return m_api.lookupKey(
            email, this,
            [this, folderId, id, email, pending, bundles, done](Result<SharingApi::KeyLookup> lookup) {
                if (!lookup)
                    return done(lookup.error());
                Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(lookup->bundle);
                if (!bundle || bundle->userId() != id || lookup->userId != id)
                    return done(Error::make(ErrorCode::Protocol,
                                            Tr::tr("The sharing server answered a key look-up for %1 with "
                                                   "another key bundle.")
                                                .arg(email)));
                KeyPinStore& pins = m_cache->security().pins;
                const Folder* folder = find(folderId);
                const bool logDiffers =
                    folder && folder->members.identityKeyOf(id) != bundle->identityPublicKey();
                if (!pins.check(id, bundle->identityPublicKey(), nowMs()) || logDiffers) {
                    (void)saveSecurity();
                    emit memberKeyChanged(folderId, id);
                    return done(Error::make(
                        ErrorCode::Denied,
                        Tr::tr("%1 has a new key. Compare their safety number under Members before the "
                               "folder can get a new key.")
                            .arg(email)));
                }
                m_bundles[id] = lookup->bundle;
                bundles->append(lookup->bundle);
                collectBundles(folderId, pending, bundles, done);
            });
    }
    done({});
}

void SyncEngine::doRotate(const QUuid& folderId, std::optional<QUuid> removedId, int attempt, StatusDone done,
                          std::optional<FolderRotation::Request::RoleChange> roleChange)
{
    Folder* folder = find(folderId);
    if (!folder)
        return done(unknownFolder());
    const QUuid me = m_account.account().userId;
    if (folder->members.roleOf(me) != FolderRole::Manage)
        return done(needsManage());
    if (removedId && !folder->members.isMember(*removedId))
        removedId.reset(); // another manager removed them meanwhile
    if (roleChange && (!folder->members.isMember(roleChange->userId) ||
                       folder->members.roleOf(roleChange->userId) == roleChange->role))
        roleChange.reset(); // another manager changed it meanwhile
    if (!removedId && !roleChange && !folder->members.rotationPending() &&
        !folder->members.editLostUnderCurrentKey())
        return done({});
    auto pending = std::make_shared<QList<QUuid>>();
    for (const QUuid& id : folder->members.members()) {
        if (!removedId || id != *removedId)
            pending->append(id);
    }
    auto bundles = std::make_shared<QList<QByteArray>>();
    collectBundles(
        folderId, pending, bundles,
        [this, folderId, removedId, roleChange, attempt, done, bundles](Status got) {
            if (!got)
                return done(got);
            Folder* f = find(folderId);
            if (!f)
                return done(unknownFolder());
            const QUuid self = m_account.account().userId;
            const UserKeys& keys = *m_account.userKeys();
            SecurityState& security = m_cache->security();
            FolderRotation::Request request;
            request.orgId = f->orgId;
            request.managerId = self;
            request.removedId = removedId;
            request.roleChange = roleChange;
            for (const QByteArray& bytes : *bundles) {
                Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(bytes);
                if (!bundle)
                    return done(bundle.error());
                request.bundles.append(*bundle);
            }
            for (const auto& [itemId, item] : f->items) {
                request.items.append(item.envelope);
                if (std::optional<ItemReader::Seen> seen = security.seen(folderId, itemId))
                    request.seen.insert(itemId, *seen);
            }
            request.timeMs = nowMs();
            Result<RotationBatch> made =
                FolderRotation::rotate(f->members, f->keys, keys, security.pins, request);
            if (!made)
                return done(made.error());
            auto batch = std::make_shared<RotationBatch>(std::move(*made));
            for (const RotationBatch::SkippedItem& skipped : batch->skipped)
                qCWarning(lcCoreSync) << "rotation leaves item" << skipped.itemId
                                      << "under the old key:" << skipped.reason.message;
            auto next = std::make_shared<MembershipState>(f->members);
            QList<QByteArray> entries;
            for (const MembershipEntry& entry : batch->logEntries) {
                if (Status applied = next->apply(entry); !applied)
                    return done(applied);
                entries.append(entry.serialize());
            }
            const FolderState state = f->chain.makeRotation(batch->items, *next, self, keys, nowMs());
            QList<QByteArray> grants;
            for (const FolderKeyGrant& grant : batch->grants)
                grants.append(grant.serialize());
            QList<QByteArray> items;
            items.reserve(batch->items.size());
            for (const ItemEnvelope& envelope : batch->items)
                items.append(envelope.serialize());
            m_api.rotate(
                folderId, entries, batch->chainLink, grants, items, state.serialize(), this,
                [this, folderId, removedId, roleChange, attempt, done, batch, next,
                 state](Result<SharingApi::WriteOutcome> outcome) {
                    const bool conflict = outcome ? outcome->conflict.has_value()
                                                  : outcome.error().code == ErrorCode::AlreadyExists;
                    if (conflict) {
                        // Another write or log entry came first: catch up and rotate again on it.
                        if (attempt + 1 >= kMaxRebases)
                            return done(Error::make(
                                ErrorCode::Unavailable,
                                Tr::tr("The folder kept changing while its key was replaced. Try again.")));
                        qCInfo(lcCoreSync) << "rotation conflict in folder" << folderId << "; rebasing";
                        return doRefresh(folderId, false,
                                         [this, folderId, removedId, roleChange, attempt, done](Status s) {
                                             if (!s)
                                                 return done(s);
                                             doRotate(folderId, removedId, attempt + 1, done, roleChange);
                                         });
                    }
                    if (!outcome)
                        return done(outcome.error());
                    Folder* target = find(folderId);
                    if (!target)
                        return done(unknownFolder());
                    if (Status accepted = acceptRotation(*target, *batch, *next, state); !accepted)
                        return done(accepted);
                    emit folderChanged(folderId);
                    done({});
                });
        });
}

Status SyncEngine::acceptRotation(Folder& folder, const RotationBatch& batch, const MembershipState& next,
                                  const FolderState& state)
{
    FolderStateChain chain = folder.chain;
    if (Status accepted = chain.acceptRotation(state, batch.items, next, FolderStateChain::LogView::Known);
        !accepted)
        return accepted;
    for (const MembershipEntry& entry : batch.logEntries)
        folder.log.append(entry.serialize());
    folder.members = next;
    folder.keys.insert(batch.newKeyVersion, batch.newFolderKey.clone());
    folder.chain = chain;
    folder.state = state.serialize();
    for (const ItemEnvelope& envelope : batch.items) {
        Held& held = folder.items[envelope.header().itemId];
        held.envelope = envelope.serialize();
        held.opened.kind = envelope.header().kind;
        held.opened.revision = envelope.header().revision;
        held.opened.keyVersion = envelope.header().keyVersion;
        held.opened.authorId = envelope.header().authorId;
        held.opened.hash = envelope.hash();
    }
    LocalCache::Folder c;
    c.folderId = folder.id;
    c.orgId = folder.orgId;
    c.log = folder.log;
    c.state = folder.state;
    for (const auto& [itemId, item] : folder.items)
        c.envelopes.insert(itemId, item.envelope);
    if (Status cached = m_cache->replaceFolder(c); !cached)
        return cached;
    SecurityState& security = m_cache->security();
    security.acceptLog(folder.members);
    security.acceptFolderState(state);
    for (const auto& [itemId, item] : folder.items)
        security.acceptItem(folder.id, itemId, {item.opened.revision, item.opened.hash});
    return saveSecurity();
}

// --- changed keys -----------------------------------------------------------------------

Status SyncEngine::confirmChangedKey(const QUuid& userId, const QString& typedSafetyNumber)
{
    if (!m_started || !m_cache)
        return notStarted();
    KeyPinStore& pins = m_cache->security().pins;
    const QUuid me = m_account.account().userId;
    const QByteArray changed = pins.pendingKey(userId);
    if (changed.isEmpty()) {
        // No change waiting: the comparison verifies the key the folders bind to them.
        QByteArray key = pins.pinnedKey(userId);
        if (key.isEmpty()) {
            for (const auto& [id, folder] : m_folders) {
                if (folder->members.isMember(userId))
                    key = folder->members.identityKeyOf(userId);
            }
        }
        if (key.isEmpty())
            return Error::make(ErrorCode::NotFound, Tr::tr("This member's key is not known here yet."));
        if (Status matched = pins.recordSafetyNumberMatch(userId, key, typedSafetyNumber, nowMs()); !matched)
            return matched;
        return saveSecurity();
    }
    if (!Fingerprint::of(changed).matchesSafetyNumber(typedSafetyNumber))
        return Error::make(ErrorCode::Denied,
                           Tr::tr("The safety number does not match the member's new key. Do not confirm "
                                  "it; ask them how their key changed."));
    QList<QUuid> managed;
    for (const auto& [id, folder] : m_folders) {
        if (folder->members.roleOf(me) == FolderRole::Manage && folder->members.isMember(userId))
            managed.append(id);
    }
    if (managed.isEmpty())
        return Error::make(ErrorCode::Denied, Tr::tr("Only a manager of a folder shared with this member can "
                                                     "confirm their new key."));
    if (Status confirmed = pins.confirmChange(userId, changed, me, find(managed.first())->members, nowMs());
        !confirmed)
        return confirmed;
    if (Status saved = saveSecurity(); !saved)
        return saved;
    m_bundles.erase(userId); // the old bundle carries the old key
    // Each folder binds the new key with a confirm entry; its old key may sit on a lost
    // device, so the folder gets a new key right after.
    for (const QUuid& folderId : managed) {
        enqueue([this, folderId, userId, changed](std::function<void()> finish) {
            auto failed = [this, folderId, finish](Status status) {
                if (!status)
                    emit memberWorkFailed(folderId, status.error().message);
                finish();
            };
            doAppendEntry(
                folderId,
                [this, userId, changed](const Folder& f) -> Result<MembershipEntry> {
                    const QUuid self = m_account.account().userId;
                    if (f.members.identityKeyOf(userId) == changed)
                        return Error::make(ErrorCode::AlreadyExists, {}); // confirmed already
                    return MembershipLog::next(f.members, MembershipAction::ConfirmKey, self,
                                               *m_account.userKeys(), userId, changed, FolderRole::None,
                                               nowMs());
                },
                0,
                [this, folderId, failed](Status appended) {
                    if (!appended && appended.error().code != ErrorCode::AlreadyExists)
                        return failed(appended);
                    doRotate(folderId, std::nullopt, 0, failed);
                });
        });
    }
    return {};
}

void SyncEngine::acceptConfirmedKeys(const QList<QByteArray>& log, const MembershipState& members)
{
    // A manager's confirm entry vouches for a member's new key (KeyPinStore::confirmChange
    // checks that the signer holds Manage there and is pinned with the key the log binds).
    KeyPinStore& pins = m_cache->security().pins;
    const QUuid me = m_account.account().userId;
    bool differs = false;
    for (const QUuid& id : members.members()) {
        const QByteArray pinned = pins.pinnedKey(id);
        if (id != me && !pinned.isEmpty() && pinned != members.identityKeyOf(id))
            differs = true;
    }
    if (!differs)
        return;
    for (const QByteArray& bytes : log) {
        Result<MembershipEntry> entry = MembershipEntry::parse(bytes);
        if (!entry || entry->fields().action != MembershipAction::ConfirmKey)
            continue;
        const MembershipEntry::Fields& f = entry->fields();
        if (f.subjectId == me || members.identityKeyOf(f.subjectId) != f.subjectIdentityKey ||
            pins.pinnedKey(f.subjectId) == f.subjectIdentityKey)
            continue;
        (void)pins.check(f.subjectId, f.subjectIdentityKey, nowMs()); // recorded as pending
        if (!pins.confirmChange(f.subjectId, f.subjectIdentityKey, f.signerId, members, nowMs()))
            qCWarning(lcCoreSync) << "a confirmed key change in the log could not be accepted";
    }
}

// --- wipe -------------------------------------------------------------------------------

void SyncEngine::wipeFolder(const QUuid& folderId, const QString& reason)
{
    QList<QUuid> held = heldItemIds(folderId);
    if (m_cache) {
        // Rows that could not be opened name their item in the clear too.
        if (Result<QList<LocalCache::OutboxRow>> rows = m_cache->outboxRows(); rows) {
            for (const LocalCache::OutboxRow& row : std::as_const(*rows)) {
                if (row.folderId == folderId && !held.contains(row.itemId))
                    held.append(row.itemId);
            }
        }
        if (Status removed = m_cache->removeFolder(folderId); !removed)
            qCWarning(lcCoreSync) << "the cached folder could not be removed:" << removed.error().message;
    }
    // The folder's plaintext (SensitiveBytes) and keys (SecureBytes) are wiped as they go.
    m_folders.erase(folderId);
    qCInfo(lcCoreSync) << "folder" << folderId << "wiped";
    emit folderRemoved(folderId);
    emit folderWiped(folderId, reason, held);
}

void SyncEngine::wipeAll(const QString& reason)
{
    for (const QUuid& folderId : folderIds())
        wipeFolder(folderId, reason);
    m_bundles.clear();
    // The next feed read starts from the beginning: once the block is lifted, the grants
    // before the old cursor are what bring the folders back.
    if (m_cache) {
        if (Status reset = m_cache->setCursor(0); !reset)
            qCWarning(lcCoreSync) << "the feed cursor could not be reset:" << reset.error().message;
    }
    emit sharingBlocked(reason);
}

Status SyncEngine::wipeLocalCopy(const QString& directory, const QUrl& server, const QString& email,
                                 QList<QPair<QUuid, QUuid>>* heldItems)
{
    Result<std::optional<KnownAccounts::Entry>> known = KnownAccounts(directory).find(server, email);
    if (!known)
        return known.error();
    if (!*known)
        return {}; // never synced on this computer
    const QString path = LocalCache(directory, (*known)->userId, server, email).path();
    if (heldItems) {
        // A damaged file is wiped all the same; only its ids are not known then.
        if (Result<QList<QPair<QUuid, QUuid>>> held = LocalCache::heldItems(path); held)
            *heldItems = std::move(*held);
        else
            qCWarning(lcCoreSync) << "the items of the local copy could not be listed:"
                                  << held.error().message;
    }
    for (const QString& suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (!file.exists())
            continue;
        // Overwritten first, so the folder rows are not left in the freed disk blocks of a
        // plain unlink (as far as the file system reuses the blocks in place).
        const qint64 size = file.size();
        if (file.open(QIODevice::ReadWrite)) {
            const QByteArray zeros(int(std::min<qint64>(size, 1 << 20)), '\0');
            for (qint64 written = 0; written < size;) {
                const qint64 n =
                    file.write(zeros.constData(), std::min<qint64>(zeros.size(), size - written));
                if (n <= 0)
                    break;
                written += n;
            }
            file.flush();
            file.close();
        }
        if (!file.remove())
            return Error::make(ErrorCode::Io, Tr::tr("The local copy of the shared folders could not be "
                                                     "removed: %1")
                                                  .arg(QDir::toNativeSeparators(path + suffix)));
    }
    qCInfo(lcCoreSync) << "local copy of the shared folders wiped: sharing is blocked";
    return {};
}

bool SyncEngine::isSharingBlocked(const Error& error) const
{
    return error.code == ErrorCode::Denied && error.field == QLatin1String("sharing-blocked");
}

} // namespace Conclave::Core
