// ApiRouter: the server's route table. Patterns use OpenAPI's syntax
// ("/api/v1/sessions/{sessionId}") so the table can be compared with docs/api/openapi.yaml;
// `conclave-server routes` prints it. The first matching route wins.
#pragma once

#include "server/http/ApiReply.h"
#include "server/http/ApiRequest.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>

namespace Conclave::Server {

class ApiRouter final
{
public:
    using Handler = std::function<ApiReply(ApiRequest&)>;
    enum Flag
    {
        None = 0,
        Authenticated = 1,
        JsonBody = 2,
        // A Team Sharing request: 403 with the reason unless the (authenticated) user may
        // share. Every sharing route must carry it so a block reaches all of them.
        Sharing = 4 | Authenticated
    };

    struct Route
    {
        QString method; // "GET", "POST", ...
        QString pattern;
        int flags = None;
        Handler handler;
        QRegularExpression regex;
    };

    struct Match
    {
        const Route* route = nullptr;
        QStringList params;
        QStringList allowedMethods; // when the path exists but not for this method
    };

    void add(const QString& method, const QString& pattern, int flags, Handler handler);
    Match match(const QString& method, const QString& path) const;
    // "METHOD pattern" lines in registration order.
    QStringList describe() const;

private:
    QList<Route> m_routes;
};

} // namespace Conclave::Server
