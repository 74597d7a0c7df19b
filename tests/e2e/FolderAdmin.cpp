// Member operations made from core/crypto for the end-to-end suites; see the header.
#include "FolderAdmin.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderRotation.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <QDateTime>

using namespace Conclave::Core;

bool FolderAdmin::openFolder(SharingDevice& device, const QUuid& folderId,
                             std::optional<MembershipState>& members, FolderKeyRing& ring)
{
    SharingApi& api = device.engine.api();
    const auto detail =
        awaitResult<SharingApi::FolderDetail>([&](QObject* c, auto done) { api.folder(folderId, c, done); });
    if (!detail || !detail->ok())
        return false;
    QList<QByteArray> log;
    for (const SharingApi::LogEntry& entry : detail->value().log)
        log.append(entry.entry);
    Result<MembershipState> replayed = MembershipLog::replayBytes(folderId, log, std::nullopt);
    if (!replayed)
        return false;
    members = *replayed;
    const UserKeys& keys = *device.client.userKeys();
    const QUuid me = device.client.account().userId;
    const auto grants =
        awaitResult<QList<SharingApi::Grant>>([&](QObject* c, auto done) { api.grants(folderId, c, done); });
    if (!grants || !grants->ok())
        return false;
    for (const SharingApi::Grant& g : grants->value()) {
        if (g.recipientId != me || ring.contains(g.keyVersion))
            continue;
        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(g.grant);
        Result<SecureBytes> key =
            grant ? grant->open(*members, me, keys) : Result<SecureBytes>(grant.error());
        if (!key || !ring.accept(grant->keyVersion(), std::move(*key), *members))
            return false;
    }
    return true;
}

// The removal a manager's client makes (remove + rotate, the new key granted to those who
// remain, every item re-encrypted), built here from core/crypto and sent as one rotation
// request, then taken in by the manager's engine.

bool FolderAdmin::removeMember(SharingDevice& manager, const QUuid& orgId, const QUuid& folderId,
                               const QUuid& removedId, const QStringList& memberEmails)
{
    SharingApi& api = manager.engine.api();
    std::optional<MembershipState> members;
    FolderKeyRing ring(folderId);
    if (!openFolder(manager, folderId, members, ring))
        return false;
    const UserKeys& keys = *manager.client.userKeys();
    const QUuid me = manager.client.account().userId;

    FolderRotation::Request request;
    request.orgId = orgId;
    request.managerId = me;
    request.removedId = removedId;
    request.timeMs = quint64(QDateTime::currentMSecsSinceEpoch());
    KeyPinStore pins;
    // The remaining members' bundles, found by their addresses.
    for (const QString& email : memberEmails) {
        const auto lookup =
            awaitResult<SharingApi::KeyLookup>([&](QObject* c, auto done) { api.lookupKey(email, c, done); });
        if (!lookup || !lookup->ok())
            return false;
        Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(lookup->value().bundle);
        if (!bundle)
            return false;
        if (bundle->userId() == removedId || !members->isMember(bundle->userId()))
            continue;
        (void)pins.check(bundle->userId(), bundle->identityPublicKey(), request.timeMs);
        request.bundles.append(*bundle);
    }
    QList<ItemEnvelope> envelopes;
    std::optional<SharingApi::StateRef> state;
    const auto page = awaitResult<SharingApi::ItemPage>(
        [&](QObject* c, auto done) { api.items(folderId, {}, 0, c, done); });
    if (!page || !page->ok() || !page->value().next.isNull())
        return false;
    state = page->value().state;
    for (const SharingApi::Item& item : page->value().items) {
        request.items.append(item.envelope);
        Result<ItemEnvelope> parsed = ItemEnvelope::parse(item.envelope);
        if (!parsed)
            return false;
        envelopes.append(*parsed);
    }
    Result<RotationBatch> batch = FolderRotation::rotate(*members, ring, keys, pins, request);
    if (!batch) {
        qWarning("rotation refused: %s", qPrintable(batch.error().message));
        return false;
    }
    FolderStateChain chain(folderId);
    if (!state)
        return false;
    Result<FolderState> current = FolderState::parse(state->state);
    if (!current || !chain.acceptSnapshot(*current, envelopes, *members))
        return false;
    MembershipState after = *members;
    for (const MembershipEntry& entry : batch->logEntries) {
        if (!after.apply(entry))
            return false;
    }
    QList<QByteArray> entries;
    for (const MembershipEntry& entry : batch->logEntries)
        entries.append(entry.serialize());
    QList<QByteArray> grantBytes;
    for (const FolderKeyGrant& grant : batch->grants)
        grantBytes.append(grant.serialize());
    QList<QByteArray> items;
    QList<ItemEnvelope> reencrypted;
    for (const ItemEnvelope& envelope : batch->items) {
        items.append(envelope.serialize());
        reencrypted.append(envelope);
    }
    const FolderState rotation = chain.makeRotation(reencrypted, after, me, keys, request.timeMs);
    const auto sent = awaitResult<SharingApi::WriteOutcome>([&](QObject* c, auto done) {
        api.rotate(folderId, entries, batch->chainLink, grantBytes, items, rotation.serialize(), c, done);
    });
    if (!sent || !sent->ok() || sent->value().conflict) {
        qWarning("rotation not stored: %s",
                 sent && !sent->ok() ? qPrintable(sent->error().message) : "conflict");
        return false;
    }
    const auto taken = await([&](QObject* c, auto done) { manager.engine.syncFolder(folderId, c, done); });
    return taken && taken->ok();
}

bool FolderAdmin::changeRole(SharingDevice& manager, const QUuid& folderId, const QUuid& userId,
                             FolderRole role)
{
    std::optional<MembershipState> members;
    FolderKeyRing ring(folderId);
    if (!openFolder(manager, folderId, members, ring))
        return false;
    const MembershipEntry entry = MembershipLog::next(
        *members, MembershipAction::ChangeRole, manager.client.account().userId, *manager.client.userKeys(),
        userId, {}, role, quint64(QDateTime::currentMSecsSinceEpoch()));
    if (Status applied = members->apply(entry); !applied) {
        qWarning("role change refused: %s", qPrintable(applied.error().message));
        return false;
    }
    const auto appended = awaitResult<quint64>(
        [&](QObject* c, auto done) { manager.engine.api().appendLog(folderId, entry.serialize(), c, done); });
    if (!appended || !appended->ok()) {
        qWarning("role change not stored: %s", appended ? qPrintable(appended->error().message) : "timeout");
        return false;
    }
    const auto taken = await([&](QObject* c, auto done) { manager.engine.syncFolder(folderId, c, done); });
    return taken && taken->ok();
}
