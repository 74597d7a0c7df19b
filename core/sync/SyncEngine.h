// SyncEngine: the client's side of Team Sharing for one signed-in account (DESIGN §4, §6):
// it creates shared folders, admits members, first-syncs a folder, follows the changes feed,
// and pushes local changes, believing nothing the server says before core/crypto accepted it.
//
// Data flow of a folder refresh: GET folder -> MembershipLog::replay against the checkpoint
// of the persistent security state, every member's key against the pins -> GET grants ->
// FolderKeyGrant::open + FolderKeyRing::accept (and the key chain links) -> GET items ->
// every envelope through ItemReader::open (spread over every core with QtConcurrent; the
// plaintext stays in memory) -> FolderStateChain::acceptSnapshot (first sync or several
// writes) or acceptWrite (one write) -> LocalCache (the envelopes as received) and then the
// security state. Any refusal leaves everything held as it was and is said in words
// through dataRefused(). A write seals the envelope, makes the next folder state and sends
// both; a 409 brings the folder up to the server's state and the write is made again on it.
//
// A write remembers the revision it was edited from. When the server has a newer revision of
// the item (409), the local change is merged onto it field by field (ItemMerge); a field both
// changed keeps the server's value and the local version is written as a conflict copy (a
// new item whose plaintext names the original in "conflictOf"). A write the server cannot be
// reached for waits, sealed, in the offline outbox (Outbox) with editors' drafts, and
// flushOutbox() pushes them with the same merge.
//
// One operation at a time per engine: a call while one runs is queued behind it, so the
// folders never change under a running verification.
#pragma once

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRole.h"
#include "core/crypto/FolderRotation.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/Invitation.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/MembershipState.h"
#include "core/sync/Outbox.h"
#include "core/sync/SharingApi.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUuid>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace Conclave::Core {

class AccountClient;
class LocalCache;
struct RotationBatch;

class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    static constexpr int kMaxRebases = 5;

    using StatusDone = std::function<void(Status)>;
    using IdDone = std::function<void(Result<QUuid>)>;

    // One member of a shared folder as this client's verified log shows them.
    struct MemberInfo
    {
        QUuid userId;
        QString email; // from the server's member list; "" while it has not said
        FolderRole role = FolderRole::None;
        QString safetyNumber;    // of the identity key the log binds to them
        bool verified = false;   // that key was compared out of band (or confirmed)
        bool keyChanged = false; // a different key was seen: blocked until confirmed
        bool isSelf = false;
    };

    // `account` must be signed in and outlive the engine; `directory` is the app's data
    // folder (the one AccountClient keeps its state in).
    SyncEngine(AccountClient& account, const QString& directory, QObject* parent = nullptr);
    ~SyncEngine() override;

    SharingApi& api() { return m_api; }
    AccountClient& account() const { return m_account; }

    // Loads the security state and the cache (refusing a cache older than the state), then
    // fetches the keys of the cached folders and opens their cached envelopes.
    void start(QObject* context, StatusDone done);
    bool isStarted() const { return m_started; }
    // The changes feed cursor stored after the last complete sync (0 before the first, or when
    // not started): SyncScheduler compares live hints with it.
    quint64 feedCursor() const;

    // A new folder: create entry with key commitment, the key granted to the creator, the
    // name as the folder-name item.
    void createFolder(const QUuid& orgId, const QString& name, QObject* context, IdDone done);
    // First sync of a folder one was added to, or a full refresh of a held one.
    void syncFolder(const QUuid& folderId, QObject* context, StatusDone done);
    // What a sync reads besides the folders the feed names.
    enum class SyncScope
    {
        Everything, // every other held folder's state is compared with the server's too
        Named,      // only the named folders (a live hint's sync: one request per change)
    };
    // Reads the changes feed from the stored cursor to its end and refreshes every folder
    // it names; folders one was removed from are wiped. With SyncScope::Everything (the
    // default) every other held folder gets one state check, which finds a change whose
    // hint the feed withheld; SyncScheduler asks for that on polls and reconnects.
    // `carried`, the feed page live hints carried (LiveChannel::carried()), stands in for the
    // feed request when the stored cursor lies in its range (after <= cursor < its cursor).
    void sync(QObject* context, StatusDone done);
    void sync(QObject* context, StatusDone done, SyncScope scope,
              const std::optional<SharingApi::CarriedPage>& carried = std::nullopt);
    // Feed requests made since start (tests and benchmarks see a carried page spare one).
    int feedRequests() const { return m_feedRequests; }
    // A new item (null `itemId`) or the next revision of one, edited from the revision held
    // now; the id written. When the server cannot be reached the write is kept in the outbox
    // and the id is reported all the same: writeQueued() says so (before `done`), and
    // hasPendingWrites() stays true until flushOutbox() stored it. While the folder has
    // writes waiting, a new one queues behind them and the outbox is flushed (a refusal
    // then is reported and the content kept in refusedWrites()). When the item
    // was deleted on the server meanwhile, the local version becomes a conflict copy and its
    // id is the one reported. A draft of the item is discarded once the write is stored or
    // queued.
    void writeItem(const QUuid& folderId, const QUuid& itemId, const QByteArray& plaintext, QObject* context,
                   IdDone done);
    // A signed delete marker as the item's next revision (queued like a write when offline).
    // An item changed on the server since it was held is not deleted: an error says so.
    void deleteItem(const QUuid& folderId, const QUuid& itemId, QObject* context, StatusDone done);

    // The offline outbox (protocol.md, "Offline outbox and drafts"). Pending: stored on this
    // computer, not on the server yet (writes and drafts; refused ones are not counted).
    bool hasPendingWrites(const QUuid& folderId) const;
    int pendingWriteCount() const;
    // Pushes every pending entry in order, merging each onto the server's newest revision;
    // removes an entry once the server stored it (or its merge and conflict copy). Stops at
    // the first one the server cannot be reached for (the rest wait); an entry the server
    // refuses (403: the role was lowered, the folder left) is kept, marked refused.
    void flushOutbox(QObject* context, StatusDone done);
    // An editor's unsaved content for `itemId` (not null; a new item's id is the caller's)
    // edited from `baseRevision` (0: a new item): sealed in the outbox, replacing an earlier
    // draft of the item; pushed as a write by the next flushOutbox().
    Status saveDraft(const QUuid& folderId, const QUuid& itemId, const QByteArray& plaintext,
                     quint64 baseRevision);
    Status discardDraft(const QUuid& folderId, const QUuid& itemId);
    // The draft of an item, if any (for an editor to offer it again).
    std::optional<QByteArray> draft(const QUuid& folderId, const QUuid& itemId) const;
    // Entries the server refused, with their content in memory, until the user discards them.
    struct RefusedWrite
    {
        qint64 entryId = 0;
        QUuid folderId;
        QUuid itemId;
        QByteArray plaintext; // empty for a delete
        bool isDelete = false;
        QString reason; // in words
    };
    QList<RefusedWrite> refusedWrites() const;
    Status discardRefused(qint64 entryId);
    // Rows of the outbox that could not be opened (altered, another account's key), in words.
    QList<Error> unreadableOutbox() const { return m_unreadableOutbox; }
    // Deletes those rows (nobody can read them; until then every flush reports them).
    Status discardUnreadableOutbox();

    // First contact (DESIGN §6): `typedSafetyNumber` is what the two people compared for the
    // user whose signed bundle is `bundle`; on a match the key is pinned as verified.
    Status confirmSafetyNumber(const QByteArray& bundle, const QString& typedSafetyNumber);
    // Signs the add entry (MemberAdmission: only for a key pinned out of band), appends it and
    // grants the current folder key to the new member.
    void addMember(const QUuid& folderId, const QByteArray& bundle, FolderRole role, QObject* context,
                   StatusDone done);
    // The same, with `stillHolds` run right before each signing of the entry, on the folder as
    // this engine holds it then (read again after the log moved on): its error is the answer and
    // nothing is appended. Empty: no precondition.
    void addMember(const QUuid& folderId, const QByteArray& bundle, FolderRole role,
                   std::function<Status()> stillHolds, QObject* context, StatusDone done);

    // Member operations (SyncEngineMembers.cpp). Each is one signed log entry; a removal is
    // one rotation request (remove + rotate entries, the key chain link, a grant of the new
    // key to every remaining member, every item re-encrypted, the next folder state). A log
    // or state that moved on meanwhile is read again and the operation made again on it.
    QList<MemberInfo> members(const QUuid& folderId) const;
    // Refused here, with words, when the caller lacks Manage or no manager would remain.
    void changeRole(const QUuid& folderId, const QUuid& userId, FolderRole role, QObject* context,
                    StatusDone done);
    void removeMember(const QUuid& folderId, const QUuid& userId, QObject* context, StatusDone done);
    // A leave entry; the folder is then wiped here. A manager rotates the key on its next contact.
    void leaveFolder(const QUuid& folderId, QObject* context, StatusDone done);
    // The member gets Manage, then the caller steps down to Edit.
    void handOverManage(const QUuid& folderId, const QUuid& userId, QObject* context, StatusDone done);
    // `typedSafetyNumber` is what the member read out. For a changed key it pins the new key
    // and then every folder this client manages with them gets the confirm entry and a new
    // key; without a change it marks the member's key as compared.
    Status confirmChangedKey(const QUuid& userId, const QString& typedSafetyNumber);
    QString emailOf(const QUuid& userId) const;
    // The address a client already knows for a user (an invitation's, a look-up's), until the
    // server's member list names it.
    void rememberEmail(const QUuid& userId, const QString& email);
    // The open cache while started (null before), for InvitationFlow's PendingInvitationStore.
    LocalCache* localCache() const { return m_started ? m_cache.get() : nullptr; }
    // A sign-in refused because Team Sharing is blocked for the account (the error's field is
    // "sharing-blocked"): no engine runs, so the account's cached folders are wiped here
    // (overwritten, then removed). The security state (pins, checkpoints) stays. `heldItems`,
    // if given, receives the (folder, item) ids the copy held, for the keychain entries of the
    // user's own credentials that go with them.
    static Status wipeLocalCopy(const QString& directory, const QUrl& server, const QString& email,
                                QList<QPair<QUuid, QUuid>>* heldItems = nullptr);
    // First contact by invitation (protocol.md §9.1; SyncEngineInvitations.cpp), for
    // InvitationFlow: the pins they record are the engine's security state.
    // Invitee: checks the relayed offer with the typed code and pins the inviter's key.
    Result<Invitation::Binding> acceptInvitationOffer(QByteArrayView offer, const InvitationCode& code);
    // Invitee, safety-number path: pins the inviter's key as the offer carries it when the
    // number the inviter read out matches.
    Status confirmInviterSafetyNumber(const QUuid& inviterId, QByteArrayView identityKey,
                                      const QString& typedSafetyNumber);
    // Inviter: checks the answer with the invitation's code and pins the invitee's key.
    Result<UserKeyBundle> acceptInvitationAnswer(Invitation& invitation, QByteArrayView answer);

    // What is held, decrypted in memory only.
    QList<QUuid> folderIds() const;
    QString folderName(const QUuid& folderId) const;
    // Live items (not the folder name, not deleted ones), by id.
    QList<QUuid> itemIds(const QUuid& folderId) const;
    // Every item of the folder this computer holds something of: the live items and those
    // only in the outbox (made or moved in while offline, a new item's draft). The keychain
    // entries of the user's own credentials are under these ids.
    QList<QUuid> heldItemIds(const QUuid& folderId) const;
    // The item's plaintext, or null when not held (or deleted).
    const SensitiveBytes* itemPlaintext(const QUuid& folderId, const QUuid& itemId) const;
    quint64 itemRevision(const QUuid& folderId, const QUuid& itemId) const;
    // Who wrote the item's newest revision (the envelope's authenticated author); null when
    // not held.
    QUuid itemAuthor(const QUuid& folderId, const QUuid& itemId) const;
    FolderRole roleIn(const QUuid& folderId) const;
    // A member's role and the identity key the verified log binds to them; None and empty
    // for someone who is not a member (or a folder not held).
    FolderRole memberRole(const QUuid& folderId, const QUuid& userId) const;
    QByteArray memberIdentityKey(const QUuid& folderId, const QUuid& userId) const;
    // The length of the folder's verified membership log, and the length from which the
    // user's role and key are as they are now (MembershipState::lastChangeOf); 0 for a folder
    // not held or someone the log never named.
    quint64 memberLogLength(const QUuid& folderId) const;
    quint64 memberChangedAt(const QUuid& folderId, const QUuid& userId) const;

signals:
    void folderChanged(const QUuid& folderId);
    void folderRemoved(const QUuid& folderId);
    // Long work: `done` of `total` envelopes verified in a folder.
    void progress(const QUuid& folderId, int done, int total);
    // The server's answer about a folder was refused; `reason` says why, in words.
    void dataRefused(const QUuid& folderId, const QString& reason);
    // A write met a newer revision on the server and `fields` (empty: the whole item) kept the
    // server's values; the local version was written as the new item `copyId`.
    void conflictCopied(const QUuid& folderId, const QUuid& itemId, const QUuid& copyId,
                        const QStringList& fields);
    // The number of pending outbox entries changed (pendingWriteCount()).
    void outboxChanged(int pending);
    // refusedWrites() or unreadableOutbox() changed: an entry was refused, discarded, or went
    // with its folder. What start() loads is there when it reports.
    void syncProblemsChanged();
    // A write could not reach the server and waits in the outbox.
    void writeQueued(const QUuid& folderId, const QUuid& itemId);
    // A member's bundle carries another key than the one pinned: no grant, no add until confirmed.
    void memberKeyChanged(const QUuid& folderId, const QUuid& userId);
    // The folder's rows, plaintext and keys are gone from this computer. `itemIds` are the
    // items it held (heldItemIds(), with the outbox rows that could not be opened), for the
    // keychain entries of the user's own credentials that go with them.
    void folderWiped(const QUuid& folderId, const QString& reason, const QList<QUuid>& itemIds);
    // The organisation turned Team Sharing off for this user; every folder was wiped.
    void sharingBlocked(const QString& reason);
    // Work that follows an operation on its own (a rotation after a confirmed key or a
    // member's leave, a key grant to a member added without one) failed; the app shows it.
    void memberWorkFailed(const QUuid& folderId, const QString& reason);
    // The changes feed named an invitation (of a folder held, or one addressed to this user).
    void invitationsChanged();

private:
    struct Held
    {
        QByteArray envelope; // as received
        ItemReader::Opened opened;
    };
    struct Folder
    {
        explicit Folder(const QUuid& id);
        QUuid id;
        QUuid orgId;
        QList<QByteArray> log;
        MembershipState members;
        FolderKeyRing keys;
        FolderStateChain chain;
        QByteArray state; // the newest accepted FolderState as received
        std::map<QUuid, Held> items;
        // Members the last grants read by a manager listed without a grant of key `version`:
        // an add whose answer or grant was lost (grantMissing).
        struct Ungranted
        {
            quint32 version = 0;
            QList<QUuid> members;
        };
        Ungranted ungranted;
    };
    struct Refresh;
    // What a feed read asks of a folder.
    enum class Touch
    {
        Removed, // the user was removed: wipe it
        Refresh, // the feed named it: read what changed
        Items,   // the feed named only item writes: the items first, on the log and keys held
        Check,   // not named: compare its state with the server's
    };

    // Runs `work` when the engine is free; `work` calls the finish function it is given once.
    void enqueue(std::function<void(std::function<void()>)> work);
    void runNext();

    void doStart(StatusDone done);
    void openCached(std::shared_ptr<QList<QUuid>> pending, StatusDone done);
    void doRefresh(const QUuid& folderId, bool full, StatusDone done);
    void refreshLog(std::shared_ptr<Refresh> r);
    void refreshKeys(std::shared_ptr<Refresh> r);
    void refreshItems(std::shared_ptr<Refresh> r);
    void readAllItems(std::shared_ptr<Refresh> r, const QUuid& after);
    void verify(std::shared_ptr<Refresh> r);
    void commit(std::shared_ptr<Refresh> r);
    void refuse(std::shared_ptr<Refresh> r, const Error& error);
    // `blocked`: the last of the `blocked` and `unblocked` changes read so far was `blocked`.
    void doFeed(quint64 cursor, std::shared_ptr<std::map<QUuid, Touch>> touched, bool blocked,
                StatusDone done);
    void applyFeedPage(const SharingApi::FeedPage& page, std::shared_ptr<std::map<QUuid, Touch>> touched,
                       bool blocked, StatusDone done);
    void refreshEach(std::shared_ptr<std::map<QUuid, Touch>> touched, quint64 cursor, StatusDone done);
    // The folders a feed read named, read a few at a time (SyncEngine.cpp).
    static constexpr int kParallelRefreshes = 4;
    struct FeedRun
    {
        std::shared_ptr<std::map<QUuid, Touch>> touched;
        quint64 cursor = 0;
        StatusDone done;
        int inFlight = 0;
        bool pumping = false;
        bool finished = false;
        std::optional<Error> failed; // the first refresh that failed; no new one starts
    };
    void pumpFeed(std::shared_ptr<FeedRun> run);
    // One folder; `finished` once. A check that finds a change puts the folder back into
    // `touched` for a refresh.
    void refreshOne(const QUuid& folderId, Touch touch, std::shared_ptr<std::map<QUuid, Touch>> touched,
                    StatusDone finished);
    void doWrite(const QUuid& folderId, const QUuid& itemId, ItemKind kind, const QByteArray& plaintext,
                 int attempt, IdDone done);
    Status acceptOwnWrite(Folder& folder, const ItemEnvelope& envelope, const FolderState& state,
                          const QByteArray& plaintext);
    // The write path with its base (SyncEngineWrite.cpp).
    struct WriteRequest;
    void write(std::shared_ptr<WriteRequest> request, int attempt, IdDone done);
    void rebase(std::shared_ptr<WriteRequest> request, int attempt, IdDone done);
    void writeConflictCopy(const QUuid& folderId, const QUuid& itemId, const QByteArray& local,
                           const QStringList& fields, IdDone done);
    std::shared_ptr<WriteRequest> requestFor(const QUuid& folderId, const QUuid& itemId, ItemKind kind,
                                             const QByteArray& plaintext) const;
    // Writes `request`, or keeps it in the outbox when the server cannot be reached.
    void writeOrQueue(std::shared_ptr<WriteRequest> request, IdDone done);
    Status queue(const WriteRequest& request, Outbox::Kind kind, qint64* entryId = nullptr);
    void doFlush(StatusDone done);
    void flushFrom(qint64 after, StatusDone done);
    void loadOutbox();
    // A folder wiped (removal, block) takes its outbox entries with it, as in the cache.
    void dropOutboxOf(const QUuid& folderId);
    void notifyOutbox();
    static bool unreachable(const Error& error);
    Status saveSecurity();
    // A refresh's acceptance changed the security state in memory: it is saved once, when the
    // sync (or folder sync, or start) that ran the refresh ends, not once per folder.
    void securityChanged() { m_securityDirty = true; }
    Status saveSecurityIfChanged();
    Folder* find(const QUuid& folderId) const;

    // Members (SyncEngineMembers.cpp).
    void doAppendEntry(const QUuid& folderId, std::function<Result<MembershipEntry>(const Folder&)> make,
                       int attempt, StatusDone done);
    void doRotate(const QUuid& folderId, std::optional<QUuid> removedId, int attempt, StatusDone done,
                  std::optional<FolderRotation::Request::RoleChange> roleChange = std::nullopt);
    void collectBundles(const QUuid& folderId, std::shared_ptr<QList<QUuid>> pending,
                        std::shared_ptr<QList<QByteArray>> bundles, StatusDone done);
    Status acceptRotation(Folder& folder, const RotationBatch& batch, const MembershipState& next,
                          const FolderState& state);
    void rotateIfPending(const QUuid& folderId, StatusDone done);
    // A manager grants the current key to the members the last grants read found without one.
    void grantMissing(const QUuid& folderId, StatusDone done);
    void acceptConfirmedKeys(const QList<QByteArray>& log, const MembershipState& members);
    void rememberEmails(const QList<QPair<QUuid, QString>>& emails);
    void wipeFolder(const QUuid& folderId, const QString& reason);
    void wipeAll(const QString& reason);
    bool isSharingBlocked(const Error& error) const;
    static quint64 nowMs();

    AccountClient& m_account;
    SharingApi m_api;
    QString m_directory;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<Outbox> m_outbox;
    std::vector<Outbox::Entry> m_pending; // the outbox in entry order, opened
    QList<Error> m_unreadableOutbox;
    QList<qint64> m_unreadableIds;
    std::map<QUuid, std::unique_ptr<Folder>> m_folders;
    std::deque<std::function<void(std::function<void()>)>> m_queue;
    bool m_running = false;
    bool m_started = false;
    // Member bundles (public, signed) seen in adds and look-ups, and the server's emails.
    std::map<QUuid, QByteArray> m_bundles;
    std::map<QUuid, QString> m_emails;
    bool m_checkUnnamed = true; // the running sync's scope is Everything
    int m_feedRequests = 0;
    bool m_securityDirty = false; // accepted in memory, not saved yet
};

} // namespace Conclave::Core
