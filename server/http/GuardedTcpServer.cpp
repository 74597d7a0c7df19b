// Accepting connections with a request size guard.
#include "server/http/GuardedTcpServer.h"

#include "server/http/RequestSizeGuard.h"

#include <QTcpSocket>

namespace Conclave::Server {

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, QObject* parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
{}

QTcpSocket* GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket* socket = QTcpServer::nextPendingConnection();
    if (socket)
        RequestSizeGuard::attach(socket, m_maxBodyBytes);
    return socket;
}

} // namespace Conclave::Server
