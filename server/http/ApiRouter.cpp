// Route matching.
#include "server/http/ApiRouter.h"

namespace Conclave::Server {

void ApiRouter::add(const QString& method, const QString& pattern, RouteAccess access, Body body,
                    Handler handler)
{
    // "{name}" becomes a capture of one path segment; the names keep their order.
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z]+)\\}"));
    QString regex = QStringLiteral("^");
    QStringList names;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        regex += QRegularExpression::escape(pattern.mid(last, m.capturedStart() - last));
        regex += QStringLiteral("([A-Za-z0-9._~-]{1,128})");
        names.append(m.captured(1));
        last = m.capturedEnd();
    }
    regex += QRegularExpression::escape(pattern.mid(last)) + QLatin1Char('$');
    m_routes.append(
        Route{method, pattern, access, body, std::move(handler), QRegularExpression(regex), names});
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
            for (qsizetype i = 0; i < route.paramNames.size(); ++i)
                result.params.insert(route.paramNames.at(i), m.captured(int(i + 1)));
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
