// ServerLimits: session lifetimes, the body limit and the rate-limit budgets the services
// and the HTTP layer enforce (app/ServerConfig reads them; docs/admin/server.md lists them).
#pragma once

#include <QtGlobal>

namespace Conclave::Server {

struct ServerLimits
{
    static constexpr int kMaxIdleSeconds = 15 * 60;
    static constexpr int kMaxAbsoluteSeconds = 12 * 60 * 60;
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    // A rotation carries every item of a folder re-encrypted: 64 MiB holds the 20,000 items
    // one may carry (ItemService::kMaxRotationItems) with room for large envelopes.
    static constexpr qint64 kMaxRotationBodyBytes = 64 * 1024 * 1024;

    int idleTimeoutSeconds = kMaxIdleSeconds;
    int absoluteTimeoutSeconds = kMaxAbsoluteSeconds;
    qint64 maxBodyBytes = kMaxBodyBytes;
    qint64 maxRotationBodyBytes = kMaxRotationBodyBytes; // POST /api/v1/folders/{id}/rotation only
    int windowSeconds = 15 * 60;                         // window of the counters below
    int loginPerAccount = 5;                             // failed logins
    int loginPerAddress = 30;                            // failed logins
    int signupPerAddress = 10;
    int verifyPerAccount = 5;  // wrong codes
    int verifyPerAddress = 30; // wrong codes
    int resendPerAccount = 3;
    int lookupPerAccount = 100; // key look-ups, found or not (enumeration of users)
    int verificationCodeMinutes = 60;
};

} // namespace Conclave::Server
