// Benchmark: GUI start to interactive with 10,000 connections (DESIGN §8: ≤ 600 ms,
// RSS ≤ 120 MB). The parent writes a store of 10,000 connections in 50 folders, then runs
// itself as a child once per round; the child measures from main() entry to the main
// window shown with the tree loaded and painted (as the app does: translations, log file,
// memory secret store) and prints the time and its peak RSS (VmHWM). Prints figures; never
// fails on timing.
#include "BenchSampleData.h"

#include "core/keychain/SecretStoreFactory.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "translations/Translations.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/FileLogger.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Conclave;

namespace {

QByteArray statusField(const char* name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed();
    }
    return {};
}

// Fires once, after the tree's viewport has finished its first paint with rows in it.
class FirstPaint final : public QObject
{
public:
    FirstPaint(QTreeView* tree, std::function<void()> done)
        : QObject(tree)
        , m_tree(tree)
        , m_done(std::move(done))
    {
        tree->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_fired && m_tree->model()->rowCount() > 0) {
            m_fired = true;
            // The filter runs before the paint; report once it has been delivered.
            QTimer::singleShot(0, this, [this] { m_done(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTreeView* m_tree;
    std::function<void()> m_done;
    bool m_fired = false;
};

int child(int argc, char** argv, QElapsedTimer& sinceMain)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    QApplication::setWindowIcon(Gui::ConnectionTreeModel::appIcon());
    Gui::Translations::install(&app);
    Gui::FileLogger::install();
    const QString storePath = QString::fromLocal8Bit(argv[2]);

    const auto repository = Core::ConnectionRepository::open(storePath);
    std::unique_ptr<Core::SecretStore> secrets;
    std::unique_ptr<Gui::MainWindow> window;
    qint64 shownMs = 0;
    Core::SecretStoreFactory::create(&app, [&](std::unique_ptr<Core::SecretStore> store, QString reason) {
        secrets = std::move(store);
        Gui::MainWindow::Services services;
        services.repository = repository.get();
        services.secrets = secrets.get();
        services.secretsWarning = reason;
        window = std::make_unique<Gui::MainWindow>(services);
        new FirstPaint(window->tree(), [&] {
            const qint64 paintedMs = sinceMain.elapsed();
            int rows = 0;
            for (int r = 0; r < window->model()->rowCount(); ++r)
                rows += 1 + window->model()->rowCount(window->model()->index(r, 0));
            std::printf("%lld %lld %s %d\n", shownMs, paintedMs, statusField("VmHWM").constData(), rows);
            std::fflush(stdout);
            app.quit();
        });
        window->show();
        shownMs = sinceMain.elapsed();
    });
    const int status = app.exec();
    window.reset();
    secrets.reset();
    Gui::FileLogger::uninstall();
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (argc > 2 && QByteArray(argv[1]) == "--child")
        return child(argc, argv, sinceMain);

    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 7;
    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("connections.sqlite"));
    {
        QList<Core::Folder> folders;
        QList<Core::Connection> connections;
        BenchSampleData::make(10000, folders, connections);
        auto store = Core::ConnectionStore::open(storePath);
        if (!store || !store.value()->saveAll(folders, connections)) {
            std::fprintf(stderr, "could not write the sample store\n");
            return 1;
        }
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("CONCLAVE_KEYCHAIN"), QStringLiteral("memory"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    std::printf("GUI start, 10,000 connections in 50 folders (+15 region folders), platform %s\n",
                qPrintable(env.value(QStringLiteral("QT_QPA_PLATFORM"))));
    std::printf("%-6s %12s %22s %12s\n", "round", "shown (ms)", "tree painted (ms)", "VmHWM");
    std::vector<qint64> painted;
    std::vector<qint64> rssKb;
    for (int round = 0; round < rounds; ++round) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), storePath});
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            std::fprintf(stderr, "child run failed\n");
            return 1;
        }
        const QList<QByteArray> f = process.readAllStandardOutput().simplified().split(' ');
        if (f.size() < 5) {
            std::fprintf(stderr, "unexpected child output\n");
            return 1;
        }
        std::printf("%-6d %12s %22s %9s %s  (%s rows in the top two levels)\n", round + 1, f[0].constData(),
                    f[1].constData(), f[2].constData(), f[3].constData(), f[4].constData());
        painted.push_back(f[1].toLongLong());
        rssKb.push_back(f[2].toLongLong());
    }
    std::sort(painted.begin(), painted.end());
    std::sort(rssKb.begin(), rssKb.end());
    std::printf("median start to tree painted: %lld ms (min %lld, max %lld); median peak RSS %.1f MB\n",
                painted[painted.size() / 2], painted.front(), painted.back(),
                double(rssKb[rssKb.size() / 2]) / 1024.0);
    return 0;
}
