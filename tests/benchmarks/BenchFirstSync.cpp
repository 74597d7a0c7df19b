// BenchFirstSync: a member's first sync of N items (default 10,000) in F folders (default 50)
// against the real conclave-server (DESIGN §8: ≤ 400 ms), next to keepassxc-cli listing a
// KDBX database of the same entries in the same run. Ada writes every item through her
// SyncEngine (not timed); then bob's SyncEngine::sync() is timed: the feed, each folder's log,
// grants and item pages, every envelope verified and decrypted, the folder states checked, the
// cache and the security state stored; its CPU is this process's (the server's is not). The
// KDBX is built by `keepassxc-cli import` of a generated KeePass XML with a low KDF; its KDF
// (and the program's start) is measured by listing an empty database made with the same KDF
// target, so "beyond its KDF" is the listing's own work. Prints; asserts nothing.
//   build/<dir>/tests/benchmarks/BenchFirstSync [items] [folders] [runs]
#include "BenchSyncSetup.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace BenchSync;

namespace {

QString xmlText(const QString& text)
{
    return text.toHtmlEscaped();
}

QByteArray uuid64(const QUuid& id)
{
    return id.toRfc4122().toBase64();
}

// The same entries as a KeePass 2 XML export: one group per folder.
bool writeKeePassXml(const QString& path, const Setup& setup, int itemCount)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QTextStream xml(&file);
    xml << "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<KeePassFile><Meta>"
           "<Generator>BenchFirstSync</Generator></Meta><Root><Group><UUID>"
        << uuid64(QUuid::createUuid()) << "</UUID><Name>Root</Name>";
    for (int f = 0; f < setup.folders.size(); ++f) {
        xml << "<Group><UUID>" << uuid64(setup.folders.at(f)) << "</UUID><Name>Team folder " << f + 1
            << "</Name>";
        for (int i = f; i < itemCount; i += int(setup.folders.size())) {
            const Connection c = connection(i);
            xml << "<Entry><UUID>" << uuid64(setup.items.at(i)) << "</UUID>"
                << "<String><Key>Title</Key><Value>" << xmlText(c.name) << "</Value></String>"
                << "<String><Key>URL</Key><Value>" << c.kind << "://" << xmlText(c.host) << "/" << c.database
                << "</Value></String>"
                << "<String><Key>UserName</Key><Value></Value></String>"
                << "<String><Key>Password</Key><Value ProtectInMemory=\"True\"></Value></String>"
                << "<String><Key>Notes</Key><Value>" << xmlText(c.notes) << "</Value></String></Entry>";
        }
        xml << "</Group>";
    }
    xml << "</Group></Root></KeePassFile>\n";
    return true;
}

// Runs keepassxc-cli with `input` on standard input; the wall time in ms, or -1.
double runCli(const QString& cli, const QStringList& arguments, const QByteArray& input,
              QByteArray* output = nullptr)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(cli, arguments);
    if (!process.waitForStarted(10'000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
        QTextStream(stderr) << "keepassxc-cli " << arguments.join(u' ')
                            << " failed: " << process.readAllStandardError() << "\n";
        return -1;
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (output)
        *output = process.readAllStandardOutput();
    return ms;
}

QString kdfOf(const QString& cli, const QString& database)
{
    QByteArray info;
    if (runCli(cli, {QStringLiteral("db-info"), QStringLiteral("-q"), database}, "bench\n", &info) < 0)
        return QStringLiteral("?");
    for (const QByteArray& line : info.split('\n')) {
        if (line.startsWith("KDF:"))
            return QString::fromUtf8(line.mid(4).trimmed());
    }
    return QStringLiteral("?");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int itemCount = argc > 1 ? QByteArray(argv[1]).toInt() : 10'000;
    const int folderCount = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    const int runs = argc > 3 ? QByteArray(argv[3]).toInt() : 3;

    Setup setup;
    if (!setup.build(QStringLiteral("BenchFirstSync"), folderCount, itemCount))
        return 1;

    // Each run is a new device of bob's (an empty data folder): a true first sync.
    QList<double> wall;
    QList<double> cpu;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir;
        Device device(setup.pair.url, dir.path());
        if (!setup.pair.signIn(device, setup.pair.emailB, SharedPair::kPasswordB))
            return 1;
        QElapsedTimer timer;
        const double cpuBefore = cpuMs();
        timer.start();
        const auto synced = awaitStatus([&](QObject* c, auto done) { device.engine.sync(c, done); });
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuUsed = cpuMs() - cpuBefore;
        if (!synced || !synced->ok()) {
            out() << "first sync failed: " << (synced ? synced->error().message : QStringLiteral("timeout"))
                  << "\n";
            return 1;
        }
        int held = 0;
        for (const QUuid& folder : device.engine.folderIds())
            held += int(device.engine.itemIds(folder).size());
        if (held != itemCount) {
            out() << "first sync holds " << held << " of " << itemCount << " items\n";
            return 1;
        }
        wall.append(ms);
        cpu.append(cpuUsed);
        out() << "run " << run + 1 << ": first sync " << QString::number(ms, 'f', 1) << " ms, CPU "
              << QString::number(cpuUsed, 'f', 1) << " ms\n";
        out().flush();
        device.client.signOut(Conclave::Core::AccountClient::SignOutReason::User);
    }
    const double syncMs = percentile(wall, 0.5);
    out() << "BenchFirstSync: " << itemCount << " items in " << folderCount << " folders, median of " << runs
          << ": " << QString::number(syncMs, 'f', 1) << " ms wall, "
          << QString::number(percentile(cpu, 0.5), 'f', 1) << " ms CPU (target <= 400 ms)\n";

    const QString cli = QStandardPaths::findExecutable(QStringLiteral("keepassxc-cli"));
    if (cli.isEmpty()) {
        out()
            << "keepassxc-cli not found (scripts/install-deps.sh --test installs keepassxc): no comparison\n";
        return 0;
    }
    QTemporaryDir kp;
    const QString xml = kp.filePath(QStringLiteral("entries.xml"));
    const QString full = kp.filePath(QStringLiteral("entries.kdbx"));
    const QString emptyXml = kp.filePath(QStringLiteral("empty.xml"));
    const QString empty = kp.filePath(QStringLiteral("empty.kdbx"));
    Setup none;
    if (!writeKeePassXml(xml, setup, itemCount) || !writeKeePassXml(emptyXml, none, 0))
        return 1;
    // A low KDF target (100 ms) for both, so the KDF is a small, separately measured part.
    const QByteArray twice = "bench\nbench\n";
    if (runCli(cli,
               {QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), QStringLiteral("-t"),
                QStringLiteral("100"), xml, full},
               twice) < 0 ||
        runCli(cli,
               {QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), QStringLiteral("-t"),
                QStringLiteral("100"), emptyXml, empty},
               twice) < 0)
        return 1;
    QList<double> listFull;
    QList<double> listEmpty;
    for (int run = 0; run < std::max(3, runs); ++run) {
        QByteArray listed;
        const double f = runCli(cli, {QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("-R"), full},
                                "bench\n", &listed);
        const double e =
            runCli(cli, {QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("-R"), empty}, "bench\n");
        if (f < 0 || e < 0)
            return 1;
        if (run == 0 && listed.count('\n') < itemCount)
            out() << "warning: keepassxc-cli listed " << listed.count('\n') << " lines\n";
        listFull.append(f);
        listEmpty.append(e);
    }
    const double kpFull = percentile(listFull, 0.5);
    const double kpEmpty = percentile(listEmpty, 0.5);
    const double beyond = std::max(0.0, kpFull - kpEmpty);
    out() << "keepassxc-cli ls -R: " << QString::number(kpFull, 'f', 1) << " ms for " << itemCount
          << " entries, " << QString::number(kpEmpty, 'f', 1)
          << " ms for an empty database with the same KDF target (" << kdfOf(cli, full) << " / "
          << kdfOf(cli, empty) << "): " << QString::number(beyond, 'f', 1)
          << " ms beyond its KDF and start\n";
    out() << "ratio: first sync / keepassxc beyond KDF = "
          << QString::number(beyond > 0 ? syncMs / beyond : 0, 'f', 2) << " (goal <= 0.5)\n";
    return 0;
}
