// Member removal with key rotation and re-encryption.
#include "core/crypto/FolderRotation.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeys.h"

#include <QSet>

#include <algorithm>

namespace Conclave::Core {

Result<RotationBatch> FolderRotation::rotate(const MembershipState& state, const FolderKeyRing& ring,
                                             const UserKeys& manager, const KeyPinStore& pins,
                                             const Request& request)
{
    RotationBatch batch;
    MembershipState next = state;
    if (request.removedId) {
        MembershipEntry remove =
            MembershipLog::next(next, MembershipAction::Remove, request.managerId, manager,
                                *request.removedId, {}, FolderRole::None, request.timeMs);
        if (const Status applied = next.apply(remove); !applied)
            return applied.error();
        batch.logEntries << remove;
    }
    if (request.roleChange) {
        MembershipEntry change =
            MembershipLog::next(next, MembershipAction::ChangeRole, request.managerId, manager,
                                request.roleChange->userId, {}, request.roleChange->role, request.timeMs);
        if (const Status applied = next.apply(change); !applied)
            return applied.error();
        batch.logEntries << change;
    }
    batch.newFolderKey = FolderKeyRing::generateKey();
    MembershipEntry rotateEntry =
        MembershipLog::rotate(next, request.managerId, manager, batch.newFolderKey, request.timeMs);
    if (const Status applied = next.apply(rotateEntry); !applied)
        return applied.error();
    batch.logEntries << rotateEntry;

    batch.newKeyVersion = next.currentKeyVersion();
    const SecureBytes* previousKey = ring.key(batch.newKeyVersion - 1);
    if (!previousKey)
        return CryptoErrors::make(ErrorCode::NotFound,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The folder key needed for this step is not available."));
    batch.chainLink =
        FolderKeyRing::makeChainLink(state.folderId(), batch.newKeyVersion, batch.newFolderKey, *previousKey);

    for (const QUuid& member : next.members()) {
        const auto bundle = std::find_if(request.bundles.cbegin(), request.bundles.cend(),
                                         [&](const UserKeyBundle& b) { return b.userId() == member; });
        if (bundle == request.bundles.cend())
            return CryptoErrors::make(
                ErrorCode::NotFound,
                QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                  "The encryption key of a remaining member is missing, "
                                  "so the folder key cannot be shared with them."),
                QStringLiteral("bundles"));
        Result<FolderKeyGrant> grant = FolderKeyGrant::create(next, batch.newKeyVersion, batch.newFolderKey,
                                                              *bundle, pins, request.managerId, manager);
        if (!grant)
            return grant.error();
        batch.grants << std::move(grant).value();
    }

    // Items the rotation cannot open are skipped and reported, never fatal: otherwise any
    // Edit member could block their own removal with one envelope nobody can open.
    QSet<QUuid> delivered;
    for (const QByteArray& bytes : request.items) {
        Result<ItemEnvelope> old = ItemEnvelope::parse(bytes);
        if (!old) {
            batch.skipped << RotationBatch::SkippedItem{{}, old.error()};
            continue;
        }
        const ItemEnvelope::Header& oldHeader = old->header();
        delivered.insert(oldHeader.itemId);
        ItemReader::Expectation expect;
        expect.orgId = request.orgId;
        expect.folderId = state.folderId();
        expect.itemId = oldHeader.itemId;
        expect.rotating = true;
        // Against what this client accepted before, so an older revision the server offers
        // instead of a delete marker (or a newer revision) is refused, not re-signed.
        const auto seen = request.seen.constFind(oldHeader.itemId);
        if (seen != request.seen.cend())
            expect.lastSeen = *seen;
        Result<ItemReader::Opened> opened = ItemReader::open(*old, expect, state, ring);
        if (!opened) {
            batch.skipped << RotationBatch::SkippedItem{oldHeader.itemId, opened.error()};
            continue;
        }
        ItemEnvelope::Header header;
        header.kind = oldHeader.kind;
        header.orgId = oldHeader.orgId;
        header.folderId = oldHeader.folderId;
        header.itemId = oldHeader.itemId;
        header.keyVersion = batch.newKeyVersion;
        header.revision = oldHeader.revision + 1;
        header.previousHash = opened->hash;
        header.authorId = request.managerId;
        Result<ItemEnvelope> sealed =
            ItemEnvelope::seal(header, opened->plaintext.view(), batch.newFolderKey, manager);
        if (!sealed) {
            batch.skipped << RotationBatch::SkippedItem{oldHeader.itemId, sealed.error()};
            continue;
        }
        batch.items << std::move(sealed).value();
    }
    // An item this client has seen that the server left out stays under the old key.
    for (auto it = request.seen.cbegin(); it != request.seen.cend(); ++it) {
        if (!delivered.contains(it.key()))
            batch.skipped << RotationBatch::SkippedItem{
                it.key(), CryptoErrors::make(ErrorCode::NotFound,
                                             QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                               "The server did not deliver this item, so it "
                                                               "was not re-encrypted."),
                                             QStringLiteral("items"))};
    }
    return batch;
}

} // namespace Conclave::Core
