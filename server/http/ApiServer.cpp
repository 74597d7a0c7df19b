// Request handling for /api/v1.
#include "server/http/ApiServer.h"

#include "server/http/GuardedSslServer.h"
#include "server/http/GuardedTcpServer.h"
#include "server/http/HttpLog.h"
#include "server/http/JsonInput.h"
#include "server/http/RequestSizeGuard.h"
#include "server/services/KeyBundleVerifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

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

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

ApiReply invalid(const Error& error)
{
    return ApiReply::fromError(error);
}

KdfParameters readKdf(JsonInput& input, const QString& field)
{
    JsonInput kdf = input.object(field);
    KdfParameters params;
    params.salt = kdf.base64(QStringLiteral("salt"), KdfParameters::kSaltBytes, KdfParameters::kSaltBytes);
    params.ops = kdf.integer(QStringLiteral("opsLimit"), KdfParameters::kMinOps, KdfParameters::kMaxOps);
    params.memBytes = kdf.integer(QStringLiteral("memLimitBytes"), KdfParameters::kMinMemBytes,
                                  KdfParameters::kMaxMemBytes);
    input.adopt(kdf);
    return params;
}

QJsonObject kdfJson(const KdfParameters& kdf)
{
    return {{QStringLiteral("algorithm"), QStringLiteral("argon2id13")},
            {QStringLiteral("salt"), b64(kdf.salt)},
            {QStringLiteral("opsLimit"), double(kdf.ops)},
            {QStringLiteral("memLimitBytes"), double(kdf.memBytes)}};
}

// Wrapped keys are opaque ciphertexts; bounded so no account row grows without limit.
constexpr qsizetype kMaxWrappedBytes = 16 * 1024;

} // namespace

ApiServer::ApiServer(const HttpSettings& settings, const ServerLimits& limits, AccountService& accounts,
                     SessionService& sessions, OrganisationService& orgs, const Core::Clock& clock,
                     QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_limits(limits)
    , m_accounts(accounts)
    , m_sessions(sessions)
    , m_orgs(orgs)
    , m_clock(clock)
    , m_limiter(clock)
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
    using R = ApiRouter;
    auto bind = [self](ApiReply (ApiServer::*method)(ApiRequest&)) {
        return [self, method](ApiRequest& request) {
            return (self->*method)(request);
        };
    };
    router.add(QStringLiteral("GET"), QStringLiteral("/healthz"), R::None, bind(&ApiServer::health));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/server"), R::None,
               bind(&ApiServer::serverInfo));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts"), R::JsonBody,
               bind(&ApiServer::signUp));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts/verify"), R::JsonBody,
               bind(&ApiServer::verify));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts/verify/resend"), R::JsonBody,
               bind(&ApiServer::resend));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/accounts/prelogin"), R::JsonBody,
               bind(&ApiServer::prelogin));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/sessions"), R::JsonBody,
               bind(&ApiServer::login));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sessions"), R::Authenticated,
               bind(&ApiServer::listSessions));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/sessions/current"), R::Authenticated,
               bind(&ApiServer::logout));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/sessions/{sessionId}"), R::Authenticated,
               bind(&ApiServer::revokeSession));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), R::Authenticated,
               bind(&ApiServer::account));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/account/password"),
               R::Authenticated | R::JsonBody, bind(&ApiServer::changePassword));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/account/keys"), R::Authenticated | R::JsonBody,
               bind(&ApiServer::publishKeys));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/keys/lookup"), R::Sharing | R::JsonBody,
               bind(&ApiServer::lookupKeys));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sharing/status"), R::Sharing,
               bind(&ApiServer::sharingStatus));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orgs"), R::Authenticated,
               bind(&ApiServer::myOrganisations));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orgs/{orgId}/blocks"), R::Authenticated,
               bind(&ApiServer::listBlocks));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/orgs/{orgId}/blocks"),
               R::Authenticated | R::JsonBody, bind(&ApiServer::addBlock));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/orgs/{orgId}/blocks/{blockId}"),
               R::Authenticated, bind(&ApiServer::removeBlock));
}

Core::Result<quint16> ApiServer::listen()
{
    std::unique_ptr<QTcpServer> tcpServer;
    if (!m_settings.tlsCertificate.isEmpty()) {
        QFile certFile(m_settings.tlsCertificate);
        QFile keyFile(m_settings.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            return Error::make(ErrorCode::Io, tr("The TLS certificate or key file cannot be read."),
                               QStringLiteral("tls"));
        }
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        const QSslKey ecKey =
            key.isNull() ? QSslKey(keyFile.seek(0) ? &keyFile : nullptr, QSsl::Ec, QSsl::Pem) : QSslKey();
        if (certificate.isNull() || (key.isNull() && ecKey.isNull())) {
            return Error::make(ErrorCode::InvalidInput, tr("The TLS certificate or key is not valid PEM."),
                               QStringLiteral("tls"));
        }
        // Our own listening server instead of QAbstractHttpServer::listen() so every
        // connection gets a RequestSizeGuard before Qt HTTP Server reads from it.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key.isNull() ? ecKey : key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        auto server = std::make_unique<GuardedSslServer>(m_limits.maxBodyBytes);
        server->setSslConfiguration(tls);
        tcpServer = std::move(server);
    } else {
        tcpServer = std::make_unique<GuardedTcpServer>(m_limits.maxBodyBytes);
    }
    if (!tcpServer->listen(m_settings.listenAddress, m_settings.port)) {
        return Error::make(ErrorCode::Unavailable,
                           tr("The server cannot listen on %1 port %2; is the port in use?")
                               .arg(m_settings.listenAddress.toString())
                               .arg(m_settings.port));
    }
    const quint16 port = tcpServer->serverPort();
    // bind() makes m_http the parent: it owns the listening server from here on.
    m_http.bind(tcpServer.release());
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

int ApiServer::limited(std::initializer_list<std::pair<QString, int>> budgets)
{
    int wait = 0;
    for (const auto& [key, limit] : budgets)
        wait = std::max(wait, m_limiter.retryAfter(key, limit, m_limits.windowSeconds));
    return wait;
}

void ApiServer::record(std::initializer_list<QString> keys)
{
    for (const QString& key : keys)
        m_limiter.record(key);
}

void ApiServer::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    QElapsedTimer timer;
    timer.start();
    QString routeName;
    QString userId;
    const ApiReply reply = dispatch(request, routeName, userId);

    const QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", "application/json");
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
    const qint64 limit = m_limits.maxBodyBytes;
    bool lengthOk = true;
    const QByteArray lengthHeader = request.value("Content-Length");
    const qint64 declared = lengthHeader.isEmpty() ? 0 : lengthHeader.trimmed().toLongLong(&lengthOk);
    if (!lengthOk || declared > limit || request.body().size() > limit) {
        return RequestSizeGuard::tooLarge(limit);
    }

    const QString method = methodName(request.method());
    const ApiRouter::Match match = m_router.match(method, request.url().path());
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            ApiReply reply = ApiReply::error(405, QStringLiteral("method-not-allowed"),
                                             tr("This address does not accept the %1 method.").arg(method));
            reply.headers.append(
                qMakePair(QByteArray("Allow"), match.allowedMethods.join(QStringLiteral(", ")).toLatin1()));
            return reply;
        }
        return ApiReply::error(404, QStringLiteral("not-found"),
                               tr("There is no such address on this server."));
    }
    routeName = match.route->pattern;
    ApiRequest context{request, clientAddress(request), match.params, {}, {}};

    if (match.route->flags & ApiRouter::JsonBody) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError) {
            return ApiReply::error(400, QStringLiteral("invalid-input"),
                                   tr("The request body is not valid JSON."), QStringLiteral("body"));
        }
        if (!document.isObject()) {
            return ApiReply::error(400, QStringLiteral("invalid-input"),
                                   tr("The request body must be a JSON object."), QStringLiteral("body"));
        }
        context.body = document.object();
    }

    if (match.route->flags & ApiRouter::Authenticated) {
        const QByteArray header = request.value("Authorization");
        if (!header.startsWith("Bearer ")) {
            return ApiReply::fromError(
                Error::make(ErrorCode::Crypto, tr("Sign in first: this request needs a "
                                                  "session token.")));
        }
        auto session = m_sessions.authenticate(header.mid(7).trimmed());
        if (!session)
            return ApiReply::fromError(session.error());
        context.session = session.value();
        userId = session->userId;
    }
    if ((match.route->flags & ApiRouter::Sharing) == ApiRouter::Sharing) {
        if (auto allowed = m_accounts.sharingAllowed(context.session.userId); !allowed)
            return ApiReply::fromError(allowed.error());
    }
    return match.route->handler(context);
}

ApiReply ApiServer::health(ApiRequest&)
{
    return ApiReply::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}

ApiReply ApiServer::serverInfo(ApiRequest&)
{
    return ApiReply::json(200, {{QStringLiteral("version"), QStringLiteral(CONCLAVE_VERSION)},
                                {QStringLiteral("api"), QStringLiteral("v1")},
                                {QStringLiteral("idleTimeoutSeconds"), m_limits.idleTimeoutSeconds},
                                {QStringLiteral("absoluteTimeoutSeconds"), m_limits.absoluteTimeoutSeconds},
                                {QStringLiteral("maxBodyBytes"), double(m_limits.maxBodyBytes)}});
}

ApiReply ApiServer::signUp(ApiRequest& request)
{
    const QString addressKey = QStringLiteral("signup-address:") + request.client.toString();
    if (const int wait = limited({{addressKey, m_limits.signupPerAddress}}))
        return ApiReply::tooManyRequests(wait);
    JsonInput input(request.body);
    SignUpRequest signUp;
    signUp.email = input.email(QStringLiteral("email"));
    signUp.name = input.string(QStringLiteral("name"), 200);
    signUp.authKey =
        input.base64(QStringLiteral("authKey"), AccountService::kAuthKeyBytes, AccountService::kAuthKeyBytes);
    signUp.kdf = readKdf(input, QStringLiteral("kdf"));
    signUp.wrappedAccountKey = input.base64(QStringLiteral("wrappedAccountKey"), 16, kMaxWrappedBytes);
    if (!input.ok())
        return invalid(input.error());
    record({addressKey});
    auto userId = m_accounts.signUp(signUp);
    Core::secureWipe(signUp.authKey);
    if (!userId)
        return ApiReply::fromError(userId.error());
    return ApiReply::json(201,
                          {{QStringLiteral("userId"), userId.value()}, {QStringLiteral("verified"), false}});
}

ApiReply ApiServer::verify(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    const QString code = input.string(QStringLiteral("code"), 32);
    if (!input.ok())
        return invalid(input.error());
    const QString accountKey = QStringLiteral("verify-account:") + email;
    const QString addressKey = QStringLiteral("verify-address:") + request.client.toString();
    if (const int wait =
            limited({{accountKey, m_limits.verifyPerAccount}, {addressKey, m_limits.verifyPerAddress}})) {
        return ApiReply::tooManyRequests(wait);
    }
    if (auto verified = m_accounts.verify(email, code); !verified) {
        record({accountKey, addressKey});
        return ApiReply::fromError(verified.error());
    }
    m_limiter.reset(accountKey);
    return ApiReply::json(200, {{QStringLiteral("verified"), true}});
}

ApiReply ApiServer::resend(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    if (!input.ok())
        return invalid(input.error());
    const QString accountKey = QStringLiteral("resend-account:") + email;
    const QString addressKey = QStringLiteral("resend-address:") + request.client.toString();
    if (const int wait =
            limited({{accountKey, m_limits.resendPerAccount}, {addressKey, m_limits.signupPerAddress}})) {
        return ApiReply::tooManyRequests(wait);
    }
    record({accountKey, addressKey});
    if (auto sent = m_accounts.resend(email); !sent)
        return ApiReply::fromError(sent.error());
    // The same answer whether or not the address has an account.
    return ApiReply::json(202, {{QStringLiteral("status"), QStringLiteral("sent-if-pending")}});
}

ApiReply ApiServer::prelogin(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    if (!input.ok())
        return invalid(input.error());
    return ApiReply::json(200, {{QStringLiteral("kdf"), kdfJson(m_accounts.prelogin(email))}});
}

ApiReply ApiServer::login(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    QByteArray authKey =
        input.base64(QStringLiteral("authKey"), AccountService::kAuthKeyBytes, AccountService::kAuthKeyBytes);
    if (!input.ok())
        return invalid(input.error());
    const QString accountKey = QStringLiteral("login-account:") + email;
    const QString addressKey = QStringLiteral("login-address:") + request.client.toString();
    if (const int wait =
            limited({{accountKey, m_limits.loginPerAccount}, {addressKey, m_limits.loginPerAddress}})) {
        Core::secureWipe(authKey);
        return ApiReply::tooManyRequests(wait);
    }
    auto result = m_accounts.login(email, authKey);
    Core::secureWipe(authKey);
    if (!result) {
        if (result.error().code == ErrorCode::Crypto)
            record({accountKey, addressKey});
        return ApiReply::fromError(result.error());
    }
    m_limiter.reset(accountKey);
    const UserRecord& user = result->user;
    const IssuedSession& session = result->session;
    return ApiReply::json(201, {{QStringLiteral("token"), QString::fromLatin1(session.token)},
                                {QStringLiteral("sessionId"), session.sessionId},
                                {QStringLiteral("userId"), user.id},
                                {QStringLiteral("verified"), user.verified},
                                {QStringLiteral("expiresAt"), iso(session.absoluteExpiryMs)},
                                {QStringLiteral("idleTimeoutSeconds"), m_limits.idleTimeoutSeconds},
                                {QStringLiteral("wrappedAccountKey"), b64(user.wrappedAccountKey)},
                                {QStringLiteral("wrappedPrivateKeys"), b64(user.wrappedPrivateKeys)},
                                {QStringLiteral("keyBundle"), b64(user.keyBundle)}});
}

ApiReply ApiServer::listSessions(ApiRequest& request)
{
    auto sessions = m_sessions.list(request.session.userId);
    if (!sessions)
        return ApiReply::fromError(sessions.error());
    QJsonArray list;
    for (const SessionRecord& s : sessions.value()) {
        list.append(QJsonObject{{QStringLiteral("id"), s.id},
                                {QStringLiteral("createdAt"), iso(s.createdAtMs)},
                                {QStringLiteral("lastSeenAt"), iso(s.lastSeenMs)},
                                {QStringLiteral("current"), s.id == request.session.sessionId}});
    }
    return ApiReply::json(200, {{QStringLiteral("sessions"), list}});
}

ApiReply ApiServer::logout(ApiRequest& request)
{
    auto revoked = m_sessions.revoke(request.session.userId, request.session.sessionId);
    if (!revoked)
        return ApiReply::fromError(revoked.error());
    return ApiReply::json(200, {{QStringLiteral("revoked"), true}});
}

ApiReply ApiServer::revokeSession(ApiRequest& request)
{
    auto revoked = m_sessions.revoke(request.session.userId, request.params.value(0));
    if (!revoked)
        return ApiReply::fromError(revoked.error());
    if (!revoked.value())
        return ApiReply::error(404, QStringLiteral("not-found"), tr("You have no session with this id."));
    return ApiReply::json(200, {{QStringLiteral("revoked"), true}});
}

ApiReply ApiServer::account(ApiRequest& request)
{
    auto user = m_accounts.user(request.session.userId);
    if (!user)
        return ApiReply::fromError(user.error());
    const auto sharing = m_accounts.sharingAllowed(user->id);
    QJsonObject sharingJson{{QStringLiteral("allowed"), sharing.ok()}};
    if (!sharing.ok()) {
        sharingJson.insert(QStringLiteral("reason"), sharing.error().message);
        sharingJson.insert(QStringLiteral("code"), sharing.error().field);
    }
    return ApiReply::json(200, {{QStringLiteral("userId"), user->id},
                                {QStringLiteral("email"), user->email},
                                {QStringLiteral("name"), user->name},
                                {QStringLiteral("verified"), user->verified},
                                {QStringLiteral("sharing"), sharingJson}});
}

ApiReply ApiServer::changePassword(ApiRequest& request)
{
    JsonInput input(request.body);
    QByteArray current = input.base64(QStringLiteral("currentAuthKey"), AccountService::kAuthKeyBytes,
                                      AccountService::kAuthKeyBytes);
    QByteArray next = input.base64(QStringLiteral("newAuthKey"), AccountService::kAuthKeyBytes,
                                   AccountService::kAuthKeyBytes);
    const KdfParameters kdf = readKdf(input, QStringLiteral("kdf"));
    const QByteArray wrapped = input.base64(QStringLiteral("wrappedAccountKey"), 16, kMaxWrappedBytes);
    if (!input.ok())
        return invalid(input.error());
    auto session = m_accounts.changePassword(request.session.userId, current, next, kdf, wrapped);
    Core::secureWipe(current);
    Core::secureWipe(next);
    if (!session) {
        // A wrong current password is a 403 here: the session itself is valid.
        if (session.error().code == ErrorCode::Crypto) {
            return ApiReply::error(403, QStringLiteral("wrong-password"), session.error().message,
                                   session.error().field);
        }
        return ApiReply::fromError(session.error());
    }
    return ApiReply::json(200, {{QStringLiteral("token"), QString::fromLatin1(session->token)},
                                {QStringLiteral("sessionId"), session->sessionId},
                                {QStringLiteral("expiresAt"), iso(session->absoluteExpiryMs)}});
}

ApiReply ApiServer::publishKeys(ApiRequest& request)
{
    JsonInput input(request.body);
    const QByteArray bundle = input.base64(QStringLiteral("bundle"), 1, KeyBundleVerifier::kMaxBundleBytes);
    const QByteArray wrapped = input.base64(QStringLiteral("wrappedPrivateKeys"), 16, kMaxWrappedBytes);
    if (!input.ok())
        return invalid(input.error());
    if (auto published = m_accounts.publishKeys(request.session.userId, bundle, wrapped); !published)
        return ApiReply::fromError(published.error());
    return ApiReply::json(200, {{QStringLiteral("published"), true}});
}

ApiReply ApiServer::lookupKeys(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString email = input.email(QStringLiteral("email"));
    if (!input.ok())
        return invalid(input.error());
    auto user = m_accounts.userWithKeys(email);
    if (!user)
        return ApiReply::fromError(user.error());
    return ApiReply::json(
        200, {{QStringLiteral("userId"), user->id}, {QStringLiteral("bundle"), b64(user->keyBundle)}});
}

ApiReply ApiServer::sharingStatus(ApiRequest&)
{
    // Reaching here means the Sharing gate in dispatch() let the request through.
    return ApiReply::json(200, {{QStringLiteral("allowed"), true}});
}

ApiReply ApiServer::myOrganisations(ApiRequest& request)
{
    auto user = m_accounts.user(request.session.userId);
    if (!user)
        return ApiReply::fromError(user.error());
    QJsonArray list;
    if (user->verified) {
        auto memberships = m_orgs.membershipsFor(user->email);
        if (!memberships)
            return ApiReply::fromError(memberships.error());
        for (const MembershipRecord& m : memberships.value()) {
            list.append(QJsonObject{{QStringLiteral("orgId"), m.orgId},
                                    {QStringLiteral("role"), m.role},
                                    {QStringLiteral("via"), m.domain.isEmpty() ? QStringLiteral("email")
                                                                               : QStringLiteral("domain")}});
        }
    }
    return ApiReply::json(200, {{QStringLiteral("organisations"), list}});
}

std::optional<ApiReply> ApiServer::requireOrgAdmin(ApiRequest& request, const QString& orgId)
{
    auto user = m_accounts.user(request.session.userId);
    if (!user)
        return ApiReply::fromError(user.error());
    if (!user->verified) {
        return ApiReply::error(403, QStringLiteral("email-unverified"),
                               tr("Verify your email address before managing an organisation."));
    }
    auto role = m_orgs.roleOf(orgId, user->email);
    if (!role)
        return ApiReply::fromError(role.error());
    if (role.value() != QLatin1String("owner") && role.value() != QLatin1String("admin")) {
        return ApiReply::error(403, QStringLiteral("not-org-admin"),
                               tr("Only the organisation's owners and admins can do this."));
    }
    return std::nullopt;
}

ApiReply ApiServer::listBlocks(ApiRequest& request)
{
    const QString orgId = request.params.value(0);
    if (auto denied = requireOrgAdmin(request, orgId))
        return *denied;
    auto blocks = m_orgs.blocks(orgId);
    if (!blocks)
        return ApiReply::fromError(blocks.error());
    QJsonArray list;
    for (const SharingBlockRecord& b : blocks.value()) {
        list.append(QJsonObject{{QStringLiteral("id"), b.id},
                                {QStringLiteral("scope"), b.scope},
                                {QStringLiteral("value"), b.value},
                                {QStringLiteral("reason"), b.reason},
                                {QStringLiteral("createdAt"), iso(b.createdAtMs)}});
    }
    return ApiReply::json(200, {{QStringLiteral("blocks"), list}});
}

ApiReply ApiServer::addBlock(ApiRequest& request)
{
    const QString orgId = request.params.value(0);
    if (auto denied = requireOrgAdmin(request, orgId))
        return *denied;
    JsonInput input(request.body);
    const QString scope = input.string(QStringLiteral("scope"), 32);
    const QString value =
        scope == QLatin1String("organisation") ? QString() : input.string(QStringLiteral("value"), 254);
    const QString reason = input.optionalString(QStringLiteral("reason"), 500);
    if (!input.ok())
        return invalid(input.error());
    auto block = m_orgs.block(orgId, scope, value, reason);
    if (!block)
        return ApiReply::fromError(block.error());
    return ApiReply::json(201, {{QStringLiteral("id"), block->id}, {QStringLiteral("scope"), block->scope}});
}

ApiReply ApiServer::removeBlock(ApiRequest& request)
{
    const QString orgId = request.params.value(0);
    if (auto denied = requireOrgAdmin(request, orgId))
        return *denied;
    auto removed = m_orgs.unblock(orgId, request.params.value(1));
    if (!removed)
        return ApiReply::fromError(removed.error());
    if (!removed.value())
        return ApiReply::error(404, QStringLiteral("not-found"),
                               tr("The organisation has no block with this id."));
    return ApiReply::json(200, {{QStringLiteral("removed"), true}});
}

} // namespace Conclave::Server
