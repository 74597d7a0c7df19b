// MailMessage: one outgoing plain-text mail (verification codes). Its recipient and body
// are personal data: they go to the SMTP server or the outbox, never to a log.
#pragma once

#include <QString>

namespace Conclave::Server {

struct MailMessage
{
    QString to;
    QString subject;
    QString body;
    QString logId; // internal id (user id) to name the mail in logs
};

} // namespace Conclave::Server
