// ApiServer: JSON over HTTP under /api/v1 on Qt HTTP Server. Every request goes through one
// pipeline: body limit (413; an unparsable Content-Length is 400), route (404/405), the
// route's declared access — session (401), sharing allowed or organisation admin (403 with
// the reason) — and only then the JSON body (400), before the handler of its area runs. One
// log line per request with internal ids only.
#pragma once

#include "server/http/AccountRoutes.h"
#include "server/http/ApiRouter.h"
#include "server/http/ApiServices.h"
#include "server/http/FeedRoutes.h"
#include "server/http/FolderRoutes.h"
#include "server/http/HttpSettings.h"
#include "server/http/ItemRoutes.h"
#include "server/http/LiveRoutes.h"
#include "server/http/OrganisationRoutes.h"
#include "server/http/ServerRoutes.h"
#include "server/http/SessionRoutes.h"
#include "server/http/SharingRoutes.h"

#include <QHttpServer>
#include <QObject>

#include <optional>

namespace Conclave::Server {

class ApiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)

public:
    ApiServer(const HttpSettings& settings, const ServerLimits& limits, AccountService& accounts,
              SessionService& sessions, OrganisationService& orgs, const Core::Clock& clock,
              FeedService& feed, LiveHub& live, FolderService& folders, ItemService& items,
              QObject* parent = nullptr);
    ~ApiServer() override;

    // Binds the configured address (TLS when a certificate is configured); returns the port.
    Core::Result<quint16> listen();
    // "METHOD /pattern" for every route serve registers, without starting anything.
    static QStringList routeTable();

private:
    // Adds every area's routes; the areas may be null when only the table is wanted.
    static void addRoutes(ApiRouter& router, ApiServer* self);
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    ApiReply dispatch(const QHttpServerRequest& request, QString& routeName, QString& userId);
    // The route's access check; nullopt when the caller may go on.
    std::optional<ApiReply> authorise(const ApiRouter::Route& route, ApiRequest& request);
    // The folder part of a Folder* route's access: the caller's role from the folder's log.
    std::optional<ApiReply> authoriseFolder(const ApiRouter::Route& route, ApiRequest& request);
    QHostAddress clientAddress(const QHttpServerRequest& request) const;

    const HttpSettings& m_settings;
    RateLimiter m_limiter;
    ApiServices m_services;
    ServerRoutes m_serverRoutes;
    AccountRoutes m_accountRoutes;
    SessionRoutes m_sessionRoutes;
    SharingRoutes m_sharingRoutes;
    OrganisationRoutes m_organisationRoutes;
    FeedRoutes m_feedRoutes;
    LiveRoutes m_liveRoutes;
    // Team Sharing
    FolderRoutes m_folderRoutes;
    ItemRoutes m_itemRoutes;
    ApiRouter m_router;
    QHttpServer m_http;
};

} // namespace Conclave::Server
