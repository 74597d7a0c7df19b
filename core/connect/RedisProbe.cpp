// Redis serialization protocol (RESP2), client side: AUTH, INFO server, QUIT.
#include "core/connect/RedisProbe.h"

#include "core/connect/ProbeHost.h"

#include <QList>

namespace Conclave::Core {

namespace {

constexpr qsizetype kMaxReply = 1 << 20;

void appendBulk(QByteArray& out, QByteArrayView value)
{
    out.append('$').append(QByteArray::number(value.size())).append("\r\n").append(value).append("\r\n");
}

QByteArray command(std::initializer_list<QByteArrayView> words)
{
    QByteArray out;
    // One allocation, so no partial copy of a password is left behind by a reallocation.
    qsizetype size = 16;
    for (QByteArrayView word : words)
        size += word.size() + 16;
    out.reserve(size);
    out.append('*').append(QByteArray::number(qsizetype(words.size()))).append("\r\n");
    for (QByteArrayView word : words)
        appendBulk(out, word);
    return out;
}

} // namespace

void RedisProbe::start(ProbeHost& host)
{
    m_user = host.userName();
    if (host.password().isEmpty()) {
        sendInfo(host);
        return;
    }
    host.enterStage(ProbeResult::Stage::Authentication);
    m_state = State::Auth;
    const QByteArray user = m_user.toUtf8();
    QByteArray auth = user.isEmpty() ? command({"AUTH", host.password().view()})
                                     : command({"AUTH", user, host.password().view()});
    host.addStep(user.isEmpty() ? tr("Signing in with the password.") : tr("Signing in as %1.").arg(m_user));
    host.send(auth);
    secureWipe(auth);
}

void RedisProbe::sendInfo(ProbeHost& host)
{
    m_state = State::Info;
    host.enterStage(ProbeResult::Stage::Greeting);
    host.send(command({"INFO", "server"}));
}

std::optional<RedisProbe::Reply> RedisProbe::takeReply(ProbeHost& host, QByteArray& buffer)
{
    const qsizetype lineEnd = buffer.indexOf("\r\n");
    if (lineEnd < 0) {
        if (buffer.size() > kMaxReply)
            finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like Redis.")));
        return std::nullopt;
    }
    const char type = buffer.at(0);
    QByteArray line = buffer.mid(1, lineEnd - 1);
    if (type == '+' || type == '-' || type == ':') {
        buffer.remove(0, lineEnd + 2);
        return Reply{type, line};
    }
    if (type == '$') {
        bool ok = false;
        const qsizetype length = line.toLongLong(&ok);
        if (!ok || length > kMaxReply || length < -1) {
            finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like Redis.")));
            return std::nullopt;
        }
        if (length == -1) {
            buffer.remove(0, lineEnd + 2);
            return Reply{type, {}};
        }
        if (buffer.size() < lineEnd + 2 + length + 2)
            return std::nullopt;
        Reply reply{type, buffer.mid(lineEnd + 2, length)};
        buffer.remove(0, lineEnd + 2 + length + 2);
        return reply;
    }
    finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like Redis.")));
    return std::nullopt;
}

void RedisProbe::received(ProbeHost& host, QByteArray& buffer)
{
    while (m_state != State::Finished && !buffer.isEmpty()) {
        const std::optional<Reply> reply = takeReply(host, buffer);
        if (!reply)
            return;
        if (m_state == State::Auth) {
            if (reply->type == '+') {
                m_signedIn = true;
                host.addStep(tr("Signed in."));
                sendInfo(host);
            } else if (reply->text.startsWith("WRONGPASS") || reply->text.contains("invalid password") ||
                       reply->text.contains("invalid username-password")) {
                finishWith(host, Error::make(ErrorCode::Denied, tr("Wrong user name or password.")));
            } else if (reply->text.contains("without any password configured")) {
                host.addStep(tr("The server has no password set; none was needed."));
                sendInfo(host);
            } else {
                finishWith(host, Error::make(ErrorCode::Denied, tr("The server refused the sign-in: %1")
                                                                    .arg(QString::fromUtf8(reply->text))));
            }
            continue;
        }
        // INFO server
        if (reply->type == '-') {
            if (reply->text.startsWith("NOAUTH")) {
                host.enterStage(ProbeResult::Stage::Authentication);
                finishWith(host, Error::make(ErrorCode::Denied,
                                             tr("The server asks for a password, and none was given.")));
            } else {
                finishWith(host,
                           Error::make(
                               ErrorCode::Unavailable,
                               tr("The server refused the request: %1").arg(QString::fromUtf8(reply->text))));
            }
            continue;
        }
        if (reply->type != '$') {
            finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like Redis.")));
            continue;
        }
        QString version;
        QString mode;
        const QList<QByteArray> lines = reply->text.split('\n');
        for (const QByteArray& rawLine : lines) {
            const QByteArray entry = rawLine.trimmed();
            if (entry.startsWith("redis_version:"))
                version = QString::fromUtf8(entry.mid(14));
            else if (entry.startsWith("redis_mode:"))
                mode = QString::fromUtf8(entry.mid(11));
        }
        m_state = State::Finished;
        host.send(command({"QUIT"}));
        if (!mode.isEmpty() && mode != QLatin1String("standalone"))
            host.addStep(tr("The server runs in %1 mode.").arg(mode));
        host.enterStage(ProbeResult::Stage::Done);
        const QString name = version.isEmpty() ? tr("Redis") : tr("Redis %1").arg(version);
        QString summary;
        if (!m_signedIn)
            summary = tr("Connected to %1.").arg(name);
        else if (m_user.isEmpty())
            summary = tr("Connected to %1; signed in.").arg(name);
        else
            summary = tr("Connected to %1; signed in as %2.").arg(name, m_user);
        host.succeed(summary, version);
    }
}

void RedisProbe::finishWith(ProbeHost& host, const Error& error)
{
    m_state = State::Finished;
    host.fail(error);
}

} // namespace Conclave::Core
