// ItemReader: the only way a client turns an envelope from the server into plaintext. It
// applies every rule of DESIGN §6 before decrypting: the item must be where the client asked
// for it (org, folder, id), signed by a member with Edit, not older than the revision already
// seen, chained to it, and (for a new write) encrypted under the current key version, which
// must not be awaiting a rotation after a member left or was removed (unless the write's
// folder state shows it was made before that departure). Signatures verify
// with the author's identity key from the log (for what was written before a confirmed key
// change, one the log bound to them while that key version was current).
#pragma once

#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/SensitiveBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class FolderKeyRing;
class MembershipState;

class ItemReader final
{
public:
    // The newest revision of an item the client has accepted before.
    struct Seen
    {
        quint64 revision = 0;
        QByteArray hash;
    };

    struct Expectation
    {
        QUuid orgId;
        QUuid folderId;
        QUuid itemId;
        std::optional<Seen> lastSeen;
        // History views read superseded revisions: no revision order and any held key
        // version, but the author must have held Edit while that key version was current
        // (a former member qualifies for what they wrote before leaving).
        bool historical = false;
        // FolderRotation only: it re-encrypts what was written before a departure, which is
        // exactly what the pending-rotation rule would otherwise refuse, and the revision it
        // accepted (lastSeen) from an author who held Edit then but was lowered since.
        bool rotating = false;
        // The membership log length the folder state delivered with the envelope names (the
        // write's own state, or for a first sync the newest state, which signs the whole item
        // set). The sync layer checks that state with FolderStateChain before it believes
        // anything it read. Only used while a rotation is pending: a write made against a log
        // shorter than the departure was made before it and is not refused for the pending
        // rotation (its author must still hold Edit now). Unset: no such exception.
        std::optional<quint64> writtenAt;
    };

    struct Opened
    {
        ItemKind kind = ItemKind::Item;
        quint64 revision = 0;
        quint32 keyVersion = 0;
        QUuid authorId;
        QByteArray hash;
        SensitiveBytes plaintext;
    };

    static Result<Opened> open(QByteArrayView bytes, const Expectation& expect,
                               const MembershipState& members, const FolderKeyRing& keys);
    static Result<Opened> open(const ItemEnvelope& envelope, const Expectation& expect,
                               const MembershipState& members, const FolderKeyRing& keys);
    // Every rule except decryption, for a party without the folder key: the server checks
    // uploads with it (placement, author's signature and Edit right, revision chain, key
    // version). `Opened::plaintext` stays empty.
    static Result<Opened> check(const ItemEnvelope& envelope, const Expectation& expect,
                                const MembershipState& members);
};

} // namespace Conclave::Core
