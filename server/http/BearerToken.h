// BearerToken: the token of an "Authorization: Bearer <token>" header, for the request
// pipeline and the live WebSocket's upgrade request alike.
#pragma once

#include <QByteArray>

namespace Conclave::Server {

// The scheme in any letter case (RFC 9110 §11.1). Empty when the header is missing or names
// another scheme.
inline QByteArray bearerToken(const QByteArray& header)
{
    const QByteArray trimmed = header.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space <= 0 || trimmed.left(space).toLower() != "bearer")
        return {};
    return trimmed.mid(space + 1).trimmed();
}

} // namespace Conclave::Server
