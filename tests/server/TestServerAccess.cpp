// Who may call what: every protected route of conclave-server against every kind of caller,
// one row per (route, principal) with the expected status and reason, so a route that loses
// its check — or an organisation-admin check that forgets the verified address — fails here.
// Also the rules whose variants need their own rows: rate limits per key, each block scope,
// percent-escapes in either letter case. The real binary, SQLite or PostgreSQL.
#include "ServerAccounts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace ServerAccounts;

namespace {

enum class Principal
{
    Anonymous,
    ExpiredSession,
    Unverified,
    VerifiedMember,
    AdminOfOtherOrg,
    OrgAdmin,
    Owner
};

const char* principalName(Principal p)
{
    switch (p) {
    case Principal::Anonymous:
        return "anonymous";
    case Principal::ExpiredSession:
        return "expired session";
    case Principal::Unverified:
        return "unverified admin";
    case Principal::VerifiedMember:
        return "verified member";
    case Principal::AdminOfOtherOrg:
        return "admin of another org";
    case Principal::OrgAdmin:
        return "org admin";
    case Principal::Owner:
        return "owner";
    }
    return "?";
}

enum class Access
{
    SignedIn,
    Sharing,
    OrgAdmin
};

struct ProtectedRoute
{
    const char* method;
    const char* pattern;
    Access access;
    int okStatus; // what a caller with the right access gets for the request the test sends
};

// Every route that needs a session, with the answer an allowed caller gets to the request
// built in routeRequest(). TestServerOpenApi keeps the route list itself in step with the
// server; protectedRoutesAreAllListed() keeps this table in step with it.
const QList<ProtectedRoute>& protectedRoutes()
{
    static const QList<ProtectedRoute> routes{
        {"GET", "/api/v1/sessions", Access::SignedIn, 200},
        {"DELETE", "/api/v1/sessions/current", Access::SignedIn, 200},
        {"DELETE", "/api/v1/sessions/{sessionId}", Access::SignedIn, 404},
        {"GET", "/api/v1/account", Access::SignedIn, 200},
        {"PUT", "/api/v1/account/password", Access::SignedIn, 200},
        {"PUT", "/api/v1/account/keys", Access::SignedIn, 400},
        {"POST", "/api/v1/keys/lookup", Access::Sharing, 404},
        {"GET", "/api/v1/sharing/status", Access::Sharing, 200},
        {"GET", "/api/v1/orgs", Access::SignedIn, 200},
        {"GET", "/api/v1/orgs/{orgId}/blocks", Access::OrgAdmin, 200},
        {"POST", "/api/v1/orgs/{orgId}/blocks", Access::OrgAdmin, 201},
        {"DELETE", "/api/v1/orgs/{orgId}/blocks/{blockId}", Access::OrgAdmin, 404},
        // Changes feed and live updates (a plain GET of the live address is 400: no upgrade).
        {"GET", "/api/v1/feed", Access::Sharing, 200},
        {"GET", "/api/v1/live", Access::Sharing, 400},
    };
    return routes;
}

} // namespace

class TestServerAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void routeByPrincipal_data();
    void routeByPrincipal();
    void protectedRoutesAreAllListed();
    void blockScopes_data();
    void blockScopes();
    void failedLoginsLimited_data();
    void failedLoginsLimited();
    void percentEscapesInPath_data();
    void percentEscapesInPath();

private:
    // A fresh caller of the kind; its token is empty for Anonymous.
    TestAccount principal(Principal kind);
    QString createOrg(const QString& ownerEmail);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_orgDomain; // addresses of members the admins may block
    QString m_orgId;     // the organisation of the routes' {orgId}
    QString m_otherOrgId;
};

void TestServerAccess::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                        QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(m_server.start(QStringLiteral("TestServerAccess")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_orgDomain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com");
    m_orgId = createOrg(uniqueEmail("founder", m_orgDomain));
    m_otherOrgId = createOrg(uniqueEmail("elsewhere"));
    QVERIFY(!m_orgId.isEmpty() && !m_otherOrgId.isEmpty());
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--domain"), m_orgDomain}),
             0);
}

void TestServerAccess::cleanupTestCase()
{
    m_server.stop();
}

QString TestServerAccess::createOrg(const QString& ownerEmail)
{
    QString orgId;
    if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                        QStringLiteral("--owner"), ownerEmail},
                       &orgId) != 0)
        return {};
    return orgId;
}

TestAccount TestServerAccess::principal(Principal kind)
{
    auto addAs = [this](const QString& org, const QString& email, const char* role) {
        return m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), org,
                               QStringLiteral("--email"), email, QStringLiteral("--role"),
                               QString::fromLatin1(role)}) == 0;
    };
    switch (kind) {
    case Principal::Anonymous:
        return TestAccount{uniqueEmail("anon"), randomBytes(32), {}, {}, {}, {}};
    case Principal::ExpiredSession: {
        // An admin in every other respect: only the expiry may stop it.
        const QString email = uniqueEmail("expired");
        if (!addAs(m_orgId, email, "admin"))
            return {};
        TestAccount account = ready(*m_client, m_server, email);
        m_server.advanceClock(16LL * 60 * 1000);
        return account;
    }
    case Principal::Unverified: {
        // An admin by address who never proved the address.
        const QString email = uniqueEmail("unverified");
        if (!addAs(m_orgId, email, "admin"))
            return {};
        return ready(*m_client, m_server, email, false);
    }
    case Principal::VerifiedMember:
        return ready(*m_client, m_server, uniqueEmail("member", m_orgDomain));
    case Principal::AdminOfOtherOrg: {
        const QString email = uniqueEmail("otheradmin");
        if (!addAs(m_otherOrgId, email, "admin"))
            return {};
        return ready(*m_client, m_server, email);
    }
    case Principal::OrgAdmin: {
        const QString email = uniqueEmail("admin");
        if (!addAs(m_orgId, email, "admin"))
            return {};
        return ready(*m_client, m_server, email);
    }
    case Principal::Owner: {
        const QString email = uniqueEmail("owner");
        if (!addAs(m_orgId, email, "owner"))
            return {};
        return ready(*m_client, m_server, email);
    }
    }
    return {};
}

void TestServerAccess::routeByPrincipal_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("principal");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    for (int r = 0; r < protectedRoutes().size(); ++r) {
        const ProtectedRoute& route = protectedRoutes().at(r);
        for (int p = int(Principal::Anonymous); p <= int(Principal::Owner); ++p) {
            const auto who = Principal(p);
            int status = route.okStatus;
            QString reason;
            if (who == Principal::Anonymous || who == Principal::ExpiredSession) {
                status = 401;
                reason = QStringLiteral("unauthenticated");
            } else if (who == Principal::Unverified && route.access != Access::SignedIn) {
                status = 403;
                reason = QStringLiteral("email-unverified");
            } else if ((who == Principal::VerifiedMember || who == Principal::AdminOfOtherOrg) &&
                       route.access == Access::OrgAdmin) {
                status = 403;
                reason = QStringLiteral("not-org-admin");
            }
            QTest::addRow("%s %s as %s", route.method, route.pattern, principalName(who))
                << r << p << status << reason;
        }
    }
}

void TestServerAccess::routeByPrincipal()
{
    QFETCH(int, route);
    QFETCH(int, principal);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const ProtectedRoute& r = protectedRoutes().at(route);
    const auto who = Principal(principal);
    TestAccount caller = this->principal(who);
    QVERIFY(!caller.email.isEmpty());
    QVERIFY(who == Principal::Anonymous || !caller.token.isEmpty());

    QString path = QString::fromLatin1(r.pattern);
    path.replace(QStringLiteral("{orgId}"), m_orgId);
    path.replace(QStringLiteral("{sessionId}"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    path.replace(QStringLiteral("{blockId}"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    QJsonObject body;
    if (path.endsWith(QLatin1String("/password"))) {
        body = {{QStringLiteral("currentAuthKey"), b64(caller.authKey)},
                {QStringLiteral("newAuthKey"), b64(randomBytes(32))},
                {QStringLiteral("kdf"), kdf(randomBytes(16))},
                {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}};
    } else if (path.endsWith(QLatin1String("/keys"))) {
        body = {{QStringLiteral("bundle"), b64(randomBytes(100))},
                {QStringLiteral("wrappedPrivateKeys"), b64(randomBytes(120))}};
    } else if (path.endsWith(QLatin1String("/lookup"))) {
        body = {{QStringLiteral("email"), uniqueEmail("nobody")}};
    } else if (path.endsWith(QLatin1String("/blocks")) && QByteArray(r.method) == "POST") {
        body = {{QStringLiteral("scope"), QStringLiteral("email")},
                {QStringLiteral("value"), uniqueEmail("blocked", m_orgDomain)}};
    }
    const ApiResponse answer = m_client->raw(
        r.method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), caller.token);
    QVERIFY2(answer.status == status,
             qPrintable(QStringLiteral("got %1: %2").arg(answer.status).arg(QString::fromUtf8(answer.raw))));
    if (!reason.isEmpty())
        QCOMPARE(answer.errorCode(), reason);
    if (status == 401)
        QVERIFY(answer.header("WWW-Authenticate").startsWith("Bearer"));
}

void TestServerAccess::protectedRoutesAreAllListed()
{
    // Every route the server has, other than these anonymous ones, must be in the table.
    static const QStringList anonymous{
        QStringLiteral("GET /healthz"),
        QStringLiteral("GET /api/v1/server"),
        QStringLiteral("POST /api/v1/accounts"),
        QStringLiteral("POST /api/v1/accounts/verify"),
        QStringLiteral("POST /api/v1/accounts/verify/resend"),
        QStringLiteral("POST /api/v1/accounts/prelogin"),
        QStringLiteral("POST /api/v1/sessions"),
    };
    QProcess routes;
    routes.start(ServerHarness::binary(), {QStringLiteral("routes")});
    QVERIFY(routes.waitForFinished(20000));
    QStringList listed;
    for (const ProtectedRoute& r : protectedRoutes())
        listed.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + QString::fromLatin1(r.pattern));
    for (const QString& line : QString::fromUtf8(routes.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QString route = line.trimmed();
        if (route.isEmpty() || anonymous.contains(route))
            continue;
        // Shared folders have their own route x principal table (TestSharingAccess).
        if (route.section(QLatin1Char(' '), 1).startsWith(QLatin1String("/api/v1/folders")))
            continue;
        QVERIFY2(listed.contains(route),
                 qPrintable(route + QStringLiteral(" is missing from protectedRoutes()")));
    }
}

void TestServerAccess::blockScopes_data()
{
    QTest::addColumn<QString>("scope");
    QTest::newRow("organisation") << QStringLiteral("organisation");
    QTest::newRow("email") << QStringLiteral("email");
    QTest::newRow("domain") << QStringLiteral("domain");
}

void TestServerAccess::blockScopes()
{
    QFETCH(QString, scope);
    // A fresh organisation per row, so one row's block cannot cover the next row's users.
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.net");
    const QString ownerEmail = uniqueEmail("owner", domain);
    const QString orgId = createOrg(ownerEmail);
    QVERIFY(!orgId.isEmpty());
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--domain"), domain}),
             0);
    const TestAccount owner = ready(*m_client, m_server, ownerEmail);
    TestAccount covered = ready(*m_client, m_server, uniqueEmail("covered", domain));
    const TestAccount outsider = ready(*m_client, m_server, uniqueEmail("outsider"));
    QVERIFY(!owner.token.isEmpty() && !covered.token.isEmpty() && !outsider.token.isEmpty());

    QJsonObject body{{QStringLiteral("scope"), scope}};
    if (scope == QLatin1String("email"))
        body.insert(QStringLiteral("value"), covered.email);
    else if (scope == QLatin1String("domain"))
        body.insert(QStringLiteral("value"), domain);
    // The owner is in the blocked domain too, and never covered: owners and admins keep the
    // right to lift what they set.
    const ApiResponse r = m_client->post(QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks"),
                                         body, owner.token);
    QVERIFY2(r.status == 201, r.raw.constData());
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/sharing/status"), owner.token).status, 200);

    // The covered user's session ended; signed in again, every sharing request is refused.
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/account"), covered.token).status, 401);
    QVERIFY(signIn(*m_client, covered));
    const ApiResponse status = m_client->get(QStringLiteral("/api/v1/sharing/status"), covered.token);
    QCOMPARE(status.status, 403);
    QCOMPARE(status.errorCode(), QStringLiteral("sharing-blocked"));
    // Someone outside the organisation is untouched by any scope.
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/sharing/status"), outsider.token).status, 200);
}

void TestServerAccess::failedLoginsLimited_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("trustProxy");
    QTest::newRow("per account: one account, wrong passwords") << QStringLiteral("account") << false;
    QTest::newRow("per address: many accounts, one address") << QStringLiteral("address") << false;
    QTest::newRow("per address behind a trusted proxy: X-Real-IP counts")
        << QStringLiteral("forwarded") << true;
    QTest::newRow("X-Real-IP ignored unless the proxy is trusted") << QStringLiteral("forwarded") << false;
}

void TestServerAccess::failedLoginsLimited()
{
    QFETCH(QString, key);
    QFETCH(bool, trustProxy);
    // Its own server with small budgets: 3 failures per account, 5 per address.
    ServerHarness server;
    server.setConfig({QStringLiteral("[server]"),
                      QStringLiteral("trustForwardedFor=") +
                          (trustProxy ? QStringLiteral("true") : QStringLiteral("false")),
                      QStringLiteral("[limits]"), QStringLiteral("loginPerAccount=3"),
                      QStringLiteral("loginPerAddress=5"), QStringLiteral("signupPerAddress=10000"),
                      QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(server.start(QStringLiteral("TestServerAccess-limits")));
    ApiClient client(server.baseUrl());
    QList<TestAccount> accounts;
    for (int i = 0; i < 7; ++i) {
        accounts.append(ready(client, server, uniqueEmail("limited")));
        QVERIFY(!accounts.last().token.isEmpty());
    }
    // A sign-in sent byte for byte, optionally with the header nginx sets.
    auto login = [&](const TestAccount& account, const QByteArray& authKey, const QByteArray& realIp) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("email"), account.email},
                                                          {QStringLiteral("authKey"), b64(authKey)}})
                                    .toJson(QJsonDocument::Compact);
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        if (!socket.waitForConnected(5000))
            return QByteArray();
        socket.write("POST /api/v1/sessions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" +
                     (realIp.isEmpty() ? QByteArray() : "X-Real-IP: " + realIp + "\r\n") +
                     "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                     body);
        QByteArray answer;
        (void)QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains('}');
            },
            10000);
        return answer.left(12).mid(9); // the status code
    };
    if (key == QLatin1String("account")) {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(accounts.at(0), randomBytes(32), {}), QByteArray("401"));
        // The account is locked for now, even with its right password; others are not.
        QCOMPARE(login(accounts.at(0), accounts.at(0).authKey, {}), QByteArray("429"));
        QCOMPARE(login(accounts.at(1), accounts.at(1).authKey, {}), QByteArray("201"));
    } else if (key == QLatin1String("address")) {
        // Failures spread over three accounts: under every account's budget, over the address's.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(accounts.at(i / 2), randomBytes(32), {}), QByteArray("401"));
        QCOMPARE(login(accounts.at(6), accounts.at(6).authKey, {}), QByteArray("429"));
    } else {
        // Five failures "from" 203.0.113.7, then the right password "from" 203.0.113.8.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(accounts.at(i / 2), randomBytes(32), "203.0.113.7"), QByteArray("401"));
        QCOMPARE(login(accounts.at(6), accounts.at(6).authKey, "203.0.113.7"), QByteArray("429"));
        // Behind a trusted proxy another client has its own budget; otherwise the header is
        // the client's own claim and everybody shares the connection's address.
        QCOMPARE(login(accounts.at(5), accounts.at(5).authKey, "203.0.113.8"),
                 trustProxy ? QByteArray("201") : QByteArray("429"));
    }
}

void TestServerAccess::percentEscapesInPath_data()
{
    QTest::addColumn<QString>("escape");
    QTest::newRow("upper case %2D") << QStringLiteral("%2D");
    QTest::newRow("lower case %2d") << QStringLiteral("%2d");
}

void TestServerAccess::percentEscapesInPath()
{
    QFETCH(QString, escape);
    TestAccount account = ready(*m_client, m_server, uniqueEmail("escape"));
    const ApiResponse sessions = m_client->get(QStringLiteral("/api/v1/sessions"), account.token);
    const QString sessionId = sessions.json.value(QStringLiteral("sessions"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
    QVERIFY(sessionId.contains(QLatin1Char('-')));
    // Sent byte for byte (no client library normalising the escapes on the way).
    const QByteArray path = QStringLiteral("/api/v1/sessions/").toLatin1() +
                            QString(sessionId).replace(QLatin1Char('-'), escape).toLatin1();
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("DELETE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 account.token.toLatin1() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") && answer.contains('}');
        },
        10000));
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    // The session named by the escaped id is the one that ended.
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/account"), account.token).status, 401);
}

QTEST_GUILESS_MAIN(TestServerAccess)
#include "TestServerAccess.moc"
