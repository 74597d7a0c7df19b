// Tests InvitationFlow end to end against the real conclave-server (labels sync, e2e): Ada
// manages a folder and invites with a code; the invitee accepts with the code, Ada's client
// adds the member by itself when its sync sees the answer, and the invitee first-syncs and
// reads the folder. The safety-number path, a wrong code, a declined and a cancelled
// invitation, an expired one, and a server that swaps the invitee's keys (in the answer, or
// at look-up) are refused in words and add no one. What the inviter's client keeps of an
// invitation survives its restart, sealed in the cache; another manager completes an
// accepted invitation by comparing safety numbers while the inviter is offline.
#include "InvitationDevices.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/Invitation.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/InvitationApi.h"
#include "core/sync/InvitationFlow.h"
#include "core/sync/SyncEngine.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Conclave::Core;
using namespace InvitationDevices;

namespace {

#define VERIFY_OK(status)                                                                                    \
    do {                                                                                                     \
        const auto& s_ = (status);                                                                           \
        QVERIFY2(s_.has_value(), "no answer in time");                                                       \
        QVERIFY2(s_->ok(), s_->ok() ? "" : qPrintable(s_->error().message));                                 \
    } while (false)

#define VERIFY_REFUSED(status)                                                                               \
    do {                                                                                                     \
        const auto& s_ = (status);                                                                           \
        QVERIFY2(s_.has_value(), "no answer in time");                                                       \
        QVERIFY2(!s_->ok(), "accepted");                                                                     \
        QVERIFY(!s_->error().message.isEmpty());                                                             \
    } while (false)

} // namespace

class TestInvitationFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void inviteWithCodeAddsAutomatically();
    void safetyNumberPath();
    void inviteeFollowsAGrantThatComesLater();
    void declined();
    void cancelled();
    void answerWithSwappedKeysIsRefused();
    void lookupWithSwappedKeysIsRefused();
    void inviterRestartsAndCompletes();
    void anotherManagerCompletes();
    void takeOverFollowsTheSignedTerms_data();
    void takeOverFollowsTheSignedTerms();
    void takenOverInvitationIsCheckedAgainBeforeTheAdd_data();
    void takenOverInvitationIsCheckedAgainBeforeTheAdd();
    void takenOverInvitationIsCheckedOnTheLogTheAddIsSignedOn();
    void takenOverInvitationAddedByTheInviterMeanwhile();
    void inviterCompletesAfterAnotherManagerChangedTheLog();
    void tooManyAddressesAndBadOnes();
    void receivedIsPaged();
    void expired();

private:
    std::unique_ptr<Device> device(const char* name);
    QList<InvitationFlow::Sent> invite(const QString& email, FolderRole role, InvitationFlow::Mode mode);
    std::optional<InvitationFlow::Incoming> firstReceived(Device& invitee);
    bool syncManager();
    // A second manager of Ada's folder (made once, kept to the end).
    bool secondManager();
    // Another folder of Ada's that the second manager manages too (made once); null on failure.
    QUuid folderBothManage();
    // The folder's open invitation `id` as `manager`'s client lists it; nullopt when not listed.
    std::optional<InvitationApi::Managed> openInvitation(Device& manager, const QUuid& id);
    // The second manager invites `invitee` to edit, they accept with the code, and Ada's
    // client (its log read) takes the invitation over; the listing Ada took over, or nullopt.
    std::optional<InvitationApi::Managed> takenOverFromSecond(Device& invitee);
    static int pendingRows(const QString& cachePath);

    ServerHarness m_server;
    QUrl m_url;
    QString m_orgId;
    QString m_domain;
    std::unique_ptr<Device> m_ada;
    std::unique_ptr<Device> m_secondManager; // takeOverFollowsTheSignedTerms, made once
    QUuid m_folderBothManage;
    QUuid m_folder;
    QUuid m_item;
};

std::unique_ptr<Device> TestInvitationFlow::device(const char* name)
{
    return makeDevice(m_server, m_url, m_domain, name);
}

QList<InvitationFlow::Sent> TestInvitationFlow::invite(const QString& email, FolderRole role,
                                                       InvitationFlow::Mode mode)
{
    const auto sent = awaitValue<QList<InvitationFlow::Sent>>(
        [&](QObject* c, auto done) { m_ada->flow.invite(m_folder, {email}, role, mode, c, done); });
    return sent.value_or(QList<InvitationFlow::Sent>());
}

std::optional<InvitationFlow::Incoming> TestInvitationFlow::firstReceived(Device& invitee)
{
    std::optional<Result<QList<InvitationFlow::Incoming>>> list;
    QObject context;
    invitee.flow.received(QString(), &context, [&list](Result<QList<InvitationFlow::Incoming>> r, QString) {
        list.emplace(std::move(r));
    });
    if (!QTest::qWaitFor([&] { return list.has_value(); }, 60'000) || !list->ok() || list->value().isEmpty())
        return std::nullopt;
    return list->value().first();
}

std::optional<InvitationApi::Managed> TestInvitationFlow::openInvitation(Device& manager, const QUuid& id)
{
    const auto open = awaitValue<Result<QList<InvitationApi::Managed>>>(
        [&](QObject* c, auto done) { manager.flow.openInvitations(m_folder, c, done); });
    if (!open || !open->ok())
        return std::nullopt;
    for (const InvitationApi::Managed& m : open->value()) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

bool TestInvitationFlow::secondManager()
{
    if (m_secondManager)
        return true;
    auto second = device("second");
    if (!second)
        return false;
    const auto sent = invite(second->email, FolderRole::Manage, InvitationFlow::Mode::Code);
    const auto incoming = sent.size() == 1 && !sent[0].error ? firstReceived(*second) : std::nullopt;
    if (!incoming)
        return false;
    const auto accepted = awaitValue<Status>(
        [&](QObject* c, auto done) { second->flow.accept(*incoming, sent[0].code, c, done); });
    if (!accepted || !accepted->ok())
        return false;
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    if (!syncManager() || !QTest::qWaitFor([&] { return added.count() == 1; }, 30'000))
        return false;
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { second->flow.check(c, done); });
    if (!checked || !checked->ok() || second->engine.roleIn(m_folder) != FolderRole::Manage)
        return false;
    m_secondManager = std::move(second);
    return true;
}

QUuid TestInvitationFlow::folderBothManage()
{
    if (!m_folderBothManage.isNull() || !secondManager())
        return m_folderBothManage;
    Device& second = *m_secondManager;
    const auto folder = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        m_ada->engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Both Manage"), c, done);
    });
    if (!folder || !folder->ok())
        return {};
    const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_ada->flow.invite(folder->value(), {second.email}, FolderRole::Manage, InvitationFlow::Mode::Code, c,
                           done);
    });
    if (!sent || sent->size() != 1 || sent->at(0).error)
        return {};
    std::optional<InvitationFlow::Incoming> incoming;
    std::optional<Result<QList<InvitationFlow::Incoming>>> list;
    QObject context;
    second.flow.received(QString(), &context, [&list](Result<QList<InvitationFlow::Incoming>> r, QString) {
        list.emplace(std::move(r));
    });
    if (!QTest::qWaitFor([&] { return list.has_value(); }, 60'000) || !list->ok())
        return {};
    for (const InvitationFlow::Incoming& in : list->value()) {
        if (in.invitation.id == sent->at(0).invitationId)
            incoming = in;
    }
    if (!incoming)
        return {};
    const auto accepted = awaitValue<Status>(
        [&](QObject* c, auto done) { second.flow.accept(*incoming, sent->at(0).code, c, done); });
    if (!accepted || !accepted->ok())
        return {};
    const auto added = awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    const auto joined = awaitValue<Status>([&](QObject* c, auto done) { second.flow.check(c, done); });
    if (!added || !joined || second.engine.roleIn(folder->value()) != FolderRole::Manage)
        return {};
    m_folderBothManage = folder->value();
    return m_folderBothManage;
}

std::optional<InvitationApi::Managed> TestInvitationFlow::takenOverFromSecond(Device& invitee)
{
    if (!secondManager())
        return std::nullopt;
    const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_secondManager->flow.invite(m_folder, {invitee.email}, FolderRole::Edit, InvitationFlow::Mode::Code,
                                     c, done);
    });
    if (!sent || sent->size() != 1 || sent->at(0).error)
        return std::nullopt;
    const auto incoming = firstReceived(invitee);
    if (!incoming)
        return std::nullopt;
    const auto accepted = awaitValue<Status>(
        [&](QObject* c, auto done) { invitee.flow.accept(*incoming, sent->at(0).code, c, done); });
    if (!accepted || !accepted->ok() || !syncManager())
        return std::nullopt;
    std::optional<InvitationApi::Managed> listed = openInvitation(*m_ada, sent->at(0).invitationId);
    if (!listed || !m_ada->flow.takeOver(*listed).ok())
        return std::nullopt;
    return listed;
}

bool TestInvitationFlow::syncManager()
{
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { m_ada->engine.sync(c, done); });
    return synced && synced->ok();
}

int TestInvitationFlow::pendingRows(const QString& cachePath)
{
    int rows = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-pending"));
        db.setDatabaseName(cachePath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM pending_invitations")) && q.next())
                rows = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-pending"));
    return rows;
}

void TestInvitationFlow::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestInvitationFlow")));
    m_url = QUrl(m_server.baseUrl());
    m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".invite.example.com");
    m_orgId = makeOrg(m_server, m_domain);
    QVERIFY(!m_orgId.isEmpty());
    m_ada = device("ada");
    QVERIFY(m_ada);
    const auto folder = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        m_ada->engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Team Databases"), c, done);
    });
    VERIFY_OK(folder);
    m_folder = folder->value();
    const auto item = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        m_ada->engine.writeItem(m_folder, {}, "pg-main db1.internal:5432", c, done);
    });
    VERIFY_OK(item);
    m_item = item->value();
}

void TestInvitationFlow::cleanupTestCase()
{
    m_secondManager.reset();
    m_ada.reset();
    m_server.stop();
}

void TestInvitationFlow::inviteWithCodeAddsAutomatically()
{
    auto bob = device("bob");
    QVERIFY(bob);
    const auto sent = invite(bob->email, FolderRole::Edit, InvitationFlow::Mode::Code);
    QCOMPARE(sent.size(), 1);
    QVERIFY2(!sent[0].error, sent[0].error ? qPrintable(sent[0].error->message) : "");
    QCOMPARE(sent[0].code.size(), 23);
    QVERIFY(sent[0].safetyNumber.isEmpty());

    const auto incoming = firstReceived(*bob);
    QVERIFY(incoming);
    QCOMPARE(incoming->mode, InvitationFlow::Mode::Code);
    QCOMPARE(incoming->folderLabel, QStringLiteral("Team Databases"));
    QCOMPARE(incoming->invitation.inviterEmail, m_ada->email);
    QCOMPARE(incoming->invitation.role, QStringLiteral("edit"));
    QCOMPARE(incoming->state, InvitationFlow::InviteeState::Open);

    // A wrong code is refused on Bob's computer; nothing reaches the server.
    const QString wrong = InvitationCode::generate().text();
    const auto refused =
        awaitValue<Status>([&](QObject* c, auto done) { bob->flow.accept(*incoming, wrong, c, done); });
    VERIFY_REFUSED(refused);
    QCOMPARE(refused->error().field, QStringLiteral("code"));
    const auto notACode = awaitValue<Status>(
        [&](QObject* c, auto done) { bob->flow.accept(*incoming, QStringLiteral("hello"), c, done); });
    VERIFY_REFUSED(notACode);
    QVERIFY(firstReceived(*bob)); // still pending

    // The right code, typed loosely (lower case, spaces instead of hyphens).
    QString typed = sent[0].code.toLower();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    const auto accepted =
        awaitValue<Status>([&](QObject* c, auto done) { bob->flow.accept(*incoming, typed, c, done); });
    VERIFY_OK(accepted);
    QCOMPARE(bob->flow.stateOf(incoming->invitation.id), InvitationFlow::InviteeState::WaitingForManager);
    QVERIFY(!bob->engine.folderIds().contains(m_folder));

    // Ada's client adds Bob on its own when its sync sees the answer.
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    QVERIFY(syncManager());
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
    QCOMPARE(added.at(0).at(2).toString(), bob->email);

    // Bob's client sees the invitation added and first-syncs the folder.
    QSignalSpy joined(&bob->flow, &InvitationFlow::joined);
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { bob->flow.check(c, done); });
    VERIFY_OK(checked);
    QCOMPARE(joined.count(), 1);
    QCOMPARE(bob->flow.stateOf(incoming->invitation.id), InvitationFlow::InviteeState::Added);
    QVERIFY(bob->engine.folderIds().contains(m_folder));
    QCOMPARE(bob->engine.roleIn(m_folder), FolderRole::Edit);
    const SensitiveBytes* item = bob->engine.itemPlaintext(m_folder, m_item);
    QVERIFY(item);
    QCOMPARE(item->view().toByteArray(), QByteArray("pg-main db1.internal:5432"));
}

void TestInvitationFlow::safetyNumberPath()
{
    auto carol = device("carol");
    QVERIFY(carol);
    const auto sent = invite(carol->email, FolderRole::View, InvitationFlow::Mode::SafetyNumber);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);
    QVERIFY(sent[0].code.isEmpty());
    QCOMPARE(sent[0].safetyNumber, carol->flow.ownSafetyNumber());

    const auto incoming = firstReceived(*carol);
    QVERIFY(incoming);
    QCOMPARE(incoming->mode, InvitationFlow::Mode::SafetyNumber);
    QCOMPARE(incoming->inviterSafetyNumber, m_ada->flow.ownSafetyNumber());
    const auto wrong = awaitValue<Status>([&](QObject* c, auto done) {
        carol->flow.accept(*incoming, QStringLiteral("12345 67890 12345 67890 12345 67890"), c, done);
    });
    VERIFY_REFUSED(wrong);
    const auto accepted = awaitValue<Status>([&](QObject* c, auto done) {
        carol->flow.accept(*incoming, m_ada->flow.ownSafetyNumber(), c, done);
    });
    VERIFY_OK(accepted);

    // Answered, but Ada has not compared yet: no one is added. An open list of the folder's
    // invitations is told once that the answer came (it now asks for the comparison).
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    QSignalSpy listsTold(&m_ada->flow, &InvitationFlow::invitationsChanged);
    QVERIFY(syncManager());
    const auto first = awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    VERIFY_OK(first);
    QCOMPARE(added.count(), 0);
    QVERIFY(m_ada->flow.canComplete(sent[0].invitationId));
    QVERIFY(listsTold.count() >= 1);
    listsTold.clear();
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); }));
    QCOMPARE(listsTold.count(), 0); // nothing new

    QVERIFY(!m_ada->flow.confirmSafetyNumber(sent[0].invitationId, QStringLiteral("00000 11111")).ok());
    QVERIFY(m_ada->flow.confirmSafetyNumber(sent[0].invitationId, carol->flow.ownSafetyNumber()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);

    // Carol's next sync brings the folder; her invitation then reads as added without a check
    // being asked for (the add names no invitation in her feed).
    QSignalSpy carolState(&carol->flow, &InvitationFlow::inviteeStateChanged);
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { carol->engine.sync(c, done); });
    VERIFY_OK(synced);
    QTRY_VERIFY_WITH_TIMEOUT(carol->flow.stateOf(sent[0].invitationId) == InvitationFlow::InviteeState::Added,
                             30'000);
    QVERIFY(carolState.count() >= 1);
    QVERIFY(carol->engine.folderIds().contains(m_folder));
    QCOMPARE(carol->engine.roleIn(m_folder), FolderRole::View);
    QVERIFY(carol->engine.itemPlaintext(m_folder, m_item));
}

// Ada's add lands but its answer is lost, so no grant goes with it: Dee's check finds the
// invitation added and the folder without a key for her, and waits. When Ada's next sync
// grants the key, Dee's sync brings the folder, and her invitation reads as added without
// another check being asked for: the server announces no change of the invitation when it
// is used, so the folder's arrival is what the flow follows.
void TestInvitationFlow::inviteeFollowsAGrantThatComesLater()
{
    auto dee = device("dee");
    QVERIFY(dee);
    const auto sent = invite(dee->email, FolderRole::View, InvitationFlow::Mode::Code);
    QVERIFY(sent.size() == 1 && !sent[0].error);
    const QUuid id = sent[0].invitationId;
    const auto incoming = firstReceived(*dee);
    QVERIFY(incoming);
    VERIFY_OK(awaitValue<Status>(
        [&](QObject* c, auto done) { dee->flow.accept(*incoming, sent[0].code, c, done); }));
    // Dee's sync reads the one invitation change her feed gets (her own acceptance): the add
    // and the grant that follow name no invitation.
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { dee->engine.sync(c, done); }));

    m_ada->engine.api().setTamper([](const QString& path, QJsonObject& json) {
        if (path.endsWith(QStringLiteral("/log")))
            json.remove(QStringLiteral("logLength"));
    });
    (void)awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    m_ada->engine.api().setTamper({});
    (void)awaitValue<Status>([&](QObject* c, auto done) { dee->flow.check(c, done); });
    QCOMPARE(dee->flow.stateOf(id), InvitationFlow::InviteeState::WaitingForManager);
    QCOMPARE(dee->engine.roleIn(m_folder), FolderRole::None);

    QVERIFY(syncManager()); // grants the key to the member without one
    QSignalSpy state(&dee->flow, &InvitationFlow::inviteeStateChanged);
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { dee->engine.sync(c, done); }));
    QCOMPARE(dee->engine.roleIn(m_folder), FolderRole::View);
    QTRY_COMPARE_WITH_TIMEOUT(dee->flow.stateOf(id), InvitationFlow::InviteeState::Added, 30'000);
    QCOMPARE(state.count(), 1);
}

void TestInvitationFlow::declined()
{
    auto dave = device("dave");
    QVERIFY(dave);
    const auto sent = invite(dave->email, FolderRole::View, InvitationFlow::Mode::Code);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);
    const auto incoming = firstReceived(*dave);
    QVERIFY(incoming);
    // The count the Team Sharing menu shows.
    QSignalSpy counted(&dave->flow, &InvitationFlow::receivedCountChanged);
    const auto before = awaitValue<Status>([&](QObject* c, auto done) { dave->flow.check(c, done); });
    VERIFY_OK(before);
    QCOMPARE(dave->flow.receivedCount(), 1);
    QCOMPARE(counted.count(), 1);
    const auto declined = awaitValue<Status>(
        [&](QObject* c, auto done) { dave->flow.decline(incoming->invitation.id, c, done); });
    VERIFY_OK(declined);
    QCOMPARE(dave->flow.stateOf(incoming->invitation.id), InvitationFlow::InviteeState::Closed);
    QVERIFY(!firstReceived(*dave));
    QTRY_COMPARE_WITH_TIMEOUT(dave->flow.receivedCount(), 0, 30'000);
    // Accepting afterwards is refused in words.
    const auto late = awaitValue<Status>(
        [&](QObject* c, auto done) { dave->flow.accept(*incoming, sent[0].code, c, done); });
    VERIFY_REFUSED(late);

    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    VERIFY_OK(checked);
    QVERIFY(!m_ada->flow.canComplete(sent[0].invitationId));
    const auto open = awaitValue<Result<QList<InvitationApi::Managed>>>(
        [&](QObject* c, auto done) { m_ada->flow.openInvitations(m_folder, c, done); });
    VERIFY_OK(open);
    for (const InvitationApi::Managed& m : open->value())
        QVERIFY(m.id != sent[0].invitationId);
}

void TestInvitationFlow::cancelled()
{
    auto erin = device("erin");
    QVERIFY(erin);
    const auto sent = invite(erin->email, FolderRole::Edit, InvitationFlow::Mode::Code);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);
    const auto open = awaitValue<Result<QList<InvitationApi::Managed>>>(
        [&](QObject* c, auto done) { m_ada->flow.openInvitations(m_folder, c, done); });
    VERIFY_OK(open);
    bool listed = false;
    for (const InvitationApi::Managed& m : open->value())
        listed = listed || (m.id == sent[0].invitationId && m.inviteeEmail == erin->email);
    QVERIFY(listed);

    const auto incoming = firstReceived(*erin);
    QVERIFY(incoming);
    const auto cancelled =
        awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.cancel(sent[0].invitationId, c, done); });
    VERIFY_OK(cancelled);
    QVERIFY(!m_ada->flow.canComplete(sent[0].invitationId));
    QVERIFY(!firstReceived(*erin));
    const auto late = awaitValue<Status>(
        [&](QObject* c, auto done) { erin->flow.accept(*incoming, sent[0].code, c, done); });
    VERIFY_REFUSED(late);
    QVERIFY(!erin->engine.folderIds().contains(m_folder));
}

void TestInvitationFlow::answerWithSwappedKeysIsRefused()
{
    auto frank = device("frank");
    QVERIFY(frank);
    const auto sent = invite(frank->email, FolderRole::Edit, InvitationFlow::Mode::Code);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);
    const auto incoming = firstReceived(*frank);
    QVERIFY(incoming);
    const auto accepted = awaitValue<Status>(
        [&](QObject* c, auto done) { frank->flow.accept(*incoming, sent[0].code, c, done); });
    VERIFY_OK(accepted);

    // The server hands Ada an answer carrying a key of its own for Frank; it cannot know the
    // code, so it makes the MAC with one of its own.
    const UserKeys attacker = UserKeys::generate();
    const UserKeyBundle forged = UserKeyBundle::create(frank->client.account().userId, attacker);
    const Invitation::Binding binding{sent[0].invitationId, m_folder, m_ada->client.account().userId,
                                      frank->client.account().userId};
    const QByteArray swapped = Invitation::answer(InvitationCode::generate(), binding, forged);
    m_ada->invitations.setTamper([&](const QString& path, QJsonObject& json) {
        if (!path.startsWith(QStringLiteral("/api/v1/folders/")) ||
            !path.contains(QStringLiteral("/invitations?")))
            return;
        QJsonArray list = json.value(QStringLiteral("invitations")).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject one = list.at(i).toObject();
            if (one.value(QStringLiteral("id")).toString() ==
                sent[0].invitationId.toString(QUuid::WithoutBraces)) {
                one.insert(QStringLiteral("answer"), QString::fromLatin1(swapped.toBase64()));
                list.replace(i, one);
            }
        }
        json.insert(QStringLiteral("invitations"), list);
    });
    QSignalSpy refused(&m_ada->flow, &InvitationFlow::refused);
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    m_ada->invitations.setTamper({});
    QVERIFY(checked);
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.at(0).at(2).toString().contains(frank->email));
    QCOMPARE(added.count(), 0);
    QVERIFY(!m_ada->flow.canComplete(sent[0].invitationId));

    // Frank is not a member: his sync brings no folder.
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { frank->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(!frank->engine.folderIds().contains(m_folder));
}

void TestInvitationFlow::lookupWithSwappedKeysIsRefused()
{
    auto gus = device("gus");
    QVERIFY(gus);
    // The server answers Ada's key look-up for Gus with a key of its own.
    const UserKeys attacker = UserKeys::generate();
    const QByteArray forged = UserKeyBundle::create(gus->client.account().userId, attacker).serialize();
    m_ada->engine.api().setTamper([&](const QString& path, QJsonObject& json) {
        if (path == QStringLiteral("/api/v1/keys/lookup"))
            json.insert(QStringLiteral("bundle"), QString::fromLatin1(forged.toBase64()));
    });
    const auto sent = invite(gus->email, FolderRole::Edit, InvitationFlow::Mode::SafetyNumber);
    m_ada->engine.api().setTamper({});
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);
    // What Ada's client shows is not Gus's number, so the comparison fails, in words.
    QVERIFY(sent[0].safetyNumber != gus->flow.ownSafetyNumber());
    const Status confirmed =
        m_ada->flow.confirmSafetyNumber(sent[0].invitationId, gus->flow.ownSafetyNumber());
    QVERIFY(!confirmed.ok());
    QVERIFY(confirmed.error().message.contains(gus->email));

    // Gus answers with his real keys: they are not the ones compared, so Ada refuses them.
    const auto incoming = firstReceived(*gus);
    QVERIFY(incoming);
    const auto accepted = awaitValue<Status>(
        [&](QObject* c, auto done) { gus->flow.accept(*incoming, m_ada->flow.ownSafetyNumber(), c, done); });
    VERIFY_OK(accepted);
    QSignalSpy refused(&m_ada->flow, &InvitationFlow::refused);
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    QVERIFY(checked);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(added.count(), 0);
}

void TestInvitationFlow::inviterRestartsAndCompletes()
{
    auto jo = device("jo");
    auto kim = device("kim");
    QVERIFY(jo && kim);
    const auto folder = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        jo->engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Jo's Servers"), c, done);
    });
    VERIFY_OK(folder);
    const QUuid folderId = folder->value();
    const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        jo->flow.invite(folderId, {kim->email}, FolderRole::Edit, InvitationFlow::Mode::Code, c, done);
    });
    QVERIFY(sent && sent->size() == 1 && !sent->first().error);
    const QString code = sent->first().code;
    const QUuid invitationId = sent->first().invitationId;

    // Kept in Jo's cache file, sealed: neither the code's bytes nor its text are in it.
    const QString cachePath = jo->engine.localCache()->path();
    QCOMPARE(pendingRows(cachePath), 1);
    const Result<InvitationCode> parsed = InvitationCode::parse(code);
    QVERIFY(parsed.ok());
    const QByteArray codeBytes = parsed->bytes().view().toByteArray();
    for (const QString& file : QStringList{cachePath, cachePath + QStringLiteral("-wal")}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(codeBytes));
        QVERIFY(!bytes.contains(code.toLatin1()));
    }

    // Jo's client restarts: a new engine and flow over the same data folder, nothing in memory.
    auto engine = std::make_unique<SyncEngine>(jo->client, jo->dir.path());
    const auto started = awaitValue<Status>([&](QObject* c, auto done) { engine->start(c, done); });
    VERIFY_OK(started);
    auto flow = std::make_unique<InvitationFlow>(*engine, jo->invitations);

    const auto incoming = firstReceived(*kim);
    QVERIFY(incoming);
    const auto accepted =
        awaitValue<Status>([&](QObject* c, auto done) { kim->flow.accept(*incoming, code, c, done); });
    VERIFY_OK(accepted);

    // The restarted client checks the answer with the kept code and adds Kim on its own.
    QSignalSpy added(flow.get(), &InvitationFlow::memberAdded);
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { engine->sync(c, done); });
    VERIFY_OK(synced);
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
    QCOMPARE(added.at(0).at(1).toUuid(), invitationId);
    QVERIFY(!flow->canComplete(invitationId));
    QCOMPARE(pendingRows(cachePath), 0);
    // Known at once from the invitation, before any sync names it.
    QCOMPARE(engine->emailOf(kim->client.account().userId), kim->email);

    QSignalSpy joined(&kim->flow, &InvitationFlow::joined);
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { kim->flow.check(c, done); });
    VERIFY_OK(checked);
    QCOMPARE(joined.count(), 1);
    QCOMPARE(kim->engine.roleIn(folderId), FolderRole::Edit);
}

void TestInvitationFlow::anotherManagerCompletes()
{
    // Lea joins Ada's folder as a second manager.
    auto lea = device("lea");
    QVERIFY(lea);
    {
        const auto sent = invite(lea->email, FolderRole::Manage, InvitationFlow::Mode::Code);
        QVERIFY(sent.size() == 1 && !sent[0].error);
        const auto incoming = firstReceived(*lea);
        QVERIFY(incoming);
        const auto accepted = awaitValue<Status>(
            [&](QObject* c, auto done) { lea->flow.accept(*incoming, sent[0].code, c, done); });
        VERIFY_OK(accepted);
        QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
        QVERIFY(syncManager());
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
        const auto checked = awaitValue<Status>([&](QObject* c, auto done) { lea->flow.check(c, done); });
        VERIFY_OK(checked);
        QCOMPARE(lea->engine.roleIn(m_folder), FolderRole::Manage);
    }

    // Ada invites Max with a code and goes offline; Max accepts.
    auto max = device("max");
    QVERIFY(max);
    const auto sent = invite(max->email, FolderRole::View, InvitationFlow::Mode::Code);
    QVERIFY(sent.size() == 1 && !sent[0].error);
    const QUuid invitationId = sent[0].invitationId;
    const auto incoming = firstReceived(*max);
    QVERIFY(incoming);
    const auto accepted = awaitValue<Status>(
        [&](QObject* c, auto done) { max->flow.accept(*incoming, sent[0].code, c, done); });
    VERIFY_OK(accepted);

    // Lea's client has no code for it; it lists it as accepted and can take it over.
    const std::optional<InvitationApi::Managed> listed = openInvitation(*lea, invitationId);
    QVERIFY(listed);
    QCOMPARE(listed->state, InvitationApi::State::Accepted);
    QVERIFY(!lea->flow.canComplete(invitationId));
    QCOMPARE(lea->engine.emailOf(listed->inviterId), m_ada->email);
    const Result<QString> number = lea->flow.takeOver(*listed);
    QVERIFY2(number.ok(), number.ok() ? "" : qPrintable(number.error().message));
    QCOMPARE(*number, max->flow.ownSafetyNumber());
    QVERIFY(lea->flow.isTakenOver(invitationId));
    QCOMPARE(lea->flow.modeOf(invitationId), InvitationFlow::Mode::SafetyNumber);

    // Nothing is added before the comparison matched: not on a check, not after a mismatch.
    const QUuid maxId = max->client.account().userId;
    auto isMember = [&] {
        return lea->engine.memberRole(m_folder, maxId) != FolderRole::None;
    };
    QSignalSpy added(&lea->flow, &InvitationFlow::memberAdded);
    const auto unconfirmed = awaitValue<Status>([&](QObject* c, auto done) { lea->flow.check(c, done); });
    VERIFY_OK(unconfirmed);
    QCOMPARE(added.count(), 0);
    QVERIFY(!lea->flow.confirmSafetyNumber(invitationId, QStringLiteral("12345 67890 12345")).ok());
    const auto mismatched = awaitValue<Status>([&](QObject* c, auto done) { lea->flow.check(c, done); });
    VERIFY_OK(mismatched);
    QCOMPARE(added.count(), 0);
    QVERIFY(!isMember());

    QVERIFY(lea->flow.confirmSafetyNumber(invitationId, max->flow.ownSafetyNumber()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
    QVERIFY(isMember());
    QCOMPARE(lea->engine.emailOf(maxId), max->email);

    QSignalSpy joined(&max->flow, &InvitationFlow::joined);
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { max->flow.check(c, done); });
    VERIFY_OK(checked);
    QCOMPARE(joined.count(), 1);
    QCOMPARE(max->engine.roleIn(m_folder), FolderRole::View);

    // Back online, Ada's client sees the invitation used and forgets its code.
    QVERIFY(m_ada->flow.canComplete(invitationId));
    QVERIFY(syncManager());
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->flow.canComplete(invitationId), 30'000);
}

// A server that changes what it lists of an accepted invitation cannot have another manager
// add the invitee on other terms than the inviter signed: a raised role, another address, the
// terms taken away or taken from another invitation, another inviter. Each is refused in words
// before anything is taken over, and no one is added.
void TestInvitationFlow::takeOverFollowsTheSignedTerms_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::newRow("as listed") << QString();
    QTest::newRow("role raised from view to manage") << QStringLiteral("role");
    QTest::newRow("address changed") << QStringLiteral("email");
    QTest::newRow("terms removed") << QStringLiteral("no terms");
    QTest::newRow("terms of another invitation of the folder") << QStringLiteral("other terms");
    QTest::newRow("signature flipped") << QStringLiteral("signature");
    QTest::newRow("the second manager named as the inviter") << QStringLiteral("inviter is taker");
    QTest::newRow("someone who does not manage the folder named as the inviter")
        << QStringLiteral("inviter not a manager");
    QTest::newRow("only the invitation id changed, in the answer too") << QStringLiteral("other id");
    // Refused by the terms' folder id and, as the other folder's log is shorter, by their log
    // position too.
    QTest::newRow("only the folder changed, to another one both manage, in the answer too")
        << QStringLiteral("other folder");
    QTest::newRow("only the listed expiry changed, by a millisecond") << QStringLiteral("expiry");
    QTest::newRow("the listing as it was, after the signed expiry") << QStringLiteral("expired");
    QTest::newRow("terms that expire later than seven days and ten minutes from the taker's now")
        << QStringLiteral("expires too late");
    QTest::newRow("terms that expire exactly seven days and ten minutes from the taker's now (taken)")
        << QStringLiteral("expires at the bound");
    QTest::newRow("terms signed on a log the taker has not read yet") << QStringLiteral("behind");
    QTest::newRow("the listing as it was, after the invitee was added and removed")
        << QStringLiteral("removed since");
}

void TestInvitationFlow::takeOverFollowsTheSignedTerms()
{
    QFETCH(QString, tamper);
    QVERIFY(secondManager());
    Device& taker = *m_secondManager;
    QUuid otherFolder;
    if (tamper == u"other folder") {
        otherFolder = folderBothManage();
        QVERIFY(!otherFolder.isNull());
    }

    // Ada adds someone the taker does not sync before it takes over: the terms that follow
    // are signed on a longer log than the taker's.
    if (tamper == u"behind") {
        auto extra = device("extra");
        QVERIFY(extra);
        const auto sentExtra = invite(extra->email, FolderRole::View, InvitationFlow::Mode::Code);
        QVERIFY(sentExtra.size() == 1 && !sentExtra[0].error);
        const auto incomingExtra = firstReceived(*extra);
        QVERIFY(incomingExtra);
        VERIFY_OK(awaitValue<Status>(
            [&](QObject* c, auto done) { extra->flow.accept(*incomingExtra, sentExtra[0].code, c, done); }));
        QSignalSpy adaAdded(&m_ada->flow, &InvitationFlow::memberAdded);
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); }));
        QTRY_VERIFY_WITH_TIMEOUT(adaAdded.count() >= 1, 30'000);
    }

    // Ada invites a new person to view and is then offline; they accept.
    auto invitee = device("termed");
    QVERIFY(invitee);
    const auto sent = invite(invitee->email, FolderRole::View, InvitationFlow::Mode::Code);
    QVERIFY(sent.size() == 1 && !sent[0].error);
    const QUuid invitationId = sent[0].invitationId;
    const auto incoming = firstReceived(*invitee);
    QVERIFY(incoming);
    VERIFY_OK(awaitValue<Status>(
        [&](QObject* c, auto done) { invitee->flow.accept(*incoming, sent[0].code, c, done); }));

    const QString id = invitationId.toString(QUuid::WithoutBraces);
    const QString inviteeId = invitee->client.account().userId.toString(QUuid::WithoutBraces);
    const QString takerId = taker.client.account().userId.toString(QUuid::WithoutBraces);
    const QUuid otherId = QUuid::createUuid();
    // The answer's invitation id at 26, its folder id at 42 (§9.1): a server writes both anew.
    auto patchAnswer = [](QJsonObject& o, qsizetype at, const QUuid& to) {
        QByteArray answer = QByteArray::fromBase64(o.value(QStringLiteral("answer")).toString().toLatin1());
        answer.replace(at, 16, to.toRfc4122());
        o.insert(QStringLiteral("answer"), QString::fromLatin1(answer.toBase64()));
    };
    taker.invitations.setTamper([&](const QString&, QJsonObject& json) {
        if (!json.contains(QStringLiteral("invitations")))
            return;
        QJsonArray list = json.value(QStringLiteral("invitations")).toArray();
        QString otherTerms;
        for (const QJsonValue& v : list) {
            if (v.toObject().value(QStringLiteral("id")).toString() != id &&
                v.toObject().contains(QStringLiteral("signedTerms")))
                otherTerms = v.toObject().value(QStringLiteral("signedTerms")).toString();
        }
        for (QJsonValueRef v : list) {
            QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toString() != id)
                continue;
            if (tamper == u"role") {
                o.insert(QStringLiteral("role"), QStringLiteral("manage"));
            } else if (tamper == u"email") {
                o.insert(QStringLiteral("inviteeEmail"), QString(QStringLiteral("someone.else@") + m_domain));
            } else if (tamper == u"no terms") {
                o.remove(QStringLiteral("signedTerms"));
            } else if (tamper == u"other terms") {
                o.insert(QStringLiteral("signedTerms"), otherTerms);
            } else if (tamper == u"signature") {
                QByteArray terms =
                    QByteArray::fromBase64(o.value(QStringLiteral("signedTerms")).toString().toLatin1());
                terms[terms.size() - 1] = char(terms[terms.size() - 1] ^ 1);
                o.insert(QStringLiteral("signedTerms"), QString::fromLatin1(terms.toBase64()));
            } else if (tamper == u"inviter is taker") {
                o.insert(QStringLiteral("inviterId"), takerId);
            } else if (tamper == u"inviter not a manager") {
                o.insert(QStringLiteral("inviterId"), inviteeId);
            } else if (tamper == u"expiry") {
                const QDateTime at =
                    QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
                o.insert(QStringLiteral("expiresAt"), at.addMSecs(1).toUTC().toString(Qt::ISODateWithMs));
            } else if (tamper == u"other id") {
                o.insert(QStringLiteral("id"), otherId.toString(QUuid::WithoutBraces));
                patchAnswer(o, 26, otherId);
            } else if (tamper == u"other folder") {
                o.insert(QStringLiteral("folderId"), otherFolder.toString(QUuid::WithoutBraces));
                patchAnswer(o, 42, otherFolder);
            }
            v = o;
        }
        json.insert(QStringLiteral("invitations"), list);
    });
    // The taker's log is current (others may have added members since it last read it).
    if (tamper != u"behind")
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { taker.engine.sync(c, done); }));
    std::optional<InvitationApi::Managed> listed =
        openInvitation(taker, tamper == u"other id" ? otherId : invitationId);
    taker.invitations.setTamper({});
    QVERIFY(listed);
    if (tamper == u"other terms")
        QVERIFY(!listed->terms.isEmpty()); // another invitation's were there to take
    if (tamper == u"other folder") {
        // Everything but the terms holds for the other folder.
        QCOMPARE(taker.engine.roleIn(otherFolder), FolderRole::Manage);
        QCOMPARE(taker.engine.memberRole(otherFolder, listed->inviterId), FolderRole::Manage);
        QVERIFY(!taker.flow.answerSafetyNumber(*listed).isEmpty());
    }
    if (tamper == u"other id")
        QVERIFY(!taker.flow.answerSafetyNumber(*listed).isEmpty());
    // The server lists the accepted invitation as it was; the taker's clock is past its expiry.
    struct ClockBack
    {
        Device& d;
        ~ClockBack() { d.flow.setClock({}); }
    } clockBack{taker};
    if (tamper == u"expired") {
        const quint64 later =
            quint64(QDateTime::currentMSecsSinceEpoch() + InvitationFlow::kLifetimeMs + 60'000);
        taker.flow.setClock([later] { return later; });
    }
    // The inviter signed seven days from its clock; the taker's is eleven minutes behind it.
    if (tamper == u"expires too late" || tamper == u"expires at the bound") {
        const quint64 behind =
            quint64(listed->expiresAt.toMSecsSinceEpoch() - InvitationFlow::kLifetimeMs -
                    InvitationFlow::kClockDriftMs - (tamper == u"expires too late" ? 1 : 0));
        taker.flow.setClock([behind] { return behind; });
    }
    // The server lists the accepted invitation as it was, after Ada's client added the invitee
    // and Ada removed them again; the taker's log is current.
    if (tamper == u"removed since") {
        // Ada's check adds this invitee (and those of the rows before, accepted while she was away).
        QVERIFY(syncManager());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_ada->engine.memberRole(m_folder, invitee->client.account().userId) == FolderRole::View, 30'000);
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) {
            m_ada->engine.removeMember(m_folder, invitee->client.account().userId, c, done);
        }));
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { taker.engine.sync(c, done); }));
        QCOMPARE(taker.engine.memberRole(m_folder, invitee->client.account().userId), FolderRole::None);
    }

    const Result<QString> number = taker.flow.takeOver(*listed);
    if (tamper.isEmpty() || tamper == u"expires at the bound") {
        QVERIFY2(number.ok(), number.ok() ? "" : qPrintable(number.error().message));
        QVERIFY(taker.flow.isTakenOver(invitationId));
        QVERIFY(taker.flow.confirmSafetyNumber(invitationId, invitee->flow.ownSafetyNumber()).ok());
        QSignalSpy added(&taker.flow, &InvitationFlow::memberAdded);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { invitee->flow.check(c, done); }));
        QCOMPARE(invitee->engine.roleIn(m_folder), FolderRole::View);
        return;
    }
    QVERIFY2(!number.ok(), "taken over");
    QVERIFY(!number.error().message.isEmpty());
    if (tamper == u"behind")
        QCOMPARE(number.error().code, ErrorCode::Unavailable); // taken over after the next sync
    QVERIFY(!taker.flow.isTakenOver(invitationId));
    // The safety number that matches changes nothing: there is nothing taken over to add.
    QVERIFY(!taker.flow.confirmSafetyNumber(invitationId, invitee->flow.ownSafetyNumber()).ok());
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { taker.flow.check(c, done); }));
    QCOMPARE(taker.engine.memberRole(m_folder, invitee->client.account().userId), FolderRole::None);
}

// An invitation taken over is checked again before the add: its inviter (the second manager,
// whose terms are genuine) lost Manage between the take-over and the comparison, the
// invitation expired meanwhile by the taker's clock, the server lists it otherwise since, or
// the invitee's membership changed since. Nothing is added and the take-over is forgotten.
// Only an invitation no one can complete is cancelled: the inviter's own client may still
// complete one the taker's clock calls expired or whose terms no longer open here.
void TestInvitationFlow::takenOverInvitationIsCheckedAgainBeforeTheAdd_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("cancelled");
    QTest::newRow("the inviter lowered to Edit") << QStringLiteral("inviter lowered") << true;
    QTest::newRow("expired since, by the taker's clock") << QStringLiteral("expired") << false;
    QTest::newRow("listed with another expiry since, by a millisecond") << QStringLiteral("expiry") << true;
    QTest::newRow("listed with terms that no longer open since (signature flipped)")
        << QStringLiteral("signature") << false;
    QTest::newRow("the invitee added to view since, by the taker directly")
        << QStringLiteral("added to view") << true;
}

void TestInvitationFlow::takenOverInvitationIsCheckedAgainBeforeTheAdd()
{
    QFETCH(QString, change);
    QFETCH(bool, cancelled);
    QVERIFY(secondManager());
    Device& second = *m_secondManager;
    const QUuid secondId = second.client.account().userId;
    auto quinn = device("quinn");
    QVERIFY(quinn);
    const std::optional<InvitationApi::Managed> listed = takenOverFromSecond(*quinn);
    QVERIFY(listed);
    const QUuid invitationId = listed->id;

    struct ClockBack
    {
        Device& d;
        ~ClockBack() { d.flow.setClock({}); }
    } clockBack{*m_ada};
    const QUuid quinnId = quinn->client.account().userId;
    ErrorCode expected = ErrorCode::Denied;
    FolderRole roleAfter = FolderRole::None;
    InvitationApi::Managed now = *listed; // as Ada's client reads it when it completes
    if (change == u"inviter lowered") {
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) {
            m_ada->engine.changeRole(m_folder, secondId, FolderRole::Edit, c, done);
        }));
    } else if (change == u"expired") {
        // One millisecond past the signed expiry.
        const quint64 after = quint64(listed->expiresAt.toMSecsSinceEpoch()) + 1;
        m_ada->flow.setClock([after] { return after; });
    } else if (change == u"expiry") {
        now.expiresAt = now.expiresAt.addMSecs(1);
        expected = ErrorCode::Crypto;
    } else if (change == u"signature") {
        now.terms[now.terms.size() - 1] = char(now.terms[now.terms.size() - 1] ^ 1);
        expected = ErrorCode::Crypto;
    } else {
        // Ada's client adds Quinn itself, with another role than the signed one.
        const Result<UserKeyBundle> bundle = Invitation::parseAnswer(listed->answer, invitationId);
        QVERIFY(bundle.ok());
        QVERIFY(m_ada->engine.confirmSafetyNumber(bundle->serialize(), quinn->flow.ownSafetyNumber()).ok());
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) {
            m_ada->engine.addMember(m_folder, bundle->serialize(), FolderRole::View, c, done);
        }));
        roleAfter = FolderRole::View;
    }
    const QString id = invitationId.toString(QUuid::WithoutBraces);
    // The server lists an invitee who is a member as added; a server that hides that does not
    // get them added again.
    const bool keepAccepted = change == u"added to view";
    m_ada->invitations.setTamper([&now, id, keepAccepted](const QString&, QJsonObject& json) {
        if (!json.contains(QStringLiteral("invitations")))
            return;
        QJsonArray list = json.value(QStringLiteral("invitations")).toArray();
        for (QJsonValueRef v : list) {
            QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toString() != id)
                continue;
            o.insert(QStringLiteral("expiresAt"), now.expiresAt.toUTC().toString(Qt::ISODateWithMs));
            o.insert(QStringLiteral("signedTerms"), QString::fromLatin1(now.terms.toBase64()));
            if (keepAccepted)
                o.insert(QStringLiteral("status"), QStringLiteral("accepted"));
            v = o;
        }
        json.insert(QStringLiteral("invitations"), list);
    });
    const Result<FolderRole> again = m_ada->flow.takeOverRole(now);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, expected);

    QSignalSpy refused(&m_ada->flow, &InvitationFlow::refused);
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    QVERIFY(m_ada->flow.confirmSafetyNumber(invitationId, quinn->flow.ownSafetyNumber()).ok());
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); }));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 30'000);
    m_ada->invitations.setTamper({});
    QCOMPARE(refused.at(0).at(0).toUuid(), invitationId);
    QVERIFY(!refused.at(0).at(2).toString().isEmpty());
    QCOMPARE(added.count(), 0);
    QVERIFY(!m_ada->flow.isTakenOver(invitationId));
    QCOMPARE(m_ada->engine.memberRole(m_folder, quinnId), roleAfter);
    QCOMPARE(!openInvitation(*m_ada, invitationId), cancelled);

    if (change == u"inviter lowered") {
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) {
            m_ada->engine.changeRole(m_folder, secondId, FolderRole::Manage, c, done);
        }));
        VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { second.engine.sync(c, done); }));
        QCOMPARE(second.engine.roleIn(m_folder), FolderRole::Manage);
        return;
    }
    if (cancelled)
        return;
    // Not cancelled: the inviter's own client (its clock not past the expiry, the terms read
    // as the server stores them) completes it.
    QSignalSpy secondAdded(&second.flow, &InvitationFlow::memberAdded);
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { second.flow.check(c, done); }));
    QCOMPARE(secondAdded.count(), 1);
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { quinn->flow.check(c, done); }));
    QCOMPARE(quinn->engine.roleIn(m_folder), FolderRole::Edit);
}

// The check before the add runs on the log the add is signed on. Here the inviter (the second
// manager) steps down to Edit after Ada took the invitation over and before she compares, and
// Ada's client has not read that entry: its append meets a 409, and on the log read again the
// terms no longer hold. Nothing is added.
void TestInvitationFlow::takenOverInvitationIsCheckedOnTheLogTheAddIsSignedOn()
{
    QVERIFY(secondManager());
    Device& second = *m_secondManager;
    const QUuid secondId = second.client.account().userId;
    auto rhea = device("rhea");
    QVERIFY(rhea);
    const std::optional<InvitationApi::Managed> listed = takenOverFromSecond(*rhea);
    QVERIFY(listed);
    const QUuid invitationId = listed->id;

    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) {
        second.engine.changeRole(m_folder, secondId, FolderRole::Edit, c, done);
    }));
    // Ada's client still holds the log from before; the terms hold on it.
    QCOMPARE(m_ada->engine.memberRole(m_folder, secondId), FolderRole::Manage);
    QVERIFY(m_ada->flow.takeOverRole(*listed).ok());

    QSignalSpy refused(&m_ada->flow, &InvitationFlow::refused);
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    QVERIFY(m_ada->flow.confirmSafetyNumber(invitationId, rhea->flow.ownSafetyNumber()).ok());
    QTRY_VERIFY_WITH_TIMEOUT(refused.count() + added.count() > 0, 30'000);
    QCOMPARE(added.count(), 0);
    QCOMPARE(refused.at(0).at(0).toUuid(), invitationId);
    QVERIFY(!refused.at(0).at(2).toString().isEmpty());
    QCOMPARE(m_ada->engine.memberRole(m_folder, secondId), FolderRole::Edit); // read again
    QCOMPARE(m_ada->engine.memberRole(m_folder, rhea->client.account().userId), FolderRole::None);
    QVERIFY(!m_ada->flow.isTakenOver(invitationId));
    QVERIFY(!openInvitation(*m_ada, invitationId)); // the inviter lost Manage: cancelled

    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) {
        m_ada->engine.changeRole(m_folder, secondId, FolderRole::Manage, c, done);
    }));
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { second.engine.sync(c, done); }));
    QCOMPARE(second.engine.roleIn(m_folder), FolderRole::Manage);
}

// The inviter's client adds the invitee while the taker completes the same invitation: the
// taker's append meets a 409, and on the log read again the invitee is a member with the
// signed role and the key compared. That is no refusal: the take-over is forgotten, nothing is
// said, nothing is cancelled.
void TestInvitationFlow::takenOverInvitationAddedByTheInviterMeanwhile()
{
    QVERIFY(secondManager());
    Device& second = *m_secondManager;
    auto sam = device("sam");
    QVERIFY(sam);
    const QUuid samId = sam->client.account().userId;
    const std::optional<InvitationApi::Managed> listed = takenOverFromSecond(*sam);
    QVERIFY(listed);
    const QUuid invitationId = listed->id;

    QSignalSpy secondAdded(&second.flow, &InvitationFlow::memberAdded);
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { second.flow.check(c, done); }));
    QCOMPARE(secondAdded.count(), 1);
    QCOMPARE(m_ada->engine.memberRole(m_folder, samId), FolderRole::None); // not read yet

    // Ada's client reads the listing as it was just before the inviter's add.
    const QString id = invitationId.toString(QUuid::WithoutBraces);
    m_ada->invitations.setTamper([id](const QString&, QJsonObject& json) {
        if (!json.contains(QStringLiteral("invitations")))
            return;
        QJsonArray list = json.value(QStringLiteral("invitations")).toArray();
        for (QJsonValueRef v : list) {
            QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toString() == id)
                o.insert(QStringLiteral("status"), QStringLiteral("accepted"));
            v = o;
        }
        json.insert(QStringLiteral("invitations"), list);
    });
    QSignalSpy refused(&m_ada->flow, &InvitationFlow::refused);
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    QVERIFY(m_ada->flow.confirmSafetyNumber(invitationId, sam->flow.ownSafetyNumber()).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->flow.canComplete(invitationId), 30'000);
    m_ada->invitations.setTamper({});
    QCOMPARE(refused.count(), 0);
    QCOMPARE(added.count(), 0);
    QCOMPARE(m_ada->engine.memberRole(m_folder, samId), FolderRole::Edit); // read again
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { sam->flow.check(c, done); }));
    QCOMPARE(sam->engine.roleIn(m_folder), FolderRole::Edit);
}

// The inviter's client completes an invitation after another manager appended to the
// membership log since its last sync: the add is signed again on the log read anew.
void TestInvitationFlow::inviterCompletesAfterAnotherManagerChangedTheLog()
{
    QVERIFY(secondManager());
    auto gus = device("gus");
    QVERIFY(gus);
    const auto sent = invite(gus->email, FolderRole::Edit, InvitationFlow::Mode::Code);
    QVERIFY(sent.size() == 1 && !sent[0].error);
    const auto incoming = firstReceived(*gus);
    QVERIFY(incoming);
    VERIFY_OK(awaitValue<Status>(
        [&](QObject* c, auto done) { gus->flow.accept(*incoming, sent[0].code, c, done); }));

    // Meanwhile the second manager invites and adds Fay: a log entry Ada's client has not read.
    auto isMember = [&](const Device& who) {
        return m_ada->engine.memberRole(m_folder, who.client.account().userId) != FolderRole::None;
    };
    auto fay = device("fay");
    QVERIFY(fay);
    const auto sentToFay = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_secondManager->flow.invite(m_folder, {fay->email}, FolderRole::View, InvitationFlow::Mode::Code, c,
                                     done);
    });
    QVERIFY(sentToFay && sentToFay->size() == 1 && !sentToFay->at(0).error);
    const auto fayIncoming = firstReceived(*fay);
    QVERIFY(fayIncoming);
    VERIFY_OK(awaitValue<Status>(
        [&](QObject* c, auto done) { fay->flow.accept(*fayIncoming, sentToFay->at(0).code, c, done); }));
    QSignalSpy secondAdded(&m_secondManager->flow, &InvitationFlow::memberAdded);
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { m_secondManager->flow.check(c, done); }));
    QCOMPARE(secondAdded.count(), 1);
    QVERIFY(!isMember(*fay));

    // Ada's check adds Gus (and whatever else was waiting for her) on the log as it is now.
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); }));
    QVERIFY(added.count() >= 1);
    QVERIFY(isMember(*gus));
    QVERIFY(isMember(*fay));
    VERIFY_OK(awaitValue<Status>([&](QObject* c, auto done) { gus->flow.check(c, done); }));
    QCOMPARE(gus->engine.roleIn(m_folder), FolderRole::Edit);
}

void TestInvitationFlow::tooManyAddressesAndBadOnes()
{
    QStringList many;
    for (int i = 0; i <= InvitationFlow::kMaxAddresses; ++i)
        many.append(QStringLiteral("p%1@%2").arg(i).arg(m_domain));
    const auto tooMany = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_ada->flow.invite(m_folder, many, FolderRole::View, InvitationFlow::Mode::Code, c, done);
    });
    QVERIFY(tooMany);
    for (const InvitationFlow::Sent& s : *tooMany)
        QVERIFY(s.error && s.error->message.contains(QString::number(InvitationFlow::kMaxAddresses)));

    // A member of the folder (in another letter case) is not invited again.
    QVERIFY(secondManager());
    const QString member = m_secondManager->email.toUpper();
    const auto mixed = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_ada->flow.invite(
            m_folder,
            {QStringLiteral("not an address"), m_ada->email,
             QStringLiteral("nobody-%1@%2").arg(QUuid::createUuid().toString(QUuid::Id128), m_domain),
             member},
            FolderRole::View, InvitationFlow::Mode::Code, c, done);
    });
    QVERIFY(mixed);
    QCOMPARE(mixed->size(), 4);
    for (const InvitationFlow::Sent& s : *mixed) {
        QVERIFY2(s.error, qPrintable(s.email));
        QVERIFY(!s.error->message.isEmpty());
    }
    QCOMPARE(mixed->at(3).error->code, ErrorCode::AlreadyExists);
    const auto open = awaitValue<Result<QList<InvitationApi::Managed>>>(
        [&](QObject* c, auto done) { m_ada->flow.openInvitations(m_folder, c, done); });
    QVERIFY(open && open->ok());
    for (const InvitationApi::Managed& m : open->value())
        QVERIFY(m.inviteeEmail.compare(member, Qt::CaseInsensitive) != 0);
}

void TestInvitationFlow::receivedIsPaged()
{
    auto ivy = device("ivy");
    QVERIFY(ivy);
    // One open invitation per folder and address: 21 folders for 21 invitations.
    QList<QUuid> folders{m_folder};
    for (int i = 1; i <= InvitationApi::kPageSize; ++i) {
        const auto folder = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
            m_ada->engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Folder %1").arg(i), c,
                                       done);
        });
        VERIFY_OK(folder);
        folders.append(folder->value());
    }
    for (const QUuid& folderId : folders) {
        const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
            m_ada->flow.invite(folderId, {ivy->email}, FolderRole::View, InvitationFlow::Mode::Code, c, done);
        });
        QVERIFY(sent && sent->size() == 1 && !sent->first().error);
    }
    auto page = [&](const QString& cursor) {
        std::optional<std::pair<Result<QList<InvitationFlow::Incoming>>, QString>> got;
        QObject context;
        ivy->flow.received(cursor, &context, [&](Result<QList<InvitationFlow::Incoming>> r, QString next) {
            got.emplace(std::move(r), next);
        });
        (void)QTest::qWaitFor([&] { return got.has_value(); }, 60'000);
        return got;
    };
    const auto first = page(QString());
    QVERIFY(first && first->first.ok());
    QCOMPARE(first->first->size(), InvitationApi::kPageSize);
    QVERIFY(!first->second.isEmpty());
    const auto second = page(first->second);
    QVERIFY(second && second->first.ok());
    QCOMPARE(second->first->size(), 1);
    QVERIFY(second->second.isEmpty());
    QCOMPARE(second->first->first().folderLabel, QStringLiteral("Folder 20"));
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { ivy->flow.check(c, done); });
    VERIFY_OK(checked);
    QCOMPARE(ivy->flow.receivedCount(), InvitationApi::kPageSize + 1);
}

void TestInvitationFlow::expired()
{
    auto hal = device("hal");
    QVERIFY(hal);
    const auto sent = invite(hal->email, FolderRole::View, InvitationFlow::Mode::Code);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);
    const auto incoming = firstReceived(*hal);
    QVERIFY(incoming);
    m_server.advanceClock(7LL * 24 * 3600 * 1000 + 60'000);
    // Sessions end within 12 hours: a week later both sign in again.
    for (Device* d : {hal.get(), m_ada.get()}) {
        const auto again = awaitValue<Status>(
            [&](QObject* c, auto done) { d->client.signIn(d->email, pw(kPassword), c, done); });
        VERIFY_OK(again);
    }
    QVERIFY(!firstReceived(*hal));
    const auto late = awaitValue<Status>(
        [&](QObject* c, auto done) { hal->flow.accept(*incoming, sent[0].code, c, done); });
    VERIFY_REFUSED(late);
    QVERIFY2(late->error().message.contains(QStringLiteral("expired")), qPrintable(late->error().message));
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { m_ada->flow.check(c, done); });
    VERIFY_OK(checked);
    QVERIFY(!m_ada->flow.canComplete(sent[0].invitationId));
}

QTEST_GUILESS_MAIN(TestInvitationFlow)
#include "TestInvitationFlow.moc"
