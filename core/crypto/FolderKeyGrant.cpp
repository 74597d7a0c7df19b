// Signed, sealed folder key grants.
#include "core/crypto/FolderKeyGrant.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/KeyCommitment.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <sodium.h>

namespace Conclave::Core {

static_assert(FolderKeyGrant::kSealedSize == qsizetype(crypto_box_SEALBYTES + FolderKeyRing::kKeySize));

namespace {
const QString kStructure = QStringLiteral("grant");

Error grantError(ErrorCode code, const char* text, const QString& field = kStructure)
{
    return CryptoErrors::make(code, text, field);
}
} // namespace

Result<FolderKeyGrant> FolderKeyGrant::create(const MembershipState& state, quint32 keyVersion,
                                              const SecureBytes& folderKey, const UserKeyBundle& recipient,
                                              const KeyPinStore& pins, const QUuid& granterId,
                                              const UserKeys& granter)
{
    if (state.roleOf(granterId) != FolderRole::Manage ||
        state.identityKeyOf(granterId) != granter.identityPublicKey())
        return grantError(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "Only a manager of the folder can share its key."));
    if (keyVersion == 0 || keyVersion > state.currentKeyVersion() ||
        !KeyCommitment::matches(folderKey, state.folderId(), keyVersion, state.keyCommitment(keyVersion)))
        return grantError(ErrorCode::InvalidInput,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A folder key does not match the key the folder's manager "
                                            "committed to in the membership list."));
    const QUuid& recipientId = recipient.userId();
    const QByteArray& identityKey = recipient.identityPublicKey();
    if (!state.isMember(recipientId) || state.identityKeyOf(recipientId) != identityKey)
        return grantError(ErrorCode::Denied,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "The member's key bundle does not carry the identity key the "
                                            "membership list binds to them."),
                          QStringLiteral("bundle"));
    // The granter's own key needs no pin: it is the one they sign with.
    const bool self = recipientId == granterId && identityKey == granter.identityPublicKey();
    if (!self && (pins.isBlocked(recipientId) || pins.pinnedKey(recipientId) != identityKey))
        return grantError(ErrorCode::Denied,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "The member's identity key is not the one this computer pinned "
                                            "for them. A manager must confirm their new key first."),
                          QStringLiteral("bundle"));

    FolderKeyGrant grant;
    grant.m_folderId = state.folderId();
    grant.m_keyVersion = keyVersion;
    grant.m_logPosition = state.length();
    grant.m_recipientId = recipientId;
    grant.m_recipientKey = recipient.encryptionPublicKey();
    grant.m_granterId = granterId;
    grant.m_sealed = UserKeys::seal(grant.m_recipientKey, folderKey);
    if (grant.m_sealed.size() != kSealedSize)
        return grantError(
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
        .u64(m_logPosition)
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
    grant.m_logPosition = reader.u64();
    grant.m_recipientId = reader.uuid();
    grant.m_recipientKey = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
    grant.m_granterId = reader.uuid();
    grant.m_sealed = reader.blob(quint32(kSealedSize)).toByteArray();
    grant.m_signature = reader.fixed(UserKeys::kSignatureSize).toByteArray();
    if (!reader.failed() && grant.m_sealed.size() != kSealedSize)
        reader.fail(grantError(ErrorCode::Corrupt,
                               QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The data ends too early.")));
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    return grant;
}

Status FolderKeyGrant::verify(const MembershipState& state) const
{
    if (m_folderId != state.folderId())
        return grantError(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key was granted for a different folder."));
    const quint64 at = m_logPosition;
    if (at == 0 || at > state.length() || m_keyVersion == 0 || m_keyVersion > state.keyVersionAt(at))
        return grantError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A folder key was granted for a key version the membership "
                                            "log does not know."));
    if (!UserKeys::verify(state.identityKeyAt(m_granterId, at), signedPart(), m_signature))
        return grantError(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key grant has an invalid signature."));
    // At the position the grant names, not "at some time during that key version": a
    // demoted or removed manager can no longer grant what they could grant before.
    if (state.roleAt(m_granterId, at) != FolderRole::Manage)
        return grantError(ErrorCode::Denied,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A folder key was granted by someone without the Manage "
                                            "role."));
    if (state.roleAt(m_recipientId, at) == FolderRole::None || !state.isMember(m_recipientId))
        return grantError(ErrorCode::Denied,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A folder key was granted to someone who is not a member."));
    return {};
}

Result<SecureBytes> FolderKeyGrant::open(const MembershipState& state, const QUuid& recipientId,
                                         const UserKeys& recipient) const
{
    if (const Status verified = verify(state); !verified)
        return verified.error();
    if (recipientId != m_recipientId || recipient.encryptionPublicKey() != m_recipientKey)
        return grantError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "This folder key grant is addressed to someone else."));
    Result<SecureBytes> key = recipient.openSealed(m_sealed);
    if (!key)
        return key;
    if (key->size() != FolderKeyRing::kKeySize)
        return grantError(ErrorCode::Corrupt,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key grant is damaged."));
    if (!KeyCommitment::matches(*key, m_folderId, m_keyVersion, state.keyCommitment(m_keyVersion)))
        return grantError(ErrorCode::Crypto,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A folder key does not match the key the folder's manager "
                                            "committed to in the membership list."));
    return key;
}

} // namespace Conclave::Core
