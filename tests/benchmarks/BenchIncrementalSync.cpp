// BenchIncrementalSync: one change among N items (default 10,000 in 50 folders) against the
// real conclave-server (DESIGN §8: ≤ 15 ms, ≤ 2 KiB on the wire). After bob's first sync
// (not timed), ada changes one item at a time and bob's SyncEngine::sync() is timed; bob's
// requests go through a relay that counts the bytes both ways (HTTP headers included). An
// unchanged sync is measured too. Three ways: a live update's sync (bob's live socket through
// the relay too; from the hint's arrival, the hint's frame counted, the feed page it carries
// in place of the feed request, as SyncScheduler runs it), a hint's sync that reads the feed,
// and a poll's sync (every held folder checked). Prints; asserts nothing.
//   build/<dir>/tests/benchmarks/BenchIncrementalSync [items] [folders] [changes]
#include "BenchSyncSetup.h"

#include "core/sync/LiveChannel.h"

#include <QRandomGenerator>

using namespace BenchSync;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int itemCount = argc > 1 ? QByteArray(argv[1]).toInt() : 10'000;
    const int folderCount = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    const int changes = argc > 3 ? QByteArray(argv[3]).toInt() : 30;

    Setup setup;
    CountingRelay relay;
    setup.pair.bobServer = [&] {
        relay.setTarget(setup.server.port());
        return relay.url();
    };
    if (!setup.build(QStringLiteral("BenchIncrementalSync"), folderCount, itemCount))
        return 1;
    Device& bob = *setup.pair.b;
    const auto first = awaitStatus([&](QObject* c, auto done) { bob.engine.sync(c, done); });
    if (!first || !first->ok()) {
        out() << "first sync failed\n";
        return 1;
    }

    // Bob's live socket, through the relay like his requests.
    Conclave::Core::LiveChannel channel(bob.api);
    channel.start();
    for (QElapsedTimer opening; !channel.isOpen() && opening.elapsed() < 10'000;)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!channel.isOpen()) {
        out() << "the live socket did not open\n";
        return 1;
    }

    // A live update's sync (the hint's page in place of the feed request), a hint's sync
    // that reads the feed (SyncScheduler: the folders the feed names), or a poll's (every
    // held folder's state checked too).
    enum class Run
    {
        Live,
        Hint,
        Poll
    };
    Run run = Run::Live;
    bool waitForHint = false;
    auto timedSync = [&](double* ms, qint64* bytesUp, qint64* bytesDown) {
        if (waitForHint) {
            // The write's hint (its frame is counted: the relay was reset before the write).
            for (QElapsedTimer waiting;
                 channel.latestHint() <= bob.engine.feedCursor() && waiting.elapsed() < 5000;)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        } else {
            relay.reset();
        }
        const auto scope = run == Run::Poll ? Conclave::Core::SyncEngine::SyncScope::Everything
                                            : Conclave::Core::SyncEngine::SyncScope::Named;
        const auto carried =
            run == Run::Live ? channel.carried() : std::optional<Conclave::Core::SharingApi::CarriedPage>();
        QElapsedTimer timer;
        timer.start();
        const auto synced =
            awaitStatus([&](QObject* c, auto done) { bob.engine.sync(c, done, scope, carried); });
        *ms = double(timer.nsecsElapsed()) / 1e6;
        *bytesUp = relay.sent();
        *bytesDown = relay.received();
        return synced && synced->ok();
    };

    for (const Run each : {Run::Live, Run::Hint, Run::Poll}) {
        run = each;
        waitForHint = false;
        // Its hints would be counted with the other ways' requests.
        if (run != Run::Live)
            channel.stop();
        QList<double> unchangedMs;
        QList<double> unchangedBytes;
        for (int i = 0; i < 10; ++i) {
            double ms = 0;
            qint64 up = 0;
            qint64 down = 0;
            if (!timedSync(&ms, &up, &down))
                return 1;
            unchangedMs.append(ms);
            unchangedBytes.append(double(up + down));
        }

        const QUuid author = setup.pair.a->client.account().userId;
        QList<double> changedMs;
        QList<double> changedBytes;
        QList<double> changedUp;
        for (int i = 0; i < changes; ++i) {
            const int index = int(QRandomGenerator::global()->bounded(itemCount));
            const QUuid item = setup.items.at(index);
            const QUuid folder = setup.itemFolder.at(index);
            const quint64 revision = setup.pair.a->engine.itemRevision(folder, item) + 1;
            relay.reset();
            waitForHint = run == Run::Live;
            const auto written = awaitValue<QUuid>([&](QObject* c, auto done) {
                setup.pair.a->engine.writeItem(folder, item,
                                               plaintext(connection(index), author, int(revision)), c, done);
            });
            if (!written || !written->ok())
                return 1;
            double ms = 0;
            qint64 up = 0;
            qint64 down = 0;
            if (!timedSync(&ms, &up, &down))
                return 1;
            if (bob.engine.itemRevision(folder, item) != revision) {
                out() << "the change did not arrive\n";
                return 1;
            }
            changedMs.append(ms);
            changedBytes.append(double(up + down));
            changedUp.append(double(up));
        }
        out() << "BenchIncrementalSync: " << itemCount << " items in " << folderCount << " folders, "
              << (run == Run::Live   ? "a live update's sync (the hint's page, named folders)"
                  : run == Run::Hint ? "a live hint's sync reading the feed (named folders)"
                                     : "a poll's sync (every folder checked)")
              << "\n";
        out() << "  unchanged sync: median " << QString::number(percentile(unchangedMs, 0.5), 'f', 2)
              << " ms, " << percentile(unchangedBytes, 0.5) << " bytes on the wire\n";
        out() << "  one change: median " << QString::number(percentile(changedMs, 0.5), 'f', 2) << " ms, p95 "
              << QString::number(percentile(changedMs, 0.95), 'f', 2) << " ms; median "
              << percentile(changedBytes, 0.5) << " bytes on the wire (" << percentile(changedUp, 0.5)
              << " sent), over " << changes << " changes (target <= 15 ms, <= 2048 bytes)\n";
    }
    return 0;
}
