// ApiRequest: what a route handler gets — the HTTP request, the client's address, the named
// path parameters ({orgId} -> param("orgId")), the parsed JSON body and, on routes that
// require a session, the session and its user.
#pragma once

#include "server/services/SessionService.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>

class QHttpServerRequest;

namespace Conclave::Server {

struct ApiRequest
{
    const QHttpServerRequest& http;
    QHostAddress client;
    QHash<QString, QString> params;
    QJsonObject body;
    SessionContext session;

    QString param(const char* name) const { return params.value(QLatin1String(name)); }
};

} // namespace Conclave::Server
