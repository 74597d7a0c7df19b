// Tests the sync engine's member operations with four clients against the real
// conclave-server (labels sync, e2e), each result read back by another client: a role change
// (refused locally for a non-manager and for the last manager), a removal as exactly one
// rotation request after which the removed client's folder is wiped (memory and the SQLite
// file) and it cannot read what is written afterwards under the new key, a member leaving and
// the manager rotating on its next contact, handing over Manage, comparing a safety number,
// a member's changed key blocking grants until its new safety number is confirmed (then the
// confirm entry and a new folder key, taken by the other members on the manager's word), a
// member added after a removal first-syncing a folder with a deleted item and an item by a
// member since lowered to View, a lowering to View as one rotation request (or, after a bare
// role entry, a rotation on the manager's next contact) so that a member added later reads
// what the lowered member wrote, a write made before a member left that the manager reads
// only while the rotation is pending, and a Team Sharing block wiping every folder with the
// administrators' reason.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace Conclave::Core;

namespace {

SecureBytes pw(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

QByteArray text(const SensitiveBytes* bytes)
{
    return bytes ? bytes->view().toByteArray() : QByteArray();
}

// One computer of a user: the app's network stack, account client and sync engine.
struct Device
{
    Device(const QUrl& server, const QString& directory)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, directory)
        , engine(client, directory)
    {
        client.setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
    }

    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    SyncEngine engine;
};

template<typename T, typename Start> std::optional<Result<T>> awaitResult(Start start)
{
    std::optional<Result<T>> result;
    QObject context;
    start(&context, [&result](Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
        return std::nullopt;
    return result;
}

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
        QVERIFY(!s_->ok());                                                                                  \
        QVERIFY(!s_->error().message.isEmpty());                                                             \
    } while (false)

const char* const kPasswords[] = {"ada's long password", "bob's long password", "cy's long password",
                                  "dee's long password", "eve's long password", "fay's long password"};
constexpr int kUsers = 6;

// Every file of the account's local cache (the SQLite file and its journal or WAL).
QByteArray cacheBytes(const QString& directory)
{
    QByteArray all;
    const QStringList files = QDir(directory).entryList({QStringLiteral("sync-*")}, QDir::Files);
    for (const QString& name : files) {
        QFile file(QDir(directory).filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

bool holdsFolder(const QByteArray& bytes, const QUuid& folderId)
{
    return bytes.contains(folderId.toString(QUuid::WithoutBraces).toLatin1()) ||
           bytes.contains(folderId.toRfc4122());
}

} // namespace

class TestSyncMembers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void membersAreListed();
    void roleChangeRefusedLocally_data();
    void roleChangeRefusedLocally();
    void roleChangeSeenByTheOther();
    void removalRotatesInOneRequest();
    void removedClientIsWipedAndCannotRead();
    void leaveWipesAndManagerRotates();
    void comparedSafetyNumberVerifies();
    void handOverManage();
    void changedKeyBlocksUntilConfirmed();
    void newMemberReadsAfterRotation_data();
    void newMemberReadsAfterRotation();
    void memberAddedAfterLoweringReadsIt_data();
    void memberAddedAfterLoweringReadsIt();
    void writeBeforeLeaveIsReadWhileRotationPending();
    void memberAddedWithoutAGrantIsGrantedLater_data();
    void memberAddedWithoutAGrantIsGrantedLater();
    void hiddenGrantsCostOneTryEach_data();
    void hiddenGrantsCostOneTryEach();
    void blockWipesEverything();

private:
    bool signUp(const QString& email, const char* password);
    bool signIn(Device& device, const QString& email, const char* password);
    Device& dev(int i) { return *m_devices[std::size_t(i)]; }
    QUuid userId(int i) { return dev(i).client.account().userId; }
    bool add(int member, FolderRole role);
    bool add(const QUuid& folder, int member, FolderRole role);
    bool sync(int i);
    int keyVersionOfNewWrite(int writer, const QByteArray& plaintext);
    int keyVersionOf(int reader, const QUuid& folder, const QUuid& item);
    bool appendBareRoleChange(const QUuid& folder, int member, FolderRole role);
    QUuid sharedFolder(const QString& name, std::initializer_list<std::pair<int, FolderRole>> members);

    ServerHarness m_server;
    QUrl m_url;
    QString m_orgId;
    QString m_domain;
    QTemporaryDir m_dirs[kUsers];
    QString m_emails[kUsers];
    std::vector<std::unique_ptr<Device>> m_devices;
    QUuid m_folder;
    QUuid m_item;
};

bool TestSyncMembers::signUp(const QString& email, const char* password)
{
    QTemporaryDir scratch;
    Device device(m_url, scratch.path());
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Member"), pw(password), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

bool TestSyncMembers::signIn(Device& device, const QString& email, const char* password)
{
    const auto signedIn =
        await([&](QObject* c, auto done) { device.client.signIn(email, pw(password), c, done); });
    if (!signedIn || !signedIn->ok()) {
        qWarning("sign-in failed: %s", signedIn ? qPrintable(signedIn->error().message) : "timeout");
        return false;
    }
    const auto started = await([&](QObject* c, auto done) { device.engine.start(c, done); });
    return started && started->ok();
}

bool TestSyncMembers::add(int member, FolderRole role)
{
    return add(m_folder, member, role);
}

bool TestSyncMembers::add(const QUuid& folder, int member, FolderRole role)
{
    const auto lookup = awaitResult<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { dev(0).engine.api().lookupKey(m_emails[member], c, done); });
    if (!lookup || !lookup->ok())
        return false;
    const QString number = Fingerprint::of(dev(member).client.userKeys()->identityPublicKey()).safetyNumber();
    if (!dev(0).engine.confirmSafetyNumber(lookup->value().bundle, number).ok())
        return false;
    const auto added = await([&](QObject* c, auto done) {
        dev(0).engine.addMember(folder, lookup->value().bundle, role, c, done);
    });
    return added && added->ok();
}

bool TestSyncMembers::sync(int i)
{
    const auto synced = await([&](QObject* c, auto done) { dev(i).engine.sync(c, done); });
    if (synced && !synced->ok())
        qWarning("sync %d: %s", i, qPrintable(synced->error().message));
    return synced && synced->ok();
}

// The key version of the envelope a new item by `writer` is stored under on the server.
int TestSyncMembers::keyVersionOfNewWrite(int writer, const QByteArray& plaintext)
{
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { dev(writer).engine.writeItem(m_folder, {}, plaintext, c, done); });
    if (!written || !written->ok())
        return -1;
    const auto page = awaitResult<SharingApi::ItemPage>(
        [&](QObject* c, auto done) { dev(writer).engine.api().items(m_folder, {}, 0, c, done); });
    if (!page || !page->ok())
        return -1;
    for (const SharingApi::Item& item : page->value().items) {
        if (item.itemId == written->value()) {
            Result<ItemEnvelope> envelope = ItemEnvelope::parse(item.envelope);
            return envelope ? int(envelope->header().keyVersion) : -1;
        }
    }
    return -1;
}

// The key version of the newest envelope of `item` as the server hands it to `reader`.
int TestSyncMembers::keyVersionOf(int reader, const QUuid& folder, const QUuid& item)
{
    const auto page = awaitResult<SharingApi::ItemPage>(
        [&](QObject* c, auto done) { dev(reader).engine.api().items(folder, {}, 0, c, done); });
    if (!page || !page->ok())
        return -1;
    for (const SharingApi::Item& listed : page->value().items) {
        if (listed.itemId == item) {
            Result<ItemEnvelope> envelope = ItemEnvelope::parse(listed.envelope);
            return envelope ? int(envelope->header().keyVersion) : -1;
        }
    }
    return -1;
}

// A's role change as a bare log append without a rotation, as a client before the lowering
// rotated would send it: signed on the log the server holds now.
bool TestSyncMembers::appendBareRoleChange(const QUuid& folder, int member, FolderRole role)
{
    const auto detail = awaitResult<SharingApi::FolderDetail>(
        [&](QObject* c, auto done) { dev(0).engine.api().folder(folder, c, done); });
    if (!detail || !detail->ok())
        return false;
    QList<QByteArray> entries;
    for (const SharingApi::LogEntry& entry : detail->value().log)
        entries.append(entry.entry);
    Result<MembershipState> state = MembershipLog::replayBytes(folder, entries, std::nullopt);
    if (!state)
        return false;
    const MembershipEntry change = MembershipLog::next(*state, MembershipAction::ChangeRole, userId(0),
                                                       *dev(0).client.userKeys(), userId(member), {}, role);
    const auto appended = awaitResult<quint64>(
        [&](QObject* c, auto done) { dev(0).engine.api().appendLog(folder, change.serialize(), c, done); });
    return appended && appended->ok();
}

// A new folder of A's with the given members, each synced once.
QUuid TestSyncMembers::sharedFolder(const QString& name,
                                    std::initializer_list<std::pair<int, FolderRole>> members)
{
    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(0).engine.createFolder(QUuid::fromString(m_orgId), name, c, done);
    });
    if (!folder || !folder->ok())
        return {};
    for (const auto& [member, role] : members) {
        if (!add(folder->value(), member, role))
            return {};
    }
    // Each on the final log: a write is made against the log the server holds now.
    for (const auto& [member, role] : members) {
        if (!sync(member))
            return {};
    }
    return folder->value();
}

void TestSyncMembers::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestSyncMembers")));
    m_url = QUrl(m_server.baseUrl());
    m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".members.example.com");
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", m_domain)},
                            &orgId),
             0);
    m_orgId = orgId.trimmed();
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--domain"), m_domain}),
             0);
    const char* names[] = {"ada", "bob", "cy", "dee", "eve", "fay"};
    for (int i = 0; i < kUsers; ++i) {
        m_emails[i] = ServerAccounts::uniqueEmail(names[i], m_domain);
        QVERIFY(signUp(m_emails[i], kPasswords[i]));
        m_devices.push_back(std::make_unique<Device>(m_url, m_dirs[i].path()));
        QVERIFY(signIn(dev(i), m_emails[i], kPasswords[i]));
    }

    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(0).engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Team Databases"), c, done);
    });
    VERIFY_OK(folder);
    m_folder = folder->value();
    const auto item = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(0).engine.writeItem(m_folder, {}, "pg-main db1.internal:5432", c, done);
    });
    VERIFY_OK(item);
    m_item = item->value();
    QVERIFY(add(1, FolderRole::Edit));
    QVERIFY(add(2, FolderRole::View));
    QVERIFY(add(3, FolderRole::Edit));
    QVERIFY(add(4, FolderRole::View));
    QVERIFY(add(5, FolderRole::View));
    for (int i = 1; i < kUsers; ++i) {
        QVERIFY(sync(i));
        QCOMPARE(text(dev(i).engine.itemPlaintext(m_folder, m_item)),
                 QByteArray("pg-main db1.internal:5432"));
    }
}

void TestSyncMembers::cleanupTestCase()
{
    m_devices.clear();
    m_server.stop();
}

void TestSyncMembers::membersAreListed()
{
    const QList<SyncEngine::MemberInfo> list = dev(0).engine.members(m_folder);
    QCOMPARE(list.size(), kUsers);
    for (const SyncEngine::MemberInfo& m : list) {
        QVERIFY(!m.safetyNumber.isEmpty());
        QVERIFY(!m.keyChanged);
        if (m.userId == userId(0)) {
            QVERIFY(m.isSelf);
            QCOMPARE(m.role, FolderRole::Manage);
            QCOMPARE(m.email, m_emails[0]);
        } else if (m.userId == userId(1)) {
            QCOMPARE(m.role, FolderRole::Edit);
            QVERIFY(m.verified); // A compared B's number before adding B
        } else if (m.userId == userId(2)) {
            QCOMPARE(m.role, FolderRole::View);
        }
    }
    // B never compared numbers with C: the member is listed, not marked verified.
    for (const SyncEngine::MemberInfo& m : dev(1).engine.members(m_folder)) {
        if (m.userId == userId(2))
            QVERIFY(!m.verified);
    }
}

void TestSyncMembers::roleChangeRefusedLocally_data()
{
    QTest::addColumn<int>("caller");
    QTest::addColumn<int>("subject");
    QTest::addColumn<int>("role");
    QTest::newRow("a viewer changes a role") << 2 << 1 << int(FolderRole::View);
    QTest::newRow("an editor changes a role") << 1 << 2 << int(FolderRole::Edit);
    QTest::newRow("the only manager steps down") << 0 << 0 << int(FolderRole::Edit);
}

void TestSyncMembers::roleChangeRefusedLocally()
{
    QFETCH(int, caller);
    QFETCH(int, subject);
    QFETCH(int, role);
    int requests = 0;
    dev(caller).engine.api().setTamper([&requests](const QString&, QJsonObject&) { ++requests; });
    const auto changed = await([&](QObject* c, auto done) {
        dev(caller).engine.changeRole(m_folder, userId(subject), FolderRole(role), c, done);
    });
    dev(caller).engine.api().setTamper({});
    VERIFY_REFUSED(changed);
    QCOMPARE(requests, 0); // refused before anything was sent
    QCOMPARE(dev(caller).engine.roleIn(m_folder) == FolderRole::Manage, caller == 0);
}

void TestSyncMembers::roleChangeSeenByTheOther()
{
    const auto changed = await([&](QObject* c, auto done) {
        dev(0).engine.changeRole(m_folder, userId(2), FolderRole::Edit, c, done);
    });
    VERIFY_OK(changed);
    QVERIFY(sync(2));
    QCOMPARE(dev(2).engine.roleIn(m_folder), FolderRole::Edit);
    QVERIFY(sync(1));
    for (const SyncEngine::MemberInfo& m : dev(1).engine.members(m_folder)) {
        if (m.userId == userId(2))
            QCOMPARE(m.role, FolderRole::Edit);
    }
    // And C uses it: a write of C's reaches A.
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { dev(2).engine.writeItem(m_folder, {}, "cy's item", c, done); });
    VERIFY_OK(written);
    QVERIFY(sync(0));
    QCOMPARE(text(dev(0).engine.itemPlaintext(m_folder, written->value())), QByteArray("cy's item"));
}

void TestSyncMembers::removalRotatesInOneRequest()
{
    // The removal goes after an edit of B's, which A has not seen: the first rotation is made
    // on an old state, the server answers 409, and A rebases and rotates again.
    const auto edited = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(1).engine.writeItem(m_folder, m_item, "pg-main db2.internal:5432", c, done);
    });
    VERIFY_OK(edited);
    QStringList paths;
    dev(0).engine.api().setTamper([&paths](const QString& path, QJsonObject&) { paths.append(path); });
    const auto removed =
        await([&](QObject* c, auto done) { dev(0).engine.removeMember(m_folder, userId(2), c, done); });
    dev(0).engine.api().setTamper({});
    VERIFY_OK(removed);
    QCOMPARE(int(paths.filter(QStringLiteral("/rotation")).size()), 1); // the successful one
    QVERIFY(paths.filter(QStringLiteral("/log")).isEmpty());            // no separate entries
    bool listed = false;
    for (const SyncEngine::MemberInfo& m : dev(0).engine.members(m_folder))
        listed = listed || m.userId == userId(2);
    QVERIFY(!listed);
    // Every remaining member reads on under the new key, B's edit included.
    QVERIFY(sync(1));
    QVERIFY(!dev(1).engine.members(m_folder).isEmpty());
    QCOMPARE(text(dev(1).engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db2.internal:5432"));
    QCOMPARE(text(dev(0).engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db2.internal:5432"));
    QCOMPARE(keyVersionOfNewWrite(0, "written after the removal"), 2);
    QVERIFY(sync(3));
    QCOMPARE(dev(3).engine.itemIds(m_folder).size(), dev(0).engine.itemIds(m_folder).size());
}

void TestSyncMembers::removedClientIsWipedAndCannotRead()
{
    Device& removed = dev(2);
    QVERIFY(holdsFolder(cacheBytes(m_dirs[2].path()), m_folder)); // held before the feed says so
    // A new item only in C's outbox (a draft here; a write made offline is the same): the
    // wipe names it with the items held, for the keychain entries that go with them.
    const QUuid drafted = QUuid::createUuid();
    QVERIFY(removed.engine.saveDraft(m_folder, drafted, "drafted by cy", 0).ok());
    QVERIFY(removed.engine.heldItemIds(m_folder).contains(drafted));
    QVERIFY(!removed.engine.itemIds(m_folder).contains(drafted));
    QSignalSpy wiped(&removed.engine, &SyncEngine::folderWiped);
    QVERIFY(sync(2));
    QCOMPARE(wiped.count(), 1);
    QCOMPARE(wiped.first().at(0).value<QUuid>(), m_folder);
    QVERIFY(!wiped.first().at(1).toString().isEmpty());
    const auto wipedItems = wiped.first().at(2).value<QList<QUuid>>();
    QVERIFY(wipedItems.contains(m_item));
    QVERIFY(wipedItems.contains(drafted));
    QVERIFY(removed.engine.heldItemIds(m_folder).isEmpty());
    QVERIFY(!removed.engine.folderIds().contains(m_folder));
    QVERIFY(!removed.engine.itemPlaintext(m_folder, m_item));
    QVERIFY(removed.engine.members(m_folder).isEmpty());
    // Nothing of the folder is left in the cache file (nor in a journal or WAL beside it).
    QVERIFY(!holdsFolder(cacheBytes(m_dirs[2].path()), m_folder));

    // What is written afterwards is out of reach: the server no longer serves the folder to C,
    // and a sync of it is refused with words.
    const auto later = awaitResult<QUuid>(
        [&](QObject* c, auto done) { dev(0).engine.writeItem(m_folder, {}, "after cy left", c, done); });
    VERIFY_OK(later);
    const auto again = await([&](QObject* c, auto done) { removed.engine.syncFolder(m_folder, c, done); });
    VERIFY_REFUSED(again);
    QVERIFY(!removed.engine.itemPlaintext(m_folder, later->value()));
    QVERIFY(!holdsFolder(cacheBytes(m_dirs[2].path()), m_folder));
}

void TestSyncMembers::leaveWipesAndManagerRotates()
{
    // The only manager may not leave.
    const auto refused = await([&](QObject* c, auto done) { dev(0).engine.leaveFolder(m_folder, c, done); });
    VERIFY_REFUSED(refused);
    QVERIFY(dev(0).engine.folderIds().contains(m_folder));

    QSignalSpy wiped(&dev(3).engine, &SyncEngine::folderWiped);
    const auto left = await([&](QObject* c, auto done) { dev(3).engine.leaveFolder(m_folder, c, done); });
    VERIFY_OK(left);
    QCOMPARE(wiped.count(), 1);
    QVERIFY(!dev(3).engine.folderIds().contains(m_folder));
    QVERIFY(!holdsFolder(cacheBytes(m_dirs[3].path()), m_folder));

    // A's next contact sees the leave and gives the folder a new key.
    QVERIFY(sync(0));
    bool listed = false;
    for (const SyncEngine::MemberInfo& m : dev(0).engine.members(m_folder))
        listed = listed || m.userId == userId(3);
    QVERIFY(!listed);
    QCOMPARE(keyVersionOfNewWrite(0, "written after dee left"), 3);
    QVERIFY(sync(1));
    QCOMPARE(dev(1).engine.itemIds(m_folder).size(), dev(0).engine.itemIds(m_folder).size());
}

void TestSyncMembers::comparedSafetyNumberVerifies()
{
    auto verifiedAt = [&](int viewer, int member) {
        for (const SyncEngine::MemberInfo& m : dev(viewer).engine.members(m_folder)) {
            if (m.userId == userId(member))
                return m.verified;
        }
        return false;
    };
    QVERIFY(!verifiedAt(1, 0));
    QVERIFY(!dev(1).engine.confirmChangedKey(userId(0), QStringLiteral("12345 67890")).ok());
    QVERIFY(!verifiedAt(1, 0));
    const QString number = Fingerprint::of(dev(0).client.userKeys()->identityPublicKey()).safetyNumber();
    const Status compared = dev(1).engine.confirmChangedKey(userId(0), number);
    QVERIFY2(compared.ok(), compared.ok() ? "" : qPrintable(compared.error().message));
    QVERIFY(verifiedAt(1, 0));
}

void TestSyncMembers::handOverManage()
{
    const auto handed =
        await([&](QObject* c, auto done) { dev(0).engine.handOverManage(m_folder, userId(1), c, done); });
    VERIFY_OK(handed);
    QCOMPARE(dev(0).engine.roleIn(m_folder), FolderRole::Edit);
    QVERIFY(sync(1));
    QCOMPARE(dev(1).engine.roleIn(m_folder), FolderRole::Manage);
    // The new manager can act: A back to Manage.
    const auto back = await([&](QObject* c, auto done) {
        dev(1).engine.changeRole(m_folder, userId(0), FolderRole::Manage, c, done);
    });
    VERIFY_OK(back);
    QVERIFY(sync(0));
    QCOMPARE(dev(0).engine.roleIn(m_folder), FolderRole::Manage);
}

void TestSyncMembers::changedKeyBlocksUntilConfirmed()
{
    // B sets up Team Sharing anew: another identity key, published for B's account.
    const UserKeys fresh = UserKeys::generate();
    const QByteArray bundle = UserKeyBundle::create(userId(1), fresh).serialize();
    QByteArray wrapped(105, '\x01');
    wrapped[0] = 2; // the KeyWrap version byte; A never unwraps it
    std::optional<ApiReply> published;
    {
        QObject context;
        dev(1).api.send("PUT", QStringLiteral("/api/v1/account/keys"),
                        {{QStringLiteral("bundle"), QString::fromLatin1(bundle.toBase64())},
                         {QStringLiteral("wrappedPrivateKeys"), QString::fromLatin1(wrapped.toBase64())}},
                        {}, true, &context, [&](ApiReply reply) { published = std::move(reply); });
        QTRY_VERIFY_WITH_TIMEOUT(published.has_value(), 60'000);
    }
    QVERIFY(published->ok());

    // A restarts (no bundle kept from the add) and removes F: B's bundle is looked up, carries
    // the new key, and nothing is granted to it.
    m_devices[0].reset();
    m_devices[0] = std::make_unique<Device>(m_url, m_dirs[0].path());
    QVERIFY(signIn(dev(0), m_emails[0], kPasswords[0]));
    QSignalSpy changed(&dev(0).engine, &SyncEngine::memberKeyChanged);
    const auto refused =
        await([&](QObject* c, auto done) { dev(0).engine.removeMember(m_folder, userId(5), c, done); });
    VERIFY_REFUSED(refused);
    QVERIFY(refused->error().message.contains(m_emails[1]));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(1).value<QUuid>(), userId(1));
    auto infoOf = [&](int viewer, int member) {
        for (const SyncEngine::MemberInfo& m : dev(viewer).engine.members(m_folder)) {
            if (m.userId == userId(member))
                return m;
        }
        return SyncEngine::MemberInfo{};
    };
    QVERIFY(infoOf(0, 1).keyChanged);
    QVERIFY(infoOf(0, 5).userId == userId(5)); // F is still a member

    // The number of the old key does not confirm the new one; the new key's does.
    const QString oldNumber = Fingerprint::of(dev(1).client.userKeys()->identityPublicKey()).safetyNumber();
    QVERIFY(!dev(0).engine.confirmChangedKey(userId(1), oldNumber).ok());
    QVERIFY(infoOf(0, 1).keyChanged);
    const QString newNumber = Fingerprint::of(fresh.identityPublicKey()).safetyNumber();
    const Status confirmed = dev(0).engine.confirmChangedKey(userId(1), newNumber);
    QVERIFY2(confirmed.ok(), confirmed.ok() ? "" : qPrintable(confirmed.error().message));
    QSignalSpy failed(&dev(0).engine, &SyncEngine::memberWorkFailed);
    QVERIFY(sync(0)); // queued behind the confirm entry and the rotation
    QCOMPARE(failed.count(), 0);
    QVERIFY(!infoOf(0, 1).keyChanged);
    QCOMPARE(infoOf(0, 1).safetyNumber, newNumber);
    QCOMPARE(keyVersionOfNewWrite(0, "written after the key change"), 4);

    // E reads the confirm entry and takes the new key on the manager's word.
    QVERIFY(sync(4));
    QVERIFY(!infoOf(4, 1).keyChanged);
    QCOMPARE(infoOf(4, 1).safetyNumber, newNumber);

    // And the removal that was refused now goes through.
    const auto removed =
        await([&](QObject* c, auto done) { dev(0).engine.removeMember(m_folder, userId(5), c, done); });
    VERIFY_OK(removed);
}

void TestSyncMembers::newMemberReadsAfterRotation_data()
{
    QTest::addColumn<bool>("writtenByLoweredMember");
    QTest::newRow("a delete marker under the old key") << false;
    QTest::newRow("and the item last written by a member lowered to View") << true;
}

// A delete marker or an item whose author lost Edit must not stay under the old key version
// after a removal: a member added later refuses a first sync that meets either (section 5.7).
void TestSyncMembers::newMemberReadsAfterRotation()
{
    QFETCH(bool, writtenByLoweredMember);
    const int manager = 0, editor = 2, removed = 3, newcomer = 5; // B's device no longer holds B's key
    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(manager).engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Rotated"), c, done);
    });
    VERIFY_OK(folder);
    const QUuid id = folder->value();
    const auto live = awaitResult<QUuid>(
        [&](QObject* c, auto done) { dev(manager).engine.writeItem(id, {}, "live item", c, done); });
    VERIFY_OK(live);
    const auto gone = awaitResult<QUuid>(
        [&](QObject* c, auto done) { dev(manager).engine.writeItem(id, {}, "deleted item", c, done); });
    VERIFY_OK(gone);
    const auto deleted =
        await([&](QObject* c, auto done) { dev(manager).engine.deleteItem(id, gone->value(), c, done); });
    VERIFY_OK(deleted);
    QVERIFY(add(id, editor, FolderRole::Edit));
    QVERIFY(add(id, removed, FolderRole::View));
    QByteArray expected = "live item";
    if (writtenByLoweredMember) {
        QVERIFY(sync(editor));
        expected = "live item, edited";
        const auto edited = awaitResult<QUuid>([&](QObject* c, auto done) {
            dev(editor).engine.writeItem(id, live->value(), expected, c, done);
        });
        VERIFY_OK(edited);
        QVERIFY(sync(manager));
        const auto lowered = await([&](QObject* c, auto done) {
            dev(manager).engine.changeRole(id, userId(editor), FolderRole::View, c, done);
        });
        VERIFY_OK(lowered);
    }
    const auto removal =
        await([&](QObject* c, auto done) { dev(manager).engine.removeMember(id, userId(removed), c, done); });
    VERIFY_OK(removal);
    QVERIFY(add(id, newcomer, FolderRole::View));

    QVERIFY(sync(newcomer));
    QCOMPARE(text(dev(newcomer).engine.itemPlaintext(id, live->value())), expected);
    QVERIFY(!dev(newcomer).engine.itemPlaintext(id, gone->value()));
    QVERIFY(sync(editor));
    QCOMPARE(text(dev(editor).engine.itemPlaintext(id, live->value())), expected);
}

void TestSyncMembers::memberAddedAfterLoweringReadsIt_data()
{
    QTest::addColumn<bool>("bareEntry");
    QTest::newRow("lowered with a new key in one request") << false;
    QTest::newRow("lowered by a bare log entry, the manager rotates next") << true;
}

// C writes while holding Edit and is lowered to View with no member leaving: F, added
// afterwards, never saw C's revision and reads it only if a rotation re-signed it (a reader
// refuses a current revision whose author cannot edit now, section 5.7).
void TestSyncMembers::memberAddedAfterLoweringReadsIt()
{
    QFETCH(bool, bareEntry);
    const int manager = 0, editor = 2, newcomer = 5;
    const QUuid id = sharedFolder(QStringLiteral("Lowered"), {{editor, FolderRole::Edit}});
    QVERIFY(!id.isNull());
    const auto written = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(editor).engine.writeItem(id, {}, "written by cy with Edit", c, done);
    });
    VERIFY_OK(written);
    QVERIFY(sync(manager));
    // The tamper hook only records the paths; it is gone again before anything is checked.
    QStringList paths;
    dev(manager).engine.api().setTamper([&paths](const QString& path, QJsonObject&) { paths.append(path); });
    bool lowered = false;
    if (bareEntry) {
        lowered = appendBareRoleChange(id, editor, FolderRole::View) && sync(manager); // rotates there
    } else {
        const auto changed = await([&](QObject* c, auto done) {
            dev(manager).engine.changeRole(id, userId(editor), FolderRole::View, c, done);
        });
        lowered = changed && changed->ok();
    }
    dev(manager).engine.api().setTamper({});
    QVERIFY(lowered);
    if (!bareEntry)
        QVERIFY(paths.filter(QStringLiteral("/log")).isEmpty()); // no role entry on its own
    QCOMPARE(int(paths.filter(QStringLiteral("/rotation")).size()), 1);
    QCOMPARE(dev(manager).engine.roleIn(id), FolderRole::Manage);
    QCOMPARE(keyVersionOf(manager, id, written->value()), 2);

    QVERIFY(add(id, newcomer, FolderRole::View));
    QVERIFY(sync(newcomer));
    QCOMPARE(text(dev(newcomer).engine.itemPlaintext(id, written->value())),
             QByteArray("written by cy with Edit"));
    // C reads on as a viewer and can no longer write.
    QVERIFY(sync(editor));
    QCOMPARE(dev(editor).engine.roleIn(id), FolderRole::View);
    QCOMPARE(text(dev(editor).engine.itemPlaintext(id, written->value())),
             QByteArray("written by cy with Edit"));
    const auto refused = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(editor).engine.writeItem(id, written->value(), "cy as viewer", c, done);
    });
    VERIFY_REFUSED(refused);
    QVERIFY(sync(newcomer));
    QCOMPARE(text(dev(newcomer).engine.itemPlaintext(id, written->value())),
             QByteArray("written by cy with Edit"));
}

// C writes; the manager does not sync; D leaves. The manager's next contact meets C's write
// while the rotation is pending: C's folder state names a log from before the leave, so the
// write is read and the manager rotates (before, the refresh was refused and the rotation
// never came, for every member).
void TestSyncMembers::writeBeforeLeaveIsReadWhileRotationPending()
{
    const int manager = 0, editor = 2, leaver = 3, newcomer = 5;
    const QUuid id =
        sharedFolder(QStringLiteral("Left"), {{editor, FolderRole::Edit}, {leaver, FolderRole::Edit}});
    QVERIFY(!id.isNull());
    QVERIFY(sync(manager));
    const auto written = awaitResult<QUuid>([&](QObject* c, auto done) {
        dev(editor).engine.writeItem(id, {}, "written before dee left", c, done);
    });
    VERIFY_OK(written);
    const auto left = await([&](QObject* c, auto done) { dev(leaver).engine.leaveFolder(id, c, done); });
    VERIFY_OK(left);

    QSignalSpy refusedData(&dev(manager).engine, &SyncEngine::dataRefused);
    QVERIFY(sync(manager));
    QCOMPARE(refusedData.count(), 0);
    QCOMPARE(text(dev(manager).engine.itemPlaintext(id, written->value())),
             QByteArray("written before dee left"));
    QCOMPARE(keyVersionOf(manager, id, written->value()), 2); // rotated and re-signed
    QVERIFY(sync(editor));
    QCOMPARE(text(dev(editor).engine.itemPlaintext(id, written->value())),
             QByteArray("written before dee left"));
    QVERIFY(add(id, newcomer, FolderRole::View));
    QVERIFY(sync(newcomer));
    QCOMPARE(text(dev(newcomer).engine.itemPlaintext(id, written->value())),
             QByteArray("written before dee left"));
}

void TestSyncMembers::memberAddedWithoutAGrantIsGrantedLater_data()
{
    QTest::addColumn<int>("granter");
    QTest::addColumn<QString>("how");
    QTest::newRow("by the adder's next sync") << 0 << "sync";
    QTest::newRow("by the adder's sync of the folder") << 0 << "folder";
    QTest::newRow("by the adder's start after a restart") << 0 << "restart";
    QTest::newRow("by another manager's sync") << 3 << "sync";
    QTest::newRow("by another manager's next sync after the server was unreachable") << 3 << "unreachable";
}

// The add lands on the server but its answer is lost, so the adder never posts the new
// member's grant: a manager's client grants the current key to a member without one when it
// next reads the folder's grants, and only once.
void TestSyncMembers::memberAddedWithoutAGrantIsGrantedLater()
{
    QFETCH(int, granter);
    QFETCH(QString, how);
    const int adder = 0, manager = 3, newcomer = 5;
    const QUuid id = sharedFolder(QStringLiteral("Granted later"), {{manager, FolderRole::Manage}});
    QVERIFY(!id.isNull());
    const auto item = awaitResult<QUuid>(
        [&](QObject* c, auto done) { dev(adder).engine.writeItem(id, {}, "read once granted", c, done); });
    VERIFY_OK(item);

    dev(adder).engine.api().setTamper([](const QString& path, QJsonObject& json) {
        if (path.endsWith(QStringLiteral("/log")))
            json.remove(QStringLiteral("logLength"));
    });
    QVERIFY(!add(id, newcomer, FolderRole::View)); // stored; the answer is unreadable
    dev(adder).engine.api().setTamper({});
    QVERIFY(!sync(newcomer)); // a member, without the key
    QVERIFY(!dev(newcomer).engine.itemPlaintext(id, item->value()));

    if (how == u"restart") {
        m_devices[std::size_t(adder)].reset();
        m_devices[std::size_t(adder)] = std::make_unique<Device>(m_url, m_dirs[adder].path());
    }
    int posted = 0;
    QNetworkAccessManager& network = dev(granter).network;
    bool unreachable = how == u"unreachable";
    dev(granter).engine.api().setTamper([&](const QString& path, QJsonObject& json) {
        if (path.endsWith(QStringLiteral("/grants")) && json.contains(QStringLiteral("stored")))
            ++posted;
        // The folder's items are read last before its grant: the grant fails, no server answers.
        if (unreachable && path.contains(id.toString(QUuid::WithoutBraces) + QStringLiteral("/items"))) {
            network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 1));
            unreachable = false;
        }
    });
    if (how == u"restart") {
        QVERIFY(signIn(dev(granter), m_emails[granter], kPasswords[granter]));
        QCOMPARE(posted, 1); // while the cached folders are opened
    } else if (how == u"folder") {
        VERIFY_OK(await([&](QObject* c, auto done) { dev(granter).engine.syncFolder(id, c, done); }));
        QCOMPARE(posted, 1);
    }
    if (how == u"unreachable") {
        QSignalSpy failed(&dev(granter).engine, &SyncEngine::memberWorkFailed);
        // Only the folder the feed names is read (the other folders' checks would fail too).
        VERIFY_OK(await(
            [&](QObject* c, auto done) { dev(granter).engine.sync(c, done, SyncEngine::SyncScope::Named); }));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(posted, 0);
        network.setProxy(QNetworkProxy::NoProxy);
    }
    QVERIFY(sync(granter)); // the folder is not named in the feed again
    QCOMPARE(posted, 1);
    QVERIFY(sync(granter)); // nothing missing any more: nothing posted again
    dev(granter).engine.api().setTamper({});
    QCOMPARE(posted, 1);

    QVERIFY(sync(newcomer));
    QCOMPARE(text(dev(newcomer).engine.itemPlaintext(id, item->value())), QByteArray("read once granted"));
}

void TestSyncMembers::hiddenGrantsCostOneTryEach_data()
{
    QTest::addColumn<QString>("hidden");
    QTest::newRow("the manager's own grant") << QStringLiteral("own grant");
    QTest::newRow("a member's grant and, after a restart, their address") << QStringLiteral("address");
}

// A server that hides grants from a manager's listing gets no post at every sync: a manager
// never grants itself the key it holds, and a grant that cannot be made for a reason other
// than the network (here: no address to look the member's key up by) is said once and tried
// again only with the next full read of the folder.
void TestSyncMembers::hiddenGrantsCostOneTryEach()
{
    QFETCH(QString, hidden);
    const int adder = 0, manager = 3, member = 5;
    const QUuid id = sharedFolder(QStringLiteral("Hidden grants"),
                                  {{manager, FolderRole::Manage}, {member, FolderRole::View}});
    QVERIFY(!id.isNull());
    const bool own = hidden == u"own grant";
    const int granter = own ? adder : manager;
    const QString hiddenId = (own ? userId(adder) : userId(member)).toString(QUuid::WithoutBraces);
    if (!own) {
        m_devices[std::size_t(manager)].reset();
        m_devices[std::size_t(manager)] = std::make_unique<Device>(m_url, m_dirs[manager].path());
    }
    int posted = 0;
    bool hideAddress = !own;
    const QString folderPath = QStringLiteral("/api/v1/folders/") + id.toString(QUuid::WithoutBraces);
    dev(granter).engine.api().setTamper([&](const QString& path, QJsonObject& json) {
        if (path.endsWith(QStringLiteral("/grants")) && json.contains(QStringLiteral("stored")))
            ++posted;
        auto withoutHidden = [&](const QString& name, const QString& idField) {
            QJsonArray kept;
            for (const QJsonValue& v : json.value(name).toArray()) {
                if (v.toObject().value(idField).toString() != hiddenId)
                    kept.append(v);
            }
            json.insert(name, kept);
        };
        if (path == folderPath + QStringLiteral("/grants") && json.contains(QStringLiteral("grants")))
            withoutHidden(QStringLiteral("grants"), QStringLiteral("recipientId"));
        // In every folder's member list: the client knows an address from any of them.
        if (hideAddress && json.contains(QStringLiteral("members")))
            withoutHidden(QStringLiteral("members"), QStringLiteral("userId"));
    });
    QSignalSpy failed(&dev(granter).engine, &SyncEngine::memberWorkFailed);
    if (!own)
        QVERIFY(signIn(dev(granter), m_emails[granter], kPasswords[granter]));
    VERIFY_OK(await([&](QObject* c, auto done) { dev(granter).engine.syncFolder(id, c, done); }));
    for (int poll = 0; poll < 3; ++poll)
        QVERIFY(sync(granter));
    QCOMPARE(posted, 0);
    QCOMPARE(failed.count(), own ? 0 : 2); // at start and at the folder's sync, not at each poll
    if (!own) {
        hideAddress = false; // the next full read names them: the grant goes out
        VERIFY_OK(await([&](QObject* c, auto done) { dev(granter).engine.syncFolder(id, c, done); }));
        QCOMPARE(posted, 1);
    }
    dev(granter).engine.api().setTamper({});
}

void TestSyncMembers::blockWipesEverything()
{
    const QString reason = QStringLiteral("Sharing is paused during the audit");
    QVERIFY(dev(4).engine.folderIds().contains(m_folder));
    QVERIFY(holdsFolder(cacheBytes(m_dirs[4].path()), m_folder));
    QString blockId;
    QCOMPARE(m_server.admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--email"), m_emails[4], QStringLiteral("--reason"), reason},
                            &blockId),
             0);
    // The block ends E's session at once; the next sign-in is refused with the reason, and the
    // local copy of E's folders is wiped although no engine runs for E any more.
    const auto ended = await([&](QObject* c, auto done) { dev(4).engine.sync(c, done); });
    VERIFY_REFUSED(ended);
    m_devices[4].reset();
    Device again(m_url, m_dirs[4].path());
    const auto signedIn =
        await([&](QObject* c, auto done) { again.client.signIn(m_emails[4], pw(kPasswords[4]), c, done); });
    VERIFY_REFUSED(signedIn);
    QCOMPARE(signedIn->error().field, QStringLiteral("sharing-blocked"));
    QVERIFY2(signedIn->error().message.contains(reason), qPrintable(signedIn->error().message));
    QList<QPair<QUuid, QUuid>> held;
    QVERIFY(SyncEngine::wipeLocalCopy(m_dirs[4].path(), m_url, m_emails[4], &held).ok());
    // The ids of what the copy held, read without the keys: the keychain entries to remove.
    QVERIFY(held.contains(qMakePair(m_folder, m_item)));
    QVERIFY(!holdsFolder(cacheBytes(m_dirs[4].path()), m_folder));
    // Nobody else lost anything.
    QVERIFY(dev(0).engine.folderIds().contains(m_folder));

    // Lifted: E verifies the address again and signs in. The first sync reads the feed from
    // its start (the local copy is gone), past the old block and its lifting, and holds the
    // folder again instead of wiping it once more.
    QCOMPARE(m_server.admin({QStringLiteral("unblock-sharing"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--block"), blockId.trimmed()}),
             0);
    const auto unverified =
        await([&](QObject* c, auto done) { again.client.signIn(m_emails[4], pw(kPasswords[4]), c, done); });
    VERIFY_REFUSED(unverified);
    QCOMPARE(unverified->error().field, QStringLiteral("email"));
    VERIFY_OK(await([&](QObject* c, auto done) { again.client.resendCode(m_emails[4], c, done); }));
    const QString code = m_server.latestCode(m_emails[4]);
    VERIFY_OK(await([&](QObject* c, auto done) { again.client.verifyEmail(m_emails[4], code, c, done); }));
    QVERIFY(signIn(again, m_emails[4], kPasswords[4]));
    VERIFY_OK(await([&](QObject* c, auto done) { again.engine.sync(c, done); }));
    QVERIFY(again.engine.folderIds().contains(m_folder));
    QCOMPARE(text(again.engine.itemPlaintext(m_folder, m_item)),
             text(dev(0).engine.itemPlaintext(m_folder, m_item)));
    VERIFY_OK(await([&](QObject* c, auto done) { again.engine.sync(c, done); }));
    QVERIFY(again.engine.folderIds().contains(m_folder));
}

QTEST_GUILESS_MAIN(TestSyncMembers)
#include "TestSyncMembers.moc"
