// ApiServer: JSON over HTTP under /api/v1 on Qt HTTP Server. Every request goes through
// one entry point that enforces the body limit (413), routes (404/405), parses JSON (400),
// authenticates (401), applies rate limits (429 with Retry-After) and logs one line with
// internal ids only. Handlers are small functions over the services.
#pragma once

#include "server/http/ApiRouter.h"
#include "server/http/HttpSettings.h"
#include "server/services/AccountService.h"
#include "server/services/OrganisationService.h"
#include "server/services/RateLimiter.h"
#include "server/services/ServerLimits.h"
#include "server/services/SessionService.h"

#include <QHttpServer>
#include <QObject>

namespace Conclave::Server {

class ApiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)

public:
    ApiServer(const HttpSettings& settings, const ServerLimits& limits, AccountService& accounts,
              SessionService& sessions, OrganisationService& orgs, const Core::Clock& clock,
              QObject* parent = nullptr);
    ~ApiServer() override;

    // Binds the configured address (TLS when a certificate is configured); returns the port.
    Core::Result<quint16> listen();
    // "METHOD /pattern" for every route serve registers, without starting anything.
    static QStringList routeTable();

private:
    // Adds every route; `self` may be null when only the table is wanted.
    static void addRoutes(ApiRouter& router, ApiServer* self);
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    ApiReply dispatch(const QHttpServerRequest& request, QString& routeName, QString& userId);
    QHostAddress clientAddress(const QHttpServerRequest& request) const;
    // 0 when the event fits in every listed budget; else the longest wait.
    int limited(std::initializer_list<std::pair<QString, int>> budgets);
    void record(std::initializer_list<QString> keys);

    ApiReply health(ApiRequest& request);
    ApiReply serverInfo(ApiRequest& request);
    ApiReply signUp(ApiRequest& request);
    ApiReply verify(ApiRequest& request);
    ApiReply resend(ApiRequest& request);
    ApiReply prelogin(ApiRequest& request);
    ApiReply login(ApiRequest& request);
    ApiReply listSessions(ApiRequest& request);
    ApiReply logout(ApiRequest& request);
    ApiReply revokeSession(ApiRequest& request);
    ApiReply account(ApiRequest& request);
    ApiReply changePassword(ApiRequest& request);
    ApiReply publishKeys(ApiRequest& request);
    ApiReply lookupKeys(ApiRequest& request);
    ApiReply sharingStatus(ApiRequest& request);
    ApiReply myOrganisations(ApiRequest& request);
    ApiReply listBlocks(ApiRequest& request);
    ApiReply addBlock(ApiRequest& request);
    ApiReply removeBlock(ApiRequest& request);
    // 403 unless the session's user is a verified owner or admin of the organisation.
    std::optional<ApiReply> requireOrgAdmin(ApiRequest& request, const QString& orgId);

    const HttpSettings& m_settings;
    const ServerLimits& m_limits;
    AccountService& m_accounts;
    SessionService& m_sessions;
    OrganisationService& m_orgs;
    const Core::Clock& m_clock;
    RateLimiter m_limiter;
    ApiRouter m_router;
    QHttpServer m_http;
};

} // namespace Conclave::Server
