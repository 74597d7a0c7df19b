// Tests SyncScheduler with two clients against the real conclave-server (labels sync, e2e):
// bob's engine holds ada's edit within a second through the live socket; with the live route
// refused by the server, polling on the injected interval still brings it; hints that come
// while a sync runs are coalesced into one follow-up; a change the server left out of the
// feed is found by the next poll's state check; a membership change the feed calls an item
// change is read in full, not refused; the server going away is reported once
// in words ("offline"), its return once ("online"), and the socket opens again with one sync;
// sign-out stops the socket and the timers.
#include "SharedPair.h"

#include "core/sync/SyncScheduler.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Conclave::Core;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 10'000;

SyncScheduler::Timing fastTiming(std::chrono::milliseconds pollDown = 30'000ms,
                                 std::chrono::milliseconds pollUp = 300'000ms)
{
    SyncScheduler::Timing timing;
    timing.pollWhileDown = pollDown;
    timing.pollWhileUp = pollUp;
    timing.live.minBackoff = 100ms;
    timing.live.maxBackoff = 500ms;
    timing.live.pingInterval = 1000ms;
    timing.live.pongTimeout = 1000ms;
    return timing;
}

QByteArray text(const SensitiveBytes* bytes)
{
    return bytes ? bytes->view().toByteArray() : QByteArray();
}

} // namespace

class TestSyncScheduler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void liveBringsAnEditWithinOneSecond();
    void pollingWhenTheLiveRouteIsRefused();
    void hintsDuringASyncAreCoalesced();
    void hintsCarryTheFeedPage_data();
    void hintsCarryTheFeedPage();
    void plainHintAfterAnOlderPageReadsTheFeed();
    void withheldHintIsFoundByThePoll();
    void membershipChangeDisguisedAsItemIsReadInFull();
    void offlineReportedOnceAndRecovered();
    void signOutStopsEverything();
    void draftIsPushedAfterAGoodSync();

private:
    bool waitIdle(SyncScheduler& scheduler);

    ServerHarness m_server;
    SharedPair m_pair;
};

void TestSyncScheduler::initTestCase()
{
    QVERIFY(m_pair.setUp(m_server, QStringLiteral("TestSyncScheduler")));
}

void TestSyncScheduler::cleanupTestCase()
{
    m_pair.a.reset();
    m_pair.b.reset();
    m_server.stop();
}

bool TestSyncScheduler::waitIdle(SyncScheduler& scheduler)
{
    return QTest::qWaitFor([&] { return scheduler.isLive() && !scheduler.isSyncing(); }, kWaitMs);
}

void TestSyncScheduler::liveBringsAnEditWithinOneSecond()
{
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming());
    scheduler.start();
    QVERIFY(waitIdle(scheduler));

    for (int i = 0; i < 5; ++i) {
        const QByteArray plaintext = "pg-live-" + QByteArray::number(i) + " db.internal:5432";
        const QUuid item = m_pair.write({}, plaintext);
        QVERIFY(!item.isNull());
        // No poll would come for five minutes: only the hint can bring it this fast.
        QTRY_COMPARE_WITH_TIMEOUT(text(m_pair.b->engine.itemPlaintext(m_pair.folderId, item)), plaintext,
                                  1000);
    }
    QVERIFY(scheduler.isLive());
    scheduler.stop();
}

void TestSyncScheduler::pollingWhenTheLiveRouteIsRefused()
{
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming(700ms));
    // The server answers this path with 404: live updates never open.
    scheduler.channel().setPath(QStringLiteral("/api/v1/live-refused"));
    QSignalSpy live(&scheduler, &SyncScheduler::liveChanged);
    QSignalSpy offline(&scheduler, &SyncScheduler::offline);
    QSignalSpy synced(&scheduler, &SyncScheduler::synced);
    scheduler.start();
    // The refused socket brings one poll at once.
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
    QVERIFY(synced.first().at(0).toBool());

    const QUuid item = m_pair.write({}, "polled db.internal:5432");
    QVERIFY(!item.isNull());
    // Within the polling interval (plus the sync itself).
    QTRY_COMPARE_WITH_TIMEOUT(text(m_pair.b->engine.itemPlaintext(m_pair.folderId, item)),
                              QByteArray("polled db.internal:5432"), 700 + 2000);
    QVERIFY(!scheduler.isLive());
    QVERIFY(!scheduler.liveProblem().isEmpty());
    QVERIFY(live.isEmpty());
    // The feed is reachable: this is not "offline".
    QVERIFY(offline.isEmpty());
    QVERIFY(scheduler.channel().failures() >= 1);
    scheduler.stop();
}

void TestSyncScheduler::hintsDuringASyncAreCoalesced()
{
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming());
    // Hints without their feed pages: every sync reads the feed, as with a server that
    // sends none, so syncs last long enough for hints to come in while they run.
    scheduler.channel().setTamper([](const QString&, QJsonObject& json) {
        json.remove(QStringLiteral("after"));
        json.remove(QStringLiteral("changes"));
    });
    scheduler.start();
    QVERIFY(waitIdle(scheduler));
    const int before = scheduler.syncCount();

    // Ada writes twelve items back to back; each is one change and one hint for bob.
    constexpr int kWrites = 12;
    QList<QUuid> items;
    std::vector<std::unique_ptr<std::optional<Result<QUuid>>>> results;
    QObject context;
    for (int i = 0; i < kWrites; ++i) {
        auto slot = std::make_unique<std::optional<Result<QUuid>>>();
        auto* target = slot.get();
        m_pair.a->engine.writeItem(m_pair.folderId, {}, "burst-" + QByteArray::number(i), &context,
                                   [target](Result<QUuid> r) { target->emplace(std::move(r)); });
        results.push_back(std::move(slot));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(results.begin(), results.end(), [](const auto& r) { return r->has_value(); }), 30'000);
    for (const auto& r : results) {
        QVERIFY((*r)->ok());
        items.append((*r)->value());
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(items.begin(), items.end(),
                                         [&](const QUuid& id) {
                                             return m_pair.b->engine.itemPlaintext(m_pair.folderId, id) !=
                                                    nullptr;
                                         }),
                             kWaitMs);
    QVERIFY(waitIdle(scheduler));
    const int syncs = scheduler.syncCount() - before;
    qInfo("%d hints brought %d syncs", kWrites, syncs);
    // Hints that came while a sync ran became one follow-up, not one sync each.
    QVERIFY2(syncs < kWrites, qPrintable(QString::number(syncs)));
    // And a hint already covered by the engine's cursor brings none.
    const int settled = scheduler.syncCount();
    QSignalSpy synced(&scheduler, &SyncScheduler::synced);
    emit scheduler.channel().hint(m_pair.b->engine.feedCursor());
    QVERIFY(!synced.wait(300));
    QCOMPARE(scheduler.syncCount(), settled);
    scheduler.stop();
}

void TestSyncScheduler::hintsCarryTheFeedPage_data()
{
    // How the server's hint is changed on its way: its page as sent, a page that starts past
    // the engine's cursor (it cannot say what came between), or no page.
    QTest::addColumn<QString>("hint");
    QTest::addColumn<bool>("feedRead");
    QTest::newRow("page as sent") << QStringLiteral("as sent") << false;
    QTest::newRow("page after the engine's cursor") << QStringLiteral("later") << true;
    QTest::newRow("no page") << QStringLiteral("none") << true;
}

void TestSyncScheduler::hintsCarryTheFeedPage()
{
    QFETCH(QString, hint);
    QFETCH(bool, feedRead);
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming());
    scheduler.start();
    QVERIFY(waitIdle(scheduler));
    SyncEngine& engine = m_pair.b->engine;
    scheduler.channel().setTamper([hint, &engine](const QString&, QJsonObject& json) {
        if (hint == QLatin1String("none")) {
            json.remove(QStringLiteral("after"));
            json.remove(QStringLiteral("changes"));
        } else if (hint == QLatin1String("later") && json.contains(QStringLiteral("after"))) {
            // A page that starts one past the engine's cursor (and so ends one further on).
            json.insert(QStringLiteral("after"), double(engine.feedCursor() + 1));
            json.insert(QStringLiteral("cursor"), json.value(QStringLiteral("cursor")).toDouble() + 1);
            QJsonArray changes;
            for (const QJsonValue change : json.value(QStringLiteral("changes")).toArray()) {
                if (change.toObject().value(QStringLiteral("seq")).toDouble() >
                    double(engine.feedCursor() + 1))
                    changes.append(change);
            }
            json.insert(QStringLiteral("changes"), changes);
        }
    });
    const int feedRequests = engine.feedRequests();
    const QUuid item = m_pair.write({}, "carried db.internal:5432");
    QVERIFY(!item.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(text(engine.itemPlaintext(m_pair.folderId, item)),
                              QByteArray("carried db.internal:5432"), kWaitMs);
    QVERIFY(waitIdle(scheduler));
    if (hint != QLatin1String("later"))
        QVERIFY(engine.feedCursor() >= scheduler.channel().latestHint());
    // The hint's page stood in for the feed request, and only when it reached the cursor.
    QCOMPARE(engine.feedRequests() > feedRequests, feedRead);
    QCOMPARE(scheduler.channel().carried().has_value(), hint != QLatin1String("none"));
    scheduler.stop();
}

void TestSyncScheduler::plainHintAfterAnOlderPageReadsTheFeed()
{
    // A hint's page is kept; a later hint with the cursor alone (more than 8 changes at once,
    // a read the server could not make) means "read the feed". The older page must not stand
    // in for it, even when the engine's cursor still lies in the page's range.
    const QUuid second = m_pair.createFolder(QStringLiteral("Second"));
    QVERIFY(!second.isNull());
    QVERIFY(m_pair.addBob(second));
    SyncEngine& engine = m_pair.b->engine;
    QVERIFY(succeeded(await([&](QObject* c, auto done) { engine.sync(c, done); }), "sync"));
    SyncScheduler scheduler(engine, m_pair.b->client);
    scheduler.setTiming(fastTiming());
    scheduler.start();
    QVERIFY(waitIdle(scheduler));

    // The sync of the first hint fails (an answer it cannot read): the cursor stays below the
    // kept page's cursor.
    bool fail = true;
    const QString first = m_pair.folderId.toString(QUuid::WithoutBraces);
    engine.api().setTamper([&fail, first](const QString& path, QJsonObject& json) {
        if (fail && path.contains(first))
            json = QJsonObject{{QStringLiteral("garbage"), true}};
    });
    int syncs = scheduler.syncCount();
    QVERIFY(!m_pair.write({}, "one db.internal:5432").isNull());
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.syncCount() > syncs && !scheduler.isSyncing(), kWaitMs);
    QVERIFY(scheduler.channel().carried().has_value());
    QVERIFY(engine.feedCursor() < scheduler.channel().carried()->page.cursor);
    fail = false;

    // The next hint comes with the cursor alone.
    scheduler.channel().setTamper([](const QString&, QJsonObject& json) {
        json.remove(QStringLiteral("after"));
        json.remove(QStringLiteral("changes"));
    });
    const auto written = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(second, {}, "two db.internal:5432", c, done);
    });
    QVERIFY(written && written->ok());
    // Well before the poll (5 minutes here): the hint's sync reads the feed.
    QTRY_COMPARE_WITH_TIMEOUT(text(engine.itemPlaintext(second, written->value())),
                              QByteArray("two db.internal:5432"), 3000);
    QVERIFY(waitIdle(scheduler));
    QVERIFY(engine.feedCursor() >= scheduler.channel().latestHint());
    engine.api().setTamper({});
    scheduler.stop();
}

void TestSyncScheduler::withheldHintIsFoundByThePoll()
{
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming(30'000ms, 1500ms));
    scheduler.start();
    QVERIFY(waitIdle(scheduler));
    // A server that sends the live hint but leaves the change out of the feed, and out of
    // the feed page the hint carries.
    auto withhold = [](const QString& path, QJsonObject& json) {
        if (path.startsWith(QLatin1String("/api/v1/feed")) || path == QLatin1String(LiveChannel::kPath))
            json.insert(QStringLiteral("changes"), QJsonArray());
    };
    m_pair.b->engine.api().setTamper(withhold);
    scheduler.channel().setTamper(withhold);
    const int before = scheduler.syncCount();
    const QUuid item = m_pair.write({}, "withheld db.internal:5432");
    QVERIFY(!item.isNull());
    // The hint's sync reads only the folders the feed names, and it names none.
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.syncCount() > before && !scheduler.isSyncing(), kWaitMs);
    QVERIFY(!m_pair.b->engine.itemPlaintext(m_pair.folderId, item));
    // The poll compares every held folder's state with the server's and finds the write.
    QTRY_COMPARE_WITH_TIMEOUT(text(m_pair.b->engine.itemPlaintext(m_pair.folderId, item)),
                              QByteArray("withheld db.internal:5432"), 1500 + 5000);
    m_pair.b->engine.api().setTamper({});
    scheduler.stop();
}

void TestSyncScheduler::membershipChangeDisguisedAsItemIsReadInFull()
{
    // Ada adds cy, then writes on the new log; bob's feed calls the add an item change, so his
    // engine tries the items first on the log it holds, cannot accept the write there, and
    // must read the log and grants instead of refusing.
    const QString emailC = ServerAccounts::uniqueEmail("cy", m_pair.emailA.section(QLatin1Char('@'), 1));
    QVERIFY(m_pair.signUp(emailC, "cy's long password"));
    QTemporaryDir dirC;
    Device cy(m_pair.url, dirC.path());
    QVERIFY(m_pair.signIn(cy, emailC, "cy's long password"));
    m_pair.b->engine.api().setTamper([](const QString& path, QJsonObject& json) {
        if (!path.startsWith(QLatin1String("/api/v1/feed")))
            return;
        QJsonArray changes = json.value(QStringLiteral("changes")).toArray();
        for (qsizetype i = 0; i < changes.size(); ++i) {
            QJsonObject change = changes.at(i).toObject();
            if (change.value(QStringLiteral("kind")).toString() == QLatin1String("membership"))
                change.insert(QStringLiteral("kind"), QStringLiteral("item"));
            changes.replace(i, change);
        }
        json.insert(QStringLiteral("changes"), changes);
    });
    const auto lookup = awaitResult<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { m_pair.a->engine.api().lookupKey(emailC, c, done); });
    QVERIFY(lookup && lookup->ok());
    const QString number = Fingerprint::of(cy.client.userKeys()->identityPublicKey()).safetyNumber();
    QVERIFY(m_pair.a->engine.confirmSafetyNumber(lookup->value().bundle, number).ok());
    QVERIFY(succeeded(await([&](QObject* c, auto done) {
                          m_pair.a->engine.addMember(m_pair.folderId, lookup->value().bundle,
                                                     FolderRole::View, c, done);
                      }),
                      "add member"));
    const QUuid item = m_pair.write({}, "after cy joined");
    QVERIFY(!item.isNull());

    QSignalSpy refused(&m_pair.b->engine, &SyncEngine::dataRefused);
    const auto synced =
        await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done, SyncEngine::SyncScope::Named); });
    m_pair.b->engine.api().setTamper({});
    QVERIFY(succeeded(synced, "bob's sync"));
    QCOMPARE(refused.size(), 0);
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_pair.folderId, item)), QByteArray("after cy joined"));
}

void TestSyncScheduler::offlineReportedOnceAndRecovered()
{
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming(200ms));
    QSignalSpy offline(&scheduler, &SyncScheduler::offline);
    QSignalSpy online(&scheduler, &SyncScheduler::online);
    QSignalSpy live(&scheduler, &SyncScheduler::liveChanged);
    scheduler.start();
    QVERIFY(waitIdle(scheduler));

    const quint16 port = m_server.port();
    m_server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(offline.size(), 1, kWaitMs);
    QVERIFY(!offline.first().at(0).toString().isEmpty());
    QVERIFY(offline.first().at(1).toInt() >= 0);
    QVERIFY(scheduler.isOffline());
    // Polls every 200 ms and the socket retries go on; it is said once all the same.
    const int syncs = scheduler.syncCount();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.syncCount() >= syncs + 3, kWaitMs);
    QCOMPARE(offline.size(), 1);

    m_server.setExtraArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY(m_server.start(QStringLiteral("TestSyncScheduler-restarted")));
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isLive(), kWaitMs);
    QCOMPARE(offline.size(), 1);
    // Up, down, up again.
    QCOMPARE(live.size(), 3);
    QVERIFY(live.last().at(0).toBool());

    const QUuid item = m_pair.write({}, "after the restart");
    QVERIFY(!item.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(text(m_pair.b->engine.itemPlaintext(m_pair.folderId, item)),
                              QByteArray("after the restart"), 1000);
    scheduler.stop();
}

void TestSyncScheduler::draftIsPushedAfterAGoodSync()
{
    // A draft kept at a sign-out does not count as a waiting write; the scheduler's flush after
    // its first good sync must still push it.
    const QUuid item = m_pair.write({}, "pg-draft-base db.internal:5432");
    QVERIFY(!item.isNull());
    SyncEngine& a = m_pair.a->engine;
    const QByteArray draft = "pg-draft-kept db.internal:5432";
    QVERIFY(a.saveDraft(m_pair.folderId, item, draft, a.itemRevision(m_pair.folderId, item)).ok());
    QCOMPARE(a.pendingWriteCount(), 0);
    SyncScheduler scheduler(a, m_pair.a->client);
    scheduler.setTiming(fastTiming());
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(text(a.itemPlaintext(m_pair.folderId, item)), draft, kWaitMs);
    QVERIFY(!a.draft(m_pair.folderId, item));
    scheduler.stop();
}

void TestSyncScheduler::signOutStopsEverything()
{
    SyncScheduler scheduler(m_pair.b->engine, m_pair.b->client);
    scheduler.setTiming(fastTiming(200ms, 200ms));
    scheduler.start();
    QVERIFY(waitIdle(scheduler));
    QVERIFY(scheduler.isRunning());

    m_pair.b->client.signOut(AccountClient::SignOutReason::User);
    QVERIFY(!scheduler.isRunning());
    QCOMPARE(scheduler.channel().state(), LiveChannel::State::Stopped);
    const int syncs = scheduler.syncCount();
    // Several polling intervals later nothing has run.
    QSignalSpy synced(&scheduler, &SyncScheduler::synced);
    QVERIFY(!synced.wait(800));
    QCOMPARE(scheduler.syncCount(), syncs);
    QCOMPARE(scheduler.channel().state(), LiveChannel::State::Stopped);
}

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "TestSyncScheduler.moc"
