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
// One operation at a time per engine: a call while one runs is queued behind it, so the
// folders never change under a running verification.
#pragma once

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRole.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/MembershipState.h"
#include "core/sync/SharingApi.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace Conclave::Core {

class AccountClient;
class LocalCache;

class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    static constexpr int kMaxRebases = 5;

    using StatusDone = std::function<void(Status)>;
    using IdDone = std::function<void(Result<QUuid>)>;

    // `account` must be signed in and outlive the engine; `directory` is the app's data
    // folder (the one AccountClient keeps its state in).
    SyncEngine(AccountClient& account, const QString& directory, QObject* parent = nullptr);
    ~SyncEngine() override;

    SharingApi& api() { return m_api; }

    // Loads the security state and the cache (refusing a cache older than the state), then
    // fetches the keys of the cached folders and opens their cached envelopes.
    void start(QObject* context, StatusDone done);
    bool isStarted() const { return m_started; }

    // A new folder: create entry with key commitment, the key granted to the creator, the
    // name as the folder-name item.
    void createFolder(const QUuid& orgId, const QString& name, QObject* context, IdDone done);
    // First sync of a folder one was added to, or a full refresh of a held one.
    void syncFolder(const QUuid& folderId, QObject* context, StatusDone done);
    // Reads the changes feed from the stored cursor to its end and refreshes every folder
    // it names; folders one was removed from are wiped.
    void sync(QObject* context, StatusDone done);
    // A new item (null `itemId`) or the next revision of one; the id written.
    void writeItem(const QUuid& folderId, const QUuid& itemId, const QByteArray& plaintext, QObject* context,
                   IdDone done);
    // A signed delete marker as the item's next revision.
    void deleteItem(const QUuid& folderId, const QUuid& itemId, QObject* context, StatusDone done);

    // First contact (DESIGN §6): `typedSafetyNumber` is what the two people compared for the
    // user whose signed bundle is `bundle`; on a match the key is pinned as verified.
    Status confirmSafetyNumber(const QByteArray& bundle, const QString& typedSafetyNumber);
    // Signs the add entry (MemberAdmission: only for a key pinned out of band), appends it and
    // grants the current folder key to the new member.
    void addMember(const QUuid& folderId, const QByteArray& bundle, FolderRole role, QObject* context,
                   StatusDone done);

    // What is held, decrypted in memory only.
    QList<QUuid> folderIds() const;
    QString folderName(const QUuid& folderId) const;
    // Live items (not the folder name, not deleted ones), by id.
    QList<QUuid> itemIds(const QUuid& folderId) const;
    // The item's plaintext, or null when not held (or deleted).
    const SensitiveBytes* itemPlaintext(const QUuid& folderId, const QUuid& itemId) const;
    quint64 itemRevision(const QUuid& folderId, const QUuid& itemId) const;
    // Who wrote the item's newest revision (the envelope's authenticated author); null when
    // not held.
    QUuid itemAuthor(const QUuid& folderId, const QUuid& itemId) const;
    FolderRole roleIn(const QUuid& folderId) const;

signals:
    void folderChanged(const QUuid& folderId);
    void folderRemoved(const QUuid& folderId);
    // Long work: `done` of `total` envelopes verified in a folder.
    void progress(const QUuid& folderId, int done, int total);
    // The server's answer about a folder was refused; `reason` says why, in words.
    void dataRefused(const QUuid& folderId, const QString& reason);

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
    };
    struct Refresh;
    // What a feed read asks of a folder.
    enum class Touch
    {
        Removed, // the user was removed: wipe it
        Refresh, // the feed named it: read what changed
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
    void doFeed(quint64 cursor, std::shared_ptr<std::map<QUuid, Touch>> touched, StatusDone done);
    void refreshEach(std::shared_ptr<std::map<QUuid, Touch>> touched, quint64 cursor, StatusDone done);
    void doWrite(const QUuid& folderId, const QUuid& itemId, ItemKind kind, const QByteArray& plaintext,
                 int attempt, IdDone done);
    Status acceptOwnWrite(Folder& folder, const ItemEnvelope& envelope, const FolderState& state,
                          const QByteArray& plaintext);
    Status saveSecurity();
    Folder* find(const QUuid& folderId) const;
    static quint64 nowMs();

    AccountClient& m_account;
    SharingApi m_api;
    QString m_directory;
    std::unique_ptr<LocalCache> m_cache;
    std::map<QUuid, std::unique_ptr<Folder>> m_folders;
    std::deque<std::function<void(std::function<void()>)>> m_queue;
    bool m_running = false;
    bool m_started = false;
};

} // namespace Conclave::Core
