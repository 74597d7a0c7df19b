// ApiRouter: the server's route table. Patterns use OpenAPI's syntax
// ("/api/v1/sessions/{sessionId}") so the table can be compared with docs/api/openapi.yaml;
// `conclave-server routes` prints it. Each route declares the access it requires and whether
// it takes a JSON body; path parameters reach the handler by name. The first matching route
// wins.
#pragma once

#include "server/http/ApiReply.h"
#include "server/http/ApiRequest.h"
#include "server/http/RouteAccess.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>

namespace Conclave::Server {

class ApiRouter final
{
public:
    using Handler = std::function<ApiReply(ApiRequest&)>;
    enum class Body
    {
        None,
        Json
    };

    struct Route
    {
        QString method; // "GET", "POST", ...
        QString pattern;
        RouteAccess access = RouteAccess::Anonymous;
        Body body = Body::None;
        Handler handler;
        QRegularExpression regex;
        QStringList paramNames;
    };

    struct Match
    {
        const Route* route = nullptr;
        QHash<QString, QString> params;
        QStringList allowedMethods; // when the path exists but not for this method
    };

    void add(const QString& method, const QString& pattern, RouteAccess access, Body body, Handler handler);
    Match match(const QString& method, const QString& path) const;
    // "METHOD pattern" lines in registration order.
    QStringList describe() const;
    const QList<Route>& routes() const { return m_routes; }

    // A handler calling `method` on `self`; `self` may be null when only the table is built.
    template<typename T> static Handler bind(T* self, ApiReply (T::*method)(ApiRequest&))
    {
        return [self, method](ApiRequest& request) {
            return (self->*method)(request);
        };
    }
    // The same, its successful answers marked ApiReply::compressible (for routes whose
    // answers hold no secret and reflect nothing of the request; an error may quote it).
    template<typename T> static Handler bindCompressible(T* self, ApiReply (T::*method)(ApiRequest&))
    {
        return [self, method](ApiRequest& request) {
            ApiReply reply = (self->*method)(request);
            reply.compressible = reply.status >= 200 && reply.status < 300;
            return reply;
        };
    }

private:
    QList<Route> m_routes;
    // "METHOD /path" of the routes without placeholders that no earlier route shadows.
    QHash<QString, qsizetype> m_literal;
};

} // namespace Conclave::Server
