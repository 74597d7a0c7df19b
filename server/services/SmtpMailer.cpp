// The SMTP client state machine.
#include "server/services/SmtpMailer.h"

#include "server/services/ServiceLog.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace Conclave::Server {

namespace {
QByteArray address(const QString& email)
{
    return '<' + email.toUtf8() + '>';
}
} // namespace

SmtpMailer::SmtpMailer(SmtpSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The mail server did not answer in time.")); });
}

SmtpMailer::~SmtpMailer()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void SmtpMailer::send(const MailMessage& message, Done done)
{
    m_queue.enqueue(Job{message, std::move(done)});
    if (m_state == State::Idle)
        startNext();
}

void SmtpMailer::startNext()
{
    if (m_queue.isEmpty()) {
        m_state = State::Idle;
        return;
    }
    m_current = std::make_unique<Job>(m_queue.dequeue());
    m_buffer.clear();
    m_replyLines.clear();
    m_socket = std::make_unique<QSslSocket>();
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_settings.caFile.isEmpty()) {
        auto certificates = ssl.caCertificates();
        certificates += QSslCertificate::fromPath(m_settings.caFile);
        ssl.setCaCertificates(certificates);
    }
    m_socket->setSslConfiguration(ssl);
    m_socket->setPeerVerifyName(m_settings.host);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &SmtpMailer::onReadyRead);
    connect(m_socket.get(), &QSslSocket::encrypted, this,
            [this] { command("EHLO conclave-server", State::Ehlo); });
    connect(m_socket.get(), &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state != State::Idle && m_state != State::Quit)
            fail(tr("The connection to the mail server failed."));
    });
    connect(m_socket.get(), &QSslSocket::sslErrors, this, [this](const QList<QSslError>&) {
        fail(tr("The mail server's TLS certificate is not trusted."));
    });
    m_state = State::Greeting;
    m_timeout.start(m_settings.timeoutSeconds * 1000);
    m_socket->connectToHost(m_settings.host, m_settings.port);
}

void SmtpMailer::onReadyRead()
{
    if (!m_socket)
        return;
    m_buffer += m_socket->readAll();
    qsizetype end;
    while ((end = m_buffer.indexOf("\r\n")) >= 0) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        if (line.size() < 3) {
            fail(tr("The mail server sent a reply that is not SMTP."));
            return;
        }
        m_replyLines.append(QString::fromUtf8(line.mid(4)));
        // "250-text" continues a reply; "250 text" (or "250") ends it.
        if (line.size() > 3 && line.at(3) == '-')
            continue;
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        const QStringList lines = m_replyLines;
        m_replyLines.clear();
        if (!ok) {
            fail(tr("The mail server sent a reply that is not SMTP."));
            return;
        }
        onReply(code, lines);
        if (!m_socket)
            return;
    }
}

void SmtpMailer::command(const QByteArray& line, State next)
{
    m_state = next;
    m_timeout.start(m_settings.timeoutSeconds * 1000);
    m_socket->write(line + "\r\n");
}

void SmtpMailer::onReply(int code, const QStringList& lines)
{
    switch (m_state) {
    case State::Greeting:
        if (code != 220)
            return fail(tr("The mail server refused the connection."));
        return command("EHLO conclave-server", State::Ehlo);
    case State::Ehlo:
        if (code != 250)
            return fail(tr("The mail server refused the greeting."));
        return afterEhlo(lines);
    case State::StartTls:
        if (code != 220)
            return fail(tr("The mail server refused to start TLS."));
        m_state = State::Ehlo;
        m_socket->startClientEncryption();
        return;
    case State::Auth:
        if (code != 235)
            return fail(tr("The mail server did not accept the SMTP user name and password."));
        return sendMailFrom();
    case State::MailFrom:
        if (code != 250)
            return fail(tr("The mail server refused the sender address."));
        return command("RCPT TO:" + address(m_current->message.to), State::RcptTo);
    case State::RcptTo:
        if (code != 250 && code != 251)
            return fail(tr("The mail server refused the recipient address."));
        return command("DATA", State::Data);
    case State::Data: {
        if (code != 354)
            return fail(tr("The mail server refused the message."));
        QByteArray text = Mailer::render(m_current->message, m_settings.from);
        // Dot-stuffing (RFC 5321 4.5.2).
        if (text.startsWith('.'))
            text.prepend('.');
        text.replace("\r\n.", "\r\n..");
        m_socket->write(text);
        return command(".", State::Body);
    }
    case State::Body:
        if (code != 250)
            return fail(tr("The mail server did not accept the message."));
        qCInfo(lcServerMail) << "mail for user" << m_current->message.logId << "accepted by the SMTP server";
        m_state = State::Quit;
        m_socket->write("QUIT\r\n");
        m_socket->disconnectFromHost();
        return finish({});
    case State::Quit:
    case State::Idle:
        return;
    }
}

void SmtpMailer::afterEhlo(const QStringList& lines)
{
    const bool encrypted = m_socket->isEncrypted();
    if (!encrypted && m_settings.security == SmtpSettings::Security::StartTls) {
        if (!lines.contains(QStringLiteral("STARTTLS"), Qt::CaseInsensitive))
            return fail(tr("The mail server does not offer STARTTLS, so no mail was sent."));
        return command("STARTTLS", State::StartTls);
    }
    if (!m_settings.user.isEmpty()) {
        if (!encrypted)
            return fail(tr("The SMTP password is only sent over an encrypted connection."));
        QByteArray credentials = '\0' + m_settings.user.toUtf8() + '\0' + m_settings.password;
        QByteArray line = "AUTH PLAIN " + credentials.toBase64();
        command(line, State::Auth);
        credentials.fill('\0');
        line.fill('\0');
        return;
    }
    sendMailFrom();
}

void SmtpMailer::sendMailFrom()
{
    command("MAIL FROM:" + address(m_settings.from), State::MailFrom);
}

void SmtpMailer::fail(const QString& message)
{
    if (!m_current)
        return;
    qCWarning(lcServerMail) << "mail for user" << m_current->message.logId << "not sent:" << message;
    finish(Core::Error::make(Core::ErrorCode::Network, message));
}

void SmtpMailer::finish(const Core::Status& status)
{
    m_timeout.stop();
    auto job = std::move(m_current);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        // The socket may be inside one of its own signals; let the event loop delete it.
        m_socket.release()->deleteLater();
    }
    if (job && job->done)
        job->done(status);
    m_state = State::Idle;
    startNext();
}

} // namespace Conclave::Server
