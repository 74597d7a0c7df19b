// RotationBatch: everything one folder key rotation changes, produced by FolderRotation and
// sent by the sync layer in a single request so the server applies all of it or nothing:
// the membership log entries (remove + rotate), the key chain link to the previous version,
// a grant of the new key to every remaining member and every item re-encrypted under it.
// newFolderKey stays on the client; add it to the FolderKeyRing once the server accepted.
// The sync layer sends the rotation's folder state with it (FolderStateChain::makeRotation).
#pragma once

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/MembershipEntry.h"
#include "core/crypto/SecureBytes.h"

#include "core/util/Error.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

namespace Conclave::Core {

struct RotationBatch
{
    // An item the rotation could not carry forward: it stays under the old key version
    // and nobody can read it as current any more. The UI lists these to the manager.
    struct SkippedItem
    {
        QUuid itemId; // null when the envelope did not even parse
        Error reason;
    };

    quint32 newKeyVersion = 0;
    QList<MembershipEntry> logEntries;
    QByteArray chainLink;
    QList<FolderKeyGrant> grants;
    QList<ItemEnvelope> items;
    QList<SkippedItem> skipped;
    SecureBytes newFolderKey; // never serialised, never sent
};

} // namespace Conclave::Core
