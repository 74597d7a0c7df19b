// FolderService: shared folders and their membership log. A folder belongs to an
// organisation its creator is a member of and starts with the creator's signed *create*
// entry; every later entry is appended only after the core's MembershipState::apply()
// accepted it against the log before it (chain continuity, the signer's rights at the
// previous entry, at least one manager left), signed by the caller, and with the server's
// own checks of what the core cannot know (the identity key a create, add or confirm-key
// entry binds is the one the subject published). folder_members, which every route's role
// check reads, is rewritten from the replayed log in the same transaction as each entry.
//
// Deleting a folder is recoverable for 7 days (restore); after that it is purged with
// everything in it. Grants are stored per recipient and key version once
// FolderKeyGrant::verify() accepted them against the log. Every write appends its change
// for the feed in the same transaction (ChangeStore).
#pragma once

#include "server/services/FolderCache.h"
#include "server/services/LiveHub.h"
#include "server/services/OrganisationService.h"
#include "server/storage/AccountStore.h"
#include "server/storage/ChangeStore.h"
#include "server/storage/FolderStore.h"
#include "server/storage/GrantStore.h"
#include "server/storage/MembershipStore.h"

#include "core/crypto/FolderRole.h"
#include "core/crypto/MembershipEntry.h"
#include "core/crypto/MembershipState.h"
#include "core/util/Clock.h"

namespace Conclave::Server {

struct FolderAccess
{
    FolderRecord folder;
    Core::FolderRole role = Core::FolderRole::None;
};

class FolderService final
{
public:
    static constexpr qint64 kRecoveryMs = 7LL * 24 * 3600 * 1000;

    FolderService(SqlDatabase& database, FolderStore& folders, MembershipStore& membership,
                  GrantStore& grants, ChangeStore& changes, AccountStore& accounts, OrganisationService& orgs,
                  FolderCache& cache, LiveHub& live, const Core::Clock& clock);
    Q_DISABLE_COPY_MOVE(FolderService)

    // The caller's role in the folder. NotFound when there is no such folder, it was purged
    // or is past its recovery time, or the caller is not a member: a non-member learns
    // nothing, not even that the folder exists.
    Core::Result<FolderAccess> access(const QString& folderId, const QString& userId);
    // access() inside a write's transaction, after taking the folder's row lock
    // (FolderStore::lockFolder): what the write reads of the folder then stays as read.
    Core::Result<FolderAccess> lockedAccess(const QString& folderId, const QString& userId);
    Core::Result<QList<FolderAccess>> foldersOf(const QString& userId);

    Core::Result<FolderRecord> create(const QString& userId, const QString& orgId, const QString& folderId,
                                      const QByteArray& entry);
    // Appends one entry (not a rotate: rotations go through ItemService::rotate with their
    // grants and items). AlreadyExists (409) when it does not continue the log as stored.
    Core::Result<MembershipEntryRecord> append(const QString& userId, const QString& folderId,
                                               const QByteArray& entry);
    Core::Result<QList<MembershipEntryRecord>> log(const QString& folderId, qint64 fromSeq);
    Core::Result<QList<FolderMemberRecord>> members(const QString& folderId);
    Core::Result<QList<QPair<qint64, QByteArray>>> keyLinks(const QString& folderId);

    Core::Result<FolderRecord> remove(const QString& userId, const QString& folderId);
    Core::Result<FolderRecord> restore(const QString& userId, const QString& folderId);
    // Removes folders deleted more than kRecoveryMs ago; returns how many.
    Core::Result<int> purgeExpired();

    Core::Status putGrants(const QString& userId, const QString& folderId, const QList<QByteArray>& grants);
    // Every grant of the folder for a manager, the caller's own for anyone else.
    Core::Result<QList<GrantRecord>> grants(const QString& userId, const QString& folderId,
                                            Core::FolderRole role);

    // Shared with rotations. checkEntry: what the server requires of an entry beyond the
    // core's apply() (the caller signed it; a bound identity key is the subject's published
    // one), then apply() itself on `state`, mapped to field `field`.
    Core::Status checkEntry(const QString& userId, Core::MembershipState& state,
                            const Core::MembershipEntry& entry, const QString& field);
    // Inside the caller's transaction: stores the accepted entry, rewrites the members it
    // changed from `after` and adds its changes to `changes` (a "removed" one for whoever left).
    Core::Status recordEntry(const FolderRecord& folder, const Core::MembershipEntry& entry,
                             const Core::MembershipState& after, QList<ChangeRecord>& changes);
    // Appends the changes of a write, as the last statements before its commit: from the
    // first append on, other writers wait for this transaction (ChangeStore). Returns their
    // sequence numbers, for notify() after the commit.
    Core::Result<QList<qint64>> appendChanges(const QList<ChangeRecord>& changes);
    // After the commit: live hints for the appended changes.
    void notify(const QList<ChangeRecord>& changes, const QList<qint64>& seqs);

    qint64 nowMs() const { return m_clock.nowUtc().toMSecsSinceEpoch(); }

private:
    // The server's own check of the identity key an entry binds (create, add, confirm key).
    Core::Status checkBoundKey(const QUuid& subjectId, const QByteArray& key);

    SqlDatabase& m_database;
    FolderStore& m_folders;
    MembershipStore& m_membership;
    GrantStore& m_grants;
    ChangeStore& m_changes;
    AccountStore& m_accounts;
    OrganisationService& m_orgs;
    FolderCache& m_cache;
    LiveHub& m_live;
    const Core::Clock& m_clock;
};

} // namespace Conclave::Server
