// GuardedSslServer: a QSslServer whose accepted connections get a RequestSizeGuard before
// Qt HTTP Server sees them (it takes each connection through nextPendingConnection()).
#pragma once

#include <QSslServer>

namespace Conclave::Server {

class GuardedSslServer final : public QSslServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedSslServer)

public:
    explicit GuardedSslServer(qint64 maxBodyBytes, QObject* parent = nullptr);
    QTcpSocket* nextPendingConnection() override;

private:
    qint64 m_maxBodyBytes;
};

} // namespace Conclave::Server
