// RouteAccess: what a route requires of the caller, declared once in the route table and
// checked once by the pipeline (ApiServer::dispatch) before the body is even parsed. Each
// level includes the ones before it.
#pragma once

namespace Conclave::Server {

enum class RouteAccess
{
    Anonymous, // anyone
    SignedIn,  // a valid session token (401 otherwise)
    Sharing,   // signed in, email verified and not blocked by an organisation (403 with reason)
    OrgAdmin,  // signed in, email verified, owner or admin of the route's {orgId} (403)
    // Team Sharing adds FolderRole here: signed in, sharing allowed, and at least the
    // route's role (view, edit, manage) in its {folderId}.
};

} // namespace Conclave::Server
