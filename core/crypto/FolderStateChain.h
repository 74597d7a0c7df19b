// FolderStateChain: the folder state a party last accepted and the live item set it
// describes (DESIGN §6 "No silent drops"). The server keeps one per folder and accepts an
// upload only when its state follows the current one and describes the item set the write
// leaves behind; it needs no key for that, only envelope hashes and the membership log. A
// reader keeps one per folder (persisted with its security state) and accepts a write from
// the server only when it chains on, so a withheld item, delete marker or revision shows at
// the latest with the next write it sees; a first sync proves that every live item arrived.
//
// Use by the server, per upload: follows() false -> 409 conflict (the client rebases);
// otherwise acceptWrite()/acceptRotation() with LogView::Current; an error -> 400.
// Use by a reader: acceptSnapshot() on first sync, then acceptWrite()/acceptRotation() for
// each write of the changes feed in order, with LogView::Known.
// Cost: one signature check per write and one bucket + top rehash (FolderItemSet); a
// snapshot hashes every live item once.
#pragma once

#include "core/crypto/FolderItemSet.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <vector>

namespace Conclave::Core {

class ItemEnvelope;
class MembershipState;
class UserKeys;

class FolderStateChain final
{
public:
    enum class LogView
    {
        Current, // server: the write must be made against the log as it stands now
        Known,   // reader: against a log position this client has accepted (same head hash)
    };

    explicit FolderStateChain(const QUuid& folderId);

    const QUuid& folderId() const { return m_folderId; }
    bool isEmpty() const { return m_sequence == 0; }
    quint64 sequence() const { return m_sequence; }
    // Hash of the last accepted state; 32 zero bytes while empty.
    QByteArray headHash() const;
    const FolderItemSet& items() const { return m_items; }

    // Whether `state` names the current head as its predecessor (else: conflict or gap).
    bool follows(const FolderState& state) const;

    // Writers: the signed state to send with `envelope` (the chain itself is unchanged).
    FolderState makeWrite(const ItemEnvelope& envelope, const MembershipState& members, const QUuid& writerId,
                          const UserKeys& writer, quint64 timeMs);
    FolderState makeRotation(const QList<ItemEnvelope>& reencrypted, const MembershipState& members,
                             const QUuid& writerId, const UserKeys& writer, quint64 timeMs);

    // `envelope` must already have passed ItemReader::check() or open().
    Status acceptWrite(const FolderState& state, const ItemEnvelope& envelope, const MembershipState& members,
                       LogView view);
    // `reencrypted`: every envelope of the rotation batch.
    Status acceptRotation(const FolderState& state, const QList<ItemEnvelope>& reencrypted,
                          const MembershipState& members, LogView view);
    // First sync of an empty chain: the newest state and the latest envelope of every item
    // the server listed (delete markers included); refused unless they are exactly the live
    // items the state names.
    Status acceptSnapshot(const FolderState& state, const QList<ItemEnvelope>& latest,
                          const MembershipState& members);
    // The same for envelopes whose hash() a reader computed already (ItemReader::Opened::hash):
    // a first sync then does not serialise and hash every envelope a second time.
    struct Listed
    {
        QUuid folderId;
        QUuid itemId;
        ItemKind kind = ItemKind::Item;
        QByteArray hash; // ItemEnvelope::hash()
    };
    Status acceptSnapshot(const FolderState& state, const std::vector<Listed>& latest,
                          const MembershipState& members);

private:
    struct Undo
    {
        QUuid itemId;
        QByteArray previousHash; // empty: was not live
    };
    QList<Undo> applyAll(const QList<ItemEnvelope>& envelopes);
    void revert(const QList<Undo>& undo);
    Status checkSigned(const FolderState& state, const MembershipState& members, LogView view) const;
    Status checkItems(const FolderState& state) const;
    FolderState::Fields baseFields(const MembershipState& members, const QUuid& writerId,
                                   quint64 timeMs) const;

    QUuid m_folderId;
    quint64 m_sequence = 0;
    QByteArray m_head;
    FolderItemSet m_items;
};

} // namespace Conclave::Core
