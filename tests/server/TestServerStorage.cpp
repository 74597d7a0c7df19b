// conclave-server's multi-step writes are all or nothing, and replicas starting together on
// one empty database all come up. The real binary, SQLite or PostgreSQL: a trigger planted
// in the server's database makes one step of a write fail, and the test shows that the
// steps before it were rolled back. The provoked failures are 500s by design; their logs go
// to folders named provoked-* which the log hygiene check exempts from its no-5xx rule.
#include "ServerAccounts.h"

#include <QJsonArray>
#include <QTest>

using namespace ServerAccounts;

namespace {

enum class Failing
{
    SessionDelete,
    VerifiedUpdate,
    SessionInsert,
    MemberInsert
};

// The statements that make `failing` raise an error on this backend, and undo it.
QStringList plantFailure(Failing failing)
{
    const char* event = failing == Failing::SessionDelete    ? "BEFORE DELETE ON sessions"
                        : failing == Failing::VerifiedUpdate ? "BEFORE UPDATE OF verified ON users"
                        : failing == Failing::MemberInsert   ? "BEFORE INSERT ON org_members"
                                                             : "BEFORE INSERT ON sessions";
    if (!ServerHarness::usePostgres()) {
        return {QStringLiteral("CREATE TRIGGER provoked %1 BEGIN SELECT RAISE(ABORT, 'provoked'); END")
                    .arg(QLatin1String(event))};
    }
    return {
        QStringLiteral("CREATE OR REPLACE FUNCTION provoked_failure() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'provoked'; END $$"),
        QStringLiteral("CREATE TRIGGER provoked %1 FOR EACH ROW EXECUTE FUNCTION provoked_failure()")
            .arg(QLatin1String(event))};
}

QString removeFailure(Failing failing)
{
    if (!ServerHarness::usePostgres())
        return QStringLiteral("DROP TRIGGER provoked");
    return failing == Failing::VerifiedUpdate ? QStringLiteral("DROP TRIGGER provoked ON users")
           : failing == Failing::MemberInsert ? QStringLiteral("DROP TRIGGER provoked ON org_members")
                                              : QStringLiteral("DROP TRIGGER provoked ON sessions");
}

} // namespace

class TestServerStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void blockIsAllOrNothing_data();
    void blockIsAllOrNothing();
    void passwordChangeIsAllOrNothing_data();
    void passwordChangeIsAllOrNothing();
    void organisationCreationIsAllOrNothing();
    void serversStartingTogetherAllComeUp();

private:
    bool plant(Failing failing);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
};

void TestServerStorage::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                        QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(m_server.start(QStringLiteral("provoked-failure")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
}

void TestServerStorage::cleanupTestCase()
{
    m_server.stop();
}

bool TestServerStorage::plant(Failing failing)
{
    for (const QString& statement : plantFailure(failing)) {
        if (!m_server.execSql(statement))
            return false;
    }
    return true;
}

void TestServerStorage::blockIsAllOrNothing_data()
{
    QTest::addColumn<int>("failing");
    QTest::newRow("second step fails: revoking the sessions") << int(Failing::SessionDelete);
    QTest::newRow("third step fails: clearing the verification") << int(Failing::VerifiedUpdate);
}

void TestServerStorage::blockIsAllOrNothing()
{
    QFETCH(int, failing);
    const QString ownerEmail = uniqueEmail("owner");
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Acme"),
                             QStringLiteral("--owner"), ownerEmail},
                            &orgId),
             0);
    const TestAccount owner = ready(*m_client, m_server, ownerEmail);
    const TestAccount member = ready(*m_client, m_server, uniqueEmail("member"));
    QVERIFY(!owner.token.isEmpty() && !member.token.isEmpty());
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--email"), member.email}),
             0);

    QVERIFY(plant(Failing(failing)));
    const QString blocks = QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks");
    const ApiResponse r = m_client->post(
        blocks, {{QStringLiteral("scope"), QStringLiteral("email")}, {QStringLiteral("value"), member.email}},
        owner.token);
    QVERIFY(m_server.execSql(removeFailure(Failing(failing))));
    QCOMPARE(r.status, 500);

    // Nothing of the block remains: no block row, the member's session alive and verified.
    const ApiResponse list = m_client->get(blocks, owner.token);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(QStringLiteral("blocks")).toArray().size(), 0);
    const ApiResponse account = m_client->get(QStringLiteral("/api/v1/account"), member.token);
    QCOMPARE(account.status, 200);
    QCOMPARE(account.json.value(QStringLiteral("verified")).toBool(), true);
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/sharing/status"), member.token).status, 200);
}

void TestServerStorage::passwordChangeIsAllOrNothing_data()
{
    QTest::addColumn<int>("failing");
    QTest::newRow("second step fails: revoking the sessions") << int(Failing::SessionDelete);
    QTest::newRow("third step fails: the new session") << int(Failing::SessionInsert);
}

void TestServerStorage::passwordChangeIsAllOrNothing()
{
    QFETCH(int, failing);
    TestAccount account = ready(*m_client, m_server, uniqueEmail("pw"));
    QVERIFY(!account.token.isEmpty());
    const QByteArray newKey = randomBytes(32);

    QVERIFY(plant(Failing(failing)));
    const ApiResponse r =
        m_client->put(QStringLiteral("/api/v1/account/password"),
                      {{QStringLiteral("currentAuthKey"), b64(account.authKey)},
                       {QStringLiteral("newAuthKey"), b64(newKey)},
                       {QStringLiteral("kdf"), kdf(randomBytes(16))},
                       {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}},
                      account.token);
    QVERIFY(m_server.execSql(removeFailure(Failing(failing))));
    QCOMPARE(r.status, 500);

    // The old password still signs in, the new one does not, the old session lives on.
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/account"), account.token).status, 200);
    TestAccount withNewKey = account;
    withNewKey.authKey = newKey;
    QVERIFY(!signIn(*m_client, withNewKey));
    QVERIFY(signIn(*m_client, account));
}

void TestServerStorage::organisationCreationIsAllOrNothing()
{
    QString before;
    QCOMPARE(m_server.admin({QStringLiteral("list-orgs")}, &before), 0);
    // The second step, the owner's membership, fails: no organisation without an owner.
    QVERIFY(plant(Failing::MemberInsert));
    QString errors;
    const int code =
        m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Orphan"),
                        QStringLiteral("--owner"), uniqueEmail("owner")},
                       nullptr, &errors);
    QVERIFY(m_server.execSql(removeFailure(Failing::MemberInsert)));
    QVERIFY(code != 0);
    QString after;
    QCOMPARE(m_server.admin({QStringLiteral("list-orgs")}, &after), 0);
    QCOMPARE(after, before);
}

void TestServerStorage::serversStartingTogetherAllComeUp()
{
    // Four replicas launched at once on one empty database: each migrates or finds the
    // schema migrated, none fails on the other's half-created tables.
    constexpr int kReplicas = 4;
    std::vector<std::unique_ptr<ServerHarness>> replicas;
    for (int i = 0; i < kReplicas; ++i) {
        auto replica = std::make_unique<ServerHarness>();
        if (i == 0)
            QVERIFY(replica->prepareStorage());
        else
            replica->useStorageOf(*replicas.front());
        replicas.push_back(std::move(replica));
    }
    for (auto& replica : replicas)
        QVERIFY(replica->launch(QStringLiteral("TestServerStorage-replica")));
    for (auto& replica : replicas) {
        QVERIFY(replica->waitUntilUp());
        ApiClient client(replica->baseUrl());
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
    }
    // And they share one schema: an account made through one is seen through another.
    ApiClient first(replicas.front()->baseUrl());
    const TestAccount account = signUp(first, uniqueEmail("replica"));
    QVERIFY(!account.userId.isEmpty());
    ApiClient last(replicas.back()->baseUrl());
    const ApiResponse duplicate =
        last.post(QStringLiteral("/api/v1/accounts"),
                  {{QStringLiteral("email"), account.email},
                   {QStringLiteral("name"), QStringLiteral("Again")},
                   {QStringLiteral("authKey"), b64(randomBytes(32))},
                   {QStringLiteral("kdf"), kdf(randomBytes(16))},
                   {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}});
    QCOMPARE(duplicate.status, 409);
}

QTEST_GUILESS_MAIN(TestServerStorage)
#include "TestServerStorage.moc"
