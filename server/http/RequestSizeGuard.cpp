// Early 413 for oversized requests, ahead of Qt HTTP Server's buffering.
#include "server/http/RequestSizeGuard.h"

#include "server/http/HttpLog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace Conclave::Server {

namespace {
constexpr qint64 kUnparsable = -2;

// The declared Content-Length of a complete header block at the start of `head`, -1 when
// there is none (yet), kUnparsable when it is not a number of bytes.
qint64 declaredLength(const QByteArray& head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    for (const QByteArray& line : head.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed().toLower() != "content-length")
            continue;
        // Digits only (RFC 9110 §8.6): no sign, no exponent, no hex.
        const QByteArray digits = line.mid(colon + 1).trimmed();
        bool ok = !digits.isEmpty() &&
                  std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; });
        const qint64 value = ok ? digits.toLongLong(&ok) : -1;
        return ok ? value : kUnparsable;
    }
    return -1;
}

// The body limit for the request line at the start of `head`. Until the whole line is in,
// the general limit: a client that splits its request line gets no more than any other.
qint64 limitOfHead(const ServerLimits& limits, const QByteArray& head)
{
    const qsizetype end = head.indexOf("\r\n");
    if (end < 0)
        return limits.maxBodyBytes;
    const QList<QByteArray> parts = head.left(end).split(' ');
    if (parts.size() != 3)
        return limits.maxBodyBytes;
    return RequestSizeGuard::limitFor(limits, parts.at(0), parts.at(1));
}
} // namespace

RequestSizeGuard::RequestSizeGuard(QTcpSocket* socket, const ServerLimits& limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_maxBodyBytes(limits.maxBodyBytes)
{
    connect(socket, &QIODevice::readyRead, this, &RequestSizeGuard::onReadyRead);
}

void RequestSizeGuard::attach(QTcpSocket* socket, const ServerLimits& limits)
{
    new RequestSizeGuard(socket, limits);
}

qint64 RequestSizeGuard::limitFor(const ServerLimits& limits, QByteArrayView method, QByteArrayView path)
{
    static const QByteArrayView prefix("/api/v1/folders/");
    static const QByteArrayView suffix("/rotation");
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path = path.first(query);
    if (method != QByteArrayView("POST") || !path.startsWith(prefix) || !path.endsWith(suffix))
        return limits.maxBodyBytes;
    // Exactly one path segment between the two: the folder id.
    const QByteArrayView id = path.sliced(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (id.isEmpty() || id.contains('/'))
        return limits.maxBodyBytes;
    return limits.maxRotationBodyBytes;
}

ApiReply RequestSizeGuard::tooLarge(qint64 maxBodyBytes)
{
    return ApiReply::error(
        413, ApiReason::PayloadTooLarge,
        QCoreApplication::translate("ApiServer", "The request body is larger than the limit of %1 bytes.")
            .arg(maxBodyBytes));
}

void RequestSizeGuard::onReadyRead()
{
    // Qt HTTP Server reads each request inside a read transaction that it commits when the
    // request is complete; no open transaction means the next bytes start a new request.
    // Inside a transaction bytesAvailable() counts only the bytes Qt has not looked at yet.
    const bool newRequest = !m_socket->isTransactionStarted();
    if (newRequest)
        m_requestBytes = 0;
    const qint64 fresh = m_socket->bytesAvailable();
    if (newRequest) {
        const QByteArray head = m_socket->peek(kHeaderAllowance);
        m_maxBodyBytes = limitOfHead(m_limits, head);
        const qint64 declared = declaredLength(head);
        if (declared == kUnparsable)
            return reject(badLength());
        if (declared > m_maxBodyBytes)
            return reject(tooLarge(m_maxBodyBytes));
    }
    m_requestBytes += fresh;
    if (m_requestBytes > m_maxBodyBytes + kHeaderAllowance)
        reject(tooLarge(m_maxBodyBytes));
}

ApiReply RequestSizeGuard::badLength()
{
    return ApiReply::error(400, ApiReason::InvalidInput,
                           QStringLiteral("The Content-Length header is not a number of bytes."),
                           QStringLiteral("Content-Length"));
}

void RequestSizeGuard::reject(const ApiReply& reply)
{
    // Nothing more of this connection reaches Qt HTTP Server: its readyRead handler is
    // skipped for the rest of this emission and never called again.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    const QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    const QByteArray statusLine = reply.status == 413 ? QByteArray("413 Request Entity Too Large")
                                                      : QByteArray::number(reply.status) + " Bad Request";
    m_socket->write("HTTP/1.1 " + statusLine + "\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) +
                    "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body);
    // Closing with unread input would reset the connection and could destroy the answer
    // before the client reads it; so the rest is read and dropped for a short while.
    m_socket->readAll();
    connect(m_socket, &QIODevice::readyRead, this, [this] { m_socket->readAll(); });
    QTimer::singleShot(kLingerMs, this, [this] { m_socket->disconnectFromHost(); });
    qCInfo(lcServerHttp) << "request refused before reading it, status" << reply.status;
}

} // namespace Conclave::Server
