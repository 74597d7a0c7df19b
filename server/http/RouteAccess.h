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
    // Team Sharing: signed in, sharing allowed, and at least the route's role in its
    // {folderId} per the folder's membership log (404 for a non-member, 403 forbidden for a
    // lower role, 410 gone while the folder is deleted).
    FolderView,
    FolderEdit,
    FolderManage,
    FolderRestore, // Manage in a folder that is deleted and still recoverable
};

} // namespace Conclave::Server
