// Signed folder states: layout, signing, hashing.
#include "core/crypto/FolderState.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

namespace {
QByteArray orZeros(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QByteArray(FolderState::kHashSize, '\0') : bytes;
}
} // namespace

FolderState FolderState::sign(const Fields& fields, const UserKeys& writer)
{
    FolderState state;
    state.m_fields = fields;
    state.m_fields.previousHash = orZeros(fields.previousHash);
    state.m_fields.logHead = orZeros(fields.logHead);
    state.m_fields.envelopeHash = orZeros(fields.envelopeHash);
    state.m_fields.itemsDigest = orZeros(fields.itemsDigest);
    state.m_signature = writer.sign(state.signedPart());
    return state;
}

QByteArray FolderState::signedPart() const
{
    const Fields& f = m_fields;
    return ByteWriter(DomainTags::kFolderState)
        .uuid(f.folderId)
        .u64(f.sequence)
        .fixed(f.previousHash)
        .u64(f.logLength)
        .fixed(f.logHead)
        .u8(quint8(f.change))
        .uuid(f.itemId)
        .fixed(f.envelopeHash)
        .u32(f.itemCount)
        .fixed(f.itemsDigest)
        .uuid(f.writerId)
        .u64(f.timeMs)
        .bytes();
}

QByteArray FolderState::serialize() const
{
    return signedPart() + m_signature;
}

QByteArray FolderState::hash() const
{
    return CryptoHash::tagged(DomainTags::kFolderStateHash, serialize());
}

Result<FolderState> FolderState::parse(QByteArrayView bytes)
{
    const QString structure = QStringLiteral("folderState");
    ByteReader reader(bytes, structure);
    FolderState state;
    Fields& f = state.m_fields;
    reader.expectTag(DomainTags::kFolderState);
    f.folderId = reader.uuid();
    f.sequence = reader.u64();
    f.previousHash = reader.fixed(kHashSize).toByteArray();
    f.logLength = reader.u64();
    f.logHead = reader.fixed(kHashSize).toByteArray();
    const quint8 change = reader.u8();
    f.itemId = reader.uuid();
    f.envelopeHash = reader.fixed(kHashSize).toByteArray();
    f.itemCount = reader.u32();
    f.itemsDigest = reader.fixed(kHashSize).toByteArray();
    f.writerId = reader.uuid();
    f.timeMs = reader.u64();
    state.m_signature = reader.fixed(UserKeys::kSignatureSize).toByteArray();
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    const bool zeroPrevious = f.previousHash.count('\0') == kHashSize;
    const bool rotation = change == quint8(Change::Rotation);
    const bool canonical = f.sequence >= 1 && (f.sequence == 1) == zeroPrevious && f.logLength >= 1 &&
                           (change == quint8(Change::Write) || rotation) &&
                           (!rotation || (f.itemId.isNull() && f.envelopeHash.count('\0') == kHashSize)) &&
                           (rotation || !f.itemId.isNull());
    if (!canonical)
        return CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder state record is not consistent."),
            structure);
    f.change = Change(change);
    return state;
}

} // namespace Conclave::Core
