// Who may call which invitation route: every route of the invitations area against every
// kind of caller of the access matrix (non-member, View, Edit, Manage, member of another
// organisation, blocked user, unverified user, expired session), one row per pair with the
// expected status and reason. Each row has its own folder, manager and invitation (to a
// third address), so no row's outcome depends on another's. The real binary, SQLite or
// PostgreSQL.
#include "InvitationSteps.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace ServerAccounts;
using namespace InvitationSteps;
using Principal = SharingFixture::Principal;

namespace {

struct InvitationRoute
{
    const char* method;
    const char* pattern;
    // Statuses for NonMember, View, Edit, Manage, OtherOrganisation; the pipeline decides for
    // Blocked (403 sharing-blocked), Unverified (403 email-unverified), ExpiredSession (401).
    int statuses[5];
};

const QList<InvitationRoute>& routes()
{
    static const QList<InvitationRoute> list{
        {"POST", "/api/v1/folders/{folderId}/invitations", {404, 403, 403, 201, 404}},
        {"GET", "/api/v1/folders/{folderId}/invitations", {404, 403, 403, 200, 404}},
        {"GET", "/api/v1/invitations/received", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/invitations/sent", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/invitations/{invitationId}", {404, 404, 404, 200, 404}},
        {"POST", "/api/v1/invitations/{invitationId}/accept", {404, 404, 404, 404, 404}},
        {"POST", "/api/v1/invitations/{invitationId}/decline", {404, 404, 404, 404, 404}},
        {"POST", "/api/v1/invitations/{invitationId}/cancel", {404, 404, 404, 200, 404}},
    };
    return list;
}

QString reasonFor(int status)
{
    switch (status) {
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not-found");
    default:
        return {};
    }
}

} // namespace

class TestInvitationAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void routeByPrincipal_data();
    void routeByPrincipal();
    void everyInvitationRouteListed();

private:
    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
};

void TestInvitationAccess::initTestCase()
{
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestInvitationAccess")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
}

void TestInvitationAccess::cleanupTestCase()
{
    m_server.stop();
}

void TestInvitationAccess::routeByPrincipal_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("principal");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    for (int r = 0; r < routes().size(); ++r) {
        const InvitationRoute& route = routes().at(r);
        for (const Principal who : SharingFixture::principals()) {
            const auto pipeline = SharingFixture::pipelineAnswer(who);
            const int status = pipeline ? pipeline->status : route.statuses[int(who)];
            const QString reason = pipeline ? pipeline->reason : reasonFor(status);
            QTest::addRow("%s %s as %s", route.method, route.pattern, SharingFixture::principalName(who))
                << r << int(who) << status << reason;
        }
    }
}

void TestInvitationAccess::routeByPrincipal()
{
    QFETCH(int, route);
    QFETCH(int, principal);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const InvitationRoute& r = routes().at(route);
    SharingUser manager = m_fx->user("manager");
    QVERIFY(manager.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    QVERIFY(folder.isValid());
    // An invitation to someone else, made before the caller exists (an expired session's
    // clock jump would end the manager's session too).
    Invite third;
    QCOMPARE(invite(*m_client, folder, manager, uniqueEmail("third", m_fx->orgDomain()), QUuid::createUuid(),
                    &third)
                 .status,
             201);
    SharingUser caller = m_fx->principal(Principal(principal), folder, manager);
    QVERIFY(caller.isValid());

    QString path = QString::fromLatin1(r.pattern);
    path.replace(QStringLiteral("{folderId}"), folder.idText());
    path.replace(QStringLiteral("{invitationId}"), third.id());
    QJsonObject body;
    if (path.endsWith(QLatin1String("/invitations")) && QByteArray(r.method) == "POST") {
        // The caller's own offer, as its client would make it.
        body = createBody(uniqueEmail("invited", m_fx->orgDomain()),
                          makeInvite(folder, caller, QUuid::createUuid()));
    } else if (path.endsWith(QLatin1String("/accept"))) {
        body = {{QStringLiteral("answer"), b64(answer(third, caller))}};
    }
    const ApiResponse answered = m_client->raw(
        r.method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), caller.token());
    QVERIFY2(
        answered.status == status,
        qPrintable(QStringLiteral("got %1: %2").arg(answered.status).arg(QString::fromUtf8(answered.raw))));
    if (!reason.isEmpty())
        QCOMPARE(answered.errorCode(), reason);
    // Only an allowed cancel changes the invitation.
    const ApiResponse after = m_client->get(third.path(), manager.token());
    if (after.status == 200) {
        const bool cancelled = QByteArray(r.pattern).endsWith("/cancel") && status == 200;
        QCOMPARE(after.json.value(QStringLiteral("status")).toString(),
                 cancelled ? QStringLiteral("cancelled") : QStringLiteral("pending"));
    }
}

void TestInvitationAccess::everyInvitationRouteListed()
{
    // Every route of the area the server registers is in the table above.
    QStringList listed;
    for (const InvitationRoute& r : routes())
        listed.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + QString::fromLatin1(r.pattern));
    int found = 0;
    for (const QString& line : SharingFixture::servedRoutes()) {
        if (!line.contains(QLatin1String("invitations")))
            continue;
        ++found;
        QVERIFY2(listed.contains(line), qPrintable(line + QStringLiteral(" is missing from routes()")));
    }
    QCOMPARE(found, routes().size());
}

QTEST_GUILESS_MAIN(TestInvitationAccess)
#include "TestInvitationAccess.moc"
