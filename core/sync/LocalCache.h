// LocalCache: what a client keeps of its shared folders between runs, in one owner-only
// SQLite file per account in the app's data folder ("sync-<user id>.sqlite"): per folder its
// organisation, the membership log entries, the newest accepted folder state and the newest
// accepted envelope of every item, all exactly as the server sent them (signed, encrypted;
// nothing is decrypted on disk and no folder key is stored: keys come from the grants at each
// start), plus the changes feed cursor, and the offline outbox (core/sync/Outbox): writes
// and drafts not yet on the server, each row sealed (XChaCha20-Poly1305) before it gets here.
// Schema 2 added the outbox; a schema-1 file gets the table when it is opened.
//
// It also holds the account's persistent security state (SecurityStateStore, DESIGN §6),
// which must be loaded before any server answer or any cached row is believed, and saved
// after each accepted change. The cache is written first and the security state after it, so
// a crash in between leaves a cache newer than the state (accepted on the next start), never
// an older one (which the state would refuse as a rollback). The store's generation is kept
// in KnownAccounts, as AccountClient does, so an older copy of the state file is refused.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/crypto/SecurityState.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace Conclave::Core {

class SecurityStateStore;

class LocalCache final
{
    Q_DISABLE_COPY_MOVE(LocalCache)

public:
    static constexpr int kSchemaVersion = 2;

    struct Folder
    {
        QUuid folderId;
        QUuid orgId;
        QList<QByteArray> log;             // entries 0..n-1 as received
        QByteArray state;                  // the newest accepted FolderState; empty before the first write
        QMap<QUuid, QByteArray> envelopes; // newest accepted envelope per item
    };

    // One outbox row as stored: the entry's id, kind and place in the clear (they decide the
    // order and the folder a row belongs to), everything else inside `sealed`.
    struct OutboxRow
    {
        qint64 entryId = 0;
        int kind = 0;
        QUuid folderId;
        QUuid itemId;
        QByteArray sealed;
    };

    // `directory` is the app's data folder (the one KnownAccounts uses); `server` and `email`
    // find the account's entry there.
    LocalCache(const QString& directory, const QUuid& userId, const QUrl& server, const QString& email);
    ~LocalCache();

    QString path() const { return m_path; }
    // The Qt SQL connection of the open file, for stores with a table of their own in it
    // (PendingInvitationStore).
    QString connectionName() const { return m_connection; }

    // Opens (or creates) the SQLite file and loads the security state with `accountKey`. A
    // damaged cache, a file of a newer schema or a security state that is damaged, foreign or
    // older than the generation remembered is an error; nothing is then overwritten.
    Status open(const SecureBytes& accountKey);
    bool isOpen() const { return m_open; }
    void close();

    SecurityState& security() { return m_security; }
    const SecurityState& security() const { return m_security; }
    // Writes the security state with the next generation and remembers that generation. The
    // file is read again first only when another writer (the account client) changed it since.
    Status saveSecurity(const SecureBytes& accountKey);
    quint64 securityGeneration() const { return m_generation; }

    Result<quint64> cursor() const;
    Status setCursor(quint64 cursor);

    Result<QList<Folder>> folders() const;
    // The (folder, item) ids of every envelope held and of every outbox row (an item made
    // while offline is only there), each once, read without the account key (the ids are in
    // the clear in the file): what a block's wipe must find in the keychain. A file that does
    // not exist holds none; one that cannot be read is an error.
    static Result<QList<QPair<QUuid, QUuid>>> heldItems(const QString& path);
    // Replaces everything held of the folder (first sync, a re-read after several writes).
    Status replaceFolder(const Folder& folder);
    // Log entries from `fromSequence` on (replacing any held at those positions).
    Status appendLog(const QUuid& folderId, quint64 fromSequence, const QList<QByteArray>& entries);
    // One accepted write: the new folder state and the item's newest envelope, together.
    Status storeWrite(const QUuid& folderId, const QByteArray& state, const QUuid& itemId,
                      const QByteArray& envelope);
    // Removal or a block: everything of the folder is deleted from the file, its outbox rows
    // (waiting, refused changes and drafts) included.
    Status removeFolder(const QUuid& folderId);

    // The offline outbox. Entry ids only grow (a counter in the meta table), so a sealed row,
    // which names its id in its associated data, can never pass for a later entry.
    Result<qint64> nextOutboxId();
    Status putOutbox(const OutboxRow& row);      // inserts or replaces the row of its entry id
    Result<QList<OutboxRow>> outboxRows() const; // in entry id order
    Status removeOutbox(qint64 entryId);

private:
    struct Private;

    QString m_directory;
    QUuid m_userId;
    QUrl m_server;
    QString m_email;
    QString m_path;
    QString m_connection;
    bool m_open = false;
    SecurityState m_security;
    std::unique_ptr<SecurityStateStore> m_store; // the one loaded at open()
    quint64 m_generation = 0;
};

} // namespace Conclave::Core
