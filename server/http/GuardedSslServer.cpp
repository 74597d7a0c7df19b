// Accepting connections with a request size guard.
#include "server/http/GuardedSslServer.h"

#include "server/http/RequestSizeGuard.h"

#include <QTcpSocket>

namespace Conclave::Server {

GuardedSslServer::GuardedSslServer(qint64 maxBodyBytes, QObject* parent)
    : QSslServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
{}

QTcpSocket* GuardedSslServer::nextPendingConnection()
{
    QTcpSocket* socket = QSslServer::nextPendingConnection();
    if (socket)
        RequestSizeGuard::attach(socket, m_maxBodyBytes);
    return socket;
}

} // namespace Conclave::Server
