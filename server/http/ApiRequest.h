// ApiRequest: what a route handler gets — the HTTP request, the client's address, the path
// parameters in pattern order, the parsed JSON body and, for authenticated routes, the session.
#pragma once

#include "server/services/SessionService.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QStringList>

class QHttpServerRequest;

namespace Conclave::Server {

struct ApiRequest
{
    const QHttpServerRequest& http;
    QHostAddress client;
    QStringList params;
    QJsonObject body;
    SessionContext session;
};

} // namespace Conclave::Server
