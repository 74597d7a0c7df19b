// Tests BackgroundJob: the work runs on a pool thread while the caller's thread stays free,
// the Result (value or error) arrives on the caller's thread, and a cancelled job or one
// whose context is gone never calls back, while its work sees the cancellation.
#include "core/util/BackgroundJob.h"

#include <QPointer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace Conclave::Core;

class TestBackgroundJob : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runsOffThreadDeliversOnCaller_data();
    void runsOffThreadDeliversOnCaller();
    void cancelledJobNeverCallsBack();
    void destroyedContextNeverCallsBack();

private:
    std::unique_ptr<QThreadPool> m_pool;
};

void TestBackgroundJob::init()
{
    m_pool = std::make_unique<QThreadPool>();
    m_pool->setMaxThreadCount(2);
}

void TestBackgroundJob::cleanup()
{
    QVERIFY(m_pool->waitForDone(5000));
    m_pool.reset();
}

void TestBackgroundJob::runsOffThreadDeliversOnCaller_data()
{
    QTest::addColumn<bool>("fails");
    QTest::newRow("value") << false;
    QTest::newRow("error") << true;
}

void TestBackgroundJob::runsOffThreadDeliversOnCaller()
{
    QFETCH(bool, fails);
    QObject context;
    std::atomic<QThread*> workThread = nullptr;
    QThread* doneThread = nullptr;
    std::optional<Result<int>> delivered;
    // The work waits until the caller's thread has gone on past start(): proof that
    // start() did not run it in place.
    auto release = std::make_shared<QSemaphore>();
    BackgroundJob::start<int>(
        &context,
        [&workThread, release, fails](const CancellationToken&) -> Result<int> {
            workThread = QThread::currentThread();
            if (!release->tryAcquire(1, 5000))
                return Error::make(ErrorCode::Timeout, QStringLiteral("never released"));
            if (fails)
                return Error::make(ErrorCode::Crypto, QStringLiteral("refused"));
            return 42;
        },
        [&](Result<int> result) {
            doneThread = QThread::currentThread();
            delivered.emplace(std::move(result));
        },
        m_pool.get());
    QVERIFY(!delivered.has_value());
    release->release();
    QTRY_VERIFY_WITH_TIMEOUT(delivered.has_value(), 5000);
    QVERIFY(workThread.load() != nullptr);
    QVERIFY(workThread.load() != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QCOMPARE(doneThread, context.thread());
    QCOMPARE(delivered->ok(), !fails);
    if (fails)
        QCOMPARE(delivered->error().code, ErrorCode::Crypto);
    else
        QCOMPARE(delivered->value(), 42);
}

void TestBackgroundJob::cancelledJobNeverCallsBack()
{
    QObject context;
    auto started = std::make_shared<QSemaphore>();
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    bool called = false;
    QPointer<BackgroundJob> job = BackgroundJob::start<int>(
        &context,
        [started, sawCancel](const CancellationToken& token) -> Result<int> {
            started->release();
            // A long loop that checks between steps, as a bulk decrypt does per item.
            for (int i = 0; i < 500; ++i) {
                if (token.isCancelled()) {
                    *sawCancel = true;
                    return Error::make(ErrorCode::Cancelled, QStringLiteral("cancelled"));
                }
                QThread::usleep(10000);
            }
            return 1;
        },
        [&called](Result<int>) { called = true; }, m_pool.get());
    QVERIFY(started->tryAcquire(1, 5000));
    job->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(sawCancel->load(), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(job.isNull(), 2000); // deletes itself once the work returned
    QVERIFY(!called);
}

void TestBackgroundJob::destroyedContextNeverCallsBack()
{
    auto context = std::make_unique<QObject>();
    auto started = std::make_shared<QSemaphore>();
    auto release = std::make_shared<QSemaphore>();
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    bool called = false;
    BackgroundJob::start<int>(
        context.get(),
        [started, release, sawCancel](const CancellationToken& token) -> Result<int> {
            started->release();
            (void)release->tryAcquire(1, 5000);
            *sawCancel = token.isCancelled();
            return 7;
        },
        [&called](Result<int>) { called = true; }, m_pool.get());
    QVERIFY(started->tryAcquire(1, 5000));
    context.reset();
    release->release();
    QVERIFY(m_pool->waitForDone(5000));
    QCoreApplication::processEvents();
    QVERIFY(sawCancel->load());
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "TestBackgroundJob.moc"
