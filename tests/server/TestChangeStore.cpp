// The change log on its own (ChangeStore linked directly), against a real SQLite file or
// (CONCLAVE_TEST_SERVER_STORAGE=postgres) a fresh database in the ctest PostgreSQL cluster:
// an append commits with its write or not at all, sequence numbers are dense, and a reader
// that follows the head while many connections write concurrently never steps over a change.
#include "ServerHarness.h"

#include "server/storage/StorageFactory.h"
#include "server/storage/StorageTransaction.h"

#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>

using namespace Conclave::Server;
using Conclave::Core::ErrorCode;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ChangeRecord folderChange(const QString& folderId, const QString& objectId)
{
    return ChangeRecord{folderId, {}, QStringLiteral("item"), objectId, 1000};
}

std::unique_ptr<Storage> openStorage(const QString& url, const QByteArray& password)
{
    auto created = StorageFactory::create(url, password);
    if (!created)
        return {};
    std::unique_ptr<Storage> storage = std::move(created.value());
    if (auto opened = storage->database().open(); !opened)
        return {};
    return storage;
}

} // namespace

class TestChangeStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appendOutsideTransactionRefused();
    void appendNeedsOneAddressAndAKind_data();
    void appendNeedsOneAddressAndAKind();
    void sequenceNumbersAreDense();
    void rolledBackAppendLeavesNoTrace();
    void changesBetweenPages();
    void concurrentWritersNeverSkipped();

private:
    std::unique_ptr<ServerHarness> m_harness;
    std::unique_ptr<Storage> m_storage;
};

void TestChangeStore::init()
{
    m_harness = std::make_unique<ServerHarness>();
    QVERIFY(m_harness->prepareStorage());
    m_storage = openStorage(m_harness->storageUrl(), m_harness->storagePassword());
    QVERIFY(m_storage);
}

void TestChangeStore::cleanup()
{
    m_storage.reset();
    m_harness.reset();
}

void TestChangeStore::appendOutsideTransactionRefused()
{
    // Committed apart, the counter could be seen before its row and a reader would skip it.
    auto appended = m_storage->changes().append(folderChange(newId(), newId()));
    QVERIFY(!appended.ok());
    QCOMPARE(int(appended.error().code), int(ErrorCode::Internal));
    QCOMPARE(m_storage->changes().head().value(), qint64(0));
}

void TestChangeStore::appendNeedsOneAddressAndAKind_data()
{
    QTest::addColumn<QString>("folderId");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("accepted");
    const QString id = newId();
    QTest::newRow("folder") << id << QString() << QStringLiteral("item") << true;
    QTest::newRow("user") << QString() << id << QStringLiteral("blocked") << true;
    QTest::newRow("neither") << QString() << QString() << QStringLiteral("item") << false;
    QTest::newRow("both") << id << id << QStringLiteral("item") << false;
    QTest::newRow("no kind") << id << QString() << QString() << false;
}

void TestChangeStore::appendNeedsOneAddressAndAKind()
{
    QFETCH(QString, folderId);
    QFETCH(QString, userId);
    QFETCH(QString, kind);
    QFETCH(bool, accepted);
    StorageTransaction transaction(m_storage->database());
    QVERIFY(transaction.ok());
    auto appended = m_storage->changes().append(ChangeRecord{folderId, userId, kind, newId(), 5});
    QCOMPARE(appended.ok(), accepted);
    QVERIFY(transaction.commit().ok());
    QCOMPARE(m_storage->changes().head().value(), qint64(accepted ? 1 : 0));
}

void TestChangeStore::sequenceNumbersAreDense()
{
    const QString folder = newId();
    for (qint64 expected = 1; expected <= 3; ++expected) {
        StorageTransaction transaction(m_storage->database());
        QVERIFY(transaction.ok());
        auto appended = m_storage->changes().append(folderChange(folder, QString::number(expected)));
        QVERIFY(appended.ok());
        QCOMPARE(appended.value(), expected);
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(m_storage->changes().head().value(), qint64(3));
    auto all = m_storage->changes().changesBetween(0, 3, 10);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(2).seq, qint64(3));
    QCOMPARE(all->at(2).change.folderId, folder);
    QCOMPARE(all->at(2).change.userId, QString());
    QCOMPARE(all->at(2).change.kind, QStringLiteral("item"));
    QCOMPARE(all->at(2).change.objectId, QStringLiteral("3"));
    QCOMPARE(all->at(2).change.atMs, qint64(1000));
}

void TestChangeStore::rolledBackAppendLeavesNoTrace()
{
    {
        StorageTransaction transaction(m_storage->database());
        QVERIFY(transaction.ok());
        QCOMPARE(m_storage->changes().append(folderChange(newId(), newId())).value(), qint64(1));
    }
    QCOMPARE(m_storage->changes().head().value(), qint64(0));
    QVERIFY(m_storage->changes().changesBetween(0, 10, 10)->isEmpty());
    StorageTransaction transaction(m_storage->database());
    QVERIFY(transaction.ok());
    // The rolled-back number is handed out again: the log has no gaps.
    QCOMPARE(m_storage->changes().append(folderChange(newId(), newId())).value(), qint64(1));
    QVERIFY(transaction.commit().ok());
}

void TestChangeStore::changesBetweenPages()
{
    const QString user = newId();
    StorageTransaction transaction(m_storage->database());
    QVERIFY(transaction.ok());
    for (int i = 0; i < 7; ++i)
        QVERIFY(
            m_storage->changes().append(ChangeRecord{{}, user, QStringLiteral("grant"), {}, qint64(i)}).ok());
    QVERIFY(transaction.commit().ok());
    auto page = m_storage->changes().changesBetween(2, 7, 3);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 3);
    QCOMPARE(page->first().seq, qint64(3));
    QCOMPARE(page->last().seq, qint64(5));
    QCOMPARE(page->first().change.userId, user);
    QCOMPARE(page->first().change.objectId, QString());
    auto bounded = m_storage->changes().changesBetween(5, 6, 10);
    QCOMPARE(bounded->size(), 1);
    QCOMPARE(bounded->first().seq, qint64(6));
}

// Writers on their own connections append two changes per transaction in many folders
// while a reader follows the log as the feed does: up to the head it read first, then from
// where it stopped. Each page must be dense (every number up to the head is readable) and
// the reader must end with every change exactly once.
void TestChangeStore::concurrentWritersNeverSkipped()
{
    constexpr int kWriters = 6;
    constexpr int kTransactions = 60;
    const QString url = m_harness->storageUrl();
    const QByteArray password = m_harness->storagePassword();
    std::atomic<int> writersDone{0};
    QMutex problemsLock;
    QStringList problems;
    auto problem = [&](const QString& text) {
        const QMutexLocker locker(&problemsLock);
        problems.append(text);
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back(QThread::create([&, w] {
            auto storage = openStorage(url, password);
            if (!storage) {
                problem(QStringLiteral("writer %1 cannot open the database").arg(w));
                ++writersDone;
                return;
            }
            for (int t = 0; t < kTransactions; ++t) {
                StorageTransaction transaction(storage->database());
                const QString folder = QStringLiteral("folder-%1-%2").arg(w).arg(t % 5);
                if (!transaction.ok() || !storage->changes().append(folderChange(folder, newId())).ok() ||
                    !storage->changes().append(folderChange(folder, newId())).ok() ||
                    !transaction.commit().ok()) {
                    problem(QStringLiteral("writer %1 failed in transaction %2").arg(w).arg(t));
                }
            }
            ++writersDone;
        }));
    }
    for (auto& thread : threads)
        thread->start();

    QSet<qint64> seen;
    qint64 cursor = 0;
    bool finalRound = false;
    while (true) {
        // Once every writer is done, one more full pass picks up the last commits.
        const bool last = finalRound;
        auto head = m_storage->changes().head();
        QVERIFY(head.ok());
        QVERIFY(head.value() >= cursor);
        auto page = m_storage->changes().changesBetween(cursor, head.value(), 1000);
        QVERIFY(page.ok());
        qint64 expected = cursor + 1;
        for (const StoredChange& change : *page) {
            QCOMPARE(change.seq, expected);
            QVERIFY(!seen.contains(change.seq));
            seen.insert(change.seq);
            ++expected;
        }
        cursor = page->isEmpty() ? cursor : page->last().seq;
        if (page->size() < 1000)
            QCOMPARE(cursor, head.value());
        if (last && page->size() < 1000)
            break;
        finalRound = writersDone.load() == kWriters;
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(60000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(seen.size(), kWriters * kTransactions * 2);
    QCOMPARE(cursor, qint64(kWriters * kTransactions * 2));
}

QTEST_GUILESS_MAIN(TestChangeStore)
#include "TestChangeStore.moc"
