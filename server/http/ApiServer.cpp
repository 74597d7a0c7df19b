// The request pipeline for /api/v1.
#include "server/http/ApiServer.h"

#include "server/http/BearerToken.h"
#include "server/http/GuardedServer.h"
#include "server/http/HttpCompression.h"
#include "server/http/HttpLog.h"
#include "server/http/RequestSizeGuard.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

} // namespace

ApiServer::ApiServer(const HttpSettings& settings, const ServerLimits& limits, AccountService& accounts,
                     SessionService& sessions, OrganisationService& orgs, FolderService& folders,
                     ItemService& items, const Core::Clock& clock, FeedService& feed, LiveHub& live,
                     InvitationService& invitations, AuditService& audit, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_limiter(clock)
    , m_services{accounts, sessions, orgs, m_limiter, limits, folders, items, feed, live, invitations, audit}
    , m_serverRoutes(m_services)
    , m_accountRoutes(m_services)
    , m_sessionRoutes(m_services)
    , m_sharingRoutes(m_services)
    , m_organisationRoutes(m_services)
    , m_folderRoutes(m_services)
    , m_itemRoutes(m_services)
    , m_feedRoutes(m_services)
    , m_liveRoutes(m_services)
    , m_invitationRoutes(m_services)
    , m_auditRoutes(m_services)
{
    addRoutes(m_router, this);
    m_http.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handle(request, std::move(responder));
    });
}

ApiServer::~ApiServer() = default;

QStringList ApiServer::routeTable()
{
    ApiRouter router;
    addRoutes(router, nullptr);
    return router.describe();
}

void ApiServer::addRoutes(ApiRouter& router, ApiServer* self)
{
    ServerRoutes::add(router, self ? &self->m_serverRoutes : nullptr);
    AccountRoutes::add(router, self ? &self->m_accountRoutes : nullptr);
    SessionRoutes::add(router, self ? &self->m_sessionRoutes : nullptr);
    SharingRoutes::add(router, self ? &self->m_sharingRoutes : nullptr);
    OrganisationRoutes::add(router, self ? &self->m_organisationRoutes : nullptr);
    // Team Sharing
    FolderRoutes::add(router, self ? &self->m_folderRoutes : nullptr);
    ItemRoutes::add(router, self ? &self->m_itemRoutes : nullptr);
    FeedRoutes::add(router, self ? &self->m_feedRoutes : nullptr);
    LiveRoutes::add(router, self ? &self->m_liveRoutes : nullptr);
    InvitationRoutes::add(router, self ? &self->m_invitationRoutes : nullptr);
    AuditRoutes::add(router, self ? &self->m_auditRoutes : nullptr);
}

Core::Result<quint16> ApiServer::listen()
{
    std::unique_ptr<QTcpServer> tcpServer;
    if (!m_settings.tlsCertificate.isEmpty()) {
        QFile certFile(m_settings.tlsCertificate);
        QFile keyFile(m_settings.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            return Error::make(ErrorCode::Io,
                               QStringLiteral("The TLS certificate or key file cannot be read."),
                               QStringLiteral("tls"));
        }
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        const QSslKey ecKey =
            key.isNull() ? QSslKey(keyFile.seek(0) ? &keyFile : nullptr, QSsl::Ec, QSsl::Pem) : QSslKey();
        if (certificate.isNull() || (key.isNull() && ecKey.isNull())) {
            return Error::make(ErrorCode::InvalidInput,
                               QStringLiteral("The TLS certificate or key is not valid PEM."),
                               QStringLiteral("tls"));
        }
        // Our own listening server instead of QAbstractHttpServer::listen() so every
        // connection gets a RequestSizeGuard before Qt HTTP Server reads from it.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key.isNull() ? ecKey : key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        auto server = std::make_unique<GuardedServer<QSslServer>>(m_services.limits);
        server->setSslConfiguration(tls);
        tcpServer = std::move(server);
    } else {
        tcpServer = std::make_unique<GuardedServer<QTcpServer>>(m_services.limits);
    }
    if (!tcpServer->listen(m_settings.listenAddress, m_settings.port)) {
        return Error::make(ErrorCode::Unavailable,
                           QStringLiteral("The server cannot listen on %1 port %2; is the port in use?")
                               .arg(m_settings.listenAddress.toString())
                               .arg(m_settings.port));
    }
    const quint16 port = tcpServer->serverPort();
    // bind() makes m_http the parent: it owns the listening server from here on.
    m_http.bind(tcpServer.release());
    m_liveRoutes.serve(m_http);
    return port;
}

QHostAddress ApiServer::clientAddress(const QHttpServerRequest& request) const
{
    const QHostAddress peer = request.remoteAddress();
    if (m_settings.trustForwardedFor && peer.isLoopback()) {
        QHostAddress forwarded;
        if (forwarded.setAddress(QString::fromLatin1(request.value("X-Real-IP"))))
            return forwarded;
    }
    return peer;
}

void ApiServer::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    QElapsedTimer timer;
    timer.start();
    QString routeName;
    QString userId;
    const ApiReply reply = dispatch(request, routeName, userId);

    QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    bool compressed = false;
    if (reply.compressible && body.size() >= kCompressFromBytes &&
        acceptsGzip(request.value("Accept-Encoding"))) {
        if (QByteArray packed = gzip(body); !packed.isEmpty()) {
            body = std::move(packed);
            compressed = true;
        }
    }
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", "application/json");
    if (compressed)
        responder.writeHeader("Content-Encoding", "gzip");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto& header : reply.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(body);

    // Route patterns, never concrete paths or bodies: ids only in the log.
    qCInfo(lcServerHttp).noquote() << methodName(request.method())
                                   << (routeName.isEmpty() ? QStringLiteral("-") : routeName) << reply.status
                                   << (userId.isEmpty() ? QStringLiteral("-") : userId) << timer.elapsed()
                                   << "ms";
}

ApiReply ApiServer::dispatch(const QHttpServerRequest& request, QString& routeName, QString& userId)
{
    const QString method = methodName(request.method());
    const qint64 limit =
        RequestSizeGuard::limitFor(m_services.limits, method.toLatin1(), request.url().path().toUtf8());
    const QByteArray lengthHeader = request.value("Content-Length").trimmed();
    bool lengthOk = true;
    const qint64 declared = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&lengthOk);
    if (!lengthOk || declared < 0) {
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("The Content-Length header is not a number of bytes."),
                               QStringLiteral("Content-Length"));
    }
    if (declared > limit || request.body().size() > limit)
        return RequestSizeGuard::tooLarge(limit);

    const ApiRouter::Match match = m_router.match(method, request.url().path());
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            ApiReply reply =
                ApiReply::error(405, ApiReason::MethodNotAllowed,
                                QStringLiteral("This address does not accept the %1 method.").arg(method));
            reply.headers.append(
                qMakePair(QByteArray("Allow"), match.allowedMethods.join(QStringLiteral(", ")).toLatin1()));
            return reply;
        }
        return ApiReply::error(404, ApiReason::NotFound,
                               QStringLiteral("There is no such address on this server."));
    }
    const ApiRouter::Route& route = *match.route;
    routeName = route.pattern;
    ApiRequest context{request, clientAddress(request), match.params, {}, {}};

    // Who is asking comes first: an unauthenticated request learns nothing about its body.
    std::optional<ApiReply> denied = authorise(route, context);
    userId = context.session.userId; // refused requests are attributed too
    if (denied)
        return *denied;

    if (route.body == ApiRouter::Body::Json) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError) {
            return ApiReply::error(400, ApiReason::InvalidInput,
                                   QStringLiteral("The request body is not valid JSON."),
                                   QStringLiteral("body"));
        }
        if (!document.isObject()) {
            return ApiReply::error(400, ApiReason::InvalidInput,
                                   QStringLiteral("The request body must be a JSON object."),
                                   QStringLiteral("body"));
        }
        context.body = document.object();
    }
    return route.handler(context);
}

void ApiServer::auditRefusal(const ApiRouter::Route& route, const ApiRequest& request, const QString& orgId,
                             const QString& objectKind, const QString& objectId, ApiReason reason)
{
    // The route's pattern, never the concrete path.
    const AuditEvent event =
        AuditService::refused(orgId, objectKind, objectId, request.session.userId,
                              route.method + QLatin1Char(' ') + route.pattern, reasonName(reason));
    // The request is refused either way; a failed audit write must not turn that into a 500.
    if (auto recorded = m_services.audit.recordAlone(event); !recorded)
        qCWarning(lcServerHttp) << "a refused request could not be audited for user"
                                << request.session.userId;
}

std::optional<ApiReply> ApiServer::authorise(const ApiRouter::Route& route, ApiRequest& request)
{
    if (route.access == RouteAccess::Anonymous)
        return std::nullopt;
    const QByteArray token = bearerToken(request.http.value("Authorization"));
    if (token.isEmpty())
        return ApiReply::unauthenticated(
            QStringLiteral("Sign in first: this request needs a session token."));
    auto session = m_services.sessions.authenticate(token);
    if (!session) {
        if (session.error().code == ErrorCode::Crypto)
            return ApiReply::unauthenticated(session.error().message);
        return ApiReply::fromError(session.error());
    }
    request.session = session.value();
    if (route.access == RouteAccess::SignedIn)
        return std::nullopt;

    const bool folderRoute =
        route.access == RouteAccess::FolderView || route.access == RouteAccess::FolderEdit ||
        route.access == RouteAccess::FolderManage || route.access == RouteAccess::FolderRestore;
    if (route.access == RouteAccess::Sharing || folderRoute) {
        auto gate = m_services.accounts.sharingGate(request.session.userId);
        if (!gate)
            return ApiReply::fromError(gate.error());
        if (gate->denial == SharingGate::Denial::Blocked) {
            auditRefusal(route, request, gate->orgId, QStringLiteral("user"), request.session.userId,
                         ApiReason::SharingBlocked);
            return ApiReply::sharingBlocked(gate->message, gate->detail);
        }
        if (gate->denial == SharingGate::Denial::Unverified) {
            // An unverified address belongs to no organisation yet: the server's own log.
            auditRefusal(route, request, {}, QStringLiteral("user"), request.session.userId,
                         ApiReason::EmailUnverified);
            return ApiReply::error(403, ApiReason::EmailUnverified, gate->message);
        }
        return folderRoute ? authoriseFolder(route, request) : std::nullopt;
    }

    // OrgAdmin: roles follow from addresses, so only a verified address holds one; anyone
    // could otherwise sign up with an owner's address and manage the organisation.
    auto user = m_services.accounts.user(request.session.userId);
    if (!user)
        return ApiReply::fromError(user.error());
    if (!user->verified) {
        return ApiReply::error(403, ApiReason::EmailUnverified,
                               QStringLiteral("Verify your email address before managing an organisation."));
    }
    auto role = m_services.orgs.roleOf(request.param("orgId"), user->email);
    if (!role)
        return ApiReply::fromError(role.error());
    if (role.value() != QLatin1String("owner") && role.value() != QLatin1String("admin")) {
        return ApiReply::error(403, ApiReason::NotOrgAdmin,
                               QStringLiteral("Only the organisation's owners and admins can do this."));
    }
    return std::nullopt;
}

std::optional<ApiReply> ApiServer::authoriseFolder(const ApiRouter::Route& route, ApiRequest& request)
{
    // Ids in paths are canonical UUIDs (lower case, no braces); anything else names no folder.
    const QString folderId = request.param("folderId");
    if (QUuid(folderId).isNull() || QUuid(folderId).toString(QUuid::WithoutBraces) != folderId)
        return ApiReply::error(404, ApiReason::NotFound, QStringLiteral("There is no such folder."));
    auto access = m_services.folders.access(folderId, request.session.userId);
    if (!access) {
        // A non-member learns nothing of the folder, its organisation included: the
        // refusal goes to the server's own log.
        if (access.error().code == Core::ErrorCode::NotFound)
            auditRefusal(route, request, {}, QStringLiteral("folder"), folderId, ApiReason::NotFound);
        return ApiReply::fromError(access.error());
    }
    const bool deleted = access->folder.deletedAtMs > 0;
    if (deleted && route.access != RouteAccess::FolderRestore) {
        return ApiReply::error(
            410, ApiReason::Gone,
            QStringLiteral("The folder was deleted. A manager can restore it for 7 days."));
    }
    const Core::FolderRole needed = route.access == RouteAccess::FolderView   ? Core::FolderRole::View
                                    : route.access == RouteAccess::FolderEdit ? Core::FolderRole::Edit
                                                                              : Core::FolderRole::Manage;
    if (!Core::roleAtLeast(access->role, needed)) {
        auditRefusal(route, request, access->folder.orgId, QStringLiteral("folder"), folderId,
                     ApiReason::Forbidden);
        // A refused change of one item is in that item's history too, where its readers look.
        const QString itemId = request.param("itemId");
        if (!itemId.isEmpty() && QUuid(itemId).toString(QUuid::WithoutBraces) == itemId)
            auditRefusal(route, request, access->folder.orgId, QStringLiteral("item"), itemId,
                         ApiReason::Forbidden);
        return ApiReply::error(403, ApiReason::Forbidden,
                               needed == Core::FolderRole::Edit
                                   ? QStringLiteral("Changing this folder needs the Edit role.")
                                   : QStringLiteral("Only the folder's managers can do this."));
    }
    return std::nullopt;
}

} // namespace Conclave::Server
