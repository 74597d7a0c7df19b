// MySQL/MariaDB client/server protocol, just far enough to read the greeting and sign in.
#include "core/connect/MySqlProbe.h"

#include "core/connect/ProbeHost.h"
#include "core/util/LogCategories.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace Conclave::Core {

namespace {

enum Capability : quint32
{
    LongPassword = 0x1,
    ConnectWithDb = 0x8,
    Protocol41 = 0x200,
    Ssl = 0x800,
    Transactions = 0x2000,
    SecureConnection = 0x8000,
    PluginAuth = 0x80000,
};

constexpr quint8 kUtf8mb4GeneralCi = 45;
constexpr qsizetype kMaxPacket = 1 << 20;

// mysql_native_password: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))).
QByteArray nativePasswordToken(const SecureBytes& password, QByteArrayView scramble)
{
    if (password.isEmpty())
        return {};
    unsigned char stage1[20];
    unsigned char stage2[20];
    QCryptographicHash h1(QCryptographicHash::Sha1);
    h1.addData(password.view());
    QByteArray s1 = h1.result();
    std::memcpy(stage1, s1.constData(), 20);
    secureWipe(s1);
    QCryptographicHash h2(QCryptographicHash::Sha1);
    h2.addData(QByteArrayView(stage1, 20));
    QByteArray s2 = h2.result();
    std::memcpy(stage2, s2.constData(), 20);
    QCryptographicHash h3(QCryptographicHash::Sha1);
    h3.addData(scramble.first(qMin<qsizetype>(20, scramble.size())));
    h3.addData(QByteArrayView(stage2, 20));
    QByteArray token = h3.result();
    for (int i = 0; i < 20; ++i)
        token[i] = char(token.at(i) ^ char(stage1[i]));
    sodium_memzero(stage1, sizeof stage1);
    sodium_memzero(stage2, sizeof stage2);
    secureWipe(s2);
    return token;
}

} // namespace

void MySqlProbe::start(ProbeHost& host)
{
    m_user = host.userName();
    host.addStep(tr("Waiting for the server's greeting."));
}

QString MySqlProbe::product() const
{
    return m_serverVersion.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive) ? QStringLiteral("MariaDB")
                                                                                   : QStringLiteral("MySQL");
}

QString MySqlProbe::shortVersion() const
{
    // "10.11.19-MariaDB-0+deb12u1" -> "10.11.19"; the whole string is the serverVersion.
    return m_serverVersion.section(QLatin1Char('-'), 0, 0);
}

void MySqlProbe::received(ProbeHost& host, QByteArray& buffer)
{
    while (m_state != State::Finished && buffer.size() >= 4) {
        const qsizetype length = qsizetype(quint8(buffer.at(0))) | qsizetype(quint8(buffer.at(1))) << 8 |
                                 qsizetype(quint8(buffer.at(2))) << 16;
        if (length > kMaxPacket) {
            finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like MySQL.")));
            return;
        }
        if (buffer.size() < length + 4)
            return;
        m_sequence = quint8(buffer.at(3));
        const QByteArray payload = buffer.mid(4, length);
        buffer.remove(0, length + 4);
        if (m_state == State::Handshake)
            handleHandshake(host, payload);
        else
            handleAuthReply(host, payload);
    }
}

void MySqlProbe::handleHandshake(ProbeHost& host, QByteArrayView payload)
{
    if (payload.isEmpty()) {
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like MySQL.")));
        return;
    }
    if (quint8(payload.at(0)) == 0xff) { // the server refuses before greeting ("host is blocked")
        handleAuthReply(host, payload);
        return;
    }
    if (payload.at(0) != 10) {
        finishWith(host,
                   Error::make(ErrorCode::Protocol,
                               tr("The server speaks a MySQL protocol version that is not supported.")));
        return;
    }
    const qsizetype versionEnd = payload.indexOf('\0', 1);
    // version, thread id (4), scramble part 1 (8), filler (1), capabilities low (2)
    if (versionEnd < 0 || payload.size() < versionEnd + 1 + 4 + 8 + 1 + 2) {
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like MySQL.")));
        return;
    }
    QString version = QString::fromUtf8(payload.sliced(1, versionEnd - 1));
    // MariaDB 10+ prefixes "5.5.5-" so that old replication clients accept it.
    if (version.startsWith(QLatin1String("5.5.5-")))
        version = version.mid(6);
    m_serverVersion = version;
    qsizetype pos = versionEnd + 1 + 4;
    m_scramble = payload.sliced(pos, 8).toByteArray();
    pos += 8 + 1;
    m_serverCapabilities = qFromLittleEndian<quint16>(payload.data() + pos);
    pos += 2;
    if (payload.size() >= pos + 1 + 2 + 2 + 1 + 10) {
        pos += 1 + 2; // character set, status
        m_serverCapabilities |= quint32(qFromLittleEndian<quint16>(payload.data() + pos)) << 16;
        pos += 2;
        const int scrambleLength = quint8(payload.at(pos));
        pos += 1 + 10;
        const qsizetype part2 = qMax(13, scrambleLength - 8);
        if (m_serverCapabilities & SecureConnection && payload.size() >= pos + part2) {
            m_scramble += payload.sliced(pos, part2).toByteArray();
            if (m_scramble.endsWith('\0'))
                m_scramble.chop(1);
            pos += part2;
        }
        if (m_serverCapabilities & PluginAuth && pos < payload.size()) {
            const qsizetype end = payload.indexOf('\0', pos);
            m_plugin = payload.sliced(pos, (end < 0 ? payload.size() : end) - pos).toByteArray();
        }
    }
    host.addStep(tr("The server greeted as %1 %2.").arg(product(), m_serverVersion));

    if (host.tlsWanted()) {
        if (!(m_serverCapabilities & Ssl)) {
            finishWith(host, Error::make(ErrorCode::Unavailable,
                                         tr("TLS handshake failed: the server does not accept TLS "
                                            "connections.")));
            return;
        }
        // SSL request: the first 32 bytes of a handshake response, then TLS starts.
        QByteArray request;
        char buf[4];
        qToLittleEndian<quint32>(Protocol41 | SecureConnection | PluginAuth | Ssl | LongPassword, buf);
        request.append(buf, 4);
        qToLittleEndian<quint32>(quint32(kMaxPacket), buf);
        request.append(buf, 4);
        request.append(char(kUtf8mb4GeneralCi));
        request.append(23, '\0');
        host.enterStage(ProbeResult::Stage::Tls);
        host.addStep(tr("Asking the server to switch to TLS."));
        sendPacket(host, request);
        m_state = State::Authenticating;
        host.startTls();
        return;
    }
    sendHandshakeResponse(host);
}

void MySqlProbe::encrypted(ProbeHost& host)
{
    sendHandshakeResponse(host);
}

void MySqlProbe::sendHandshakeResponse(ProbeHost& host)
{
    m_state = State::Authenticating;
    if (m_user.isEmpty()) {
        succeedGreetingOnly(host, tr("enter a user name to test signing in"));
        return;
    }
    if (!(m_serverCapabilities & Protocol41) || !(m_serverCapabilities & SecureConnection)) {
        succeedGreetingOnly(host, tr("the server is too old for the sign-in test"));
        return;
    }
    host.enterStage(ProbeResult::Stage::Authentication);
    const QByteArray database = host.connection().defaultDatabase.toUtf8();
    quint32 caps = Protocol41 | SecureConnection | PluginAuth | LongPassword | Transactions;
    if (host.tlsActive())
        caps |= Ssl;
    if (!database.isEmpty() && (m_serverCapabilities & ConnectWithDb))
        caps |= ConnectWithDb;

    QByteArray token;
    if (m_plugin.isEmpty() || m_plugin == "mysql_native_password")
        token = nativePasswordToken(host.password(), m_scramble);
    // Other default methods: send no token; the server then switches us to what it wants.

    QByteArray response;
    char buf[4];
    qToLittleEndian<quint32>(caps, buf);
    response.append(buf, 4);
    qToLittleEndian<quint32>(quint32(kMaxPacket), buf);
    response.append(buf, 4);
    response.append(char(kUtf8mb4GeneralCi));
    response.append(23, '\0');
    response.append(m_user.toUtf8()).append('\0');
    response.append(char(token.size())).append(token);
    if (caps & ConnectWithDb)
        response.append(database).append('\0');
    response.append("mysql_native_password").append('\0');
    secureWipe(token);
    host.addStep(tr("Signing in as %1 with mysql_native_password.").arg(m_user));
    sendPacket(host, response);
}

void MySqlProbe::handleAuthReply(ProbeHost& host, QByteArrayView payload)
{
    if (payload.isEmpty()) {
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like MySQL.")));
        return;
    }
    const quint8 header = quint8(payload.at(0));
    if (header == 0x00) {
        m_state = State::Finished;
        host.enterStage(ProbeResult::Stage::Done);
        host.succeed(tr("Connected to %1 %2; signed in as %3.").arg(product(), shortVersion(), m_user),
                     m_serverVersion);
        return;
    }
    if (header == 0xff) {
        const quint16 code = payload.size() >= 3 ? qFromLittleEndian<quint16>(payload.data() + 1) : 0;
        qsizetype textStart = 3;
        if (payload.size() > 3 && payload.at(3) == '#')
            textStart = 9;
        const QString text = QString::fromUtf8(payload.sliced(qMin(textStart, payload.size())));
        qCInfo(lcCoreConnect) << "MySQL refused the test with error" << code;
        if (code == 1045)
            finishWith(host, Error::make(ErrorCode::Denied, tr("Wrong user name or password.")));
        else if (code == 1049)
            finishWith(host, Error::make(ErrorCode::NotFound, tr("The server answered: %1.").arg(text),
                                         QStringLiteral("defaultDatabase")));
        else
            finishWith(host, Error::make(ErrorCode::Unavailable,
                                         tr("The server refused the connection: %1.").arg(text)));
        return;
    }
    if (header == 0xfe) { // auth switch request
        const qsizetype end = payload.indexOf('\0', 1);
        const QByteArray plugin = payload.sliced(1, (end < 0 ? payload.size() : end) - 1).toByteArray();
        if (plugin != "mysql_native_password") {
            succeedGreetingOnly(host, tr("the server wants the %1 sign-in method, which the test does not "
                                         "support yet")
                                          .arg(QString::fromUtf8(plugin)));
            return;
        }
        QByteArray scramble = end < 0 ? QByteArray() : payload.sliced(end + 1).toByteArray();
        if (scramble.endsWith('\0'))
            scramble.chop(1);
        QByteArray token = nativePasswordToken(host.password(), scramble);
        sendPacket(host, token);
        return;
    }
    succeedGreetingOnly(host, tr("the server asked for a sign-in step the test does not support yet"));
}

void MySqlProbe::sendPacket(ProbeHost& host, QByteArray& payload)
{
    QByteArray packet;
    packet.reserve(payload.size() + 4);
    packet.append(char(payload.size() & 0xff)).append(char((payload.size() >> 8) & 0xff));
    packet.append(char((payload.size() >> 16) & 0xff)).append(char(++m_sequence));
    packet.append(payload);
    host.send(packet);
    secureWipe(packet);
    secureWipe(payload);
}

void MySqlProbe::succeedGreetingOnly(ProbeHost& host, const QString& why)
{
    m_state = State::Finished;
    host.enterStage(ProbeResult::Stage::Done);
    host.succeed(tr("Connected to %1 %2; sign-in not tested: %3.").arg(product(), shortVersion(), why),
                 m_serverVersion);
}

void MySqlProbe::finishWith(ProbeHost& host, const Error& error)
{
    m_state = State::Finished;
    host.fail(error);
}

} // namespace Conclave::Core
