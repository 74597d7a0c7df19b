// FolderItemSet: the live items of a shared folder (item id -> hash of its latest envelope)
// and the digest a folder state signs over them. Client and server keep the same set (it
// holds hashes only, no keys), so both can recompute the digest after each write.
//
// The digest is a two-level hash tree with a fixed fan-out of 256, so updating one item
// among n rehashes one bucket (about n/256 leaves of 48 bytes) and the 256 bucket hashes
// (8 KiB), not all n items: for 10,000 items about 10 KiB of BLAKE2b instead of 470 KiB.
// Building the set from scratch (first sync) hashes every leaf once.
//   bucket of an item  = byte 0 of its 16-byte id
//   bucket hash b_i    = BLAKE2b-256("conclave.folder.bucket.v1\0" | u8 i | u32 count
//                        | count x (item id (16) | envelope hash (32)), ascending by id bytes)
//   digest             = BLAKE2b-256("conclave.folder.items.v1\0" | u32 live items | b_0 .. b_255)
#pragma once

#include <QByteArray>
#include <QUuid>

#include <array>
#include <map>

namespace Conclave::Core {

class FolderItemSet final
{
public:
    static constexpr int kBuckets = 256;
    static constexpr qsizetype kHashSize = 32;

    // Inserts or replaces the item's latest envelope hash.
    void set(const QUuid& itemId, const QByteArray& envelopeHash);
    // Removes the item (a delete marker was written); no effect if absent.
    void erase(const QUuid& itemId);

    bool contains(const QUuid& itemId) const;
    // Empty when the item is not live.
    QByteArray hashOf(const QUuid& itemId) const;
    quint32 count() const { return m_count; }
    QByteArray digest() const;

    // The bucket hash of a bucket whose leaves are given (for tests and other implementations).
    static QByteArray bucketHash(int index, const std::map<QByteArray, QByteArray>& leaves);

private:
    struct Bucket
    {
        std::map<QByteArray, QByteArray> leaves; // RFC 4122 id bytes -> envelope hash
        mutable QByteArray hash;                 // empty while stale
    };

    std::array<Bucket, kBuckets> m_buckets;
    quint32 m_count = 0;
};

} // namespace Conclave::Core
