// The live item set of a folder and its bucketed digest.
#include "core/crypto/FolderItemSet.h"

#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"

namespace Conclave::Core {

namespace {
int bucketOf(const QByteArray& id)
{
    return quint8(id.at(0));
}
} // namespace

void FolderItemSet::set(const QUuid& itemId, const QByteArray& envelopeHash)
{
    const QByteArray id = itemId.toRfc4122();
    Bucket& bucket = m_buckets[std::size_t(bucketOf(id))];
    const auto [it, inserted] = bucket.leaves.insert_or_assign(id, envelopeHash);
    m_count += inserted ? 1 : 0;
    bucket.hash.clear();
}

void FolderItemSet::erase(const QUuid& itemId)
{
    const QByteArray id = itemId.toRfc4122();
    Bucket& bucket = m_buckets[std::size_t(bucketOf(id))];
    if (bucket.leaves.erase(id) > 0) {
        --m_count;
        bucket.hash.clear();
    }
}

bool FolderItemSet::contains(const QUuid& itemId) const
{
    const QByteArray id = itemId.toRfc4122();
    return m_buckets[std::size_t(bucketOf(id))].leaves.count(id) > 0;
}

QByteArray FolderItemSet::hashOf(const QUuid& itemId) const
{
    const QByteArray id = itemId.toRfc4122();
    const auto& leaves = m_buckets[std::size_t(bucketOf(id))].leaves;
    const auto it = leaves.find(id);
    return it == leaves.end() ? QByteArray() : it->second;
}

QByteArray FolderItemSet::bucketHash(int index, const std::map<QByteArray, QByteArray>& leaves)
{
    // Not through ByteWriter's tag: the tag goes in through CryptoHash::tagged.
    QByteArray data;
    data.reserve(5 + qsizetype(leaves.size()) * (16 + kHashSize));
    data.append(char(index));
    const quint32 n = quint32(leaves.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        data.append(char((n >> shift) & 0xff));
    for (const auto& [id, hash] : leaves) {
        data.append(id);
        data.append(hash);
    }
    return CryptoHash::tagged(DomainTags::kFolderBucket, data);
}

QByteArray FolderItemSet::digest() const
{
    QByteArray data;
    data.reserve(4 + kBuckets * kHashSize);
    for (int shift = 24; shift >= 0; shift -= 8)
        data.append(char((m_count >> shift) & 0xff));
    for (int i = 0; i < kBuckets; ++i) {
        const Bucket& bucket = m_buckets[std::size_t(i)];
        if (bucket.hash.isEmpty())
            bucket.hash = bucketHash(i, bucket.leaves);
        data.append(bucket.hash);
    }
    return CryptoHash::tagged(DomainTags::kFolderItems, data);
}

} // namespace Conclave::Core
