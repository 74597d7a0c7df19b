// Tests of the connection kinds' names, schemes and ports and of validateConnection: every
// rule is broken once and the error must name the field at fault.
#include "core/model/Connection.h"

#include <QTest>

#include <functional>

using namespace Conclave::Core;

using Mutation = std::function<void(Connection&)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

Connection validMongo()
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("Orders replica set");
    c.kind = ConnectionKind::MongoDB;
    c.hosts = {{QStringLiteral("db1.example.com"), 27017}, {QStringLiteral("db2.example.com"), 27018}};
    c.username = QStringLiteral("app");
    c.defaultDatabase = QStringLiteral("orders");
    c.options = {{QStringLiteral("replicaSet"), QStringLiteral("rs0")},
                 {QStringLiteral("authSource"), QStringLiteral("admin")}};
    c.tls.enabled = true;
    c.tls.caFile = QStringLiteral("/etc/ssl/certs/ca.pem");
    c.ssh = {true, QStringLiteral("bastion.example.com"), 2222, QStringLiteral("ops"),
             SshAuthMethod::PrivateKey};
    c.color = QStringLiteral("#12abEF");
    c.tags = {QStringLiteral("prod")};
    return c;
}

} // namespace

class TestConnection final : public QObject
{
    Q_OBJECT

private slots:
    void kinds()
    {
        QCOMPARE(allKinds().size(), 5);
        QCOMPARE(kindDefaultPort(ConnectionKind::MongoDB), quint16(27017));
        QCOMPARE(kindDefaultPort(ConnectionKind::PostgreSQL), quint16(5432));
        QCOMPARE(kindDefaultPort(ConnectionKind::MySQL), quint16(3306));
        QCOMPARE(kindDefaultPort(ConnectionKind::Redis), quint16(6379));
        QCOMPARE(kindDefaultPort(ConnectionKind::SSH), quint16(22));
        QCOMPARE(kindScheme(ConnectionKind::PostgreSQL), QStringLiteral("postgresql"));
        QCOMPARE(kindScheme(ConnectionKind::MongoDB), QStringLiteral("mongodb"));
        QCOMPARE(kindScheme(ConnectionKind::MySQL), QStringLiteral("mysql"));
        QCOMPARE(kindScheme(ConnectionKind::Redis), QStringLiteral("redis"));
        QCOMPARE(kindScheme(ConnectionKind::SSH), QStringLiteral("ssh"));
        for (const ConnectionKind kind : allKinds())
            QVERIFY(!kindDisplayName(kind).isEmpty());
    }

    void validate_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("field"); // empty: valid

        QTest::newRow("valid mongo with two hosts") << Mutation([](Connection&) {}) << QString();
        QTest::newRow("valid postgres") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::PostgreSQL;
            c.hosts = {{QStringLiteral("10.0.0.5"), 5432}};
        }) << QString();
        QTest::newRow("valid ipv6") << Mutation([](Connection& c) {
            c.hosts = {{QStringLiteral("2001:db8::1"), 27017}};
        }) << QString();
        QTest::newRow("valid ipv6 with zone") << Mutation([](Connection& c) {
            c.hosts = {{QStringLiteral("fe80::1%eth0"), 27017}};
        }) << QString();
        QTest::newRow("valid srv") << Mutation([](Connection& c) {
            c.srv = true;
            c.hosts = {{QStringLiteral("cluster0.example.net"), 0}};
        }) << QString();
        QTest::newRow("valid redis db number") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::Redis;
            c.hosts = {{QStringLiteral("cache"), 6379}};
            c.defaultDatabase = QStringLiteral("3");
        }) << QString();
        QTest::newRow("valid ssh") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::SSH;
            c.hosts = {{QStringLiteral("web1"), 22}};
            c.defaultDatabase.clear();
            c.tls = {};
        }) << QString();
        QTest::newRow("valid unicode host") << Mutation([](Connection& c) {
            c.hosts = {{QStringLiteral("bücher.example"), 27017}};
        }) << QString();
        QTest::newRow("valid no colour") << Mutation([](Connection& c) { c.color.clear(); }) << QString();

        QTest::newRow("null id") << Mutation([](Connection& c) { c.id = QUuid(); }) << QStringLiteral("id");
        QTest::newRow("empty name") << Mutation([](Connection& c) { c.name.clear(); })
                                    << QStringLiteral("name");
        QTest::newRow("blank name") << Mutation([](Connection& c) { c.name = QStringLiteral("   "); })
                                    << QStringLiteral("name");
        QTest::newRow("name with newline")
            << Mutation([](Connection& c) { c.name = QStringLiteral("a\nb"); }) << QStringLiteral("name");
        QTest::newRow("name too long")
            << Mutation([](Connection& c) { c.name = QString(201, QLatin1Char('x')); })
            << QStringLiteral("name");
        QTest::newRow("no hosts") << Mutation([](Connection& c) { c.hosts.clear(); })
                                  << QStringLiteral("hosts");
        QTest::newRow("two hosts on postgres")
            << Mutation([](Connection& c) { c.kind = ConnectionKind::PostgreSQL; })
            << QStringLiteral("hosts");
        QTest::newRow("two hosts on redis")
            << Mutation([](Connection& c) { c.kind = ConnectionKind::Redis; }) << QStringLiteral("hosts");
        QTest::newRow("empty second host")
            << Mutation([](Connection& c) { c.hosts[1].host.clear(); }) << QStringLiteral("hosts[1].host");
        QTest::newRow("bad second host")
            << Mutation([](Connection& c) { c.hosts[1].host = QStringLiteral("db 2"); })
            << QStringLiteral("hosts[1].host");
        QTest::newRow("host with slash")
            << Mutation([](Connection& c) { c.hosts[0].host = QStringLiteral("a/b"); })
            << QStringLiteral("hosts[0].host");
        QTest::newRow("bad ipv6") << Mutation([](Connection& c) {
            c.hosts[0].host = QStringLiteral("2001:db8:::1:zz");
        }) << QStringLiteral("hosts[0].host");
        QTest::newRow("ipv6 with nul") << Mutation([](Connection& c) {
            c.hosts[0].host = QStringLiteral("2001:db8::10") + QChar(u'\0') + QStringLiteral("junk");
        }) << QStringLiteral("hosts[0].host");
        QTest::newRow("ssh ipv6 with nul") << Mutation([](Connection& c) {
            c.ssh.enabled = true;
            c.ssh.host = QStringLiteral("fe80::1") + QChar(u'\0');
        }) << QStringLiteral("ssh.host");
        QTest::newRow("ipv6 zone id with hash")
            << Mutation([](Connection& c) { c.hosts[0].host = QStringLiteral("fe80::1%etm0#"); })
            << QStringLiteral("hosts[0].host");
        QTest::newRow("host leading dot")
            << Mutation([](Connection& c) { c.hosts[0].host = QStringLiteral(".example.com"); })
            << QStringLiteral("hosts[0].host");
        QTest::newRow("port zero") << Mutation([](Connection& c) { c.hosts[0].port = 0; })
                                   << QStringLiteral("hosts[0].port");
        QTest::newRow("srv on postgres") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::PostgreSQL;
            c.srv = true;
            c.hosts = {{QStringLiteral("x.example"), 0}};
        }) << QStringLiteral("srv");
        QTest::newRow("srv with two hosts")
            << Mutation([](Connection& c) { c.srv = true; }) << QStringLiteral("hosts");
        QTest::newRow("srv with port") << Mutation([](Connection& c) {
            c.srv = true;
            c.hosts = {{QStringLiteral("cluster0.example.net"), 27017}};
        }) << QStringLiteral("hosts[0].port");
        QTest::newRow("srv with ip") << Mutation([](Connection& c) {
            c.srv = true;
            c.hosts = {{QStringLiteral("10.1.1.1"), 0}};
        }) << QStringLiteral("hosts[0].host");
        QTest::newRow("username control char")
            << Mutation([](Connection& c) { c.username = QStringLiteral("a\tb"); })
            << QStringLiteral("username");
        QTest::newRow("redis db not a number") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::Redis;
            c.hosts.removeLast();
            c.defaultDatabase = QStringLiteral("sessions");
        }) << QStringLiteral("defaultDatabase");
        QTest::newRow("redis db negative") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::Redis;
            c.hosts.removeLast();
            c.defaultDatabase = QStringLiteral("-1");
        }) << QStringLiteral("defaultDatabase");
        QTest::newRow("empty option key") << Mutation([](Connection& c) {
            c.options.append({QString(), QStringLiteral("x")});
        }) << QStringLiteral("options[2].key");
        QTest::newRow("option key with equals")
            << Mutation([](Connection& c) { c.options[1].first = QStringLiteral("a=b"); })
            << QStringLiteral("options[1].key");
        QTest::newRow("password option") << Mutation([](Connection& c) {
            c.options.append({QStringLiteral("password"), QStringLiteral("x")});
        }) << QStringLiteral("options[2].key");
        QTest::newRow("sslpassword option") << Mutation([](Connection& c) {
            c.options[0] = {QStringLiteral("sslPassword"), QStringLiteral("x")};
        }) << QStringLiteral("options[0].key");
        QTest::newRow("aws token option") << Mutation([](Connection& c) {
            c.options[1] = {QStringLiteral("authMechanismProperties"), QStringLiteral("AWS_SESSION_TOKEN:x")};
        }) << QStringLiteral("options[1].key");
        QTest::newRow("tls as option") << Mutation([](Connection& c) {
            c.options.append({QStringLiteral("TLS"), QStringLiteral("true")});
        }) << QStringLiteral("options[2].key");
        QTest::newRow("ca file as option") << Mutation([](Connection& c) {
            c.options[0] = {QStringLiteral("tlsCAFile"), QStringLiteral("/ca.pem")};
        }) << QStringLiteral("options[0].key");
        QTest::newRow("postgres verify-full with tls") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::PostgreSQL;
            c.hosts.removeLast();
            c.options = {{QStringLiteral("sslmode"), QStringLiteral("verify-full")}};
        }) << QString();
        QTest::newRow("postgres prefer with tls on") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::PostgreSQL;
            c.hosts.removeLast();
            c.options = {{QStringLiteral("application_name"), QStringLiteral("x")},
                         {QStringLiteral("sslmode"), QStringLiteral("prefer")}};
        }) << QStringLiteral("options[1].value");
        QTest::newRow("postgres require with tls off") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::PostgreSQL;
            c.hosts.removeLast();
            c.tls = {};
            c.options = {{QStringLiteral("sslmode"), QStringLiteral("require")}};
        }) << QStringLiteral("options[0].value");
        QTest::newRow("postgres disable with tls off") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::PostgreSQL;
            c.hosts.removeLast();
            c.tls = {};
            c.options = {{QStringLiteral("sslmode"), QStringLiteral("disable")}};
        }) << QString();
        QTest::newRow("mysql preferred with tls on") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::MySQL;
            c.hosts.removeLast();
            c.options = {{QStringLiteral("ssl-mode"), QStringLiteral("PREFERRED")}};
        }) << QStringLiteral("options[0].value");
        QTest::newRow("sslmode means nothing to mongodb") << Mutation([](Connection& c) {
            c.options.append({QStringLiteral("sslmode"), QStringLiteral("prefer")});
        }) << QString();
        QTest::newRow("harmless auth option") << Mutation([](Connection& c) {
            c.options[1] = {QStringLiteral("authMechanismProperties"),
                            QStringLiteral("SERVICE_NAME:mongodb")};
        }) << QString();
        QTest::newRow("option value newline")
            << Mutation([](Connection& c) { c.options[0].second = QStringLiteral("x\ny"); })
            << QStringLiteral("options[0].value");
        QTest::newRow("tls on ssh kind") << Mutation([](Connection& c) {
            c.kind = ConnectionKind::SSH;
            c.hosts.removeLast();
            c.defaultDatabase.clear();
        }) << QStringLiteral("tls.enabled");
        QTest::newRow("relative ca file")
            << Mutation([](Connection& c) { c.tls.caFile = QStringLiteral("certs/ca.pem"); })
            << QStringLiteral("tls.caFile");
        QTest::newRow("ssh host missing")
            << Mutation([](Connection& c) { c.ssh.host.clear(); }) << QStringLiteral("ssh.host");
        QTest::newRow("ssh host invalid")
            << Mutation([](Connection& c) { c.ssh.host = QStringLiteral("bad host"); })
            << QStringLiteral("ssh.host");
        QTest::newRow("ssh port zero")
            << Mutation([](Connection& c) { c.ssh.port = 0; }) << QStringLiteral("ssh.port");
        QTest::newRow("ssh user with at")
            << Mutation([](Connection& c) { c.ssh.user = QStringLiteral("a@b"); })
            << QStringLiteral("ssh.user");
        QTest::newRow("disabled ssh is not checked") << Mutation([](Connection& c) {
            c.ssh.enabled = false;
            c.ssh.host.clear();
        }) << QString();
        QTest::newRow("colour name") << Mutation([](Connection& c) { c.color = QStringLiteral("red"); })
                                     << QStringLiteral("color");
        QTest::newRow("colour short")
            << Mutation([](Connection& c) { c.color = QStringLiteral("#abc"); }) << QStringLiteral("color");
        QTest::newRow("empty tag") << Mutation([](Connection& c) { c.tags.append(QString()); })
                                   << QStringLiteral("tags[1]");
    }

    void validate()
    {
        QFETCH(Mutation, mutate);
        QFETCH(QString, field);
        Connection c = validMongo();
        mutate(c);
        const Status status = validateConnection(c);
        if (field.isEmpty()) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        } else {
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, ErrorCode::InvalidInput);
            QCOMPARE(status.error().field, field);
            QVERIFY(!status.error().message.isEmpty());
            QVERIFY(status.error().message.endsWith(QLatin1Char('.')));
        }
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "TestConnection.moc"
