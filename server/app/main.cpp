// conclave-server's entry point; everything else lives in the server library.
#include "server/app/ServerApplication.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("conclave-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONCLAVE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Conclave"));
    Conclave::Server::ServerApplication server;
    return server.run(QCoreApplication::arguments());
}
