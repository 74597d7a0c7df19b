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
    // A pattern without placeholders is one concrete path: found by hash rather than by
    // trying every pattern in turn, unless an earlier pattern matches that path too (it
    // would win, so such a path keeps the scan).
    if (names.isEmpty()) {
        bool shadowed = false;
        for (const Route& earlier : std::as_const(m_routes))
            shadowed = shadowed || (earlier.method == method && earlier.regex.match(pattern).hasMatch());
        if (!shadowed)
            m_literal.insert(method + QLatin1Char(' ') + pattern, m_routes.size());
    }
    m_routes.append(
        Route{method, pattern, access, body, std::move(handler), QRegularExpression(regex), names});
}

ApiRouter::Match ApiRouter::match(const QString& method, const QString& path) const
{
    Match result;
    if (const auto literal = m_literal.constFind(method + QLatin1Char(' ') + path);
        literal != m_literal.cend()) {
        result.route = &m_routes.at(*literal);
        return result;
    }
    for (const Route& route : m_routes) {
        const auto m = route.regex.match(path);
        if (!m.hasMatch())
            continue;
        if (route.method != method) {
            if (!result.allowedMethods.contains(route.method))
                result.allowedMethods.append(route.method);
            continue;
        }
        // The first match wins, and the other methods only matter when none does: stop here
        // rather than match every later pattern of a request that found its route.
        result.route = &route;
        for (qsizetype i = 0; i < route.paramNames.size(); ++i)
            result.params.insert(route.paramNames.at(i), m.captured(int(i + 1)));
        result.allowedMethods.clear();
        return result;
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
