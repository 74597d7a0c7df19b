// Who may call what on shared folders: every folder route of conclave-server against every
// kind of caller of SharingFixture::Principal, one row per (route, principal) with the
// expected status and reason, each on a fresh folder with a fresh caller. A non-member and a
// member of another organisation learn nothing (404), a member below the route's role gets
// 403 forbidden, a blocked user 403 sharing-blocked, an unverified one 403 email-unverified,
// an expired session 401. SQLite, or PostgreSQL under CONCLAVE_TEST_SERVER_STORAGE=postgres.
#include "SharingFixture.h"

#include "core/crypto/MembershipLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace ServerAccounts;
using namespace Conclave::Core;
using Principal = SharingFixture::Principal;

namespace {

enum class Needs
{
    Sharing, // RouteAccess::Sharing: no folder in the path
    View,
    Edit,
    Manage,
};

struct FolderRoute
{
    const char* method;
    const char* pattern;
    Needs needs;
    int okStatus; // what an allowed caller gets for the request the test sends
};

const QList<FolderRoute>& folderRoutes()
{
    static const QList<FolderRoute> routes{
        {"POST", "/api/v1/folders", Needs::Sharing, 201},
        {"GET", "/api/v1/folders", Needs::Sharing, 200},
        {"GET", "/api/v1/folders/{folderId}", Needs::View, 200},
        {"DELETE", "/api/v1/folders/{folderId}", Needs::Manage, 200},
        {"POST", "/api/v1/folders/{folderId}/restore", Needs::Manage, 200},
        {"GET", "/api/v1/folders/{folderId}/log", Needs::View, 200},
        {"POST", "/api/v1/folders/{folderId}/log", Needs::View, 201},
        {"GET", "/api/v1/folders/{folderId}/grants", Needs::View, 200},
        {"POST", "/api/v1/folders/{folderId}/grants", Needs::Manage, 201},
        {"GET", "/api/v1/folders/{folderId}/items", Needs::View, 200},
        {"POST", "/api/v1/folders/{folderId}/items", Needs::Edit, 201},
        {"GET", "/api/v1/folders/{folderId}/items/{itemId}", Needs::View, 200},
        {"PUT", "/api/v1/folders/{folderId}/items/{itemId}", Needs::Edit, 200},
        {"POST", "/api/v1/folders/{folderId}/rotation", Needs::Manage, 200},
        {"GET", "/api/v1/folders/{folderId}/audit", Needs::Manage, 200},
        {"GET", "/api/v1/folders/{folderId}/items/{itemId}/audit", Needs::Manage, 200},
    };
    return routes;
}

bool allows(Principal who, Needs needs)
{
    switch (who) {
    case Principal::View:
        return needs == Needs::View;
    case Principal::Edit:
        return needs == Needs::View || needs == Needs::Edit;
    case Principal::Manage:
        return true;
    default:
        return false;
    }
}

} // namespace

class TestSharingAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void routeByPrincipal_data();
    void routeByPrincipal();
    void folderRoutesAreAllListed();

private:
    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
};

void TestSharingAccess::initTestCase()
{
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestSharingAccess")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
}

void TestSharingAccess::cleanupTestCase()
{
    m_server.stop();
}

void TestSharingAccess::routeByPrincipal_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("principal");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    for (int r = 0; r < folderRoutes().size(); ++r) {
        const FolderRoute& route = folderRoutes().at(r);
        for (const Principal who : SharingFixture::principals()) {
            int status = route.okStatus;
            QString reason;
            if (const auto pipeline = SharingFixture::pipelineAnswer(who)) {
                status = pipeline->status;
                reason = pipeline->reason;
            } else if (route.needs == Needs::Sharing) {
                // Creating in an organisation one is not a member of is refused on the field.
                if (who == Principal::OtherOrganisation && QByteArray(route.method) == "POST") {
                    status = 403;
                    reason = QStringLiteral("forbidden");
                }
            } else if (who == Principal::NonMember || who == Principal::OtherOrganisation) {
                status = 404;
                reason = QStringLiteral("not-found");
            } else if (!allows(who, route.needs)) {
                status = 403;
                reason = QStringLiteral("forbidden");
            }
            QTest::addRow("%s %s as %s", route.method, route.pattern, SharingFixture::principalName(who))
                << r << int(who) << status << reason;
        }
    }
}

void TestSharingAccess::routeByPrincipal()
{
    QFETCH(int, route);
    QFETCH(int, principal);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const FolderRoute& r = folderRoutes().at(route);
    const auto who = Principal(principal);
    const QByteArray method(r.method);
    const QString pattern = QString::fromLatin1(r.pattern);

    // A fresh folder with one item, then the caller.
    SharingUser creator = m_fx->user("creator");
    QVERIFY(creator.isValid());
    SharedFolder folder = m_fx->createFolder(creator);
    QVERIFY(folder.isValid());
    const QUuid item = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(folder, creator, item, "shared connection").status, 201);
    SharingUser caller = m_fx->principal(who, folder, creator);
    QVERIFY(caller.isValid());
    QVERIFY(m_fx->signInAgain(creator)); // an expiry set up for the caller ended this session too
    const bool allowed = status == r.okStatus && who != Principal::OtherOrganisation;
    if (pattern.endsWith(QLatin1String("/restore")))
        QCOMPARE(m_client->del(folder.path(), creator.token()).status, 200);

    QString path = pattern;
    path.replace(QStringLiteral("{folderId}"), folder.idText());
    path.replace(QStringLiteral("{itemId}"), item.toString(QUuid::WithoutBraces));
    // The request an allowed caller makes; the others send the same kind of body.
    QJsonObject body;
    if (pattern == QLatin1String("/api/v1/folders") && method == "POST") {
        const QUuid id = QUuid::createUuid();
        body = {{QStringLiteral("orgId"), m_fx->orgId()},
                {QStringLiteral("folderId"), id.toString(QUuid::WithoutBraces)},
                {QStringLiteral("entry"),
                 b64(MembershipLog::create(id, caller.id(), *caller.keys, SecureBytes::random(32), 1)
                         .serialize())}};
    } else if (pattern.endsWith(QLatin1String("/log")) && method == "POST") {
        // A member's own leave is open to every role.
        body = {{QStringLiteral("entry"),
                 b64(m_fx->nextEntry(folder, MembershipAction::Leave, caller, &caller).serialize())}};
    } else if (pattern.endsWith(QLatin1String("/grants")) && method == "POST") {
        const SharingUser& granter = allowed ? caller : creator;
        body = {{QStringLiteral("grants"), QJsonArray{b64(m_fx->grant(folder, granter, creator.id()))}}};
    } else if (pattern.endsWith(QLatin1String("/items")) && method == "POST") {
        body = m_fx->writeBody(folder, caller, m_fx->seal(folder, caller, QUuid::createUuid(), "new"));
    } else if (method == "PUT") {
        body = m_fx->writeBody(folder, caller, m_fx->seal(folder, caller, item, "changed"));
    } else if (pattern.endsWith(QLatin1String("/rotation"))) {
        const SharingUser& rotator = allowed ? caller : creator;
        auto rotation = m_fx->prepareRotation(folder, rotator);
        QVERIFY(rotation);
        body = rotation->body;
    }
    const ApiResponse answer = m_client->raw(
        method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), caller.token());
    QVERIFY2(answer.status == status,
             qPrintable(QStringLiteral("got %1: %2").arg(answer.status).arg(QString::fromUtf8(answer.raw))));
    if (!reason.isEmpty())
        QCOMPARE(answer.errorCode(), reason);
    if (status == 401)
        QVERIFY(answer.header("WWW-Authenticate").startsWith("Bearer"));
    if (reason == QLatin1String("sharing-blocked")) {
        // The admin's words, machine-readable beside the code, for the client to show.
        QCOMPARE(
            answer.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toString(),
            SharingFixture::blockReason());
    }
    if (status == 404 || status == 403) {
        // A refused caller learns nothing of the folder: no id, entry or envelope in the answer.
        QVERIFY(!answer.raw.contains(folder.idText().toLatin1()));
        QVERIFY(!answer.raw.contains(b64(folder.entries.first()).toLatin1()));
        // Nor who its members are: their addresses are for the folder's members only.
        QVERIFY(!answer.raw.contains(creator.account.email.toUtf8()));
    }
    if (status == 200 && method == "GET" &&
        (pattern == QLatin1String("/api/v1/folders/{folderId}") ||
         pattern.endsWith(QLatin1String("/audit")))) {
        // A member reads the members' and the actors' addresses, as the client shows them.
        QVERIFY2(answer.raw.contains(creator.account.email.toUtf8()), answer.raw.constData());
    }
}

void TestSharingAccess::folderRoutesAreAllListed()
{
    QStringList listed;
    for (const FolderRoute& r : folderRoutes())
        listed.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + QString::fromLatin1(r.pattern));
    int folderRoutesServed = 0;
    for (const QString& route : SharingFixture::servedRoutes()) {
        if (!route.section(QLatin1Char(' '), 1).startsWith(QLatin1String("/api/v1/folders")))
            continue;
        // A folder's invitations have their own table (TestInvitationAccess).
        if (route.endsWith(QLatin1String("/invitations")))
            continue;
        ++folderRoutesServed;
        QVERIFY2(listed.contains(route),
                 qPrintable(route + QStringLiteral(" is missing from folderRoutes()")));
    }
    QCOMPARE(folderRoutesServed, int(folderRoutes().size()));
}

QTEST_GUILESS_MAIN(TestSharingAccess)
#include "TestSharingAccess.moc"
