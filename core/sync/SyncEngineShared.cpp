// The sentences SyncEngine's files share; see SyncEngineShared.h.
#include "core/sync/SyncEngineShared.h"

namespace Conclave::Core::SyncEngineShared {

Error notStarted()
{
    return Error::make(ErrorCode::Unavailable, Tr::tr("Team Sharing is not ready: sign in first."));
}

Error unknownFolder()
{
    return Error::make(ErrorCode::NotFound, Tr::tr("This shared folder is not on this computer."));
}

} // namespace Conclave::Core::SyncEngineShared
