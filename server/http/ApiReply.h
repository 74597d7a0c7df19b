// ApiReply: a handler's answer — status, JSON body and extra headers. Errors share one shape:
// {"error": {"status": 400, "code": "<reason>", "message": "<English sentence>", "field": "email"}}
// where code is an ApiReason name and field (only when one is at fault) names the input.
#pragma once

#include "server/http/ApiReason.h"

#include "core/util/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Conclave::Server {

struct ApiReply
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // The body holds no secret and nothing the request reflects (item pages, the log, key
    // grants): sent gzip-compressed to a client that accepts it (HttpCompression.h).
    bool compressible = false;

    static ApiReply json(int status, QJsonObject body);
    static ApiReply error(int status, ApiReason reason, const QString& message, const QString& field = {});
    // Maps a service error by its code alone: InvalidInput 400 invalid-input, Crypto 400
    // crypto-rejected, Denied 403 forbidden, NotFound 404, AlreadyExists 409 conflict,
    // Unavailable 503; storage and other failures 500 with a generic sentence. Handlers that
    // know a more precise reason say so themselves.
    static ApiReply fromError(const Core::Error& error);
    // 401 with WWW-Authenticate: only the pipeline's session check answers this.
    static ApiReply unauthenticated(const QString& message);
    // 403 sharing-blocked with `detail`: the reason the organisation's admin gave, verbatim,
    // which the client shows next to its own sentence for the code.
    static ApiReply sharingBlocked(const QString& message, const QString& detail);
    // 429 with Retry-After: the seconds until the budget has room again.
    static ApiReply tooManyRequests(int retryAfterSeconds);
};

} // namespace Conclave::Server
