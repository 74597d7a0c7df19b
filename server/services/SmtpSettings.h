// SmtpSettings: how the server reaches its SMTP submission server (app/ServerConfig reads
// them). An empty host sends mail to the outbox folder instead.
#pragma once

#include <QByteArray>
#include <QString>

namespace Conclave::Server {

struct SmtpSettings
{
    enum class Security
    {
        StartTls,
        None
    };
    QString host; // empty: mails go to the outbox folder
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user;
    QByteArray password; // from CONCLAVE_SMTP_PASSWORD or smtp/passwordFile
    QString from = QStringLiteral("conclave@localhost");
    QString caFile; // extra CA for the SMTP server's certificate
    int timeoutSeconds = 30;
};

} // namespace Conclave::Server
