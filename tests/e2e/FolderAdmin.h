// FolderAdmin: what a member's client can open of a folder, read from the server and checked
// with core/crypto alone (the replayed membership log and the granted keys), outside the sync
// engine: for the suites that play a member who later lost their rights and forges or reads
// with what they kept.
#pragma once

#include "SharingDevice.h"

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRole.h"
#include "core/crypto/MembershipState.h"

#include <QUuid>

#include <optional>

class FolderAdmin final
{
public:
    static bool openFolder(SharingDevice& device, const QUuid& folderId,
                           std::optional<Conclave::Core::MembershipState>& members,
                           Conclave::Core::FolderKeyRing& ring);
};
