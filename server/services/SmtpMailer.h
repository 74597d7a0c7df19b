// SmtpMailer: sends mail through an SMTP submission server, one message at a time from a
// queue, fully asynchronous (no waitFor*). With security StartTls it refuses a server that
// does not offer STARTTLS, verifies the certificate, and only then authenticates (AUTH
// PLAIN); it never sends a password over an unencrypted connection.
#pragma once

#include "server/services/Mailer.h"
#include "server/services/SmtpSettings.h"

#include <QObject>
#include <QQueue>
#include <QSslSocket>
#include <QTimer>

#include <memory>

namespace Conclave::Server {

class SmtpMailer final : public QObject, public Mailer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpMailer)

public:
    explicit SmtpMailer(SmtpSettings settings, QObject* parent = nullptr);
    ~SmtpMailer() override;

    void send(const MailMessage& message, Done done = {}) override;

private:
    enum class State
    {
        Idle,
        Greeting,
        Ehlo,
        StartTls,
        Auth,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Quit
    };
    struct Job
    {
        MailMessage message;
        Done done;
    };

    void startNext();
    void onReadyRead();
    void onReply(int code, const QStringList& lines);
    void afterEhlo(const QStringList& lines);
    void sendMailFrom();
    void command(const QByteArray& line, State next);
    void finish(const Core::Status& status);
    void fail(const QString& message);

    SmtpSettings m_settings;
    QQueue<Job> m_queue;
    std::unique_ptr<Job> m_current;
    std::unique_ptr<QSslSocket> m_socket;
    QTimer m_timeout;
    State m_state = State::Idle;
    QByteArray m_buffer;
    QStringList m_replyLines;
};

} // namespace Conclave::Server
