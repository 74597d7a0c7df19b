// The audit (DESIGN §4, §7) against the real binary, on SQLite and PostgreSQL: each object keeps
// only its newest entries (10, or what server.ini says); refused sharing requests and
// organisation admin actions are recorded with the user id; the organisation log reads page
// by page and verifies from its documented byte layout alone; `conclave-server audit verify`
// passes on an untouched database and names each kind of tampering done to the stored rows.
// The audit routes x principal table is in TestSharingAudit (it needs folder roles).
#include "ServerAccounts.h"

#include "core/crypto/CryptoHash.h"
#include "core/crypto/UserKeys.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUuid>

using namespace ServerAccounts;

namespace {

// The byte layout of docs/admin/server.md, written again here from the document: the test
// checks that a reader holding only it (and the public key) can verify the log.
QByteArray chain(const QByteArray& previous, const QByteArray& entry)
{
    return Conclave::Core::CryptoHash::tagged("conclave.audit.chain.v1", QByteArray(previous + entry));
}

QByteArray checkpointMessage(const QString& orgId, qint64 seq, const QByteArray& head, qint64 atMs)
{
    QByteArray m("conclave.audit.checkpoint.v1", int(sizeof "conclave.audit.checkpoint.v1"));
    const QByteArray org = orgId.toUtf8();
    auto be = [&m](quint64 value, int bytes) {
        for (int i = bytes - 1; i >= 0; --i)
            m.append(char((value >> (8 * i)) & 0xff));
    };
    be(quint64(org.size()), 4);
    m.append(org);
    be(quint64(seq), 8);
    m.append(head);
    be(quint64(atMs), 8);
    return m;
}

} // namespace

class TestServerAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void retention_data();
    void retention();
    void refusedRequestsRecorded_data();
    void refusedRequestsRecorded();
    void adminActionsRecorded();
    void concurrentReplicasKeepOneChain();
    void logVerifiesFromItsLayout();
    void badPageParameters_data();
    void badPageParameters();
    void verifyPassesUntouched();
    void verifyReportsTampering_data();
    void verifyReportsTampering();

private:
    struct Org
    {
        QString id;
        QString domain;
        TestAccount owner;
    };
    Org makeOrg(ServerHarness& server, ApiClient& client);
    // A member of `org` whose address the owner then blocked, signed in again.
    TestAccount blockedMember(ServerHarness& server, ApiClient& client, const Org& org);
    QList<QJsonObject> logEntries(ApiClient& client, const Org& org);
    QString hexOf(ServerHarness& server, const QString& column, const QString& table, const QString& where);
    bool setHex(ServerHarness& server, const QString& table, const QString& column, const QString& hex,
                const QString& where);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    Org m_org;
};

void TestServerAudit::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                        QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000"),
                        QStringLiteral("[audit]"), QStringLiteral("checkpointEvery=3")});
    QVERIFY(m_server.start(QStringLiteral("TestServerAudit")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_org = makeOrg(m_server, *m_client);
    QVERIFY(!m_org.owner.token.isEmpty());
}

void TestServerAudit::cleanupTestCase()
{
    m_server.stop();
}

TestServerAudit::Org TestServerAudit::makeOrg(ServerHarness& server, ApiClient& client)
{
    Org org;
    org.domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com");
    const QString ownerEmail = uniqueEmail("owner", org.domain);
    if (server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Audited Org"),
                      QStringLiteral("--owner"), ownerEmail},
                     &org.id) != 0 ||
        server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), org.id,
                      QStringLiteral("--domain"), org.domain}) != 0)
        return {};
    org.owner = ready(client, server, ownerEmail);
    return org;
}

TestAccount TestServerAudit::blockedMember(ServerHarness& server, ApiClient& client, const Org& org)
{
    TestAccount member = ready(client, server, uniqueEmail("blocked", org.domain));
    // A fresh session of the owner's: a row before may have moved the clock past the old one.
    TestAccount owner = org.owner;
    if (!signIn(client, owner))
        return {};
    const ApiResponse block = client.post(
        QStringLiteral("/api/v1/orgs/") + org.id + QStringLiteral("/blocks"),
        {{QStringLiteral("scope"), QStringLiteral("email")}, {QStringLiteral("value"), member.email}},
        owner.token);
    if (block.status != 201 || !signIn(client, member))
        return {};
    return member;
}

QList<QJsonObject> TestServerAudit::logEntries(ApiClient& client, const Org& org)
{
    QList<QJsonObject> all;
    qint64 after = 0;
    for (int guard = 0; guard < 100; ++guard) {
        const ApiResponse page =
            client.get(QStringLiteral("/api/v1/orgs/%1/audit?after=%2&limit=500").arg(org.id).arg(after),
                       org.owner.token);
        if (page.status != 200)
            return {};
        for (const QJsonValue& e : page.json.value(QStringLiteral("entries")).toArray())
            all.append(e.toObject());
        if (page.json.value(QStringLiteral("next")).isNull())
            break;
        after = page.json.value(QStringLiteral("next")).toInteger();
    }
    return all;
}

QString TestServerAudit::hexOf(ServerHarness& server, const QString& column, const QString& table,
                               const QString& where)
{
    const QString expr = ServerHarness::usePostgres() ? QStringLiteral("encode(%1, 'hex')").arg(column)
                                                      : QStringLiteral("hex(%1)").arg(column);
    return server.sqlValue(QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(expr, table, where))
        .toString()
        .toLower();
}

bool TestServerAudit::setHex(ServerHarness& server, const QString& table, const QString& column,
                             const QString& hex, const QString& where)
{
    const QString literal = ServerHarness::usePostgres() ? QStringLiteral("decode('%1', 'hex')").arg(hex)
                                                         : QStringLiteral("X'%1'").arg(hex);
    return server.execSql(
        QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %4").arg(table, column, literal, where));
}

void TestServerAudit::retention_data()
{
    QTest::addColumn<int>("configured"); // 0: the default
    QTest::addColumn<int>("kept");
    QTest::newRow("default: 11 entries, the newest 10 kept") << 0 << 10;
    QTest::newRow("entriesPerObject=3: 11 entries, the newest 3 kept") << 3 << 3;
}

void TestServerAudit::retention()
{
    QFETCH(int, configured);
    QFETCH(int, kept);
    ServerHarness own;
    ServerHarness* server = &m_server;
    std::unique_ptr<ApiClient> ownClient;
    ApiClient* client = m_client.get();
    if (configured > 0) {
        own.setConfig({QStringLiteral("[audit]"), QStringLiteral("entriesPerObject=%1").arg(configured)});
        QVERIFY(own.start(QStringLiteral("TestServerAudit-retention")));
        ownClient = std::make_unique<ApiClient>(own.baseUrl());
        server = &own;
        client = ownClient.get();
    }
    const Org org = configured > 0 ? makeOrg(*server, *client) : m_org;
    QVERIFY(!org.id.isEmpty());
    const TestAccount blocked = blockedMember(*server, *client, org);
    QVERIFY(!blocked.token.isEmpty());
    // Eleven refused requests: eleven entries about this user.
    for (int i = 0; i < 11; ++i)
        QCOMPARE(client->get(QStringLiteral("/api/v1/sharing/status"), blocked.token).status, 403);

    const QString object = QStringLiteral("org_id = '%1' AND object_kind = 'user' AND object_id = '%2'")
                               .arg(org.id, blocked.userId);
    bool ok = false;
    QCOMPARE(
        server->sqlValue(QStringLiteral("SELECT COUNT(*) FROM audit_objects WHERE ") + object, &ok).toInt(),
        kept);
    QVERIFY(ok);
    // The newest are the ones kept: the oldest kept follows the eleventh-newest.
    QList<qint64> seqs;
    for (const QJsonObject& e : logEntries(*client, org)) {
        if (e.value(QStringLiteral("objectId")).toString() == blocked.userId)
            seqs.append(e.value(QStringLiteral("seq")).toInteger());
    }
    QCOMPARE(seqs.size(), 11); // the organisation log keeps every entry
    const qint64 oldestKept =
        server->sqlValue(QStringLiteral("SELECT MIN(seq) FROM audit_objects WHERE ") + object).toLongLong();
    QCOMPARE(oldestKept, seqs.at(11 - kept));
}

void TestServerAudit::refusedRequestsRecorded_data()
{
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<QString>("reason");
    QTest::newRow("blocked by the organisation") << true << QStringLiteral("sharing-blocked");
    QTest::newRow("unverified address") << false << QStringLiteral("email-unverified");
}

void TestServerAudit::refusedRequestsRecorded()
{
    QFETCH(bool, blocked);
    QFETCH(QString, reason);
    const TestAccount caller =
        blocked ? blockedMember(m_server, *m_client, m_org)
                : ready(*m_client, m_server, uniqueEmail("unverified", m_org.domain), false);
    QVERIFY(!caller.token.isEmpty());
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/sharing/status"), caller.token).errorCode(), reason);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/v1/keys/lookup"), {{QStringLiteral("email"), caller.email}},
                        caller.token)
                 .errorCode(),
             reason);

    // A block's refusals go to the blocking organisation's log, where its admins read them;
    // an unverified address belongs to no organisation yet, so the server's own log.
    const QString orgId = blocked ? m_org.id : QString();
    bool ok = false;
    QCOMPARE(m_server
                 .sqlValue(QStringLiteral("SELECT COUNT(*) FROM audit_objects WHERE org_id = '%1' AND "
                                          "object_kind = 'user' AND object_id = '%2'")
                               .arg(orgId, caller.userId),
                           &ok)
                 .toInt(),
             2);
    QVERIFY(ok);
    if (!blocked)
        return;
    QStringList actions;
    for (const QJsonObject& e : logEntries(*m_client, m_org)) {
        if (e.value(QStringLiteral("userId")).toString() != caller.userId)
            continue;
        QCOMPARE(e.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
        QCOMPARE(e.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(e.value(QStringLiteral("objectKind")).toString(), QStringLiteral("user"));
        actions.append(e.value(QStringLiteral("action")).toString());
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("GET /api/v1/sharing/status"),
                                   QStringLiteral("POST /api/v1/keys/lookup")}));
}

void TestServerAudit::adminActionsRecorded()
{
    const Org org = makeOrg(m_server, *m_client);
    QVERIFY(!org.owner.token.isEmpty());
    const QString adminEmail = uniqueEmail("newadmin", org.domain);
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), org.id,
                             QStringLiteral("--email"), adminEmail, QStringLiteral("--role"),
                             QStringLiteral("admin")}),
             0);
    const ApiResponse set =
        m_client->post(QStringLiteral("/api/v1/orgs/") + org.id + QStringLiteral("/blocks"),
                       {{QStringLiteral("scope"), QStringLiteral("domain")},
                        {QStringLiteral("value"), org.domain},
                        {QStringLiteral("reason"), QStringLiteral("Secret reason text")}},
                       org.owner.token);
    QCOMPARE(set.status, 201);
    const QString blockId = set.json.value(QStringLiteral("id")).toString();
    QCOMPARE(m_client->del(QStringLiteral("/api/v1/orgs/%1/blocks/%2").arg(org.id, blockId), org.owner.token)
                 .status,
             200);

    const QList<QJsonObject> entries = logEntries(*m_client, org);
    QStringList seen;
    for (const QJsonObject& e : entries) {
        seen.append(e.value(QStringLiteral("action")).toString() + QLatin1Char(' ') +
                    e.value(QStringLiteral("objectKind")).toString() + QLatin1Char(' ') +
                    (e.value(QStringLiteral("userId")).toString().isEmpty()
                         ? QStringLiteral("operator")
                         : e.value(QStringLiteral("userId")).toString()));
        QCOMPARE(e.value(QStringLiteral("outcome")).toString(), QStringLiteral("done"));
        // No plaintext: no address, domain, organisation name or block reason in any entry.
        const QByteArray bytes =
            QByteArray::fromBase64(e.value(QStringLiteral("entry")).toString().toLatin1());
        QVERIFY(!bytes.isEmpty());
        for (const QString& plain : {adminEmail, org.domain, org.owner.email, QStringLiteral("Audited Org"),
                                     QStringLiteral("Secret reason text")})
            QVERIFY2(!bytes.contains(plain.toUtf8()), qPrintable(plain));
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("organisation.created organisation operator"),
                                QStringLiteral("owner.added member operator"),
                                QStringLiteral("domain.added organisation operator"),
                                QStringLiteral("admin.added member operator"),
                                QStringLiteral("block.set block ") + org.owner.userId,
                                QStringLiteral("block.lifted block ") + org.owner.userId}));
    QCOMPARE(entries.at(4).value(QStringLiteral("objectId")).toString(), blockId);
}

void TestServerAudit::concurrentReplicasKeepOneChain()
{
    // Two servers on one database (and one key file, as replicas must share), each appending
    // to the same organisation's log at the same time: one chain, no entry lost or forked.
    ServerHarness first;
    ServerHarness second;
    const QStringList config{QStringLiteral("[audit]"), QStringLiteral("checkpointEvery=5")};
    first.setConfig(config);
    second.setConfig(config);
    QVERIFY(first.prepareStorage());
    second.useStorageOf(first);
    const QString keyFile = first.dataDir() + QStringLiteral("/server.key");
    first.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"), keyFile);
    second.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"), keyFile);
    QVERIFY(first.start(QStringLiteral("TestServerAudit-replica")));
    QVERIFY(second.start(QStringLiteral("TestServerAudit-replica")));
    ApiClient client(first.baseUrl());
    const Org org = makeOrg(first, client);
    QVERIFY(!org.owner.token.isEmpty());
    const TestAccount blocked = blockedMember(first, client, org);
    QVERIFY(!blocked.token.isEmpty());

    constexpr int kRequests = 40;
    QNetworkAccessManager manager;
    int finished = 0;
    int refused = 0;
    for (int i = 0; i < kRequests; ++i) {
        QNetworkRequest request(
            QUrl((i % 2 ? first : second).baseUrl() + QStringLiteral("/api/v1/sharing/status")));
        request.setRawHeader("Authorization", "Bearer " + blocked.token.toLatin1());
        QNetworkReply* reply = manager.get(request);
        connect(reply, &QNetworkReply::finished, reply, [reply, &finished, &refused] {
            ++finished;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 403)
                ++refused;
            reply->deleteLater();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, kRequests, 30000);
    QCOMPARE(refused, kRequests);

    int recorded = 0;
    for (const QJsonObject& e : logEntries(client, org))
        recorded += e.value(QStringLiteral("objectId")).toString() == blocked.userId ? 1 : 0;
    QCOMPARE(recorded, kRequests);
    QString out;
    QString err;
    QCOMPARE(
        first.command({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--org"), org.id},
                      &out, &err),
        0);
    QVERIFY2(out.contains(QLatin1String("intact")), qPrintable(out + err));
}

void TestServerAudit::logVerifiesFromItsLayout()
{
    // Seven entries with checkpoints every 3 (3, 6), read two at a time.
    const Org org = makeOrg(m_server, *m_client);
    QVERIFY(!org.owner.token.isEmpty());
    for (int i = 0; i < 2; ++i) {
        QString blockId;
        QCOMPARE(m_server.admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), org.id}, &blockId),
                 0);
        QCOMPARE(m_server.admin({QStringLiteral("unblock-sharing"), QStringLiteral("--org"), org.id,
                                 QStringLiteral("--block"), blockId}),
                 0);
    }
    QString published;
    QCOMPARE(m_server.command({QStringLiteral("audit"), QStringLiteral("public-key")}, &published), 0);
    const QByteArray publicKey = QByteArray::fromBase64(published.toLatin1());
    QCOMPARE(publicKey.size(), 32);

    QByteArray previous(32, '\0');
    qint64 after = 0;
    int entries = 0;
    int checkpoints = 0;
    QHash<qint64, QByteArray> heads;
    for (int guard = 0; guard < 10; ++guard) {
        const ApiResponse page = m_client->get(
            QStringLiteral("/api/v1/orgs/%1/audit?after=%2&limit=2").arg(org.id).arg(after), org.owner.token);
        QCOMPARE(page.status, 200);
        QCOMPARE(QByteArray::fromBase64(page.json.value(QStringLiteral("publicKey")).toString().toLatin1()),
                 publicKey);
        QCOMPARE(
            QByteArray::fromBase64(page.json.value(QStringLiteral("previousHash")).toString().toLatin1()),
            previous);
        for (const QJsonValue& v : page.json.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("seq")).toInteger(), qint64(++entries));
            const QByteArray entry =
                QByteArray::fromBase64(e.value(QStringLiteral("entry")).toString().toLatin1());
            QVERIFY(entry.startsWith(QByteArray("conclave.audit.entry.v1\0", 24)));
            previous = chain(previous, entry);
            QCOMPARE(QByteArray::fromBase64(e.value(QStringLiteral("hash")).toString().toLatin1()), previous);
            heads.insert(entries, previous);
        }
        for (const QJsonValue& v : page.json.value(QStringLiteral("checkpoints")).toArray()) {
            const QJsonObject c = v.toObject();
            const qint64 seq = c.value(QStringLiteral("seq")).toInteger();
            const QByteArray head =
                QByteArray::fromBase64(c.value(QStringLiteral("head")).toString().toLatin1());
            QCOMPARE(head, heads.value(seq));
            QVERIFY(Conclave::Core::UserKeys::verify(
                publicKey, checkpointMessage(org.id, seq, head, c.value(QStringLiteral("atMs")).toInteger()),
                QByteArray::fromBase64(c.value(QStringLiteral("signature")).toString().toLatin1())));
            ++checkpoints;
        }
        if (page.json.value(QStringLiteral("next")).isNull())
            break;
        after = page.json.value(QStringLiteral("next")).toInteger();
    }
    QCOMPARE(entries, 7);
    QCOMPARE(checkpoints, 2);

    // On demand: a checkpoint of the head (entry 7), signed like the others.
    const ApiResponse made =
        m_client->post(QStringLiteral("/api/v1/orgs/%1/audit/checkpoints").arg(org.id), {}, org.owner.token);
    QCOMPARE(made.status, 200);
    QCOMPARE(made.json.value(QStringLiteral("seq")).toInteger(), qint64(7));
    const QByteArray head =
        QByteArray::fromBase64(made.json.value(QStringLiteral("head")).toString().toLatin1());
    QCOMPARE(head, heads.value(7));
    QVERIFY(Conclave::Core::UserKeys::verify(
        publicKey, checkpointMessage(org.id, 7, head, made.json.value(QStringLiteral("atMs")).toInteger()),
        QByteArray::fromBase64(made.json.value(QStringLiteral("signature")).toString().toLatin1())));
    const ApiResponse latest =
        m_client->get(QStringLiteral("/api/v1/orgs/%1/audit?after=7").arg(org.id), org.owner.token);
    QCOMPARE(latest.json.value(QStringLiteral("latestCheckpoint"))
                 .toObject()
                 .value(QStringLiteral("seq"))
                 .toInteger(),
             qint64(7));
}

void TestServerAudit::badPageParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("after negative") << QStringLiteral("after=-1") << QStringLiteral("after");
    QTest::newRow("after not a number") << QStringLiteral("after=x") << QStringLiteral("after");
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::newRow("limit over 500") << QStringLiteral("limit=501") << QStringLiteral("limit");
}

void TestServerAudit::badPageParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const ApiResponse r =
        m_client->get(QStringLiteral("/api/v1/orgs/%1/audit?").arg(m_org.id) + query, m_org.owner.token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid-input"));
    QCOMPARE(r.errorField(), field);
}

void TestServerAudit::verifyPassesUntouched()
{
    QString out;
    QString err;
    QCOMPARE(m_server.command({QStringLiteral("audit"), QStringLiteral("verify")}, &out, &err), 0);
    QVERIFY2(out.contains(QLatin1String("all intact")), qPrintable(out + err));
    QVERIFY2(out.contains(m_org.id), qPrintable(out));
}

void TestServerAudit::verifyReportsTampering_data()
{
    QTest::addColumn<QString>("tampering");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("report");
    QTest::newRow("untouched") << QString() << 0 << QStringLiteral("9 entries and 3 checkpoints, intact");
    QTest::newRow("one byte of a stored entry changed")
        << QStringLiteral("entry-byte") << 1 << QStringLiteral("Entry 2 was changed");
    QTest::newRow("an entry deleted")
        << QStringLiteral("delete") << 1 << QStringLiteral("Entry 5 is missing");
    QTest::newRow("two entries swapped")
        << QStringLiteral("reorder") << 1 << QStringLiteral("Entry 4 holds entry 5");
    QTest::newRow("a checkpoint's signature changed")
        << QStringLiteral("checkpoint-signature") << 1
        << QStringLiteral("checkpoint at entry 3 has a bad signature");
    QTest::newRow("a checkpoint's head changed")
        << QStringLiteral("checkpoint-head") << 1
        << QStringLiteral("checkpoint at entry 6 does not match the log");
}

void TestServerAudit::verifyReportsTampering()
{
    QFETCH(QString, tampering);
    QFETCH(int, exitCode);
    QFETCH(QString, report);
    // Nine entries of the operator's (created, owner, domain, three blocks set and lifted),
    // checkpoints at 3, 6 and 9, in an organisation of the row's own.
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("T"),
                             QStringLiteral("--owner"), uniqueEmail("tampered")},
                            &orgId),
             0);
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--domain"), QStringLiteral("tampered.example.com")}),
             0);
    for (int i = 0; i < 3; ++i) {
        QString blockId;
        QCOMPARE(m_server.admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), orgId}, &blockId),
                 0);
        QCOMPARE(m_server.admin({QStringLiteral("unblock-sharing"), QStringLiteral("--org"), orgId,
                                 QStringLiteral("--block"), blockId}),
                 0);
    }
    const QString inOrg = QStringLiteral("org_id = '%1'").arg(orgId);
    auto at = [&inOrg](int seq) -> QString {
        return inOrg + QStringLiteral(" AND seq = %1").arg(seq);
    };
    auto flipFirstByte = [](QString hex) {
        const int value = hex.left(2).toInt(nullptr, 16) ^ 0x01;
        return hex.replace(0, 2, QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')));
    };
    if (tampering == QLatin1String("entry-byte")) {
        // One letter of the action's name ("owner.added" -> "pwner.added"): the entry still
        // reads, only the hash chain tells.
        QString hex = hexOf(m_server, QStringLiteral("entry"), QStringLiteral("audit_log"), at(2));
        const QString owner = QString::fromLatin1(QByteArray("owner").toHex());
        int letter = hex.indexOf(owner);
        while (letter > 0 && letter % 2 != 0) // a match across two bytes is no letter
            letter = hex.indexOf(owner, letter + 1);
        QVERIFY2(letter > 0, qPrintable(hex));
        hex.replace(letter, 2, QStringLiteral("70"));
        QVERIFY(setHex(m_server, QStringLiteral("audit_log"), QStringLiteral("entry"), hex, at(2)));
    } else if (tampering == QLatin1String("delete")) {
        QVERIFY(m_server.execSql(QStringLiteral("DELETE FROM audit_log WHERE ") + at(5)));
    } else if (tampering == QLatin1String("reorder")) {
        QVERIFY(m_server.execSql(QStringLiteral("UPDATE audit_log SET seq = -4 WHERE ") + at(4)));
        QVERIFY(m_server.execSql(QStringLiteral("UPDATE audit_log SET seq = 4 WHERE ") + at(5)));
        QVERIFY(m_server.execSql(QStringLiteral("UPDATE audit_log SET seq = 5 WHERE ") + at(-4)));
    } else if (tampering == QLatin1String("checkpoint-signature")) {
        const QString hex =
            hexOf(m_server, QStringLiteral("signature"), QStringLiteral("audit_checkpoints"), at(3));
        QCOMPARE(hex.size(), 128);
        QVERIFY(setHex(m_server, QStringLiteral("audit_checkpoints"), QStringLiteral("signature"),
                       flipFirstByte(hex), at(3)));
    } else if (tampering == QLatin1String("checkpoint-head")) {
        const QString hex =
            hexOf(m_server, QStringLiteral("head"), QStringLiteral("audit_checkpoints"), at(6));
        QCOMPARE(hex.size(), 64);
        QVERIFY(setHex(m_server, QStringLiteral("audit_checkpoints"), QStringLiteral("head"),
                       flipFirstByte(hex), at(6)));
    }
    QString out;
    QString err;
    const int code = m_server.command(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--org"), orgId}, &out, &err);
    QVERIFY2(code == exitCode, qPrintable(QStringLiteral("exit %1: %2 %3").arg(code).arg(out, err)));
    QVERIFY2(QString(out + err).contains(report, Qt::CaseInsensitive), qPrintable(out + err));
    QVERIFY((exitCode == 0 ? out : err).contains(orgId));
}

QTEST_GUILESS_MAIN(TestServerAudit)
#include "TestServerAudit.moc"
