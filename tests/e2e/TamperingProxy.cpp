// The tampering reverse proxy; see the header.
#include "TamperingProxy.h"

#include "Gunzip.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

#include <optional>

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

struct Head
{
    QByteArray firstLine;
    Headers headers;
    qsizetype size = 0; // bytes up to and including the blank line
};

// The head of a request or answer at the start of `buffer`, once it is complete.
std::optional<Head> parseHead(const QByteArray& buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    Head head;
    head.size = end + 4;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    head.firstLine = lines.value(0).trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            head.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return head;
}

QByteArray header(const Headers& headers, const char* name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// A chunked body starting at `from`: the decoded bytes and where the message ends, or
// nothing while it is incomplete. Trailers are read and dropped.
std::optional<std::pair<QByteArray, qsizetype>> decodeChunked(const QByteArray& buffer, qsizetype from)
{
    QByteArray body;
    qsizetype at = from;
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", at);
        if (lineEnd < 0)
            return std::nullopt;
        QByteArray sizeText = buffer.mid(at, lineEnd - at);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return std::pair<QByteArray, qsizetype>{body, buffer.size()}; // unreadable: take what came
        at = lineEnd + 2;
        if (size == 0) {
            // Optional trailers, then the blank line.
            for (;;) {
                const qsizetype trailerEnd = buffer.indexOf("\r\n", at);
                if (trailerEnd < 0)
                    return std::nullopt;
                const bool blank = trailerEnd == at;
                at = trailerEnd + 2;
                if (blank)
                    return std::pair<QByteArray, qsizetype>{body, at};
            }
        }
        if (buffer.size() < at + size + 2)
            return std::nullopt;
        body.append(buffer.mid(at, size));
        at += size + 2;
    }
}

} // namespace

QString TamperingProxy::Exchange::path() const
{
    const qsizetype query = target.indexOf('?');
    return QString::fromLatin1(query < 0 ? target : target.left(query));
}

QString TamperingProxy::Exchange::query() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? QString() : QString::fromLatin1(target.mid(query + 1));
}

bool TamperingProxy::Exchange::is(const char* wantedMethod, const QString& pathPattern) const
{
    if (method != wantedMethod)
        return false;
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(pathPattern));
    return pattern.match(path()).hasMatch();
}

QJsonObject TamperingProxy::Exchange::json() const
{
    return QJsonDocument::fromJson(responseBody).object();
}

void TamperingProxy::Exchange::setJson(const QJsonObject& json)
{
    responseBody = QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// One client connection and the server connection it is relayed over. Requests are handled
// one at a time in order (HTTP/1.1 without pipelining, as Qt's network access sends them).
struct TamperingProxy::Connection
{
    QTcpSocket* client = nullptr;
    QTcpSocket* upstream = nullptr;
    QByteArray fromClient;
    QByteArray fromUpstream;
    QByteArray waitingForUpstream; // written once the server connection is up
    std::optional<Exchange> current;
    bool tunnel = false;
};

TamperingProxy::TamperingProxy(const QUrl& upstream, QObject* parent)
    : QObject(parent)
    , m_upstream(upstream)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TamperingProxy::accept);
}

TamperingProxy::~TamperingProxy()
{
    m_server.close();
    const QList<Connection*> open = m_connections;
    for (Connection* c : open)
        drop(c);
}

bool TamperingProxy::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void TamperingProxy::setOffline(bool offline)
{
    if (!offline) {
        if (!m_server.isListening())
            (void)listen();
        return;
    }
    m_server.close();
    const QList<Connection*> open = m_connections;
    for (Connection* c : open)
        drop(c);
}

QUrl TamperingProxy::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

const TamperingProxy::Exchange* TamperingProxy::lastHonest(const char* method,
                                                           const QString& pathPattern) const
{
    for (qsizetype i = m_honest.size() - 1; i >= 0; --i) {
        if (m_honest.at(i).is(method, pathPattern))
            return &m_honest.at(i);
    }
    return nullptr;
}

void TamperingProxy::accept()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto* c = new Connection;
        c->client = socket;
        m_connections.append(c);
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { readClient(c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c] { drop(c); });
    }
}

void TamperingProxy::drop(Connection* c)
{
    if (!m_connections.removeOne(c))
        return;
    c->client->disconnect(this);
    c->client->abort();
    c->client->deleteLater();
    if (c->upstream) {
        c->upstream->disconnect(this);
        c->upstream->abort();
        c->upstream->deleteLater();
    }
    delete c;
}

void TamperingProxy::readClient(Connection* c)
{
    const QByteArray data = c->client->readAll();
    record(data);
    if (c->tunnel) {
        if (c->upstream)
            c->upstream->write(data);
        return;
    }
    c->fromClient.append(data);
    forward(c);
}

// Takes the next complete request from the client's bytes and sends it to the server.
void TamperingProxy::forward(Connection* c)
{
    if (c->current || c->tunnel)
        return;
    const std::optional<Head> head = parseHead(c->fromClient);
    if (!head)
        return;
    QByteArray body;
    qsizetype consumed = head->size;
    if (header(head->headers, "Transfer-Encoding").toLower().contains("chunked")) {
        const auto chunked = decodeChunked(c->fromClient, head->size);
        if (!chunked)
            return;
        body = chunked->first;
        consumed = chunked->second;
    } else {
        const qsizetype length = header(head->headers, "Content-Length").toLongLong();
        if (c->fromClient.size() < head->size + length)
            return;
        body = c->fromClient.mid(head->size, length);
        consumed = head->size + length;
    }
    const QByteArray raw = c->fromClient.left(consumed);
    c->fromClient.remove(0, consumed);

    Exchange exchange;
    const QList<QByteArray> parts = head->firstLine.split(' ');
    exchange.method = parts.value(0);
    exchange.target = parts.value(1);
    exchange.requestHeaders = head->headers;
    exchange.requestBody = body;
    c->current = exchange;

    if (!c->upstream) {
        c->upstream = new QTcpSocket(this);
        QTcpSocket* upstream = c->upstream;
        connect(upstream, &QTcpSocket::connected, this, [c, upstream] {
            upstream->write(c->waitingForUpstream);
            c->waitingForUpstream.clear();
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, c] { readUpstream(c); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, c, upstream] {
            if (c->upstream != upstream)
                return;
            if (c->tunnel || c->current) {
                // An answer read to the end of the connection, or one cut off.
                if (c->current && !c->fromUpstream.isEmpty()) {
                    readUpstream(c);
                    if (!c->current)
                        return;
                }
                return drop(c);
            }
            upstream->deleteLater();
            c->upstream = nullptr;
        });
        c->waitingForUpstream = raw;
        upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
    } else if (c->upstream->state() == QAbstractSocket::ConnectedState) {
        c->upstream->write(raw);
    } else {
        c->waitingForUpstream.append(raw);
    }
}

void TamperingProxy::readUpstream(Connection* c)
{
    const QByteArray data = c->upstream ? c->upstream->readAll() : QByteArray();
    record(data);
    if (c->tunnel) {
        c->client->write(data);
        return;
    }
    c->fromUpstream.append(data);
    if (!c->current)
        return;
    const std::optional<Head> head = parseHead(c->fromUpstream);
    if (!head)
        return;
    const QList<QByteArray> parts = head->firstLine.split(' ');
    const int status = parts.value(1).toInt();
    if (status == 101) {
        // A WebSocket: from here on bytes pass unchanged both ways.
        c->tunnel = true;
        c->client->write(c->fromUpstream);
        c->fromUpstream.clear();
        m_history.append(*c->current);
        c->current.reset();
        if (!c->fromClient.isEmpty()) {
            c->upstream->write(c->fromClient);
            c->fromClient.clear();
        }
        return;
    }

    QByteArray body;
    qsizetype consumed = head->size;
    const bool noBody = c->current->method == "HEAD" || status == 204 || status == 304 || status < 200;
    const QByteArray length = header(head->headers, "Content-Length");
    if (noBody) {
    } else if (header(head->headers, "Transfer-Encoding").toLower().contains("chunked")) {
        const auto chunked = decodeChunked(c->fromUpstream, head->size);
        if (!chunked)
            return;
        body = chunked->first;
        consumed = chunked->second;
    } else if (!length.isEmpty()) {
        const qsizetype size = length.toLongLong();
        if (c->fromUpstream.size() < head->size + size)
            return;
        body = c->fromUpstream.mid(head->size, size);
        consumed = head->size + size;
    } else {
        // Neither: the body runs to the end of the connection.
        if (c->upstream && c->upstream->state() == QAbstractSocket::ConnectedState)
            return;
        body = c->fromUpstream.mid(head->size);
        consumed = c->fromUpstream.size();
    }
    c->fromUpstream.remove(0, consumed);

    Exchange exchange = *c->current;
    c->current.reset();
    exchange.status = status;
    exchange.reasonPhrase = parts.mid(2).join(' ');
    // A compressed answer is inflated and sent on as it is then: the rules and the traffic
    // record see its JSON.
    const bool gzipped = header(head->headers, "Content-Encoding").trimmed().toLower() == "gzip";
    std::optional<QByteArray> inflated = gzipped ? gunzip(body) : std::nullopt;
    exchange.responseBody = inflated ? *inflated : body;
    for (const auto& [key, value] : head->headers) {
        if (key.compare("Content-Length", Qt::CaseInsensitive) != 0 &&
            key.compare("Transfer-Encoding", Qt::CaseInsensitive) != 0 &&
            !(inflated && key.compare("Content-Encoding", Qt::CaseInsensitive) == 0))
            exchange.responseHeaders.append({key, value});
    }
    m_honest.append(exchange);
    if (m_rule)
        m_rule(exchange);

    QByteArray out = "HTTP/1.1 " + QByteArray::number(exchange.status) + ' ' + exchange.reasonPhrase + "\r\n";
    for (const auto& [key, value] : exchange.responseHeaders)
        out += key + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(exchange.responseBody.size()) + "\r\n\r\n";
    out += exchange.responseBody;
    record(out);
    c->client->write(out);
    m_history.append(exchange);
    forward(c);
}
