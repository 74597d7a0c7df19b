// Tests SyncEngine with two clients against the real conclave-server (labels sync, e2e):
// client A creates a shared folder and writes an item; B, added by A through a signed add
// entry only after a safety-number comparison and granted the key, first-syncs and reads it;
// B edits and A sees it through the feed; two writers on one state, and the second rebases
// and writes again; B restarted (new account client and engine over the same data folder)
// keeps its cache and security state; an answer with one byte of an envelope or of the
// folder state flipped, with the written item withheld, or an earlier answer replayed, is
// refused, said in words, and
// nothing already held is lost; a delete marker removes the item on the other client.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/sync/KnownAccounts.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngine.h"

#include <QJsonArray>
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

// One computer of a user: the app's network stack and account client over a data folder that
// outlives it (so a restart is a new Device over the same folder), and its sync engine.
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

QByteArray flipEnvelopeByte(const QString& base64)
{
    QByteArray bytes = QByteArray::fromBase64(base64.toLatin1());
    if (!bytes.isEmpty())
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    return bytes.toBase64();
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createFolderAndWrite();
    void addMemberOnlyAfterSafetyNumber();
    void memberFirstSyncsAndReads();
    void editSeenThroughTheFeed();
    void twoWritersOneRebases();
    void restartKeepsCacheAndSecurityState();
    void hostileAnswerIsRefusedAndNothingLost_data();
    void hostileAnswerIsRefusedAndNothingLost();
    void deleteMarkerReachesTheOther();

private:
    bool signUp(const QString& email, const char* password);
    bool signIn(Device& device, const QString& email, const char* password);

    ServerHarness m_server;
    QUrl m_url;
    QString m_orgId;
    QString m_domain;
    QTemporaryDir m_dirA;
    QTemporaryDir m_dirB;
    QString m_emailA;
    QString m_emailB;
    std::unique_ptr<Device> m_a;
    std::unique_ptr<Device> m_b;
    QUuid m_folder;
    QUuid m_item;
};

bool TestSyncEngine::signUp(const QString& email, const char* password)
{
    QTemporaryDir scratch;
    Device device(m_url, scratch.path());
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Sync User"), pw(password), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

bool TestSyncEngine::signIn(Device& device, const QString& email, const char* password)
{
    const auto signedIn =
        await([&](QObject* c, auto done) { device.client.signIn(email, pw(password), c, done); });
    if (!signedIn || !signedIn->ok()) {
        qWarning("sign-in failed: %s", signedIn ? qPrintable(signedIn->error().message) : "timeout");
        return false;
    }
    const auto started = await([&](QObject* c, auto done) { device.engine.start(c, done); });
    if (!started || !started->ok()) {
        qWarning("start failed: %s", started ? qPrintable(started->error().message) : "timeout");
        return false;
    }
    return true;
}

void TestSyncEngine::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestSyncEngine")));
    m_url = QUrl(m_server.baseUrl());

    m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".sync.example.com");
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", m_domain)},
                            &orgId),
             0);
    m_orgId = orgId.trimmed();
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--domain"), m_domain}),
             0);

    m_emailA = ServerAccounts::uniqueEmail("ada", m_domain);
    m_emailB = ServerAccounts::uniqueEmail("bob", m_domain);
    QVERIFY(signUp(m_emailA, "ada's long password"));
    QVERIFY(signUp(m_emailB, "bob's long password"));
    m_a = std::make_unique<Device>(m_url, m_dirA.path());
    m_b = std::make_unique<Device>(m_url, m_dirB.path());
    QVERIFY(signIn(*m_a, m_emailA, "ada's long password"));
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));
}

void TestSyncEngine::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_server.stop();
}

void TestSyncEngine::createFolderAndWrite()
{
    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Team Databases"), c, done);
    });
    VERIFY_OK(folder);
    m_folder = folder->value();
    QCOMPARE(m_a->engine.folderName(m_folder), QStringLiteral("Team Databases"));
    QCOMPARE(m_a->engine.roleIn(m_folder), FolderRole::Manage);

    const auto item = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.writeItem(m_folder, {}, "pg-main db1.internal:5432", c, done);
    });
    VERIFY_OK(item);
    m_item = item->value();
    QCOMPARE(text(m_a->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db1.internal:5432"));
    QCOMPARE(m_a->engine.itemRevision(m_folder, m_item), quint64(1));
}

void TestSyncEngine::addMemberOnlyAfterSafetyNumber()
{
    QVERIFY(!m_folder.isNull());
    const auto lookup = awaitResult<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { m_a->engine.api().lookupKey(m_emailB, c, done); });
    VERIFY_OK(lookup);
    const QByteArray bundle = lookup->value().bundle;

    // The server merely showed B's key: no add entry is signed for it.
    const auto early = await(
        [&](QObject* c, auto done) { m_a->engine.addMember(m_folder, bundle, FolderRole::Edit, c, done); });
    QVERIFY(early.has_value());
    QVERIFY(!early->ok());
    QVERIFY(!early->error().message.isEmpty());

    // A wrong number typed is refused; the one B reads out is accepted.
    QVERIFY(!m_a->engine.confirmSafetyNumber(bundle, QStringLiteral("12345 67890")).ok());
    const QString number = Fingerprint::of(m_b->client.userKeys()->identityPublicKey()).safetyNumber();
    QVERIFY(m_a->engine.confirmSafetyNumber(bundle, number).ok());
    const auto added = await(
        [&](QObject* c, auto done) { m_a->engine.addMember(m_folder, bundle, FolderRole::Edit, c, done); });
    VERIFY_OK(added);
}

void TestSyncEngine::memberFirstSyncsAndReads()
{
    QVERIFY(!m_folder.isNull());
    QSignalSpy changed(&m_b->engine, &SyncEngine::folderChanged);
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(m_b->engine.folderIds().contains(m_folder));
    QCOMPARE(m_b->engine.folderName(m_folder), QStringLiteral("Team Databases"));
    QCOMPARE(text(m_b->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db1.internal:5432"));
    QCOMPARE(m_b->engine.roleIn(m_folder), FolderRole::Edit);
    QVERIFY(changed.count() >= 1);
}

void TestSyncEngine::editSeenThroughTheFeed()
{
    QVERIFY(!m_item.isNull());
    const auto edited = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.writeItem(m_folder, m_item, "pg-main db2.internal:5432", c, done);
    });
    VERIFY_OK(edited);
    QCOMPARE(m_b->engine.itemRevision(m_folder, m_item), quint64(2));

    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(m_a->engine.itemRevision(m_folder, m_item), quint64(2));
    QCOMPARE(text(m_a->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db2.internal:5432"));
}

void TestSyncEngine::twoWritersOneRebases()
{
    QVERIFY(!m_folder.isNull());
    // Both clients are on the same folder state; A writes first.
    const auto first = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.writeItem(m_folder, {}, "mysql-reports reports.internal:3306", c, done);
    });
    VERIFY_OK(first);
    // B's write is made on the state A's write replaced: the server answers 409, B catches up
    // and writes again on the new state, without any sync of its own.
    const auto second = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.writeItem(m_folder, {}, "ssh-bastion bastion.internal:22", c, done);
    });
    VERIFY_OK(second);
    QCOMPARE(text(m_b->engine.itemPlaintext(m_folder, first->value())),
             QByteArray("mysql-reports reports.internal:3306"));

    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(text(m_a->engine.itemPlaintext(m_folder, second->value())),
             QByteArray("ssh-bastion bastion.internal:22"));
    QCOMPARE(m_a->engine.itemIds(m_folder).size(), 3);
    QCOMPARE(m_b->engine.itemIds(m_folder).size(), 3);
}

void TestSyncEngine::restartKeepsCacheAndSecurityState()
{
    QVERIFY(!m_folder.isNull());
    const quint64 generationBefore = [&] {
        const auto entry = KnownAccounts(m_dirB.path()).find(m_url, m_emailB);
        return entry.ok() && *entry ? (*entry)->generation : 0;
    }();
    QVERIFY(generationBefore > 0);
    m_b.reset(); // B quits

    const auto edited = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.writeItem(m_folder, m_item, "pg-main db3.internal:5432", c, done);
    });
    VERIFY_OK(edited);

    m_b = std::make_unique<Device>(m_url, m_dirB.path());
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));
    // Before any sync: the folder is there from the cache, opened with the granted key.
    QVERIFY(m_b->engine.folderIds().contains(m_folder));
    QCOMPARE(m_b->engine.itemIds(m_folder).size(), 3);
    QCOMPARE(text(m_b->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db2.internal:5432"));

    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(text(m_b->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db3.internal:5432"));
    const auto entry = KnownAccounts(m_dirB.path()).find(m_url, m_emailB);
    QVERIFY(entry.ok() && *entry);
    QVERIFY((*entry)->generation > generationBefore);
}

void TestSyncEngine::hostileAnswerIsRefusedAndNothingLost_data()
{
    QTest::addColumn<QString>("tampering");
    QTest::newRow("a byte of the envelope flipped") << "envelope";
    QTest::newRow("a byte of the folder state flipped") << "state";
    QTest::newRow("the written item withheld") << "withhold";
    QTest::newRow("an earlier answer replayed") << "replay";
}

void TestSyncEngine::hostileAnswerIsRefusedAndNothingLost()
{
    QFETCH(QString, tampering);
    QVERIFY(!m_folder.isNull());
    // For the replay: B's honest answers to an earlier write, kept as a hostile server would.
    QList<QJsonObject> recorded;
    if (tampering == QLatin1String("replay")) {
        const auto earlier = awaitResult<QUuid>([&](QObject* c, auto done) {
            m_a->engine.writeItem(m_folder, m_item, "pg-main earlier.internal:5432", c, done);
        });
        VERIFY_OK(earlier);
        m_b->engine.api().setTamper([&recorded](const QString& path, QJsonObject& json) {
            if (path.contains(QLatin1String("/items")))
                recorded.append(json);
        });
        const auto honest = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
        m_b->engine.api().setTamper({});
        VERIFY_OK(honest);
        QVERIFY(!recorded.isEmpty());
    }
    const QByteArray held = text(m_b->engine.itemPlaintext(m_folder, m_item));
    const int heldItems = int(m_b->engine.itemIds(m_folder).size());
    QVERIFY(!held.isEmpty());
    const QByteArray next = "pg-main " + tampering.toLatin1() + ".internal:5432";
    const auto edited = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_a->engine.writeItem(m_folder, m_item, next, c, done); });
    VERIFY_OK(edited);

    int tampered = 0;
    m_b->engine.api().setTamper([&tampered, &recorded, tampering](const QString& path, QJsonObject& json) {
        if (!path.contains(QLatin1String("/items")))
            return;
        if (tampering == QLatin1String("replay")) {
            json = recorded.last();
            ++tampered;
            return;
        }
        QJsonArray items = json.value(QStringLiteral("items")).toArray();
        if (tampering == QLatin1String("withhold")) {
            tampered += int(items.size());
            json.insert(QStringLiteral("items"), QJsonArray());
            return;
        }
        if (tampering == QLatin1String("state")) {
            QJsonObject state = json.value(QStringLiteral("state")).toObject();
            if (state.isEmpty())
                return;
            state.insert(QStringLiteral("state"), QString::fromLatin1(flipEnvelopeByte(
                                                      state.value(QStringLiteral("state")).toString())));
            json.insert(QStringLiteral("state"), state);
            ++tampered;
            return;
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            item.insert(QStringLiteral("envelope"), QString::fromLatin1(flipEnvelopeByte(
                                                        item.value(QStringLiteral("envelope")).toString())));
            items[i] = item;
            ++tampered;
        }
        json.insert(QStringLiteral("items"), items);
    });
    QSignalSpy refused(&m_b->engine, &SyncEngine::dataRefused);
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    m_b->engine.api().setTamper({});
    QVERIFY(synced.has_value());
    QVERIFY(tampered > 0);
    QVERIFY(!synced->ok());
    QVERIFY(!synced->error().message.isEmpty());
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).value<QUuid>(), m_folder);
    QVERIFY(!refused.first().at(1).toString().isEmpty());
    // What B had is still there, readable.
    QCOMPARE(text(m_b->engine.itemPlaintext(m_folder, m_item)), held);
    QCOMPARE(int(m_b->engine.itemIds(m_folder).size()), heldItems);

    // The honest answer afterwards is taken: the cursor did not move past the refused change.
    const auto again = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    VERIFY_OK(again);
    QCOMPARE(text(m_b->engine.itemPlaintext(m_folder, m_item)), next);
}

void TestSyncEngine::deleteMarkerReachesTheOther()
{
    QVERIFY(!m_item.isNull());
    const auto removed =
        await([&](QObject* c, auto done) { m_a->engine.deleteItem(m_folder, m_item, c, done); });
    VERIFY_OK(removed);
    QVERIFY(!m_a->engine.itemIds(m_folder).contains(m_item));
    QVERIFY(!m_a->engine.itemPlaintext(m_folder, m_item));

    QVERIFY(m_b->engine.itemIds(m_folder).contains(m_item));
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(!m_b->engine.itemIds(m_folder).contains(m_item));
    QVERIFY(!m_b->engine.itemPlaintext(m_folder, m_item));
    QCOMPARE(m_b->engine.itemIds(m_folder).size(), 2);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
