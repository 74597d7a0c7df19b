// Policy-checked opening of item envelopes.
#include "core/crypto/ItemReader.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/MembershipState.h"

namespace Conclave::Core {

namespace {
const QString kField = QStringLiteral("envelope");

Error reject(ErrorCode code, const char* text)
{
    return CryptoErrors::make(code, text, kField);
}
} // namespace

Result<ItemReader::Opened> ItemReader::open(QByteArrayView bytes, const Expectation& expect,
                                            const MembershipState& members, const FolderKeyRing& keys)
{
    Result<ItemEnvelope> envelope = ItemEnvelope::parse(bytes);
    if (!envelope)
        return envelope.error();
    return open(*envelope, expect, members, keys);
}

Result<ItemReader::Opened> ItemReader::open(const ItemEnvelope& envelope, const Expectation& expect,
                                            const MembershipState& members, const FolderKeyRing& keys)
{
    const ItemEnvelope::Header& h = envelope.header();
    if (h.orgId != expect.orgId || h.folderId != expect.folderId || h.folderId != members.folderId() ||
        h.folderId != keys.folderId())
        return reject(ErrorCode::Protocol,
                      CONCLAVE_CRYPTO_TR("The server delivered an item that belongs to a different folder "
                                         "(moved item)."));
    if (h.itemId != expect.itemId)
        return reject(ErrorCode::Protocol,
                      CONCLAVE_CRYPTO_TR("The server delivered a different item than the one requested "
                                         "(swapped id)."));
    const QByteArray authorKey = members.identityKeyOf(h.authorId);
    if (authorKey.isEmpty())
        return reject(ErrorCode::Denied,
                      CONCLAVE_CRYPTO_TR("This item was written by someone who was never a "
                                         "member of the folder."));
    if (!envelope.verifySignature(authorKey))
        return reject(ErrorCode::Crypto, CONCLAVE_CRYPTO_TR("This item's signature is not valid."));
    if (!expect.historical && !roleAtLeast(members.roleOf(h.authorId), FolderRole::Edit))
        return reject(ErrorCode::Denied,
                      CONCLAVE_CRYPTO_TR("This item was written by a member without the right to edit."));

    const QByteArray hash = envelope.hash();
    bool newWrite = true;
    if (expect.lastSeen && !expect.historical) {
        const Seen& seen = *expect.lastSeen;
        if (h.revision < seen.revision)
            return reject(ErrorCode::Protocol,
                          CONCLAVE_CRYPTO_TR("The server delivered an older revision of this item than one "
                                             "already seen (rollback)."));
        if (h.revision == seen.revision && hash != seen.hash)
            return reject(ErrorCode::Protocol,
                          CONCLAVE_CRYPTO_TR("The server delivered two different versions of the same item "
                                             "revision (fork)."));
        if (h.revision == seen.revision + 1 && h.previousHash != seen.hash)
            return reject(ErrorCode::Protocol,
                          CONCLAVE_CRYPTO_TR("This item's revision does not follow the one already seen "
                                             "(broken chain)."));
        newWrite = h.revision > seen.revision;
    }
    if (h.keyVersion > members.currentKeyVersion())
        return reject(ErrorCode::Protocol,
                      CONCLAVE_CRYPTO_TR("This item uses a folder key version the membership log does not "
                                         "know."));
    if (newWrite && !expect.historical && h.keyVersion != members.currentKeyVersion())
        return reject(ErrorCode::Protocol,
                      CONCLAVE_CRYPTO_TR("This item was written with an outdated folder key (stale key "
                                         "version)."));
    const SecureBytes* key = keys.key(h.keyVersion);
    if (!key)
        return reject(ErrorCode::NotFound,
                      CONCLAVE_CRYPTO_TR("The folder key for this item is not available on this computer."));
    Result<SensitiveBytes> plaintext = envelope.decrypt(*key);
    if (!plaintext)
        return plaintext.error();
    if (h.kind == ItemKind::DeleteMarker && !plaintext->isEmpty())
        return reject(ErrorCode::Corrupt, CONCLAVE_CRYPTO_TR("A delete marker carries unexpected content."));
    if (h.kind == ItemKind::FolderName && h.itemId != h.folderId)
        return reject(ErrorCode::Protocol,
                      CONCLAVE_CRYPTO_TR("A folder name belongs to a different folder."));

    Opened opened;
    opened.kind = h.kind;
    opened.revision = h.revision;
    opened.keyVersion = h.keyVersion;
    opened.authorId = h.authorId;
    opened.hash = hash;
    opened.plaintext = std::move(plaintext).value();
    return opened;
}

} // namespace Conclave::Core
