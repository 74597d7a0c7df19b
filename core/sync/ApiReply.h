// ApiReply: one answer of the sync server as ApiConnection hands it back: the status and
// JSON body of a success, or the ApiError (with the body too when it is a JSON object, for
// refusals that carry data, such as a 409's rebase data). Carries no secret of the client's
// own; a body the server sends (a token, wrapped keys) is the caller's to take out and wipe.
#pragma once

#include "core/sync/ApiError.h"

#include <QJsonObject>

namespace Conclave::Core {

struct ApiReply
{
    int status = 0;
    QJsonObject json;
    ApiError error;

    bool ok() const { return !error.isSet(); }
};

} // namespace Conclave::Core
