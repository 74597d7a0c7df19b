// ApiReply: a handler's answer — status, JSON body and extra headers. Errors share one shape:
// {"error": {"status": 400, "code": "invalid-input", "message": "<sentence>", "field": "email"}}.
#pragma once

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

    static ApiReply json(int status, QJsonObject body);
    static ApiReply error(int status, const QString& code, const QString& message, const QString& field = {});
    // Maps a service error: InvalidInput 400, Crypto 401, Denied 403, NotFound 404,
    // AlreadyExists 409; storage or other failures 500 with a generic sentence.
    static ApiReply fromError(const Core::Error& error);
    static ApiReply tooManyRequests(int retryAfterSeconds);
};

} // namespace Conclave::Server
