// LiveRoutes: GET /api/v1/live, the live-update WebSocket (DESIGN §7). The session token
// travels only in the upgrade request's Authorization header; a URL with a query is refused
// (and never logged), so a token can never end up in a URL, a proxy log or a history. The
// socket carries hints {"cursor": N} from the LiveHub. A hint that follows the one before it
// on the socket also carries the feed page since then ({"after": M, "changes": [...]}: every
// change the user may see in (M, N], what GET /api/v1/feed?cursor=M would answer), so a
// client whose cursor is in that range needs no feed request (protocol.md §11).
//
// Qt HTTP Server 6.4 upgrades a request that asks for a WebSocket only when a rule of its own
// router matches it. LiveRoutes adds one rule that matches only an upgrade request that would
// pass every check (path, no query, a valid session in the header, sharing allowed, room for
// one more connection); any other request, upgrade or not, goes on to the pipeline like every
// request and gets its 400, 401, 403 or 429 there, before any upgrade. Once open, a socket
// whose access ends is closed with a close code (4401 unauthenticated, 4403 refused) and the
// reason's name as close reason.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <unordered_map>

class QHttpServer;
class QHttpServerRequest;
class QWebSocket;

namespace Conclave::Server {

class LiveRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveRoutes)

public:
    static constexpr int kCloseUnauthenticated = 4401;
    static constexpr int kCloseRefused = 4403;
    // Open live connections one user may hold (one per device is the normal case).
    static constexpr int kMaxPerUser = 16;
    // How often open connections are checked again (session expired or revoked elsewhere,
    // block set by another replica's admin) and pinged, so proxies keep them open.
    static constexpr int kCheckIntervalMs = 10000;
    // The most changes one hint carries; past that the hint is the cursor alone and the
    // client reads the feed (a hint stays well below a client's 4 KiB frame limit).
    static constexpr int kMaxCarried = 8;

    explicit LiveRoutes(ApiServices& services, QObject* parent = nullptr);
    ~LiveRoutes() override;
    // Adds the area's routes; `self` is null when only the table is wanted.
    static void add(ApiRouter& router, LiveRoutes* self);
    // Adds the upgrade rule to `http`'s router and takes the connections it upgrades.
    void serve(QHttpServer& http);

private:
    struct Connection
    {
        std::unique_ptr<QWebSocket> socket;
        SessionContext session;
        quint64 subscription = 0;
        // Every change the user may see up to here was sent on this socket: the next hint
        // carries the page after it. -1: nothing certified (the next hint is the cursor alone).
        qint64 certified = -1;
        qint64 pending = 0; // the newest change announced and not yet hinted
        bool queued = false;
        // The session's end by its limits as last read; a hint past it reads it again, so no
        // page goes out on a session that ended between two checks.
        qint64 sessionUntilMs = 0;
    };

    ApiReply plainRequest(ApiRequest& request);
    // The session of an upgrade request that passes every check; nullopt otherwise.
    std::optional<SessionContext> admissible(const QHttpServerRequest& request);
    std::optional<SessionContext> admissible(const QUrl& url, const QByteArray& authorization);
    void accept(std::unique_ptr<QWebSocket> socket);
    void drop(QWebSocket* socket);
    void retire(QWebSocket* socket);
    void checkOpen();
    // Whether the connection's session is still current (read again once past its known
    // end); closes and drops the connection (4401) when it is not.
    bool keepIfCurrent(QWebSocket* socket, Connection& connection);
    // Hints are sent from the event loop's next turn: changes that commit together (a
    // rotation's writes, a folder's members hinted one by one) become one hint.
    void announce(QWebSocket* socket, qint64 seq);
    void sendHint(QWebSocket* socket);

    ApiServices& m_services;
    std::unordered_map<QWebSocket*, Connection> m_connections;
    QTimer m_checkTimer;
};

} // namespace Conclave::Server
