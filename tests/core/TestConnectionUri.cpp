// Tests of ConnectionUri: every scheme, IPv6, percent-encoding, several hosts, +srv, TLS
// options, bad input naming its part, passwords kept apart, and parse(format(c)) == c.
#include "core/model/ConnectionUri.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Conclave::Core;
using namespace Qt::Literals::StringLiterals;

namespace {

QString hostsText(const QList<HostPort>& hosts)
{
    QStringList parts;
    for (const HostPort& hp : hosts)
        parts.append(hp.host + QLatin1Char('|') + QString::number(hp.port));
    return parts.join(QLatin1Char(','));
}

QString optionsText(const QList<ConnectionOption>& options)
{
    QStringList parts;
    for (const ConnectionOption& option : options)
        parts.append(option.first + QLatin1Char('=') + option.second);
    return parts.join(QLatin1Char('&'));
}

QByteArray bytes(const SecureBytes& secret)
{
    return secret.view().toByteArray();
}

} // namespace

class TestConnectionUri final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<ConnectionKind>("kind");
        QTest::addColumn<bool>("srv");
        QTest::addColumn<QString>("hosts"); // host|port,host|port
        QTest::addColumn<QString>("username");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("options"); // decoded k=v&k=v, TLS ones removed
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("canonical"); // format() of the result, no password

        const auto M = ConnectionKind::MongoDB;
        const auto P = ConnectionKind::PostgreSQL;
        const auto Y = ConnectionKind::MySQL;
        const auto R = ConnectionKind::Redis;
        const auto S = ConnectionKind::SSH;
        const QString none;

        QTest::newRow("mongodb minimal")
            << u"mongodb://localhost"_s << M << false << u"localhost|27017"_s << none << QByteArray() << none
            << none << false << none << u"mongodb://localhost"_s;
        QTest::newRow("mongodb replica set, ipv6, password, options")
            << u"mongodb://app:s3cr%40t@db1.example.com:27017,db2.example.com:27018,[2001:db8::1]/orders"
               "?replicaSet=rs0&authSource=admin"_s
            << M << false << u"db1.example.com|27017,db2.example.com|27018,2001:db8::1|27017"_s << u"app"_s
            << QByteArray("s3cr@t") << u"orders"_s << u"replicaSet=rs0&authSource=admin"_s << false << none
            << u"mongodb://app@db1.example.com,db2.example.com:27018,[2001:db8::1]/orders"
               "?replicaSet=rs0&authSource=admin"_s;
        QTest::newRow("mongodb+srv implies tls")
            << u"mongodb+srv://user@cluster0.example.net/?retryWrites=true&w=majority"_s << M << true
            << u"cluster0.example.net|0"_s << u"user"_s << QByteArray() << none
            << u"retryWrites=true&w=majority"_s << true << none
            << u"mongodb+srv://user@cluster0.example.net/?retryWrites=true&w=majority"_s;
        QTest::newRow("mongodb+srv with tls off")
            << u"mongodb+srv://cluster0.example.net/?tls=false"_s << M << true << u"cluster0.example.net|0"_s
            << none << QByteArray() << none << none << false << none
            << u"mongodb+srv://cluster0.example.net/?tls=false"_s;
        QTest::newRow("mongodb ssl=true and CA file")
            << u"mongodb://h/?ssl=true&tlsCAFile=%2Fetc%2Fssl%2Fca.pem&tlsAllowInvalidHostnames=true"_s << M
            << false << u"h|27017"_s << none << QByteArray() << none << none << true << u"/etc/ssl/ca.pem"_s
            << u"mongodb://h/?tls=true&tlsCAFile=/etc/ssl/ca.pem&tlsAllowInvalidHostnames=true"_s;
        QTest::newRow("scheme in capitals")
            << u"MongoDB://H1"_s << M << false << u"H1|27017"_s << none << QByteArray() << none << none
            << false << none << u"mongodb://H1"_s;
        QTest::newRow("default port elided")
            << u"mongodb://h:27017"_s << M << false << u"h|27017"_s << none << QByteArray() << none << none
            << false << none << u"mongodb://h"_s;
        QTest::newRow("ipv6 with zone")
            << u"mongodb://[fe80::1%25eth0]:27018"_s << M << false << u"fe80::1%eth0|27018"_s << none
            << QByteArray() << none << none << false << none << u"mongodb://[fe80::1%25eth0]:27018"_s;
        QTest::newRow("encoded option values")
            << u"mongodb://h/?readPreferenceTags=dc%3Any%2Crack%3A1&appName=My%20App%2B1"_s << M << false
            << u"h|27017"_s << none << QByteArray() << none
            << u"readPreferenceTags=dc:ny,rack:1&appName=My App+1"_s << false << none
            << u"mongodb://h/?readPreferenceTags=dc:ny,rack:1&appName=My%20App%2B1"_s;
        QTest::newRow("postgresql ipv6, encoded password and database")
            << u"postgresql://alice:p%3Ass%2Fw%20rd@[::1]:6543/my%20db"
               "?sslmode=require&application_name=conclave"_s
            << P << false << u"::1|6543"_s << u"alice"_s << QByteArray("p:ss/w rd") << u"my db"_s
            << u"application_name=conclave"_s << true << none
            << u"postgresql://alice@[::1]:6543/my%20db?application_name=conclave&sslmode=require"_s;
        QTest::newRow("postgres alias, verify-full, root cert")
            << u"postgres://pg.example.com/app?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem"_s << P
            << false << u"pg.example.com|5432"_s << none << QByteArray() << u"app"_s
            << u"sslmode=verify-full"_s << true << u"/etc/ssl/ca.pem"_s
            << u"postgresql://pg.example.com/app?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem"_s;
        QTest::newRow("postgres sslmode prefer is not tls")
            << u"postgresql://h?sslmode=prefer"_s << P << false << u"h|5432"_s << none << QByteArray() << none
            << u"sslmode=prefer"_s << false << none << u"postgresql://h?sslmode=prefer"_s;
        QTest::newRow("postgres unicode user")
            << u"postgresql://j%C3%BCrgen@h/db"_s << P << false << u"h|5432"_s << QStringLiteral("jürgen")
            << QByteArray() << u"db"_s << none << false << none << u"postgresql://j%C3%BCrgen@h/db"_s;
        QTest::newRow("postgres trailing ampersand")
            << u"postgresql://h/db?connect_timeout=10&"_s << P << false << u"h|5432"_s << none << QByteArray()
            << u"db"_s << u"connect_timeout=10"_s << false << none
            << u"postgresql://h/db?connect_timeout=10"_s;
        QTest::newRow("mysql ssl-mode required")
            << u"mysql://root@127.0.0.1:3307/shop?ssl-mode=REQUIRED"_s << Y << false << u"127.0.0.1|3307"_s
            << u"root"_s << QByteArray() << u"shop"_s << none << true << none
            << u"mysql://root@127.0.0.1:3307/shop?ssl-mode=REQUIRED"_s;
        QTest::newRow("mariadb alias")
            << u"mariadb://maria.local"_s << Y << false << u"maria.local|3306"_s << none << QByteArray()
            << none << none << false << none << u"mysql://maria.local"_s;
        QTest::newRow("redis password only, db number")
            << u"redis://:secret@cache.local:6380/2"_s << R << false << u"cache.local|6380"_s << none
            << QByteArray("secret") << u"2"_s << none << false << none << u"redis://cache.local:6380/2"_s;
        QTest::newRow("rediss") << u"rediss://default:pw@redis.example.com"_s << R << false
                                << u"redis.example.com|6379"_s << u"default"_s << QByteArray("pw") << none
                                << none << true << none << u"rediss://default@redis.example.com"_s;
        QTest::newRow("redis tls option") << u"redis://h/?tls=true"_s << R << false << u"h|6379"_s << none
                                          << QByteArray() << none << none << true << none << u"rediss://h"_s;
        QTest::newRow("ssh user and port")
            << u"ssh://deploy@web1.example.com:2222"_s << S << false << u"web1.example.com|2222"_s
            << u"deploy"_s << QByteArray() << none << none << false << none
            << u"ssh://deploy@web1.example.com:2222"_s;
        QTest::newRow("ssh trailing slash")
            << u"ssh://web1/"_s << S << false << u"web1|22"_s << none << QByteArray() << none << none << false
            << none << u"ssh://web1"_s;
        QTest::newRow("surrounding whitespace")
            << u"  redis://h \n"_s << R << false << u"h|6379"_s << none << QByteArray() << none << none
            << false << none << u"redis://h"_s;
        QTest::newRow("unicode password bytes")
            << u"mysql://u:%C3%A9t%C3%A9@h"_s << Y << false << u"h|3306"_s << u"u"_s
            << QByteArray("\xC3\xA9t\xC3\xA9") << none << none << false << none << u"mysql://u@h"_s;
        // Percent-escapes are case-insensitive (RFC 3986 2.1): one row per field that is
        // decoded, in lower case and mixed case; the canonical form writes upper case.
        QTest::newRow("lowercase escapes in the password")
            << u"mysql://u:%c3%a9t%c3%a9%3a%2f@h"_s << Y << false << u"h|3306"_s << u"u"_s
            << QByteArray("\xC3\xA9t\xC3\xA9:/") << none << none << false << none << u"mysql://u@h"_s;
        QTest::newRow("lowercase escapes in the user name")
            << u"postgresql://j%c3%bcrgen%2b1@h/db"_s << P << false << u"h|5432"_s
            << QStringLiteral("jürgen+1") << QByteArray() << u"db"_s << none << false << none
            << u"postgresql://j%C3%BCrgen%2B1@h/db"_s;
        QTest::newRow("lowercase escapes in the database")
            << u"postgresql://h/my%20db%3f%c3%ba%C3%bA"_s << P << false << u"h|5432"_s << none << QByteArray()
            << QStringLiteral("my db?\u00FA\u00FA") << none << false << none
            << u"postgresql://h/my%20db%3F%C3%BA%C3%BA"_s;
        QTest::newRow("lowercase escapes in an option")
            << u"mongodb://h/?readPreferenceTags=dc%3any%2crack%3a1"_s << M << false << u"h|27017"_s << none
            << QByteArray() << none << u"readPreferenceTags=dc:ny,rack:1"_s << false << none
            << u"mongodb://h/?readPreferenceTags=dc:ny,rack:1"_s;
    }

    void secretOptions_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("options");
        QTest::newRow("password option")
            << QStringLiteral("postgresql://u@h/db?password=hun%20ter2&application_name=x")
            << QByteArray("hun ter2") << QStringLiteral("application_name=x");
        QTest::newRow("user info wins") << QStringLiteral("postgresql://u:first@h/db?password=second")
                                        << QByteArray("first") << QString();
        QTest::newRow("key passphrase dropped")
            << QStringLiteral("mongodb://h/?tlsCertificateKeyFilePassword=kp&appName=a") << QByteArray()
            << QStringLiteral("appName=a");
        QTest::newRow("aws session token dropped")
            << QStringLiteral(
                   "mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:abc")
            << QByteArray() << QStringLiteral("authMechanism=MONGODB-AWS");
        QTest::newRow("mysql pwd") << QStringLiteral("mysql://root@h/?PWD=x") << QByteArray("x") << QString();
    }

    void secretOptions()
    {
        QFETCH(QString, uri);
        QFETCH(QByteArray, password);
        QFETCH(QString, options);
        Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(uri);
        QVERIFY(parsed.ok());
        QCOMPARE(bytes(parsed->password), password);
        QCOMPARE(optionsText(parsed->connection.options), options);
        QVERIFY(!ConnectionUri::format(parsed->connection).contains(QStringLiteral("ass")));
    }

    void parse()
    {
        QFETCH(QString, uri);
        QFETCH(ConnectionKind, kind);
        QFETCH(bool, srv);
        QFETCH(QString, hosts);
        QFETCH(QString, username);
        QFETCH(QByteArray, password);
        QFETCH(QString, database);
        QFETCH(QString, options);
        QFETCH(bool, tls);
        QFETCH(QString, caFile);
        QFETCH(QString, canonical);

        Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(uri);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const Connection& c = parsed->connection;
        QCOMPARE(c.kind, kind);
        QCOMPARE(c.srv, srv);
        QCOMPARE(hostsText(c.hosts), hosts);
        QCOMPARE(c.username, username);
        QCOMPARE(bytes(parsed->password), password);
        QCOMPARE(c.defaultDatabase, database);
        QCOMPARE(optionsText(c.options), options);
        QCOMPARE(c.tls.enabled, tls);
        QCOMPARE(c.tls.caFile, caFile);
        QVERIFY(!c.id.isNull());
        QVERIFY(!c.name.isEmpty());
        QVERIFY(validateConnection(c).ok());

        const QString formatted = ConnectionUri::format(c);
        QCOMPARE(formatted, canonical);
        if (!password.isEmpty())
            QVERIFY(!formatted.contains(QString::fromUtf8(password)));

        // Round trip through the canonical form and, with the password, through the full one.
        Result<ConnectionUri::Parsed> again = ConnectionUri::parse(formatted);
        QVERIFY(again.ok());
        again->connection.id = c.id;
        QCOMPARE(again->connection, c);
        QVERIFY(again->password.isEmpty());
        if (!password.isEmpty()) {
            const QString withPassword = ConnectionUri::format(c, &parsed->password);
            Result<ConnectionUri::Parsed> full = ConnectionUri::parse(withPassword);
            QVERIFY(full.ok());
            QCOMPARE(bytes(full->password), password);
            full->connection.id = c.id;
            QCOMPARE(full->connection, c);
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("mentions"); // a word the message must contain

        QTest::newRow("empty") << u""_s << u"uri"_s << u"Enter"_s;
        QTest::newRow("blank") << u"   "_s << u"uri"_s << u"Enter"_s;
        QTest::newRow("no scheme") << u"localhost:5432"_s << u"scheme"_s << u"scheme"_s;
        QTest::newRow("unknown scheme") << u"http://example.com"_s << u"scheme"_s << u"http"_s;
        QTest::newRow("no host") << u"mongodb://"_s << u"hosts"_s << u"host"_s;
        QTest::newRow("only user") << u"postgresql://user@/db"_s << u"hosts"_s << u"host"_s;
        QTest::newRow("two hosts on postgres") << u"postgresql://a,b/db"_s << u"hosts"_s << u"MongoDB"_s;
        QTest::newRow("two hosts on srv") << u"mongodb+srv://a.example,b.example"_s << u"hosts"_s << u"SRV"_s;
        QTest::newRow("port on srv") << u"mongodb+srv://cluster.example:27017"_s << u"hosts[0].port"_s
                                     << u"SRV"_s;
        QTest::newRow("port zero") << u"mongodb://h:0"_s << u"hosts[0].port"_s << u"65535"_s;
        QTest::newRow("port too big") << u"mongodb://h:65536"_s << u"hosts[0].port"_s << u"65536"_s;
        QTest::newRow("port not a number") << u"mongodb://h:abc"_s << u"hosts[0].port"_s << u"abc"_s;
        QTest::newRow("port with sign") << u"mongodb://h:+27"_s << u"hosts[0].port"_s << u"+27"_s;
        QTest::newRow("port empty") << u"mongodb://h:"_s << u"hosts[0].port"_s << u"port"_s;
        QTest::newRow("second port bad") << u"mongodb://a,b:99999"_s << u"hosts[1].port"_s << u"host 2"_s;
        QTest::newRow("empty second host") << u"mongodb://a,,b"_s << u"hosts[1].host"_s << u"Host 2"_s;
        QTest::newRow("ipv6 without brackets")
            << u"mongodb://2001:db8::1"_s << u"hosts[0].host"_s << u"brackets"_s;
        QTest::newRow("ipv6 unclosed") << u"mongodb://[2001:db8::1"_s << u"hosts[0].host"_s << u"bracket"_s;
        QTest::newRow("bracketed non-ipv6") << u"mongodb://[not-ipv6]:1"_s << u"hosts[0].host"_s << u"IPv6"_s;
        QTest::newRow("text after bracket") << u"mongodb://[::1]x"_s << u"hosts[0].host"_s << u"IPv6"_s;
        QTest::newRow("space in host") << u"mongodb://bad host"_s << u"hosts[0].host"_s << u"bad host"_s;
        QTest::newRow("socket path") << u"postgresql://%2Ftmp%2Fsock/db"_s << u"hosts[0].host"_s
                                     << u"socket"_s;
        QTest::newRow("bad escape in user") << u"postgresql://us%zzer@h"_s << u"username"_s << u"%"_s;
        QTest::newRow("truncated escape in password") << u"postgresql://u:p%4@h"_s << u"password"_s << u"%"_s;
        QTest::newRow("bad escape in database") << u"postgresql://h/db%"_s << u"defaultDatabase"_s << u"%"_s;
        QTest::newRow("invalid utf-8 in database")
            << u"postgresql://h/%FF"_s << u"defaultDatabase"_s << u"%"_s;
        QTest::newRow("bad boolean") << u"mongodb://h/?tls=maybe"_s << u"options[0].value"_s << u"maybe"_s;
        QTest::newRow("option without value")
            << u"mongodb://h/?a=1&novalue"_s << u"options[1].key"_s << u"novalue"_s;
        QTest::newRow("option without name")
            << u"mongodb://h/?=x"_s << u"options[0].key"_s << u"name=value"_s;
        QTest::newRow("bad option name") << u"mongodb://h/?a%20b=1"_s << u"options[0].key"_s << u"option"_s;
        QTest::newRow("redis database name")
            << u"redis://h/sessions"_s << u"defaultDatabase"_s << u"number"_s;
        QTest::newRow("ssh with database") << u"ssh://h/db"_s << u"defaultDatabase"_s << u"ssh"_s;
        QTest::newRow("ssh with tls") << u"ssh://h/?tls=true"_s << u"tls.enabled"_s << u"TLS"_s;
        QTest::newRow("unencoded hash") << u"mongodb://u:p#w@h"_s << u"uri"_s << u"%23"_s;
        QTest::newRow("srv with ip") << u"mongodb+srv://10.0.0.1"_s << u"hosts[0].host"_s << u"IP"_s;
    }

    void badInput()
    {
        QFETCH(QString, uri);
        QFETCH(QString, field);
        QFETCH(QString, mentions);
        const Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(uri);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
        QCOMPARE(parsed.error().field, field);
        QVERIFY2(parsed.error().message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.endsWith(QLatin1Char('.')));
    }

    void formatRoundTrip_data()
    {
        QTest::addColumn<Connection>("connection");
        const auto base = [](ConnectionKind kind, const QString& host, quint16 port) {
            Connection c;
            c.id = QUuid::createUuid();
            c.name = host;
            c.kind = kind;
            c.hosts = {{host, port}};
            return c;
        };
        Connection c = base(ConnectionKind::MongoDB, QStringLiteral("a.example"), 27017);
        c.hosts.append({QStringLiteral("2001:db8::5"), 27019});
        c.hosts.append({QStringLiteral("10.0.0.3"), 27017});
        c.username = QStringLiteral("us:er@x/y?z");
        c.defaultDatabase = QStringLiteral("d b/é");
        c.options = {{QStringLiteral("authSource"), QStringLiteral("a&b=c")},
                     {QStringLiteral("readPreference"), QStringLiteral("secondary")},
                     {QStringLiteral("empty"), QString()}};
        c.tls = {true, QStringLiteral("/path with space/ca?.pem"), false, true};
        QTest::newRow("mongodb everything") << c;

        c = base(ConnectionKind::MongoDB, QStringLiteral("cluster.example"), 0);
        c.srv = true;
        c.tls.enabled = true;
        QTest::newRow("srv") << c;
        c.tls.enabled = false;
        QTest::newRow("srv no tls") << c;

        c = base(ConnectionKind::PostgreSQL, QStringLiteral("pg"), 5433);
        c.tls.enabled = true;
        c.tls.caFile = QStringLiteral("/etc/ca.pem");
        c.username = QStringLiteral("postgres");
        QTest::newRow("postgres tls") << c;
        c.options = {{QStringLiteral("sslmode"), QStringLiteral("verify-ca")}};
        QTest::newRow("postgres verify-ca") << c;

        c = base(ConnectionKind::MySQL, QStringLiteral("::1"), 3306);
        c.tls.enabled = true;
        QTest::newRow("mysql ipv6 tls") << c;

        c = base(ConnectionKind::Redis, QStringLiteral("r"), 6379);
        c.defaultDatabase = QStringLiteral("15");
        c.tls.enabled = true;
        c.tls.caFile = QStringLiteral("/ca.pem");
        QTest::newRow("rediss db") << c;

        c = base(ConnectionKind::SSH, QStringLiteral("host.example"), 22);
        c.username = QStringLiteral("root");
        QTest::newRow("ssh") << c;
    }

    void formatRoundTrip()
    {
        QFETCH(Connection, connection);
        QVERIFY(validateConnection(connection).ok());
        const QString uri = ConnectionUri::format(connection);
        Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(uri);
        QVERIFY2(parsed.ok(),
                 qPrintable(uri + QLatin1Char(' ') + (parsed.ok() ? QString() : parsed.error().message)));
        Connection back = parsed->connection;
        back.id = connection.id;
        back.name = connection.name;
        QCOMPARE(back, connection);
    }

    void passwordOnlyWhenAsked()
    {
        Connection c;
        c.id = QUuid::createUuid();
        c.name = QStringLiteral("x");
        c.kind = ConnectionKind::PostgreSQL;
        c.hosts = {{QStringLiteral("h"), 5432}};
        c.username = QStringLiteral("u");
        QCOMPARE(ConnectionUri::format(c), QStringLiteral("postgresql://u@h"));
        const QByteArray raw("p@ss:w/rd%#?& é");
        const SecureBytes password = SecureBytes::fromView(raw);
        const QString uri = ConnectionUri::format(c, &password);
        QCOMPARE(uri, QStringLiteral("postgresql://u:p%40ss%3Aw%2Frd%25%23%3F%26%20%C3%A9@h"));
        Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(uri);
        QVERIFY(parsed.ok());
        QCOMPARE(bytes(parsed->password), raw);
        const SecureBytes empty;
        QCOMPARE(ConnectionUri::format(c, &empty), QStringLiteral("postgresql://u@h"));
        // A password without a user name still needs the '@'.
        c.username.clear();
        QCOMPARE(ConnectionUri::format(c, &password).left(16), QStringLiteral("postgresql://:p%"));
    }

    // Mutated URIs (fixed seed, so a failure reproduces): parse never crashes, every error
    // names a field and says something, and whatever parses survives format() and parse().
    void mutatedInput()
    {
        const QStringList seeds = {
            QStringLiteral(
                "mongodb://app:s3cr%40t@db1.example.com:27017,[2001:db8::1]:27018/orders?replicaSet=rs0"),
            QStringLiteral("mongodb+srv://u@cluster0.example.net/?tls=false&w=majority"),
            QStringLiteral(
                "postgresql://alice:pw@[::1]:6543/my%20db?sslmode=verify-full&sslrootcert=/ca.pem"),
            QStringLiteral("mysql://root@127.0.0.1:3307/shop?ssl-mode=REQUIRED"),
            QStringLiteral("rediss://:pw@cache.local:6380/2"),
            QStringLiteral("ssh://deploy@web1.example.com:2222"),
        };
        const QString alphabet = QStringLiteral("%[]:@/?#&=,+ .-_0aZ9\x01é\u200b");
        QRandomGenerator random(20240229);
        int parsedCount = 0;
        for (int round = 0; round < 4000; ++round) {
            QString uri = seeds.at(random.bounded(int(seeds.size())));
            const int edits = 1 + random.bounded(4);
            for (int e = 0; e < edits; ++e) {
                const int at = random.bounded(int(uri.size()) + 1);
                switch (random.bounded(3)) {
                case 0:
                    uri.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
                    break;
                case 1:
                    uri.remove(at, 1 + random.bounded(3));
                    break;
                default:
                    uri.insert(at, uri.mid(random.bounded(int(uri.size()) + 1), 4));
                    break;
                }
            }
            Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(uri);
            if (!parsed.ok()) {
                QVERIFY2(!parsed.error().field.isEmpty(), qPrintable(uri));
                QVERIFY2(!parsed.error().message.isEmpty(), qPrintable(uri));
                continue;
            }
            ++parsedCount;
            const Connection& c = parsed->connection;
            QVERIFY2(validateConnection(c).ok(), qPrintable(uri));
            const QString formatted = ConnectionUri::format(c, &parsed->password);
            Result<ConnectionUri::Parsed> again = ConnectionUri::parse(formatted);
            QVERIFY2(again.ok(), qPrintable(uri + QStringLiteral(" -> ") + formatted));
            again->connection.id = c.id;
            QVERIFY2(again->connection == c, qPrintable(uri + QStringLiteral(" -> ") + formatted));
            QVERIFY2(again->password == parsed->password, qPrintable(uri));
        }
        qInfo() << parsedCount << "of 4000 mutated URIs parsed";
        QVERIFY(parsedCount > 200); // the mutations must not all be rejected
    }

    void schemes()
    {
        const QStringList schemes = ConnectionUri::schemes();
        for (const char* scheme : {"mongodb", "mongodb+srv", "postgresql", "postgres", "mysql", "mariadb",
                                   "redis", "rediss", "ssh"})
            QVERIFY(schemes.contains(QLatin1String(scheme)));
    }
};

QTEST_GUILESS_MAIN(TestConnectionUri)
#include "TestConnectionUri.moc"
