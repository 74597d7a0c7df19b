// OutboxMailer: with no SMTP server configured, each mail becomes a 0600 .eml file in the
// outbox folder, where a local user (or the README's local set-up) reads the code.
#pragma once

#include "server/services/Mailer.h"

#include <QString>

namespace Conclave::Server {

class OutboxMailer final : public Mailer
{
public:
    OutboxMailer(QString dir, QString from);
    Q_DISABLE_COPY_MOVE(OutboxMailer)
    void send(const MailMessage& message, Done done = {}) override;

private:
    QString m_dir;
    QString m_from;
};

} // namespace Conclave::Server
