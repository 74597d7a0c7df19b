// The audit of shared folders against the real server, on SQLite and PostgreSQL: every write
// to a folder and its items lands in the folder's or the item's history with the writer's
// user id and the revision, refused writes (no right, a stale folder state) with their
// reason, reads of shared items as one entry per request; every entry is in the
// organisation's log too. Every audit route x principal: only the folder's managers read a
// folder's histories, only the organisation's admins its log.
#include "SharingFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace ServerAccounts;
using namespace Conclave::Core;

namespace {

struct AuditRoute
{
    const char* method;
    const char* pattern;
    bool orgAdmin; // an organisation route (owners and admins) rather than a folder's (managers)
};

const QList<AuditRoute>& auditRoutes()
{
    static const QList<AuditRoute> routes{
        {"GET", "/api/v1/folders/{folderId}/audit", false},
        {"GET", "/api/v1/folders/{folderId}/items/{itemId}/audit", false},
        {"GET", "/api/v1/orgs/{orgId}/audit", true},
        {"POST", "/api/v1/orgs/{orgId}/audit/checkpoints", true},
    };
    return routes;
}

// "action by user" for each entry of an answer's list, newest first.
QStringList described(const QJsonArray& entries)
{
    QStringList lines;
    for (const QJsonValue& v : entries) {
        const QJsonObject e = v.toObject();
        QString line = e.value(QStringLiteral("action")).toString() + QStringLiteral(" by ") +
                       e.value(QStringLiteral("userId")).toString();
        if (e.value(QStringLiteral("outcome")).toString() == QLatin1String("refused"))
            line += QStringLiteral(" refused ") + e.value(QStringLiteral("reason")).toString();
        lines.append(line);
    }
    return lines;
}

} // namespace

class TestSharingAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void writesAndReadsRecorded();
    void rotationRecorded();
    void refusedWritesRecorded_data();
    void refusedWritesRecorded();
    void historyRouteByPrincipal_data();
    void historyRouteByPrincipal();

private:
    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
    SharingUser m_manager;
    SharedFolder m_folder; // of the access matrix, with one item
    QUuid m_item;
};

void TestSharingAudit::initTestCase()
{
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestSharingAudit")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
    m_manager = m_fx->user("matrix");
    m_folder = m_fx->createFolder(m_manager);
    QVERIFY(m_folder.isValid());
    m_item = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(m_folder, m_manager, m_item, "item").status, 201);
}

void TestSharingAudit::cleanupTestCase()
{
    m_server.stop();
}

void TestSharingAudit::writesAndReadsRecorded()
{
    const SharingUser alice = m_fx->user("alice");
    SharedFolder folder = m_fx->createFolder(alice);
    QVERIFY(folder.isValid());
    const SharingUser bob = m_fx->user("bob");
    QCOMPARE(m_fx->addMember(folder, alice, bob, FolderRole::Edit).status, 201);
    const QUuid item = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(folder, bob, item, "one").status, 201);
    QCOMPARE(m_fx->writeItem(folder, bob, item, "two").status, 200);
    const QString itemPath = QStringLiteral("/items/") + item.toString(QUuid::WithoutBraces);
    QCOMPARE(m_client->get(folder.path(QStringLiteral("/items")), bob.token()).status, 200);
    // A poll that finds nothing new read nothing: no entry.
    const ApiResponse poll = m_client->get(folder.path(QStringLiteral("/items?sinceState=2")), bob.token());
    QCOMPARE(poll.status, 200);
    QVERIFY(poll.json.value(QStringLiteral("items")).toArray().isEmpty());
    QCOMPARE(m_client->get(folder.path(itemPath), bob.token()).status, 200);

    const ApiResponse history = m_client->get(folder.path(QStringLiteral("/audit")), alice.token());
    QCOMPARE(history.status, 200);
    const QString a = alice.account.userId;
    const QString b = bob.account.userId;
    QCOMPARE(described(history.json.value(QStringLiteral("entries")).toArray()),
             (QStringList{QStringLiteral("member.added by ") + a, QStringLiteral("folder.created by ") + a}));
    // One entry per read request, not per item: a first sync of 10,000 items costs one per page.
    QCOMPARE(described(history.json.value(QStringLiteral("reads")).toArray()),
             QStringList{QStringLiteral("items.read by ") + b});
    const QJsonObject added = history.json.value(QStringLiteral("entries")).toArray().at(0).toObject();
    QCOMPARE(added.value(QStringLiteral("revision")).toInteger(), qint64(1)); // the log entry's sequence
    // Each entry names its actor by address too, as the history dialogs show it.
    QCOMPARE(added.value(QStringLiteral("actorEmail")).toString(), alice.account.email);
    QCOMPARE(history.json.value(QStringLiteral("reads"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("actorEmail")),
             QJsonValue(bob.account.email));

    const ApiResponse itemHistory =
        m_client->get(folder.path(itemPath + QStringLiteral("/audit")), alice.token());
    QCOMPARE(itemHistory.status, 200);
    const QJsonArray entries = itemHistory.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(described(entries),
             (QStringList{QStringLiteral("item.read by ") + b, QStringLiteral("item.updated by ") + b,
                          QStringLiteral("item.created by ") + b}));
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("revision")).toInteger(), qint64(2));
    QCOMPARE(entries.at(2).toObject().value(QStringLiteral("revision")).toInteger(), qint64(1));
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("actorEmail")).toString(), bob.account.email);

    // The same entries are in the organisation's log, which its admins read.
    const QString adminEmail = uniqueEmail("orgadmin", m_fx->orgDomain());
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), m_fx->orgId(),
                             QStringLiteral("--email"), adminEmail, QStringLiteral("--role"),
                             QStringLiteral("admin")}),
             0);
    const TestAccount admin = ready(*m_client, m_server, adminEmail);
    QStringList inLog;
    qint64 after = 0;
    for (int guard = 0; guard < 100; ++guard) {
        const ApiResponse page = m_client->get(
            QStringLiteral("/api/v1/orgs/%1/audit?after=%2&limit=500").arg(m_fx->orgId()).arg(after),
            admin.token);
        QCOMPARE(page.status, 200);
        for (const QJsonValue& v : page.json.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("objectId")).toString() == item.toString(QUuid::WithoutBraces)) {
                inLog.append(e.value(QStringLiteral("action")).toString());
                QCOMPARE(e.value(QStringLiteral("actorEmail")).toString(), bob.account.email);
            }
        }
        if (page.json.value(QStringLiteral("next")).isNull())
            break;
        after = page.json.value(QStringLiteral("next")).toInteger();
    }
    QCOMPARE(inLog, (QStringList{QStringLiteral("item.created"), QStringLiteral("item.updated"),
                                 QStringLiteral("item.read")}));
}

void TestSharingAudit::rotationRecorded()
{
    const SharingUser manager = m_fx->user("rotator");
    SharedFolder folder = m_fx->createFolder(manager);
    const SharingUser leaver = m_fx->user("removed");
    QCOMPARE(m_fx->addMember(folder, manager, leaver, FolderRole::View).status, 201);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "item").status, 201);
    const ApiResponse rotated = m_fx->rotate(folder, manager, &leaver);
    QVERIFY2(rotated.status == 200, rotated.raw.constData());

    const ApiResponse history = m_client->get(folder.path(QStringLiteral("/audit")), manager.token());
    QCOMPARE(history.status, 200);
    const QString m = manager.account.userId;
    // The remove and the rotate of the one request, each with its log position.
    const QJsonArray entries = history.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(described(entries).mid(0, 2),
             (QStringList{QStringLiteral("key.rotated by ") + m, QStringLiteral("member.removed by ") + m}));
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("revision")).toInteger(),
             entries.at(1).toObject().value(QStringLiteral("revision")).toInteger() + 1);
}

void TestSharingAudit::refusedWritesRecorded_data()
{
    QTest::addColumn<QString>("refusal");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no right: a View member writes an item")
        << QStringLiteral("view") << 403 << QStringLiteral("forbidden");
    QTest::newRow("conflict: a write on a stale folder state")
        << QStringLiteral("stale") << 409 << QStringLiteral("conflict");
    QTest::newRow("no right: a View member changes an item")
        << QStringLiteral("view-update") << 403 << QStringLiteral("forbidden");
    QTest::newRow("no right: a View member adds a member to the log")
        << QStringLiteral("log") << 403 << QStringLiteral("forbidden");
}

void TestSharingAudit::refusedWritesRecorded()
{
    QFETCH(QString, refusal);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const SharingUser manager = m_fx->user("manager");
    SharedFolder folder = m_fx->createFolder(manager);
    const SharingUser caller = m_fx->user("caller");
    QCOMPARE(m_fx->addMember(folder, manager, caller,
                             refusal == QLatin1String("stale") ? FolderRole::Edit : FolderRole::View)
                 .status,
             201);
    QString action;
    ApiResponse r;
    const QUuid item = QUuid::createUuid();
    if (refusal == QLatin1String("view-update")) {
        QCOMPARE(m_fx->writeItem(folder, manager, item, "the manager's").status, 201);
        r = m_fx->writeItem(folder, caller, item, "not mine to change");
        action = QStringLiteral("PUT /api/v1/folders/{folderId}/items/{itemId}");
    } else if (refusal == QLatin1String("view")) {
        r = m_fx->writeItem(folder, caller, QUuid::createUuid(), "not mine to write");
        action = QStringLiteral("POST /api/v1/folders/{folderId}/items");
    } else if (refusal == QLatin1String("stale")) {
        // Both write on one state: the manager first, the caller's write is then stale.
        SharedFolder mine = folder.detached();
        SharedFolder theirs = folder.detached();
        QCOMPARE(m_fx->writeItem(mine, manager, QUuid::createUuid(), "first").status, 201);
        r = m_fx->writeItem(theirs, caller, QUuid::createUuid(), "on the old state");
        action = QStringLiteral("item.created");
    } else {
        const SharingUser newcomer = m_fx->user("newcomer");
        r = m_fx->append(folder,
                         m_fx->nextEntry(folder, MembershipAction::Add, caller, &newcomer, FolderRole::View),
                         caller);
        action = QStringLiteral("membership.entry");
    }
    QVERIFY2(r.status == status, r.raw.constData());
    QCOMPARE(r.errorCode(), reason);

    const ApiResponse history = m_client->get(folder.path(QStringLiteral("/audit")), manager.token());
    QCOMPARE(history.status, 200);
    const QJsonObject newest = history.json.value(QStringLiteral("entries")).toArray().at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(newest.value(QStringLiteral("reason")).toString(), reason);
    QCOMPARE(newest.value(QStringLiteral("action")).toString(), action);
    QCOMPARE(newest.value(QStringLiteral("userId")).toString(), caller.account.userId);
    if (refusal == QLatin1String("view-update")) {
        // The item's own history shows it too, for whoever looks at that item.
        const ApiResponse itemHistory = m_client->get(
            folder.path(QStringLiteral("/items/%1/audit").arg(item.toString(QUuid::WithoutBraces))),
            manager.token());
        QCOMPARE(itemHistory.status, 200);
        QCOMPARE(described(itemHistory.json.value(QStringLiteral("entries")).toArray()),
                 (QStringList{action + QStringLiteral(" by ") + caller.account.userId +
                                  QStringLiteral(" refused forbidden"),
                              QStringLiteral("item.created by ") + manager.account.userId}));
    }
}

void TestSharingAudit::historyRouteByPrincipal_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("principal"); // a SharingFixture::Principal, or -1 for an org admin
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    using P = SharingFixture::Principal;
    for (int r = 0; r < auditRoutes().size(); ++r) {
        const AuditRoute& route = auditRoutes().at(r);
        for (const P p : SharingFixture::principals()) {
            // Folder routes: non-members learn nothing (404), lower roles 403 forbidden.
            // Organisation routes: folder roles give no right over the organisation's log.
            int status = route.orgAdmin ? 403 : 404;
            QString reason = route.orgAdmin ? QStringLiteral("not-org-admin") : QStringLiteral("not-found");
            switch (p) {
            case P::NonMember:
            case P::OtherOrganisation:
                break;
            case P::View:
            case P::Edit:
                if (!route.orgAdmin) {
                    status = 403;
                    reason = QStringLiteral("forbidden");
                }
                break;
            case P::Manage:
                if (!route.orgAdmin) {
                    status = 200;
                    reason.clear();
                }
                break;
            case P::Blocked:
                // The block ended the address's verification too, which the organisation
                // routes check first.
                status = 403;
                reason =
                    route.orgAdmin ? QStringLiteral("email-unverified") : QStringLiteral("sharing-blocked");
                break;
            case P::Unverified:
                status = 403;
                reason = QStringLiteral("email-unverified");
                break;
            case P::ExpiredSession:
                status = 401;
                reason = QStringLiteral("unauthenticated");
                break;
            }
            QTest::addRow("%s %s as %s", route.method, route.pattern, SharingFixture::principalName(p))
                << r << int(p) << status << reason;
        }
        // Administering the organisation gives no right to read a folder's history.
        QTest::addRow("%s %s as org admin", route.method, route.pattern)
            << r << -1 << (route.orgAdmin ? 200 : 404)
            << (route.orgAdmin ? QString() : QStringLiteral("not-found"));
    }
}

void TestSharingAudit::historyRouteByPrincipal()
{
    QFETCH(int, route);
    QFETCH(int, principal);
    QFETCH(int, status);
    QFETCH(QString, reason);
    // An earlier row may have moved the clock past the manager's session.
    QVERIFY(m_fx->signInAgain(m_manager));
    QString token;
    if (principal < 0) {
        const QString email = uniqueEmail("admin", m_fx->orgDomain());
        QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), m_fx->orgId(),
                                 QStringLiteral("--email"), email, QStringLiteral("--role"),
                                 QStringLiteral("admin")}),
                 0);
        token = ready(*m_client, m_server, email).token;
    } else {
        token = m_fx->principal(SharingFixture::Principal(principal), m_folder, m_manager).token();
    }
    QVERIFY(!token.isEmpty());
    const AuditRoute& r = auditRoutes().at(route);
    QString path = QString::fromLatin1(r.pattern);
    path.replace(QStringLiteral("{folderId}"), m_folder.idText());
    path.replace(QStringLiteral("{itemId}"), m_item.toString(QUuid::WithoutBraces));
    path.replace(QStringLiteral("{orgId}"), m_fx->orgId());
    const ApiResponse answer = m_client->raw(r.method, path, {}, token);
    QVERIFY2(answer.status == status,
             qPrintable(QStringLiteral("got %1: %2").arg(answer.status).arg(QString::fromUtf8(answer.raw))));
    if (!reason.isEmpty())
        QCOMPARE(answer.errorCode(), reason);
    if (status == 200 && !r.orgAdmin)
        QVERIFY(!answer.json.value(QStringLiteral("entries")).toArray().isEmpty());
    if (status == 200 && r.orgAdmin)
        QVERIFY(answer.json.value(QStringLiteral("seq")).toInteger() > 0 ||
                !answer.json.value(QStringLiteral("entries")).toArray().isEmpty());
    if (status == 404 || status == 403) {
        // A refused caller learns nothing of the folder.
        QVERIFY(!answer.raw.contains(m_folder.idText().toLatin1()));
    }
}

QTEST_GUILESS_MAIN(TestSharingAudit)
#include "TestSharingAudit.moc"
