// Tests of ConnectionImporter on the fixture files in tests/data/core: URI lists with bad
// lines reported by number and passwords handed back apart, and ~/.ssh/config with Host
// blocks, ProxyJump, wildcards, Match, Include and ssh's first-value-wins rule.
#include "core/model/ConnectionImporter.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QString kDataDir = QStringLiteral(CONCLAVE_TEST_DATA_DIR "/core");

const Connection* findByName(const QList<Connection>& connections, const QString& name)
{
    for (const Connection& c : connections) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QByteArray passwordOf(const ConnectionImporter::Outcome& outcome, const QUuid& id)
{
    for (const ConnectionImporter::Secret& secret : outcome.passwords) {
        if (secret.connectionId == id)
            return secret.password.view().toByteArray();
    }
    return {};
}

} // namespace

class TestConnectionImporter final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_emptyDir; // where relative Include lines of mutated text point

private slots:
    void uriFile()
    {
        const QUuid folder = QUuid::createUuid();
        const QString path = kDataDir + QStringLiteral("/uris.txt");
        Result<ConnectionImporter::Outcome> result = ConnectionImporter::fromUriFile(path, folder);
        QVERIFY(result.ok());
        const ConnectionImporter::Outcome& outcome = *result;

        QCOMPARE(outcome.connections.size(), 5);
        QStringList kinds;
        for (const Connection& c : outcome.connections) {
            kinds.append(kindScheme(c.kind));
            QCOMPARE(c.folderId, folder);
            QVERIFY(validateConnection(c).ok());
        }
        QCOMPARE(kinds,
                 (QStringList{QStringLiteral("mongodb"), QStringLiteral("postgresql"),
                              QStringLiteral("redis"), QStringLiteral("ssh"), QStringLiteral("mongodb")}));
        const Connection& mongo = outcome.connections.at(0);
        QCOMPARE(mongo.hosts.size(), 2);
        QCOMPARE(mongo.username, QStringLiteral("app"));
        QVERIFY(outcome.connections.at(4).srv);

        // Passwords come back apart, keyed by connection, and only where there was one.
        QCOMPARE(outcome.passwords.size(), std::size_t(2));
        QCOMPARE(passwordOf(outcome, mongo.id), QByteArray("Pa$$w0rd"));
        QCOMPARE(passwordOf(outcome, outcome.connections.at(2).id), QByteArray("hunter2"));

        QCOMPARE(outcome.problems.size(), 2);
        QCOMPARE(outcome.problems.at(0).line, 6);
        QCOMPARE(outcome.problems.at(0).file, path);
        QCOMPARE(outcome.problems.at(0).error.field, QStringLiteral("scheme"));
        QVERIFY(outcome.problems.at(0).error.message.contains(QStringLiteral("line 6")));
        QCOMPARE(outcome.problems.at(1).line, 7);
        QCOMPARE(outcome.problems.at(1).error.field, QStringLiteral("hosts[0].port"));
        QVERIFY(outcome.problems.at(1).error.message.contains(QStringLiteral("notaport")));
    }

    void uriText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("connections");
        QTest::addColumn<QList<int>>("problemLines");

        QTest::newRow("empty") << QString() << 0 << QList<int>{};
        QTest::newRow("only comments") << QStringLiteral("# a\n\n  # b\n") << 0 << QList<int>{};
        QTest::newRow("crlf") << QStringLiteral("redis://a\r\nredis://b\r\n") << 2 << QList<int>{};
        QTest::newRow("bad then good")
            << QStringLiteral("nonsense\nmysql://h\n\nftp://x\n") << 1 << QList<int>{1, 4};
        QTest::newRow("all bad") << QStringLiteral("a\nb\nc") << 0 << QList<int>{1, 2, 3};
    }

    void uriText()
    {
        QFETCH(QString, text);
        QFETCH(int, connections);
        QFETCH(QList<int>, problemLines);
        const ConnectionImporter::Outcome outcome = ConnectionImporter::fromUriText(text);
        QCOMPARE(outcome.connections.size(), connections);
        QList<int> lines;
        for (const ConnectionImporter::Problem& problem : outcome.problems) {
            lines.append(problem.line);
            QVERIFY(problem.file.isEmpty());
            QVERIFY(problem.error.message.startsWith(QStringLiteral("Line %1: ").arg(problem.line)));
            // The reason alone, for views that show the place apart: said once, not twice.
            QVERIFY(!problem.reason.isEmpty());
            QVERIFY(!problem.reason.contains(QStringLiteral("Line ")));
            QCOMPARE(problem.error.message, QStringLiteral("Line %1: ").arg(problem.line) + problem.reason);
        }
        QCOMPARE(lines, problemLines);
        QVERIFY(outcome.passwords.empty());
    }

    void missingFileIsIo()
    {
        const Result<ConnectionImporter::Outcome> uris =
            ConnectionImporter::fromUriFile(kDataDir + QStringLiteral("/no-such-file.txt"));
        QVERIFY(!uris.ok());
        QCOMPARE(uris.error().code, ErrorCode::Io);
        QVERIFY(uris.error().message.contains(QStringLiteral("no-such-file.txt")));
        const Result<ConnectionImporter::Outcome> ssh =
            ConnectionImporter::fromSshConfigFile(kDataDir + QStringLiteral("/ssh/none"));
        QVERIFY(!ssh.ok());
        QCOMPARE(ssh.error().code, ErrorCode::Io);
    }

    void devicesAreNotRead()
    {
        // Would never end if read; must be refused up front.
        const Result<ConnectionImporter::Outcome> uris =
            ConnectionImporter::fromUriFile(QStringLiteral("/dev/zero"));
        QVERIFY(!uris.ok());
        QCOMPARE(uris.error().code, ErrorCode::InvalidInput);
        const ConnectionImporter::Outcome ssh =
            ConnectionImporter::fromSshConfigText(QStringLiteral("Include /dev/zero\nHost a\n"));
        QCOMPARE(ssh.connections.size(), 1);
        QCOMPARE(ssh.problems.size(), 1);
        QCOMPARE(ssh.problems.first().line, 1);
    }

    // Files are read with the size they report rather than the 16 MiB limit: the limit must
    // still hold exactly, and files that report no size (procfs) must still be read in full.
    void sizeLimitAndUnsizedFiles()
    {
        constexpr qint64 limit = 16 * 1024 * 1024;
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("big.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line = QByteArray(1023, '#') + '\n';
        for (qint64 written = 0; written < limit; written += line.size())
            QCOMPARE(file.write(line), line.size());
        file.close();
        QCOMPARE(file.size(), limit);
        const Result<ConnectionImporter::Outcome> atLimit = ConnectionImporter::fromUriFile(file.fileName());
        QVERIFY(atLimit.ok());
        QVERIFY(atLimit->problems.isEmpty());

        QVERIFY(file.open(QIODevice::Append));
        file.write("\n");
        file.close();
        const Result<ConnectionImporter::Outcome> overLimit =
            ConnectionImporter::fromUriFile(file.fileName());
        QVERIFY(!overLimit.ok());
        QCOMPARE(overLimit.error().code, ErrorCode::InvalidInput);

        // /proc/self/mounts is a regular file of size 0 whose lines are not URIs.
        QCOMPARE(QFileInfo(QStringLiteral("/proc/self/mounts")).size(), 0);
        const Result<ConnectionImporter::Outcome> unsized =
            ConnectionImporter::fromUriFile(QStringLiteral("/proc/self/mounts"));
        QVERIFY(unsized.ok());
        QVERIFY(!unsized->problems.isEmpty());
    }

    void notUtf8IsReported()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("latin1.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("redis://caf\xe9\n");
        file.close();
        const Result<ConnectionImporter::Outcome> outcome = ConnectionImporter::fromUriFile(file.fileName());
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ErrorCode::InvalidInput);
        QVERIFY(outcome.error().message.contains(QStringLiteral("UTF-8")));
    }

    void sshConfig()
    {
        const QString path = kDataDir + QStringLiteral("/ssh/config");
        Result<ConnectionImporter::Outcome> result = ConnectionImporter::fromSshConfigFile(path);
        QVERIFY(result.ok());
        const ConnectionImporter::Outcome& outcome = *result;

        QStringList names;
        for (const Connection& c : outcome.connections) {
            names.append(c.name);
            QCOMPARE(c.kind, ConnectionKind::SSH);
            QVERIFY(validateConnection(c).ok());
        }
        QCOMPARE(names,
                 (QStringList{QStringLiteral("work-git"), QStringLiteral("bastion"), QStringLiteral("web1"),
                              QStringLiteral("web2"), QStringLiteral("db-primary"), QStringLiteral("quoted"),
                              QStringLiteral("ipv6")}));
        QVERIFY(outcome.passwords.empty());

        const Connection* bastion = findByName(outcome.connections, QStringLiteral("bastion"));
        QCOMPARE(bastion->hosts, (QList<HostPort>{{QStringLiteral("bastion.example.com"), 2222}}));
        QCOMPARE(bastion->username, QStringLiteral("ops"));
        QVERIFY(!bastion->ssh.enabled);

        // %h expanded, User from "Host *", tunnel resolved through the bastion entry.
        const Connection* web2 = findByName(outcome.connections, QStringLiteral("web2"));
        QCOMPARE(web2->hosts, (QList<HostPort>{{QStringLiteral("web2.internal.example.com"), 22}}));
        QCOMPARE(web2->username, QStringLiteral("defaultuser"));
        QCOMPARE(web2->ssh, (SshTunnel{true, QStringLiteral("bastion.example.com"), 2222,
                                       QStringLiteral("ops"), SshAuthMethod::PrivateKey}));

        // "Key=value" and "Key = value" forms; user@host:port jump.
        const Connection* db = findByName(outcome.connections, QStringLiteral("db-primary"));
        QCOMPARE(db->hosts, (QList<HostPort>{{QStringLiteral("10.20.0.5"), 22}}));
        QCOMPARE(db->username, QStringLiteral("postgres"));
        QCOMPARE(db->ssh, (SshTunnel{true, QStringLiteral("gw.example.com"), 2200, QStringLiteral("admin"),
                                     SshAuthMethod::Password}));

        const Connection* quoted = findByName(outcome.connections, QStringLiteral("quoted"));
        QCOMPARE(quoted->hosts.first().host, QStringLiteral("quoted.example.com"));

        const Connection* ipv6 = findByName(outcome.connections, QStringLiteral("ipv6"));
        QCOMPARE(ipv6->hosts.first().host, QStringLiteral("2001:db8::10"));
        QCOMPARE(ipv6->ssh.host, QStringLiteral("2001:db8::1"));
        QCOMPARE(ipv6->ssh.port, quint16(2022));

        // From the included file.
        const Connection* git = findByName(outcome.connections, QStringLiteral("work-git"));
        QCOMPARE(git->username, QStringLiteral("git"));
        QCOMPARE(git->hosts.first().host, QStringLiteral("git.work.example"));

        QVERIFY(outcome.skipped.contains(QStringLiteral("Host *")));
        QVERIFY(outcome.skipped.contains(QStringLiteral("Host *.example.org")));
        QVERIFY(outcome.skipped.contains(QStringLiteral("Host !skip.example.org")));
        QVERIFY(outcome.skipped.contains(QStringLiteral("Match host foo")));

        // Problems, each with its file and line.
        QMap<QString, QPair<QString, int>> problems;
        for (const ConnectionImporter::Problem& problem : outcome.problems) {
            QVERIFY(problem.error.message.contains(QStringLiteral("line %1").arg(problem.line)));
            problems.insert(problem.error.message, {QFileInfo(problem.file).fileName(), problem.line});
        }
        QCOMPARE(outcome.problems.size(), 4);
        const auto has = [&problems](const QString& text, const QString& file, int line) {
            for (auto it = problems.cbegin(); it != problems.cend(); ++it) {
                if (it.key().contains(text) && it.value() == qMakePair(file, line))
                    return true;
            }
            return false;
        };
        QVERIFY(has(QStringLiteral("Host\" needs"), QStringLiteral("20-broken.conf"), 2));
        QVERIFY(has(QStringLiteral("missing-file.conf"), QStringLiteral("config"), 3));
        QVERIFY(has(QStringLiteral("99999"), QStringLiteral("config"), 25));
        QVERIFY(has(QStringLiteral("several jump hosts"), QStringLiteral("config"), 29));
    }

    // Mutated configuration text (fixed seed): no crash, and everything imported is valid.
    void mutatedSshConfig()
    {
        QFile file(kDataDir + QStringLiteral("/ssh/config"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString original = QString::fromUtf8(file.readAll());
        const QString alphabet = QStringLiteral("\n \t=\"#*?!,:@[]%h0");
        QRandomGenerator random(7);
        for (int round = 0; round < 1000; ++round) {
            QString text = original;
            for (int e = 0; e < 6; ++e) {
                const int at = random.bounded(int(text.size()) + 1);
                if (random.bounded(2))
                    text.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
                else
                    text.remove(at, 1 + random.bounded(8));
            }
            const ConnectionImporter::Outcome outcome =
                ConnectionImporter::fromSshConfigText(text, m_emptyDir.path());
            for (const Connection& c : outcome.connections)
                QVERIFY2(validateConnection(c).ok(), qPrintable(text));
            for (const ConnectionImporter::Problem& problem : outcome.problems)
                QVERIFY(problem.line > 0 && !problem.error.message.isEmpty());
        }
    }

    void sshConfigText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<int>("problems");

        QTest::newRow("first value wins")
            << QStringLiteral("Host a\n  Port 1000\nHost a\n  Port 2000\n  User second\n")
            << QStringList{QStringLiteral("a")} << 0;
        QTest::newRow("global lines apply to all")
            << QStringLiteral("User everyone\n\nHost x y\n")
            << QStringList{QStringLiteral("x"), QStringLiteral("y")} << 0;
        QTest::newRow("wildcards and negation apply to named hosts")
            << QStringLiteral(
                   "Host db-?\n  User dbadmin\nHost * !app-1\n  Port 2200\nHost db-1 app-1 app-2\n")
            << QStringList{QStringLiteral("db-1"), QStringLiteral("app-1"), QStringLiteral("app-2")} << 0;
        QTest::newRow("unclosed quote") << QStringLiteral("Host \"a\n") << QStringList{} << 1;
        QTest::newRow("only wildcards")
            << QStringLiteral("Host *\n  User u\nHost 10.0.*\n") << QStringList{} << 0;
        QTest::newRow("proxyjump none")
            << QStringLiteral("Host a\n  ProxyJump none\n") << QStringList{QStringLiteral("a")} << 0;
        QTest::newRow("invalid hostname") << QStringLiteral("Host bad\n  HostName bad/name\nHost good\n")
                                          << QStringList{QStringLiteral("good")} << 1;
        QTest::newRow("include loop") << QStringLiteral("Include self-include\nHost after\n")
                                      << QStringList{QStringLiteral("after")} << 1;
    }

    void sshConfigText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        QFETCH(int, problems);
        // Relative Include paths resolve from here; ssh/self-include includes itself.
        const ConnectionImporter::Outcome outcome =
            ConnectionImporter::fromSshConfigText(text, kDataDir + QStringLiteral("/ssh"));
        QStringList got;
        for (const Connection& c : outcome.connections)
            got.append(c.name);
        QCOMPARE(got, names);
        QCOMPARE(outcome.problems.size(), problems);
        if (QTest::currentDataTag() == QByteArrayView("first value wins")) {
            QCOMPARE(outcome.connections.first().hosts.first().port, quint16(1000));
            QCOMPARE(outcome.connections.first().username, QStringLiteral("second"));
        }
        if (QTest::currentDataTag() == QByteArrayView("global lines apply to all"))
            QCOMPARE(outcome.connections.last().username, QStringLiteral("everyone"));
        if (QTest::currentDataTag() == QByteArrayView("wildcards and negation apply to named hosts")) {
            QCOMPARE(outcome.connections.at(0).username, QStringLiteral("dbadmin"));
            QCOMPARE(outcome.connections.at(0).hosts.first().port, quint16(2200));
            QCOMPARE(outcome.connections.at(1).username, QString());
            QCOMPARE(outcome.connections.at(1).hosts.first().port, quint16(22));
            QCOMPARE(outcome.connections.at(2).hosts.first().port, quint16(2200));
        }
        if (QTest::currentDataTag() == QByteArrayView("proxyjump none"))
            QVERIFY(!outcome.connections.first().ssh.enabled);
    }

    void suggestedName_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("name");
        QTest::newRow("postgresql") << "postgresql://app@db.example.com/orders"
                                    << "PostgreSQL on db.example.com/orders";
        QTest::newRow("mongodb on localhost") << "mongodb://localhost/app"
                                              << "MongoDB on localhost/app";
        QTest::newRow("port other than the default") << "redis://127.0.0.1:6380/0"
                                                     << "Redis on 127.0.0.1:6380/0";
        QTest::newRow("default port left out") << "mysql://shop.example.com:3306"
                                               << "MySQL/MariaDB on shop.example.com";
        QTest::newRow("IPv6") << "mongodb://[::1]/app"
                              << "MongoDB on ::1/app";
        QTest::newRow("IPv6 with a port") << "mongodb://[::1]:27018"
                                          << "MongoDB on [::1]:27018";
        QTest::newRow("replica set: first host") << "mongodb://a.example.com,b.example.com/app"
                                                 << "MongoDB on a.example.com/app";
        QTest::newRow("srv") << "mongodb+srv://cluster0.example.com/app"
                             << "MongoDB on cluster0.example.com/app";
        QTest::newRow("ssh") << "ssh://deploy@bastion.example.com"
                             << "SSH on bastion.example.com";
    }

    void suggestedName()
    {
        QFETCH(QString, uri);
        QFETCH(QString, name);
        const ConnectionImporter::Outcome outcome = ConnectionImporter::fromUriText(uri);
        QCOMPARE(outcome.connections.size(), 1);
        QCOMPARE(outcome.connections.first().name, name);
        QVERIFY(validateConnection(outcome.connections.first()).ok());
    }

    void duplicateKey_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("same");
        QTest::newRow("same URI") << "postgresql://app@db.example.com/orders"
                                  << "postgresql://app@db.example.com/orders" << true;
        QTest::newRow("host name case, password, default port, options")
            << "postgresql://app:secret@DB.example.com:5432/orders?sslmode=require"
            << "postgresql://app@db.example.com/orders" << true;
        QTest::newRow("other user") << "postgresql://app@db.example.com/orders"
                                    << "postgresql://admin@db.example.com/orders" << false;
        QTest::newRow("other database") << "postgresql://app@db.example.com/orders"
                                        << "postgresql://app@db.example.com/reports" << false;
        QTest::newRow("other port") << "redis://cache.example.com"
                                    << "redis://cache.example.com:6380" << false;
        QTest::newRow("other kind") << "mysql://app@db.example.com:5432/orders"
                                    << "postgresql://app@db.example.com/orders" << false;
        QTest::newRow("srv or not") << "mongodb+srv://cluster0.example.com/app"
                                    << "mongodb://cluster0.example.com/app" << false;
    }

    void duplicateKey()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, same);
        const ConnectionImporter::Outcome outcome =
            ConnectionImporter::fromUriText(first + QLatin1Char('\n') + second);
        QCOMPARE(outcome.connections.size(), 2);
        QCOMPARE(ConnectionImporter::duplicateKey(outcome.connections.at(0)) ==
                     ConnectionImporter::duplicateKey(outcome.connections.at(1)),
                 same);
    }
};

QTEST_GUILESS_MAIN(TestConnectionImporter)
#include "TestConnectionImporter.moc"
