// Keyed BLAKE2b commitments to folder key versions.
#include "core/crypto/KeyCommitment.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <algorithm>

namespace Conclave::Core::KeyCommitment {

QByteArray of(const SecureBytes& folderKey, const QUuid& folderId, quint32 keyVersion)
{
    Sodium::ensure();
    const QByteArray input = ByteWriter(DomainTags::kKeyCommitment).uuid(folderId).u32(keyVersion).bytes();
    QByteArray out(kSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), std::size_t(kSize),
                       reinterpret_cast<const unsigned char*>(input.constData()), std::size_t(input.size()),
                       folderKey.data(), folderKey.size());
    return out;
}

bool matches(const SecureBytes& folderKey, const QUuid& folderId, quint32 keyVersion,
             QByteArrayView commitment)
{
    if (commitment.size() != kSize || folderKey.size() != 32 ||
        std::all_of(commitment.begin(), commitment.end(), [](char c) { return c == '\0'; }))
        return false;
    const QByteArray expected = of(folderKey, folderId, keyVersion);
    return sodium_memcmp(expected.constData(), commitment.data(), std::size_t(kSize)) == 0;
}

} // namespace Conclave::Core::KeyCommitment
