// Tests LiveChannel (label sync): against the real conclave-server, bob's channel hears of
// ada's write within a second; the token travels in the upgrade request's header only (the
// server admits the socket, which it does only for a header token and a URL without query,
// and its logs never hold the token); a socket whose peer stops answering is noticed by the
// ping watchdog and opened again; the channel opens again after the server restarts; the
// sharing gate holds for the socket too; over https the socket is wss and a server whose
// certificate is not trusted is refused. A small QWebSocketServer stands in for a hostile
// server only to send frames the real one never sends (bad JSON, wrong values, binary, huge
// frames): each is ignored or closes the socket, never a crash, and the next hint is heard.
// The backoff and the hint parser are checked row by row.
#include "SharedPair.h"

#include "core/sync/LiveChannel.h"

#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <vector>

using namespace Conclave::Core;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 10'000;

LiveChannel::Timing fastTiming()
{
    LiveChannel::Timing timing;
    timing.minBackoff = 100ms;
    timing.maxBackoff = 800ms;
    timing.pingInterval = 200ms;
    timing.pongTimeout = 400ms;
    timing.handshakeTimeout = 1500ms;
    return timing;
}

// A TCP relay in front of the real server that can stop relaying without closing anything:
// the socket a sleeping laptop or a dropped NAT entry leaves behind.
class FreezingRelay final : public QObject
{
public:
    explicit FreezingRelay(quint16 target)
        : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* inbound = m_server.nextPendingConnection()) {
                auto* outbound = new QTcpSocket(inbound);
                outbound->connectToHost(QHostAddress::LocalHost, m_target);
                auto relay = [this](QTcpSocket* from, QTcpSocket* to) {
                    const QByteArray bytes = from->readAll();
                    if (!m_frozen && to->state() == QAbstractSocket::ConnectedState)
                        to->write(bytes);
                };
                connect(inbound, &QTcpSocket::readyRead, outbound, [=] { relay(inbound, outbound); });
                connect(outbound, &QTcpSocket::connected, inbound, [=] { relay(inbound, outbound); });
                connect(outbound, &QTcpSocket::readyRead, inbound, [=] { relay(outbound, inbound); });
                connect(inbound, &QTcpSocket::disconnected, inbound, &QObject::deleteLater);
                connect(outbound, &QTcpSocket::disconnected, inbound, &QTcpSocket::disconnectFromHost);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void setFrozen(bool frozen) { m_frozen = frozen; }

private:
    QTcpServer m_server;
    quint16 m_target;
    bool m_frozen = false;
};

// Stands in for a hostile server (hostile-frame rows only): accepts upgrades, keeps what the
// client asked for, and sends what the test says.
struct HostileStandIn
{
    HostileStandIn()
        : server(QStringLiteral("stand-in"), QWebSocketServer::NonSecureMode)
    {
        server.listen(QHostAddress::LocalHost);
        QObject::connect(&server, &QWebSocketServer::newConnection, &server, [this] {
            while (QWebSocket* socket = server.nextPendingConnection()) {
                requests.append(socket->request());
                sockets.emplace_back(socket);
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())); }
    QWebSocket* latest() const { return sockets.empty() ? nullptr : sockets.back().get(); }

    QWebSocketServer server;
    QList<QNetworkRequest> requests;
    std::vector<std::unique_ptr<QWebSocket>> sockets;
};

QList<quint64> cursors(const QSignalSpy& spy)
{
    QList<quint64> out;
    for (const QList<QVariant>& args : spy)
        out.append(args.at(0).value<quint64>());
    return out;
}

} // namespace

class TestLiveChannel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void backoff_data();
    void backoff();
    void parseHint_data();
    void parseHint();

    void hintWithinOneSecondOfAnotherClientsWrite();
    void tokenInTheHeaderNeverInTheUrl();
    void gateHoldsForTheSocket();
    void tlsCertificateIsChecked_data();
    void tlsCertificateIsChecked();
    void halfDeadSocketIsNoticed();
    void hostileFramesAreIgnored_data();
    void hostileFramesAreIgnored();
    void reconnectsAfterTheServerRestarts();

private:
    ServerHarness m_server;
    SharedPair m_pair;
};

void TestLiveChannel::initTestCase()
{
    QVERIFY(m_pair.setUp(m_server, QStringLiteral("TestLiveChannel")));
}

void TestLiveChannel::cleanupTestCase()
{
    m_pair.a.reset();
    m_pair.b.reset();
    m_server.stop();
}

void TestLiveChannel::backoff_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expectedMs");
    // The step doubles from 1 s to 60 s; the wait is drawn between half and all of it.
    QTest::newRow("first retry, low draw") << 1 << 0.0 << 1000; // never below the minimum
    QTest::newRow("first retry, high draw") << 1 << 1.0 << 1000;
    QTest::newRow("second, low") << 2 << 0.0 << 1000;
    QTest::newRow("second, high") << 2 << 1.0 << 2000;
    QTest::newRow("third, middle") << 3 << 0.5 << 3000;
    QTest::newRow("seventh, high") << 7 << 1.0 << 60000; // 64 s capped
    QTest::newRow("seventh, low") << 7 << 0.0 << 30000;
    QTest::newRow("hundredth, high") << 100 << 1.0 << 60000;
    QTest::newRow("zero failures") << 0 << 1.0 << 1000;
    QTest::newRow("draw out of range") << 2 << 7.0 << 2000;
}

void TestLiveChannel::backoff()
{
    QFETCH(int, failures);
    QFETCH(double, random);
    QFETCH(int, expectedMs);
    QCOMPARE(LiveChannel::backoff(failures, random, LiveChannel::Timing()).count(), qint64(expectedMs));
}

void TestLiveChannel::parseHint_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("cursor");
    // -1: no page; -2: a page that is not one; otherwise the page's number of changes.
    QTest::addColumn<int>("carried");
    QTest::newRow("hint") << QStringLiteral("{\"cursor\":42}") << true << quint64(42) << -1;
    QTest::newRow("zero") << QStringLiteral("{\"cursor\":0}") << true << quint64(0) << -1;
    QTest::newRow("largest") << QStringLiteral("{\"cursor\":9007199254740991}") << true
                             << quint64(9007199254740991ULL) << -1;
    QTest::newRow("with a field added later")
        << QStringLiteral("{\"cursor\":5,\"x\":1}") << true << quint64(5) << -1;
    QTest::newRow("beyond 2^53") << QStringLiteral("{\"cursor\":9007199254740993}") << false << quint64(0)
                                 << -1;
    QTest::newRow("negative") << QStringLiteral("{\"cursor\":-1}") << false << quint64(0) << -1;
    QTest::newRow("fraction") << QStringLiteral("{\"cursor\":1.5}") << false << quint64(0) << -1;
    QTest::newRow("string") << QStringLiteral("{\"cursor\":\"5\"}") << false << quint64(0) << -1;
    QTest::newRow("null") << QStringLiteral("{\"cursor\":null}") << false << quint64(0) << -1;
    QTest::newRow("missing") << QStringLiteral("{\"head\":5}") << false << quint64(0) << -1;
    QTest::newRow("array") << QStringLiteral("[5]") << false << quint64(0) << -1;
    QTest::newRow("number alone") << QStringLiteral("5") << false << quint64(0) << -1;
    QTest::newRow("truncated") << QStringLiteral("{\"cursor\":") << false << quint64(0) << -1;
    QTest::newRow("empty") << QString() << false << quint64(0) << -1;
    QTest::newRow("exponent overflow") << QStringLiteral("{\"cursor\":1e400}") << false << quint64(0) << -1;
    QTest::newRow("over the size cap")
        << (QStringLiteral("{\"cursor\":5,\"pad\":\"") + QString(5000, u'x') + QStringLiteral("\"}")) << false
        << quint64(0) << -1;

    // A hint with the feed page since the one before (protocol.md §11).
    const QString folder = QStringLiteral("\"folderId\":\"6f1c1b0e-8d43-4d6e-9a57-3b1f0c1d2e3f\"");
    auto change = [&](int seq) {
        return QStringLiteral("{\"seq\":%1,\"kind\":\"item\",%2,\"objectId\":\"x\","
                              "\"at\":\"2026-12-03T10:00:00.000Z\"}")
            .arg(seq)
            .arg(folder);
    };
    auto page = [&](const QString& cursor, const QString& after, const QList<int>& seqs) {
        QStringList changes;
        for (const int seq : seqs)
            changes.append(change(seq));
        return QStringLiteral("{\"cursor\":%1,\"after\":%2,\"changes\":[%3]}")
            .arg(cursor, after, changes.join(QLatin1Char(',')));
    };
    QTest::newRow("page") << page(QStringLiteral("9"), QStringLiteral("5"), {7}) << true << quint64(9) << 1;
    QTest::newRow("page of two") << page(QStringLiteral("9"), QStringLiteral("5"), {6, 9}) << true
                                 << quint64(9) << 2;
    QTest::newRow("page without changes")
        << page(QStringLiteral("9"), QStringLiteral("5"), {}) << true << quint64(9) << 0;
    QTest::newRow("page: after at the cursor")
        << page(QStringLiteral("9"), QStringLiteral("9"), {}) << true << quint64(9) << -2;
    QTest::newRow("page: after past the cursor")
        << page(QStringLiteral("9"), QStringLiteral("12"), {}) << true << quint64(9) << -2;
    QTest::newRow("page: a change at after")
        << page(QStringLiteral("9"), QStringLiteral("5"), {5, 7}) << true << quint64(9) << -2;
    QTest::newRow("page: a change before after")
        << page(QStringLiteral("9"), QStringLiteral("5"), {3}) << true << quint64(9) << -2;
    QTest::newRow("page: a change past the cursor")
        << page(QStringLiteral("9"), QStringLiteral("5"), {10}) << true << quint64(9) << -2;
    QTest::newRow("page: changes out of order")
        << page(QStringLiteral("9"), QStringLiteral("5"), {8, 7}) << true << quint64(9) << -2;
    QTest::newRow("page: a change repeated")
        << page(QStringLiteral("9"), QStringLiteral("5"), {7, 7}) << true << quint64(9) << -2;
    QTest::newRow("page: after negative")
        << page(QStringLiteral("9"), QStringLiteral("-1"), {7}) << true << quint64(9) << -2;
    QTest::newRow("page: after a string")
        << page(QStringLiteral("9"), QStringLiteral("\"5\""), {7}) << true << quint64(9) << -2;
    QTest::newRow("page: after missing")
        << QStringLiteral("{\"cursor\":9,\"changes\":[%1]}").arg(change(7)) << true << quint64(9) << -2;
    QTest::newRow("page: more to come")
        << QStringLiteral("{\"cursor\":9,\"after\":5,\"changes\":[],\"more\":true}") << true << quint64(9)
        << -2;
    QTest::newRow("page: more false")
        << QStringLiteral("{\"cursor\":9,\"after\":5,\"changes\":[],\"more\":false}") << true << quint64(9)
        << -2;
    QTest::newRow("page: changes missing")
        << QStringLiteral("{\"cursor\":9,\"after\":5}") << true << quint64(9) << -2;
    QTest::newRow("page: changes not a list")
        << QStringLiteral("{\"cursor\":9,\"after\":5,\"changes\":{}}") << true << quint64(9) << -2;
    QTest::newRow("page: a change without a kind")
        << QStringLiteral("{\"cursor\":9,\"after\":5,\"changes\":[{\"seq\":7}]}") << true << quint64(9) << -2;
    QStringList many;
    for (int seq = 1; seq <= int(SharingApi::kMaxCarriedChanges) + 1; ++seq)
        many.append(QStringLiteral("{\"seq\":%1,\"kind\":\"x\"}").arg(seq));
    QTest::newRow("page: more changes than a hint carries")
        << QStringLiteral("{\"cursor\":100,\"after\":0,\"changes\":[%1]}").arg(many.join(QLatin1Char(',')))
        << true << quint64(100) << -2;
    many.removeLast();
    QTest::newRow("page: as many changes as a hint carries")
        << QStringLiteral("{\"cursor\":100,\"after\":0,\"changes\":[%1]}").arg(many.join(QLatin1Char(',')))
        << true << quint64(100) << int(SharingApi::kMaxCarriedChanges);
}

void TestLiveChannel::parseHint()
{
    QFETCH(QString, message);
    QFETCH(bool, valid);
    QFETCH(quint64, cursor);
    QFETCH(int, carried);
    const std::optional<LiveChannel::Hint> parsed = LiveChannel::parseHint(message);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(parsed->cursor, cursor);
    QCOMPARE(parsed->carriedUnreadable, carried == -2);
    QCOMPARE(parsed->carried.has_value(), carried >= 0);
    if (carried >= 0) {
        QCOMPARE(parsed->carried->page.changes.size(), qsizetype(carried));
        QCOMPARE(parsed->carried->page.cursor, cursor);
        QVERIFY(!parsed->carried->page.more);
    }
}

void TestLiveChannel::hintWithinOneSecondOfAnotherClientsWrite()
{
    LiveChannel channel(m_pair.b->api);
    channel.setTiming(fastTiming());
    QSignalSpy opened(&channel, &LiveChannel::opened);
    QSignalSpy hints(&channel, &LiveChannel::hint);
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
    // The head comes first, right after the upgrade.
    QTRY_VERIFY_WITH_TIMEOUT(!hints.isEmpty(), kWaitMs);
    const quint64 head = channel.latestHint();

    QVERIFY(!m_pair.write({}, "mongo-prod mongo1.internal:27017").isNull());
    // Ada's write is one change of bob's feed: a hint beyond the head within a second.
    QTRY_VERIFY_WITH_TIMEOUT(channel.latestHint() > head, 1000);
    QCOMPARE(channel.ignoredFrames(), 0);
    channel.stop();
    QCOMPARE(channel.state(), LiveChannel::State::Stopped);
}

void TestLiveChannel::tokenInTheHeaderNeverInTheUrl()
{
    LiveChannel channel(m_pair.b->api);
    channel.setTiming(fastTiming());
    QSignalSpy opened(&channel, &LiveChannel::opened);
    channel.start();
    // The server upgrades only a request whose token is in the Authorization header and
    // whose URL has no query (TestServerFeed::liveRefusals): being admitted proves both.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
    channel.stop();

    const QString token = QString::fromLatin1(m_pair.b->api.token().view().toByteArray());
    QVERIFY(!token.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_server.logText().contains(QStringLiteral("live connection opened")), kWaitMs);
    const QString log = m_server.logText();
    // The request line the server logged: the path alone.
    QVERIFY(log.contains(QStringLiteral("GET /api/v1/live 101")));
    QVERIFY(!log.contains(QStringLiteral("/api/v1/live?")));
    QVERIFY2(!log.contains(token), "the session token is in the server's log");
    QVERIFY2(!log.contains(token.left(16)), "part of the session token is in the server's log");

    // A channel pointed at a path with a query is refused by the server and never admitted.
    LiveChannel queried(m_pair.b->api);
    queried.setTiming(fastTiming());
    queried.setPath(QStringLiteral("/api/v1/live?token=") + token.left(4));
    QSignalSpy refused(&queried, &LiveChannel::closed);
    QSignalSpy queriedOpened(&queried, &LiveChannel::opened);
    queried.start();
    QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), kWaitMs);
    QCOMPARE(queriedOpened.size(), 0);
    queried.stop();
}

void TestLiveChannel::gateHoldsForTheSocket()
{
    // The machine policy turns Team Sharing off: the gate refuses, no socket is opened.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("policy.conf"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("TeamSharingEnabled=false\n");
    }
    QSettings ini(path, QSettings::IniFormat);
    const MachinePolicy policy = MachinePolicy::read(ini);
    const EffectiveSettings settings =
        EffectiveSettings::merge(SyncFixture::userSettings(m_pair.url), policy);
    SharingGate gate(settings);
    GatedNetworkAccessManager network(gate);
    ApiConnection api(network, m_pair.url, Clock::system());
    api.setToken(m_pair.b->api.token().clone());
    LiveChannel channel(api);
    channel.setTiming(fastTiming());
    QSignalSpy closed(&channel, &LiveChannel::closed);
    QSignalSpy opened(&channel, &LiveChannel::opened);
    channel.start();
    QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), kWaitMs);
    QVERIFY(gate.refusedCount() >= 1);
    QCOMPARE(opened.size(), 0);
    QVERIFY(!closed.first().at(0).toString().isEmpty());
    channel.stop();
}

void TestLiveChannel::tlsCertificateIsChecked_data()
{
    QTest::addColumn<bool>("trusted");
    QTest::newRow("certificate trusted: wss opens") << true;
    QTest::newRow("self-signed, not trusted: refused") << false;
}

void TestLiveChannel::tlsCertificateIsChecked()
{
    QFETCH(bool, trusted);
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    // A second server process over the same storage and server key (so bob's session is
    // valid there), serving TLS itself.
    ServerHarness tls;
    tls.useStorageOf(m_server);
    tls.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"),
                       m_server.dataDir() + QStringLiteral("/server.key"));
    tls.setExtraArguments({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
    QVERIFY(tls.start(QStringLiteral("TestLiveChannel-tls")));

    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    if (trusted) {
        QSslConfiguration ssl = before;
        ssl.setCaCertificates(ssl.caCertificates() + QSslCertificate::fromPath(cert));
        QSslConfiguration::setDefaultConfiguration(ssl);
    }
    const QUrl https(QStringLiteral("https://127.0.0.1:%1").arg(tls.port()));
    SyncFixture client(https);
    client.api.setToken(m_pair.b->api.token().clone());
    LiveChannel channel(client.api);
    channel.setTiming(fastTiming());
    QSignalSpy opened(&channel, &LiveChannel::opened);
    QSignalSpy closed(&channel, &LiveChannel::closed);
    channel.start();
    if (trusted) {
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), kWaitMs);
        QCOMPARE(opened.size(), 0);
        QVERIFY2(closed.first().at(0).toString().contains(QStringLiteral("certificate")),
                 qPrintable(closed.first().at(0).toString()));
    }
    channel.stop();
    QSslConfiguration::setDefaultConfiguration(before);
    tls.stop();
}

void TestLiveChannel::halfDeadSocketIsNoticed()
{
    FreezingRelay relay(m_server.port());
    SyncFixture viaRelay(relay.url());
    viaRelay.api.setToken(m_pair.b->api.token().clone());
    LiveChannel channel(viaRelay.api);
    channel.setTiming(fastTiming());
    QSignalSpy opened(&channel, &LiveChannel::opened);
    QSignalSpy closed(&channel, &LiveChannel::closed);
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);

    // Nothing passes any more and nothing is closed: only the unanswered ping tells.
    relay.setFrozen(true);
    QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 3000);
    QVERIFY(channel.state() != LiveChannel::State::Open);
    relay.setFrozen(false);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, kWaitMs);
    QVERIFY(channel.isOpen());
    channel.stop();
}

void TestLiveChannel::hostileFramesAreIgnored_data()
{
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("closes"); // over the size cap: the socket is closed and opened again
    QTest::newRow("not JSON") << false << QByteArray("cursor=5") << false;
    QTest::newRow("JSON array") << false << QByteArray("[5]") << false;
    QTest::newRow("cursor a string") << false << QByteArray("{\"cursor\":\"5\"}") << false;
    QTest::newRow("cursor negative") << false << QByteArray("{\"cursor\":-5}") << false;
    QTest::newRow("cursor a fraction") << false << QByteArray("{\"cursor\":5.5}") << false;
    QTest::newRow("cursor beyond 2^53") << false << QByteArray("{\"cursor\":9007199254740993}") << false;
    QTest::newRow("nested deeply") << false << QByteArray(2000, '[') << false;
    QTest::newRow("truncated") << false << QByteArray("{\"cursor\":5") << false;
    QTest::newRow("empty") << false << QByteArray() << false;
    QTest::newRow("binary frame") << true << QByteArray("{\"cursor\":5}") << false;
    QTest::newRow("huge text frame") << false << QByteArray(256 * 1024, 'x') << true;
    QTest::newRow("huge binary frame") << true << QByteArray(2 * 1024 * 1024, '\0') << true;
}

void TestLiveChannel::hostileFramesAreIgnored()
{
    QFETCH(bool, binary);
    QFETCH(QByteArray, frame);
    QFETCH(bool, closes);
    HostileStandIn standIn;
    SyncFixture client(standIn.url());
    const QByteArray token("stand-in-session-token");
    client.api.setToken(SecureBytes(token.constData(), std::size_t(token.size())));
    LiveChannel channel(client.api);
    channel.setTiming(fastTiming());
    QSignalSpy hints(&channel, &LiveChannel::hint);
    QSignalSpy opened(&channel, &LiveChannel::opened);
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);

    // What the client asked for: the path alone, the token in the header.
    QCOMPARE(standIn.requests.size(), 1);
    const QUrl asked = standIn.requests.first().url();
    QCOMPARE(asked.path(), QStringLiteral("/api/v1/live"));
    QVERIFY(!asked.hasQuery());
    QVERIFY(!asked.toString().contains(QString::fromLatin1(token)));
    QCOMPARE(standIn.requests.first().rawHeader("Authorization"), QByteArray("Bearer ") + token);

    QWebSocket* socket = standIn.latest();
    QVERIFY(socket);
    if (binary)
        socket->sendBinaryMessage(frame);
    else
        socket->sendTextMessage(QString::fromLatin1(frame));
    if (closes) {
        // Refused before it is buffered: the socket closes and the channel opens a new one.
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, kWaitMs);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(channel.ignoredFrames(), 1, kWaitMs);
    }
    QVERIFY(hints.isEmpty());
    // The channel still works: the next real hint is heard.
    standIn.latest()->sendTextMessage(QStringLiteral("{\"cursor\":7}"));
    QTRY_COMPARE_WITH_TIMEOUT(hints.size(), 1, kWaitMs);
    QCOMPARE(cursors(hints), QList<quint64>{7});
    channel.stop();
}

void TestLiveChannel::reconnectsAfterTheServerRestarts()
{
    LiveChannel channel(m_pair.b->api);
    channel.setTiming(fastTiming());
    QSignalSpy opened(&channel, &LiveChannel::opened);
    QSignalSpy closed(&channel, &LiveChannel::closed);
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);

    const quint16 port = m_server.port();
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), kWaitMs);
    QVERIFY(!channel.isOpen());
    QVERIFY(!closed.first().at(0).toString().isEmpty());
    // Attempts go on with the backoff while the server is away.
    QTRY_VERIFY_WITH_TIMEOUT(channel.failures() >= 2, kWaitMs);

    // The same server (same storage, so the session is still valid) on the same port.
    m_server.setExtraArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY(m_server.start(QStringLiteral("TestLiveChannel-restarted")));
    QCOMPARE(m_server.port(), port);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, kWaitMs);
    QCOMPARE(channel.failures(), 0);
    const quint64 head = channel.latestHint();
    QVERIFY(!m_pair.write({}, "redis-cache cache.internal:6379").isNull());
    QTRY_VERIFY_WITH_TIMEOUT(channel.latestHint() > head, 1000);
    channel.stop();
}

QTEST_GUILESS_MAIN(TestLiveChannel)
#include "TestLiveChannel.moc"
