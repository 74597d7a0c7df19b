// The changes feed and the live WebSocket against the real conclave-server (SQLite, or
// PostgreSQL with CONCLAVE_TEST_SERVER_STORAGE=postgres): pagination and resuming from a
// cursor, hostile cursors answered 400 with the field, a blocked user's feed, the live
// socket's refusals (token in the URL, no or a bad token, a blocked user) and its closing on
// revocation, and no token in any URL or log line.
#include "ServerAccounts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

#include <memory>

using namespace ServerAccounts;

namespace {

// The bound on every wait for the server over loopback.
constexpr int kWaitMs = 5000;

struct Live
{
    std::unique_ptr<QWebSocket> socket = std::make_unique<QWebSocket>();
    QStringList messages;
};

QString feedPath(qint64 cursor, int limit = 0)
{
    QString path = QStringLiteral("/api/v1/feed?cursor=%1").arg(cursor);
    if (limit > 0)
        path += QStringLiteral("&limit=%1").arg(limit);
    return path;
}

} // namespace

class TestServerFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void emptyFeed();
    void hostileQuery_data();
    void hostileQuery();
    void cursorAheadOfTheLog();
    void paginationAndResume();
    void othersChangesInvisibleAndWindowBounded();
    void blockedUsersFeed();

    void liveRefusals_data();
    void liveRefusals();
    void liveSendsTheHeadOnOpen();
    void livePlainGetIsRefused();
    void liveClosesOnRevocation();
    void liveRefusesBlockedUser();
    void tokenInNoLog();

private:
    // Appends `count` changes directly in the server's database (test set-up: the feed's
    // reading side does not depend on which route wrote them), each addressed to the user
    // when `userId` is set, else to a folder nobody is a member of.
    bool appendChanges(int count, const QString& userId);
    qint64 head();
    Live openLive(const QString& path, const QByteArray& authorization);
    TestAccount blockedWorker(QString* orgId, QString* blockId, TestAccount* owner);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    QStringList m_tokens; // every token handed out, searched for in the logs at the end
};

void TestServerFeed::initTestCase()
{
    // Many accounts from one address: the sign-up budget is not under test here.
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("signupPerAddress=1000"),
                        QStringLiteral("loginPerAddress=1000")});
    QVERIFY(m_server.start(QStringLiteral("TestServerFeed")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
}

void TestServerFeed::cleanupTestCase()
{
    m_client.reset();
    m_server.stop();
}

bool TestServerFeed::appendChanges(int count, const QString& userId)
{
    for (int i = 0; i < count; ++i) {
        const QString folder =
            userId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : QString();
        const QString sql =
            QStringLiteral("INSERT INTO changes (seq, folder_id, user_id, kind, object_id, created_at) "
                           "SELECT last_seq + 1, '%1', '%2', 'grant', 'object-%3', 1000 FROM change_counter")
                .arg(folder, userId)
                .arg(i);
        if (!m_server.execSql(sql) ||
            !m_server.execSql(QStringLiteral("UPDATE change_counter SET last_seq = last_seq + 1")))
            return false;
    }
    return true;
}

qint64 TestServerFeed::head()
{
    return m_server.sqlValue(QStringLiteral("SELECT last_seq FROM change_counter")).toLongLong();
}

Live TestServerFeed::openLive(const QString& path, const QByteArray& authorization)
{
    Live live;
    QUrl url(m_server.baseUrl());
    url.setScheme(QStringLiteral("ws"));
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QStringList* messages = &live.messages;
    QObject::connect(live.socket.get(), &QWebSocket::textMessageReceived, live.socket.get(),
                     [messages](const QString& message) { messages->append(message); });
    live.socket->open(request);
    return live;
}

TestAccount TestServerFeed::blockedWorker(QString* orgId, QString* blockId, TestAccount* owner)
{
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.net");
    *owner = ready(*m_client, m_server, QStringLiteral("boss@") + domain);
    if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Initech"),
                        QStringLiteral("--owner"), owner->email},
                       orgId) != 0)
        return {};
    *orgId = orgId->trimmed();
    if (m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), *orgId,
                        QStringLiteral("--domain"), domain}) != 0)
        return {};
    TestAccount worker = ready(*m_client, m_server, QStringLiteral("worker@") + domain);
    m_tokens << owner->token << worker.token;
    const ApiResponse blocked = m_client->post(
        QStringLiteral("/api/v1/orgs/%1/blocks").arg(*orgId),
        {{QStringLiteral("scope"), QStringLiteral("email")}, {QStringLiteral("value"), worker.email}},
        owner->token);
    if (blocked.status != 201)
        return {};
    *blockId = blocked.json.value(QStringLiteral("id")).toString();
    return worker;
}

void TestServerFeed::emptyFeed()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("empty"));
    m_tokens << user.token;
    const ApiResponse r = m_client->get(QStringLiteral("/api/v1/feed"), user.token);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QStringLiteral("changes")).toArray().isEmpty());
    QCOMPARE(r.json.value(QStringLiteral("cursor")).toInteger(), head());
    QCOMPARE(r.json.value(QStringLiteral("more")).toBool(), false);
    // An unchanged poll stays small.
    const ApiResponse again = m_client->get(feedPath(head()), user.token);
    QCOMPARE(again.status, 200);
    QVERIFY2(again.raw.size() < 100, again.raw.constData());
}

void TestServerFeed::hostileQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("negative cursor") << QStringLiteral("cursor=-1") << QStringLiteral("cursor");
    QTest::newRow("text cursor") << QStringLiteral("cursor=abc") << QStringLiteral("cursor");
    QTest::newRow("empty cursor") << QStringLiteral("cursor=") << QStringLiteral("cursor");
    QTest::newRow("exponent cursor") << QStringLiteral("cursor=1e3") << QStringLiteral("cursor");
    QTest::newRow("hex cursor") << QStringLiteral("cursor=0x10") << QStringLiteral("cursor");
    QTest::newRow("spaced cursor") << QStringLiteral("cursor=%201") << QStringLiteral("cursor");
    QTest::newRow("plus cursor") << QStringLiteral("cursor=%2B1") << QStringLiteral("cursor");
    QTest::newRow("fraction cursor") << QStringLiteral("cursor=1.5") << QStringLiteral("cursor");
    QTest::newRow("huge cursor") << QStringLiteral("cursor=99999999999999999999999")
                                 << QStringLiteral("cursor");
    QTest::newRow("2^53 cursor") << QStringLiteral("cursor=9007199254740992") << QStringLiteral("cursor");
    QTest::newRow("2^63 cursor") << QStringLiteral("cursor=9223372036854775808") << QStringLiteral("cursor");
    QTest::newRow("twice cursor") << QStringLiteral("cursor=0&cursor=1") << QStringLiteral("cursor");
    QTest::newRow("zero limit") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::newRow("negative limit") << QStringLiteral("limit=-5") << QStringLiteral("limit");
    QTest::newRow("limit past the maximum") << QStringLiteral("limit=501") << QStringLiteral("limit");
    QTest::newRow("text limit") << QStringLiteral("limit=all") << QStringLiteral("limit");
    QTest::newRow("unknown parameter") << QStringLiteral("since=0") << QStringLiteral("since");
    QTest::newRow("token in the query")
        << QStringLiteral("access_token=abc") << QStringLiteral("access_token");
}

void TestServerFeed::hostileQuery()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    static TestAccount user;
    if (user.token.isEmpty()) {
        user = ready(*m_client, m_server, uniqueEmail("hostile"));
        m_tokens << user.token;
    }
    const ApiResponse r = m_client->get(QStringLiteral("/api/v1/feed?") + query, user.token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid-input"));
    QCOMPARE(r.errorField(), field);
}

void TestServerFeed::cursorAheadOfTheLog()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("ahead"));
    m_tokens << user.token;
    const ApiResponse r = m_client->get(feedPath(head() + 1), user.token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("cursor"));
}

void TestServerFeed::paginationAndResume()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("pages"));
    m_tokens << user.token;
    const qint64 start = head();
    // Seven of the user's changes with others' in between.
    for (int i = 0; i < 7; ++i) {
        QVERIFY(appendChanges(1, user.userId));
        QVERIFY(appendChanges(2, {}));
    }
    QList<qint64> seen;
    qint64 cursor = start;
    int pages = 0;
    bool more = true;
    while (more) {
        const ApiResponse r = m_client->get(feedPath(cursor, 3), user.token);
        QCOMPARE(r.status, 200);
        const QJsonArray changes = r.json.value(QStringLiteral("changes")).toArray();
        QVERIFY(changes.size() <= 3);
        for (const QJsonValue& value : changes) {
            const QJsonObject change = value.toObject();
            QVERIFY(change.value(QStringLiteral("seq")).toInteger() > cursor);
            QCOMPARE(change.value(QStringLiteral("kind")).toString(), QStringLiteral("grant"));
            QVERIFY(!change.contains(QStringLiteral("folderId")));
            QVERIFY(
                change.value(QStringLiteral("objectId")).toString().startsWith(QStringLiteral("object-")));
            QVERIFY(!change.value(QStringLiteral("at")).toString().isEmpty());
            seen.append(change.value(QStringLiteral("seq")).toInteger());
        }
        const qint64 next = r.json.value(QStringLiteral("cursor")).toInteger();
        QVERIFY(next >= cursor);
        more = r.json.value(QStringLiteral("more")).toBool();
        if (more)
            QCOMPARE(changes.size(), 3);
        cursor = next;
        QVERIFY(++pages < 10);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 7);
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(seen.at(i) > seen.at(i - 1));
    QCOMPARE(cursor, head());

    // Resuming from a cursor inside the run gives exactly the rest, and nothing twice.
    const ApiResponse resumed = m_client->get(feedPath(seen.at(3)), user.token);
    QCOMPARE(resumed.status, 200);
    const QJsonArray rest = resumed.json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(rest.size(), 3);
    QCOMPARE(rest.first().toObject().value(QStringLiteral("seq")).toInteger(), seen.at(4));
    QCOMPARE(resumed.json.value(QStringLiteral("cursor")).toInteger(), head());
    // And from the head, nothing.
    const ApiResponse unchanged = m_client->get(feedPath(cursor), user.token);
    QVERIFY(unchanged.json.value(QStringLiteral("changes")).toArray().isEmpty());
    QCOMPARE(unchanged.json.value(QStringLiteral("more")).toBool(), false);
}

void TestServerFeed::othersChangesInvisibleAndWindowBounded()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("window"));
    TestAccount other = ready(*m_client, m_server, uniqueEmail("other"));
    m_tokens << user.token << other.token;
    const qint64 start = head();
    QVERIFY(appendChanges(3, other.userId));
    const ApiResponse r = m_client->get(feedPath(start), user.token);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QStringLiteral("changes")).toArray().isEmpty());
    // The cursor moves past what the user cannot see, so the next poll starts from there.
    QCOMPARE(r.json.value(QStringLiteral("cursor")).toInteger(), start + 3);
    QCOMPARE(
        m_client->get(feedPath(start), other.token).json.value(QStringLiteral("changes")).toArray().size(),
        3);
}

void TestServerFeed::blockedUsersFeed()
{
    QString orgId;
    QString blockId;
    TestAccount owner;
    const qint64 before = head();
    TestAccount worker = blockedWorker(&orgId, &blockId, &owner);
    QVERIFY(!worker.userId.isEmpty());
    // The block ended the worker's sessions; signed in again, the feed is refused with the reason.
    QCOMPARE(m_client->get(feedPath(before), worker.token).status, 401);
    QVERIFY(signIn(*m_client, worker));
    m_tokens << worker.token;
    const ApiResponse refused = m_client->get(feedPath(before), worker.token);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("sharing-blocked"));

    // Lifted, and the address verified again: the feed tells what happened in between.
    QCOMPARE(
        m_client->del(QStringLiteral("/api/v1/orgs/%1/blocks/%2").arg(orgId, blockId), owner.token).status,
        200);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/v1/accounts/verify/resend"),
                        {{QStringLiteral("email"), worker.email}})
                 .status,
             202);
    QVERIFY(verify(*m_client, m_server, worker));
    const ApiResponse r = m_client->get(feedPath(before), worker.token);
    QCOMPARE(r.status, 200);
    const QJsonArray changes = r.json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("blocked"));
    QCOMPARE(changes.at(0).toObject().value(QStringLiteral("objectId")).toString(), blockId);
    QCOMPARE(changes.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("unblocked"));
    QVERIFY(!changes.at(1).toObject().contains(QStringLiteral("folderId")));
    // The owner, never covered by the organisation's blocks, saw neither.
    const ApiResponse ownerFeed = m_client->get(feedPath(before), owner.token);
    QCOMPARE(ownerFeed.status, 200);
    QVERIFY(ownerFeed.json.value(QStringLiteral("changes")).toArray().isEmpty());
}

void TestServerFeed::liveRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("no token") << QStringLiteral("/api/v1/live") << QByteArray() << 401 << QString();
    QTest::newRow("wrong token") << QStringLiteral("/api/v1/live")
                                 << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") << 401
                                 << QString();
    QTest::newRow("other scheme") << QStringLiteral("/api/v1/live") << QByteArray("Basic dXNlcjpwYXNz") << 401
                                  << QString();
    QTest::newRow("token only in the URL")
        << QStringLiteral("/api/v1/live?token=%1") << QByteArray() << 401 << QString();
    QTest::newRow("token in the URL besides the header")
        << QStringLiteral("/api/v1/live?access_token=%1") << QByteArray("header") << 400
        << QStringLiteral("query");
    QTest::newRow("another path") << QStringLiteral("/api/v1/sharing/status") << QByteArray("header") << 200
                                  << QString();
    QTest::newRow("no such path") << QStringLiteral("/api/v1/nowhere") << QByteArray("header") << 404
                                  << QString();
}

void TestServerFeed::liveRefusals()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, field);
    static TestAccount user;
    if (user.token.isEmpty()) {
        user = ready(*m_client, m_server, uniqueEmail("refused"));
        m_tokens << user.token;
    }
    if (path.contains(QLatin1String("%1")))
        path = path.arg(user.token);
    if (authorization == "header")
        authorization = "Bearer " + user.token.toLatin1();
    // A raw upgrade request, to see the answer's status line: the refusal comes before any
    // upgrade, as a plain HTTP answer from the request pipeline.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    QByteArray request = "GET " + path.toUtf8() +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), kWaitMs);
    const QByteArray statusLine = answer.left(answer.indexOf("\r\n"));
    const QByteArray expected = "HTTP/1.1 " + QByteArray::number(status);
    QVERIFY2(statusLine.startsWith(expected), statusLine.constData());
    QVERIFY(!answer.contains("101 Switching"));
    if (!field.isEmpty()) {
        const QByteArray fieldJson = "\"field\":\"" + field.toUtf8() + '"';
        QVERIFY(answer.contains(fieldJson));
    }
}

void TestServerFeed::liveSendsTheHeadOnOpen()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("head"));
    m_tokens << user.token;
    Live live = openLive(QStringLiteral("/api/v1/live"), "Bearer " + user.token.toLatin1());
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, kWaitMs);
    const QJsonObject hint = QJsonDocument::fromJson(live.messages.first().toUtf8()).object();
    QCOMPARE(hint.keys(), QStringList{QStringLiteral("cursor")});
    QCOMPARE(hint.value(QStringLiteral("cursor")).toInteger(), head());
    live.socket->close();
}

void TestServerFeed::livePlainGetIsRefused()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("plain"));
    m_tokens << user.token;
    const ApiResponse r = m_client->get(QStringLiteral("/api/v1/live"), user.token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("Upgrade"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/live")).status, 401);
}

void TestServerFeed::liveClosesOnRevocation()
{
    TestAccount user = ready(*m_client, m_server, uniqueEmail("revoked"));
    m_tokens << user.token;
    Live live = openLive(QStringLiteral("/api/v1/live"), "Bearer " + user.token.toLatin1());
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, kWaitMs);
    QSignalSpy closed(live.socket.get(), &QWebSocket::disconnected);
    QCOMPARE(m_client->del(QStringLiteral("/api/v1/sessions/current"), user.token).status, 200);
    // The signal may come while the revocation's answer is awaited already.
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 1000);
    QCOMPARE(int(live.socket->closeCode()), 4401);
}

void TestServerFeed::liveRefusesBlockedUser()
{
    QString orgId;
    QString blockId;
    TestAccount owner;
    TestAccount worker = blockedWorker(&orgId, &blockId, &owner);
    QVERIFY(!worker.userId.isEmpty());
    QVERIFY(signIn(*m_client, worker));
    m_tokens << worker.token;
    Live live = openLive(QStringLiteral("/api/v1/live"), "Bearer " + worker.token.toLatin1());
    QSignalSpy closed(live.socket.get(), &QWebSocket::disconnected);
    QVERIFY(closed.wait(kWaitMs));
    QVERIFY(live.messages.isEmpty());
    QVERIFY(m_server.logText().contains(QStringLiteral("GET /api/v1/live 403 ") + worker.userId));
}

void TestServerFeed::tokenInNoLog()
{
    // Every token of the run, including those sent in refused live URLs.
    const QString logs = m_server.logText();
    QVERIFY(!logs.isEmpty());
    QVERIFY(m_tokens.size() > 5);
    for (const QString& token : std::as_const(m_tokens)) {
        QVERIFY(!token.isEmpty());
        QVERIFY2(!logs.contains(token), "a session token appears in the server's log");
    }
    QVERIFY(logs.contains(QStringLiteral("live connection opened")));
}

QTEST_GUILESS_MAIN(TestServerFeed)
#include "TestServerFeed.moc"
