// FolderState: one signed link of a shared folder's state chain (DESIGN §6 "No silent
// drops"). Every write to a folder (an item revision, a delete marker, the folder name, a
// key rotation) comes with the next state: its sequence number, the previous state's hash,
// the membership log position and head it was written against, and the count and digest of
// every live item's latest envelope hash (FolderItemSet) after the write. One signature per
// write, by the writer; FolderStateChain checks it.
// Layout: tag "conclave.folder.state.v1\0" | folder id (16) | u64 sequence (first write = 1)
//   | previous state hash (32, zeros for sequence 1) | u64 log length | log head hash (32)
//   | u8 change (1 write, 2 rotation) | item id (16, nil for a rotation)
//   | envelope hash (32, zeros for a rotation) | u32 live items | items digest (32)
//   | writer id (16) | u64 time (ms) | Ed25519 signature (64) over everything before it.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class UserKeys;

class FolderState final
{
public:
    static constexpr qsizetype kHashSize = 32;
    static constexpr qsizetype kSize = 25 + 16 + 8 + 32 + 8 + 32 + 1 + 16 + 32 + 4 + 32 + 16 + 8 + 64;

    enum class Change : quint8
    {
        Write = 1,    // one envelope: item, delete marker or folder name
        Rotation = 2, // a key rotation re-encrypted the folder's items
    };

    struct Fields
    {
        QUuid folderId;
        quint64 sequence = 1;
        QByteArray previousHash; // empty/zeros for sequence 1
        quint64 logLength = 0;   // membership log entries the writer had accepted
        QByteArray logHead;      // hash of entry logLength - 1
        Change change = Change::Write;
        QUuid itemId;            // Write: the envelope's item id
        QByteArray envelopeHash; // Write: ItemEnvelope::hash() of the envelope written
        quint32 itemCount = 0;   // live items after the write
        QByteArray itemsDigest;  // FolderItemSet::digest() after the write
        QUuid writerId;
        quint64 timeMs = 0;
    };

    static FolderState sign(const Fields& fields, const UserKeys& writer);
    static Result<FolderState> parse(QByteArrayView bytes);

    const Fields& fields() const { return m_fields; }
    const QByteArray& signature() const { return m_signature; }
    QByteArray signedPart() const;
    QByteArray serialize() const;
    // BLAKE2b-256("conclave.folder.state.hash.v1\0" || serialize()): what the next state chains to.
    QByteArray hash() const;

private:
    Fields m_fields;
    QByteArray m_signature;
};

} // namespace Conclave::Core
