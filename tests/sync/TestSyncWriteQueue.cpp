// Tests the sync engine's write queue against the real conclave-server (labels sync, e2e):
// hundreds of writeItem calls made at once, as the sync benchmarks' set-up makes them, are
// each answered with the id written, none is left waiting in the outbox, and a second
// client's sync holds every one of them with its content. Several folders at once, and the
// same calls while a sync of the writer's own engine is queued between them.
#include "SharedPair.h"

#include <QSignalSpy>
#include <QTest>

#include <map>
#include <vector>

using namespace Conclave::Core;

namespace {

// The writes are run one after the other by the engine; this bounds all of them together.
constexpr int kAllWritesMs = 240'000;

QByteArray text(const SensitiveBytes* bytes)
{
    return bytes ? bytes->view().toByteArray() : QByteArray();
}

} // namespace

class TestSyncWriteQueue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void everyQueuedWriteLands_data();
    void everyQueuedWriteLands();

private:
    ServerHarness m_server;
    SharedPair m_pair;
};

void TestSyncWriteQueue::initTestCase()
{
    QVERIFY(m_pair.setUp(m_server, QStringLiteral("TestSyncWriteQueue")));
}

void TestSyncWriteQueue::cleanupTestCase()
{
    m_pair.a.reset();
    m_pair.b.reset();
    m_server.stop();
}

void TestSyncWriteQueue::everyQueuedWriteLands_data()
{
    QTest::addColumn<int>("folders");
    QTest::addColumn<int>("writes");
    QTest::addColumn<bool>("syncsBetween"); // the writer's own syncs queued among the writes

    QTest::newRow("one folder, 300 writes") << 1 << 300 << false;
    QTest::newRow("four folders, 240 writes") << 4 << 240 << false;
    QTest::newRow("four folders, 200 writes, syncs queued between") << 4 << 200 << true;
}

void TestSyncWriteQueue::everyQueuedWriteLands()
{
    QFETCH(int, folders);
    QFETCH(int, writes);
    QFETCH(bool, syncsBetween);

    std::vector<QUuid> folderIds;
    for (int f = 0; f < folders; ++f) {
        const QUuid folder = m_pair.createFolder(QStringLiteral("Queue folder %1").arg(f + 1));
        QVERIFY(!folder.isNull());
        QVERIFY(m_pair.addBob(folder));
        folderIds.push_back(folder);
    }

    SyncEngine& ada = m_pair.a->engine;
    QSignalSpy queued(&ada, &SyncEngine::writeQueued);
    QObject context;
    std::map<QUuid, std::pair<QUuid, QByteArray>> expected; // item -> (folder, plaintext)
    int answered = 0;
    QStringList failures;
    for (int i = 0; i < writes; ++i) {
        const QUuid folder = folderIds.at(std::size_t(i % folders));
        const QUuid item = QUuid::createUuid();
        const QByteArray plaintext =
            "queued-" + QByteArray::number(i) + " db" + QByteArray::number(i) + ".internal:5432";
        expected[item] = {folder, plaintext};
        ada.writeItem(folder, item, plaintext, &context, [&, item](Result<QUuid> written) {
            ++answered;
            if (!written.ok())
                failures.append(written.error().message);
            else if (written.value() != item)
                failures.append(QStringLiteral("another id was reported"));
        });
        if (syncsBetween && i % 25 == 0)
            ada.sync(&context, [&](Status synced) {
                if (!synced.ok())
                    failures.append(QStringLiteral("sync: ") + synced.error().message);
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, writes, kAllWritesMs);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    // Reported as written, not kept on this computer for later.
    QCOMPARE(queued.count(), 0);
    QCOMPARE(ada.pendingWriteCount(), 0);

    // Every one is on the server: bob's sync brings each, with its content.
    const auto synced = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    QVERIFY(succeeded(synced, "bob's sync"));
    for (const QUuid& folder : folderIds)
        QCOMPARE(m_pair.b->engine.itemIds(folder).size(), qsizetype(writes / folders));
    for (const auto& [item, where] : expected) {
        QCOMPARE(text(m_pair.b->engine.itemPlaintext(where.first, item)), where.second);
        QCOMPARE(ada.itemRevision(where.first, item), quint64(1));
    }
}

QTEST_GUILESS_MAIN(TestSyncWriteQueue)
#include "TestSyncWriteQueue.moc"
