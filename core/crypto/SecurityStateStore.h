// SecurityStateStore: the one local file that keeps an account's SecurityState across
// restarts, encrypted and authenticated (XChaCha20-Poly1305) under a key derived from the
// account key (crypto_kdf, context "secstate", subkey 1). The account id and a generation
// counter are in the associated data, so a file cannot be moved to another account and its
// generation cannot be altered; the caller remembers the last generation it wrote (outside
// this file) and passes it to load(), which refuses an older copy written back. The last KDF
// parameters sit in the authenticated header in the clear, because they are needed before
// the password is turned into keys (lastKdf()); a change to them is detected at load().
// A damaged, altered or foreign file is an error, never an empty state.
// Layout: tag "conclave.state.v1\0" (18) | account id (16) | u64 generation | u8 has-kdf |
//   u64 ops | u64 mem | salt (16) | nonce (24) | u32 length c | ciphertext (c), AD = bytes
//   0-74. Plaintext: tag "conclave.state.body.v1\0" | u32 n + pins (KeyPinStore, n bytes) |
//   u32 folders × (folder id | u64 log length | log head (32) | u8 has-state | u64 write
//   sequence | state hash (32)) | u32 items × (folder id | item id | u64 revision |
//   hash (32)), folders and items sorted ascending.
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

    struct Opened
    {
        SecurityState state;
        quint64 generation = 0;
    };

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
    // Writes atomically (owner-only file) with the next generation. Only after a successful
    // load(), so a file this object has not read is never overwritten with a lower generation.
    Status save(const SecurityState& state, const SecureBytes& accountKey);
    // The generation of the file last loaded or saved; the caller keeps it elsewhere too.
    quint64 generation() const { return m_generation; }
    // After a load() or save(): whether the file still carries that generation for this
    // account in its header, i.e. nobody (another store object: the account client writing
    // the KDF parameters) wrote it since. Read without authentication: it only spares a
    // caller the load() before its next save(), and a header forged to pass only makes it
    // overwrite the file with the state it holds, which it authenticated when it loaded it.
    bool isCurrent() const;

private:
    QString m_path;
    QUuid m_accountId;
    quint64 m_generation = 0;
    bool m_loaded = false;
    // What lastKdf() last returned, until load() has compared it with the opened header.
    mutable std::optional<std::optional<KdfParams>> m_peekedKdf;
};

} // namespace Conclave::Core
