// The changes feed over HTTP.
#include "server/http/FeedRoutes.h"

#include "server/http/JsonOutput.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>

#include <optional>

namespace Conclave::Server {

namespace {

ApiReply badParameter(const QString& name, const QString& message)
{
    return ApiReply::error(400, ApiReason::InvalidInput, message, name);
}

// Plain decimal digits (no sign, no spaces, no exponent) up to `max`; nullopt otherwise.
std::optional<qint64> digits(const QString& text, qint64 max)
{
    if (text.isEmpty() || text.size() > 16)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const qint64 value = text.toLongLong();
    return value <= max ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

FeedRoutes::FeedRoutes(ApiServices& services)
    : m_services(services)
{}

void FeedRoutes::add(ApiRouter& router, FeedRoutes* self)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/feed"), RouteAccess::Sharing,
               ApiRouter::Body::None, ApiRouter::bind(self, &FeedRoutes::feed));
}

ApiReply FeedRoutes::feed(ApiRequest& request)
{
    const QUrlQuery query(request.http.url());
    qint64 cursor = 0;
    int limit = FeedService::kDefaultLimit;
    QStringList seen;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (seen.contains(name))
            return badParameter(name, QStringLiteral("The query names %1 more than once.").arg(name));
        seen.append(name);
        if (name == QLatin1String("cursor")) {
            const auto parsed = digits(value, FeedService::kMaxCursor);
            if (!parsed) {
                return badParameter(name, QStringLiteral("The cursor must be a whole number from 0 to %1, "
                                                         "as the last answer gave it.")
                                              .arg(FeedService::kMaxCursor));
            }
            cursor = *parsed;
        } else if (name == QLatin1String("limit")) {
            const auto parsed = digits(value, FeedService::kMaxLimit);
            if (!parsed || *parsed < 1) {
                return badParameter(name, QStringLiteral("The limit must be a whole number from 1 to %1.")
                                              .arg(FeedService::kMaxLimit));
            }
            limit = int(*parsed);
        } else {
            return badParameter(name.left(40), QStringLiteral("The feed takes only cursor and limit."));
        }
    }
    auto page = m_services.feed.page(request.session.userId, cursor, limit);
    if (!page)
        return ApiReply::fromError(page.error());
    QJsonArray changes;
    for (const StoredChange& change : std::as_const(page->changes))
        changes.append(JsonOutput::change(change));
    return ApiReply::json(200, {{QStringLiteral("changes"), changes},
                                {QStringLiteral("cursor"), double(page->cursor)},
                                {QStringLiteral("more"), page->more}});
}

} // namespace Conclave::Server
