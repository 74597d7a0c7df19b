// "Test connection" against the real services the ctest fixtures start (PostgreSQL, Redis,
// MariaDB, sshd; see tests/services/) and against small servers run inside this test for
// what cannot run here: a socket that never answers (timeout, cancel) and MongoDB, which
// Debian 12 does not package, answered by a minimal OP_MSG responder.
#include "core/connect/ConnectionTester.h"
#include "core/connect/MongoProbe.h"

#include "ServiceEnv.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;
using namespace std::chrono_literals;

namespace {

Connection makeConnection(ConnectionKind kind, const QString& host, quint16 port)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("test");
    c.kind = kind;
    c.hosts = {HostPort{host, port}};
    return c;
}

ProbeCredentials credentials(const QString& user, const QString& password)
{
    ProbeCredentials creds;
    creds.username = user;
    if (!password.isEmpty())
        creds.password = SecureBytes::fromView(password.toUtf8());
    return creds;
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Appends a BSON element; enough to build hello replies.
void bsonInt32(QByteArray& doc, const char* name, qint32 value)
{
    doc.append(char(0x10)).append(name).append('\0');
    char b[4];
    qToLittleEndian(value, b);
    doc.append(b, 4);
}

void bsonDouble(QByteArray& doc, const char* name, double value)
{
    doc.append(char(0x01)).append(name).append('\0');
    char b[8];
    qToLittleEndian(value, b);
    doc.append(b, 8);
}

void bsonString(QByteArray& doc, const char* name, const QByteArray& value)
{
    doc.append(char(0x02)).append(name).append('\0');
    char b[4];
    qToLittleEndian(qint32(value.size() + 1), b);
    doc.append(b, 4).append(value).append('\0');
}

void bsonBool(QByteArray& doc, const char* name, bool value)
{
    doc.append(char(0x08)).append(name).append('\0').append(char(value ? 1 : 0));
}

QByteArray bsonFinish(QByteArray elements)
{
    QByteArray doc(4, '\0');
    doc.append(elements).append('\0');
    qToLittleEndian(qint32(doc.size()), doc.data());
    return doc;
}

QByteArray opMsgReply(const QByteArray& body, qint32 responseTo = 1)
{
    QByteArray msg(16, '\0');
    qToLittleEndian(qint32(16 + 4 + 1 + body.size()), msg.data());
    qToLittleEndian(qint32(99), msg.data() + 4);
    qToLittleEndian(responseTo, msg.data() + 8);
    qToLittleEndian(qint32(2013), msg.data() + 12);
    msg.append(4, '\0').append('\0').append(body);
    return msg;
}

// A TCP server that accepts and then never answers, greets first (like SSH), or answers
// the first complete request with a fixed reply. It records what clients sent.
class FakeServer final : public QObject
{
public:
    enum class Mode
    {
        Silent,
        GreetFirst,
        Answer
    };
    explicit FakeServer(Mode mode = Mode::Silent, QByteArray reply = {}, qsizetype requestSize = 0)
        : m_reply(std::move(reply))
        , m_requestSize(requestSize)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this, mode] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                m_clients.append(socket);
                if (mode == Mode::GreetFirst)
                    socket->write(m_reply);
                connect(socket, &QIODevice::readyRead, this, [this, socket, mode] {
                    m_received += socket->readAll();
                    if (mode == Mode::Answer && !m_reply.isEmpty() && m_received.size() >= m_requestSize &&
                        !m_answered) {
                        m_answered = true;
                        socket->write(m_reply);
                    }
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.serverPort(); }
    const QByteArray& received() const { return m_received; }
    int clients() const { return int(m_clients.size()); }
    bool allClosed() const
    {
        for (const QTcpSocket* s : m_clients)
            if (s->state() == QAbstractSocket::ConnectedState)
                return false;
        return true;
    }

private:
    QTcpServer m_server;
    QList<QTcpSocket*> m_clients;
    QByteArray m_reply;
    QByteArray m_received;
    qsizetype m_requestSize = 0;
    bool m_answered = false;
};

} // namespace

// Runs one test to completion and leaves its result in `result`.
#define RUN_CONNECTION_TEST(connection, creds, timeout, result)                                              \
    ProbeResult result;                                                                                      \
    {                                                                                                        \
        ConnectionTester tester;                                                                             \
        QSignalSpy spy(&tester, &ConnectionTester::finished);                                                \
        tester.start((connection), (creds), (timeout));                                                      \
        QCOMPARE(spy.size(), 0); /* never inside start() */                                                  \
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);                                                     \
        result = spy.at(0).at(0).value<ProbeResult>();                                                       \
        QVERIFY(!tester.isRunning());                                                                        \
    }                                                                                                        \
    qInfo() << (result).summary;

class TestConnectionTester final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void postgresSignIn_data();
    void postgresSignIn();
    void wrongPassword_data();
    void wrongPassword();
    void postgresNeedsUserAndDatabase();
    void redisSignIn_data();
    void redisSignIn();
    void redisWithoutPassword();
    void mariadb_data();
    void mariadb();
    void sshBanner();
    void sshTunnelIsReportedHonestly();
    void refusedPort();
    void tlsProblems_data();
    void tlsProblems();
    void hostNameCheck_data();
    void hostNameCheck();
    void timeout();
    void cancel();
    void mongoHello_data();
    void mongoHello();
    void badInput_data();
    void badInput();
    void garbageFromServer_data();
    void garbageFromServer();
    void secretsNeverLogged();

private:
    Env m_pg;
    Env m_redis;
    Env m_maria;
    Env m_ssh;
};

void TestConnectionTester::initTestCase()
{
    m_pg = loadEnv(QStringLiteral("postgres"));
    m_redis = loadEnv(QStringLiteral("redis"));
    m_maria = loadEnv(QStringLiteral("mariadb"));
    m_ssh = loadEnv(QStringLiteral("sshd"));
    QVERIFY2(!m_pg.value(QStringLiteral("PGPORT")).isEmpty(), "PostgreSQL fixture not running");
    QVERIFY2(!m_redis.value(QStringLiteral("REDIS_PORT")).isEmpty(), "Redis fixture not running");
    QVERIFY2(!m_maria.value(QStringLiteral("MARIADB_PORT")).isEmpty(), "MariaDB fixture not running");
    QVERIFY2(!m_ssh.value(QStringLiteral("SSHD_PORT")).isEmpty(), "sshd fixture not running");
}

void TestConnectionTester::postgresSignIn_data()
{
    QTest::addColumn<QString>("userKey");
    QTest::addColumn<QString>("passwordKey");
    QTest::addColumn<bool>("tls");
    QTest::newRow("scram") << "CONCLAVE_PG_SCRAM_USER"
                           << "CONCLAVE_PG_SCRAM_PASSWORD" << false;
    QTest::newRow("scram over TLS") << "CONCLAVE_PG_SCRAM_USER"
                                    << "CONCLAVE_PG_SCRAM_PASSWORD" << true;
    QTest::newRow("md5") << "CONCLAVE_PG_MD5_USER"
                         << "CONCLAVE_PG_MD5_PASSWORD" << false;
    QTest::newRow("md5 over TLS") << "CONCLAVE_PG_MD5_USER"
                                  << "CONCLAVE_PG_MD5_PASSWORD" << true;
    QTest::newRow("superuser") << "PGUSER"
                               << "PGPASSWORD" << true;
}

void TestConnectionTester::postgresSignIn()
{
    QFETCH(QString, userKey);
    QFETCH(QString, passwordKey);
    QFETCH(bool, tls);
    Connection c = makeConnection(ConnectionKind::PostgreSQL, m_pg.value(QStringLiteral("PGHOST")),
                                  m_pg.value(QStringLiteral("PGPORT")).toUShort());
    c.tls.enabled = tls;
    c.tls.caFile = m_pg.value(QStringLiteral("PGSSLROOTCERT"));
    const QString user = m_pg.value(userKey);
    RUN_CONNECTION_TEST(c, credentials(user, m_pg.value(passwordKey)), 10s, r);
    QVERIFY2(r.ok, qPrintable(r.summary));
    QCOMPARE(r.stage, ProbeResult::Stage::Done);
    QVERIFY2(r.serverVersion.startsWith(QLatin1String("15.")), qPrintable(r.serverVersion));
    const QString expected = QStringLiteral("Connected to PostgreSQL %1; signed in as %2.")
                                 .arg(r.serverVersion.section(QLatin1Char(' '), 0, 0), user);
    QCOMPARE(r.summary, expected);
    QCOMPARE(r.steps.join(QLatin1Char('\n')).contains(QLatin1String("TLS established")), tls);
    if (userKey.contains(QLatin1String("SCRAM")) || userKey == QLatin1String("PGUSER"))
        QVERIFY(r.steps.contains(QStringLiteral("The server proved that it knows the password.")));
}

void TestConnectionTester::wrongPassword_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("user");
    QTest::newRow("postgres scram") << int(ConnectionKind::PostgreSQL) << "scram_user";
    QTest::newRow("postgres md5") << int(ConnectionKind::PostgreSQL) << "md5_user";
    QTest::newRow("postgres unknown user") << int(ConnectionKind::PostgreSQL) << "nobody_here";
    QTest::newRow("redis default user") << int(ConnectionKind::Redis) << "";
    QTest::newRow("redis acl user") << int(ConnectionKind::Redis) << "conclave_acl";
    QTest::newRow("mariadb") << int(ConnectionKind::MySQL) << "native_user";
}

void TestConnectionTester::wrongPassword()
{
    QFETCH(int, kind);
    QFETCH(QString, user);
    Connection c;
    switch (ConnectionKind(kind)) {
    case ConnectionKind::PostgreSQL:
        c = makeConnection(ConnectionKind::PostgreSQL, m_pg.value(QStringLiteral("PGHOST")),
                           m_pg.value(QStringLiteral("PGPORT")).toUShort());
        break;
    case ConnectionKind::Redis:
        c = makeConnection(ConnectionKind::Redis, m_redis.value(QStringLiteral("REDIS_HOST")),
                           m_redis.value(QStringLiteral("REDIS_PORT")).toUShort());
        break;
    default:
        c = makeConnection(ConnectionKind::MySQL, m_maria.value(QStringLiteral("MARIADB_HOST")),
                           m_maria.value(QStringLiteral("MARIADB_PORT")).toUShort());
        break;
    }
    RUN_CONNECTION_TEST(c, credentials(user, QStringLiteral("not-the-password")), 10s, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.summary, QStringLiteral("Wrong user name or password."));
    QCOMPARE(r.error.code, ErrorCode::Denied);
    QCOMPARE(r.stage, ProbeResult::Stage::Authentication);
}

void TestConnectionTester::postgresNeedsUserAndDatabase()
{
    Connection c = makeConnection(ConnectionKind::PostgreSQL, m_pg.value(QStringLiteral("PGHOST")),
                                  m_pg.value(QStringLiteral("PGPORT")).toUShort());
    {
        RUN_CONNECTION_TEST(c, credentials({}, QStringLiteral("x")), 10s, r);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.field, QStringLiteral("username"));
    }
    {
        RUN_CONNECTION_TEST(c, credentials(QStringLiteral("scram_user"), {}), 10s, r);
        QVERIFY(!r.ok);
        QCOMPARE(r.summary, QStringLiteral("The server asks for a password, and none was given."));
    }
    c.defaultDatabase = QStringLiteral("no_such_database");
    {
        RUN_CONNECTION_TEST(
            c, credentials(m_pg.value(QStringLiteral("PGUSER")), m_pg.value(QStringLiteral("PGPASSWORD"))),
            10s, r);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::NotFound);
        QCOMPARE(r.error.field, QStringLiteral("defaultDatabase"));
        QVERIFY2(r.summary.contains(QLatin1String("no_such_database")), qPrintable(r.summary));
    }
    // The connection's own user name is used when the credentials carry none.
    c.defaultDatabase.clear();
    c.username = m_pg.value(QStringLiteral("CONCLAVE_PG_SCRAM_USER"));
    {
        RUN_CONNECTION_TEST(c, credentials({}, m_pg.value(QStringLiteral("CONCLAVE_PG_SCRAM_PASSWORD"))), 10s,
                            r);
        QVERIFY2(r.ok, qPrintable(r.summary));
        QVERIFY(r.summary.endsWith(QLatin1String("signed in as scram_user.")));
    }
}

void TestConnectionTester::redisSignIn_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("passwordKey");
    QTest::addColumn<bool>("tls");
    QTest::newRow("default user") << ""
                                  << "REDIS_PASSWORD" << false;
    QTest::newRow("default user over TLS") << ""
                                           << "REDIS_PASSWORD" << true;
    QTest::newRow("acl user") << "conclave_acl"
                              << "REDIS_ACL_PASSWORD" << false;
    QTest::newRow("acl user over TLS") << "conclave_acl"
                                       << "REDIS_ACL_PASSWORD" << true;
}

void TestConnectionTester::redisSignIn()
{
    QFETCH(QString, user);
    QFETCH(QString, passwordKey);
    QFETCH(bool, tls);
    Connection c = makeConnection(
        ConnectionKind::Redis, m_redis.value(QStringLiteral("REDIS_HOST")),
        m_redis.value(tls ? QStringLiteral("REDIS_TLS_PORT") : QStringLiteral("REDIS_PORT")).toUShort());
    c.tls.enabled = tls;
    c.tls.caFile = m_redis.value(QStringLiteral("REDIS_CA"));
    RUN_CONNECTION_TEST(c, credentials(user, m_redis.value(passwordKey)), 10s, r);
    QVERIFY2(r.ok, qPrintable(r.summary));
    QVERIFY2(r.serverVersion.startsWith(QLatin1String("7.")), qPrintable(r.serverVersion));
    const QString expected =
        user.isEmpty() ? QStringLiteral("Connected to Redis %1; signed in.").arg(r.serverVersion)
                       : QStringLiteral("Connected to Redis %1; signed in as %2.").arg(r.serverVersion, user);
    QCOMPARE(r.summary, expected);
    QCOMPARE(r.steps.join(QLatin1Char('\n')).contains(QLatin1String("TLS established")), tls);
}

void TestConnectionTester::redisWithoutPassword()
{
    Connection c = makeConnection(ConnectionKind::Redis, m_redis.value(QStringLiteral("REDIS_HOST")),
                                  m_redis.value(QStringLiteral("REDIS_PORT")).toUShort());
    RUN_CONNECTION_TEST(c, ProbeCredentials{}, 10s, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.stage, ProbeResult::Stage::Authentication);
    QCOMPARE(r.summary, QStringLiteral("The server asks for a password, and none was given."));
}

void TestConnectionTester::mariadb_data()
{
    QTest::addColumn<bool>("withUser");
    QTest::addColumn<bool>("tls");
    QTest::newRow("greeting only") << false << false;
    QTest::newRow("greeting over TLS") << false << true;
    QTest::newRow("sign in") << true << false;
    QTest::newRow("sign in over TLS") << true << true;
}

void TestConnectionTester::mariadb()
{
    QFETCH(bool, withUser);
    QFETCH(bool, tls);
    Connection c = makeConnection(ConnectionKind::MySQL, m_maria.value(QStringLiteral("MARIADB_HOST")),
                                  m_maria.value(QStringLiteral("MARIADB_PORT")).toUShort());
    c.tls.enabled = tls;
    c.tls.caFile = m_maria.value(QStringLiteral("MARIADB_CA"));
    if (withUser)
        c.defaultDatabase = m_maria.value(QStringLiteral("MARIADB_DATABASE"));
    const QString user = withUser ? m_maria.value(QStringLiteral("MARIADB_USER")) : QString();
    const QString password = withUser ? m_maria.value(QStringLiteral("MARIADB_PASSWORD")) : QString();
    RUN_CONNECTION_TEST(c, credentials(user, password), 10s, r);
    QVERIFY2(r.ok, qPrintable(r.summary));
    QVERIFY2(r.serverVersion.contains(QLatin1String("MariaDB")), qPrintable(r.serverVersion));
    QVERIFY2(!r.serverVersion.startsWith(QLatin1String("5.5.5-")), qPrintable(r.serverVersion));
    if (withUser)
        QCOMPARE(r.summary, QStringLiteral("Connected to MariaDB %1; signed in as %2.")
                                .arg(r.serverVersion.section(QLatin1Char('-'), 0, 0), user));
    else
        QVERIFY2(r.summary.startsWith(QStringLiteral("Connected to MariaDB %1; sign-in not tested")
                                          .arg(r.serverVersion.section(QLatin1Char('-'), 0, 0))),
                 qPrintable(r.summary));
    QCOMPARE(r.steps.join(QLatin1Char('\n')).contains(QLatin1String("TLS established")), tls);
}

void TestConnectionTester::sshBanner()
{
    Connection c = makeConnection(ConnectionKind::SSH, m_ssh.value(QStringLiteral("SSHD_HOST")),
                                  m_ssh.value(QStringLiteral("SSHD_PORT")).toUShort());
    RUN_CONNECTION_TEST(c, credentials(QStringLiteral("conclavetest"), QStringLiteral("unused")), 10s, r);
    QVERIFY2(r.ok, qPrintable(r.summary));
    QVERIFY2(r.serverVersion.startsWith(QLatin1String("OpenSSH_")), qPrintable(r.serverVersion));
    QVERIFY2(r.summary.startsWith(QLatin1String("Connected to SSH server OpenSSH_")), qPrintable(r.summary));
}

void TestConnectionTester::sshTunnelIsReportedHonestly()
{
    Connection c = makeConnection(ConnectionKind::PostgreSQL, QStringLiteral("db.internal.invalid"), 5432);
    c.ssh.enabled = true;
    c.ssh.host = m_ssh.value(QStringLiteral("SSHD_HOST"));
    c.ssh.port = m_ssh.value(QStringLiteral("SSHD_PORT")).toUShort();
    RUN_CONNECTION_TEST(c, credentials(QStringLiteral("u"), QStringLiteral("p")), 10s, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.code, ErrorCode::Unavailable);
    QVERIFY2(r.summary.contains(QLatin1String("not supported yet")), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(QLatin1String("OpenSSH_")), qPrintable(r.summary));
}

void TestConnectionTester::refusedPort()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    Connection c = makeConnection(ConnectionKind::PostgreSQL, QStringLiteral("127.0.0.1"), port);
    RUN_CONNECTION_TEST(c, credentials(QStringLiteral("u"), QStringLiteral("p")), 10s, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.stage, ProbeResult::Stage::Tcp);
    QCOMPARE(r.error.code, ErrorCode::Network);
    QCOMPARE(r.summary, QStringLiteral("Connection refused by 127.0.0.1:%1.").arg(port));
}

void TestConnectionTester::tlsProblems_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("portKey");
    QTest::addColumn<QString>("caKey");
    QTest::addColumn<QString>("expected");
    const QString untrusted = QStringLiteral("TLS handshake failed: certificate is not trusted.");
    QTest::newRow("postgres, CA that did not sign") << int(ConnectionKind::PostgreSQL) << "postgres"
                                                    << "PGPORT"
                                                    << "CONCLAVE_PG_OTHER_CA" << untrusted;
    QTest::newRow("postgres, system CAs only") << int(ConnectionKind::PostgreSQL) << "postgres"
                                               << "PGPORT"
                                               << "" << untrusted;
    QTest::newRow("redis TLS port, CA that did not sign") << int(ConnectionKind::Redis) << "redis"
                                                          << "REDIS_TLS_PORT"
                                                          << "REDIS_OTHER_CA" << untrusted;
    QTest::newRow("mariadb, CA that did not sign") << int(ConnectionKind::MySQL) << "mariadb"
                                                   << "MARIADB_PORT"
                                                   << "MARIADB_OTHER_CA" << untrusted;
    QTest::newRow("redis plain port with TLS on")
        << int(ConnectionKind::Redis) << "redis"
        << "REDIS_PORT"
        << "REDIS_CA"
        << "Timed out after 3 s during the TLS handshake; the server may not use TLS on this port.";
    QTest::newRow("TLS against an SSH port") << int(ConnectionKind::Redis) << "sshd"
                                             << "SSHD_PORT"
                                             << ""
                                             << "TLS handshake failed: the server did not answer with TLS.";
}

void TestConnectionTester::tlsProblems()
{
    QFETCH(int, kind);
    QFETCH(QString, service);
    QFETCH(QString, portKey);
    QFETCH(QString, caKey);
    QFETCH(QString, expected);
    const Env env = loadEnv(service);
    Connection c =
        makeConnection(ConnectionKind(kind), QStringLiteral("127.0.0.1"), env.value(portKey).toUShort());
    c.tls.enabled = true;
    c.tls.caFile = env.value(caKey);
    RUN_CONNECTION_TEST(c, credentials(QStringLiteral("u"), QStringLiteral("p")), 3s, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.stage, ProbeResult::Stage::Tls);
    QVERIFY2(r.summary.startsWith(expected), qPrintable(r.summary));
}

void TestConnectionTester::hostNameCheck_data()
{
    QTest::addColumn<bool>("allowInvalidHostnames");
    QTest::newRow("checked") << false;
    QTest::newRow("allowed") << true;
}

// A TLS server whose certificate (from the trusted test CA) names wrong.invalid, answering
// INFO like Redis: the host name check alone decides the outcome.
void TestConnectionTester::hostNameCheck()
{
    QFETCH(bool, allowInvalidHostnames);
    QFile certFile(m_redis.value(QStringLiteral("REDIS_WRONGNAME_CERT")));
    QFile keyFile(m_redis.value(QStringLiteral("REDIS_WRONGNAME_KEY")));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certFile.readAll()));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer server;
    server.setSslConfiguration(config);
    QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&server] {
        while (auto* socket = qobject_cast<QSslSocket*>(server.nextPendingConnection())) {
            QObject::connect(socket, &QIODevice::readyRead, socket, [socket] {
                if (socket->readAll().contains("INFO"))
                    socket->write("$21\r\nredis_version:9.9.9\r\n\r\n");
            });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));

    Connection c = makeConnection(ConnectionKind::Redis, QStringLiteral("127.0.0.1"), server.serverPort());
    c.tls.enabled = true;
    c.tls.caFile = m_redis.value(QStringLiteral("REDIS_CA"));
    c.tls.allowInvalidHostnames = allowInvalidHostnames;
    RUN_CONNECTION_TEST(c, ProbeCredentials{}, 10s, r);
    if (allowInvalidHostnames) {
        QVERIFY2(r.ok, qPrintable(r.summary));
        QCOMPARE(r.summary, QStringLiteral("Connected to Redis 9.9.9."));
    } else {
        QVERIFY(!r.ok);
        QCOMPARE(r.stage, ProbeResult::Stage::Tls);
        QCOMPARE(r.summary,
                 QStringLiteral("TLS handshake failed: the certificate is not valid for 127.0.0.1."));
    }
}

void TestConnectionTester::timeout()
{
    FakeServer silent;
    QVERIFY(silent.port() != 0);
    Connection c = makeConnection(ConnectionKind::Redis, QStringLiteral("127.0.0.1"), silent.port());
    RUN_CONNECTION_TEST(c, credentials({}, QStringLiteral("secret")), 300ms, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.code, ErrorCode::Timeout);
    QCOMPARE(r.summary, QStringLiteral("Timed out after 0.3 s."));
    QCOMPARE(r.stage, ProbeResult::Stage::Authentication);
    QVERIFY(silent.received().startsWith("*2\r\n$4\r\nAUTH\r\n"));
    QTRY_VERIFY(silent.allClosed());
}

void TestConnectionTester::cancel()
{
    FakeServer silent;
    Connection c = makeConnection(ConnectionKind::SSH, QStringLiteral("127.0.0.1"), silent.port());
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    QSignalSpy progress(&tester, &ConnectionTester::progress);
    tester.start(c, ProbeCredentials{}, 30s);
    QTRY_COMPARE(silent.clients(), 1);
    QTRY_VERIFY(progress.size() >= 3); // looking up, connecting, connected, waiting
    tester.cancel();
    QCOMPARE(finished.size(), 1);
    const ProbeResult r = finished.at(0).at(0).value<ProbeResult>();
    QVERIFY(!r.ok);
    QCOMPARE(r.error.code, ErrorCode::Cancelled);
    QCOMPARE(r.summary, QStringLiteral("The test was cancelled."));
    QVERIFY(!tester.isRunning());
    QTRY_VERIFY(silent.allClosed());
    tester.cancel(); // nothing to cancel any more
    QCOMPARE(finished.size(), 1);

    // A second start() on the same tester abandons the first test without a finished().
    FakeServer sshLike(FakeServer::Mode::GreetFirst, "SSH-2.0-FakeSSH_1.0\r\n");
    tester.start(c, ProbeCredentials{}, 30s);
    c.hosts.first().port = sshLike.port();
    tester.start(c, ProbeCredentials{}, 30s);
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(finished.at(1).at(0).value<ProbeResult>().ok);
}

void TestConnectionTester::mongoHello_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("summary");

    QByteArray primary;
    bsonBool(primary, "isWritablePrimary", true);
    bsonInt32(primary, "maxBsonObjectSize", 16777216);
    bsonString(primary, "setName", "rs0");
    bsonInt32(primary, "minWireVersion", 0);
    bsonInt32(primary, "maxWireVersion", 21);
    bsonDouble(primary, "ok", 1.0);
    QTest::newRow("replica set primary")
        << opMsgReply(bsonFinish(primary)) << true << QStringLiteral("Connected to MongoDB 7.0.");

    QByteArray future;
    bsonInt32(future, "maxWireVersion", 99);
    bsonDouble(future, "ok", 1.0);
    QTest::newRow("unknown release") << opMsgReply(bsonFinish(future)) << true
                                     << QStringLiteral("Connected to MongoDB (wire version 99).");

    QByteArray refused;
    bsonDouble(refused, "ok", 0.0);
    bsonString(refused, "errmsg", "not allowed");
    QTest::newRow("ok 0") << opMsgReply(bsonFinish(refused)) << false
                          << QStringLiteral("The server refused hello: not allowed");

    QByteArray truncated = bsonFinish(primary);
    truncated[0] = char(truncated.at(0) + 40); // document claims more than it has
    QTest::newRow("bad bson") << opMsgReply(truncated) << false
                              << QStringLiteral("The server did not answer like MongoDB.");
    QTest::newRow("wrong response id")
        << opMsgReply(bsonFinish(primary), 7) << false
        << QStringLiteral("The server did not answer like MongoDB 3.6 or later.");
    QTest::newRow("not mongo") << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n") << false
                               << QStringLiteral("The server did not answer like MongoDB.");
}

void TestConnectionTester::mongoHello()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, ok);
    QFETCH(QString, summary);
    const QByteArray request = MongoProbe::helloRequest();
    FakeServer mongo(FakeServer::Mode::Answer, reply, request.size());
    Connection c = makeConnection(ConnectionKind::MongoDB, QStringLiteral("127.0.0.1"), mongo.port());
    RUN_CONNECTION_TEST(c, ProbeCredentials{}, 10s, r);
    QCOMPARE(mongo.received(), request);
    QCOMPARE(r.ok, ok);
    QCOMPARE(r.summary, summary);
    if (ok && QByteArray(QTest::currentDataTag()) == "replica set primary") {
        QCOMPARE(r.serverVersion, QStringLiteral("7.0 (wire version 21)"));
        QVERIFY(r.steps.contains(QStringLiteral("Member of replica set rs0 (primary).")));
    }
}

void TestConnectionTester::badInput_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("stage");
    QTest::newRow("no host") << "" << false << ""
                             << "hosts" << int(ProbeResult::Stage::Resolve);
    QTest::newRow("unknown host") << "no-such-host.invalid" << false << ""
                                  << "hosts" << int(ProbeResult::Stage::Resolve);
    QTest::newRow("missing CA file") << "127.0.0.1" << true << "/nonexistent/ca.pem"
                                     << "tls.caFile" << int(ProbeResult::Stage::Tls);
    QTest::newRow("CA file without certificate") << "127.0.0.1" << true << CONCLAVE_SOURCE_DIR "/README.md"
                                                 << "tls.caFile" << int(ProbeResult::Stage::Tls);
}

void TestConnectionTester::badInput()
{
    QFETCH(QString, host);
    QFETCH(bool, tls);
    QFETCH(QString, caFile);
    QFETCH(QString, field);
    QFETCH(int, stage);
    Connection c = makeConnection(ConnectionKind::Redis, host,
                                  m_redis.value(QStringLiteral("REDIS_TLS_PORT")).toUShort());
    if (host.isEmpty())
        c.hosts.clear();
    c.tls.enabled = tls;
    c.tls.caFile = caFile;
    RUN_CONNECTION_TEST(c, ProbeCredentials{}, 10s, r);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.field, field);
    QCOMPARE(int(r.stage), stage);
    QVERIFY(!r.summary.isEmpty());
}

void TestConnectionTester::garbageFromServer_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("greetFirst");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("postgres: not a message")
        << int(ConnectionKind::PostgreSQL) << false << QByteArray("HTTP/1.0 400\r\n\r\n");
    QTest::newRow("postgres: huge length")
        << int(ConnectionKind::PostgreSQL) << false << QByteArray("R\x7f\xff\xff\xff", 5);
    QTest::newRow("postgres: short auth")
        << int(ConnectionKind::PostgreSQL) << false << QByteArray("R\x00\x00\x00\x05\x01", 6);
    QTest::newRow("postgres: unknown auth")
        << int(ConnectionKind::PostgreSQL) << false << QByteArray("R\x00\x00\x00\x08\x00\x00\x00\x07", 9);
    QTest::newRow("postgres: ready before sign-in")
        << int(ConnectionKind::PostgreSQL) << false << QByteArray("Z\x00\x00\x00\x05I", 6);
    QTest::newRow("mysql: empty packet")
        << int(ConnectionKind::MySQL) << true << QByteArray("\x00\x00\x00\x00", 4);
    QTest::newRow("mysql: protocol 9") << int(ConnectionKind::MySQL) << true
                                       << QByteArray("\x05\x00\x00\x00\x09"
                                                     "abc\x00",
                                                     9);
    QTest::newRow("mysql: truncated greeting") << int(ConnectionKind::MySQL) << true
                                               << QByteArray("\x06\x00\x00\x00\x0a"
                                                             "5.7\x00\x01",
                                                             10);
    QTest::newRow("mysql: refused before greeting")
        << int(ConnectionKind::MySQL) << true
        << QByteArray("\x18\x00\x00\x00\xff\x69\x04#HY000Host is blocked", 28);
    QTest::newRow("redis: not RESP") << int(ConnectionKind::Redis) << false << QByteArray("hello there\r\n");
    QTest::newRow("redis: bad bulk length") << int(ConnectionKind::Redis) << false << QByteArray("$-7\r\n");
    QTest::newRow("ssh: protocol 1") << int(ConnectionKind::SSH) << true << QByteArray("SSH-1.5-Old\r\n");
    QTest::newRow("ssh: endless preamble") << int(ConnectionKind::SSH) << true << QByteArray(9000, 'x');
}

// Whatever a server sends, the test ends with a sentence, never a crash or a hang.
void TestConnectionTester::garbageFromServer()
{
    QFETCH(int, kind);
    QFETCH(bool, greetFirst);
    QFETCH(QByteArray, reply);
    FakeServer server(greetFirst ? FakeServer::Mode::GreetFirst : FakeServer::Mode::Answer, reply, 1);
    Connection c = makeConnection(ConnectionKind(kind), QStringLiteral("127.0.0.1"), server.port());
    RUN_CONNECTION_TEST(c, credentials(QStringLiteral("u"), QStringLiteral("p")), 5s, r);
    QVERIFY(!r.ok);
    QVERIFY(r.error.code != ErrorCode::Timeout);
    QVERIFY(r.summary.endsWith(QLatin1Char('.')));
    QVERIFY(!r.steps.isEmpty());
}

namespace {
QString s_capturedLog;
void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    s_capturedLog += QString::fromUtf8(context.category ? context.category : "") + QLatin1Char(' ') +
                     message + QLatin1Char('\n');
}
} // namespace

// Every log line of successful and failed sign-ins, at debug level, holds neither the
// password nor the user name.
void TestConnectionTester::secretsNeverLogged()
{
    QLoggingCategory::setFilterRules(QStringLiteral("conclave.*=true\nqt.network.*=true"));
    s_capturedLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const QString user = m_pg.value(QStringLiteral("CONCLAVE_PG_SCRAM_USER"));
    const QString password = m_pg.value(QStringLiteral("CONCLAVE_PG_SCRAM_PASSWORD"));
    Connection pg = makeConnection(ConnectionKind::PostgreSQL, QStringLiteral("127.0.0.1"),
                                   m_pg.value(QStringLiteral("PGPORT")).toUShort());
    Connection redis = makeConnection(ConnectionKind::Redis, QStringLiteral("127.0.0.1"),
                                      m_redis.value(QStringLiteral("REDIS_PORT")).toUShort());
    bool allOk = true;
    {
        ConnectionTester tester;
        QSignalSpy spy(&tester, &ConnectionTester::finished);
        tester.start(pg, credentials(user, password));
        allOk = allOk && QTest::qWaitFor([&spy] { return spy.size() == 1; }, 10000);
        allOk = allOk && spy.at(0).at(0).value<ProbeResult>().ok;
        tester.start(pg, credentials(user, QStringLiteral("wrong-password-xyz")));
        allOk = allOk && QTest::qWaitFor([&spy] { return spy.size() == 2; }, 10000);
        tester.start(redis,
                     credentials(QStringLiteral("conclave_acl"), QStringLiteral("wrong-password-xyz")));
        allOk = allOk && QTest::qWaitFor([&spy] { return spy.size() == 3; }, 10000);
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(allOk);
    QVERIFY2(s_capturedLog.contains(QLatin1String("conclave.core.connect")), "nothing was logged at all");
    QVERIFY(!s_capturedLog.contains(password));
    QVERIFY(!s_capturedLog.contains(QLatin1String("wrong-password-xyz")));
    QVERIFY(!s_capturedLog.contains(user));
    QVERIFY(!s_capturedLog.contains(QLatin1String("conclave_acl")));
}

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "TestConnectionTester.moc"
