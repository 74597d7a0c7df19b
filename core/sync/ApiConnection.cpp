// Requests to the sync server; see the header.
#include "core/sync/ApiConnection.h"

#include "core/policy/RefusedReply.h"
#include "core/util/LogCategories.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <sodium.h>

#include <memory>
#include <optional>

namespace Conclave::Core {

namespace {

// Standard base64 with padding (the API's binary encoding) of a secret, into wiped memory.
SecureBytes base64(const SecureBytes& value)
{
    const std::size_t size = sodium_base64_encoded_len(value.size(), sodium_base64_VARIANT_ORIGINAL);
    SecureBytes text(size);
    sodium_bin2base64(reinterpret_cast<char*>(text.data()), size, value.data(), value.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    text.truncate(size - 1); // the terminating NUL
    return text;
}

// A JSON object, or nullopt for anything else.
std::optional<QJsonObject> parseObject(const QByteArray& raw)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString placeholder(const QString& name)
{
    return QStringLiteral("@conclave-secret:") + name + QLatin1Char('@');
}

// Replaces the quoted placeholder of each secret field in `body` with the base64 of its value,
// writing straight into a buffer of the final size so no partial copy is left behind.
QByteArray splice(const QByteArray& body, const std::vector<ApiConnection::SecretField>& secrets)
{
    QByteArray out = body;
    for (const auto& secret : secrets) {
        const QByteArray marker = placeholder(secret.name).toLatin1();
        const qsizetype at = out.indexOf(marker);
        if (at < 0 || !secret.value)
            continue;
        const SecureBytes text = base64(*secret.value);
        QByteArray next(out.size() - marker.size() + qsizetype(text.size()), Qt::Uninitialized);
        memcpy(next.data(), out.constData(), std::size_t(at));
        memcpy(next.data() + at, text.data(), text.size());
        memcpy(next.data() + at + qsizetype(text.size()), out.constData() + at + marker.size(),
               std::size_t(out.size() - at - marker.size()));
        secureWipe(out);
        out = std::move(next);
    }
    return out;
}

ApiError parseError(int status, const QByteArray& body, const QNetworkReply& reply, const Clock& clock)
{
    ApiError error;
    error.kind = ApiError::Kind::Server;
    error.status = status;
    const QJsonObject object =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    error.reason = object.value(QStringLiteral("code")).toString().left(64);
    error.field = object.value(QStringLiteral("field")).toString().left(128);
    error.detail = object.value(QStringLiteral("message")).toString().left(2000);
    if (status == 429 && error.reason.isEmpty())
        error.reason = QStringLiteral("rate-limited");
    if (status == 401 && error.reason.isEmpty())
        error.reason = QStringLiteral("unauthenticated");
    bool ok = false;
    const qint64 wait = reply.rawHeader("Retry-After").trimmed().toLongLong(&ok);
    // A hostile server cannot make the message say "try again in 300 years".
    if (ok && wait >= 0 && wait <= 7 * 24 * 3600) {
        error.retryAfterSeconds = int(wait);
        error.retryAt = clock.nowUtc().addSecs(wait);
    }
    return error;
}

} // namespace

ApiConnection::ApiConnection(QNetworkAccessManager& network, const QUrl& server, const Clock& clock,
                             QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_server(server.adjusted(QUrl::StripTrailingSlash))
    , m_clock(clock)
{}

ApiConnection::~ApiConnection() = default;

void ApiConnection::setToken(SecureBytes token)
{
    m_token = std::move(token);
    ++m_tokenGeneration;
}

void ApiConnection::clearToken()
{
    m_token.clear();
    ++m_tokenGeneration;
}

void ApiConnection::get(const QString& path, bool authenticated, QObject* context, Done done)
{
    send("GET", path, {}, {}, authenticated, context, std::move(done));
}

void ApiConnection::post(const QString& path, const QJsonObject& body, QObject* context, Done done)
{
    send("POST", path, body, {}, false, context, std::move(done));
}

void ApiConnection::del(const QString& path, QObject* context, Done done)
{
    send("DELETE", path, {}, {}, true, context, std::move(done));
}

void ApiConnection::send(const QByteArray& method, const QString& path, const QJsonObject& body,
                         const std::vector<SecretField>& secrets, bool authenticated, QObject* context,
                         Done done)
{
    // A query ("?cursor=5") is set as the URL's query, not escaped into the path.
    QUrl url = m_server;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(m_server.path() + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (authenticated && !m_token.isEmpty()) {
        QByteArray header = QByteArrayLiteral("Bearer ") + m_token.view().toByteArray();
        request.setRawHeader("Authorization", header);
        secureWipe(header);
    }

    // The body buffer lives until the reply ends and is wiped then: it may hold auth keys.
    auto payload = std::make_shared<QByteArray>();
    auto device = std::make_shared<QBuffer>();
    const bool hasBody = !body.isEmpty() || method == "POST" || method == "PUT";
    if (hasBody) {
        QJsonObject withPlaceholders = body;
        for (const auto& secret : secrets)
            withPlaceholders.insert(secret.name, placeholder(secret.name));
        *payload = splice(QJsonDocument(withPlaceholders).toJson(QJsonDocument::Compact), secrets);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, payload->size());
        device->setBuffer(payload.get());
        device->open(QIODevice::ReadOnly);
    }

    QNetworkReply* reply = m_network.sendCustomRequest(request, method, hasBody ? device.get() : nullptr);
    ++m_pending;
    auto timedOut = std::make_shared<bool>(false);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_timeout);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxReplyBytes)
            reply->abort();
    });

    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    const quint64 sentWith = m_tokenGeneration;
    const QString logPath = path;
    // What is left once the answer is read: the log line, the session check and `done`.
    auto finish = [this, guard, hadContext, authenticated, sentWith, method, logPath,
                   done = std::move(done)](ApiReply result) mutable {
        qCInfo(lcCoreSync) << method.constData() << logPath << "->" << result.status
                           << (result.ok() ? "ok" : qPrintable(result.error.reason));
        if (authenticated && result.status == 401 && sentWith == m_tokenGeneration)
            emit sessionRejected();
        if (hadContext && !guard)
            return;
        done(std::move(result));
    };
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, payload, device, timedOut, finish = std::move(finish)]() mutable {
                --m_pending;
                reply->deleteLater();
                device->close();
                secureWipe(*payload);

                ApiReply result;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                result.status = status;
                QByteArray raw = reply->bytesAvailable() > kMaxReplyBytes ? QByteArray() : reply->readAll();
                if (qobject_cast<RefusedReply*>(reply)) {
                    result.error.kind = ApiError::Kind::Refused;
                    result.error.detail = reply->errorString();
                } else if (*timedOut) {
                    result.error.kind = ApiError::Kind::Timeout;
                } else if (status == 0) {
                    result.error.kind = reply->error() == QNetworkReply::OperationCanceledError
                                            ? ApiError::Kind::Protocol // over the size cap
                                            : ApiError::Kind::Offline;
                    result.error.detail = reply->errorString();
                    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
                        result.error.reason = QStringLiteral("tls");
                } else if (status >= 200 && status < 300 && raw.size() >= kParseOffThreadBytes) {
                    // A large answer (a page of items) is parsed on a worker thread: the GUI
                    // thread this runs on would stall for milliseconds.
                    auto* watcher = new QFutureWatcher<std::optional<QJsonObject>>(this);
                    connect(watcher, &QFutureWatcherBase::finished, this,
                            [watcher, result = std::move(result), finish = std::move(finish)]() mutable {
                                watcher->deleteLater();
                                std::optional<QJsonObject> json = watcher->result();
                                if (json)
                                    result.json = std::move(*json);
                                else
                                    result.error.kind = ApiError::Kind::Protocol;
                                finish(std::move(result));
                            });
                    watcher->setFuture(QtConcurrent::run([raw = std::move(raw)]() mutable {
                        std::optional<QJsonObject> json = parseObject(raw);
                        secureWipe(raw);
                        return json;
                    }));
                    return;
                } else if (status >= 200 && status < 300) {
                    if (std::optional<QJsonObject> json = parseObject(raw))
                        result.json = std::move(*json);
                    else
                        result.error.kind = ApiError::Kind::Protocol;
                } else {
                    result.error = parseError(status, raw, *reply, m_clock);
                    // A refusal may carry data beyond the error model (a 409's rebase data).
                    const QJsonDocument doc = QJsonDocument::fromJson(raw);
                    if (doc.isObject())
                        result.json = doc.object();
                }
                secureWipe(raw);
                finish(std::move(result));
            });
}

} // namespace Conclave::Core
