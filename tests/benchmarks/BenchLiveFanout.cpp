// BenchLiveFanout: one folder shared by 50 members, each signed in on a device of their own with
// the live socket open (SyncScheduler), against the real conclave-server on loopback. Ada edits
// random items of the folder one after the other; each edit is timed from the call of
// writeItem until every other member's engine holds it, and the requests the readers sent for
// it and the server's CPU are counted. What one write costs the server when every member is
// online: one hint per reader and the reads the hints cause (protocol.md §11). Prints; asserts
// nothing.
//   build/<dir>/tests/benchmarks/BenchLiveFanout [members] [items] [edits]
#include "BenchSyncSetup.h"

#include "core/sync/SyncScheduler.h"

#include <QFile>
#include <QRandomGenerator>

#include <unistd.h>

using namespace BenchSync;
using namespace Conclave::Core;

namespace {

// User + system CPU of process `pid` from /proc, in milliseconds; -1 when unreadable.
double processCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

struct Reader
{
    QTemporaryDir dir;
    QString email;
    std::unique_ptr<Device> device;
    std::unique_ptr<SyncScheduler> scheduler;
    int answers = 0; // answers of the sharing API this reader received
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int memberCount = std::max(2, argc > 1 ? QByteArray(argv[1]).toInt() : 50);
    const int itemCount = argc > 2 ? QByteArray(argv[2]).toInt() : 1'000;
    const int edits = argc > 3 ? QByteArray(argv[3]).toInt() : 50;

    // Ada's folder with bob in it, the items written by ada (BenchSyncSetup).
    Setup setup;
    if (!setup.build(QStringLiteral("BenchLiveFanout"), 1, itemCount))
        return 1;
    SharedPair& pair = setup.pair;
    const QUuid folder = setup.folders.first();
    QElapsedTimer setupTimer;
    setupTimer.start();
    // The other members: bob's device, then a device each for the members signed up here.
    std::vector<std::unique_ptr<Reader>> readers;
    {
        auto bob = std::make_unique<Reader>();
        bob->email = pair.emailB;
        bob->device = std::move(pair.b);
        readers.push_back(std::move(bob));
    }
    for (int i = 2; i < memberCount; ++i) {
        auto reader = std::make_unique<Reader>();
        reader->email =
            ServerAccounts::uniqueEmail(qPrintable(QStringLiteral("member%1").arg(i)), pair.domain);
        if (!pair.signUp(reader->email, SharedPair::kPasswordB))
            return 1;
        reader->device = std::make_unique<Device>(pair.url, reader->dir.path());
        if (!pair.signIn(*reader->device, reader->email, SharedPair::kPasswordB))
            return 1;
        const auto lookup = awaitValue<SharingApi::KeyLookup>(
            [&](QObject* c, auto done) { pair.a->engine.api().lookupKey(reader->email, c, done); });
        if (!lookup || !lookup->ok())
            return 1;
        const QString number =
            Fingerprint::of(reader->device->client.userKeys()->identityPublicKey()).safetyNumber();
        if (!pair.a->engine.confirmSafetyNumber(lookup->value().bundle, number).ok())
            return 1;
        if (!succeeded(awaitStatus([&](QObject* c, auto done) {
                           pair.a->engine.addMember(folder, lookup->value().bundle, FolderRole::Edit, c,
                                                    done);
                       }),
                       "add member"))
            return 1;
        readers.push_back(std::move(reader));
    }
    // Every reader's first sync, then its live socket.
    for (auto& reader : readers) {
        if (!succeeded(awaitStatus([&](QObject* c, auto done) { reader->device->engine.sync(c, done); }),
                       "first sync"))
            return 1;
        Reader* r = reader.get();
        r->device->engine.api().setTamper([r](const QString&, QJsonObject&) { ++r->answers; });
        r->scheduler = std::make_unique<SyncScheduler>(r->device->engine, r->device->client);
        r->scheduler->start();
    }
    const bool live = spin(
        [&] {
            for (const auto& r : readers) {
                if (!r->scheduler->isLive() || r->scheduler->isSyncing() ||
                    r->device->engine.itemIds(folder).size() != itemCount)
                    return false;
            }
            return true;
        },
        600'000);
    if (!live) {
        out() << "not every member's live socket opened\n";
        return 1;
    }
    QTextStream(stderr) << "set-up of " << readers.size() << " readers: " << setupTimer.elapsed() << " ms\n";

    // The edits: each is seen when every reader's engine holds its revision.
    QElapsedTimer timer;
    QUuid wantItem;
    quint64 wantRevision = 0;
    QList<double> seenAt(qsizetype(readers.size()), -1.0);
    QObject watching;
    for (std::size_t i = 0; i < readers.size(); ++i) {
        SyncEngine& engine = readers[i]->device->engine;
        QObject::connect(&engine, &SyncEngine::folderChanged, &watching, [&, i](const QUuid& changed) {
            if (seenAt[qsizetype(i)] < 0 && changed == folder &&
                readers[i]->device->engine.itemRevision(folder, wantItem) >= wantRevision)
                seenAt[qsizetype(i)] = double(timer.nsecsElapsed()) / 1e6;
        });
    }
    auto everyoneSaw = [&] {
        return std::all_of(seenAt.cbegin(), seenAt.cend(), [](double t) { return t >= 0; });
    };
    QList<double> toAll;
    QList<double> perReader;
    int lost = 0;
    int answersBefore = 0;
    for (const auto& r : readers)
        answersBefore += r->answers;
    const qint64 pid = setup.server.processId();
    const double serverCpuBefore = processCpuMs(pid);
    const double clientCpuBefore = cpuMs();
    const QUuid author = pair.a->client.account().userId;
    for (int e = 0; e < edits; ++e) {
        const int index = int(QRandomGenerator::global()->bounded(itemCount));
        wantItem = setup.items.at(index);
        wantRevision = pair.a->engine.itemRevision(folder, wantItem) + 1;
        seenAt.fill(-1.0);
        QObject context;
        bool written = false;
        timer.start();
        pair.a->engine.writeItem(folder, wantItem, plaintext(connection(index), author, int(wantRevision)),
                                 &context, [&](Result<QUuid> r) { written = r.ok(); });
        if (!spin([&] { return written && everyoneSaw(); }, 20'000)) {
            ++lost;
            continue;
        }
        toAll.append(*std::max_element(seenAt.cbegin(), seenAt.cend()));
        perReader.append(seenAt);
    }
    const double serverCpu = processCpuMs(pid) - serverCpuBefore;
    const double clientCpu = cpuMs() - clientCpuBefore;
    int answers = -answersBefore;
    for (const auto& r : readers)
        answers += r->answers;
    const int seen = std::max(1, int(toAll.size()));
    out() << "BenchLiveFanout: " << edits << " edits in a folder of " << itemCount << " items, "
          << memberCount << " members online: every other member holds the edit after p50 "
          << QString::number(percentile(toAll, 0.5), 'f', 1) << " ms, p99 "
          << QString::number(percentile(toAll, 0.99), 'f', 1) << " ms (each member: p50 "
          << QString::number(percentile(perReader, 0.5), 'f', 1) << " ms, p99 "
          << QString::number(percentile(perReader, 0.99), 'f', 1) << " ms); " << lost
          << " not seen by all within 20 s; per edit: " << QString::number(double(answers) / seen, 'f', 1)
          << " answers to the readers, server CPU " << QString::number(serverCpu / seen, 'f', 1)
          << " ms, CPU of the " << readers.size() + 1 << " clients (one process) "
          << QString::number(clientCpu / seen, 'f', 1) << " ms\n";
    for (auto& r : readers)
        r->scheduler->stop();
    return 0;
}
