// BenchSyncSetup: what the sync benchmarks (BenchFirstSync, BenchIncrementalSync,
// BenchLiveLatency) start from, against the real conclave-server: ada and bob (SharedPair),
// `folders` folders of ada's with bob added to each, and `items` connection items spread over
// them, written through ada's SyncEngine in the shared-item format (SharedConnection's JSON),
// plus a byte-counting TCP relay bob's requests can go through. The set-up is never timed.
#pragma once

#include "SharedPair.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace BenchSync {

inline QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype at = std::min(values.size() - 1, qsizetype(double(values.size() - 1) * p + 0.5));
    return values.at(at);
}

// Runs the event loop until `done()` holds, at most `limitMs`. Not QTest::qWaitFor: it naps
// 10 ms between rounds of events, and those naps would be timed with every request.
template<typename Predicate> bool spin(Predicate done, int limitMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(1);
    QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

// `start(context, done)` of a Status operation, waited for with spin().
template<typename Start> std::optional<Conclave::Core::Status> awaitStatus(Start start, int limitMs = 600'000)
{
    std::optional<Conclave::Core::Status> result;
    QObject context;
    start(&context, [&result](Conclave::Core::Status status) { result = std::move(status); });
    spin([&] { return result.has_value(); }, limitMs);
    return result;
}

template<typename T, typename Start> std::optional<Conclave::Core::Result<T>> awaitValue(Start start)
{
    std::optional<Conclave::Core::Result<T>> result;
    QObject context;
    start(&context, [&result](Conclave::Core::Result<T> value) { result.emplace(std::move(value)); });
    spin([&] { return result.has_value(); }, 60'000);
    return result;
}

// User + system CPU of this process (every thread), in milliseconds.
inline double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// The fields of connection `index` as a user would keep them.
struct Connection
{
    QString name;
    QString kind;
    QString host;
    QString database;
    QString notes;
};

inline Connection connection(int index)
{
    static const char* kinds[] = {"mongodb", "postgresql", "mysql", "redis", "ssh"};
    static const int ports[] = {27017, 5432, 3306, 6379, 22};
    const int k = index % 5;
    Connection c;
    c.name = QStringLiteral("%1-%2").arg(QString::fromLatin1(kinds[k])).arg(index, 5, 10, QLatin1Char('0'));
    c.kind = QString::fromLatin1(kinds[k]);
    c.host = QStringLiteral("db%1.team.internal:%2").arg(index).arg(ports[k]);
    // As the editor would accept it: a Redis database is a number, SSH has none.
    if (c.kind == QLatin1String("redis"))
        c.database = QString::number(index % 16);
    else if (c.kind != QLatin1String("ssh"))
        c.database = QStringLiteral("app_%1").arg(index % 37);
    c.notes = QStringLiteral("Replica of the reporting cluster, owned by team %1.").arg(index % 11);
    return c;
}

// The shared-item plaintext (contract: compact JSON, conclave.connection v1).
inline QByteArray plaintext(const Connection& c, const QUuid& author, int revision)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QJsonObject fields{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("kind"), c.kind},
        {QStringLiteral("hosts"), QJsonArray{c.host}},
        {QStringLiteral("defaultDatabase"), c.database},
        {QStringLiteral("options"),
         QJsonArray{QJsonArray{QStringLiteral("connectTimeoutMS"), QString::number(5000 + revision)}}},
        {QStringLiteral("tls"), QJsonObject{{QStringLiteral("enabled"), c.kind != QLatin1String("ssh")},
                                            {QStringLiteral("allowInvalidHostnames"), false}}},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("team"), QStringLiteral("reporting")}},
        {QStringLiteral("notes"), c.notes},
        {QStringLiteral("group"), QString()},
    };
    const QJsonObject item{{QStringLiteral("format"), QStringLiteral("conclave.connection")},
                           {QStringLiteral("v"), 1},
                           {QStringLiteral("createdBy"), author.toString(QUuid::WithoutBraces)},
                           {QStringLiteral("createdAt"), now},
                           {QStringLiteral("changedAt"), now},
                           {QStringLiteral("fields"), fields}};
    return QJsonDocument(item).toJson(QJsonDocument::Compact);
}

// A TCP relay in front of the server that counts the bytes both ways.
class CountingRelay final : public QObject
{
public:
    CountingRelay()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* inbound = m_server.nextPendingConnection()) {
                auto* outbound = new QTcpSocket(inbound);
                // No Nagle delay of its own: the relay must not add latency to what it counts.
                inbound->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                outbound->connectToHost(QHostAddress::LocalHost, m_target);
                connect(outbound, &QTcpSocket::connected, outbound,
                        [outbound] { outbound->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
                auto relay = [this](QTcpSocket* from, QTcpSocket* to, qint64* counter) {
                    if (to->state() != QAbstractSocket::ConnectedState)
                        return;
                    const QByteArray bytes = from->readAll();
                    *counter += bytes.size();
                    to->write(bytes);
                };
                connect(inbound, &QTcpSocket::readyRead, outbound,
                        [=, this] { relay(inbound, outbound, &m_sent); });
                connect(outbound, &QTcpSocket::connected, inbound,
                        [=, this] { relay(inbound, outbound, &m_sent); });
                connect(outbound, &QTcpSocket::readyRead, inbound,
                        [=, this] { relay(outbound, inbound, &m_received); });
                connect(inbound, &QTcpSocket::disconnected, inbound, &QObject::deleteLater);
                connect(outbound, &QTcpSocket::disconnected, inbound, &QTcpSocket::disconnectFromHost);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    void setTarget(quint16 port) { m_target = port; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void reset() { m_sent = m_received = 0; }
    qint64 sent() const { return m_sent; }
    qint64 received() const { return m_received; }

private:
    QTcpServer m_server;
    quint16 m_target = 0;
    qint64 m_sent = 0;
    qint64 m_received = 0;
};

struct Setup
{
    ServerHarness server;
    SharedPair pair;
    QList<QUuid> folders;
    QList<QUuid> items; // in the order written
    QList<QUuid> itemFolder;

    // Everything up to bob's first sync (not done here). Progress goes to stderr.
    bool build(const QString& name, int folderCount, int itemCount)
    {
        QElapsedTimer timer;
        timer.start();
        if (!pair.setUp(server, name, false))
            return false;
        for (int f = 0; f < folderCount; ++f) {
            const QUuid folder = pair.createFolder(QStringLiteral("Team folder %1").arg(f + 1));
            if (folder.isNull() || !pair.addBob(folder))
                return false;
            folders.append(folder);
        }
        // Every write is queued at once; the engine runs them one after the other.
        const QUuid author = pair.a->client.account().userId;
        QObject context;
        int done = 0;
        int failed = 0;
        // A write the server could not be reached for is reported as written all the same and
        // waits in the outbox (writeQueued): counted, and flushed below, or it would be missing
        // on the server without any failure.
        int queued = 0;
        QObject::connect(&pair.a->engine, &Conclave::Core::SyncEngine::writeQueued, &context,
                         [&queued](const QUuid&, const QUuid&) { ++queued; });
        // Bob does nothing while ada writes; a set-up longer than the server's idle limit
        // (15 minutes; 10,000 items on a busy machine) would end his session and fail his
        // first sync with 401. One small authenticated request a minute keeps it.
        QTimer keepBob;
        QObject::connect(&keepBob, &QTimer::timeout, &context, [this, &context] {
            pair.b->api.get(QStringLiteral("/api/v1/account"), true, &context,
                            [](Conclave::Core::ApiReply) {});
        });
        keepBob.start(60'000);
        for (int i = 0; i < itemCount; ++i) {
            const QUuid folder = folders.at(i % folderCount);
            const QUuid id = QUuid::createUuid();
            items.append(id);
            itemFolder.append(folder);
            pair.a->engine.writeItem(folder, id, plaintext(connection(i), author, 1), &context,
                                     [&](Conclave::Core::Result<QUuid> r) {
                                         ++done;
                                         if (!r.ok() && ++failed <= 3)
                                             QTextStream(stderr)
                                                 << "write failed: " << r.error().message << "\n";
                                     });
        }
        const bool finished = spin([&] { return done == itemCount; }, 3'600'000);
        for (int flush = 0; finished && flush < 5 && pair.a->engine.pendingWriteCount() > 0; ++flush)
            (void)awaitStatus([&](QObject* c, auto then) { pair.a->engine.flushOutbox(c, then); });
        const int waiting = pair.a->engine.pendingWriteCount();
        QTextStream(stderr) << "set-up: " << folderCount << " folders, " << itemCount << " items written in "
                            << timer.elapsed() << " ms (" << failed << " failed, " << queued
                            << " kept in the outbox for a while, " << waiting << " still there)\n";
        return finished && failed == 0 && waiting == 0;
    }
};

} // namespace BenchSync
