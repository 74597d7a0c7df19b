// BenchLiveLatency: from ada's write to bob's engine holding it, through the live socket and
// SyncScheduler, against the real conclave-server on loopback (DESIGN §8: ≤ 1 s p99). Folders
// and items as the other sync benchmarks (default 10,000 items in 50 folders); 200 edits of
// random items one after the other, each timed from the call of writeItem to bob's
// folderChanged with the new revision. Prints; asserts nothing.
//   build/<dir>/tests/benchmarks/BenchLiveLatency [items] [folders] [edits]
#include "BenchSyncSetup.h"

#include "core/sync/SyncScheduler.h"

#include <QRandomGenerator>

using namespace BenchSync;
using namespace Conclave::Core;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int itemCount = argc > 1 ? QByteArray(argv[1]).toInt() : 10'000;
    const int folderCount = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    const int edits = argc > 3 ? QByteArray(argv[3]).toInt() : 200;

    Setup setup;
    if (!setup.build(QStringLiteral("BenchLiveLatency"), folderCount, itemCount))
        return 1;
    Device& bob = *setup.pair.b;
    SyncScheduler scheduler(bob.engine, bob.client);
    scheduler.start();
    // The first sync (when the socket opens) brings every item.
    if (!spin(
            [&] {
                int held = 0;
                for (const QUuid& folder : bob.engine.folderIds())
                    held += int(bob.engine.itemIds(folder).size());
                return scheduler.isLive() && !scheduler.isSyncing() && held == itemCount;
            },
            600'000)) {
        out() << "bob's first sync did not complete\n";
        return 1;
    }

    const QUuid author = setup.pair.a->client.account().userId;
    QElapsedTimer timer;
    QUuid wantFolder;
    QUuid wantItem;
    quint64 wantRevision = 0;
    double arrived = -1;
    QObject::connect(&bob.engine, &SyncEngine::folderChanged, &bob.engine, [&](const QUuid& folder) {
        if (arrived < 0 && folder == wantFolder && bob.engine.itemRevision(folder, wantItem) >= wantRevision)
            arrived = double(timer.nsecsElapsed()) / 1e6;
    });
    QList<double> latency;
    int lost = 0;
    const int syncsBefore = scheduler.syncCount();
    for (int i = 0; i < edits; ++i) {
        const int index = int(QRandomGenerator::global()->bounded(itemCount));
        wantItem = setup.items.at(index);
        wantFolder = setup.itemFolder.at(index);
        wantRevision = setup.pair.a->engine.itemRevision(wantFolder, wantItem) + 1;
        arrived = -1;
        QObject context;
        bool written = false;
        timer.start();
        setup.pair.a->engine.writeItem(wantFolder, wantItem,
                                       plaintext(connection(index), author, int(wantRevision)), &context,
                                       [&](Result<QUuid> r) { written = r.ok(); });
        if (!spin([&] { return arrived >= 0 && written; }, 10'000)) {
            ++lost;
            continue;
        }
        latency.append(arrived);
    }
    out() << "BenchLiveLatency: " << edits << " edits among " << itemCount << " items in " << folderCount
          << " folders: p50 " << QString::number(percentile(latency, 0.5), 'f', 1) << " ms, p99 "
          << QString::number(percentile(latency, 0.99), 'f', 1) << " ms, max "
          << QString::number(percentile(latency, 1.0), 'f', 1) << " ms; " << lost << " not seen within 10 s; "
          << scheduler.syncCount() - syncsBefore << " syncs (target p99 <= 1000 ms)\n";
    scheduler.stop();
    return 0;
}
