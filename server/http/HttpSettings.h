// HttpSettings: where and how the HTTP layer listens (app/ServerConfig reads them).
#pragma once

#include <QHostAddress>
#include <QString>

namespace Conclave::Server {

struct HttpSettings
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8443;
    QString tlsCertificate;
    QString tlsKey;
    bool trustForwardedFor = false; // take the client address from X-Real-IP (behind nginx)
};

} // namespace Conclave::Server
