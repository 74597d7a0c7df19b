// The live-update WebSocket.
#include "server/http/LiveRoutes.h"

#include "server/http/BearerToken.h"
#include "server/http/HttpLog.h"
#include "server/http/JsonOutput.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerRouter>
#include <QHttpServerRouterRule>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

namespace Conclave::Server {

namespace {

const QString kPath = QStringLiteral("/api/v1/live");

QString text(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QString hintText(qint64 cursor)
{
    return text({{QStringLiteral("cursor"), double(cursor)}});
}

} // namespace

LiveRoutes::LiveRoutes(ApiServices& services, QObject* parent)
    : QObject(parent)
    , m_services(services)
{
    m_checkTimer.setInterval(kCheckIntervalMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &LiveRoutes::checkOpen);
}

LiveRoutes::~LiveRoutes()
{
    for (auto& [socket, connection] : m_connections) {
        m_services.live.unsubscribe(connection.subscription);
        socket->disconnect(this);
    }
}

void LiveRoutes::add(ApiRouter& router, LiveRoutes* self)
{
    router.add(QStringLiteral("GET"), kPath, RouteAccess::Sharing, ApiRouter::Body::None,
               ApiRouter::bind(self, &LiveRoutes::plainRequest));
}

void LiveRoutes::serve(QHttpServer& http)
{
    // Matches only admissible upgrades; its handler writes nothing, so the upgrade follows.
    class UpgradeRule final : public QHttpServerRouterRule
    {
    public:
        explicit UpgradeRule(LiveRoutes& routes)
            : QHttpServerRouterRule(
                  kPath, QHttpServerRequest::Method::Get,
                  [](const QRegularExpressionMatch&, const QHttpServerRequest&, QTcpSocket*) {})
            , m_routes(routes)
        {}

    protected:
        bool matches(const QHttpServerRequest& request, QRegularExpressionMatch* match) const override
        {
            // The header first: every request of the server passes this rule.
            return !request.value("Upgrade").isEmpty() && QHttpServerRouterRule::matches(request, match) &&
                   m_routes.admissible(request).has_value();
        }

    private:
        LiveRoutes& m_routes;
    };
    http.router()->addRule<void (*)()>(std::make_unique<UpgradeRule>(*this));
    connect(&http, &QAbstractHttpServer::newWebSocketConnection, this, [this, &http] {
        while (http.hasPendingWebSocketConnections())
            accept(http.nextPendingWebSocketConnection());
    });
    m_checkTimer.start();
}

ApiReply LiveRoutes::plainRequest(ApiRequest& request)
{
    // Reached by what the upgrade rule refused although the session and sharing are fine.
    const QUrl url = request.http.url();
    if (url.hasQuery() || url.hasFragment()) {
        return ApiReply::error(
            400, ApiReason::InvalidInput,
            QStringLiteral("The live address takes no query: send the session token in the "
                           "Authorization header of the upgrade request only."),
            QStringLiteral("query"));
    }
    if (request.http.value("Upgrade").compare("websocket", Qt::CaseInsensitive) != 0) {
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("This address takes only a WebSocket upgrade request."),
                               QStringLiteral("Upgrade"));
    }
    return ApiReply::error(
        429, ApiReason::RateLimited,
        QStringLiteral("Too many live connections are open for this account (at most %1).").arg(kMaxPerUser));
}

std::optional<SessionContext> LiveRoutes::admissible(const QHttpServerRequest& request)
{
    if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return admissible(request.url(), request.value("Authorization"));
}

std::optional<SessionContext> LiveRoutes::admissible(const QUrl& url, const QByteArray& authorization)
{
    if (url.path() != kPath || url.hasQuery() || url.hasFragment())
        return std::nullopt;
    const QByteArray token = bearerToken(authorization);
    if (token.isEmpty())
        return std::nullopt;
    auto session = m_services.sessions.authenticate(token);
    if (!session)
        return std::nullopt;
    auto gate = m_services.accounts.sharingGate(session->userId);
    if (!gate || !gate->allowed())
        return std::nullopt;
    int open = 0;
    for (const auto& [socket, c] : m_connections)
        open += c.session.userId == session->userId ? 1 : 0;
    if (open >= kMaxPerUser)
        return std::nullopt;
    return session.value();
}

void LiveRoutes::accept(std::unique_ptr<QWebSocket> socket)
{
    if (!socket)
        return;
    // A hint is a few bytes; a client has nothing to send but pongs and the close.
    socket->setMaxAllowedIncomingFrameSize(1024);
    socket->setMaxAllowedIncomingMessageSize(1024);
    // Checked again: the rule's check and the upgrade are separate steps.
    const QNetworkRequest request = socket->request();
    const auto session = admissible(request.url(), request.rawHeader("Authorization"));
    if (!session) {
        socket->close(QWebSocketProtocol::CloseCode(kCloseUnauthenticated),
                      reasonName(ApiReason::Unauthenticated));
        retire(socket.release());
        return;
    }

    QWebSocket* key = socket.get();
    Connection connection{std::move(socket), *session};
    if (auto until = m_services.sessions.currentUntil(*session); until)
        connection.sessionUntilMs = until.value();
    LiveHub::Subscriber subscriber;
    subscriber.userId = session->userId;
    subscriber.sessionId = session->sessionId;
    subscriber.hint = [this, key](qint64 seq) {
        announce(key, seq);
    };
    subscriber.end = [this, key](const QString& reason) {
        key->close(QWebSocketProtocol::CloseCode(reason == reasonName(ApiReason::Unauthenticated)
                                                     ? kCloseUnauthenticated
                                                     : kCloseRefused),
                   reason);
        drop(key);
    };
    connection.subscription = m_services.live.subscribe(std::move(subscriber));
    connect(key, &QWebSocket::disconnected, this, [this, key] { drop(key); });
    m_connections.emplace(key, std::move(connection));
    // The path only: the URL is never logged.
    qCInfo(lcServerHttp).noquote() << "GET" << kPath << 101 << session->userId << "live connection opened";
    // The head at once: whatever committed while the client was not connected.
    if (auto head = m_services.feed.head(); head.ok()) {
        m_connections.at(key).certified = head.value();
        key->sendTextMessage(hintText(head.value()));
    }
}

void LiveRoutes::announce(QWebSocket* socket, qint64 seq)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection& connection = it->second;
    connection.pending = std::max(connection.pending, seq);
    if (connection.queued)
        return;
    connection.queued = true;
    QTimer::singleShot(0, this, [this, socket] { sendHint(socket); });
}

void LiveRoutes::sendHint(QWebSocket* socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection& connection = it->second;
    if (!keepIfCurrent(socket, connection))
        return;
    connection.queued = false;
    const qint64 announced = connection.pending;
    if (connection.certified >= 0) {
        // The feed's own page, so the hint holds exactly what the feed would answer.
        auto page = m_services.feed.page(connection.session.userId, connection.certified, kMaxCarried);
        if (page && !page->more) {
            // Nothing the user may see since the last hint (its page had this change): no
            // hint, and the next page still starts where the last hint ended.
            if (page->changes.isEmpty())
                return;
            QJsonArray changes;
            for (const StoredChange& change : std::as_const(page->changes))
                changes.append(JsonOutput::change(change));
            const qint64 after = connection.certified;
            connection.certified = page->cursor;
            socket->sendTextMessage(text({{QStringLiteral("cursor"), double(page->cursor)},
                                          {QStringLiteral("after"), double(after)},
                                          {QStringLiteral("changes"), changes}}));
            return;
        }
        // More than one hint carries: the cursor alone; the client reads the feed and the next
        // hint carries the page after this one. (After a failed read the next page starts
        // where the last one ended, which is as complete.)
        if (page)
            connection.certified = std::max(announced, page->cursor);
    }
    socket->sendTextMessage(hintText(std::max(announced, connection.certified)));
}

bool LiveRoutes::keepIfCurrent(QWebSocket* socket, Connection& connection)
{
    if (m_services.sessions.nowMs() <= connection.sessionUntilMs)
        return true;
    auto until = m_services.sessions.currentUntil(connection.session);
    // A failed read keeps the connection: the next check reads again.
    if (!until)
        return true;
    if (until.value() != 0) {
        connection.sessionUntilMs = until.value();
        return true;
    }
    socket->close(QWebSocketProtocol::CloseCode(kCloseUnauthenticated),
                  reasonName(ApiReason::Unauthenticated));
    drop(socket);
    return false;
}

void LiveRoutes::retire(QWebSocket* socket)
{
    // Deleted once the close handshake is out (or after a grace period for a client that
    // never answers it), never while its close frame is still being written.
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        socket->deleteLater();
        return;
    }
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(5000, socket, &QObject::deleteLater);
}

void LiveRoutes::drop(QWebSocket* socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    m_services.live.unsubscribe(it->second.subscription);
    qCInfo(lcServerHttp).noquote() << "GET" << kPath << "-" << it->second.session.userId
                                   << "live connection closed";
    Connection connection = std::move(it->second);
    m_connections.erase(it);
    connection.socket->disconnect(this);
    retire(connection.socket.release());
}

void LiveRoutes::checkOpen()
{
    QList<QWebSocket*> sockets;
    for (const auto& [socket, connection] : m_connections)
        sockets.append(socket);
    for (QWebSocket* socket : sockets) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            continue;
        const SessionContext session = it->second.session;
        // Read again every time: the session may have been revoked by another process.
        it->second.sessionUntilMs = 0;
        if (!keepIfCurrent(socket, it->second))
            continue;
        auto gate = m_services.accounts.sharingGate(session.userId);
        if (gate && !gate->allowed()) {
            socket->close(QWebSocketProtocol::CloseCode(kCloseRefused),
                          reasonName(gate->denial == SharingGate::Denial::Blocked
                                         ? ApiReason::SharingBlocked
                                         : ApiReason::EmailUnverified));
            drop(socket);
            continue;
        }
        socket->ping();
    }
}

} // namespace Conclave::Server
