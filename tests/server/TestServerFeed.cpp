// The changes feed and the live WebSocket against the real conclave-server (SQLite, or
// PostgreSQL with CONCLAVE_TEST_SERVER_STORAGE=postgres): pagination and resuming from a
// cursor, hostile cursors answered 400 with the field, folder changes reaching members only,
// a removed member's and a blocked user's feed, the route x principal table of both routes,
// the live socket's refusals (token in the URL, no or a bad token, a blocked user), a hint on
// a second connection within 1 s (also from another server process on the same database),
// its closing on revocation, and no token in any URL or log line.
#include "ServerAccounts.h"
#include "SharingFixture.h"

#include "core/crypto/MembershipLog.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

#include <memory>

using namespace ServerAccounts;
using Conclave::Core::FolderRole;
using Conclave::Core::ItemEnvelope;

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
    void folderChangesReachMembersOnly();
    void removedMembersFeed();
    void concurrentWritersNoneSkipped();
    void accessMatrix_data();
    void accessMatrix();

    void liveRefusals_data();
    void liveRefusals();
    void liveSendsTheHeadOnOpen();
    void livePlainGetIsRefused();
    void liveClosesOnRevocation();
    void liveHintWithinOneSecond();
    void liveHintCarriesAFewChangesOnly();
    void liveAcrossServerProcesses();
    void revocationReachesEveryProcess_data();
    void revocationReachesEveryProcess();
    void liveRefusesBlockedUser();
    void liveRefusalsAudited_data();
    void liveRefusalsAudited();
    void liveClosesOnExpiry();
    void tokenInNoLog();

private:
    // Appends `count` changes directly in the server's database (test set-up: the feed's
    // reading side does not depend on which route wrote them), each addressed to the user
    // when `userId` is set, else to a folder nobody is a member of.
    bool appendChanges(int count, const QString& userId);
    qint64 head();
    Live openLive(const QString& path, const QByteArray& authorization);
    TestAccount workerOfNewOrganisation(QString* orgId, TestAccount* owner);
    QString block(const QString& orgId, const TestAccount& owner, const TestAccount& worker);
    TestAccount blockedWorker(QString* orgId, QString* blockId, TestAccount* owner);
    // The status line the server answers a raw upgrade request of /api/v1/live with.
    QByteArray upgradeStatusLine(const QByteArray& authorization);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
    QStringList m_tokens; // every token handed out, searched for in the logs at the end
};

void TestServerFeed::initTestCase()
{
    // Many accounts from one address: the sign-up budgets are not under test here.
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestServerFeed")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
}

void TestServerFeed::cleanupTestCase()
{
    m_fx.reset();
    m_client.reset();
    m_server.stop();
}

bool TestServerFeed::appendChanges(int count, const QString& userId)
{
    // All at once, as one writer's transaction would make them visible (the counter moves
    // once, after the rows are there).
    const QString folder = userId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : QString();
    const QString sql =
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
            "INSERT INTO changes (seq, folder_id, user_id, kind, object_id, created_at) "
            "SELECT last_seq + i, '%2', '%3', 'grant', 'object-' || i, 1000 FROM change_counter, n")
            .arg(count)
            .arg(folder, userId);
    return m_server.execSql(sql) &&
           m_server.execSql(QStringLiteral("UPDATE change_counter SET last_seq = last_seq + %1").arg(count));
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

TestAccount TestServerFeed::workerOfNewOrganisation(QString* orgId, TestAccount* owner)
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
    return worker;
}

QString TestServerFeed::block(const QString& orgId, const TestAccount& owner, const TestAccount& worker)
{
    const ApiResponse blocked =
        m_client->post(QStringLiteral("/api/v1/orgs/%1/blocks").arg(orgId),
                       {{QStringLiteral("scope"), QStringLiteral("email")},
                        {QStringLiteral("value"), worker.email},
                        {QStringLiteral("reason"), QStringLiteral("Left the project")}},
                       owner.token);
    return blocked.status == 201 ? blocked.json.value(QStringLiteral("id")).toString() : QString();
}

TestAccount TestServerFeed::blockedWorker(QString* orgId, QString* blockId, TestAccount* owner)
{
    TestAccount worker = workerOfNewOrganisation(orgId, owner);
    if (worker.userId.isEmpty())
        return {};
    *blockId = block(*orgId, *owner, worker);
    return blockId->isEmpty() ? TestAccount{} : worker;
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
    // The admin's reason, verbatim and machine-readable, next to the code.
    QCOMPARE(
        refused.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toString(),
        QStringLiteral("Left the project"));

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

void TestServerFeed::folderChangesReachMembersOnly()
{
    SharingUser alice = m_fx->user("alice");
    SharingUser bob = m_fx->user("bob");
    SharingUser carol = m_fx->user("carol");
    QVERIFY(alice.isValid() && bob.isValid() && carol.isValid());
    m_tokens << alice.token() << bob.token() << carol.token();
    const qint64 before = head();
    SharedFolder folder = m_fx->createFolder(alice);
    QVERIFY(folder.isValid());
    QCOMPARE(m_fx->addMember(folder, alice, bob, FolderRole::Edit).status, 201);
    const QUuid itemId = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(folder, alice, itemId, "payload").status, 201);

    const ApiResponse r = m_client->get(feedPath(before), bob.token());
    QCOMPARE(r.status, 200);
    bool sawItem = false;
    for (const QJsonValue& value : r.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject change = value.toObject();
        if (change.contains(QStringLiteral("folderId")))
            QCOMPARE(change.value(QStringLiteral("folderId")).toString(), folder.idText());
        sawItem = sawItem || (change.value(QStringLiteral("kind")).toString() == QLatin1String("item") &&
                              change.value(QStringLiteral("objectId")).toString() ==
                                  itemId.toString(QUuid::WithoutBraces));
    }
    QVERIFY2(sawItem, r.raw.constData());
    // A user of the same organisation who is no member sees none of it.
    const ApiResponse other = m_client->get(feedPath(before), carol.token());
    QCOMPARE(other.status, 200);
    QVERIFY2(other.json.value(QStringLiteral("changes")).toArray().isEmpty(), other.raw.constData());
    QCOMPARE(other.json.value(QStringLiteral("cursor")).toInteger(), head());
}

void TestServerFeed::removedMembersFeed()
{
    SharingUser alice = m_fx->user("alice");
    SharingUser bob = m_fx->user("bob");
    QVERIFY(alice.isValid() && bob.isValid());
    m_tokens << alice.token() << bob.token();
    SharedFolder folder = m_fx->createFolder(alice);
    QCOMPARE(m_fx->addMember(folder, alice, bob, FolderRole::Edit).status, 201);
    QCOMPARE(m_fx->writeItem(folder, alice, QUuid::createUuid(), "before").status, 201);
    const qint64 cursor = head();
    // Removal and key rotation in one request, as a manager's client sends them.
    QCOMPARE(m_fx->rotate(folder, alice, &bob).status, 200);
    QCOMPARE(m_fx->writeItem(folder, alice, QUuid::createUuid(), "after").status, 201);

    const ApiResponse r = m_client->get(feedPath(cursor), bob.token());
    QCOMPARE(r.status, 200);
    const QJsonArray changes = r.json.value(QStringLiteral("changes")).toArray();
    qint64 removedAt = 0;
    for (const QJsonValue& value : changes) {
        const QJsonObject change = value.toObject();
        if (change.value(QStringLiteral("kind")).toString() == QLatin1String("removed")) {
            QVERIFY(!change.contains(QStringLiteral("folderId")));
            QCOMPARE(change.value(QStringLiteral("objectId")).toString(), folder.idText());
            removedAt = change.value(QStringLiteral("seq")).toInteger();
        }
    }
    QVERIFY2(removedAt > 0, r.raw.constData());
    // Nothing of the folder after the removal (nor, as a former member, before it).
    for (const QJsonValue& value : changes)
        QVERIFY2(value.toObject().value(QStringLiteral("folderId")).toString() != folder.idText(),
                 r.raw.constData());
    QCOMPARE(r.json.value(QStringLiteral("cursor")).toInteger(), head());
    // Alice, still a member, sees the write after the removal.
    const ApiResponse manager = m_client->get(feedPath(removedAt), alice.token());
    bool sawLater = false;
    for (const QJsonValue& value : manager.json.value(QStringLiteral("changes")).toArray())
        sawLater =
            sawLater || value.toObject().value(QStringLiteral("folderId")).toString() == folder.idText();
    QVERIFY(sawLater);
}

void TestServerFeed::concurrentWritersNoneSkipped()
{
    // Writers, each an account of its own on a thread of its own, write to folders of their
    // own through two server processes on one database, while a reader who is a member of
    // every folder follows the feed in small pages on the first. Every write a writer was
    // told committed is seen exactly once, in the order that writer saw its commits.
    constexpr int kWriters = 4;
    constexpr int kFoldersEach = 3;
    constexpr int kWritesEach = 15;
    ServerHarness second;
    second.setConfig(SharingFixture::serverConfig());
    second.useStorageOf(m_server);
    second.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"),
                          m_server.dataDir() + QStringLiteral("/server.key"));
    QVERIFY(second.start(QStringLiteral("TestServerFeed-second")));

    SharingUser reader = m_fx->user("feed-reader");
    QVERIFY(reader.isValid());
    m_tokens << reader.token();
    struct Writer
    {
        SharingUser user;
        QList<SharedFolder> folders;
        QString baseUrl;
        QStringList committed; // item ids, in the order the server answered 201
        QString failure;
    };
    QList<Writer> writers(kWriters);
    for (int w = 0; w < kWriters; ++w) {
        Writer& writer = writers[w];
        writer.user = m_fx->user("feed-writer");
        QVERIFY(writer.user.isValid());
        m_tokens << writer.user.token();
        for (int f = 0; f < kFoldersEach; ++f) {
            SharedFolder folder = m_fx->createFolder(writer.user);
            QVERIFY(folder.isValid());
            QCOMPARE(m_fx->addMember(folder, writer.user, reader, FolderRole::View).status, 201);
            writer.folders.append(folder.detached());
        }
        writer.baseUrl = w % 2 == 0 ? m_server.baseUrl() : second.baseUrl();
    }
    const qint64 start = head();

    SharingFixture& fx = *m_fx;
    std::vector<std::unique_ptr<QThread>> threads;
    for (Writer& writer : writers) {
        threads.emplace_back(QThread::create([&writer, &fx] {
            ApiClient client(writer.baseUrl);
            for (int i = 0; i < kWritesEach && writer.failure.isEmpty(); ++i) {
                SharedFolder& folder = writer.folders[i % kFoldersEach];
                const QUuid itemId = QUuid::createUuid();
                const ItemEnvelope envelope = fx.seal(folder, writer.user, itemId, "concurrent");
                const QJsonObject body = fx.writeBody(folder, writer.user, envelope);
                const ApiResponse r =
                    client.post(folder.path(QStringLiteral("/items")), body, writer.user.token());
                if (r.status != 201) {
                    writer.failure =
                        QStringLiteral("write answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw));
                    break;
                }
                writer.committed.append(itemId.toString(QUuid::WithoutBraces));
                const QByteArray state =
                    QByteArray::fromBase64(body.value(QStringLiteral("state")).toString().toLatin1());
                if (!fx.absorbWrite(folder, envelope.serialize(), state))
                    writer.failure = QStringLiteral("the writer refused its own accepted write");
            }
        }));
    }
    for (auto& thread : threads)
        thread->start();

    QStringList seen;
    qint64 cursor = start;
    qint64 lastSeq = start;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        QVERIFY2(timer.elapsed() < 180000, "the feed did not catch up within 3 minutes");
        const bool writing =
            std::any_of(threads.begin(), threads.end(), [](const auto& t) { return t->isRunning(); });
        const ApiResponse page = m_client->get(feedPath(cursor, 3), reader.token());
        QVERIFY2(page.status == 200, page.raw.constData());
        const QJsonArray changes = page.json.value(QStringLiteral("changes")).toArray();
        for (const QJsonValue& v : changes) {
            const QJsonObject c = v.toObject();
            const qint64 seq = c.value(QStringLiteral("seq")).toInteger();
            QVERIFY2(seq > lastSeq, qPrintable(QStringLiteral("seq %1 after %2").arg(seq).arg(lastSeq)));
            lastSeq = seq;
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("item"))
                seen.append(c.value(QStringLiteral("objectId")).toString());
        }
        cursor = page.json.value(QStringLiteral("cursor")).toInteger();
        if (!writing && changes.isEmpty() && !page.json.value(QStringLiteral("more")).toBool())
            break;
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(30000));

    QSet<QString> unique(seen.cbegin(), seen.cend());
    QCOMPARE(unique.size(), seen.size()); // nothing twice
    QStringList allCommitted;
    for (const Writer& writer : writers) {
        QVERIFY2(writer.failure.isEmpty(), qPrintable(writer.failure));
        QCOMPARE(writer.committed.size(), kWritesEach);
        allCommitted += writer.committed;
        // The writer's own commits, in the feed's order, are the order it was told of them.
        QStringList inFeed;
        for (const QString& id : std::as_const(seen)) {
            if (writer.committed.contains(id))
                inFeed.append(id);
        }
        QCOMPARE(inFeed, writer.committed);
    }
    QCOMPARE(unique,
             QSet<QString>(allCommitted.cbegin(), allCommitted.cend())); // none skipped, none invented
    second.stop();
}

void TestServerFeed::accessMatrix_data()
{
    QTest::addColumn<int>("principal");
    QTest::addColumn<QString>("route");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    using P = SharingFixture::Principal;
    for (const P p : SharingFixture::principals()) {
        const bool allowed = p != P::Blocked && p != P::Unverified && p != P::ExpiredSession;
        const int status = p == P::ExpiredSession ? 401 : allowed ? 200 : 403;
        const QString reason = p == P::ExpiredSession ? QStringLiteral("unauthenticated")
                               : p == P::Blocked      ? QStringLiteral("sharing-blocked")
                               : p == P::Unverified   ? QStringLiteral("email-unverified")
                                                      : QString();
        const char* name = SharingFixture::principalName(p);
        QTest::addRow("GET /api/v1/feed, %s", name) << int(p) << QStringLiteral("feed") << status << reason;
        // A plain GET of the live address: past the access checks it is 400 (no upgrade).
        QTest::addRow("GET /api/v1/live, %s", name)
            << int(p) << QStringLiteral("live") << (allowed ? 400 : status) << reason;
        // The WebSocket upgrade itself: 101 when allowed, the same refusal before any upgrade.
        QTest::addRow("GET /api/v1/live upgrade, %s", name)
            << int(p) << QStringLiteral("upgrade") << (allowed ? 101 : status) << QString();
    }
}

void TestServerFeed::accessMatrix()
{
    QFETCH(int, principal);
    QFETCH(QString, route);
    QFETCH(int, status);
    QFETCH(QString, reason);
    SharingUser manager = m_fx->user("owner");
    QVERIFY(manager.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    QVERIFY(folder.isValid());
    SharingUser caller = m_fx->principal(SharingFixture::Principal(principal), folder, manager);
    QVERIFY(caller.isValid());
    m_tokens << manager.token() << caller.token();
    if (route == QLatin1String("upgrade")) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(socket.waitForConnected(kWaitMs));
        socket.write("GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " +
                     caller.token().toLatin1() + "\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), kWaitMs);
        const QByteArray expected = "HTTP/1.1 " + QByteArray::number(status);
        QVERIFY2(answer.startsWith(expected), answer.left(answer.indexOf('\r')).constData());
        return;
    }
    const ApiResponse r = m_client->get(QStringLiteral("/api/v1/") + route, caller.token());
    QVERIFY2(r.status == status, r.raw.constData());
    if (!reason.isEmpty())
        QCOMPARE(r.errorCode(), reason);
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

void TestServerFeed::liveHintWithinOneSecond()
{
    SharingUser alice = m_fx->user("alice");
    SharingUser bob = m_fx->user("bob");
    QVERIFY(alice.isValid() && bob.isValid());
    m_tokens << alice.token() << bob.token();
    SharedFolder folder = m_fx->createFolder(alice);
    QCOMPARE(m_fx->addMember(folder, alice, bob, FolderRole::View).status, 201);
    Live live = openLive(QStringLiteral("/api/v1/live"), "Bearer " + bob.token().toLatin1());
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, kWaitMs);
    const qint64 opened = QJsonDocument::fromJson(live.messages.first().toUtf8())
                              .object()
                              .value(QStringLiteral("cursor"))
                              .toInteger();
    // Another connection (alice's) writes; bob's socket hears of it within a second.
    QCOMPARE(m_fx->writeItem(folder, alice, QUuid::createUuid(), "hinted").status, 201);
    const qint64 written = head();
    QVERIFY(written > opened);
    auto newest = [&] {
        qint64 cursor = 0;
        for (const QString& message : std::as_const(live.messages)) {
            cursor = qMax(cursor, QJsonDocument::fromJson(message.toUtf8())
                                      .object()
                                      .value(QStringLiteral("cursor"))
                                      .toInteger());
        }
        return cursor;
    };
    QTRY_VERIFY_WITH_TIMEOUT(newest() >= written, 1000);
    // Changes bob may not see (a folder he is no member of) bring him no hint: once the hint
    // of a later change of his folder is there, every hint names a change of his feed.
    SharedFolder other = m_fx->createFolder(alice);
    QVERIFY(other.isValid());
    QCOMPARE(m_fx->writeItem(other, alice, QUuid::createUuid(), "private").status, 201);
    QCOMPARE(m_fx->writeItem(folder, alice, QUuid::createUuid(), "later").status, 201);
    const qint64 later = head();
    QTRY_VERIFY_WITH_TIMEOUT(newest() >= later, 1000);
    const QJsonArray feed =
        m_client->get(feedPath(opened), bob.token()).json.value(QStringLiteral("changes")).toArray();
    QSet<qint64> visible;
    for (const QJsonValue& value : feed)
        visible.insert(value.toObject().value(QStringLiteral("seq")).toInteger());
    // Each hint after the first carries the feed page since the one before it: exactly the
    // changes the feed has in that range, starting where the previous hint ended.
    qint64 certified = opened;
    for (qsizetype i = 1; i < live.messages.size(); ++i) {
        const QJsonObject hint = QJsonDocument::fromJson(live.messages.at(i).toUtf8()).object();
        QCOMPARE(hint.keys(),
                 (QStringList{QStringLiteral("after"), QStringLiteral("changes"), QStringLiteral("cursor")}));
        const qint64 cursor = hint.value(QStringLiteral("cursor")).toInteger();
        QCOMPARE(hint.value(QStringLiteral("after")).toInteger(), certified);
        QJsonArray expected;
        for (const QJsonValue& value : feed) {
            const qint64 seq = value.toObject().value(QStringLiteral("seq")).toInteger();
            if (seq > certified && seq <= cursor)
                expected.append(value);
        }
        QVERIFY2(!expected.isEmpty(), qPrintable(live.messages.at(i)));
        QCOMPARE(hint.value(QStringLiteral("changes")).toArray(), expected);
        for (const QJsonValue& value : hint.value(QStringLiteral("changes")).toArray())
            QVERIFY2(visible.contains(value.toObject().value(QStringLiteral("seq")).toInteger()),
                     qPrintable(live.messages.at(i)));
        certified = cursor;
    }
    live.socket->close();
}

void TestServerFeed::liveHintCarriesAFewChangesOnly()
{
    SharingUser bob = m_fx->user("bob");
    QVERIFY(bob.isValid());
    m_tokens << bob.token();
    Live live = openLive(QStringLiteral("/api/v1/live"), "Bearer " + bob.token().toLatin1());
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, kWaitMs);
    auto message = [&](qsizetype i) {
        return QJsonDocument::fromJson(live.messages.at(i).toUtf8()).object();
    };
    // More changes at once than a hint carries (written by another process: the head
    // watcher finds them): the cursor alone, and the client reads the feed.
    QVERIFY(appendChanges(20, bob.account.userId));
    const qint64 many = head();
    QTRY_VERIFY_WITH_TIMEOUT(
        live.messages.size() >= 2 &&
            message(live.messages.size() - 1).value(QStringLiteral("cursor")).toInteger() >= many,
        1000 + 2000);
    QCOMPARE(message(live.messages.size() - 1).keys(), QStringList{QStringLiteral("cursor")});
    // The next hint carries its page again, from where the cursor-only hint ended.
    const qsizetype seen = live.messages.size();
    QVERIFY(appendChanges(3, bob.account.userId));
    const qint64 last = head();
    QTRY_VERIFY_WITH_TIMEOUT(
        live.messages.size() > seen &&
            message(live.messages.size() - 1).value(QStringLiteral("cursor")).toInteger() >= last,
        1000 + 2000);
    // One hint or a few (the watcher may find the three in different turns), each starting
    // where the one before ended.
    qint64 after = many;
    qsizetype carried = 0;
    for (qsizetype i = seen; i < live.messages.size(); ++i) {
        const QJsonObject next = message(i);
        QCOMPARE(next.value(QStringLiteral("after")).toInteger(), after);
        carried += next.value(QStringLiteral("changes")).toArray().size();
        after = next.value(QStringLiteral("cursor")).toInteger();
    }
    QCOMPARE(after, last);
    QCOMPARE(carried, qsizetype(3));
    live.socket->close();
}

void TestServerFeed::liveAcrossServerProcesses()
{
    // A second server on the same database: hints and revocations cross between them
    // (PostgreSQL: LISTEN/NOTIFY and the head watcher; SQLite: the head watcher and the
    // periodic check of open sockets).
    ServerHarness second;
    second.setConfig(SharingFixture::serverConfig());
    second.useStorageOf(m_server);
    // Replicas share the server key, so a session opened on one is valid on the other.
    second.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"),
                          m_server.dataDir() + QStringLiteral("/server.key"));
    QVERIFY(second.start(QStringLiteral("TestServerFeed-second")));
    SharingUser alice = m_fx->user("alice");
    SharingUser bob = m_fx->user("bob");
    QVERIFY(alice.isValid() && bob.isValid());
    m_tokens << alice.token() << bob.token();
    SharedFolder folder = m_fx->createFolder(alice);
    QCOMPARE(m_fx->addMember(folder, alice, bob, FolderRole::Edit).status, 201);

    Live live;
    {
        QUrl url(second.baseUrl());
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/live"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + bob.token().toLatin1());
        QStringList* messages = &live.messages;
        QObject::connect(live.socket.get(), &QWebSocket::textMessageReceived, live.socket.get(),
                         [messages](const QString& message) { messages->append(message); });
        live.socket->open(request);
    }
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, kWaitMs);
    QCOMPARE(m_fx->writeItem(folder, alice, QUuid::createUuid(), "elsewhere").status, 201);
    const QByteArray expected = QByteArray::number(head());
    QTRY_VERIFY_WITH_TIMEOUT(live.messages.last().toUtf8().contains(expected), 1000);

    // Signing out on the first server closes the socket on the second.
    QSignalSpy closed(live.socket.get(), &QWebSocket::disconnected);
    QCOMPARE(m_client->del(QStringLiteral("/api/v1/sessions/current"), bob.token()).status, 200);
    const int bound = ServerHarness::usePostgres() ? 1000 : 12000;
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, bound);
    QCOMPARE(int(live.socket->closeCode()), 4401);
    second.stop();
}

void TestServerFeed::revocationReachesEveryProcess_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("status");
    QTest::newRow("sign-out on the other server") << QStringLiteral("sign-out") << 401;
    QTest::newRow("block set on the other server") << QStringLiteral("block") << 401;
}

void TestServerFeed::revocationReachesEveryProcess()
{
    // Each process caches sessions and sharing gates; a revocation on another process must
    // still count on the very next request here (the access epoch), not after a while.
    QFETCH(QString, how);
    QFETCH(int, status);
    ServerHarness second;
    second.setConfig(SharingFixture::serverConfig());
    second.useStorageOf(m_server);
    second.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"),
                          m_server.dataDir() + QStringLiteral("/server.key"));
    QVERIFY(second.start(QStringLiteral("TestServerFeed-revocation")));
    ApiClient secondClient(second.baseUrl());
    QString orgId;
    TestAccount owner;
    TestAccount user = workerOfNewOrganisation(&orgId, &owner);
    QVERIFY(!user.userId.isEmpty());
    // The second process has the session and the user's sharing gate cached now.
    QCOMPARE(secondClient.get(QStringLiteral("/api/v1/feed"), user.token).status, 200);
    QCOMPARE(secondClient.get(QStringLiteral("/api/v1/feed"), user.token).status, 200);
    if (how == QLatin1String("sign-out"))
        QCOMPARE(m_client->del(QStringLiteral("/api/v1/sessions/current"), user.token).status, 200);
    else
        QVERIFY(!block(orgId, owner, user).isEmpty());
    QCOMPARE(secondClient.get(QStringLiteral("/api/v1/feed"), user.token).status, status);
    second.stop();
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

QByteArray TestServerFeed::upgradeStatusLine(const QByteArray& authorization)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    if (!socket.waitForConnected(kWaitMs))
        return {};
    QByteArray request = "GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                         "Sec-WebSocket-Version: 13\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (!answer.contains("\r\n") && timer.elapsed() < kWaitMs) {
        (void)socket.waitForReadyRead(200);
        answer += socket.readAll();
    }
    return answer.left(answer.indexOf("\r\n"));
}

void TestServerFeed::liveRefusalsAudited_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>(
        "log"); // "org": the blocking organisation's, "server": the server's own, "none"
    QTest::addColumn<QString>("reason");
    QTest::newRow("blocked user: the blocking organisation's log")
        << QStringLiteral("blocked") << QStringLiteral("org") << QStringLiteral("sharing-blocked");
    QTest::newRow("unverified user: the server's own log")
        << QStringLiteral("unverified") << QStringLiteral("server") << QStringLiteral("email-unverified");
    QTest::newRow("unknown token: nobody to attribute it to")
        << QStringLiteral("bad token") << QStringLiteral("none") << QString();
}

void TestServerFeed::liveRefusalsAudited()
{
    QFETCH(QString, caller);
    QFETCH(QString, log);
    QFETCH(QString, reason);
    QString orgId;
    QString blockId;
    TestAccount owner;
    TestAccount user;
    QByteArray authorization = "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    if (caller == QLatin1String("blocked")) {
        user = blockedWorker(&orgId, &blockId, &owner);
        QVERIFY(!user.userId.isEmpty());
        QVERIFY(signIn(*m_client, user));
    } else if (caller == QLatin1String("unverified")) {
        user = signUp(*m_client, uniqueEmail("unverified-live"));
        QVERIFY(!user.userId.isEmpty());
        QVERIFY(signIn(*m_client, user));
    }
    if (!user.token.isEmpty()) {
        m_tokens << user.token;
        authorization = "Bearer " + user.token.toLatin1();
    }
    const auto countOf = [this](const QString& where) {
        return m_server.sqlValue(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE ") + where)
            .toLongLong();
    };
    const qint64 allBefore = countOf(QStringLiteral("1 = 1"));
    const qint64 ownBefore = countOf(QStringLiteral("org_id = ''"));
    const QByteArray status = upgradeStatusLine(authorization);
    QVERIFY2(status.startsWith(log == QLatin1String("none") ? "HTTP/1.1 401" : "HTTP/1.1 403"),
             status.constData());

    if (log == QLatin1String("none")) {
        QCOMPARE(countOf(QStringLiteral("1 = 1")), allBefore);
        return;
    }
    if (log == QLatin1String("server")) {
        QCOMPARE(countOf(QStringLiteral("org_id = ''")), ownBefore + 1);
        return;
    }
    // The blocking organisation's admins read the refusal, attributed to the caller.
    QJsonObject refusal;
    qint64 after = 0;
    for (int guard = 0; guard < 100; ++guard) {
        const ApiResponse page = m_client->get(
            QStringLiteral("/api/v1/orgs/%1/audit?after=%2&limit=500").arg(orgId).arg(after), owner.token);
        QCOMPARE(page.status, 200);
        for (const QJsonValue& v : page.json.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("action")).toString() == QLatin1String("GET /api/v1/live"))
                refusal = e;
        }
        if (page.json.value(QStringLiteral("next")).isNull())
            break;
        after = page.json.value(QStringLiteral("next")).toInteger();
    }
    QCOMPARE(refusal.value(QStringLiteral("userId")).toString(), user.userId);
    QCOMPARE(refusal.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(refusal.value(QStringLiteral("reason")).toString(), reason);
}

void TestServerFeed::liveClosesOnExpiry()
{
    // Last but one: moving the clock ends every session of this server.
    SharingUser writer = m_fx->user("writer");
    SharingUser reader = m_fx->user("expiring");
    QVERIFY(writer.isValid() && reader.isValid());
    SharedFolder folder = m_fx->createFolder(writer);
    QCOMPARE(m_fx->addMember(folder, writer, reader, FolderRole::View).status, 201);
    m_tokens << writer.token() << reader.token();
    Live live = openLive(QStringLiteral("/api/v1/live"), "Bearer " + reader.token().toLatin1());
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, kWaitMs);
    QSignalSpy closed(live.socket.get(), &QWebSocket::disconnected);
    // Past the 15-minute idle limit: an open socket is no activity, so the session ends.
    m_server.advanceClock(16LL * 60 * 1000);
    QVERIFY(m_fx->signInAgain(writer));
    m_tokens << writer.token();
    // A change of the reader's folder right after: no page goes out on the ended session, and
    // the socket closes at once, not at the next periodic check (every 10 s).
    QElapsedTimer elapsed;
    elapsed.start();
    QCOMPARE(m_fx->writeItem(folder, writer, QUuid::createUuid(), "after the end").status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 15000);
    QVERIFY2(elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(int(live.socket->closeCode()), 4401);
    QCOMPARE(live.messages.size(), 1);
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
