// SessionInfo: one of the signed-in user's sessions on the server, for the sessions list.
#pragma once

#include <QDateTime>
#include <QUuid>

namespace Conclave::Core {

struct SessionInfo
{
    QUuid id;
    QDateTime createdAt;
    QDateTime lastSeenAt;
    bool current = false;
};

} // namespace Conclave::Core
