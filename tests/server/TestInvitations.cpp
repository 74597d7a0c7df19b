// Invitations to shared folders against the real server (SQLite, or PostgreSQL under
// CONCLAVE_TEST_SERVER_STORAGE=postgres): each anti-spam limit at the limit and one past it,
// expiry on the test clock to the millisecond, pagination, the guest setting, addresses
// outside the organisation, unknown and unverified invitees answered like any other, both
// letter cases of an address, accept/decline/cancel by each kind of caller, the relayed
// blobs (a forged offer or answer refused, one row per variant), "accepted, waiting for the
// key" then "added", and the changes each step announces.
#include "InvitationSteps.h"

#include "core/crypto/KeyPinStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ServerAccounts;
using namespace InvitationSteps;
using namespace Conclave::Core;

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

QJsonArray invitationsOf(const ApiResponse& r)
{
    return r.json.value(QStringLiteral("invitations")).toArray();
}

QStringList idsOf(const ApiResponse& r)
{
    QStringList ids;
    for (const QJsonValue& v : invitationsOf(r))
        ids.append(v.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

qint64 msOf(const QJsonValue& time)
{
    return QDateTime::fromString(time.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class TestInvitations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void limits_data();
    void limits();
    void expiry();
    void pagination();
    void guests_data();
    void guests();
    void otherOrganisationRefused();
    void unknownAndUnverifiedAnsweredAlike();
    void letterCase_data();
    void letterCase();
    void decisionByPrincipal_data();
    void decisionByPrincipal();
    void acceptedThenAdded();
    void forgedOfferRefused_data();
    void forgedOfferRefused();
    void forgedTermsRefused_data();
    void forgedTermsRefused();
    void forgedAnswerRefused_data();
    void forgedAnswerRefused();
    void inviteeSeesOnlyWhatWasShown();
    void onlyTheNamedAccountSees_data();
    void onlyTheNamedAccountSees();
    void changesAnnounced();
    void badInput_data();
    void badInput();
    void guestsByAdminCommand();
    // Last: it moves the server's clock past every session.
    void actionsInTheFolderHistory();

private:
    // A folder of a fresh manager, so no test's counts spill into another's.
    SharedFolder freshFolder(SharingUser* manager);
    ApiResponse setGuests(const QJsonValue& allow);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
};

void TestInvitations::initTestCase()
{
    QStringList config = SharingFixture::serverConfig();
    config << QStringLiteral("lookupPerAccount=100000");
    m_server.setConfig(config);
    QVERIFY(m_server.start(QStringLiteral("TestInvitations")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
}

void TestInvitations::cleanupTestCase()
{
    m_server.stop();
}

SharedFolder TestInvitations::freshFolder(SharingUser* manager)
{
    *manager = m_fx->user("manager");
    return manager->isValid() ? m_fx->createFolder(*manager) : SharedFolder{};
}

ApiResponse TestInvitations::setGuests(const QJsonValue& allow)
{
    // Through the API, as an admin of the organisation made for the purpose.
    const QString email = uniqueEmail("orgadmin", m_fx->orgDomain());
    if (m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), m_fx->orgId(),
                        QStringLiteral("--email"), email, QStringLiteral("--role"),
                        QStringLiteral("admin")}) != 0)
        return {};
    const TestAccount admin = ready(*m_client, m_server, email);
    return m_client->put(QStringLiteral("/api/v1/orgs/") + m_fx->orgId() + QStringLiteral("/guests"),
                         {{QStringLiteral("allowGuests"), allow}}, admin.token);
}

void TestInvitations::limits_data()
{
    QTest::addColumn<QString>("limit");
    QTest::newRow("100 sent per user in 24 hours") << QStringLiteral("sent");
    QTest::newRow("50 pending per invitee") << QStringLiteral("pending");
    QTest::newRow("20 per page") << QStringLiteral("page");
}

void TestInvitations::limits()
{
    QFETCH(QString, limit);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    QVERIFY(folder.isValid());

    if (limit == QLatin1String("sent")) {
        // A rolling window: one invitation at T, 99 an hour later, then the 101st.
        const qint64 t = QDateTime::currentMSecsSinceEpoch() + m_server.clockOffsetMs() + 60 * 1000;
        m_server.freezeClock(t);
        QVERIFY(m_fx->signInAgain(manager));
        auto one = [&](const char* prefix) {
            return invite(*m_client, folder, manager, uniqueEmail(prefix, m_fx->orgDomain()),
                          QUuid::createUuid());
        };
        // Addresses of the organisation without accounts count like any other.
        QCOMPARE(one("first").status, 201);
        m_server.freezeClock(t + 3600 * 1000);
        QVERIFY(m_fx->signInAgain(manager)); // sessions end after 15 idle minutes
        for (int i = 1; i < 100; ++i) {
            const ApiResponse r = one("many");
            QVERIFY2(r.status == 201,
                     qPrintable(QStringLiteral("invitation %1: %2").arg(i + 1).arg(r.status)));
        }
        // Cancelling does not give the budget back.
        const ApiResponse sent =
            m_client->get(page(QStringLiteral("/api/v1/invitations/sent"), 1), manager.token());
        QCOMPARE(sent.status, 200);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/invitations/") + idsOf(sent).value(0) +
                                QStringLiteral("/cancel"),
                            {}, manager.token())
                     .status,
                 200);
        m_server.freezeClock(t + 2 * 3600 * 1000);
        QVERIFY(m_fx->signInAgain(manager));
        ApiResponse past = one("onemore");
        QCOMPARE(past.status, 429);
        QCOMPARE(past.errorCode(), QStringLiteral("rate-limited"));
        // Until the one from T is 24 hours old.
        QCOMPARE(past.header("Retry-After"), QByteArray("79200"));
        m_server.freezeClock(t + kDayMs - 1);
        QVERIFY(m_fx->signInAgain(manager));
        QCOMPARE(one("stillfull").status, 429);
        m_server.freezeClock(t + kDayMs);
        QCOMPARE(one("nextday").status, 201);
        past = one("nextday");
        QCOMPARE(past.status, 429);
        QCOMPARE(past.header("Retry-After"), QByteArray("3600"));
        m_server.advanceClock(2 * kDayMs); // the clock runs again, past every frozen instant
    } else if (limit == QLatin1String("pending")) {
        // One address, 50 folders (one open invitation per folder and address).
        const QString email = uniqueEmail("popular", m_fx->orgDomain());
        const QUuid inviteeId = QUuid::createUuid();
        QString lastId;
        for (int i = 0; i < 50; ++i) {
            SharedFolder f = i == 0 ? folder : m_fx->createFolder(manager);
            QVERIFY(f.isValid());
            Invite made;
            const ApiResponse r = invite(*m_client, f, manager, email, inviteeId, &made);
            QVERIFY2(r.status == 201,
                     qPrintable(QStringLiteral("invitation %1: %2").arg(i + 1).arg(r.status)));
            lastId = made.id();
        }
        SharedFolder extra = m_fx->createFolder(manager);
        ApiResponse past = invite(*m_client, extra, manager, email.toUpper(), inviteeId);
        QCOMPARE(past.status, 409);
        QCOMPARE(past.errorCode(), QStringLiteral("too-many-pending"));
        QCOMPARE(past.errorField(), QStringLiteral("email"));
        // Only pending ones count: one fewer, and there is room again.
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/invitations/") + lastId + QStringLiteral("/cancel"), {},
                            manager.token())
                     .status,
                 200);
        past = invite(*m_client, extra, manager, email, inviteeId);
        QCOMPARE(past.status, 201);
    } else {
        for (int i = 0; i < 21; ++i) {
            QCOMPARE(invite(*m_client, folder, manager, uniqueEmail("paged", m_fx->orgDomain()),
                            QUuid::createUuid())
                         .status,
                     201);
        }
        const QString path = folder.path(QStringLiteral("/invitations"));
        ApiResponse r = m_client->get(page(path, 20), manager.token());
        QCOMPARE(r.status, 200);
        QCOMPARE(invitationsOf(r).size(), 20);
        r = m_client->get(page(path, 21), manager.token());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("limit"));
        r = m_client->get(page(QStringLiteral("/api/v1/invitations/received"), 21), manager.token());
        QCOMPARE(r.status, 400);
        r = m_client->get(page(QStringLiteral("/api/v1/invitations/sent"), 21), manager.token());
        QCOMPARE(r.status, 400);
        // Without a limit, the page holds the most allowed.
        r = m_client->get(path, manager.token());
        QCOMPARE(invitationsOf(r).size(), 20);
    }
}

void TestInvitations::expiry()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser invitee = m_fx->user("expiring");
    QVERIFY(folder.isValid() && invitee.isValid());
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() + m_server.clockOffsetMs() + 60 * 1000;
    m_server.freezeClock(t0);
    QVERIFY(m_fx->signInAgain(invitee) && m_fx->signInAgain(manager));
    Invite made;
    ApiResponse r = invite(*m_client, folder, manager, invitee.account.email, invitee.id(), &made);
    QCOMPARE(r.status, 201);
    QCOMPARE(msOf(r.json.value(QStringLiteral("createdAt"))), t0);
    QCOMPARE(msOf(r.json.value(QStringLiteral("expiresAt"))), t0 + kLifetimeMs);

    // 1 ms before the end: still pending, listed and answerable.
    m_server.freezeClock(t0 + kLifetimeMs - 1);
    QVERIFY(m_fx->signInAgain(invitee) && m_fx->signInAgain(manager));
    r = m_client->get(QStringLiteral("/api/v1/invitations/received"), invitee.token());
    QCOMPARE(idsOf(r), QStringList{made.id()});
    r = m_client->get(made.path(), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));

    // At the end: expired, gone from the list, refused with 410.
    m_server.freezeClock(t0 + kLifetimeMs);
    r = m_client->get(QStringLiteral("/api/v1/invitations/received"), invitee.token());
    QCOMPARE(r.status, 200);
    QVERIFY(idsOf(r).isEmpty());
    r = m_client->get(made.path(), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    r = accept(*m_client, made, invitee);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), QStringLiteral("gone"));
    r = m_client->post(made.path(QStringLiteral("/decline")), {}, invitee.token());
    QCOMPARE(r.status, 410);
    r = m_client->post(made.path(QStringLiteral("/cancel")), {}, manager.token());
    QCOMPARE(r.status, 410);
    // An expired invitation no longer blocks a new one to the same address.
    r = invite(*m_client, folder, manager, invitee.account.email, invitee.id());
    QCOMPARE(r.status, 201);
    m_server.advanceClock(kLifetimeMs + 2 * 60 * 1000); // the clock runs again, past the frozen time
}

void TestInvitations::pagination()
{
    SharingUser manager;
    SharedFolder first = freshFolder(&manager);
    SharingUser invitee = m_fx->user("paged");
    QVERIFY(first.isValid() && invitee.isValid());
    QStringList made;
    for (int i = 0; i < 21; ++i) {
        SharedFolder folder = i == 0 ? first : m_fx->createFolder(manager);
        Invite invite;
        QCOMPARE(
            InvitationSteps::invite(*m_client, folder, manager, invitee.account.email, invitee.id(), &invite)
                .status,
            201);
        made.append(invite.id());
    }
    for (const QString& list :
         {QStringLiteral("/api/v1/invitations/received"), QStringLiteral("/api/v1/invitations/sent")}) {
        const QString& token = list.endsWith(QLatin1String("received")) ? invitee.token() : manager.token();
        ApiResponse one = m_client->get(list, token);
        QCOMPARE(one.status, 200);
        QCOMPARE(invitationsOf(one).size(), 20);
        const QString cursor = one.json.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        ApiResponse two = m_client->get(page(list, 0, cursor), token);
        QCOMPARE(two.status, 200);
        QCOMPARE(invitationsOf(two).size(), 1);
        QVERIFY(two.json.value(QStringLiteral("nextCursor")).isNull());
        // Each once, none skipped (ties in creation time are ordered by id).
        QStringList seen = idsOf(one) + idsOf(two);
        seen.sort();
        QStringList expected = made;
        expected.sort();
        QCOMPARE(seen, expected);
    }
    ApiResponse bad = m_client->get(
        page(QStringLiteral("/api/v1/invitations/received"), 0, QStringLiteral("12~x")), invitee.token());
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorField(), QStringLiteral("cursor"));
}

void TestInvitations::guests_data()
{
    QTest::addColumn<bool>("allowGuests");
    QTest::newRow("guests off (the default)") << false;
    QTest::newRow("guests on") << true;
}

void TestInvitations::guests()
{
    QFETCH(bool, allowGuests);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    // An address of no organisation at all.
    SharingUser guest = m_fx->user("guest", true, QStringLiteral("guests.example.net"));
    QVERIFY(folder.isValid() && guest.isValid());
    if (allowGuests) {
        const ApiResponse wrong = setGuests(QStringLiteral("yes"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorField(), QStringLiteral("allowGuests"));
        QCOMPARE(setGuests(true).status, 200);
    }
    Invite made;
    ApiResponse r = invite(*m_client, folder, manager, guest.account.email, guest.id(), &made);
    if (!allowGuests) {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("not-in-organisation"));
        QCOMPARE(r.errorField(), QStringLiteral("email"));
        return;
    }
    QCOMPARE(r.status, 201);
    r = accept(*m_client, made, guest);
    QCOMPARE(r.status, 200);
    // Turned off again: a guest's pending invitation can no longer be accepted.
    Invite second;
    SharedFolder other = m_fx->createFolder(manager);
    QCOMPARE(invite(*m_client, other, manager, guest.account.email, guest.id(), &second).status, 201);
    QCOMPARE(setGuests(false).status, 200);
    r = accept(*m_client, second, guest);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("not-in-organisation"));
}

void TestInvitations::otherOrganisationRefused()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser outsider = m_fx->principal(SharingFixture::Principal::OtherOrganisation, folder, manager);
    QVERIFY(folder.isValid() && outsider.isValid());
    const ApiResponse r = invite(*m_client, folder, manager, outsider.account.email, outsider.id());
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("not-in-organisation"));
}

void TestInvitations::unknownAndUnverifiedAnsweredAlike()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser verified = m_fx->user("known");
    TestAccount unverified = ready(*m_client, m_server, uniqueEmail("unproven", m_fx->orgDomain()), false);
    QVERIFY(folder.isValid() && verified.isValid() && !unverified.userId.isEmpty());
    const QString unknown = uniqueEmail("nobody", m_fx->orgDomain());

    const ApiResponse a = invite(*m_client, folder, manager, verified.account.email, verified.id());
    Invite toUnverified;
    const ApiResponse b =
        invite(*m_client, folder, manager, unverified.email, QUuid(unverified.userId), &toUnverified);
    const ApiResponse c = invite(*m_client, folder, manager, unknown, QUuid::createUuid());
    // Same status, same fields, same error-free shape: the inviter cannot tell them apart.
    for (const ApiResponse* r : {&a, &b, &c}) {
        QCOMPARE(r->status, 201);
        QCOMPARE(r->json.keys(), a.json.keys());
        QCOMPARE(r->json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(r->headers.size(), a.headers.size());
    }
    // The unverified account cannot see it (sharing needs a verified address)...
    ApiResponse r = m_client->get(QStringLiteral("/api/v1/invitations/received"), unverified.token);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("email-unverified"));
    // ...until it verifies the address within the 7 days.
    QVERIFY(verify(*m_client, m_server, unverified));
    QVERIFY(signIn(*m_client, unverified));
    r = m_client->get(QStringLiteral("/api/v1/invitations/received"), unverified.token);
    QCOMPARE(r.status, 200);
    QCOMPARE(idsOf(r), QStringList{toUnverified.id()});
}

void TestInvitations::letterCase_data()
{
    QTest::addColumn<bool>("invitedInUpperCase");
    QTest::addColumn<bool>("signedUpInUpperCase");
    QTest::newRow("invited as ALICE@, signed up as alice@") << true << false;
    QTest::newRow("invited as alice@, signed up as ALICE@") << false << true;
}

void TestInvitations::letterCase()
{
    QFETCH(bool, invitedInUpperCase);
    QFETCH(bool, signedUpInUpperCase);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    QVERIFY(folder.isValid());
    const QString email = uniqueEmail("casey", m_fx->orgDomain()).toLower();
    SharingUser invitee;
    invitee.account = signUp(*m_client, signedUpInUpperCase ? email.toUpper() : email);
    TestAccount stored = invitee.account;
    stored.email = email; // the outbox addresses the stored, normalised address
    QVERIFY(verify(*m_client, m_server, stored) && signIn(*m_client, invitee.account));
    invitee.keys = std::make_shared<UserKeys>(UserKeys::generate());
    invitee.bundle = UserKeyBundle::create(invitee.id(), *invitee.keys).serialize();
    QCOMPARE(
        m_client
            ->put(QStringLiteral("/api/v1/account/keys"),
                  {{QStringLiteral("bundle"), b64(invitee.bundle)},
                   {QStringLiteral("wrappedPrivateKeys"), b64(wrappedPrivateKeys(invitee.account.userId))}},
                  invitee.token())
            .status,
        200);
    Invite made;
    ApiResponse r =
        invite(*m_client, folder, manager, invitedInUpperCase ? email.toUpper() : email, invitee.id(), &made);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(QStringLiteral("inviteeEmail")).toString(), email);
    r = m_client->get(QStringLiteral("/api/v1/invitations/received"), invitee.token());
    QCOMPARE(idsOf(r), QStringList{made.id()});
    QCOMPARE(accept(*m_client, made, invitee).status, 200);
}

void TestInvitations::decisionByPrincipal_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    const struct
    {
        const char* action;
        const char* who;
        int status;
        const char* reason;
    } rows[] = {
        {"accept", "invitee", 200, ""},
        {"accept", "inviter", 404, "not-found"},
        {"accept", "other manager", 404, "not-found"},
        {"accept", "view member", 404, "not-found"},
        {"accept", "stranger", 404, "not-found"},
        {"decline", "invitee", 200, ""},
        {"decline", "inviter", 404, "not-found"},
        {"decline", "other manager", 404, "not-found"},
        {"decline", "view member", 404, "not-found"},
        {"decline", "stranger", 404, "not-found"},
        {"cancel", "inviter", 200, ""},
        {"cancel", "other manager", 200, ""},
        {"cancel", "invitee", 403, "forbidden"},
        {"cancel", "view member", 404, "not-found"},
        {"cancel", "edit member", 404, "not-found"},
        {"cancel", "stranger", 404, "not-found"},
    };
    for (const auto& row : rows) {
        QTest::addRow("%s by %s", row.action, row.who)
            << QString::fromLatin1(row.action) << QString::fromLatin1(row.who) << row.status
            << QString::fromLatin1(row.reason);
    }
}

void TestInvitations::decisionByPrincipal()
{
    QFETCH(QString, action);
    QFETCH(QString, who);
    QFETCH(int, status);
    QFETCH(QString, reason);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser invitee = m_fx->user("invitee");
    QVERIFY(folder.isValid() && invitee.isValid());
    Invite made;
    QCOMPARE(invite(*m_client, folder, manager, invitee.account.email, invitee.id(), &made).status, 201);

    SharingUser caller;
    if (who == QLatin1String("invitee"))
        caller = invitee;
    else if (who == QLatin1String("inviter"))
        caller = manager;
    else if (who == QLatin1String("other manager"))
        caller = m_fx->principal(SharingFixture::Principal::Manage, folder, manager);
    else if (who == QLatin1String("view member"))
        caller = m_fx->principal(SharingFixture::Principal::View, folder, manager);
    else if (who == QLatin1String("edit member"))
        caller = m_fx->principal(SharingFixture::Principal::Edit, folder, manager);
    else
        caller = m_fx->principal(SharingFixture::Principal::NonMember, folder, manager);
    QVERIFY(caller.isValid());

    ApiResponse r;
    if (action == QLatin1String("accept")) {
        // The caller's own answer: what a client that saw the offer would send.
        r = accept(*m_client, made, caller);
    } else {
        r = m_client->post(made.path(QLatin1Char('/') + action), {}, caller.token());
    }
    QVERIFY2(r.status == status,
             qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw))));
    if (!reason.isEmpty())
        QCOMPARE(r.errorCode(), reason);
    // What the inviter sees afterwards.
    const ApiResponse seen = m_client->get(made.path(), manager.token());
    const QString expected = status != 200                        ? QStringLiteral("pending")
                             : action == QLatin1String("accept")  ? QStringLiteral("accepted")
                             : action == QLatin1String("decline") ? QStringLiteral("declined")
                                                                  : QStringLiteral("cancelled");
    QCOMPARE(seen.json.value(QStringLiteral("status")).toString(), expected);
    // Decided once: a second decision of any kind is refused.
    if (status == 200) {
        QCOMPARE(m_client->post(made.path(QStringLiteral("/decline")), {}, invitee.token()).status, 409);
        QCOMPARE(accept(*m_client, made, invitee).status, 409);
    }
}

void TestInvitations::acceptedThenAdded()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser invitee = m_fx->user("joining");
    QVERIFY(folder.isValid() && invitee.isValid());
    Invite made;
    QCOMPARE(
        invite(*m_client, folder, manager, invitee.account.email, invitee.id(), &made, QStringLiteral("edit"))
            .status,
        201);
    // The invitee's client checks the relayed offer with the code it was told.
    ApiResponse r = m_client->get(QStringLiteral("/api/v1/invitations/received"), invitee.token());
    const QJsonObject shown = invitationsOf(r).at(0).toObject();
    const QByteArray offer =
        QByteArray::fromBase64(shown.value(QStringLiteral("offer")).toString().toLatin1());
    KeyPinStore inviteePins;
    auto binding = Invitation::acceptOffer(offer, made.invitation->code(), invitee.id(), inviteePins, 1);
    QVERIFY2(binding.ok(), binding.ok() ? "" : qPrintable(binding.error().message));
    QCOMPARE(accept(*m_client, made, invitee).status, 200);
    // Accepted, waiting for the key; the answer travels to the managers unchanged.
    r = m_client->get(made.path(), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const QByteArray relayed =
        QByteArray::fromBase64(r.json.value(QStringLiteral("answer")).toString().toLatin1());
    KeyPinStore inviterPins;
    auto bundle = made.invitation->accept(relayed, inviterPins, 1);
    QVERIFY2(bundle.ok(), bundle.ok() ? "" : qPrintable(bundle.error().message));
    QCOMPARE(bundle->userId(), invitee.id());
    // The invitee is not a member yet.
    QCOMPARE(m_client->get(folder.path(), invitee.token()).status, 404);
    // The manager's client signs the add entry; the invitation then reads as added.
    QCOMPARE(m_fx->addMember(folder, manager, invitee, FolderRole::Edit).status, 201);
    r = m_client->get(made.path(), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("added"));
    r = m_client->get(folder.path(QStringLiteral("/invitations")), manager.token());
    QCOMPARE(invitationsOf(r).at(0).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("added"));
    // An added invitation is not cancelled any more.
    QCOMPARE(m_client->post(made.path(QStringLiteral("/cancel")), {}, manager.token()).status, 409);
}

void TestInvitations::forgedOfferRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("field");
    for (const char* v :
         {"short by one byte", "one byte too many", "answer tag", "other folder id", "other inviter id",
          "other identity key", "nil invitation id", "nil invitee id", "invitee is the inviter"})
        QTest::newRow(v) << QString::fromLatin1(v) << QStringLiteral("offer");
    QTest::newRow("invitee address is the inviter's")
        << QStringLiteral("own address") << QStringLiteral("email");
    QTest::newRow("invitation id used before") << QStringLiteral("reused id") << QStringLiteral("offer");
}

void TestInvitations::forgedOfferRefused()
{
    QFETCH(QString, variant);
    QFETCH(QString, field);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser other = m_fx->user("other");
    QVERIFY(folder.isValid() && other.isValid());
    SharedFolder otherFolder = m_fx->createFolder(other);
    QString email = uniqueEmail("target", m_fx->orgDomain());
    QUuid invitationId = QUuid::createUuid();
    QUuid folderId = folder.id;
    QUuid inviterId = manager.id();
    QUuid inviteeId = QUuid::createUuid();
    QByteArray identity = manager.keys->identityPublicKey();
    if (variant == QLatin1String("other folder id"))
        folderId = otherFolder.id;
    else if (variant == QLatin1String("other inviter id"))
        inviterId = other.id();
    else if (variant == QLatin1String("other identity key"))
        identity = other.keys->identityPublicKey();
    else if (variant == QLatin1String("nil invitation id"))
        invitationId = QUuid();
    else if (variant == QLatin1String("nil invitee id"))
        inviteeId = QUuid();
    else if (variant == QLatin1String("invitee is the inviter"))
        inviteeId = manager.id();
    else if (variant == QLatin1String("own address"))
        email = manager.account.email;
    const Invitation invitation = Invitation::create({invitationId, folderId, inviterId, inviteeId});
    QByteArray offer = invitation.offer(identity);
    if (variant == QLatin1String("short by one byte"))
        offer.chop(1);
    else if (variant == QLatin1String("one byte too many"))
        offer.append('\0');
    else if (variant == QLatin1String("answer tag"))
        offer.replace(0, 25, QByteArray("conclave.invite.answr.v1\0", 25));
    // Terms signed for the offer's own binding: the offer is what is refused.
    auto terms = [&](const QString& address) {
        return Invitation::signTerms({invitation.binding(), FolderRole::View, address,
                                      folder.members->length(), quint64(m_server.nowMs() + kLifetimeMs)},
                                     *manager.keys);
    };
    if (variant == QLatin1String("reused id")) {
        QCOMPARE(m_client
                     ->post(folder.path(QStringLiteral("/invitations")),
                            createBody(email, offer, terms(email)), manager.token())
                     .status,
                 201);
        email = uniqueEmail("second", m_fx->orgDomain());
    }
    const ApiResponse r = m_client->post(folder.path(QStringLiteral("/invitations")),
                                         createBody(email, offer, terms(email)), manager.token());
    QVERIFY2(r.status == (variant == QLatin1String("reused id") ? 409 : 400),
             qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw))));
    QCOMPARE(r.errorField(), field);
    // Nothing was stored for the refused offer.
    const ApiResponse list = m_client->get(folder.path(QStringLiteral("/invitations")), manager.token());
    QCOMPARE(invitationsOf(list).size(), variant == QLatin1String("reused id") ? 1 : 0);
}

void TestInvitations::forgedAnswerRefused_data()
{
    QTest::addColumn<QString>("variant");
    for (const char* v :
         {"short by one byte", "offer tag", "other invitation id", "other folder id", "other inviter id",
          "someone else's bundle", "bundle signature broken", "unpublished bundle of the caller"})
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestInvitations::forgedAnswerRefused()
{
    QFETCH(QString, variant);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser invitee = m_fx->user("answering");
    SharingUser other = m_fx->user("bystander");
    QVERIFY(folder.isValid() && invitee.isValid() && other.isValid());
    Invite made;
    QCOMPARE(invite(*m_client, folder, manager, invitee.account.email, invitee.id(), &made).status, 201);
    Invitation::Binding binding = made.invitation->binding();
    UserKeyBundle bundle = *UserKeyBundle::parseAndVerify(invitee.bundle);
    if (variant == QLatin1String("other invitation id"))
        binding.invitationId = QUuid::createUuid();
    else if (variant == QLatin1String("other folder id"))
        binding.folderId = QUuid::createUuid();
    else if (variant == QLatin1String("other inviter id"))
        binding.inviterId = other.id();
    else if (variant == QLatin1String("someone else's bundle"))
        bundle = *UserKeyBundle::parseAndVerify(other.bundle);
    else if (variant == QLatin1String("unpublished bundle of the caller"))
        bundle = UserKeyBundle::create(invitee.id(), UserKeys::generate());
    QByteArray answer = Invitation::answer(made.invitation->code(), binding, bundle);
    if (variant == QLatin1String("short by one byte"))
        answer.chop(1);
    else if (variant == QLatin1String("offer tag"))
        answer.replace(0, 26, QByteArray("conclave.invite.offer.v1\0\0", 26));
    else if (variant == QLatin1String("bundle signature broken"))
        answer[74 + UserKeyBundle::kSize - 1] = char(answer.at(74 + UserKeyBundle::kSize - 1) ^ 0x01);
    const ApiResponse r = m_client->post(made.path(QStringLiteral("/accept")),
                                         {{QStringLiteral("answer"), b64(answer)}}, invitee.token());
    QVERIFY2(r.status == 400,
             qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw))));
    QCOMPARE(r.errorField(), QStringLiteral("answer"));
    // Still pending: a refused answer consumes nothing.
    QCOMPARE(m_client->get(made.path(), manager.token()).json.value(QStringLiteral("status")).toString(),
             QStringLiteral("pending"));
    QCOMPARE(accept(*m_client, made, invitee).status, 200);
}

// The signed terms are those of this invitation, address and role, signed by the caller: one
// row per field, the address in either letter case, each role raised or lowered.
void TestInvitations::forgedTermsRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("status");
    QTest::newRow("genuine") << QStringLiteral("genuine") << 201;
    QTest::newRow("address typed in upper case, terms in lower case")
        << QStringLiteral("upper request") << 201;
    QTest::newRow("terms signed for the address in upper case") << QStringLiteral("upper terms") << 400;
    QTest::newRow("another address") << QStringLiteral("other email") << 400;
    QTest::newRow("terms say manage, request says view") << QStringLiteral("role up") << 400;
    QTest::newRow("terms say view, request says edit") << QStringLiteral("role down") << 400;
    QTest::newRow("another invitation id") << QStringLiteral("other invitation") << 400;
    QTest::newRow("another folder") << QStringLiteral("other folder") << 400;
    QTest::newRow("another inviter id") << QStringLiteral("other inviter") << 400;
    QTest::newRow("another invitee id") << QStringLiteral("other invitee") << 400;
    QTest::newRow("log length as the folder's") << QStringLiteral("log now") << 201;
    QTest::newRow("log length past the folder's") << QStringLiteral("log ahead") << 400;
    QTest::newRow("expiry in an hour") << QStringLiteral("expiry shortest") << 201;
    QTest::newRow("expiry a minute short of an hour") << QStringLiteral("expiry too short") << 400;
    QTest::newRow("expiry in the past") << QStringLiteral("expiry past") << 400;
    QTest::newRow("expiry seven days and five minutes on (clock drift)")
        << QStringLiteral("expiry drift") << 201;
    QTest::newRow("expiry seven days and a quarter hour on") << QStringLiteral("expiry too long") << 400;
    // Both bounds are inclusive, on the server's clock stopped for the request.
    QTest::newRow("expiry exactly an hour on") << QStringLiteral("expiry hour") << 201;
    QTest::newRow("expiry a millisecond short of an hour") << QStringLiteral("expiry hour - 1") << 400;
    QTest::newRow("expiry exactly seven days and ten minutes on") << QStringLiteral("expiry most") << 201;
    QTest::newRow("expiry a millisecond past seven days and ten minutes")
        << QStringLiteral("expiry most + 1") << 400;
    QTest::newRow("signed by another member's key") << QStringLiteral("other signer") << 400;
    QTest::newRow("signature flipped") << QStringLiteral("flipped") << 400;
    QTest::newRow("the offer sent as the terms") << QStringLiteral("offer as terms") << 400;
    QTest::newRow("missing") << QStringLiteral("missing") << 400;
    QTest::newRow("too short") << QStringLiteral("short") << 400;
    QTest::newRow("too long") << QStringLiteral("long") << 400;
}

void TestInvitations::forgedTermsRefused()
{
    QFETCH(QString, variant);
    QFETCH(int, status);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser other = m_fx->user("signer");
    QVERIFY(folder.isValid() && other.isValid());
    const QString email = uniqueEmail("termed", m_fx->orgDomain());
    QString requestEmail = email;
    QString requestRole = QStringLiteral("view");
    const Invite made = makeInvite(folder, manager, QUuid::createUuid());
    Invitation::Terms terms = made.termsFor(email);
    const UserKeys* signer = manager.keys.get();
    const qint64 now = m_server.nowMs();
    constexpr qint64 kMinuteMs = 60 * 1000;
    if (variant == u"upper request")
        requestEmail = email.toUpper();
    else if (variant == u"upper terms")
        terms.email = email.toUpper();
    else if (variant == u"other email")
        terms.email = uniqueEmail("elsewhere", m_fx->orgDomain());
    else if (variant == u"role up")
        terms.role = FolderRole::Manage;
    else if (variant == u"role down")
        requestRole = QStringLiteral("edit");
    else if (variant == u"other invitation")
        terms.binding.invitationId = QUuid::createUuid();
    else if (variant == u"other folder")
        terms.binding.folderId = QUuid::createUuid();
    else if (variant == u"other inviter")
        terms.binding.inviterId = other.id();
    else if (variant == u"other invitee")
        terms.binding.inviteeId = QUuid::createUuid();
    else if (variant == u"other signer")
        signer = other.keys.get();
    else if (variant == u"log ahead")
        terms.logLength = folder.members->length() + 1;
    else if (variant == u"expiry shortest")
        terms.expiresAtMs = quint64(now + 60 * kMinuteMs + kMinuteMs); // a minute for the round trip
    else if (variant == u"expiry too short")
        terms.expiresAtMs = quint64(now + 59 * kMinuteMs);
    else if (variant == u"expiry past")
        terms.expiresAtMs = quint64(now - kMinuteMs);
    else if (variant == u"expiry drift")
        terms.expiresAtMs = quint64(now + kLifetimeMs + 5 * kMinuteMs);
    else if (variant == u"expiry too long")
        terms.expiresAtMs = quint64(now + kLifetimeMs + 15 * kMinuteMs);
    else if (variant == u"expiry hour")
        terms.expiresAtMs = quint64(now + 60 * kMinuteMs);
    else if (variant == u"expiry hour - 1")
        terms.expiresAtMs = quint64(now + 60 * kMinuteMs - 1);
    else if (variant == u"expiry most")
        terms.expiresAtMs = quint64(now + kLifetimeMs + 10 * kMinuteMs);
    else if (variant == u"expiry most + 1")
        terms.expiresAtMs = quint64(now + kLifetimeMs + 10 * kMinuteMs + 1);
    const bool exact = variant.startsWith(u"expiry hour") || variant.startsWith(u"expiry most");
    if (exact)
        m_server.freezeClock(now);
    QByteArray signedTerms = Invitation::signTerms(terms, *signer);
    if (variant == u"flipped")
        signedTerms[signedTerms.size() - 1] = char(signedTerms[signedTerms.size() - 1] ^ 1);
    else if (variant == u"offer as terms")
        signedTerms = made.offer;
    else if (variant == u"short")
        signedTerms = signedTerms.left(Invitation::kMinTermsSize - 1);
    else if (variant == u"long")
        signedTerms = randomBytes(Invitation::kMaxTermsSize + 1);
    QJsonObject body = createBody(requestEmail, made.offer, signedTerms, requestRole);
    if (variant == u"missing")
        body.remove(QStringLiteral("signedTerms"));
    const ApiResponse r = m_client->post(folder.path(QStringLiteral("/invitations")), body, manager.token());
    if (exact)
        m_server.advanceClock(0); // the clock runs again
    QVERIFY2(r.status == status,
             qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw))));
    const ApiResponse list = m_client->get(folder.path(QStringLiteral("/invitations")), manager.token());
    if (status != 201) {
        QCOMPARE(r.errorField(), QStringLiteral("signedTerms"));
        QVERIFY(!r.errorMessage().isEmpty());
        QCOMPARE(invitationsOf(list).size(), 0);
        return;
    }
    // Stored and listed as signed, for the inviter and every manager.
    QCOMPARE(invitationsOf(list).size(), 1);
    const QJsonObject listed = invitationsOf(list).at(0).toObject();
    QCOMPARE(listed.value(QStringLiteral("signedTerms")).toString(), b64(signedTerms));
    QCOMPARE(r.json.value(QStringLiteral("signedTerms")).toString(), b64(signedTerms));
    const Result<Invitation::Terms> opened = Invitation::openTerms(
        QByteArray::fromBase64(listed.value(QStringLiteral("signedTerms")).toString().toLatin1()),
        manager.keys->identityPublicKey());
    QVERIFY(opened.ok());
    QCOMPARE(opened->email, email);
    QCOMPARE(opened->role, FolderRole::View);
    // The invitation expires when the terms say, to the millisecond.
    QCOMPARE(msOf(listed.value(QStringLiteral("expiresAt"))), qint64(terms.expiresAtMs));
    QCOMPARE(opened->logLength, folder.members->length());
}

void TestInvitations::inviteeSeesOnlyWhatWasShown()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser invitee = m_fx->user("curious");
    QVERIFY(folder.isValid() && invitee.isValid());
    Invite plain = makeInvite(folder, manager, invitee.id());
    QJsonObject body = createBody(invitee.account.email, plain);
    body.insert(QStringLiteral("folderLabel"), QStringLiteral("Production databases"));
    const QByteArray sealed = UserKeys::seal(
        UserKeyBundle::parseAndVerify(invitee.bundle)->encryptionPublicKey(), SecureBytes::fromView("Prod"));
    body.insert(QStringLiteral("sealedFolderLabel"), b64(sealed));
    QCOMPARE(m_client->post(folder.path(QStringLiteral("/invitations")), body, manager.token()).status, 201);
    const ApiResponse r = m_client->get(QStringLiteral("/api/v1/invitations/received"), invitee.token());
    const QJsonObject shown = invitationsOf(r).at(0).toObject();
    QStringList keys = shown.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList{QStringLiteral("createdAt"), QStringLiteral("expiresAt"),
                          QStringLiteral("folderId"), QStringLiteral("folderLabel"), QStringLiteral("id"),
                          QStringLiteral("inviter"), QStringLiteral("offer"), QStringLiteral("role"),
                          QStringLiteral("sealedFolderLabel"), QStringLiteral("status")}));
    QCOMPARE(shown.value(QStringLiteral("folderLabel")).toString(), QStringLiteral("Production databases"));
    QCOMPARE(shown.value(QStringLiteral("sealedFolderLabel")).toString(), b64(sealed));
    QCOMPARE(shown.value(QStringLiteral("inviter")).toObject().value(QStringLiteral("email")).toString(),
             manager.account.email);
    // Nothing of the folder itself before accepting.
    QCOMPARE(m_client->get(folder.path(), invitee.token()).status, 404);
    QCOMPARE(m_client->get(folder.path(QStringLiteral("/log")), invitee.token()).status, 404);
    // Without a label chosen, none is shown.
    SharedFolder unlabelled = m_fx->createFolder(manager);
    QCOMPARE(invite(*m_client, unlabelled, manager, invitee.account.email, invitee.id()).status, 201);
    const ApiResponse both = m_client->get(QStringLiteral("/api/v1/invitations/received"), invitee.token());
    QCOMPARE(invitationsOf(both).size(), 2);
    for (const QJsonValue& v : invitationsOf(both)) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("folderId")).toString() == unlabelled.idText())
            QVERIFY(!o.contains(QStringLiteral("folderLabel")) &&
                    !o.contains(QStringLiteral("sealedFolderLabel")));
    }
}

void TestInvitations::onlyTheNamedAccountSees_data()
{
    QTest::addColumn<bool>("offerNamesTheAddressAccount");
    // The offer names another verified account than the one with the address.
    QTest::newRow("address of one account, id of another") << false;
    QTest::newRow("address and id of one account") << true;
}

void TestInvitations::onlyTheNamedAccountSees()
{
    QFETCH(bool, offerNamesTheAddressAccount);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser holder = m_fx->user("holder");   // has the invited address
    SharingUser namedId = m_fx->user("namedid"); // its id may be in the offer
    QVERIFY(folder.isValid() && holder.isValid() && namedId.isValid());
    const SharingUser& named = offerNamesTheAddressAccount ? holder : namedId;
    Invite made;
    QCOMPARE(invite(*m_client, folder, manager, holder.account.email, named.id(), &made).status, 201);
    for (const SharingUser* who : {&holder, &namedId}) {
        const bool sees = offerNamesTheAddressAccount && who == &holder;
        const ApiResponse list = m_client->get(QStringLiteral("/api/v1/invitations/received"), who->token());
        QCOMPARE(idsOf(list), sees ? QStringList{made.id()} : QStringList{});
        QCOMPARE(m_client->get(made.path(), who->token()).status, sees ? 200 : 404);
    }
    // Neither may answer an invitation not made out to both its address and its id.
    if (!offerNamesTheAddressAccount) {
        QCOMPARE(accept(*m_client, made, namedId).status, 404);
        QCOMPARE(accept(*m_client, made, holder).status, 404);
        QCOMPARE(m_client->post(made.path(QStringLiteral("/decline")), {}, holder.token()).status, 404);
    } else {
        QCOMPARE(accept(*m_client, made, holder).status, 200);
    }
}

void TestInvitations::changesAnnounced()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    SharingUser invitee = m_fx->user("announced");
    QVERIFY(folder.isValid() && invitee.isValid());
    auto count = [this](const QString& column, const QString& value, const QString& objectId) {
        return m_server
            .sqlValue(QStringLiteral("SELECT COUNT(*) FROM changes WHERE kind = 'invitation' AND ") + column +
                      QStringLiteral(" = '") + value + QStringLiteral("' AND object_id = '") + objectId +
                      QStringLiteral("'"))
            .toInt();
    };
    Invite made;
    QCOMPARE(invite(*m_client, folder, manager, invitee.account.email, invitee.id(), &made).status, 201);
    QCOMPARE(count(QStringLiteral("user_id"), invitee.account.userId, made.id()), 1);
    QCOMPARE(count(QStringLiteral("folder_id"), folder.idText(), made.id()), 1);
    QCOMPARE(accept(*m_client, made, invitee).status, 200);
    QCOMPARE(count(QStringLiteral("user_id"), invitee.account.userId, made.id()), 2);
    QCOMPARE(count(QStringLiteral("folder_id"), folder.idText(), made.id()), 2);
    QCOMPARE(m_client->post(made.path(QStringLiteral("/cancel")), {}, manager.token()).status, 200);
    QCOMPARE(count(QStringLiteral("user_id"), invitee.account.userId, made.id()), 3);
    Invite declined;
    SharedFolder second = m_fx->createFolder(manager);
    QCOMPARE(invite(*m_client, second, manager, invitee.account.email, invitee.id(), &declined).status, 201);
    QCOMPARE(m_client->post(declined.path(QStringLiteral("/decline")), {}, invitee.token()).status, 200);
    QCOMPARE(count(QStringLiteral("folder_id"), second.idText(), declined.id()), 2);
    // A refused request announces nothing.
    QCOMPARE(m_client->post(declined.path(QStringLiteral("/decline")), {}, invitee.token()).status, 409);
    QCOMPARE(count(QStringLiteral("user_id"), invitee.account.userId, declined.id()), 2);
    // Through the feed: the invitee sees its own invitation changes, not the folder's (it is
    // no member). The folder's changes are in the log (above) for the folder's readers.
    auto feedOf = [this](const SharingUser& user, const QString& invitationId) {
        QStringList seen;
        qint64 cursor = 0;
        for (int page = 0; page < 100; ++page) {
            const ApiResponse r = m_client->get(
                QStringLiteral("/api/v1/feed?limit=500&cursor=") + QString::number(cursor), user.token());
            if (r.status != 200)
                return QStringList{QStringLiteral("status %1").arg(r.status)};
            for (const QJsonValue& v : r.json.value(QStringLiteral("changes")).toArray()) {
                const QJsonObject c = v.toObject();
                if (c.value(QStringLiteral("objectId")).toString() == invitationId)
                    seen.append(c.value(QStringLiteral("kind")).toString() +
                                (c.contains(QStringLiteral("folderId")) ? QStringLiteral(" folder")
                                                                        : QStringLiteral(" user")));
            }
            cursor = qint64(r.json.value(QStringLiteral("cursor")).toDouble());
            if (!r.json.value(QStringLiteral("more")).toBool())
                break;
        }
        return seen;
    };
    QCOMPARE(feedOf(invitee, declined.id()),
             (QStringList{QStringLiteral("invitation user"), QStringLiteral("invitation user")}));
}

void TestInvitations::badInput_data()
{
    // Path and query problems and malformed bodies: a clear 4xx, never 500. {folder} and
    // {invitation} are a real folder of the caller (a manager) and a real invitation of it.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QByteArray post = "POST";
    const QByteArray get = "GET";
    QTest::newRow("limit not a number")
        << get << "/api/v1/invitations/received?limit=ten" << QByteArray() << 400 << "limit";
    QTest::newRow("limit zero") << get << "/api/v1/invitations/sent?limit=0" << QByteArray() << 400
                                << "limit";
    QTest::newRow("limit negative") << get << "{folder}/invitations?limit=-1" << QByteArray() << 400
                                    << "limit";
    QTest::newRow("limit huge") << get << "/api/v1/invitations/received?limit=99999999999999999999"
                                << QByteArray() << 400 << "limit";
    QTest::newRow("cursor garbage") << get << "/api/v1/invitations/sent?cursor=%00%01" << QByteArray() << 400
                                    << "cursor";
    QTest::newRow("cursor with braces")
        << get << "/api/v1/invitations/sent?cursor=1~{00000000-0000-0000-0000-000000000001}" << QByteArray()
        << 400 << "cursor";
    QTest::newRow("invitation id not a uuid")
        << get << "/api/v1/invitations/not-a-uuid" << QByteArray() << 404 << "";
    QTest::newRow("invitation id in upper case")
        << get << "/api/v1/invitations/{INVITATION}" << QByteArray() << 404 << "";
    QTest::newRow("accept without answer")
        << post << "/api/v1/invitations/{invitation}/accept" << QByteArray("{}") << 400 << "answer";
    QTest::newRow("accept with a number") << post << "/api/v1/invitations/{invitation}/accept"
                                          << QByteArray("{\"answer\": 5}") << 400 << "answer";
    QTest::newRow("accept with bad base64") << post << "/api/v1/invitations/{invitation}/accept"
                                            << QByteArray("{\"answer\": \"***\"}") << 400 << "answer";
    QTest::newRow("create without email")
        << post << "{folder}/invitations" << QByteArray("{\"role\": \"view\", \"offer\": \"AA==\"}") << 400
        << "email";
    QTest::newRow("create with role owner")
        << post << "{folder}/invitations"
        << QByteArray("{\"email\": \"a@b.example\", \"role\": \"owner\", \"offer\": \"{offer}\", "
                      "\"signedTerms\": \"{terms}\"}")
        << 400 << "role";
    QTest::newRow("create with a short offer")
        << post << "{folder}/invitations"
        << QByteArray("{\"email\": \"a@b.example\", \"role\": \"view\", \"offer\": \"AA==\"}") << 400
        << "offer";
    QTest::newRow("create without signed terms")
        << post << "{folder}/invitations"
        << QByteArray("{\"email\": \"a@b.example\", \"role\": \"view\", \"offer\": \"{offer}\"}") << 400
        << "signedTerms";
    QTest::newRow("create with signed terms that are not base64")
        << post << "{folder}/invitations"
        << QByteArray("{\"email\": \"a@b.example\", \"role\": \"view\", \"offer\": \"{offer}\", "
                      "\"signedTerms\": \"***\"}")
        << 400 << "signedTerms";
    QTest::newRow("create with an invisible character in the label")
        << post << "{folder}/invitations"
        << QByteArray("{\"email\": \"a@b.example\", \"role\": \"view\", \"offer\": \"{offer}\", "
                      "\"signedTerms\": \"{terms}\", "
                      "\"folderLabel\": \"Prod\\u202e\"}")
        << 400 << "folderLabel";
    QTest::newRow("create with an oversized sealed label")
        << post << "{folder}/invitations"
        << QByteArray("{\"email\": \"a@b.example\", \"role\": \"view\", \"offer\": \"{offer}\", "
                      "\"signedTerms\": \"{terms}\", "
                      "\"sealedFolderLabel\": \"{big}\"}")
        << 400 << "sealedFolderLabel";
}

void TestInvitations::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    QVERIFY(folder.isValid());
    Invite made;
    QCOMPARE(
        invite(*m_client, folder, manager, uniqueEmail("bad", m_fx->orgDomain()), QUuid::createUuid(), &made)
            .status,
        201);
    path.replace(QStringLiteral("{folder}"), folder.path());
    path.replace(QStringLiteral("{invitation}"), made.id());
    path.replace(QStringLiteral("{INVITATION}"), made.id().toUpper());
    path.replace(QStringLiteral("{org}"), m_fx->orgId());
    const Invite spare = makeInvite(folder, manager, QUuid::createUuid());
    body.replace("{offer}", spare.offer.toBase64());
    body.replace("{terms}", spare.terms(QStringLiteral("a@b.example")).toBase64());
    body.replace("{big}", randomBytes(1025).toBase64());
    const ApiResponse r = m_client->raw(method, path, body, manager.token());
    QVERIFY2(r.status == status,
             qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw))));
    QVERIFY(!r.errorMessage().isEmpty());
    if (!field.isEmpty())
        QCOMPARE(r.errorField(), field);
}

void TestInvitations::guestsByAdminCommand()
{
    QString out;
    QCOMPARE(
        m_server.admin({QStringLiteral("show-guests"), QStringLiteral("--org"), m_fx->otherOrgId()}, &out),
        0);
    QCOMPARE(out.trimmed(), QStringLiteral("no"));
    QCOMPARE(m_server.admin({QStringLiteral("allow-guests"), QStringLiteral("--org"), m_fx->otherOrgId(),
                             QStringLiteral("--allow"), QStringLiteral("yes")}),
             0);
    QCOMPARE(
        m_server.admin({QStringLiteral("show-guests"), QStringLiteral("--org"), m_fx->otherOrgId()}, &out),
        0);
    QCOMPARE(out.trimmed(), QStringLiteral("yes"));
    QString errors;
    QCOMPARE(m_server.admin({QStringLiteral("allow-guests"), QStringLiteral("--org"), m_fx->otherOrgId(),
                             QStringLiteral("--allow"), QStringLiteral("maybe")},
                            nullptr, &errors),
             2);
    QVERIFY(errors.contains(QLatin1String("yes or no")));
    QCOMPARE(m_server.admin({QStringLiteral("allow-guests"), QStringLiteral("--org"),
                             QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("--allow"),
                             QStringLiteral("yes")},
                            nullptr, &errors),
             1);
    QCOMPARE(m_server.admin({QStringLiteral("allow-guests"), QStringLiteral("--org"), m_fx->otherOrgId(),
                             QStringLiteral("--allow"), QStringLiteral("no")}),
             0);
}

void TestInvitations::actionsInTheFolderHistory()
{
    SharingUser manager;
    SharedFolder folder = freshFolder(&manager);
    QVERIFY(folder.isValid());
    SharingUser accepting = m_fx->user("accepting");
    SharingUser declining = m_fx->user("declining");
    SharingUser cancelled = m_fx->user("cancelled");
    SharingUser expiring = m_fx->user("expiring");
    Invite made;
    QCOMPARE(invite(*m_client, folder, manager, accepting.account.email, accepting.id(), &made).status, 201);
    QCOMPARE(accept(*m_client, made, accepting).status, 200);
    QCOMPARE(invite(*m_client, folder, manager, declining.account.email, declining.id(), &made).status, 201);
    QCOMPARE(m_client->post(made.path(QStringLiteral("/decline")), {}, declining.token()).status, 200);
    QCOMPARE(invite(*m_client, folder, manager, cancelled.account.email, cancelled.id(), &made).status, 201);
    QCOMPARE(m_client->post(made.path(QStringLiteral("/cancel")), {}, manager.token()).status, 200);
    QCOMPARE(invite(*m_client, folder, manager, expiring.account.email, expiring.id(), &made).status, 201);
    // Expiry is noticed by the first request that reads the invitation after its time, and
    // recorded once: without an actor, since nobody did it.
    m_server.advanceClock(kLifetimeMs + 60 * 1000);
    QVERIFY(m_fx->signInAgain(manager));
    for (int read = 0; read < 2; ++read)
        QCOMPARE(m_client->get(made.path(), manager.token()).json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("expired"));

    const ApiResponse history = m_client->get(folder.path(QStringLiteral("/audit")), manager.token());
    QCOMPARE(history.status, 200);
    QStringList invitations;
    for (const QJsonValue& v : history.json.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString action = e.value(QStringLiteral("action")).toString();
        if (!action.startsWith(QLatin1String("invitation.")))
            continue;
        QCOMPARE(e.value(QStringLiteral("outcome")).toString(), QStringLiteral("done"));
        QString actor = e.value(QStringLiteral("actorEmail")).toString();
        invitations.append(action + QStringLiteral(" by ") + (actor.isEmpty() ? QStringLiteral("-") : actor));
    }
    const QString m = manager.account.email;
    QCOMPARE(invitations, (QStringList{QStringLiteral("invitation.expired by -"),
                                       QStringLiteral("invitation.created by ") + m,
                                       QStringLiteral("invitation.cancelled by ") + m,
                                       QStringLiteral("invitation.created by ") + m,
                                       QStringLiteral("invitation.declined by ") + declining.account.email,
                                       QStringLiteral("invitation.created by ") + m,
                                       QStringLiteral("invitation.accepted by ") + accepting.account.email,
                                       QStringLiteral("invitation.created by ") + m}));
    // The invitee's address is the actor's at most: no entry names whom an invitation was for.
    QVERIFY(!history.raw.contains(cancelled.account.email.toUtf8()));
    QVERIFY(!history.raw.contains(expiring.account.email.toUtf8()));
}

QTEST_GUILESS_MAIN(TestInvitations)
#include "TestInvitations.moc"
