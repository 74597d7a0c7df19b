// GuardedServer: a listening server (QTcpServer for HTTP, QSslServer for HTTPS) whose
// accepted connections get a RequestSizeGuard before Qt HTTP Server sees them (it takes each
// connection through nextPendingConnection()). One template for both, so the plain and the
// TLS listener can never differ in how they guard.
#pragma once

#include "server/http/RequestSizeGuard.h"

#include <QTcpSocket>

namespace Conclave::Server {

template<typename Listener> class GuardedServer final : public Listener
{
public:
    explicit GuardedServer(qint64 maxBodyBytes, QObject* parent = nullptr)
        : Listener(parent)
        , m_maxBodyBytes(maxBodyBytes)
    {}

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Listener::nextPendingConnection();
        if (socket)
            RequestSizeGuard::attach(socket, m_maxBodyBytes);
        return socket;
    }

private:
    qint64 m_maxBodyBytes;
};

} // namespace Conclave::Server
