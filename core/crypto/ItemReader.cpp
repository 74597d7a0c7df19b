// Policy-checked opening of item envelopes.
#include "core/crypto/ItemReader.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/SecureBytes.h"

namespace Conclave::Core {

namespace {
const QString kField = QStringLiteral("envelope");
constexpr qsizetype kAeadTag = 16;

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

Result<ItemReader::Opened> ItemReader::check(const ItemEnvelope& envelope, const Expectation& expect,
                                             const MembershipState& members)
{
    const ItemEnvelope::Header& h = envelope.header();
    if (h.orgId != expect.orgId || h.folderId != expect.folderId || h.folderId != members.folderId())
        return reject(ErrorCode::Protocol,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "The server delivered an item that belongs to a different folder "
                                        "(moved item)."));
    if (h.itemId != expect.itemId)
        return reject(ErrorCode::Protocol,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "The server delivered a different item than the one requested "
                                        "(swapped id)."));
    const QByteArray authorKey = members.identityKeyOf(h.authorId);
    if (authorKey.isEmpty())
        return reject(ErrorCode::Denied, QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                           "This item was written by someone who was never a "
                                                           "member of the folder."));
    // The key the log binds to the author now, or (for what was written before a confirmed
    // key change) one it bound to them while the envelope's key version was current.
    const bool byCurrentKey = envelope.verifySignature(authorKey);
    bool signatureValid = byCurrentKey;
    if (!signatureValid) {
        for (const QByteArray& key : members.identityKeysDuring(h.authorId, h.keyVersion))
            signatureValid = signatureValid || envelope.verifySignature(key);
    }
    if (!signatureValid)
        return reject(ErrorCode::Crypto,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "This item's signature is not valid."));
    const QByteArray hash = envelope.hash();
    // A rotation re-signs the very revision this client accepted while its author could edit:
    // if the author was lowered to View since, leaving it under the old key version would make
    // every later member refuse the folder. Anything the client has not accepted yet still needs
    // an author who can edit now, so a lowered member cannot get a new write re-signed.
    const bool acceptedBefore = expect.rotating && expect.lastSeen &&
                                expect.lastSeen->revision == h.revision && expect.lastSeen->hash == hash;
    // A current revision needs an author who can edit now; a history view one who could edit
    // while the envelope's key version was current (not a View member, not one removed before).
    const FolderRole authorRole = expect.historical || acceptedBefore
                                      ? members.highestRoleDuring(h.authorId, h.keyVersion)
                                      : members.roleOf(h.authorId);
    if (!roleAtLeast(authorRole, FolderRole::Edit))
        return reject(ErrorCode::Denied,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "This item was written by a member without the right to edit."));

    bool newWrite = true;
    if (expect.lastSeen && !expect.historical) {
        const Seen& seen = *expect.lastSeen;
        if (h.revision < seen.revision)
            return reject(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "The server delivered an older revision of this item than one "
                                            "already seen (rollback)."));
        if (h.revision == seen.revision && hash != seen.hash)
            return reject(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "The server delivered two different versions of the same item "
                                            "revision (fork)."));
        if (h.revision == seen.revision + 1 && h.previousHash != seen.hash)
            return reject(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "This item's revision does not follow the one already seen "
                                            "(broken chain)."));
        newWrite = h.revision > seen.revision;
    }
    if (h.keyVersion > members.currentKeyVersion())
        return reject(ErrorCode::Protocol,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "This item uses a folder key version the membership log does not "
                                        "know."));
    if (newWrite && !expect.historical && !byCurrentKey)
        return reject(ErrorCode::Crypto,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "This change is signed with an identity key its author no longer "
                                        "holds."));
    // A write whose state names a log from before the entry that made the rotation pending was
    // made under a key nobody had left with yet, so refusing it would only hold back the very
    // refresh after which a manager rotates. Its author holds Edit now (checked above), so
    // backdating a write gains nobody anything: a departed or lowered member fails that check.
    const bool writtenBeforeDeparture =
        expect.writtenAt && members.rotationPending() && *expect.writtenAt < members.rotationPendingSince();
    if (newWrite && !expect.historical && !expect.rotating && members.rotationPending() &&
        !writtenBeforeDeparture)
        return reject(ErrorCode::Denied,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "This change was written under the folder key a departed member "
                                        "still holds. A manager must rotate the folder key first."));
    if (newWrite && !expect.historical && h.keyVersion != members.currentKeyVersion())
        return reject(ErrorCode::Protocol,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "This item was written with an outdated folder key (stale key "
                                        "version)."));
    // The folder id is the folder name's item id and nothing else's.
    if (h.kind == ItemKind::FolderName && h.itemId != h.folderId)
        return reject(ErrorCode::Protocol, QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                             "A folder name belongs to a different folder."));
    if (h.kind != ItemKind::FolderName && h.itemId == h.folderId)
        return reject(ErrorCode::Protocol,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "An item uses the id that belongs to the folder's name."));
    // An empty plaintext pads to exactly one block; anything longer carries content, which
    // the server can see from the length alone.
    if (h.kind == ItemKind::DeleteMarker &&
        envelope.ciphertext().size() != qsizetype(ItemEnvelope::kPadBlock) + kAeadTag)
        return reject(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                            "A delete marker carries unexpected content."));

    Opened checked;
    checked.kind = h.kind;
    checked.revision = h.revision;
    checked.keyVersion = h.keyVersion;
    checked.authorId = h.authorId;
    checked.hash = hash;
    return checked;
}

Result<ItemReader::Opened> ItemReader::open(const ItemEnvelope& envelope, const Expectation& expect,
                                            const MembershipState& members, const FolderKeyRing& keys)
{
    if (envelope.header().folderId != keys.folderId())
        return reject(ErrorCode::Protocol,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "The server delivered an item that belongs to a different folder "
                                        "(moved item)."));
    Result<Opened> checked = check(envelope, expect, members);
    if (!checked)
        return checked;
    const SecureBytes* key = keys.key(checked->keyVersion);
    if (!key)
        return reject(ErrorCode::NotFound,
                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                        "The folder key for this item is not available on this computer."));
    Result<SensitiveBytes> plaintext = envelope.decrypt(*key);
    if (!plaintext)
        return plaintext.error();
    if (checked->kind == ItemKind::DeleteMarker && !plaintext->isEmpty())
        return reject(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                            "A delete marker carries unexpected content."));
    checked->plaintext = std::move(plaintext).value();
    return checked;
}

} // namespace Conclave::Core
