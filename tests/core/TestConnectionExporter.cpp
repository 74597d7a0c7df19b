// Tests of ConnectionExporter: passwords planted in URIs go through import, the SQLite
// store and both export formats and are found in none of the files; the JSON format
// round-trips every field, carries its version and rejects what is not its own.
#include "core/model/ConnectionExporter.h"
#include "core/model/ConnectionImporter.h"
#include "core/storage/ConnectionStore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Conclave::Core;

namespace {

Connection fullConnection(const QUuid& folder)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folder;
    c.name = QStringLiteral("Orders \"prod\" ✓");
    c.kind = ConnectionKind::MongoDB;
    c.hosts = {{QStringLiteral("db1.example.com"), 27017}, {QStringLiteral("2001:db8::7"), 27018}};
    c.username = QStringLiteral("app");
    c.defaultDatabase = QStringLiteral("orders");
    c.options = {{QStringLiteral("replicaSet"), QStringLiteral("rs0")},
                 {QStringLiteral("readPreference"), QStringLiteral("")}};
    c.tls = {true, QStringLiteral("/etc/ssl/ca.pem"), true, true};
    c.ssh = {true, QStringLiteral("bastion"), 2222, QStringLiteral("ops"), SshAuthMethod::PrivateKey};
    c.color = QStringLiteral("#a1b2c3");
    c.tags = {QStringLiteral("prod"), QStringLiteral("eu")};
    c.notes = QStringLiteral("line 1\nline 2");
    c.sortOrder = -3;
    c.created = QDateTime(QDate(2024, 2, 29), QTime(1, 2, 3, 4), Qt::UTC);
    c.modified = QDateTime(QDate(2025, 3, 1), QTime(5, 6, 7, 8), Qt::UTC);
    return c;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every spelling of a secret that could end up in a file.
QList<QByteArray> spellings(const QByteArray& secret)
{
    return {secret, QUrl::toPercentEncoding(QString::fromUtf8(secret)), secret.toBase64(), secret.toHex(),
            QByteArray(reinterpret_cast<const char*>(QString::fromUtf8(secret).utf16()), secret.size() * 2)};
}

} // namespace

class TestConnectionExporter final : public QObject
{
    Q_OBJECT

private slots:
    void noSecretInAnyFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<QByteArray> secrets = {"Sup3r!Secret", "Other5ecret", "KeyPass9",
                                           "M0ngoPa55",    "CertPass7",   "R3disPass",
                                           "MyPwd42",      "Sess10nTok",  "Planted9xyz"};
        const QString uris =
            QStringLiteral("postgresql://alice:Sup3r%21Secret@pg.example.com/app"
                           "?password=Other5ecret&sslpassword=KeyPass9&application_name=x\n"
                           "mongodb://bob:M0ngoPa55@db1.example.com,db2.example.com/admin"
                           "?replicaSet=rs0&tlsCertificateKeyFilePassword=CertPass7\n"
                           "redis://:R3disPass@cache.example.com/1\n"
                           "mysql://root@h/?PWD=MyPwd42\n"
                           "mongodb://h/?authMechanismProperties=AWS_SESSION_TOKEN:Sess10nTok\n");
        ConnectionImporter::Outcome imported = ConnectionImporter::fromUriText(uris);
        QVERIFY(imported.problems.isEmpty());
        QCOMPARE(imported.connections.size(), 5);
        // The passwords were really there: they came back apart, for the keychain.
        QStringList handedBack;
        for (const ConnectionImporter::Secret& secret : imported.passwords)
            handedBack.append(QString::fromUtf8(secret.password.view().toByteArray()));
        QCOMPARE(handedBack, (QStringList{QStringLiteral("Sup3r!Secret"), QStringLiteral("M0ngoPa55"),
                                          QStringLiteral("R3disPass"), QStringLiteral("MyPwd42")}));

        // Through the store, as the app does.
        const QString dbPath = dir.filePath(QStringLiteral("conclave.sqlite"));
        QList<Connection> loaded;
        {
            Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(dbPath);
            QVERIFY(store.ok());
            QVERIFY((*store)->saveAll({}, imported.connections).ok());
            loaded = *(*store)->connections();
        }
        QCOMPARE(loaded.size(), 5);
        // Belt and braces: a secret option that got into a connection some other way.
        Connection planted = loaded.first();
        planted.options.append({QStringLiteral("sslpassword"), QStringLiteral("Planted9xyz")});
        loaded.append(planted);

        const QString jsonPath = dir.filePath(QStringLiteral("export.json"));
        const QString uriPath = dir.filePath(QStringLiteral("export.txt"));
        QVERIFY(ConnectionExporter::writeJson(jsonPath, {}, loaded).ok());
        QVERIFY(ConnectionExporter::writeUriList(uriPath, loaded).ok());
        QVERIFY(readAll(jsonPath).contains("application_name"));
        QVERIFY(readAll(uriPath).contains("replicaSet=rs0"));

        QDirIterator files(dir.path(), QDir::Files);
        int checked = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            const QByteArray content = readAll(path);
            for (const QByteArray& secret : secrets) {
                for (const QByteArray& spelling : spellings(secret))
                    QVERIFY2(!content.contains(spelling),
                             qPrintable(path + QStringLiteral(" contains a secret")));
            }
            ++checked;
        }
        QVERIFY(checked >= 3); // database, JSON, URI list (and the WAL if any)
    }

    void jsonRoundTrip()
    {
        QTemporaryDir dir;
        const Folder root{QUuid::createUuid(), {}, QStringLiteral("Production"), 1};
        const Folder child{QUuid::createUuid(), root.id, QStringLiteral("EU"), 2};
        Connection a = fullConnection(child.id);
        Connection b;
        b.id = QUuid::createUuid();
        b.name = QStringLiteral("cache");
        b.kind = ConnectionKind::Redis;
        b.hosts = {{QStringLiteral("cache"), 6379}};
        Connection s = b;
        s.id = QUuid::createUuid();
        s.kind = ConnectionKind::MongoDB;
        s.srv = true;
        s.hosts = {{QStringLiteral("cluster.example"), 0}};
        s.folderId = root.id;

        const QString path = dir.filePath(QStringLiteral("export.json"));
        QVERIFY(ConnectionExporter::writeJson(path, {root, child}, {a, b, s}).ok());
        const QJsonObject rootObject = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(rootObject.value(QStringLiteral("version")).toInt(), ConnectionExporter::kFormatVersion);
        QCOMPARE(rootObject.value(QStringLiteral("format")).toString(),
                 QStringLiteral("conclave-connections"));

        Result<ConnectionExporter::Contents> read = ConnectionExporter::readJson(path);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QVERIFY(read->problems.isEmpty());
        QCOMPARE(read->folders, (QList<Folder>{root, child}));
        QCOMPARE(read->connections.size(), 3);
        QCOMPARE(read->connections.at(0), a);
        QCOMPARE(read->connections.at(1), b);
        QCOMPARE(read->connections.at(2), s);

        // Fresh ids keep the tree together.
        ConnectionExporter::Contents copy = *read;
        ConnectionExporter::assignNewIds(copy);
        QVERIFY(copy.folders.at(0).id != root.id);
        QCOMPARE(copy.folders.at(1).parentId, copy.folders.at(0).id);
        QCOMPARE(copy.connections.at(0).folderId, copy.folders.at(1).id);
        QCOMPARE(copy.connections.at(2).folderId, copy.folders.at(0).id);
        QVERIFY(copy.connections.at(1).folderId.isNull());
        QVERIFY(copy.connections.at(0).id != a.id);
        copy.connections[0].id = a.id;
        copy.connections[0].folderId = a.folderId;
        QCOMPARE(copy.connections.at(0), a);
    }

    void rejectsForeignFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("field");

        QTest::newRow("not json") << QByteArray("hello") << ErrorCode::InvalidInput << QStringLiteral("file");
        QTest::newRow("truncated") << QByteArray("{\"format\": \"conclave-conn") << ErrorCode::InvalidInput
                                   << QStringLiteral("file");
        QTest::newRow("array") << QByteArray("[]") << ErrorCode::InvalidInput << QStringLiteral("format");
        QTest::newRow("other format") << QByteArray(R"({"format":"keepass","version":1})")
                                      << ErrorCode::InvalidInput << QStringLiteral("format");
        QTest::newRow("no version") << QByteArray(R"({"format":"conclave-connections"})")
                                    << ErrorCode::InvalidInput << QStringLiteral("version");
        QTest::newRow("newer version") << QByteArray(R"({"format":"conclave-connections","version":2})")
                                       << ErrorCode::VersionTooNew << QStringLiteral("version");
        QTest::newRow("connections not a list")
            << QByteArray(R"({"format":"conclave-connections","version":1,"connections":{}})")
            << ErrorCode::InvalidInput << QStringLiteral("file.connections");
    }

    void rejectsForeignFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(ErrorCode, code);
        QFETCH(QString, field);
        const Result<ConnectionExporter::Contents> read = ConnectionExporter::fromJson(json);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, code);
        QCOMPARE(read.error().field, field);
        QVERIFY(!read.error().message.isEmpty());
    }

    void badEntriesAreSkippedWithTheirPlace()
    {
        const QByteArray json = R"({
          "format": "conclave-connections", "version": 1,
          "folders": [
            {"id": "11111111-1111-1111-1111-111111111111", "name": "Kept"},
            {"id": "22222222-2222-2222-2222-222222222222", "parentId": "99999999-9999-9999-9999-999999999999",
             "name": "Orphan"},
            {"id": "not-a-uuid", "name": "Bad"}
          ],
          "connections": [
            {"id": "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "name": "good", "kind": "postgresql",
             "hosts": [{"host": "pg", "port": 5432}], "folderId": "11111111-1111-1111-1111-111111111111"},
            {"id": "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb", "name": "bad port", "kind": "postgresql",
             "hosts": [{"host": "pg", "port": 70000}]},
            {"id": "cccccccc-cccc-cccc-cccc-cccccccccccc", "name": "bad colour", "kind": "redis",
             "hosts": [{"host": "r", "port": 6379}], "color": "purple"},
            {"id": "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "name": "duplicate", "kind": "redis",
             "hosts": [{"host": "r", "port": 6379}]},
            {"id": "dddddddd-dddd-dddd-dddd-dddddddddddd", "name": "lost", "kind": "ssh",
             "hosts": [{"host": "s", "port": 22}], "folderId": "99999999-9999-9999-9999-999999999999"},
            {"id": "eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee", "name": "odd kind", "kind": "oracle",
             "hosts": [{"host": "o", "port": 1521}]},
            "not an object"
          ]
        })";
        const Result<ConnectionExporter::Contents> read = ConnectionExporter::fromJson(json);
        QVERIFY(read.ok());
        QStringList folders;
        for (const Folder& f : read->folders)
            folders.append(f.name);
        QCOMPARE(folders, (QStringList{QStringLiteral("Kept"), QStringLiteral("Orphan")}));
        QVERIFY(read->folders.at(1).parentId.isNull());
        QStringList names;
        for (const Connection& c : read->connections)
            names.append(c.name);
        QCOMPARE(names, (QStringList{QStringLiteral("good"), QStringLiteral("lost")}));
        QVERIFY(read->connections.at(1).folderId.isNull());

        QStringList fields;
        for (const Error& problem : read->problems) {
            fields.append(problem.field);
            QVERIFY(!problem.message.isEmpty());
        }
        QCOMPARE(fields,
                 (QStringList{QStringLiteral("folders[2].id"), QStringLiteral("folders[1].parentId"),
                              QStringLiteral("connections[1].hosts[0].port"),
                              QStringLiteral("connections[2].color"), QStringLiteral("connections[3].id"),
                              QStringLiteral("connections[4].folderId"),
                              QStringLiteral("connections[5].kind"), QStringLiteral("connections[6]")}));
    }

    // Mutated export files (fixed seed): no crash, and what is accepted is valid.
    void mutatedJson()
    {
        const Folder root{QUuid::createUuid(), {}, QStringLiteral("Root"), 0};
        const QByteArray original = ConnectionExporter::toJson({root}, {fullConnection(root.id)});
        const QByteArray alphabet("{}[]\",:0-9etfn\\ ");
        QRandomGenerator random(11);
        int accepted = 0;
        for (int round = 0; round < 1000; ++round) {
            QByteArray json = original;
            for (int e = 0; e < 3; ++e) {
                const int at = random.bounded(int(json.size()));
                if (random.bounded(2))
                    json[at] = alphabet.at(random.bounded(int(alphabet.size())));
                else
                    json.remove(at, 1 + random.bounded(6));
            }
            const Result<ConnectionExporter::Contents> read = ConnectionExporter::fromJson(json);
            if (!read.ok()) {
                QVERIFY(!read.error().message.isEmpty());
                continue;
            }
            ++accepted;
            for (const Connection& c : read->connections)
                QVERIFY(validateConnection(c).ok());
        }
        QVERIFY(accepted > 0);
    }

    void uriListRoundTrip()
    {
        QTemporaryDir dir;
        Connection a = fullConnection({});
        a.ssh = {}; // URIs carry no tunnel, colour, tags or notes
        a.color.clear();
        a.tags.clear();
        a.notes.clear();
        a.sortOrder = 0;
        a.created = a.modified = {};
        a.tls.hasClientCertificate = false;
        Connection b;
        b.id = QUuid::createUuid();
        b.name = QStringLiteral("two\nlines");
        b.kind = ConnectionKind::SSH;
        b.hosts = {{QStringLiteral("web"), 2222}};
        b.username = QStringLiteral("deploy");

        const QString path = dir.filePath(QStringLiteral("list.txt"));
        QVERIFY(ConnectionExporter::writeUriList(path, {a, b}).ok());
        const QString text = QString::fromUtf8(readAll(path));
        QVERIFY(text.contains(QStringLiteral("# Orders \"prod\" ✓\n")));
        QVERIFY(text.contains(QStringLiteral("# two lines\n")));

        Result<ConnectionImporter::Outcome> back = ConnectionImporter::fromUriFile(path);
        QVERIFY(back.ok());
        QVERIFY(back->problems.isEmpty());
        QCOMPARE(back->connections.size(), 2);
        for (int i = 0; i < 2; ++i) {
            Connection got = back->connections.at(i);
            const Connection& expected = i == 0 ? a : b;
            got.id = expected.id;
            got.name = expected.name;
            QCOMPARE(got, expected);
        }
    }

    void unwritablePathIsIo()
    {
        const Status status =
            ConnectionExporter::writeJson(QStringLiteral("/nonexistent-dir/x/export.json"), {}, {});
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::Io);
        QVERIFY(status.error().message.contains(QStringLiteral("export.json")));
        const Result<ConnectionExporter::Contents> read =
            ConnectionExporter::readJson(QStringLiteral("/nonexistent-dir/x/export.json"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::Io);
        const Result<ConnectionExporter::Contents> device =
            ConnectionExporter::readJson(QStringLiteral("/dev/zero"));
        QVERIFY(!device.ok());
        QCOMPARE(device.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestConnectionExporter)
#include "TestConnectionExporter.moc"
