// Outbox: the writes and drafts of shared items that are not on the server yet, kept in the
// account's LocalCache so they survive a lost connection, a quit and a sign-out. A write the
// server could not be reached for (network error, timeout, 5xx) waits here, and so does an
// unsaved editor's content (a draft); SyncEngine::flushOutbox pushes them in order, merging
// each onto the server's newest revision (ItemMerge), and removes an entry only once the
// server stored it. An entry the server refused (the role was lowered, the folder left) is
// kept, marked refused, so nothing typed is ever dropped without the user seeing it.
//
// Item plaintexts are secrets of the folder: each row is sealed with XChaCha20-Poly1305
// under a key derived from the account key (crypto_kdf, context "outboxv1", subkey 1), with
// the account, folder, item, entry id and kind in the associated data, so a row cannot be
// read without the account key, altered, or moved to another entry, item or account
// unnoticed. docs/security/protocol.md, "Offline outbox and drafts", has the byte layout.
#pragma once

#include "core/crypto/LocalSeal.h"
#include "core/crypto/SecureBytes.h"
#include "core/sync/LocalCache.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class Outbox final
{
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    static constexpr char kAdTag[] = "conclave.outbox.v1";
    static constexpr char kBodyTag[] = "conclave.outbox.body.v1";
    static constexpr char kKdfContext[] = "outboxv1"; // crypto_kdf: exactly 8 bytes
    static constexpr unsigned long long kKdfKeyId = 1;
    static constexpr qsizetype kNonceSize = LocalSeal::kNonceSize;
    static constexpr quint32 kMaxPlaintext = 1u << 20;
    static constexpr quint32 kMaxReason = 1u << 12;

    enum class Kind : quint8
    {
        Write = 1,  // a change the server could not be reached for
        Delete = 2, // a delete the server could not be reached for
        Draft = 3,  // an editor's unsaved content (one per item)
    };

    // Its plaintexts are wiped when it goes (the last holder of a shared buffer wipes it).
    struct Entry
    {
        Entry() = default;
        Entry(const Entry&) = default;
        Entry(Entry&&) = default;
        Entry& operator=(const Entry&) = default;
        Entry& operator=(Entry&&) = default;
        ~Entry();

        qint64 entryId = 0; // given by add()
        Kind kind = Kind::Write;
        QUuid folderId;
        QUuid itemId;
        quint64 baseRevision = 0;                // the revision it was edited from; 0: a new item
        std::optional<QByteArray> basePlaintext; // that revision's plaintext, when it was held
        QByteArray plaintext;                    // the new content (empty for a delete)
        bool refused = false;                    // the server refused it; kept for the user
        QString reason;                          // why, in words, when refused
    };

    // What load() found: the entries that opened, and one error in words per row that did not
    // (altered, another account's); such rows stay in the file untouched.
    struct Loaded
    {
        QList<Entry> entries;
        QList<Error> unreadable;
        QList<qint64> unreadableIds; // the entry ids of those rows, in the same order
    };

    Outbox(LocalCache& cache, const QUuid& userId);

    static QByteArray associatedData(const QUuid& userId, const LocalCache::OutboxRow& row);
    static QByteArray seal(const Entry& entry, const SecureBytes& accountKey, const QUuid& userId);
    static Result<Entry> open(const LocalCache::OutboxRow& row, const SecureBytes& accountKey,
                              const QUuid& userId);

    // Stores a new entry (its id is set) or replaces the stored one of `entry.entryId`.
    Status add(Entry& entry, const SecureBytes& accountKey);
    Status update(const Entry& entry, const SecureBytes& accountKey);
    Status remove(qint64 entryId);
    Result<Loaded> load(const SecureBytes& accountKey) const;

private:
    LocalCache& m_cache;
    QUuid m_userId;
};

} // namespace Conclave::Core
