// BenchGuiSyncStall: how long the GUI event loop stalls while a member's first sync of N items
// (default 10,000) in F folders (default 50) runs and fills the main window's tree. The set-up
// is BenchFirstSync's (BenchSyncSetup: ada writes every item through her SyncEngine against the
// real conclave-server, bob is added to each folder; not timed). Then bob's MainWindow
// (offscreen, shown) gets his started SyncEngine and his first sync runs; a 1 ms precise QTimer
// in the same loop records every gap between its ticks from the sync's start until the tree
// holds every item. A gap is how long a click or a repaint would have waited. Prints the
// longest stall, the p99 and median gap and the total time; asserts nothing. With each gap it
// takes the GUI thread's own CPU time, so a gap the thread spent working (its own stall) is
// told from one it spent waiting for a core (the verifying threads and the server run on the
// same machine); and the load average before and after, since figures from a busy machine are
// not comparable with those from an idle one.
//   build/<dir>/tests/benchmarks/BenchGuiSyncStall [items] [folders]
#include "BenchSyncSetup.h"

#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

#include <ctime>

using namespace BenchSync;
using namespace Conclave;

namespace {

// CPU time of the calling thread.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

// The first field of /proc/loadavg (the last minute).
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 0);
}

} // namespace

int main(int argc, char** argv)
{
    // A benchmark of the event loop, not of a display server: offscreen unless asked otherwise.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int itemCount = argc > 1 ? QByteArray(argv[1]).toInt() : 10'000;
    const int folderCount = argc > 2 ? QByteArray(argv[2]).toInt() : 50;

    Setup setup;
    if (!setup.build(QStringLiteral("BenchGuiSyncStall"), folderCount, itemCount))
        return 1;

    // Bob's computer: a new data folder (a true first sync), a local store and the window.
    QTemporaryDir dir;
    Device device(setup.pair.url, dir.path());
    if (!setup.pair.signIn(device, setup.pair.emailB, SharedPair::kPasswordB))
        return 1;
    const auto repository = Core::ConnectionRepository::open(dir.filePath(QStringLiteral("connections.db")));
    Core::MemorySecretStore secrets;
    Gui::MainWindow::Services services;
    services.repository = repository.get();
    services.secrets = &secrets;
    Gui::MainWindow window(services);
    window.resize(1200, 800);
    window.show();
    spin([] { return false; }, 200); // the first paint of the empty window, not timed

    // The gaps of the event loop: the time between two ticks of a 1 ms timer, and how much of
    // it the GUI thread itself ran.
    QList<double> gaps;
    QList<double> gapCpu;
    QElapsedTimer sinceTick;
    double cpuAtTick = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    auto tick = [&] {
        const double now = threadCpuMs();
        gaps.append(double(sinceTick.nsecsElapsed()) / 1e6);
        gapCpu.append(now - cpuAtTick);
        cpuAtTick = now;
        sinceTick.restart();
    };
    QObject::connect(&ticker, &QTimer::timeout, tick);

    // Shared items in the tree (the local store's count leaves them out); only asked once the
    // sync has answered, since it copies every row.
    auto inTree = [&] {
        int held = 0;
        for (const QUuid& folder : device.engine.folderIds())
            held += int(window.model()->sharedConnections(folder).size());
        return held;
    };

    QElapsedTimer total;
    const double cpuBefore = cpuMs();
    const QString loadBefore = loadAverage();
    total.start();
    cpuAtTick = threadCpuMs();
    sinceTick.start();
    ticker.start();
    window.setSyncEngine(&device.engine, device.client.account().userId);
    std::optional<Core::Status> synced;
    QObject context;
    device.engine.sync(&context, [&](Core::Status status) { synced = std::move(status); });
    const bool filled = spin([&] { return synced.has_value() && inTree() >= itemCount; }, 600'000);
    const double totalMs = double(total.nsecsElapsed()) / 1e6;
    const double cpuUsed = cpuMs() - cpuBefore;
    ticker.stop();
    // The last stretch up to the check that saw the tree full is a gap too.
    tick();

    if (!synced || !synced->ok()) {
        out() << "first sync failed: " << (synced ? synced->error().message : QStringLiteral("timeout"))
              << "\n";
        return 1;
    }
    if (!filled) {
        out() << "the tree holds " << inTree() << " of " << itemCount << " items\n";
        return 1;
    }
    const qsizetype longestAt = std::max_element(gaps.cbegin(), gaps.cend()) - gaps.cbegin();
    const double longest = gaps.at(longestAt);
    const double longestCpu = *std::max_element(gapCpu.cbegin(), gapCpu.cend());
    int over50 = 0;
    for (const double gap : gaps)
        over50 += gap > 50.0 ? 1 : 0;
    out() << "BenchGuiSyncStall: " << itemCount << " items in " << folderCount << " folders, " << inTree()
          << " in the tree\n";
    out() << "longest stall " << QString::number(longest, 'f', 1) << " ms (the GUI thread ran "
          << QString::number(gapCpu.at(longestAt), 'f', 1) << " ms of it; its longest run in one gap "
          << QString::number(longestCpu, 'f', 1) << " ms), p99 gap "
          << QString::number(percentile(gaps, 0.99), 'f', 1) << " ms, median gap "
          << QString::number(percentile(gaps, 0.5), 'f', 2) << " ms, " << over50 << " gaps over 50 ms of "
          << gaps.size() << "; total " << QString::number(totalMs, 'f', 1) << " ms wall, "
          << QString::number(cpuUsed, 'f', 1) << " ms CPU; load average " << loadBefore << " before, "
          << loadAverage() << " after\n";
    out().flush();
    window.setSyncEngine(nullptr);
    device.client.signOut(Core::AccountClient::SignOutReason::User);
    return 0;
}
