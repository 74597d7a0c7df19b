// Tests SharedConnection, the plaintext of a shared item: a connection encodes to the
// documented JSON and decodes to the same shareable fields; the user name, passwords, secret
// options, the CA path, the client certificate flag and the ssh user planted in the local
// connection never appear in the encoded bytes; keys a newer version adds are kept through a
// decode/encode round; hostile or malformed plaintexts (wrong types, unknown kind, oversize,
// a secret option, a newer version) are refused in words, never crash; a conflict copy's
// "conflictOf" and "conflictAt" are read back (and a malformed one is just not a copy).
#include "core/model/SharedConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QUuid kAuthor = QUuid::fromString(QStringLiteral("{6f1c1d8e-2b56-4c8e-9a7e-0c2b9d9f7a11}"));
const QUuid kItem = QUuid::fromString(QStringLiteral("{0d3f2c55-8f7b-4a3a-b1d2-5e6f7a8b9c0d}"));

Connection sample()
{
    Connection c;
    c.id = kItem;
    c.folderId = QUuid::createUuid();
    c.name = QStringLiteral("Orders (prod)");
    c.kind = ConnectionKind::PostgreSQL;
    c.hosts = {{QStringLiteral("db.example.com"), 5432}};
    c.username = QStringLiteral("planted-user-7f3a");
    c.defaultDatabase = QStringLiteral("orders");
    c.options = {{QStringLiteral("sslmode"), QStringLiteral("require")},
                 {QStringLiteral("password"), QStringLiteral("planted-secret-91c2")},
                 {QStringLiteral("application_name"), QStringLiteral("conclave")}};
    c.tls.enabled = true;
    c.tls.caFile = QStringLiteral("/home/ada/planted-ca-path.pem");
    c.tls.hasClientCertificate = true;
    c.tls.allowInvalidHostnames = true;
    c.ssh.enabled = true;
    c.ssh.host = QStringLiteral("bastion.example.com");
    c.ssh.port = 2222;
    c.ssh.user = QStringLiteral("planted-sshuser-44d1");
    c.ssh.auth = SshAuthMethod::PrivateKey;
    c.color = QStringLiteral("#d94141");
    c.tags = {QStringLiteral("prod"), QStringLiteral("eu")};
    c.notes = QStringLiteral("Read replica at night.");
    return c;
}

QDateTime when()
{
    return QDateTime(QDate(2026, 12, 2), QTime(4, 41, 11, 123), Qt::UTC);
}

QJsonObject validDocument()
{
    return QJsonDocument::fromJson(
               SharedConnection::fromConnection(sample(), QStringLiteral("Production/EU"), kAuthor, when())
                   .encode())
        .object();
}

QByteArray withField(const QString& key, const QJsonValue& value)
{
    QJsonObject top = validDocument();
    QJsonObject fields = top.value(QStringLiteral("fields")).toObject();
    if (value.isUndefined())
        fields.remove(key);
    else
        fields.insert(key, value);
    top.insert(QStringLiteral("fields"), fields);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QByteArray withTop(const QString& key, const QJsonValue& value)
{
    QJsonObject top = validDocument();
    top.insert(key, value);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSharedConnection : public QObject
{
    Q_OBJECT

private slots:
    void encodesTheDocumentedFormat();
    void roundTripKeepsShareableFields();
    void portlessHostsAreWrittenReadable_data();
    void portlessHostsAreWrittenReadable();
    void secretsNeverInTheBytes_data();
    void secretsNeverInTheBytes();
    void unknownKeysAreKept();
    void editKeepsMetadata();
    void conflictCopyIsRecognised_data();
    void conflictCopyIsRecognised();
    void refusesBadInput_data();
    void refusesBadInput();
    void groupSegments_data();
    void groupSegments();
};

void TestSharedConnection::encodesTheDocumentedFormat()
{
    const QByteArray bytes =
        SharedConnection::fromConnection(sample(), QStringLiteral("Production/EU"), kAuthor, when()).encode();
    QVERIFY(!bytes.contains('\n')); // compact
    const QJsonObject top = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(top.value(QStringLiteral("format")).toString(), QStringLiteral("conclave.connection"));
    QCOMPARE(top.value(QStringLiteral("v")).toInt(), 1);
    QCOMPARE(top.value(QStringLiteral("createdBy")).toString(), kAuthor.toString(QUuid::WithoutBraces));
    QCOMPARE(top.value(QStringLiteral("createdAt")).toString(), QStringLiteral("2026-12-02T04:41:11.123Z"));
    QCOMPARE(top.value(QStringLiteral("changedAt")).toString(), QStringLiteral("2026-12-02T04:41:11.123Z"));
    const QJsonObject fields = top.value(QStringLiteral("fields")).toObject();
    const QStringList expected = {QStringLiteral("color"), QStringLiteral("defaultDatabase"),
                                  QStringLiteral("group"), QStringLiteral("hosts"),
                                  QStringLiteral("kind"),  QStringLiteral("name"),
                                  QStringLiteral("notes"), QStringLiteral("options"),
                                  QStringLiteral("srv"),   QStringLiteral("ssh"),
                                  QStringLiteral("tags"),  QStringLiteral("tls")};
    QCOMPARE(fields.keys(), expected);
    QCOMPARE(fields.value(QStringLiteral("kind")).toString(), QStringLiteral("postgresql"));
    QCOMPARE(fields.value(QStringLiteral("hosts")).toArray(),
             QJsonArray{QStringLiteral("db.example.com:5432")});
    QCOMPARE(fields.value(QStringLiteral("group")).toString(), QStringLiteral("Production/EU"));
    QCOMPARE(fields.value(QStringLiteral("tls")).toObject().keys(),
             (QStringList{QStringLiteral("allowInvalidHostnames"), QStringLiteral("enabled")}));
    QCOMPARE(fields.value(QStringLiteral("ssh")).toObject().keys(),
             (QStringList{QStringLiteral("auth"), QStringLiteral("enabled"), QStringLiteral("host"),
                          QStringLiteral("port")}));
}

void TestSharedConnection::portlessHostsAreWrittenReadable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("secondHostOnly");
    QTest::addColumn<quint16>("expected");
    QTest::newRow("postgresql") << int(ConnectionKind::PostgreSQL) << false << quint16(5432);
    QTest::newRow("mysql") << int(ConnectionKind::MySQL) << false << quint16(3306);
    QTest::newRow("mongodb, second host") << int(ConnectionKind::MongoDB) << true << quint16(27017);
    QTest::newRow("redis") << int(ConnectionKind::Redis) << false << quint16(6379);
    QTest::newRow("ssh") << int(ConnectionKind::SSH) << false << quint16(22);
}

void TestSharedConnection::portlessHostsAreWrittenReadable()
{
    // A host without a port (0: "the default" in the local model, as a connection built in
    // code or an older copy can hold it) and an SSH port of 0 are what decode() refuses, so
    // a member's client could not read the item; they are written with the default ports.
    QFETCH(int, kind);
    QFETCH(bool, secondHostOnly);
    QFETCH(quint16, expected);
    Connection c = sample();
    c.kind = ConnectionKind(kind);
    c.options.clear();
    c.defaultDatabase.clear();
    if (c.kind == ConnectionKind::SSH)
        c.tls = {};
    c.hosts = secondHostOnly ? QList<HostPort>{{QStringLiteral("db1.example.com"), 4000},
                                               {QStringLiteral("db2.example.com"), 0}}
                             : QList<HostPort>{{QStringLiteral("db2.example.com"), 0}};
    c.ssh.port = 0;
    const QByteArray bytes = SharedConnection::fromConnection(c, {}, kAuthor, when()).encode();
    const Result<SharedConnection> decoded = SharedConnection::decode(bytes, kItem);
    QVERIFY2(decoded.ok(), decoded.ok() ? bytes.constData() : qPrintable(decoded.error().message));
    QCOMPARE(decoded->connection.hosts.last(), (HostPort{QStringLiteral("db2.example.com"), expected}));
    if (secondHostOnly)
        QCOMPARE(decoded->connection.hosts.first().port, quint16(4000));
    QCOMPARE(decoded->connection.ssh.port, quint16(22));
}

void TestSharedConnection::roundTripKeepsShareableFields()
{
    const SharedConnection shared =
        SharedConnection::fromConnection(sample(), QStringLiteral("Production/EU"), kAuthor, when());
    const Result<SharedConnection> decoded = SharedConnection::decode(shared.encode(), kItem);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    const Connection& c = decoded->connection;
    const Connection s = sample();
    QCOMPARE(c.id, kItem);
    QVERIFY(c.folderId.isNull());
    QCOMPARE(c.name, s.name);
    QCOMPARE(c.kind, s.kind);
    QCOMPARE(c.hosts, s.hosts);
    QCOMPARE(c.defaultDatabase, s.defaultDatabase);
    QCOMPARE(c.options.size(), 2); // the password option dropped
    QCOMPARE(c.tls.enabled, true);
    QCOMPARE(c.tls.allowInvalidHostnames, true);
    QVERIFY(c.tls.caFile.isEmpty());
    QVERIFY(!c.tls.hasClientCertificate);
    QCOMPARE(c.ssh.host, s.ssh.host);
    QCOMPARE(c.ssh.port, s.ssh.port);
    QCOMPARE(c.ssh.auth, SshAuthMethod::PrivateKey);
    QVERIFY(c.ssh.user.isEmpty());
    QVERIFY(c.username.isEmpty());
    QCOMPARE(c.color, s.color);
    QCOMPARE(c.tags, s.tags);
    QCOMPARE(c.notes, s.notes);
    QCOMPARE(decoded->group, QStringLiteral("Production/EU"));
    QCOMPARE(decoded->createdBy, kAuthor);
    QCOMPARE(decoded->createdAt, when());
    QCOMPARE(decoded->changedAt, when());
    // Encoding what was decoded gives the same bytes.
    QCOMPARE(decoded->encode(), shared.encode());

    // IPv6 and SRV hosts survive too.
    Connection v6 = sample();
    v6.kind = ConnectionKind::MongoDB;
    v6.options.clear();
    v6.hosts = {{QStringLiteral("2001:db8::1"), 27017}, {QStringLiteral("db2.example.com"), 27018}};
    Result<SharedConnection> again =
        SharedConnection::decode(SharedConnection::fromConnection(v6, {}, kAuthor, when()).encode(), kItem);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(again->connection.hosts, v6.hosts);
    Connection srv = v6;
    srv.srv = true;
    srv.hosts = {{QStringLiteral("cluster.example.com"), 0}};
    again =
        SharedConnection::decode(SharedConnection::fromConnection(srv, {}, kAuthor, when()).encode(), kItem);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(again->connection.hosts, srv.hosts);
    QVERIFY(again->connection.srv);
}

void TestSharedConnection::secretsNeverInTheBytes_data()
{
    QTest::addColumn<QString>("planted");
    QTest::newRow("user name") << QStringLiteral("planted-user-7f3a");
    QTest::newRow("password option") << QStringLiteral("planted-secret-91c2");
    QTest::newRow("CA path") << QStringLiteral("planted-ca-path");
    QTest::newRow("ssh user") << QStringLiteral("planted-sshuser-44d1");
    QTest::newRow("client certificate flag") << QStringLiteral("ClientCertificate");
    QTest::newRow("password key") << QStringLiteral("\"password\"");
}

void TestSharedConnection::secretsNeverInTheBytes()
{
    QFETCH(QString, planted);
    const QByteArray bytes = SharedConnection::fromConnection(sample(), {}, kAuthor, when()).encode();
    QVERIFY2(!bytes.contains(planted.toUtf8()), bytes.constData());
    // Also when the value is built by hand with a secret still in it.
    SharedConnection byHand = SharedConnection::fromConnection(sample(), {}, kAuthor, when());
    byHand.connection.username = QStringLiteral("planted-user-7f3a");
    byHand.connection.options = sample().options;
    byHand.connection.tls.caFile = sample().tls.caFile;
    byHand.connection.ssh.user = sample().ssh.user;
    QVERIFY(!byHand.encode().contains(planted.toUtf8()));
}

void TestSharedConnection::unknownKeysAreKept()
{
    QJsonObject top = validDocument();
    top.insert(QStringLiteral("future"), QJsonObject{{QStringLiteral("a"), 1}});
    QJsonObject fields = top.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("monitoring"), QJsonArray{QStringLiteral("grafana")});
    top.insert(QStringLiteral("fields"), fields);
    const QByteArray bytes = QJsonDocument(top).toJson(QJsonDocument::Compact);
    const Result<SharedConnection> decoded = SharedConnection::decode(bytes, kItem);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->unknownTop.keys(), QStringList{QStringLiteral("future")});
    QCOMPARE(decoded->unknownFields.keys(), QStringList{QStringLiteral("monitoring")});
    // An edit by this version carries them through.
    Connection changed = decoded->connection;
    changed.name = QStringLiteral("Orders (primary)");
    const QByteArray next = decoded->edited(changed, decoded->group, when().addSecs(60)).encode();
    const QJsonObject again = QJsonDocument::fromJson(next).object();
    QCOMPARE(again.value(QStringLiteral("future")), top.value(QStringLiteral("future")));
    QCOMPARE(again.value(QStringLiteral("fields")).toObject().value(QStringLiteral("monitoring")),
             fields.value(QStringLiteral("monitoring")));
    QCOMPARE(again.value(QStringLiteral("fields")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Orders (primary)"));
}

void TestSharedConnection::editKeepsMetadata()
{
    const SharedConnection first = SharedConnection::fromConnection(sample(), {}, kAuthor, when());
    Connection changed = first.connection;
    changed.notes = QStringLiteral("moved");
    const SharedConnection next = first.edited(changed, QStringLiteral(" Staging / "), when().addDays(1));
    QCOMPARE(next.createdBy, kAuthor);
    QCOMPARE(next.createdAt, when());
    QCOMPARE(next.changedAt, when().addDays(1));
    QCOMPARE(next.group, QStringLiteral("Staging"));
}

void TestSharedConnection::conflictCopyIsRecognised_data()
{
    QTest::addColumn<QJsonValue>("conflictOf"); // Undefined: the key is absent
    QTest::addColumn<QJsonValue>("conflictAt");
    QTest::addColumn<QUuid>("original");
    QTest::addColumn<QDateTime>("at");
    const QUuid original = QUuid::fromString(QStringLiteral("{5a0e7b4c-1d2f-4e3a-9b8c-7d6e5f4a3b2c}"));
    const QDateTime at = QDateTime(QDate(2026, 12, 2), QTime(14, 2, 7, 123), Qt::UTC);
    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("a conflict copy") << QJsonValue(original.toString(QUuid::WithoutBraces))
                                     << QJsonValue(QStringLiteral("2026-12-02T14:02:07.123Z")) << original
                                     << at;
    QTest::newRow("copy without a time")
        << QJsonValue(original.toString(QUuid::WithoutBraces)) << none << original << QDateTime();
    QTest::newRow("not a copy") << none << none << QUuid() << QDateTime();
    QTest::newRow("conflictOf not an id")
        << QJsonValue(QStringLiteral("someone")) << none << QUuid() << QDateTime();
    QTest::newRow("conflictOf a number")
        << QJsonValue(7) << QJsonValue(QStringLiteral("yesterday")) << QUuid() << QDateTime();
}

void TestSharedConnection::conflictCopyIsRecognised()
{
    QFETCH(QJsonValue, conflictOf);
    QFETCH(QJsonValue, conflictAt);
    QFETCH(QUuid, original);
    QFETCH(QDateTime, at);
    QJsonObject top = validDocument();
    if (!conflictOf.isUndefined())
        top.insert(QStringLiteral("conflictOf"), conflictOf);
    if (!conflictAt.isUndefined())
        top.insert(QStringLiteral("conflictAt"), conflictAt);
    const Result<SharedConnection> decoded =
        SharedConnection::decode(QJsonDocument(top).toJson(QJsonDocument::Compact), kItem);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->conflictOf(), original);
    QCOMPARE(decoded->isConflictCopy(), !original.isNull());
    QCOMPARE(decoded->conflictAt(), at);
    // An edit of the copy is still a copy of the same item.
    const SharedConnection next = decoded->edited(decoded->connection, decoded->group, when().addSecs(60));
    QCOMPARE(next.conflictOf(), original);
}

void TestSharedConnection::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QString>("field");

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("not JSON") << QByteArray("{\"format\":") << QString();
    QTest::newRow("array") << QByteArray("[1,2]") << QString();
    QTest::newRow("another format") << withTop(QStringLiteral("format"), QStringLiteral("conclave.note"))
                                    << QStringLiteral("format");
    QTest::newRow("version as text") << withTop(QStringLiteral("v"), QStringLiteral("1"))
                                     << QStringLiteral("v");
    QTest::newRow("newer version") << withTop(QStringLiteral("v"), 2) << QStringLiteral("v");
    QTest::newRow("creator not a uuid")
        << withTop(QStringLiteral("createdBy"), QStringLiteral("ada")) << QStringLiteral("createdBy");
    QTest::newRow("bad time") << withTop(QStringLiteral("changedAt"), QStringLiteral("yesterday"))
                              << QStringLiteral("changedAt");
    QTest::newRow("fields not an object")
        << withTop(QStringLiteral("fields"), QJsonArray()) << QStringLiteral("fields");
    QTest::newRow("name a number") << withField(QStringLiteral("name"), 7) << QStringLiteral("name");
    QTest::newRow("name missing") << withField(QStringLiteral("name"), QJsonValue::Undefined)
                                  << QStringLiteral("name");
    QTest::newRow("unknown kind") << withField(QStringLiteral("kind"), QStringLiteral("oracle"))
                                  << QStringLiteral("kind");
    QTest::newRow("srv as text") << withField(QStringLiteral("srv"), QStringLiteral("yes"))
                                 << QStringLiteral("srv");
    QTest::newRow("hosts a string") << withField(QStringLiteral("hosts"), QStringLiteral("db:5432"))
                                    << QStringLiteral("hosts");
    QTest::newRow("host without port")
        << withField(QStringLiteral("hosts"), QJsonArray{QStringLiteral("db.example.com")})
        << QStringLiteral("hosts");
    QTest::newRow("port out of range")
        << withField(QStringLiteral("hosts"), QJsonArray{QStringLiteral("db:70000")})
        << QStringLiteral("hosts");
    QTest::newRow("bad host name") << withField(QStringLiteral("hosts"),
                                                QJsonArray{QStringLiteral("db\u0001x:5432")})
                                   << QStringLiteral("hosts[0].host");
    QTest::newRow("too many hosts") << withField(QStringLiteral("hosts"), [] {
        QJsonArray many;
        for (int i = 0; i < 100; ++i)
            many.append(QStringLiteral("db:5432"));
        return many;
    }()) << QStringLiteral("hosts");
    QTest::newRow("option not a pair")
        << withField(QStringLiteral("options"), QJsonArray{QJsonArray{QStringLiteral("sslmode")}})
        << QStringLiteral("options");
    QTest::newRow("secret option") << withField(QStringLiteral("options"),
                                                QJsonArray{QJsonArray{QStringLiteral("password"),
                                                                      QStringLiteral("x")}})
                                   << QStringLiteral("options");
    QTest::newRow("tls not an object") << withField(QStringLiteral("tls"), true) << QStringLiteral("tls");
    QTest::newRow("ssh port text") << withField(QStringLiteral("ssh"),
                                                QJsonObject{{QStringLiteral("enabled"), true},
                                                            {QStringLiteral("host"), QStringLiteral("b")},
                                                            {QStringLiteral("port"), QStringLiteral("22")}})
                                   << QStringLiteral("ssh");
    QTest::newRow("ssh auth unknown")
        << withField(QStringLiteral("ssh"), QJsonObject{{QStringLiteral("auth"), QStringLiteral("kerberos")}})
        << QStringLiteral("ssh");
    QTest::newRow("bad colour") << withField(QStringLiteral("color"), QStringLiteral("red"))
                                << QStringLiteral("color");
    QTest::newRow("tag a number") << withField(QStringLiteral("tags"), QJsonArray{1})
                                  << QStringLiteral("tags");
    QTest::newRow("group a list") << withField(QStringLiteral("group"), QJsonArray())
                                  << QStringLiteral("group");
    QTest::newRow("group with control")
        << withField(QStringLiteral("group"), QStringLiteral("a\nb")) << QStringLiteral("group");
    QTest::newRow("oversize") << withField(QStringLiteral("notes"), QString(70 * 1024, QLatin1Char('n')))
                              << QString();
}

void TestSharedConnection::refusesBadInput()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QString, field);
    const Result<SharedConnection> decoded = SharedConnection::decode(plaintext, kItem);
    QVERIFY(!decoded.ok());
    QVERIFY(!decoded.error().message.isEmpty());
    QCOMPARE(decoded.error().field, field);
}

void TestSharedConnection::groupSegments_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("segments");
    QTest::newRow("top") << QString() << QStringList();
    QTest::newRow("one") << QStringLiteral("Production") << QStringList{QStringLiteral("Production")};
    QTest::newRow("two") << QStringLiteral("Production/EU")
                         << QStringList{QStringLiteral("Production"), QStringLiteral("EU")};
    QTest::newRow("stray slashes") << QStringLiteral("/ a //b/ ")
                                   << QStringList{QStringLiteral("a"), QStringLiteral("b")};
}

void TestSharedConnection::groupSegments()
{
    QFETCH(QString, group);
    QFETCH(QStringList, segments);
    QCOMPARE(SharedConnection::groupSegments(group), segments);
}

QTEST_GUILESS_MAIN(TestSharedConnection)
#include "TestSharedConnection.moc"
