// AccountInfo: who is signed in, as the account dialog shows it and the sync engine needs it.
// Nothing secret: the keys and the token are held by AccountClient and ApiConnection.
#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace Conclave::Core {

struct AccountInfo
{
    QUuid userId;
    QUuid sessionId;
    QString email;
    QString name;
    bool verified = false;
    bool sharingAllowed = false;
    // Why Team Sharing is not allowed (translated, with an organisation admin's own reason);
    // empty when it is allowed.
    QString sharingProblem;
    QDateTime expiresAt; // the session's absolute limit
};

} // namespace Conclave::Core
