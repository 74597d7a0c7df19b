// Verification mail through a real SMTP server: Debian's aiosmtpd on a loopback port, with
// its Maildir handler, once in plain SMTP and once with STARTTLS and a certificate the
// server is told to trust; and the refusal to send when STARTTLS is required but missing.
#include "ApiClient.h"
#include "ServerAccounts.h"
#include "ServerHarness.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

// A running aiosmtpd that stores every message in a Maildir.
class SmtpSink final
{
public:
    bool start(const QStringList& extra = {})
    {
        m_port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(
            QStringLiteral("/usr/bin/python3"),
            QStringList{QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                        QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port)} +
                extra +
                QStringList{QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"), maildir()});
        return QTest::qWaitFor(
                   [this] {
                       if (m_process.state() == QProcess::NotRunning)
                           return true;
                       QTcpSocket socket;
                       socket.connectToHost(QHostAddress::LocalHost, m_port);
                       return socket.waitForConnected(200);
                   },
                   20000) &&
               m_process.state() == QProcess::Running;
    }
    ~SmtpSink()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    quint16 port() const { return m_port; }
    QString maildir() const { return m_dir.path() + QStringLiteral("/maildir"); }
    QStringList messages() const
    {
        QStringList texts;
        const QDir dir(maildir() + QStringLiteral("/new"));
        for (const QString& name : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                texts.append(QString::fromUtf8(file.readAll()));
        }
        return texts;
    }
    QString output() { return QString::fromUtf8(m_process.readAll()); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace

class TestServerMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verificationMail_data();
    void verificationMail();
    void refusesWithoutStartTls();
    void startTlsAndAuth_data();
    void startTlsAndAuth();

private:
    QTemporaryDir m_certDir;
};

void TestServerMail::initTestCase()
{
    if (!QFile::exists(QStringLiteral("/usr/lib/python3/dist-packages/aiosmtpd")))
        QSKIP("python3-aiosmtpd is not installed (scripts/install-deps.sh --test)");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                   QStringLiteral("-keyout"), m_certDir.filePath(QStringLiteral("key.pem")),
                   QStringLiteral("-out"), m_certDir.filePath(QStringLiteral("cert.pem"))});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
}

void TestServerMail::verificationMail_data()
{
    QTest::addColumn<bool>("startTls");
    QTest::newRow("plain SMTP on loopback") << false;
    QTest::newRow("STARTTLS with a trusted certificate") << true;
}

void TestServerMail::verificationMail()
{
    QFETCH(bool, startTls);
    SmtpSink sink;
    const QString cert = m_certDir.filePath(QStringLiteral("cert.pem"));
    QVERIFY(sink.start(startTls ? QStringList{QStringLiteral("--tlscert"), cert, QStringLiteral("--tlskey"),
                                              m_certDir.filePath(QStringLiteral("key.pem"))}
                                : QStringList{}));

    ServerHarness server;
    server.setConfig(
        {QStringLiteral("[smtp]"), QStringLiteral("host=127.0.0.1"),
         QStringLiteral("port=%1").arg(sink.port()),
         QStringLiteral("security=%1").arg(startTls ? QStringLiteral("starttls") : QStringLiteral("none")),
         QStringLiteral("from=conclave@test.invalid"), QStringLiteral("caFile=") + cert});
    QVERIFY(server.start(QStringLiteral("TestServerMail")));
    ApiClient client(server.baseUrl());

    const QString email = QStringLiteral("mail-") + QUuid::createUuid().toString(QUuid::Id128).left(8) +
                          QStringLiteral("@example.org");
    const QByteArray authKey = randomBytes(32);
    const ApiResponse r = client.post(
        QStringLiteral("/api/v1/accounts"),
        {{QStringLiteral("email"), email},
         {QStringLiteral("name"), QStringLiteral("Mail Test")},
         {QStringLiteral("authKey"), b64(authKey)},
         {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("salt"), b64(randomBytes(16))},
                                             {QStringLiteral("opsLimit"), 3},
                                             {QStringLiteral("memLimitBytes"), 64 * 1024 * 1024}}},
         {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}});
    QCOMPARE(r.status, 201);

    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 15000);
    const QString mail = sink.messages().constFirst();
    QVERIFY(mail.contains(QStringLiteral("To: ") + email));
    QVERIFY(mail.contains(QStringLiteral("From: conclave@test.invalid")));
    const auto match = QRegularExpression(QStringLiteral("code is (\\d{8})")).match(mail);
    QVERIFY2(match.hasMatch(), qPrintable(mail));
    // Nothing went to the outbox when SMTP is configured.
    QVERIFY(QDir(server.dataDir() + QStringLiteral("/outbox")).entryList(QDir::Files).isEmpty());

    ApiResponse v =
        client.post(QStringLiteral("/api/v1/accounts/verify"),
                    {{QStringLiteral("email"), email}, {QStringLiteral("code"), match.captured(1)}});
    QCOMPARE(v.status, 200);
    const ApiResponse login =
        client.post(QStringLiteral("/api/v1/sessions"),
                    {{QStringLiteral("email"), email}, {QStringLiteral("authKey"), b64(authKey)}});
    QCOMPARE(login.json.value(QStringLiteral("verified")).toBool(), true);
}

void TestServerMail::refusesWithoutStartTls()
{
    SmtpSink sink;
    QVERIFY(sink.start());
    ServerHarness server;
    server.setConfig({QStringLiteral("[smtp]"), QStringLiteral("host=127.0.0.1"),
                      QStringLiteral("port=%1").arg(sink.port()), QStringLiteral("security=starttls")});
    QVERIFY(server.start(QStringLiteral("TestServerMail-notls")));
    ApiClient client(server.baseUrl());
    const ApiResponse r = client.post(
        QStringLiteral("/api/v1/accounts"),
        {{QStringLiteral("email"), QStringLiteral("notls@example.org")},
         {QStringLiteral("name"), QStringLiteral("No TLS")},
         {QStringLiteral("authKey"), b64(randomBytes(32))},
         {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("salt"), b64(randomBytes(16))},
                                             {QStringLiteral("opsLimit"), 3},
                                             {QStringLiteral("memLimitBytes"), 64 * 1024 * 1024}}},
         {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}});
    QCOMPARE(r.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(server.logText().contains(QStringLiteral("does not offer STARTTLS")), 15000);
    QVERIFY(sink.messages().isEmpty());
}

void TestServerMail::startTlsAndAuth_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("delivered");
    QTest::newRow("right password") << QStringLiteral("sink-secret") << true;
    QTest::newRow("wrong password") << QStringLiteral("not-the-secret") << false;
}

void TestServerMail::startTlsAndAuth()
{
    QFETCH(QString, password);
    QFETCH(bool, delivered);
    QTemporaryDir sinkDir;
    const QString maildir = sinkDir.filePath(QStringLiteral("maildir"));
    const QString cert = m_certDir.filePath(QStringLiteral("cert.pem"));
    const quint16 port = freePort();
    QProcess sink;
    QProcessEnvironment sinkEnv = QProcessEnvironment::systemEnvironment();
    sinkEnv.insert(QStringLiteral("SINK_PASSWORD"), QStringLiteral("sink-secret"));
    sink.setProcessEnvironment(sinkEnv);
    sink.start(QStringLiteral("/usr/bin/python3"),
               {QStringLiteral(CONCLAVE_SOURCE_DIR "/tests/server/smtp-auth-sink.py"), QString::number(port),
                maildir, cert, m_certDir.filePath(QStringLiteral("key.pem")),
                QStringLiteral("conclave-user")});
    QTRY_VERIFY_WITH_TIMEOUT(sink.canReadLine() || sink.state() == QProcess::NotRunning, 20000);
    QCOMPARE(sink.readLine().trimmed(), QByteArray("ready"));

    ServerHarness server;
    server.setConfig({QStringLiteral("[smtp]"), QStringLiteral("host=127.0.0.1"),
                      QStringLiteral("port=%1").arg(port), QStringLiteral("security=starttls"),
                      QStringLiteral("user=conclave-user"), QStringLiteral("caFile=") + cert});
    server.setEnvironment(QStringLiteral("CONCLAVE_SMTP_PASSWORD"), password);
    QVERIFY(server.start(QStringLiteral("TestServerMail-auth")));
    ApiClient client(server.baseUrl());
    const ApiResponse r = client.post(
        QStringLiteral("/api/v1/accounts"),
        {{QStringLiteral("email"), QStringLiteral("auth@example.org")},
         {QStringLiteral("name"), QStringLiteral("Auth")},
         {QStringLiteral("authKey"), b64(randomBytes(32))},
         {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("salt"), b64(randomBytes(16))},
                                             {QStringLiteral("opsLimit"), 3},
                                             {QStringLiteral("memLimitBytes"), 64 * 1024 * 1024}}},
         {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}});
    QCOMPARE(r.status, 201);
    if (delivered) {
        QTRY_COMPARE_WITH_TIMEOUT(QDir(maildir + QStringLiteral("/new")).entryList(QDir::Files).size(), 1,
                                  15000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(
            server.logText().contains(QStringLiteral("did not accept the SMTP user name")), 15000);
        QVERIFY(QDir(maildir + QStringLiteral("/new")).entryList(QDir::Files).isEmpty());
    }
    // The password never reaches the logs.
    QVERIFY(!server.logText().contains(password));
    sink.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(sink.state() == QProcess::NotRunning, 15000);
}

QTEST_GUILESS_MAIN(TestServerMail)
#include "TestServerMail.moc"
