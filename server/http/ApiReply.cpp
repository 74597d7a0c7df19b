// Building replies and mapping service errors to HTTP statuses.
#include "server/http/ApiReply.h"

#include "server/services/EnglishText.h"

namespace Conclave::Server {

ApiReply ApiReply::json(int status, QJsonObject body)
{
    return ApiReply{status, std::move(body), {}};
}

ApiReply ApiReply::error(int status, ApiReason reason, const QString& message, const QString& field)
{
    QJsonObject error{{QStringLiteral("status"), status},
                      {QStringLiteral("code"), reasonName(reason)},
                      {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    return ApiReply{status, QJsonObject{{QStringLiteral("error"), error}}, {}};
}

ApiReply ApiReply::sharingBlocked(const QString& message, const QString& detail)
{
    ApiReply reply = error(403, ApiReason::SharingBlocked, message);
    QJsonObject body = reply.body.value(QStringLiteral("error")).toObject();
    body.insert(QStringLiteral("detail"), detail);
    reply.body.insert(QStringLiteral("error"), body);
    return reply;
}

ApiReply ApiReply::fromError(const Core::Error& error)
{
    switch (error.code) {
    case Core::ErrorCode::InvalidInput:
        return ApiReply::error(400, ApiReason::InvalidInput, error.message, error.field);
    case Core::ErrorCode::Crypto:
        // A failed signature or key check is the request's fault, never the session's: a 401
        // here would make clients sign the user out.
        return ApiReply::error(400, ApiReason::CryptoRejected, error.message, error.field);
    case Core::ErrorCode::Denied:
        return ApiReply::error(403, ApiReason::Forbidden, error.message, error.field);
    case Core::ErrorCode::NotFound:
        return ApiReply::error(404, ApiReason::NotFound, error.message, error.field);
    case Core::ErrorCode::AlreadyExists:
        return ApiReply::error(409, ApiReason::Conflict, error.message, error.field);
    case Core::ErrorCode::Unavailable:
        return ApiReply::error(
            503, ApiReason::Unavailable,
            QStringLiteral("A service the server needs is not reachable. Try again later."));
    default:
        return ApiReply::error(500, ApiReason::Internal,
                               QStringLiteral("The server could not complete the request. Try again later."));
    }
}

ApiReply ApiReply::unauthenticated(const QString& message)
{
    ApiReply reply = error(401, ApiReason::Unauthenticated, message);
    reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"conclave\"")));
    return reply;
}

ApiReply ApiReply::tooManyRequests(int retryAfterSeconds)
{
    ApiReply reply = error(
        429, ApiReason::RateLimited,
        QStringLiteral("Too many attempts. Try again in %1.").arg(EnglishText::duration(retryAfterSeconds)));
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfterSeconds)));
    return reply;
}

} // namespace Conclave::Server
