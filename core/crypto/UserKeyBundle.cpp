// Signed public key bundle of a user.
#include "core/crypto/UserKeyBundle.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"

namespace Conclave::Core {

static_assert(sizeof(DomainTags::kBundle) == 19);

UserKeyBundle UserKeyBundle::create(const QUuid& userId, const UserKeys& keys)
{
    UserKeyBundle bundle;
    bundle.m_userId = userId;
    bundle.m_identityKey = keys.identityPublicKey();
    bundle.m_encryptionKey = keys.encryptionPublicKey();
    bundle.m_signature = keys.sign(bundle.signedPart());
    return bundle;
}

QByteArray UserKeyBundle::signedPart() const
{
    return ByteWriter(DomainTags::kBundle).uuid(m_userId).fixed(m_identityKey).fixed(m_encryptionKey).bytes();
}

QByteArray UserKeyBundle::serialize() const
{
    return signedPart() + m_signature;
}

Result<UserKeyBundle> UserKeyBundle::parseAndVerify(QByteArrayView bytes)
{
    const QString structure = QStringLiteral("bundle");
    ByteReader reader(bytes, structure);
    UserKeyBundle bundle;
    reader.expectTag(DomainTags::kBundle);
    bundle.m_userId = reader.uuid();
    bundle.m_identityKey = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
    bundle.m_encryptionKey = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
    const QByteArrayView signedBytes = reader.consumed();
    bundle.m_signature = reader.fixed(UserKeys::kSignatureSize).toByteArray();
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    if (bundle.m_userId.isNull())
        return CryptoErrors::make(
            ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The key bundle names no user."),
            structure);
    if (!UserKeys::verify(bundle.m_identityKey, signedBytes, bundle.m_signature))
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The key bundle's signature is not valid."),
            structure);
    return bundle;
}

} // namespace Conclave::Core
