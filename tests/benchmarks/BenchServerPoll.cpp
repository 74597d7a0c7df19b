// BenchServerPoll: DESIGN §8's "authenticated no-change polls" — wrk with 32 connections for
// a bounded time against GET /api/v1/feed at the head (a signed-in, verified user whose feed
// has not moved) and, in the same run, against nginx serving a static file of the same size
// as that answer's body; prints both rates, their ratio, and the bytes on the wire of an
// unchanged poll and of a poll with one change. Also /healthz (the bare HTTP path) for
// comparison. Prints; asserts nothing. Needs wrk and nginx (scripts/install-deps.sh --test).
//   build/<dir>/tests/benchmarks/BenchServerPoll [seconds]
#include "ServerAccounts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace ServerAccounts;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// The whole answer (status line, headers, body) to one GET, as it crosses the wire.
QByteArray rawGet(quint16 port, const QByteArray& path, const QByteArray& token)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    socket.write(request + "Connection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer;
}

QByteArray bodyOf(const QByteArray& answer)
{
    const qsizetype end = answer.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : answer.mid(end + 4);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Requests per second wrk reports, or -1.
double runWrk(const QString& url, int seconds, const QByteArray& token)
{
    QStringList args{QStringLiteral("-t2"), QStringLiteral("-c32"), QStringLiteral("-d%1s").arg(seconds),
                     QStringLiteral("--latency"), url};
    if (!token.isEmpty())
        args.prepend(QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token)),
            args.prepend(QStringLiteral("-H"));
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"), args);
    if (!wrk.waitForFinished((seconds + 30) * 1000))
        return -1;
    const QString text = QString::fromUtf8(wrk.readAllStandardOutput());
    static const QRegularExpression rate(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression errors(QStringLiteral("Non-2xx or 3xx responses: (\\d+)"));
    const auto m = rate.match(text);
    if (const auto e = errors.match(text); e.hasMatch())
        out() << "  (wrk saw " << e.captured(1) << " answers that were not 2xx)\n";
    static const QRegularExpression p99(QStringLiteral("99%\\s+(\\S+)"));
    if (const auto p = p99.match(text); p.hasMatch())
        out() << "  p99 latency " << p.captured(1) << "\n";
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? qMax(1, QString::fromLatin1(argv[1]).toInt()) : 10;
    if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()) {
        out() << "wrk is not installed (scripts/install-deps.sh --test); skipped\n";
        return 0;
    }
    const QString nginxBinary =
        QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    if (nginxBinary.isEmpty()) {
        out() << "nginx is not installed (scripts/install-deps.sh --test); skipped\n";
        return 0;
    }

    ServerHarness server;
    // The benchmark's own account; the budgets for sign-up and sign-in are not measured here.
    server.setConfig({QStringLiteral("[limits]"), QStringLiteral("signupPerAddress=1000"),
                      QStringLiteral("loginPerAddress=1000")});
    if (!server.start(QStringLiteral("BenchServerPoll"))) {
        out() << "conclave-server did not start\n";
        return 1;
    }
    ApiClient client(server.baseUrl());
    TestAccount user = ready(client, server, uniqueEmail("bench"));
    if (user.token.isEmpty()) {
        out() << "the benchmark account could not be set up\n";
        return 1;
    }
    const QByteArray token = user.token.toLatin1();
    const ApiResponse first = client.get(QStringLiteral("/api/v1/feed"), user.token);
    const qint64 cursor = first.json.value(QStringLiteral("cursor")).toInteger();
    const QByteArray pollPath = "/api/v1/feed?cursor=" + QByteArray::number(cursor);

    const QByteArray unchanged = rawGet(server.port(), pollPath, token);
    // One change for the user, written the way every write writes it (counter and row in
    // one transaction); a poll from the old cursor then carries it.
    server.execSql(QStringLiteral("BEGIN"));
    const bool appended =
        server.execSql(QStringLiteral("UPDATE change_counter SET last_seq = last_seq + 1")) &&
        server.execSql(
            QStringLiteral("INSERT INTO changes (seq, folder_id, user_id, kind, object_id, created_at) "
                           "SELECT last_seq, '', '%1', 'grant', '%2', 1764633600000 FROM change_counter")
                .arg(user.userId, QUuid::createUuid().toString(QUuid::WithoutBraces)));
    const QByteArray withChange = appended ? rawGet(server.port(), pollPath, token) : QByteArray();
    const ApiResponse moved = client.get(QString::fromLatin1(pollPath), user.token);
    const QByteArray headPath =
        "/api/v1/feed?cursor=" + QByteArray::number(moved.json.value(QStringLiteral("cursor")).toInteger());
    const QByteArray headAnswer = rawGet(server.port(), headPath, token);
    const QByteArray body = bodyOf(headAnswer);

    out() << "unchanged poll: " << unchanged.size() << " bytes on the wire (answer), body "
          << bodyOf(unchanged).size() << " bytes: " << bodyOf(unchanged) << "\n";
    out() << "poll with one change: " << withChange.size() << " bytes (answer), body "
          << bodyOf(withChange).size() << " bytes: " << bodyOf(withChange) << "\n";
    out() << "request sent by the client: about " << (pollPath.size() + token.size() + 70) << " bytes\n";

    // nginx with a file of the same size as the unchanged poll's body, in the same run.
    QTemporaryDir dir;
    QDir().mkpath(dir.path() + QStringLiteral("/www"));
    QFile file(dir.path() + QStringLiteral("/www/poll.json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
        return 1;
    file.close();
    const quint16 nginxPort = freePort();
    QFile conf(dir.path() + QStringLiteral("/nginx.conf"));
    if (!conf.open(QIODevice::WriteOnly))
        return 1;
    conf.write(
        QStringLiteral("daemon off;\nworker_processes auto;\npid %1/nginx.pid;\nerror_log %1/error.log;\n"
                       "events { worker_connections 1024; }\n"
                       "http { access_log off; client_body_temp_path %1/tmp; proxy_temp_path %1/tmp;\n"
                       "  fastcgi_temp_path %1/tmp; uwsgi_temp_path %1/tmp; scgi_temp_path %1/tmp;\n"
                       "  server { listen 127.0.0.1:%2; root %1/www;\n"
                       "    location / { default_type application/json; } } }\n")
            .arg(dir.path())
            .arg(nginxPort)
            .toUtf8());
    conf.close();
    QProcess nginx;
    nginx.start(nginxBinary, {QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), conf.fileName()});
    QTcpSocket probe;
    const bool nginxUp = QTest::qWaitFor(
        [&] {
            probe.connectToHost(QHostAddress::LocalHost, nginxPort);
            return probe.waitForConnected(100);
        },
        10000);
    probe.close();

    const QString base = server.baseUrl();
    out() << "wrk: 2 threads, 32 connections, " << seconds << " s each\n";
    out() << "conclave-server GET /api/v1/feed at the head (authenticated, no change):\n";
    const double feedRate = runWrk(base + QString::fromLatin1(headPath), seconds, token);
    out() << "  " << qRound(feedRate) << " req/s\n";
    out() << "conclave-server GET /healthz (anonymous):\n";
    const double healthRate = runWrk(base + QStringLiteral("/healthz"), seconds, {});
    out() << "  " << qRound(healthRate) << " req/s\n";
    double nginxRate = -1;
    if (nginxUp) {
        out() << "nginx, static file of " << body.size() << " bytes:\n";
        nginxRate = runWrk(QStringLiteral("http://127.0.0.1:%1/poll.json").arg(nginxPort), seconds, {});
        out() << "  " << qRound(nginxRate) << " req/s\n";
    } else {
        out() << "nginx did not start: " << nginx.readAllStandardError() << "\n";
    }
    if (nginxRate > 0 && feedRate > 0) {
        out() << "ratio feed / nginx: " << QString::number(feedRate / nginxRate, 'f', 2)
              << "x (goal >= 0.3x); "
              << "healthz / nginx: " << QString::number(healthRate / nginxRate, 'f', 2) << "x\n";
    }
    nginx.terminate();
    nginx.waitForFinished(5000);
    out().flush();
    server.stop();
    return 0;
}
