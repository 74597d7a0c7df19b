// Encrypted, signed item envelopes.
#include "core/crypto/ItemEnvelope.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Sodium.h"
#include "core/crypto/UserKeys.h"

#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace Conclave::Core {

namespace {
const QString kStructure = QStringLiteral("envelope");
constexpr qsizetype kTag = 16;

bool isZero(const QByteArray& bytes)
{
    return bytes.count('\0') == bytes.size();
}

qsizetype maxCiphertext()
{
    return ItemEnvelope::kMaxPlaintext + qsizetype(ItemEnvelope::kPadBlock) + kTag;
}
} // namespace

static_assert(ItemEnvelope::kNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kTag == crypto_aead_xchacha20poly1305_ietf_ABYTES);

QByteArray ItemEnvelope::associatedData() const
{
    const Header& h = m_header;
    return ByteWriter(DomainTags::kEnvelope)
        .u8(h.formatVersion)
        .u8(quint8(h.kind))
        .uuid(h.orgId)
        .uuid(h.folderId)
        .uuid(h.itemId)
        .u32(h.keyVersion)
        .u64(h.revision)
        .fixed(h.previousHash)
        .uuid(h.authorId)
        .fixed(h.nonce)
        .bytes();
}

QByteArray ItemEnvelope::signedPart() const
{
    QByteArray out = associatedData();
    char length[4];
    qToBigEndian(quint32(m_ciphertext.size()), length);
    out.append(length, 4);
    out.append(m_ciphertext);
    return out;
}

QByteArray ItemEnvelope::serialize() const
{
    return signedPart() + m_signature;
}

QByteArray ItemEnvelope::hash() const
{
    return CryptoHash::tagged(DomainTags::kEnvelopeHash, serialize());
}

QByteArray ItemEnvelope::newNonce()
{
    Sodium::ensure();
    QByteArray nonce(kNonceSize, Qt::Uninitialized);
    randombytes_buf(nonce.data(), std::size_t(kNonceSize));
    return nonce;
}

Result<ItemEnvelope> ItemEnvelope::seal(const Header& header, QByteArrayView plaintext,
                                        const SecureBytes& folderKey, const UserKeys& author)
{
    if (plaintext.size() > kMaxPlaintext)
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The item is too large to share."), kStructure);
    if (header.revision == 0 || header.keyVersion == 0 || folderKey.size() != 32 ||
        (header.revision == 1) != (header.previousHash.isEmpty() || isZero(header.previousHash)) ||
        (!header.previousHash.isEmpty() && header.previousHash.size() != kHashSize))
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The item's revision information is not consistent."),
            kStructure);

    ItemEnvelope env;
    env.m_header = header;
    env.m_header.formatVersion = kFormatVersion;
    if (env.m_header.previousHash.isEmpty())
        env.m_header.previousHash = QByteArray(kHashSize, '\0');
    env.m_header.nonce = newNonce();

    // Pad in a wiping buffer so no stray copy of the plaintext outlives this call.
    const std::size_t unpadded = std::size_t(plaintext.size());
    SensitiveBytes padded((unpadded / kPadBlock + 1) * kPadBlock);
    if (unpadded)
        std::memcpy(padded.data(), plaintext.data(), unpadded);
    std::size_t paddedSize = 0;
    sodium_pad(&paddedSize, padded.data(), unpadded, kPadBlock, padded.size());

    const QByteArray ad = env.associatedData();
    env.m_ciphertext = QByteArray(qsizetype(paddedSize) + kTag, Qt::Uninitialized);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(env.m_ciphertext.data()), &clen, padded.data(), paddedSize,
        reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()), nullptr,
        reinterpret_cast<const unsigned char*>(env.m_header.nonce.constData()), folderKey.data());
    env.m_signature = author.sign(env.signedPart());
    return env;
}

Result<ItemEnvelope> ItemEnvelope::parse(QByteArrayView bytes)
{
    ByteReader reader(bytes, kStructure);
    ItemEnvelope env;
    Header& h = env.m_header;
    reader.expectTag(DomainTags::kEnvelope);
    h.formatVersion = reader.u8();
    // Version 0 was never written: it is damage or a forgery, not a format from the future.
    if (!reader.failed() && h.formatVersion == 0)
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "This item is in an unknown format."), kStructure);
    if (!reader.failed() && h.formatVersion != kFormatVersion)
        return CryptoErrors::make(ErrorCode::VersionTooNew,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "This item was written in a format this version of "
                                                    "Conclave does not know. Update Conclave to read it."),
                                  kStructure);
    const quint8 kind = reader.u8();
    h.orgId = reader.uuid();
    h.folderId = reader.uuid();
    h.itemId = reader.uuid();
    h.keyVersion = reader.u32();
    h.revision = reader.u64();
    h.previousHash = reader.fixed(kHashSize).toByteArray();
    h.authorId = reader.uuid();
    h.nonce = reader.fixed(kNonceSize).toByteArray();
    env.m_ciphertext = reader.blob(quint32(maxCiphertext())).toByteArray();
    env.m_signature = reader.fixed(UserKeys::kSignatureSize).toByteArray();
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    if (kind < quint8(ItemKind::Item) || kind > quint8(ItemKind::FolderName))
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "This item has a kind this version of Conclave does not "
                                                    "know."),
                                  kStructure);
    h.kind = ItemKind(kind);
    if (h.revision == 0 || h.keyVersion == 0 || (h.revision == 1) != isZero(h.previousHash) ||
        env.m_ciphertext.size() < qsizetype(kPadBlock) + kTag ||
        (env.m_ciphertext.size() - kTag) % qsizetype(kPadBlock) != 0)
        return CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "This item's header is not consistent."), kStructure);
    return env;
}

bool ItemEnvelope::verifySignature(QByteArrayView authorIdentityKey) const
{
    return UserKeys::verify(authorIdentityKey, signedPart(), m_signature);
}

Result<SensitiveBytes> ItemEnvelope::decrypt(const SecureBytes& folderKey) const
{
    const Error failed = CryptoErrors::make(
        ErrorCode::Crypto,
        QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "This item could not be decrypted. It may have been "
                                                    "altered."),
        kStructure);
    if (folderKey.size() != 32 || m_ciphertext.size() < kTag)
        return failed;
    const QByteArray ad = associatedData();
    SensitiveBytes padded(std::size_t(m_ciphertext.size() - kTag));
    unsigned long long mlen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            padded.data(), &mlen, nullptr, reinterpret_cast<const unsigned char*>(m_ciphertext.constData()),
            std::size_t(m_ciphertext.size()), reinterpret_cast<const unsigned char*>(ad.constData()),
            std::size_t(ad.size()), reinterpret_cast<const unsigned char*>(m_header.nonce.constData()),
            folderKey.data()) != 0)
        return failed;
    std::size_t unpadded = 0;
    if (sodium_unpad(&unpadded, padded.data(), padded.size(), kPadBlock) != 0)
        return failed;
    padded.truncate(unpadded);
    return padded;
}

} // namespace Conclave::Core
