// Building replies and mapping service errors to HTTP statuses.
#include "server/http/ApiReply.h"

#include <QCoreApplication>

namespace Conclave::Server {

ApiReply ApiReply::json(int status, QJsonObject body)
{
    return ApiReply{status, std::move(body), {}};
}

ApiReply ApiReply::error(int status, const QString& code, const QString& message, const QString& field)
{
    QJsonObject error{{QStringLiteral("status"), status},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    return ApiReply{status, QJsonObject{{QStringLiteral("error"), error}}, {}};
}

ApiReply ApiReply::fromError(const Core::Error& error)
{
    switch (error.code) {
    case Core::ErrorCode::InvalidInput:
        return ApiReply::error(400, QStringLiteral("invalid-input"), error.message, error.field);
    case Core::ErrorCode::Crypto: {
        ApiReply reply = ApiReply::error(401, QStringLiteral("unauthenticated"), error.message, error.field);
        reply.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"conclave\"")));
        return reply;
    }
    case Core::ErrorCode::Denied:
        return ApiReply::error(403, error.field.isEmpty() ? QStringLiteral("forbidden") : error.field,
                               error.message);
    case Core::ErrorCode::NotFound:
        return ApiReply::error(404, QStringLiteral("not-found"), error.message, error.field);
    case Core::ErrorCode::AlreadyExists:
        return ApiReply::error(409, QStringLiteral("conflict"), error.message, error.field);
    default:
        return ApiReply::error(500, QStringLiteral("internal"),
                               QCoreApplication::translate("ApiReply",
                                                           "The server could not complete the request. "
                                                           "Try again later."));
    }
}

ApiReply ApiReply::tooManyRequests(int retryAfterSeconds)
{
    ApiReply reply =
        error(429, QStringLiteral("rate-limited"),
              QCoreApplication::translate("ApiReply", "Too many attempts. Try again in %n second(s).",
                                          nullptr, retryAfterSeconds));
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfterSeconds)));
    return reply;
}

} // namespace Conclave::Server
