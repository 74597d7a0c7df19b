// PostgreSQL wire protocol 3.0, client side, just far enough to sign in and learn the version.
#include "core/connect/PostgresProbe.h"

#include "core/connect/ProbeHost.h"
#include "core/util/LogCategories.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace Conclave::Core {

namespace {

constexpr qint32 kSslRequestCode = 80877103;
constexpr qint32 kProtocolVersion3 = 196608;
constexpr qint32 kMaxMessageLength = 1 << 20;

enum AuthCode : qint32
{
    AuthOk = 0,
    AuthCleartext = 3,
    AuthMd5 = 5,
    AuthSasl = 10,
    AuthSaslContinue = 11,
    AuthSaslFinal = 12,
};

void appendInt32(QByteArray& out, qint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

qint32 readInt32(QByteArrayView bytes, qsizetype offset)
{
    return qFromBigEndian<qint32>(bytes.data() + offset);
}

// A frontend message: type byte, length (counting itself), body. The caller wipes `body`
// when it held a secret; the returned message is wiped by sendPasswordMessage().
QByteArray message(char type, QByteArrayView body)
{
    QByteArray out;
    out.reserve(body.size() + 5);
    out.append(type);
    appendInt32(out, qint32(body.size() + 4));
    out.append(body);
    return out;
}

} // namespace

PostgresProbe::PostgresProbe() = default;
PostgresProbe::~PostgresProbe() = default;

void PostgresProbe::start(ProbeHost& host)
{
    m_user = host.userName();
    if (m_user.isEmpty()) {
        host.enterStage(ProbeResult::Stage::Authentication);
        host.fail(Error::make(ErrorCode::InvalidInput,
                              tr("PostgreSQL needs a user name to answer; enter one to test the connection."),
                              QStringLiteral("username")));
        m_state = State::Finished;
        return;
    }
    if (host.tlsWanted()) {
        host.enterStage(ProbeResult::Stage::Tls);
        host.addStep(tr("Asking the server to switch to TLS."));
        QByteArray request;
        appendInt32(request, 8);
        appendInt32(request, kSslRequestCode);
        host.send(request);
        m_state = State::SslReply;
        return;
    }
    sendStartup(host);
}

void PostgresProbe::encrypted(ProbeHost& host)
{
    sendStartup(host);
}

void PostgresProbe::sendStartup(ProbeHost& host)
{
    QString database = host.connection().defaultDatabase;
    if (database.isEmpty())
        database = QStringLiteral("postgres"); // libpq would use the user name, rarely a database
    QByteArray body;
    appendInt32(body, kProtocolVersion3);
    const auto param = [&body](const char* name, const QString& value) {
        body.append(name).append('\0').append(value.toUtf8()).append('\0');
    };
    param("user", m_user);
    param("database", database);
    param("application_name", QStringLiteral("Conclave connection test"));
    body.append('\0');
    QByteArray startup;
    appendInt32(startup, qint32(body.size() + 4));
    startup.append(body);
    host.addStep(tr("Sending the startup message for user %1.").arg(m_user));
    host.send(startup);
    m_state = State::Authenticating;
}

void PostgresProbe::received(ProbeHost& host, QByteArray& buffer)
{
    if (m_state == State::SslReply) {
        const char reply = buffer.at(0);
        buffer.remove(0, 1);
        if (reply == 'S') {
            // Bytes after 'S' would arrive unencrypted and could be injected (CVE-2021-23222).
            if (!buffer.isEmpty()) {
                finishWith(host, Error::make(ErrorCode::Protocol,
                                             tr("The server sent unexpected data before the TLS "
                                                "handshake.")));
                return;
            }
            m_state = State::Authenticating;
            host.startTls();
            return;
        }
        if (reply == 'N') {
            finishWith(host, Error::make(ErrorCode::Unavailable,
                                         tr("TLS handshake failed: the server does not accept TLS "
                                            "connections.")));
            return;
        }
        finishWith(host, Error::make(ErrorCode::Protocol,
                                     tr("The server did not answer like PostgreSQL to the TLS request.")));
        return;
    }

    while (m_state != State::Finished && buffer.size() >= 5) {
        const char type = buffer.at(0);
        const qint32 length = readInt32(buffer, 1);
        if (length < 4 || length > kMaxMessageLength) {
            finishWith(host,
                       Error::make(ErrorCode::Protocol, tr("The server did not answer like PostgreSQL.")));
            return;
        }
        if (buffer.size() < length + 1)
            return;
        const QByteArray body = buffer.mid(5, length - 4);
        buffer.remove(0, length + 1);
        handleMessage(host, type, body);
    }
}

void PostgresProbe::handleMessage(ProbeHost& host, char type, QByteArrayView body)
{
    switch (type) {
    case 'R':
        handleAuthentication(host, body);
        return;
    case 'E':
        handleError(host, body);
        return;
    case 'S': {
        const QList<QByteArray> pair = body.toByteArray().split('\0');
        if (pair.size() >= 2 && pair.at(0) == "server_version")
            m_serverVersion = QString::fromUtf8(pair.at(1));
        return;
    }
    case 'Z': {
        if (m_state != State::AwaitingReady) {
            finishWith(host,
                       Error::make(ErrorCode::Protocol, tr("The server reported ready before signing in.")));
            return;
        }
        m_state = State::Finished;
        host.send(message('X', {})); // Terminate
        host.enterStage(ProbeResult::Stage::Done);
        const QString shortVersion = m_serverVersion.section(QLatin1Char(' '), 0, 0);
        const QString summary =
            shortVersion.isEmpty()
                ? tr("Connected to PostgreSQL; signed in as %1.").arg(m_user)
                : tr("Connected to PostgreSQL %1; signed in as %2.").arg(shortVersion, m_user);
        host.succeed(summary, m_serverVersion);
        return;
    }
    case 'K': // backend key data
    case 'N': // notice
    case 'v': // NegotiateProtocolVersion: we only use 3.0 features
        return;
    default:
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like PostgreSQL.")));
    }
}

void PostgresProbe::handleAuthentication(ProbeHost& host, QByteArrayView body)
{
    if (body.size() < 4 || m_state != State::Authenticating) {
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like PostgreSQL.")));
        return;
    }
    const qint32 code = readInt32(body, 0);
    const QByteArrayView data = body.sliced(4);
    host.enterStage(ProbeResult::Stage::Authentication);

    const bool needsPassword = code == AuthCleartext || code == AuthMd5 || code == AuthSasl;
    if (needsPassword && host.password().isEmpty()) {
        finishWith(host,
                   Error::make(ErrorCode::Denied, tr("The server asks for a password, and none was given.")));
        return;
    }

    switch (code) {
    case AuthOk:
        host.addStep(tr("Signed in as %1.").arg(m_user));
        m_state = State::AwaitingReady;
        return;
    case AuthCleartext: {
        if (!host.tlsActive()) {
            finishWith(host, Error::make(ErrorCode::Denied,
                                         tr("The server asks for the password in clear text over an "
                                            "unencrypted connection; it was not sent. Turn on TLS.")));
            return;
        }
        host.addStep(tr("Signing in with a password (protected by TLS)."));
        QByteArray payload = host.password().view().toByteArray();
        payload.append('\0');
        sendPasswordMessage(host, payload);
        return;
    }
    case AuthMd5: {
        if (data.size() < 4) {
            finishWith(host,
                       Error::make(ErrorCode::Protocol, tr("The server did not answer like PostgreSQL.")));
            return;
        }
        host.addStep(tr("Signing in with md5 password authentication."));
        QCryptographicHash inner(QCryptographicHash::Md5);
        inner.addData(host.password().view());
        inner.addData(m_user.toUtf8());
        QByteArray innerHex = inner.result().toHex();
        QCryptographicHash outer(QCryptographicHash::Md5);
        outer.addData(innerHex);
        outer.addData(data.first(4));
        QByteArray payload = "md5" + outer.result().toHex();
        payload.append('\0');
        secureWipe(innerHex);
        sendPasswordMessage(host, payload);
        return;
    }
    case AuthSasl: {
        const QList<QByteArray> mechanisms = data.toByteArray().split('\0');
        if (!mechanisms.contains("SCRAM-SHA-256")) {
            finishWith(host, Error::make(ErrorCode::Unavailable,
                                         tr("The server offers no sign-in method that Conclave supports.")));
            return;
        }
        host.addStep(tr("Signing in with SCRAM-SHA-256."));
        m_scram = std::make_unique<ScramSha256>();
        const QByteArray first = m_scram->clientFirstMessage();
        QByteArray initial;
        initial.append("SCRAM-SHA-256").append('\0');
        appendInt32(initial, qint32(first.size()));
        initial.append(first);
        host.send(message('p', initial));
        return;
    }
    case AuthSaslContinue: {
        if (!m_scram) {
            finishWith(host,
                       Error::make(ErrorCode::Protocol, tr("The server did not answer like PostgreSQL.")));
            return;
        }
        Result<QByteArray> final = m_scram->clientFinalMessage(data, host.password());
        if (!final) {
            finishWith(host, final.error());
            return;
        }
        host.send(message('p', *final));
        return;
    }
    case AuthSaslFinal: {
        if (!m_scram) {
            finishWith(host,
                       Error::make(ErrorCode::Protocol, tr("The server did not answer like PostgreSQL.")));
            return;
        }
        const Status verified = m_scram->verifyServerFinal(data);
        m_scram.reset();
        if (!verified)
            finishWith(host, verified.error());
        else
            host.addStep(tr("The server proved that it knows the password."));
        return;
    }
    default:
        finishWith(host, Error::make(ErrorCode::Unavailable,
                                     tr("The server asks for a sign-in method that Conclave does not "
                                        "support (code %1).")
                                         .arg(code)));
    }
}

void PostgresProbe::sendPasswordMessage(ProbeHost& host, QByteArray& payload)
{
    QByteArray out = message('p', payload);
    host.send(out);
    secureWipe(out);
    secureWipe(payload);
}

void PostgresProbe::handleError(ProbeHost& host, QByteArrayView body)
{
    QString sqlState;
    QString text;
    qsizetype i = 0;
    while (i < body.size() && body.at(i) != '\0') {
        const char field = body.at(i++);
        const qsizetype end = body.indexOf('\0', i);
        if (end < 0)
            break;
        const QString value = QString::fromUtf8(body.sliced(i, end - i));
        if (field == 'C')
            sqlState = value;
        else if (field == 'M')
            text = value;
        i = end + 1;
    }
    qCInfo(lcCoreConnect) << "PostgreSQL refused the test with SQLSTATE" << sqlState;
    if (sqlState == QLatin1String("28P01")) {
        finishWith(host, Error::make(ErrorCode::Denied, tr("Wrong user name or password.")));
    } else if (sqlState == QLatin1String("28000")) {
        finishWith(host,
                   Error::make(ErrorCode::Denied,
                               tr("The server does not let this user sign in from here: %1.").arg(text)));
    } else if (sqlState == QLatin1String("3D000")) {
        finishWith(host, Error::make(ErrorCode::NotFound, tr("The server answered: %1.").arg(text),
                                     QStringLiteral("defaultDatabase")));
    } else {
        finishWith(host, Error::make(ErrorCode::Unavailable,
                                     tr("The server refused the connection: %1.").arg(text)));
    }
}

void PostgresProbe::finishWith(ProbeHost& host, const Error& error)
{
    m_state = State::Finished;
    m_scram.reset();
    host.fail(error);
}

} // namespace Conclave::Core
