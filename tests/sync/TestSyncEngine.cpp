// Tests SyncEngine with two clients against the real conclave-server (labels sync, e2e):
// client A creates a shared folder and writes an item; B, added by A through a signed add
// entry only after a safety-number comparison and granted the key, first-syncs and reads it;
// B edits and A sees it through the feed; two writers on one state, and the second rebases
// and writes again; B restarted (new account client and engine over the same data folder)
// keeps its cache and security state; an answer with one byte of an envelope or of the
// folder state flipped, with the written item withheld, or an earlier answer replayed, is
// refused, said in words, and
// nothing already held is lost; a delete marker removes the item on the other client.
#include "SharedPair.h"

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

QByteArray text(const SensitiveBytes* bytes)
{
    return bytes ? bytes->view().toByteArray() : QByteArray();
}

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
    ServerHarness m_server;
    // Signed in, without a folder: making it and adding bob are what the first tests test.
    SharedPair m_pair;
    QUuid m_folder;
    QUuid m_item;
};

void TestSyncEngine::initTestCase()
{
    QVERIFY(m_pair.setUp(m_server, QStringLiteral("TestSyncEngine"), false));
}

void TestSyncEngine::cleanupTestCase()
{
    m_pair.a.reset();
    m_pair.b.reset();
    m_server.stop();
}

void TestSyncEngine::createFolderAndWrite()
{
    const auto folder = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.createFolder(m_pair.orgId, QStringLiteral("Team Databases"), c, done);
    });
    VERIFY_OK(folder);
    m_folder = folder->value();
    QCOMPARE(m_pair.a->engine.folderName(m_folder), QStringLiteral("Team Databases"));
    QCOMPARE(m_pair.a->engine.roleIn(m_folder), FolderRole::Manage);

    const auto item = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(m_folder, {}, "pg-main db1.internal:5432", c, done);
    });
    VERIFY_OK(item);
    m_item = item->value();
    QCOMPARE(text(m_pair.a->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db1.internal:5432"));
    QCOMPARE(m_pair.a->engine.itemRevision(m_folder, m_item), quint64(1));
}

void TestSyncEngine::addMemberOnlyAfterSafetyNumber()
{
    QVERIFY(!m_folder.isNull());
    const auto lookup = await<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { m_pair.a->engine.api().lookupKey(m_pair.emailB, c, done); });
    VERIFY_OK(lookup);
    const QByteArray bundle = lookup->value().bundle;

    // The server merely showed B's key: no add entry is signed for it.
    const auto early = await([&](QObject* c, auto done) {
        m_pair.a->engine.addMember(m_folder, bundle, FolderRole::Edit, c, done);
    });
    QVERIFY(early.has_value());
    QVERIFY(!early->ok());
    QVERIFY(!early->error().message.isEmpty());

    // A wrong number typed is refused; the one B reads out is accepted.
    QVERIFY(!m_pair.a->engine.confirmSafetyNumber(bundle, QStringLiteral("12345 67890")).ok());
    const QString number = Fingerprint::of(m_pair.b->client.userKeys()->identityPublicKey()).safetyNumber();
    QVERIFY(m_pair.a->engine.confirmSafetyNumber(bundle, number).ok());
    const auto added = await([&](QObject* c, auto done) {
        m_pair.a->engine.addMember(m_folder, bundle, FolderRole::Edit, c, done);
    });
    VERIFY_OK(added);
}

void TestSyncEngine::memberFirstSyncsAndReads()
{
    QVERIFY(!m_folder.isNull());
    QSignalSpy changed(&m_pair.b->engine, &SyncEngine::folderChanged);
    const auto synced = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(m_pair.b->engine.folderIds().contains(m_folder));
    QCOMPARE(m_pair.b->engine.folderName(m_folder), QStringLiteral("Team Databases"));
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db1.internal:5432"));
    QCOMPARE(m_pair.b->engine.roleIn(m_folder), FolderRole::Edit);
    QVERIFY(changed.count() >= 1);
}

void TestSyncEngine::editSeenThroughTheFeed()
{
    QVERIFY(!m_item.isNull());
    const auto edited = await<QUuid>([&](QObject* c, auto done) {
        m_pair.b->engine.writeItem(m_folder, m_item, "pg-main db2.internal:5432", c, done);
    });
    VERIFY_OK(edited);
    QCOMPARE(m_pair.b->engine.itemRevision(m_folder, m_item), quint64(2));

    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(m_pair.a->engine.itemRevision(m_folder, m_item), quint64(2));
    QCOMPARE(text(m_pair.a->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db2.internal:5432"));
}

void TestSyncEngine::twoWritersOneRebases()
{
    QVERIFY(!m_folder.isNull());
    // Both clients are on the same folder state; A writes first.
    const auto first = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(m_folder, {}, "mysql-reports reports.internal:3306", c, done);
    });
    VERIFY_OK(first);
    // B's write is made on the state A's write replaced: the server answers 409, B catches up
    // and writes again on the new state, without any sync of its own.
    const auto second = await<QUuid>([&](QObject* c, auto done) {
        m_pair.b->engine.writeItem(m_folder, {}, "ssh-bastion bastion.internal:22", c, done);
    });
    VERIFY_OK(second);
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_folder, first->value())),
             QByteArray("mysql-reports reports.internal:3306"));

    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(text(m_pair.a->engine.itemPlaintext(m_folder, second->value())),
             QByteArray("ssh-bastion bastion.internal:22"));
    QCOMPARE(m_pair.a->engine.itemIds(m_folder).size(), 3);
    QCOMPARE(m_pair.b->engine.itemIds(m_folder).size(), 3);
}

void TestSyncEngine::restartKeepsCacheAndSecurityState()
{
    QVERIFY(!m_folder.isNull());
    const quint64 generationBefore = [&] {
        const auto entry = KnownAccounts(m_pair.dirB.path()).find(m_pair.url, m_pair.emailB);
        return entry.ok() && *entry ? (*entry)->generation : 0;
    }();
    QVERIFY(generationBefore > 0);
    m_pair.b.reset(); // B quits

    const auto edited = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(m_folder, m_item, "pg-main db3.internal:5432", c, done);
    });
    VERIFY_OK(edited);

    QVERIFY(m_pair.restartB());
    // Before any sync: the folder is there from the cache, opened with the granted key.
    QVERIFY(m_pair.b->engine.folderIds().contains(m_folder));
    QCOMPARE(m_pair.b->engine.itemIds(m_folder).size(), 3);
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db2.internal:5432"));

    const auto synced = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_folder, m_item)), QByteArray("pg-main db3.internal:5432"));
    const auto entry = KnownAccounts(m_pair.dirB.path()).find(m_pair.url, m_pair.emailB);
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
        const auto earlier = await<QUuid>([&](QObject* c, auto done) {
            m_pair.a->engine.writeItem(m_folder, m_item, "pg-main earlier.internal:5432", c, done);
        });
        VERIFY_OK(earlier);
        m_pair.b->engine.api().setTamper([&recorded](const QString& path, QJsonObject& json) {
            if (path.contains(QLatin1String("/items")))
                recorded.append(json);
        });
        const auto honest = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
        m_pair.b->engine.api().setTamper({});
        VERIFY_OK(honest);
        QVERIFY(!recorded.isEmpty());
    }
    const QByteArray held = text(m_pair.b->engine.itemPlaintext(m_folder, m_item));
    const int heldItems = int(m_pair.b->engine.itemIds(m_folder).size());
    QVERIFY(!held.isEmpty());
    const QByteArray next = "pg-main " + tampering.toLatin1() + ".internal:5432";
    const auto edited = await<QUuid>(
        [&](QObject* c, auto done) { m_pair.a->engine.writeItem(m_folder, m_item, next, c, done); });
    VERIFY_OK(edited);

    int tampered = 0;
    m_pair.b->engine.api().setTamper([&tampered, &recorded, tampering](const QString& path,
                                                                       QJsonObject& json) {
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
    QSignalSpy refused(&m_pair.b->engine, &SyncEngine::dataRefused);
    const auto synced = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    m_pair.b->engine.api().setTamper({});
    QVERIFY(synced.has_value());
    QVERIFY(tampered > 0);
    QVERIFY(!synced->ok());
    QVERIFY(!synced->error().message.isEmpty());
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).value<QUuid>(), m_folder);
    QVERIFY(!refused.first().at(1).toString().isEmpty());
    // What B had is still there, readable.
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_folder, m_item)), held);
    QCOMPARE(int(m_pair.b->engine.itemIds(m_folder).size()), heldItems);

    // The honest answer afterwards is taken: the cursor did not move past the refused change.
    const auto again = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    VERIFY_OK(again);
    QCOMPARE(text(m_pair.b->engine.itemPlaintext(m_folder, m_item)), next);
}

void TestSyncEngine::deleteMarkerReachesTheOther()
{
    QVERIFY(!m_item.isNull());
    const auto removed =
        await([&](QObject* c, auto done) { m_pair.a->engine.deleteItem(m_folder, m_item, c, done); });
    VERIFY_OK(removed);
    QVERIFY(!m_pair.a->engine.itemIds(m_folder).contains(m_item));
    QVERIFY(!m_pair.a->engine.itemPlaintext(m_folder, m_item));

    QVERIFY(m_pair.b->engine.itemIds(m_folder).contains(m_item));
    const auto synced = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(!m_pair.b->engine.itemIds(m_folder).contains(m_item));
    QVERIFY(!m_pair.b->engine.itemPlaintext(m_folder, m_item));
    QCOMPARE(m_pair.b->engine.itemIds(m_folder).size(), 2);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
