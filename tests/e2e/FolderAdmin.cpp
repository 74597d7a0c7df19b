// What a member can open of a folder, for the end-to-end suites; see the header.
#include "FolderAdmin.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeys.h"

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
