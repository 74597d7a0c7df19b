// conclave-server's command line and configuration: --version, --help, precedence of flags
// over environment over file, refused settings (timeouts above the design's limits, a
// password inside the storage URL), file permissions of what it creates.
#include "ApiClient.h"
#include "ServerHarness.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runServer(const QStringList& arguments,
              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(ServerHarness::binary(), arguments);
    (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 20000);
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}
} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void refusedSettings_data();
    void refusedSettings();
    void precedence_data();
    void precedence();
    void createsPrivateFiles();
    void servesTls();
    void deletesOldLogs();
};

void TestServerCli::versionAndHelp()
{
    Run run = runServer({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("conclave-server " CONCLAVE_VERSION)));
    run = runServer({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char* word : {"serve", "admin", "routes", "--data-dir", "--listen", "--storage",
                             "--idle-timeout", "block-sharing"}) {
        QVERIFY2(run.out.contains(QString::fromLatin1(word)), word);
    }
    run = runServer({QStringLiteral("launch-rockets")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("Unknown command")));
}

void TestServerCli::refusedSettings_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTemporaryDir dir;
    const QString data = QStringLiteral("/tmp/conclave-cli-never-created");
    QTest::newRow("no data dir") << QStringList{QStringLiteral("serve")} << QStringLiteral("--data-dir");
    QTest::newRow("idle timeout above 15 minutes")
        << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--idle-timeout"), QStringLiteral("901")}
        << QStringLiteral("limits/idleTimeoutSeconds must be a whole number from 1 to 900");
    QTest::newRow("absolute timeout above 12 hours")
        << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--absolute-timeout"), QStringLiteral("43201")}
        << QStringLiteral("from 1 to 43200");
    QTest::newRow("password in storage URL")
        << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--storage"), QStringLiteral("postgresql://u:secret@127.0.0.1/db")}
        << QStringLiteral("Do not put the database password in the storage URL");
    QTest::newRow("unknown storage") << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"),
                                                    data, QStringLiteral("--storage"),
                                                    QStringLiteral("mongodb://x")}
                                     << QStringLiteral("sqlite:<file> or postgresql://");
    QTest::newRow("bad listen address")
        << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--listen"), QStringLiteral("everywhere:80")}
        << QStringLiteral("listen address must be an IP address");
    QTest::newRow("bad smtp security")
        << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--smtp-security"), QStringLiteral("ssl3")}
        << QStringLiteral("smtp/security must be starttls or none");
    QTest::newRow("certificate without key")
        << QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem")}
        << QStringLiteral("both a TLS certificate and its key");
}

void TestServerCli::refusedSettings()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CONCLAVE_SERVER_DATA_DIR"));
    env.remove(QStringLiteral("CONCLAVE_SERVER_STORAGE"));
    const Run run = runServer(arguments, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestServerCli::precedence_data()
{
    QTest::addColumn<bool>("useEnv");
    QTest::addColumn<bool>("useFlag");
    QTest::addColumn<int>("expected");
    QTest::newRow("file only") << false << false << 600;
    QTest::newRow("environment over file") << true << false << 500;
    QTest::newRow("flag over environment") << true << true << 400;
}

void TestServerCli::precedence()
{
    QFETCH(bool, useEnv);
    QFETCH(bool, useFlag);
    QFETCH(int, expected);
    ServerHarness server;
    server.setConfig({QStringLiteral("[limits]"), QStringLiteral("idleTimeoutSeconds=600")});
    if (useEnv)
        server.setEnvironment(QStringLiteral("CONCLAVE_SERVER_IDLE_TIMEOUT"), QStringLiteral("500"));
    if (useFlag)
        server.setExtraArguments({QStringLiteral("--idle-timeout"), QStringLiteral("400")});
    QVERIFY(server.start(QStringLiteral("TestServerCli")));
    ApiClient client(server.baseUrl());
    const ApiResponse info = client.get(QStringLiteral("/api/v1/server"));
    QCOMPARE(info.json.value(QStringLiteral("idleTimeoutSeconds")).toInt(), expected);
}

void TestServerCli::createsPrivateFiles()
{
    ServerHarness server;
    QVERIFY(server.start(QStringLiteral("TestServerCli-files")));
    const QFileInfo key(server.dataDir() + QStringLiteral("/server.key"));
    QVERIFY(key.exists());
    QCOMPARE(key.size(), 32);
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                  QFileDevice::WriteOther),
             QFileDevice::Permissions());
    const QFileInfo data(server.dataDir());
    QCOMPARE(data.permissions() & (QFileDevice::ReadOther | QFileDevice::ExeOther),
             QFileDevice::Permissions());
    if (!ServerHarness::usePostgres()) {
        const QFileInfo db(server.dataDir() + QStringLiteral("/conclave-server.sqlite"));
        QVERIFY(db.exists());
        QCOMPARE(db.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }
    // Restarting keeps the same key (hashes stay valid).
    const QByteArray before = [&] {
        QFile f(key.filePath());
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    server.stop();
    QVERIFY(server.start(QStringLiteral("TestServerCli-files")));
    QFile again(key.filePath());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), before);
}

void TestServerCli::servesTls()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);

    ServerHarness server;
    server.setExtraArguments({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
    QVERIFY(server.start(QStringLiteral("TestServerCli-tls")));

    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/healthz").arg(server.port())));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(cert));
    request.setSslConfiguration(ssl);
    QNetworkReply* reply = manager.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->sslConfiguration().sessionProtocol() == QSsl::TlsV1_3 ||
            reply->sslConfiguration().sessionProtocol() == QSsl::TlsV1_2);
    delete reply;

    // Plain HTTP to the TLS port gets no answer.
    ApiClient plain(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    QCOMPARE(plain.get(QStringLiteral("/healthz")).status, 0);
}

void TestServerCli::deletesOldLogs()
{
    // A log file from 8 days ago in the log folder is removed when the server starts;
    // one from yesterday stays (DESIGN §7: logs are kept 7 days).
    ServerHarness server;
    QVERIFY(server.start(QStringLiteral("TestServerCli-logs")));
    const QString logDir = server.logDir();
    server.stop();
    const auto plant = [&](const QString& name, int daysAgo) {
        QFile file(QDir(logDir).filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old line\n");
        file.close();
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-daysAgo),
                                 QFileDevice::FileModificationTime));
    };
    plant(QStringLiteral("conclave-server-2000-01-01.log"), 8);
    plant(QStringLiteral("conclave-server-2000-01-02.log"), 1);
    QVERIFY(!QTest::currentTestFailed());

    QProcess process;
    process.setProcessEnvironment(server.environment());
    process.start(ServerHarness::binary(),
                  {QStringLiteral("serve"), QStringLiteral("--data-dir"), server.dataDir(),
                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--log-dir"),
                   logDir, QStringLiteral("--print-port")});
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
    QVERIFY(process.readLine().trimmed().toUInt() > 0);
    QVERIFY(!QFile::exists(QDir(logDir).filePath(QStringLiteral("conclave-server-2000-01-01.log"))));
    QVERIFY(QFile::exists(QDir(logDir).filePath(QStringLiteral("conclave-server-2000-01-02.log"))));
    process.terminate();
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 10000);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "TestServerCli.moc"
