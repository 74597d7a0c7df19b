// Mailer: how the server sends mail. SmtpMailer talks to an SMTP server (STARTTLS, AUTH);
// OutboxMailer writes .eml files to a folder when no SMTP server is configured.
#pragma once

#include "server/services/MailMessage.h"

#include "core/util/Result.h"

#include <QByteArray>

#include <functional>

namespace Conclave::Server {

class Mailer
{
public:
    using Done = std::function<void(const Core::Status&)>;
    Mailer() = default;
    virtual ~Mailer() = default;
    Q_DISABLE_COPY_MOVE(Mailer)
    // Sends asynchronously; `done` (optional) runs on the caller's thread when finished.
    virtual void send(const MailMessage& message, Done done = {}) = 0;

    // RFC 5322 text of the message with CRLF line ends and dot-stuffing left to the sender.
    static QByteArray render(const MailMessage& message, const QString& from);
};

} // namespace Conclave::Server
