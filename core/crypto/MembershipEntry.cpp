// Membership log entries: layout, signing, hashing.
#include "core/crypto/MembershipEntry.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyCommitment.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

namespace {
QByteArray orZeros(const QByteArray& bytes, qsizetype size)
{
    return bytes.isEmpty() ? QByteArray(size, '\0') : bytes;
}
} // namespace

MembershipEntry MembershipEntry::sign(const Fields& fields, const UserKeys& signer)
{
    MembershipEntry entry;
    entry.m_fields = fields;
    entry.m_fields.previousHash = orZeros(fields.previousHash, kHashSize);
    entry.m_fields.subjectIdentityKey = orZeros(fields.subjectIdentityKey, UserKeys::kPublicKeySize);
    entry.m_fields.keyCommitment = orZeros(fields.keyCommitment, KeyCommitment::kSize);
    entry.m_signature = signer.sign(entry.signedPart());
    return entry;
}

QByteArray MembershipEntry::signedPart() const
{
    return ByteWriter(DomainTags::kLogEntry)
        .uuid(m_fields.folderId)
        .u64(m_fields.sequence)
        .fixed(m_fields.previousHash)
        .u8(quint8(m_fields.action))
        .uuid(m_fields.signerId)
        .uuid(m_fields.subjectId)
        .fixed(m_fields.subjectIdentityKey)
        .u8(quint8(m_fields.role))
        .u32(m_fields.keyVersion)
        .fixed(m_fields.keyCommitment)
        .u64(m_fields.timeMs)
        .bytes();
}

QByteArray MembershipEntry::serialize() const
{
    return signedPart() + m_signature;
}

QByteArray MembershipEntry::hash() const
{
    return CryptoHash::tagged(DomainTags::kLogEntryHash, serialize());
}

Result<MembershipEntry> MembershipEntry::parse(QByteArrayView bytes)
{
    const QString structure = QStringLiteral("logEntry");
    ByteReader reader(bytes, structure);
    MembershipEntry entry;
    Fields& f = entry.m_fields;
    reader.expectTag(DomainTags::kLogEntry);
    f.folderId = reader.uuid();
    f.sequence = reader.u64();
    f.previousHash = reader.fixed(kHashSize).toByteArray();
    const quint8 action = reader.u8();
    f.signerId = reader.uuid();
    f.subjectId = reader.uuid();
    f.subjectIdentityKey = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
    const quint8 role = reader.u8();
    f.keyVersion = reader.u32();
    f.keyCommitment = reader.fixed(KeyCommitment::kSize).toByteArray();
    f.timeMs = reader.u64();
    entry.m_signature = reader.fixed(UserKeys::kSignatureSize).toByteArray();
    if (action < quint8(MembershipAction::Create) || action > quint8(MembershipAction::ConfirmKey) ||
        role > quint8(FolderRole::Manage))
        reader.fail(
            CryptoErrors::make(ErrorCode::Protocol,
                               QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                 "A membership log entry has an unknown action or role."),
                               structure));
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    f.action = MembershipAction(action);
    f.role = FolderRole(role);
    return entry;
}

} // namespace Conclave::Core
