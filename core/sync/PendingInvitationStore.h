// PendingInvitationStore: the invitations this client made (or took over to compare safety
// numbers for) that are not completed yet, kept in the account's LocalCache file so a restart
// of the inviter's client does not lose them: the invitation code is the only key to the
// invitee's answer, and a safety-number comparison already made must not be asked for again.
// InvitationFlow writes a row when an invitation is made or taken over, rewrites it after a
// comparison or a checked answer, and deletes it when the invitation is used, cancelled,
// refused or expired, and when its folder is wiped from this computer.
//
// The code bytes are a secret and the compared bundle must not be swapped on disk: each row
// is sealed with XChaCha20-Poly1305 under a key derived from the account key (crypto_kdf,
// context "invitev1", subkey 1), with the account, the invitation id and the folder id in
// the associated data, so a row cannot be read without the account key, altered, or moved to
// another invitation, folder or account unnoticed. It lives in its own table
// (pending_invitations, created when first needed); protocol.md §9.1 has the byte layout.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/SecureBytes.h"
#include "core/sync/LocalCache.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace Conclave::Core {

class PendingInvitationStore final
{
    Q_DISABLE_COPY_MOVE(PendingInvitationStore)

public:
    static constexpr char kAdTag[] = "conclave.pendinginvite.v1";
    static constexpr char kBodyTag[] = "conclave.pendinginvite.body.v1";
    static constexpr char kKdfContext[] = "invitev1"; // crypto_kdf: exactly 8 bytes
    static constexpr unsigned long long kKdfKeyId = 1;

    enum class Mode : quint8
    {
        Code = 1,         // the code is held; the answer's MAC is checked with it
        SafetyNumber = 2, // the bundle below is compared by safety number
    };

    // One invitation as kept. The code bytes are wiped when the record goes.
    struct Record
    {
        QUuid invitationId;
        QUuid folderId;
        QUuid inviteeId;
        Mode mode = Mode::Code;
        FolderRole role = FolderRole::View;
        QString email;
        std::shared_ptr<const SecureBytes> code; // 13 bytes for Mode::Code, else null
        QByteArray bundle;      // the invitee's bundle as the server handed it over (or answered)
        QByteArray checked;     // the invitee's bundle once the answer was checked
        bool confirmed = false; // SafetyNumber: the comparison matched
        bool takenOver = false; // made by another manager; this client compares safety numbers
    };

    // What load() found: the records that opened, and the number of rows that did not
    // (altered, another account's); those are deleted, as nobody can use them.
    struct Loaded
    {
        QList<Record> records;
        int unreadable = 0;
    };

    // `cache` must be open and outlive the store.
    PendingInvitationStore(LocalCache& cache, const QUuid& userId);

    static QByteArray associatedData(const QUuid& userId, const QUuid& invitationId, const QUuid& folderId);
    static QByteArray seal(const Record& record, const SecureBytes& accountKey, const QUuid& userId);
    static Result<Record> open(const QUuid& invitationId, const QUuid& folderId, QByteArrayView sealed,
                               const SecureBytes& accountKey, const QUuid& userId);

    // Inserts or replaces the row of `record.invitationId`.
    Status put(const Record& record, const SecureBytes& accountKey);
    Status remove(const QUuid& invitationId);
    Status removeFolder(const QUuid& folderId);
    Result<Loaded> load(const SecureBytes& accountKey);

private:
    Status prepare();
    Status checkpoint();

    LocalCache& m_cache;
    QUuid m_userId;
    bool m_prepared = false;
};

} // namespace Conclave::Core
