// Benchmark: saving and loading 10,000 connections in 50 folders with the SQLite store,
// the data behind "GUI start to interactive with 10,000 connections" (DESIGN §8).
// Prints wall-clock and thread CPU times; never fails on timing.
#include "core/storage/ConnectionStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <limits>

#include <time.h>

using namespace Conclave::Core;

namespace {

double threadCpuMs()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10000;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    QList<Folder> folders;
    for (int i = 0; i < 50; ++i)
        folders.append({QUuid::createUuid(), {}, QStringLiteral("Folder %1").arg(i), i});
    QList<Connection> connections;
    connections.reserve(count);
    for (int i = 0; i < count; ++i) {
        Connection c;
        c.id = QUuid::createUuid();
        c.folderId = folders.at(i % 50).id;
        c.name = QStringLiteral("Connection %1").arg(i);
        c.kind = ConnectionKind::PostgreSQL;
        c.hosts = {{QStringLiteral("pg%1.example.com").arg(i), 5432}};
        c.username = QStringLiteral("user%1").arg(i);
        c.defaultDatabase = QStringLiteral("db%1").arg(i);
        c.tags = {QStringLiteral("t%1").arg(i % 7)};
        c.notes = QStringLiteral("Notes for connection %1").arg(i);
        c.sortOrder = i;
        connections.append(c);
    }

    {
        auto store = ConnectionStore::open(path);
        if (!store) {
            std::fprintf(stderr, "open failed: %s\n", qPrintable(store.error().message));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        if (!(*store)->saveAll(folders, connections).ok())
            return 1;
        std::printf("store.saveAll     %6d connections  %8.1f ms wall\n", count,
                    double(timer.nsecsElapsed()) / 1e6);
    }

    double bestWall = std::numeric_limits<double>::max();
    double bestCpu = bestWall;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        auto store = ConnectionStore::open(path);
        if (!store)
            return 1;
        const auto loadedFolders = (*store)->folders();
        const auto loaded = (*store)->connections();
        if (!loadedFolders.ok() || !loaded.ok() || loaded->size() != count)
            return 1;
        bestCpu = std::min(bestCpu, threadCpuMs() - cpuStart);
        bestWall = std::min(bestWall, double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("store.open+load   %6d connections  %8.1f ms wall  %8.1f ms cpu (best of 5)\n", count,
                bestWall, bestCpu);
    return 0;
}
