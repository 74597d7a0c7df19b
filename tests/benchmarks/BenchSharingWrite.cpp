// BenchSharingWrite: the cost of one item write in a large shared folder (DESIGN §8, the
// server's per-folder FolderStateChain). Fills a folder with N items (default 10,000) through
// the API, then times item writes at that size: with the folder's chain cached (the usual
// case: one signature check and one bucket rehash per write) and the first write after a
// restart (the chain is rebuilt from every stored envelope once). Prints; asserts nothing.
// Uses the real conclave-server on SQLite (or PostgreSQL with
// CONCLAVE_TEST_SERVER_STORAGE=postgres and a running tests/services/postgres.sh).
//   build/<dir>/tests/benchmarks/BenchSharingWrite [items]
#include "SharingFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int items = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    constexpr int kTimed = 200;
    ServerHarness server;
    server.setConfig(SharingFixture::serverConfig());
    if (!server.start(QStringLiteral("BenchSharingWrite")))
        return 1;
    auto client = std::make_unique<ApiClient>(server.baseUrl());
    SharingFixture fx(server, *client);
    if (!fx.setUp())
        return 1;
    const SharingUser manager = fx.user("bench");
    SharedFolder folder = fx.createFolder(manager);
    if (!folder.isValid())
        return 1;

    QElapsedTimer fill;
    fill.start();
    QList<double> early;
    for (int i = 0; i < items; ++i) {
        QElapsedTimer one;
        one.start();
        if (fx.writeItem(folder, manager, QUuid::createUuid(), QByteArray(120, 'x')).status != 201) {
            out() << "write " << i << " failed" << Qt::endl;
            return 1;
        }
        if (i < kTimed)
            early.append(double(one.nsecsElapsed()) / 1e6);
    }
    const double fillSeconds = double(fill.elapsed()) / 1000.0;

    QList<double> cached;
    for (int i = 0; i < kTimed; ++i) {
        QElapsedTimer one;
        one.start();
        if (fx.writeItem(folder, manager, QUuid::createUuid(), QByteArray(120, 'x')).status != 201)
            return 1;
        cached.append(double(one.nsecsElapsed()) / 1e6);
    }

    // After a restart the first write rebuilds the folder's chain from storage.
    server.stop();
    if (!server.start(QStringLiteral("BenchSharingWrite-restarted")))
        return 1;
    client = std::make_unique<ApiClient>(server.baseUrl());
    fx.useClient(*client);
    QElapsedTimer cold;
    cold.start();
    if (fx.writeItem(folder, manager, QUuid::createUuid(), QByteArray(120, 'x')).status != 201)
        return 1;
    const double coldMs = double(cold.nsecsElapsed()) / 1e6;
    QList<double> warm;
    for (int i = 0; i < kTimed; ++i) {
        QElapsedTimer one;
        one.start();
        if (fx.writeItem(folder, manager, QUuid::createUuid(), QByteArray(120, 'x')).status != 201)
            return 1;
        warm.append(double(one.nsecsElapsed()) / 1e6);
    }
    server.stop();

    out() << "backend: " << (ServerHarness::usePostgres() ? "postgresql" : "sqlite") << Qt::endl;
    out() << "filled " << items << " items in " << fillSeconds << " s (" << (fillSeconds * 1000.0 / items)
          << " ms per write, client included)" << Qt::endl;
    out() << "median write, first " << kTimed << " items: " << median(early) << " ms" << Qt::endl;
    out() << "median write at " << items << " items, chain cached: " << median(cached) << " ms" << Qt::endl;
    out() << "first write after a restart at " << items << " items (chain rebuilt): " << coldMs << " ms"
          << Qt::endl;
    out() << "median write after the rebuild: " << median(warm) << " ms" << Qt::endl;
    return 0;
}
