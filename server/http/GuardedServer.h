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
    explicit GuardedServer(const ServerLimits& limits, QObject* parent = nullptr)
        : Listener(parent)
        , m_limits(limits)
    {}

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Listener::nextPendingConnection();
        if (socket)
            RequestSizeGuard::attach(socket, m_limits);
        return socket;
    }

private:
    const ServerLimits& m_limits;
};

} // namespace Conclave::Server
