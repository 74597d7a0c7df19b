// SecurityStateStore: the one local file that keeps an account's SecurityState across
// restarts, encrypted and authenticated (XChaCha20-Poly1305) under a key derived from the
// account key (crypto_kdf, context "secstate", subkey 1). The account id and a generation
// counter are in the associated data, so a file cannot be moved to another account and its
// generation cannot be altered; the caller remembers the last generation it wrote (outside
// this file) and passes it to load(), which refuses an older copy written back. The last KDF
// parameters sit in the authenticated header in the clear, because they are needed before
// the password is turned into keys (lastKdf()); a change to them is detected at load().
// A damaged, altered or foreign file is an error, never an empty state.
// The file is a whole state (the base) followed by change records: a save appends what
// changed since the last save as one record with the next generation, chained to the base
// and to the record before it, so that one accepted change costs a write of its own size;
// the whole state is written again (a new base) when the pins or the KDF parameters changed
// or the records would grow past half the base (protocol.md §9.2).
// Base: tag "conclave.state.v1\0" (18) | account id (16) | u64 generation | u8 has-kdf |
//   u64 ops | u64 mem | salt (16) | nonce (24) | u32 length c | ciphertext (c), AD = bytes
//   0-74. Plaintext: tag "conclave.state.body.v1\0" | u32 n + pins (KeyPinStore, n bytes) |
//   u32 folders × (folder id | u64 log length | log head (32) | u8 has-state | u64 write
//   sequence | state hash (32)) | u32 items × (folder id | item id | u64 revision |
//   hash (32)), folders and items sorted ascending.
// Change record: tag "conclave.state.change.v1\0" (25) | u64 generation | nonce (24) |
//   u32 length c | ciphertext (c), AD = tag | account id | u64 generation | base nonce (24) |
//   the previous record's Poly1305 tag (16). Plaintext: tag "conclave.state.change.body.v1\0"
//   | u32 × folder records set | u32 × folder ids removed | u32 × item records set | u32 ×
//   (folder id | item id) removed, each list ascending. Loading stops at the first record
//   that is not whole or does not open: that and what follows is what an unfinished write
//   left, not part of the state, and cut off by the next save (the remembered generation
//   tells whether records are missing).
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/crypto/SecurityState.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class SecurityStateStore final
{
public:
    static constexpr qsizetype kHeaderSize = 75;
    static constexpr qsizetype kNonceSize = 24;

    // Where the records of an opened file are, for the next change record.
    struct Journal
    {
        quint64 baseGeneration = 0;
        QByteArray baseNonce;  // 24 bytes
        QByteArray lastMac;    // the Poly1305 tag (16 bytes) of the last whole record
        qsizetype baseEnd = 0; // the base's size
        qsizetype end = 0;     // where the last whole record ends
        int changes = 0;       // change records after the base
    };

    struct Opened
    {
        SecurityState state;
        quint64 generation = 0; // the last whole record's
        Journal journal;
    };

    // A new base is written instead of a change record once there are this many records, or
    // when the records with the new one would take more than half the base (and more than
    // kMinJournalBytes).
    static constexpr int kMaxChanges = 4096;
    static constexpr qsizetype kMinJournalBytes = 64 * 1024;

    // The store key: crypto_kdf_derive_from_key(32, id 1, "secstate", account key).
    static SecureBytes deriveKey(const SecureBytes& accountKey);
    static QByteArray seal(const SecurityState& state, const SecureBytes& accountKey, const QUuid& accountId,
                           quint64 generation);
    // Refuses anything that does not authenticate for this account, and a generation below
    // `minGeneration` (an older copy).
    static Result<Opened> open(QByteArrayView bytes, const SecureBytes& accountKey, const QUuid& accountId,
                               quint64 minGeneration);
    // The KDF parameters from the header, unauthenticated until open() succeeds.
    static Result<std::optional<KdfParams>> peekKdf(QByteArrayView bytes, const QUuid& accountId);

    SecurityStateStore(const QString& path, const QUuid& accountId);

    // Before sign-in: the parameters last accepted for this account (none for a new file),
    // for AccountKeys::derive's `lastSeen`. Remembered until the next load(), which refuses a
    // file whose authenticated header says otherwise (a header swapped in between).
    Result<std::optional<KdfParams>> lastKdf() const;
    // No file and `minGeneration` 0: an empty state (first use on this computer). No file
    // although a generation was remembered, or any damage: an error.
    Result<SecurityState> load(const SecureBytes& accountKey, quint64 minGeneration);
    // Saves `state` with the next generation: a change record appended and synced to disk, or
    // a new base written atomically (owner-only file). Only after a successful load() or
    // save(), and not when another writer changed the file since (isCurrent()), so a file
    // this object has not read is never overwritten or appended to.
    Status save(const SecurityState& state, const SecureBytes& accountKey);
    // The generation of the file last loaded or saved; the caller keeps it elsewhere too.
    quint64 generation() const { return m_generation; }
    // Change records after the base of the file last loaded or saved.
    int changeRecords() const { return m_journal.changes; }
    // After a load() or save(): whether the file still has that base for this account and
    // ends where this object's last record ended, i.e. nobody (another store object: the
    // account client writing the KDF parameters) wrote it since. Read without
    // authentication: it only spares a caller the load() before its next save(), and a file
    // forged to pass only has the state this object authenticated written to it.
    bool isCurrent() const;

private:
    // `tooLarge`: nothing written, the change would take the records past their limit.
    Status append(const SecurityState& state, const SecureBytes& accountKey, quint64 generation,
                  bool& tooLarge);
    Status rewrite(const SecurityState& state, QByteArray pins, const SecureBytes& accountKey,
                   quint64 generation);
    // After a save: `state` now matches the file, and what it touches next is the next change.
    void savedObject(const SecurityState& state);

    QString m_path;
    QUuid m_accountId;
    quint64 m_generation = 0;
    bool m_loaded = false;
    bool m_exists = false;
    // What the file holds: the state the next change record is counted from.
    SecurityState m_saved;
    QByteArray m_savedPins; // m_saved.pins serialised
    Journal m_journal;
    // The file's size as last read or written: more than m_journal.end when a record was cut
    // short, until the next save writes over it.
    qsizetype m_fileSize = 0;
    // Which store and which of its saves a state's SecurityState::touched counts from.
    quint64 m_id = 0;
    quint64 m_saves = 0;
    // What lastKdf() last returned, until load() has compared it with the opened header.
    mutable std::optional<std::optional<KdfParams>> m_peekedKdf;
};

} // namespace Conclave::Core
