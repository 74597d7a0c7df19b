// GuardedTcpServer: a QTcpServer whose accepted connections get a RequestSizeGuard before
// Qt HTTP Server sees them (it takes each connection through nextPendingConnection()).
#pragma once

#include <QTcpServer>

namespace Conclave::Server {

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    explicit GuardedTcpServer(qint64 maxBodyBytes, QObject* parent = nullptr);
    QTcpSocket* nextPendingConnection() override;

private:
    qint64 m_maxBodyBytes;
};

} // namespace Conclave::Server
