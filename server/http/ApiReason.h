// ApiReason: the stable, machine-readable reason every error answer carries in
// error.code (docs/api/openapi.yaml lists them as an enum). Clients choose their own
// translated sentence by reason; the English error.message is for logs and for people
// reading the API. error.field, separate from the reason, names the input at fault.
#pragma once

#include <QList>
#include <QString>

namespace Conclave::Server {

enum class ApiReason
{
    InvalidInput,     // 400: malformed JSON, a field or header; error.field names it
    CryptoRejected,   // 400: a signature or key did not verify
    Unauthenticated,  // 401: no valid session token (missing, malformed, expired, revoked)
    WrongCredentials, // 401: sign-in with an unknown address or a wrong password
    WrongPassword,    // 403: the current password in a password change is wrong
    EmailUnverified,  // 403: the address must be verified (again) first
    SharingBlocked,   // 403: an organisation admin turned Team Sharing off for this user
    NotOrgAdmin,      // 403: only the organisation's owners and admins may do this
    WouldLockOut,     // 403: the change would take the caller's own administration away
    Forbidden,        // 403: any other missing right
    NotFound,         // 404
    MethodNotAllowed, // 405
    Conflict,         // 409: exists already, or a write not made on the current state
    Gone,             // 410: the object existed and was removed (Team Sharing objects)
    PayloadTooLarge,  // 413
    RateLimited,      // 429: with Retry-After in seconds
    Internal,         // 500: the server failed; nothing the client sent is at fault
    Unavailable,      // 503: a service the server needs is not reachable
    // Invitations
    NotInOrganisation, // 403: the address is outside the folder's organisation, which allows no guests
    TooManyPending,    // 409: the invitee's address has the most pending invitations allowed
};

QString reasonName(ApiReason reason);
// Every reason, in declaration order (for the OpenAPI check).
QList<ApiReason> allReasons();

} // namespace Conclave::Server
