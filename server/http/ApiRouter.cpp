// Route matching.
#include "server/http/ApiRouter.h"

namespace Conclave::Server {

void ApiRouter::add(const QString& method, const QString& pattern, int flags, Handler handler)
{
    QString regex = QRegularExpression::escape(pattern);
    // QRegularExpression::escape turns "{id}" into "\{id\}"; make each a path-segment capture.
    static const QRegularExpression placeholder(QStringLiteral("\\\\\\{[A-Za-z]+\\\\\\}"));
    regex.replace(placeholder, QStringLiteral("([A-Za-z0-9._~-]{1,128})"));
    m_routes.append(Route{method, pattern, flags, std::move(handler),
                          QRegularExpression(QLatin1Char('^') + regex + QLatin1Char('$'))});
}

ApiRouter::Match ApiRouter::match(const QString& method, const QString& path) const
{
    Match result;
    for (const Route& route : m_routes) {
        const auto m = route.regex.match(path);
        if (!m.hasMatch())
            continue;
        if (route.method != method) {
            if (!result.allowedMethods.contains(route.method))
                result.allowedMethods.append(route.method);
            continue;
        }
        if (!result.route) {
            result.route = &route;
            result.params = m.capturedTexts().mid(1);
        }
    }
    return result;
}

QStringList ApiRouter::describe() const
{
    QStringList lines;
    for (const Route& route : m_routes)
        lines.append(route.method + QLatin1Char(' ') + route.pattern);
    return lines;
}

} // namespace Conclave::Server
