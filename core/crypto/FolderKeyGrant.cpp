// Signed, sealed folder key grants.
#include "core/crypto/FolderKeyGrant.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeys.h"

#include <sodium.h>

namespace Conclave::Core {

static_assert(FolderKeyGrant::kSealedSize == qsizetype(crypto_box_SEALBYTES + FolderKeyRing::kKeySize));

namespace {
const QString kStructure = QStringLiteral("grant");
}

Result<FolderKeyGrant> FolderKeyGrant::create(const QUuid& folderId, quint32 keyVersion,
                                              const SecureBytes& folderKey, const QUuid& recipientId,
                                              QByteArrayView recipientEncryptionKey, const QUuid& granterId,
                                              const UserKeys& granter)
{
    FolderKeyGrant grant;
    grant.m_folderId = folderId;
    grant.m_keyVersion = keyVersion;
    grant.m_recipientId = recipientId;
    grant.m_recipientKey = recipientEncryptionKey.toByteArray();
    grant.m_granterId = granterId;
    grant.m_sealed = UserKeys::seal(recipientEncryptionKey, folderKey);
    if (grant.m_sealed.size() != kSealedSize)
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The member's encryption key cannot be used."),
            QStringLiteral("encryptionKey"));
    grant.m_signature = granter.sign(grant.signedPart());
    return grant;
}

QByteArray FolderKeyGrant::signedPart() const
{
    return ByteWriter(DomainTags::kGrant)
        .uuid(m_folderId)
        .u32(m_keyVersion)
        .uuid(m_recipientId)
        .fixed(m_recipientKey)
        .uuid(m_granterId)
        .blob(m_sealed)
        .bytes();
}

QByteArray FolderKeyGrant::serialize() const
{
    return signedPart() + m_signature;
}

Result<FolderKeyGrant> FolderKeyGrant::parse(QByteArrayView bytes)
{
    ByteReader reader(bytes, kStructure);
    FolderKeyGrant grant;
    reader.expectTag(DomainTags::kGrant);
    grant.m_folderId = reader.uuid();
    grant.m_keyVersion = reader.u32();
    grant.m_recipientId = reader.uuid();
    grant.m_recipientKey = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
    grant.m_granterId = reader.uuid();
    grant.m_sealed = reader.blob(quint32(kSealedSize)).toByteArray();
    grant.m_signature = reader.fixed(UserKeys::kSignatureSize).toByteArray();
    if (!reader.failed() && grant.m_sealed.size() != kSealedSize)
        reader.fail(CryptoErrors::make(
            ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The data ends too early."),
            kStructure));
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    return grant;
}

Status FolderKeyGrant::verify(const MembershipState& state) const
{
    if (m_folderId != state.folderId())
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key was granted for a different folder."),
            kStructure);
    if (m_keyVersion == 0 || m_keyVersion > state.currentKeyVersion())
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A folder key was granted for a key version the membership "
                              "log does not know."),
            kStructure);
    if (!UserKeys::verify(state.identityKeyOf(m_granterId), signedPart(), m_signature))
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key grant has an invalid signature."),
            kStructure);
    if (!state.heldManageDuring(m_granterId, m_keyVersion))
        return CryptoErrors::make(ErrorCode::Denied,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "A folder key was granted by someone without the Manage "
                                                    "role."),
                                  kStructure);
    if (!state.isMember(m_recipientId))
        return CryptoErrors::make(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A folder key was granted to someone who is not a member."),
            kStructure);
    return {};
}

Result<SecureBytes> FolderKeyGrant::open(const QUuid& recipientId, const UserKeys& recipient) const
{
    if (recipientId != m_recipientId || recipient.encryptionPublicKey() != m_recipientKey)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "This folder key grant is addressed to someone else."),
                                  kStructure);
    Result<SecureBytes> key = recipient.openSealed(m_sealed);
    if (key && key->size() != FolderKeyRing::kKeySize)
        return CryptoErrors::make(
            ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key grant is damaged."),
            kStructure);
    return key;
}

} // namespace Conclave::Core
