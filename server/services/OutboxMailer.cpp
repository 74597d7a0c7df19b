// Writing mail to the outbox folder.
#include "server/services/OutboxMailer.h"

#include "server/services/ServiceLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QUuid>

namespace Conclave::Server {

namespace {
QString mailerTr(const char* text)
{
    return QCoreApplication::translate("Mailer", text);
}
} // namespace

QByteArray Mailer::render(const MailMessage& message, const QString& from)
{
    QByteArray text;
    text += "From: " + from.toUtf8() + "\r\n";
    text += "To: " + message.to.toUtf8() + "\r\n";
    text += "Subject: =?UTF-8?B?" + message.subject.toUtf8().toBase64() + "?=\r\n";
    text += "Date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8() + "\r\n";
    text += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() + "@conclave>\r\n";
    text += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n";
    QByteArray body = message.body.toUtf8();
    body.replace("\r\n", "\n");
    body.replace('\n', "\r\n");
    text += body;
    if (!text.endsWith("\r\n"))
        text += "\r\n";
    return text;
}

OutboxMailer::OutboxMailer(QString dir, QString from)
    : m_dir(std::move(dir))
    , m_from(std::move(from))
{}

void OutboxMailer::send(const MailMessage& message, Done done)
{
    QDir().mkpath(m_dir);
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString name = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")) +
                         QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces) +
                         QStringLiteral(".eml");
    QSaveFile file(QDir(m_dir).filePath(name));
    Core::Status status;
    if (!file.open(QIODevice::WriteOnly) || file.write(render(message, m_from)) < 0 ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !file.commit()) {
        qCWarning(lcServerMail) << "outbox write failed for user" << message.logId;
        status =
            Core::Error::make(Core::ErrorCode::Io, mailerTr("The mail could not be written to the outbox."));
    } else {
        qCInfo(lcServerMail) << "mail for user" << message.logId << "written to the outbox";
    }
    if (done)
        done(status);
}

} // namespace Conclave::Server
