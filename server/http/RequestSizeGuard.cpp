// Early 413 for oversized requests, ahead of Qt HTTP Server's buffering.
#include "server/http/RequestSizeGuard.h"

#include "server/http/HttpLog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace Conclave::Server {

namespace {
// The declared Content-Length of a complete header block at the start of `head`, or -1.
qint64 declaredLength(const QByteArray& head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    for (const QByteArray& line : head.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed().toLower() != "content-length")
            continue;
        bool ok = false;
        const qint64 value = line.mid(colon + 1).trimmed().toLongLong(&ok);
        // An unparsable length is treated as too large: Qt's parser would refuse it anyway.
        return ok && value >= 0 ? value : std::numeric_limits<qint64>::max();
    }
    return -1;
}
} // namespace

RequestSizeGuard::RequestSizeGuard(QTcpSocket* socket, qint64 maxBodyBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_maxBodyBytes(maxBodyBytes)
{
    connect(socket, &QIODevice::readyRead, this, &RequestSizeGuard::onReadyRead);
}

void RequestSizeGuard::attach(QTcpSocket* socket, qint64 maxBodyBytes)
{
    new RequestSizeGuard(socket, maxBodyBytes);
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
    if (newRequest && declaredLength(m_socket->peek(kHeaderAllowance)) > m_maxBodyBytes)
        return reject();
    m_requestBytes += fresh;
    if (m_requestBytes > m_maxBodyBytes + kHeaderAllowance)
        reject();
}

void RequestSizeGuard::reject()
{
    // Nothing more of this connection reaches Qt HTTP Server: its readyRead handler is
    // skipped for the rest of this emission and never called again.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    const QByteArray body = QJsonDocument(tooLarge(m_maxBodyBytes).body).toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\n"
                    "Content-Length: " +
                    QByteArray::number(body.size()) +
                    "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body);
    // Closing with unread input would reset the connection and could destroy the answer
    // before the client reads it; so the rest is read and dropped for a short while.
    m_socket->readAll();
    connect(m_socket, &QIODevice::readyRead, this, [this] { m_socket->readAll(); });
    QTimer::singleShot(kLingerMs, this, [this] { m_socket->disconnectFromHost(); });
    qCInfo(lcServerHttp) << "request over the body limit refused before reading it";
}

} // namespace Conclave::Server
