// Tests ApiConnection against a hostile stand-in for the server (a QTcpServer on loopback that
// answers canned bytes or nothing): the server's error model parsed into reason, field and
// Retry-After with a translated sentence per row, answers that are not the API, an answer over
// the size cap, a server that never answers (timeout with an upper bound), the bearer token
// and secret body fields as sent, and the server-version check of AccountClient.
#include "SyncFixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <zlib.h>

using namespace Conclave::Core;

namespace {

// Accepts connections, collects each request and answers the next canned reply, or nothing
// when the reply is empty.
class CannedServer final : public QObject
{
public:
    explicit CannedServer(QList<QByteArray> replies)
        : m_replies(std::move(replies))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QList<QByteArray> requests;

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        requests.append(buffer.left(end + 4 + length));
        buffer.remove(0, end + 4 + length);
        const QByteArray reply = m_replies.isEmpty() ? QByteArray() : m_replies.takeFirst();
        if (!reply.isEmpty())
            socket->write(reply);
    }

    QTcpServer m_server;
    QList<QByteArray> m_replies;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QByteArray http(int status, const QByteArray& body, const QByteArray& extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) +
           " X\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n" + extraHeaders + "\r\n" + body;
}

// `data` as gzip (RFC 1952), as a server sends a compressed answer.
QByteArray gzipped(const QByteArray& data)
{
    z_stream stream{};
    deflateInit2(&stream, 1, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray errorBody(int status, const char* code, const char* message, const char* field = nullptr)
{
    QJsonObject error{{QStringLiteral("status"), status},
                      {QStringLiteral("code"), QString::fromLatin1(code)},
                      {QStringLiteral("message"), QString::fromLatin1(message)}};
    if (field)
        error.insert(QStringLiteral("field"), QString::fromLatin1(field));
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

std::optional<ApiReply> request(SyncFixture& client, const QByteArray& method, const QString& path,
                                const QJsonObject& body = {},
                                const std::vector<ApiConnection::SecretField>& secrets = {})
{
    std::optional<ApiReply> result;
    QObject context;
    client.api.send(method, path, body, secrets, true, &context,
                    [&](ApiReply reply) { result = std::move(reply); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return std::nullopt;
    return result;
}

} // namespace

class TestApiConnection : public QObject
{
    Q_OBJECT

private slots:
    void errorModel_data();
    void errorModel();
    void oversizedAnswerRefused();
    void compressedAnswerRead();
    void largeAnswer_data();
    void largeAnswer();
    void largeAnswerAfterItsContextWentAway();
    void compressedAnswerBeyondTheCapRefused();
    void silentServerTimesOut();
    void tokenAndSecretFieldsAsSent();
    void serverVersion_data();
    void serverVersion();
};

void TestApiConnection::errorModel_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("sentence"); // the translated sentence starts with this
    const int server = int(ApiError::Kind::Server);
    const int protocol = int(ApiError::Kind::Protocol);
    QTest::newRow("rate limited with Retry-After")
        << http(429, errorBody(429, "rate-limited", "Too many attempts. Try again in 2 minutes."),
                "Retry-After: 120\r\n")
        << server << QStringLiteral("rate-limited") << QString() << 120
        << QStringLiteral("Too many attempts. Try again at ");
    QTest::newRow("rate limited, absurd Retry-After")
        << http(429, errorBody(429, "rate-limited", "Wait."), "Retry-After: 99999999999\r\n") << server
        << QStringLiteral("rate-limited") << QString() << -1
        << QStringLiteral("Too many attempts. Try again later.");
    QTest::newRow("session ended") << http(401, errorBody(401, "unauthenticated", "No session.")) << server
                                   << QStringLiteral("unauthenticated") << QString() << -1
                                   << QStringLiteral("Your session with the sharing server has ended.");
    QTest::newRow("blocked, the admin's reason kept")
        << http(403, errorBody(403, "sharing-blocked",
                               "Your organisation's administrators have turned off Team Sharing for your "
                               "address. Their reason: Merger"))
        << server << QStringLiteral("sharing-blocked") << QString() << -1
        << QStringLiteral("Your organisation's administrators have turned off Team Sharing for you. Their "
                          "reason: Merger");
    QTest::newRow("unverified") << http(403, errorBody(403, "email-unverified", "Verify.")) << server
                                << QStringLiteral("email-unverified") << QString() << -1
                                << QStringLiteral("Your email address is not verified yet.");
    QTest::newRow("bad field named") << http(400, errorBody(400, "invalid-input", "Bad.", "name")) << server
                                     << QStringLiteral("invalid-input") << QStringLiteral("name") << -1
                                     << QStringLiteral("Enter a name of at most 200 characters.");
    QTest::newRow("server failure, not JSON") << http(500, "oops") << server << QString() << QString() << -1
                                              << QStringLiteral("The sharing server has a problem.");
    QTest::newRow("unknown reason") << http(418, errorBody(418, "teapot", "Short and stout.")) << server
                                    << QStringLiteral("teapot") << QString() << -1
                                    << QStringLiteral("The sharing server refused the request (teapot).");
    QTest::newRow("success that is not JSON")
        << http(200, "<html>hello</html>") << protocol << QString() << QString() << -1
        << QStringLiteral("The sharing server gave an answer Conclave does not understand.");
    QTest::newRow("success that is a JSON array")
        << http(200, "[1,2]") << protocol << QString() << QString() << -1
        << QStringLiteral("The sharing server gave an answer Conclave does not understand.");
}

void TestApiConnection::errorModel()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    QFETCH(int, retryAfter);
    QFETCH(QString, sentence);
    CannedServer server({reply});
    ManualClock clock(QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
    SyncFixture client(server.url(), clock);
    const auto answer = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(answer);
    QVERIFY(!answer->ok());
    QCOMPARE(int(answer->error.kind), kind);
    QCOMPARE(answer->error.reason, reason);
    QCOMPARE(answer->error.field, field);
    QCOMPARE(answer->error.retryAfterSeconds, retryAfter);
    if (retryAfter >= 0)
        QCOMPARE(answer->error.retryAt, clock.nowUtc().addSecs(retryAfter));
    const QString message = answer->error.toError().message;
    QVERIFY2(message.startsWith(sentence), qPrintable(message));
}

void TestApiConnection::oversizedAnswerRefused()
{
    const QByteArray body = "{\"x\":\"" + QByteArray(ApiConnection::kMaxReplyBytes + 10, 'a') + "\"}";
    CannedServer server({http(200, body)});
    SyncFixture client(server.url());
    const auto answer = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(answer);
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error.kind, ApiError::Kind::Protocol);
}

void TestApiConnection::compressedAnswerRead()
{
    const QByteArray body = "{\"x\":\"" + QByteArray(5000, 'a') + "\"}";
    CannedServer server({http(200, gzipped(body), "Content-Encoding: gzip\r\n")});
    SyncFixture client(server.url());
    const auto answer = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(answer);
    QVERIFY(answer->ok());
    QCOMPARE(answer->json.value(QStringLiteral("x")).toString().size(), qsizetype(5000));
    // The client says it takes gzip (the server compresses only then).
    QVERIFY(server.requests.value(0).toLower().contains("accept-encoding:"));
    QVERIFY(server.requests.value(0).toLower().contains("gzip"));
}

void TestApiConnection::largeAnswer_data()
{
    // Past ApiConnection::kParseOffThreadBytes: parsed on a worker thread, read the same.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    const QByteArray large(ApiConnection::kParseOffThreadBytes + 10, 'a');
    QTest::newRow("an object") << QByteArray("{\"x\":\"" + large + "\"}") << true;
    QTest::newRow("cut short") << QByteArray("{\"x\":\"" + large) << false;
    QTest::newRow("an array") << QByteArray("[\"" + large + "\"]") << false;
    QTest::newRow("not JSON") << large << false;
}

void TestApiConnection::largeAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    CannedServer server({http(200, body)});
    SyncFixture client(server.url());
    const auto answer = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(answer);
    QCOMPARE(answer->ok(), ok);
    if (ok)
        QCOMPARE(answer->json.value(QStringLiteral("x")).toString().size(), body.size() - 8);
    else
        QCOMPARE(answer->error.kind, ApiError::Kind::Protocol);
}

void TestApiConnection::largeAnswerAfterItsContextWentAway()
{
    const QByteArray body = "{\"x\":\"" + QByteArray(8 * ApiConnection::kParseOffThreadBytes, 'a') + "\"}";
    CannedServer server({http(200, body), http(200, "{}")});
    SyncFixture client(server.url());
    bool called = false;
    {
        auto context = std::make_unique<QObject>();
        client.api.get(QStringLiteral("/api/v1/account"), true, context.get(),
                       [&](ApiReply) { called = true; });
    } // gone before the answer is read: it is still read and parsed, and dropped

    // A later request is answered; the first one's `done` never ran.
    const auto later = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(later && later->ok());
    QTRY_COMPARE_WITH_TIMEOUT(client.api.pending(), 0, 10'000);
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestApiConnection::compressedAnswerBeyondTheCapRefused()
{
    // 64 MiB that gzip makes about 64 KiB of: the cap counts what the answer inflates to.
    const QByteArray body = "{\"x\":\"" + QByteArray(64 * 1024 * 1024, 'a') + "\"}";
    CannedServer server({http(200, gzipped(body), "Content-Encoding: gzip\r\n")});
    SyncFixture client(server.url());
    QElapsedTimer timer;
    timer.start();
    const auto answer = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(answer);
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error.kind, ApiError::Kind::Protocol);
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
}

void TestApiConnection::silentServerTimesOut()
{
    CannedServer server({});
    SyncFixture client(server.url());
    client.api.setTimeout(std::chrono::milliseconds(300));
    QElapsedTimer elapsed;
    elapsed.start();
    const auto answer = request(client, "GET", QStringLiteral("/api/v1/account"));
    QVERIFY(answer);
    QCOMPARE(answer->error.kind, ApiError::Kind::Timeout);
    QVERIFY(elapsed.elapsed() >= 250);
    QVERIFY2(elapsed.elapsed() < 5000, "the timeout must end the request");
    QCOMPARE(answer->error.toError().code, ErrorCode::Timeout);
    QCOMPARE(client.api.pending(), 0);
}

void TestApiConnection::tokenAndSecretFieldsAsSent()
{
    CannedServer server({http(200, "{\"ok\":true}")});
    SyncFixture client(server.url());
    client.api.setToken(SecureBytes("planted-token", 13));
    const SecureBytes secret = SecureBytes::random(32);
    const auto answer = request(client, "POST", QStringLiteral("/api/v1/sessions"),
                                {{QStringLiteral("email"), QStringLiteral("a@example.org")}},
                                {{QStringLiteral("authKey"), &secret}});
    QVERIFY(answer && answer->ok());
    QCOMPARE(server.requests.size(), 1);
    const QByteArray sent = server.requests.first();
    QVERIFY(sent.startsWith("POST /api/v1/sessions HTTP/1.1\r\n"));
    QVERIFY(sent.contains("\r\nAuthorization: Bearer planted-token\r\n"));
    const QJsonObject body = QJsonDocument::fromJson(sent.mid(sent.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(body.value(QStringLiteral("email")).toString(), QStringLiteral("a@example.org"));
    QCOMPARE(QByteArray::fromBase64(body.value(QStringLiteral("authKey")).toString().toLatin1()),
             secret.view().toByteArray());
    QVERIFY(!sent.contains("conclave-secret")); // no placeholder left
}

void TestApiConnection::serverVersion_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("no version route")
        << http(404, errorBody(404, "not-found", "No route."))
        << QStringLiteral("The sharing server is too old for this version of Conclave.");
    QTest::newRow("no api level") << http(200, "{\"version\":\"0.0.1\"}")
                                  << QStringLiteral(
                                         "The sharing server is too old for this version of Conclave.");
    QTest::newRow("newer api") << http(200, "{\"version\":\"9.0.0\",\"api\":\"v2\"}")
                               << QStringLiteral(
                                      "The sharing server is newer than this version of Conclave.");
}

void TestApiConnection::serverVersion()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, sentence);
    CannedServer server({reply});
    SyncFixture client(server.url());
    const auto result = await(
        [&](QObject* c, auto done) {
            client.client.signIn(QStringLiteral("a@example.org"), SecureBytes("pw", 2), c, done);
        },
        std::chrono::seconds(10));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error().message.startsWith(sentence), qPrintable(result->error().message));
    QCOMPARE(server.requests.size(), 1); // nothing after the version check
}

QTEST_GUILESS_MAIN(TestApiConnection)
#include "TestApiConnection.moc"
