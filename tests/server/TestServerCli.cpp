// conclave-server's command line and configuration: --version, --help, precedence of flags
// over environment over file, refused settings (timeouts above the design's limits, a
// password inside the storage URL), file permissions of what it creates.
#include "ApiClient.h"
#include "ServerHarness.h"

#include <QFileInfo>
#include <QProcess>
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

QTEST_GUILESS_MAIN(TestServerCli)
#include "TestServerCli.moc"
