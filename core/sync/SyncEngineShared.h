// SyncEngineShared: what the four files of SyncEngine (SyncEngine.cpp and its Write, Members
// and Invitations parts) have in common: their tr() context, the two refusals every operation
// may give and the text form of an id (the answer guard is core/util/Guarded.h).
// Private to those files; nothing else includes it.
#pragma once

#include "core/util/Guarded.h"
#include "core/util/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QUuid>

namespace Conclave::Core::SyncEngineShared {

// One context for the engine's sentences, whichever of its files says them.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::SyncEngine)
};

// Before start() or after sign-out.
Error notStarted();
// A folder id that is not among the folders this computer holds.
Error unknownFolder();

// Ids as the server and the security state write them: lower case, hyphens, no braces.
inline QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace Conclave::Core::SyncEngineShared
