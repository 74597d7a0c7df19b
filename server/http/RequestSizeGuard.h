// RequestSizeGuard: stops an oversized request on the socket, before Qt HTTP Server buffers it.
// Qt HTTP Server 6.4 keeps a whole request (and a copy in the socket's read transaction) in
// memory before any handler runs, so a body limit checked only in the handler still lets one
// client make the server hold gigabytes. The guard sees every chunk first: a declared
// Content-Length over the limit, or more bytes for one request than the limit plus room for
// headers, is answered with 413 and the connection is closed; a Content-Length that is not a
// number of bytes gets 400 the same way. The limit follows the request line (limitFor): a
// rotation may be far larger than any other request.
#pragma once

#include "server/http/ApiReply.h"
#include "server/services/ServerLimits.h"

#include <QObject>

class QTcpSocket;

namespace Conclave::Server {

class RequestSizeGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestSizeGuard)

public:
    // Bytes of request line and headers allowed on top of the body limit.
    static constexpr qint64 kHeaderAllowance = 64 * 1024;
    // How long input is still read (and dropped) after the 413 before the connection closes.
    static constexpr int kLingerMs = 2000;

    // Watches `socket` (the guard becomes its child). Call before anything else connects to
    // the socket's readyRead so the guard's check runs first.
    static void attach(QTcpSocket* socket, const ServerLimits& limits);
    // The body limit of one request: maxRotationBodyBytes for POST /api/v1/folders/{id}/rotation
    // (any spelling of the id: the route decides what it accepts), maxBodyBytes for the rest.
    static qint64 limitFor(const ServerLimits& limits, QByteArrayView method, QByteArrayView path);
    // The 413 answer, shared with ApiServer's own check.
    static ApiReply tooLarge(qint64 maxBodyBytes);
    // The 400 for a Content-Length that is not a number of bytes, shared likewise.
    static ApiReply badLength();

private:
    RequestSizeGuard(QTcpSocket* socket, const ServerLimits& limits);
    void onReadyRead();
    void reject(const ApiReply& reply);

    QTcpSocket* m_socket;
    ServerLimits m_limits;
    qint64 m_maxBodyBytes; // of the request being read
    qint64 m_requestBytes = 0;
};

} // namespace Conclave::Server
