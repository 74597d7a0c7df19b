// Shared folders end to end against the real server (SQLite, or PostgreSQL under
// CONCLAVE_TEST_SERVER_STORAGE=postgres): creation with the signed create entry, the
// membership log and what it refuses (one row per hostile variant), grants, item writes
// with their folder state (conflict and rebase, two writers on one state, two servers on
// one database), reads that re-hash each stored envelope, delete and 7-day recovery.
#include "SharingFixture.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeyBundle.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

using namespace ServerAccounts;
using namespace Conclave::Core;

class TestSharingFolders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void createFolder();
    void createRefused_data();
    void createRefused();
    void appendRefused_data();
    void appendRefused();
    void membersFollowTheLog();
    void leave();
    void grants();
    void itemsWrittenAndRead();
    void conflictCarriesTheRebase();
    void twoWritersOnOneState();
    void twoServersOnOneDatabase();
    void corruptRowReportedNotServed();
    void itemWriteRefused_data();
    void itemWriteRefused();
    void readParametersRefused_data();
    void readParametersRefused();
    void grantOfSomeoneElseRefused();
    void deleteAndRestore();
    void purgeAfterRecoveryTime();

private:
    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
};

void TestSharingFolders::initTestCase()
{
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestSharingFolders")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
}

void TestSharingFolders::cleanupTestCase()
{
    m_server.stop();
}

void TestSharingFolders::createFolder()
{
    const SharingUser alice = m_fx->user("alice");
    QVERIFY(alice.isValid());
    SharedFolder folder = m_fx->createFolder(alice);
    QVERIFY(folder.isValid());

    ApiResponse r = m_client->get(folder.path(), alice.token());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("orgId")).toString(), m_fx->orgId());
    QCOMPARE(r.json.value(QStringLiteral("role")).toString(), QStringLiteral("manage"));
    QCOMPARE(r.json.value(QStringLiteral("logLength")).toInt(), 1);
    QCOMPARE(r.json.value(QStringLiteral("keyVersion")).toInt(), 1);
    QVERIFY(r.json.value(QStringLiteral("state")).isNull());
    const QJsonArray log = r.json.value(QStringLiteral("log")).toArray();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).toObject().value(QStringLiteral("entry")).toString(), b64(folder.entries.at(0)));

    r = m_client->get(QStringLiteral("/api/v1/folders"), alice.token());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("folders")).toArray().size(), 1);
}

void TestSharingFolders::createRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::newRow("entry one byte short") << "short" << 400 << "invalid-input"
                                          << "entry";
    QTest::newRow("entry one byte long") << "long" << 400 << "invalid-input"
                                         << "entry";
    QTest::newRow("an add entry, not a create") << "add" << 400 << "invalid-input"
                                                << "entry";
    QTest::newRow("create signed by someone else") << "other-signer" << 403 << "forbidden"
                                                   << "entry";
    QTest::newRow("create binding an unpublished key") << "unpublished-key" << 400 << "invalid-input"
                                                       << "entry";
    QTest::newRow("forged signature") << "forged" << 400 << "crypto-rejected"
                                      << "entry";
    QTest::newRow("entry of another folder id") << "other-folder" << 400 << "invalid-input"
                                                << "entry";
    QTest::newRow("organisation the caller is not in") << "other-org" << 403 << "forbidden"
                                                       << "orgId";
    QTest::newRow("folder id exists already") << "duplicate" << 409 << "conflict"
                                              << "folderId";
    QTest::newRow("folder id in upper case") << "upper-case-id" << 400 << "invalid-input"
                                             << "folderId";
}

void TestSharingFolders::createRefused()
{
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    const SharingUser alice = m_fx->user("creator");
    const SharingUser bob = m_fx->user("bystander");
    QVERIFY(alice.isValid() && bob.isValid());
    QUuid folderId = QUuid::createUuid();
    const SecureBytes key = FolderKeyRing::generateKey();
    MembershipEntry entry = MembershipLog::create(folderId, alice.id(), *alice.keys, key, 1);
    QByteArray bytes = entry.serialize();
    QString orgId = m_fx->orgId();
    QString idText = folderId.toString(QUuid::WithoutBraces);
    if (variant == QLatin1String("short")) {
        bytes.chop(1);
    } else if (variant == QLatin1String("long")) {
        bytes.append('\0');
    } else if (variant == QLatin1String("add")) {
        MembershipState state(folderId);
        QVERIFY(state.apply(entry));
        bytes = MembershipLog::next(state, MembershipAction::Add, alice.id(), *alice.keys, bob.id(),
                                    bob.keys->identityPublicKey(), FolderRole::View, 2)
                    .serialize();
    } else if (variant == QLatin1String("other-signer")) {
        bytes = MembershipLog::create(folderId, bob.id(), *bob.keys, key, 1).serialize();
    } else if (variant == QLatin1String("unpublished-key")) {
        const UserKeys stranger = UserKeys::generate();
        bytes = MembershipLog::create(folderId, alice.id(), stranger, key, 1).serialize();
    } else if (variant == QLatin1String("forged")) {
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
    } else if (variant == QLatin1String("other-folder")) {
        idText = QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else if (variant == QLatin1String("other-org")) {
        orgId = m_fx->otherOrgId();
    } else if (variant == QLatin1String("duplicate")) {
        const SharedFolder existing = m_fx->createFolder(bob);
        QVERIFY(existing.isValid());
        idText = existing.idText();
        bytes = MembershipLog::create(existing.id, alice.id(), *alice.keys, key, 1).serialize();
    } else if (variant == QLatin1String("upper-case-id")) {
        idText = idText.toUpper();
    }
    const ApiResponse r = m_client->post(QStringLiteral("/api/v1/folders"),
                                         {{QStringLiteral("orgId"), orgId},
                                          {QStringLiteral("folderId"), idText},
                                          {QStringLiteral("entry"), b64(bytes)}},
                                         alice.token());
    QVERIFY2(r.status == status, r.raw.constData());
    QCOMPARE(r.errorCode(), reason);
    QCOMPARE(r.errorField(), field);
    // Nothing was stored: the folder does not exist for its would-be creator.
    if (variant != QLatin1String("duplicate"))
        QCOMPARE(m_client
                     ->get(QStringLiteral("/api/v1/folders/") + folderId.toString(QUuid::WithoutBraces),
                           alice.token())
                     .status,
                 404);
}

void TestSharingFolders::appendRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::newRow("entry one byte short") << "short" << 400 << "invalid-input"
                                          << "entry";
    QTest::newRow("replayed entry") << "replay" << 409 << "conflict"
                                    << "entry";
    QTest::newRow("entry of another folder") << "other-folder" << 400 << "invalid-input"
                                             << "entry";
    QTest::newRow("forged signature") << "forged" << 400 << "crypto-rejected"
                                      << "entry";
    QTest::newRow("signed by another member") << "not-caller" << 403 << "forbidden"
                                              << "entry";
    QTest::newRow("add by an Edit member") << "editor-adds" << 403 << "forbidden"
                                           << "entry";
    QTest::newRow("add binding an unpublished key") << "unpublished-key" << 400 << "invalid-input"
                                                    << "entry";
    QTest::newRow("add binding another account's key") << "someone-elses-key" << 400 << "invalid-input"
                                                       << "entry";
    QTest::newRow("last manager leaves") << "last-manager-leaves" << 403 << "forbidden"
                                         << "entry";
    QTest::newRow("last manager demotes themself") << "last-manager-demoted" << 403 << "forbidden"
                                                   << "entry";
    QTest::newRow("a sequence ahead of the log") << "gap" << 409 << "conflict"
                                                 << "entry";
    QTest::newRow("rotate without its batch") << "rotate" << 400 << "invalid-input"
                                              << "entry";
    QTest::newRow("a second create") << "second-create" << 409 << "conflict"
                                     << "entry";
}

void TestSharingFolders::appendRefused()
{
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    const SharingUser manager = m_fx->user("manager");
    const SharingUser editor = m_fx->user("editor");
    const SharingUser newcomer = m_fx->user("newcomer");
    QVERIFY(manager.isValid() && editor.isValid() && newcomer.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    QVERIFY(folder.isValid());
    QCOMPARE(m_fx->addMember(folder, manager, editor, FolderRole::Edit).status, 201);
    const qsizetype lengthBefore = folder.entries.size();

    const SharingUser* sender = &manager;
    QByteArray bytes =
        m_fx->nextEntry(folder, MembershipAction::Add, manager, &newcomer, FolderRole::View).serialize();
    if (variant == QLatin1String("short")) {
        bytes.chop(1);
    } else if (variant == QLatin1String("replay")) {
        bytes = folder.entries.last();
    } else if (variant == QLatin1String("other-folder")) {
        // Another folder's log of the same length, so only the folder id is wrong.
        SharedFolder other = m_fx->createFolder(manager);
        QVERIFY(other.isValid());
        QCOMPARE(m_fx->addMember(other, manager, editor, FolderRole::Edit).status, 201);
        bytes = MembershipLog::next(*other.members, MembershipAction::Add, manager.id(), *manager.keys,
                                    newcomer.id(), newcomer.keys->identityPublicKey(), FolderRole::View, 1)
                    .serialize();
    } else if (variant == QLatin1String("forged")) {
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
    } else if (variant == QLatin1String("not-caller")) {
        sender = &editor;
    } else if (variant == QLatin1String("editor-adds")) {
        sender = &editor;
        bytes =
            m_fx->nextEntry(folder, MembershipAction::Add, editor, &newcomer, FolderRole::View).serialize();
    } else if (variant == QLatin1String("unpublished-key")) {
        const UserKeys stranger = UserKeys::generate();
        bytes = MembershipLog::next(*folder.members, MembershipAction::Add, manager.id(), *manager.keys,
                                    newcomer.id(), stranger.identityPublicKey(), FolderRole::View, 1)
                    .serialize();
    } else if (variant == QLatin1String("someone-elses-key")) {
        bytes = MembershipLog::next(*folder.members, MembershipAction::Add, manager.id(), *manager.keys,
                                    newcomer.id(), editor.keys->identityPublicKey(), FolderRole::View, 1)
                    .serialize();
    } else if (variant == QLatin1String("last-manager-leaves")) {
        bytes = m_fx->nextEntry(folder, MembershipAction::Leave, manager, &manager).serialize();
    } else if (variant == QLatin1String("last-manager-demoted")) {
        bytes = m_fx->nextEntry(folder, MembershipAction::ChangeRole, manager, &manager, FolderRole::Edit)
                    .serialize();
    } else if (variant == QLatin1String("gap")) {
        MembershipState ahead = *folder.members;
        QVERIFY(ahead.apply(MembershipLog::next(ahead, MembershipAction::Add, manager.id(), *manager.keys,
                                                newcomer.id(), newcomer.keys->identityPublicKey(),
                                                FolderRole::View, 1)));
        const SharingUser third = m_fx->user("third");
        bytes = MembershipLog::next(ahead, MembershipAction::Add, manager.id(), *manager.keys, third.id(),
                                    third.keys->identityPublicKey(), FolderRole::View, 1)
                    .serialize();
    } else if (variant == QLatin1String("rotate")) {
        bytes =
            MembershipLog::rotate(*folder.members, manager.id(), *manager.keys, SecureBytes::random(32), 1)
                .serialize();
    } else if (variant == QLatin1String("second-create")) {
        bytes = MembershipLog::create(folder.id, manager.id(), *manager.keys, SecureBytes::random(32), 1)
                    .serialize();
    }
    const ApiResponse r = m_client->post(folder.path(QStringLiteral("/log")),
                                         {{QStringLiteral("entry"), b64(bytes)}}, sender->token());
    QVERIFY2(r.status == status, r.raw.constData());
    QCOMPARE(r.errorCode(), reason);
    QCOMPARE(r.errorField(), field);
    // The log is unchanged.
    const ApiResponse log = m_client->get(folder.path(QStringLiteral("/log")), manager.token());
    QCOMPARE(log.status, 200);
    QCOMPARE(log.json.value(QStringLiteral("entries")).toArray().size(), int(lengthBefore));
}

void TestSharingFolders::membersFollowTheLog()
{
    const SharingUser manager = m_fx->user("manager");
    const SharingUser viewer = m_fx->user("viewer");
    QVERIFY(manager.isValid() && viewer.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    QVERIFY(folder.isValid());
    // Not a member yet: the folder does not exist for them.
    QCOMPARE(m_client->get(folder.path(), viewer.token()).status, 404);
    QCOMPARE(m_fx->addMember(folder, manager, viewer, FolderRole::View).status, 201);
    ApiResponse r = m_client->get(folder.path(), viewer.token());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("role")).toString(), QStringLiteral("view"));
    // Each member with the address the client shows for them.
    QHash<QString, QString> emails;
    for (const QJsonValue& m : r.json.value(QStringLiteral("members")).toArray())
        emails.insert(m.toObject().value(QStringLiteral("userId")).toString(),
                      m.toObject().value(QStringLiteral("email")).toString());
    QCOMPARE(emails, (QHash<QString, QString>{{manager.account.userId, manager.account.email},
                                              {viewer.account.userId, viewer.account.email}}));
    // A View member cannot write items.
    r = m_fx->writeItem(folder, viewer, QUuid::createUuid(), "x");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    // Promoted by a signed entry, they can.
    QCOMPARE(m_fx->append(folder,
                          m_fx->nextEntry(folder, MembershipAction::ChangeRole, manager, &viewer,
                                          FolderRole::Edit),
                          manager)
                 .status,
             201);
    QCOMPARE(m_fx->writeItem(folder, viewer, QUuid::createUuid(), "x").status, 201);
    // Removed, they are a non-member again.
    QCOMPARE(
        m_fx->append(folder, m_fx->nextEntry(folder, MembershipAction::Remove, manager, &viewer), manager)
            .status,
        201);
    QCOMPARE(m_client->get(folder.path(), viewer.token()).status, 404);
}

void TestSharingFolders::leave()
{
    const SharingUser manager = m_fx->user("manager");
    const SharingUser member = m_fx->user("member");
    QVERIFY(manager.isValid() && member.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, member, FolderRole::Edit).status, 201);
    const ApiResponse r =
        m_fx->append(folder, m_fx->nextEntry(folder, MembershipAction::Leave, member, &member), member);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(QStringLiteral("logLength")).toInt(), 3);
    QCOMPARE(m_client->get(folder.path(), member.token()).status, 404);
    // After a leave, writes under the old key are refused until a manager rotates.
    const ApiResponse write = m_fx->writeItem(folder, manager, QUuid::createUuid(), "x");
    QCOMPARE(write.status, 403);
    QCOMPARE(write.errorField(), QStringLiteral("envelope"));
}

void TestSharingFolders::grants()
{
    const SharingUser manager = m_fx->user("manager");
    const SharingUser member = m_fx->user("member");
    const SharingUser other = m_fx->user("other");
    QVERIFY(manager.isValid() && member.isValid() && other.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, member, FolderRole::Edit).status, 201);
    QCOMPARE(m_fx->addMember(folder, manager, other, FolderRole::View).status, 201);

    KeyPinStore pins;
    QVERIFY(pins.pinVerified(member.id(), member.keys->identityPublicKey(), KeyPinStore::Origin::SafetyNumber,
                             1));
    auto bundle = UserKeyBundle::parseAndVerify(member.bundle);
    QVERIFY(bundle);
    auto grant = FolderKeyGrant::create(*folder.members, 1, *folder.keys->key(1), bundle.value(), pins,
                                        manager.id(), *manager.keys);
    QVERIFY2(grant, qPrintable(grant ? QString() : grant.error().message));
    const QString grantB64 = b64(grant->serialize());

    // Only a manager may store grants.
    ApiResponse r = m_client->post(folder.path(QStringLiteral("/grants")),
                                   {{QStringLiteral("grants"), QJsonArray{grantB64}}}, member.token());
    QCOMPARE(r.status, 403);
    r = m_client->post(folder.path(QStringLiteral("/grants")),
                       {{QStringLiteral("grants"), QJsonArray{grantB64}}}, manager.token());
    QCOMPARE(r.status, 201);
    // A grant with a changed byte does not verify.
    QByteArray forged = grant->serialize();
    forged[forged.size() - 1] = char(forged.at(forged.size() - 1) ^ 0x01);
    r = m_client->post(folder.path(QStringLiteral("/grants")),
                       {{QStringLiteral("grants"), QJsonArray{b64(forged)}}}, manager.token());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("crypto-rejected"));
    QCOMPARE(r.errorField(), QStringLiteral("grants[0]"));

    // The recipient and managers read it; another member does not.
    r = m_client->get(folder.path(QStringLiteral("/grants")), member.token());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("grants")).toArray().size(), 1);
    QCOMPARE(r.json.value(QStringLiteral("grants"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("grant"))
                 .toString(),
             grantB64);
    r = m_client->get(folder.path(QStringLiteral("/grants")), other.token());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("grants")).toArray().size(), 0);
    r = m_client->get(folder.path(QStringLiteral("/grants")), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("grants")).toArray().size(), 1);
}

void TestSharingFolders::itemsWrittenAndRead()
{
    const SharingUser manager = m_fx->user("manager");
    QVERIFY(manager.isValid());
    SharedFolder folder = m_fx->createFolder(manager);
    // The folder name is an item with the folder's id.
    QCOMPARE(m_fx->writeEnvelope(folder, manager,
                                 m_fx->seal(folder, manager, folder.id, "Databases", ItemKind::FolderName))
                 .status,
             201);
    QList<QUuid> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(QUuid::createUuid());
        QCOMPARE(m_fx->writeItem(folder, manager, ids.last(), "connection").status, 201);
    }
    ApiResponse r = m_fx->writeItem(folder, manager, ids.first(), "changed");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("revision")).toInt(), 2);
    // A delete marker.
    r = m_fx->writeEnvelope(folder, manager,
                            m_fx->seal(folder, manager, ids.last(), {}, ItemKind::DeleteMarker));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("stateSequence")).toInt(), 8);

    // Pages of 2 reach every item once, and a fresh client accepts them as a snapshot.
    QList<ItemEnvelope> latest;
    QString after;
    QByteArray stateBytes;
    for (int page = 0; page < 10; ++page) {
        r = m_client->get(folder.path(QStringLiteral("/items?limit=2&after=")) + after, manager.token());
        QCOMPARE(r.status, 200);
        stateBytes = QByteArray::fromBase64(r.json.value(QStringLiteral("state"))
                                                .toObject()
                                                .value(QStringLiteral("state"))
                                                .toString()
                                                .toLatin1());
        for (const QJsonValue& item : r.json.value(QStringLiteral("items")).toArray()) {
            auto envelope = ItemEnvelope::parse(QByteArray::fromBase64(
                item.toObject().value(QStringLiteral("envelope")).toString().toLatin1()));
            QVERIFY(envelope);
            latest.append(envelope.value());
        }
        if (r.json.value(QStringLiteral("next")).isNull())
            break;
        after = r.json.value(QStringLiteral("next")).toString();
    }
    QCOMPARE(latest.size(), 6); // the name, four items and a delete marker
    auto state = FolderState::parse(stateBytes);
    QVERIFY(state);
    FolderStateChain fresh(folder.id);
    QVERIFY(fresh.acceptSnapshot(state.value(), latest, *folder.members));

    // Only what changed since a state.
    r = m_client->get(folder.path(QStringLiteral("/items?sinceState=6")), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 2);
    r = m_client->get(folder.path(QStringLiteral("/items/")) + ids.first().toString(QUuid::WithoutBraces),
                      manager.token());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("revision")).toInt(), 2);
}

void TestSharingFolders::conflictCarriesTheRebase()
{
    const SharingUser manager = m_fx->user("manager");
    SharedFolder folder = m_fx->createFolder(manager);
    SharedFolder stale = folder.detached();
    const QUuid first = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(folder, manager, first, "one").status, 201);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "two").status, 201);

    // Written on the empty state: refused, with the current state and both items.
    ApiResponse r = m_fx->writeItem(stale, manager, QUuid::createUuid(), "three");
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(r.errorField(), QStringLiteral("state"));
    QCOMPARE(r.json.value(QStringLiteral("current")).toObject().value(QStringLiteral("sequence")).toInt(), 2);
    QCOMPARE(r.json.value(QStringLiteral("sinceState")).toInt(), 0);
    QCOMPARE(r.json.value(QStringLiteral("changedItems")).toArray().size(), 2);
}

void TestSharingFolders::twoWritersOnOneState()
{
    const SharingUser manager = m_fx->user("manager");
    const SharingUser editor = m_fx->user("editor");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, editor, FolderRole::Edit).status, 201);
    SharedFolder mine = folder.detached();
    SharedFolder theirs = folder.detached();
    const QUuid item = QUuid::createUuid();
    // Both write on state 0: the first wins, the second gets 409 and rebases.
    QCOMPARE(m_fx->writeItem(mine, manager, item, "manager's").status, 201);
    ApiResponse r = m_fx->writeItem(theirs, editor, QUuid::createUuid(), "editor's");
    QCOMPARE(r.status, 409);
    const QJsonObject current = r.json.value(QStringLiteral("current")).toObject();
    const QJsonObject changed = r.json.value(QStringLiteral("changedItems")).toArray().at(0).toObject();
    QVERIFY(m_fx->absorbWrite(
        theirs, QByteArray::fromBase64(changed.value(QStringLiteral("envelope")).toString().toLatin1()),
        QByteArray::fromBase64(current.value(QStringLiteral("state")).toString().toLatin1())));
    QCOMPARE(m_fx->writeItem(theirs, editor, QUuid::createUuid(), "editor's").status, 201);
    // And the first writer, now behind, is told the same way.
    QCOMPARE(m_fx->writeItem(mine, manager, item, "again").status, 409);
}

void TestSharingFolders::twoServersOnOneDatabase()
{
    // A second server process on the same database: each caches its folder state chains,
    // and neither may accept a write on a state the other moved on from.
    ServerHarness second;
    second.setConfig(SharingFixture::serverConfig());
    second.useStorageOf(m_server);
    // Replicas share the server key, so sessions and sign-ins work on both.
    second.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"),
                          m_server.dataDir() + QStringLiteral("/server.key"));
    QVERIFY(second.start(QStringLiteral("TestSharingFolders-second")));
    ApiClient secondClient(second.baseUrl());
    const SharingUser manager = m_fx->user("manager");
    SharedFolder folder = m_fx->createFolder(manager);
    SharedFolder viaSecond = folder.detached();
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "first").status, 201);
    // Both servers have the folder's chain cached now.
    ItemEnvelope envelope = m_fx->seal(viaSecond, manager, QUuid::createUuid(), "second");
    ApiResponse r = secondClient.post(folder.path(QStringLiteral("/items")),
                                      m_fx->writeBody(viaSecond, manager, envelope), manager.token());
    QCOMPARE(r.status, 409);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "third").status, 201);
    // The second server answers the folder's true state after the first server wrote.
    r = secondClient.get(folder.path(), manager.token());
    QCOMPARE(r.json.value(QStringLiteral("stateSequence")).toInt(), 2);
    envelope = m_fx->seal(folder, manager, QUuid::createUuid(), "fourth");
    const QJsonObject body = m_fx->writeBody(folder, manager, envelope);
    r = secondClient.post(folder.path(QStringLiteral("/items")), body, manager.token());
    QCOMPARE(r.status, 201);
    QVERIFY(
        m_fx->absorbWrite(folder, envelope.serialize(),
                          QByteArray::fromBase64(body.value(QStringLiteral("state")).toString().toLatin1())));
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "fifth").status, 201);

    // Two writers on the same state at the same moment, one through each server: exactly one
    // is accepted, the other is told to rebase.
    for (int round = 0; round < 10; ++round) {
        SharedFolder a = folder.detached();
        SharedFolder b = folder.detached();
        const ItemEnvelope ea = m_fx->seal(a, manager, QUuid::createUuid(), "a");
        const ItemEnvelope eb = m_fx->seal(b, manager, QUuid::createUuid(), "b");
        const QJsonObject ba = m_fx->writeBody(a, manager, ea);
        const QJsonObject bb = m_fx->writeBody(b, manager, eb);
        QNetworkAccessManager network;
        auto post = [&](const QString& base, const QJsonObject& payload) {
            QNetworkRequest request(QUrl(base + folder.path(QStringLiteral("/items"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + manager.token().toLatin1());
            return std::unique_ptr<QNetworkReply>(network.post(request, QJsonDocument(payload).toJson()));
        };
        auto ra = post(m_server.baseUrl(), ba);
        auto rb = post(second.baseUrl(), bb);
        QVERIFY(QTest::qWaitFor([&] { return ra->isFinished() && rb->isFinished(); }, 30000));
        const int sa = ra->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const int sb = rb->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2((sa == 201 && sb == 409) || (sa == 409 && sb == 201),
                 qPrintable(QStringLiteral("round %1: %2 and %3").arg(round).arg(sa).arg(sb)));
        const QJsonObject& winner = sa == 201 ? ba : bb;
        QVERIFY(m_fx->absorbWrite(
            folder, (sa == 201 ? ea : eb).serialize(),
            QByteArray::fromBase64(winner.value(QStringLiteral("state")).toString().toLatin1())));
    }
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "after the races").status, 201);
    second.stop();
}

void TestSharingFolders::corruptRowReportedNotServed()
{
    // A server of its own, named provoked-*: its one 500 is on purpose (TestServerLogHygiene).
    ServerHarness server;
    server.setConfig(SharingFixture::serverConfig());
    QVERIFY(server.start(QStringLiteral("provoked-TestSharingFolders-corrupt")));
    ApiClient client(server.baseUrl());
    SharingFixture fx(server, client);
    QVERIFY(fx.setUp());
    const SharingUser manager = fx.user("manager");
    SharedFolder folder = fx.createFolder(manager);
    const QUuid good = QUuid::createUuid();
    const QUuid bad = QUuid::createUuid();
    QCOMPARE(fx.writeItem(folder, manager, good, "intact").status, 201);
    QCOMPARE(fx.writeItem(folder, manager, bad, "to be damaged").status, 201);
    // One byte of the stored ciphertext changes behind the server's back.
    const QString badId = bad.toString(QUuid::WithoutBraces);
    const QByteArray other = fx.seal(folder, manager, bad, "something else").serialize();
    QVERIFY(server.execSql(
        QStringLiteral("UPDATE item_revisions SET envelope = %1 WHERE item_id = '%2'")
            .arg(ServerHarness::usePostgres()
                     ? QStringLiteral("decode('%1', 'hex')").arg(QString::fromLatin1(other.toHex()))
                     : QStringLiteral("X'%1'").arg(QString::fromLatin1(other.toHex())),
                 badId)));
    ApiResponse r = client.get(folder.path(QStringLiteral("/items")), manager.token());
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("itemId")).toString(),
             good.toString(QUuid::WithoutBraces));
    QCOMPARE(r.json.value(QStringLiteral("corrupt")).toArray(), QJsonArray{badId});
    r = client.get(folder.path(QStringLiteral("/items/")) + badId, manager.token());
    QCOMPARE(r.status, 500);
    QVERIFY(!r.raw.contains(b64(other).toLatin1()));
}

void TestSharingFolders::itemWriteRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::newRow("envelope of another folder") << "other-folder" << 400 << "invalid-input"
                                                << "envelope";
    QTest::newRow("envelope with a forged signature") << "forged-envelope" << 400 << "crypto-rejected"
                                                      << "envelope";
    QTest::newRow("state with a forged signature") << "forged-state" << 400 << "crypto-rejected"
                                                   << "state";
    QTest::newRow("state one byte short") << "short-state" << 400 << "invalid-input"
                                          << "state";
    QTest::newRow("state naming another envelope") << "other-envelope" << 400 << "invalid-input"
                                                   << "state";
    QTest::newRow("replayed write") << "replay" << 409 << "conflict"
                                    << "state";
    QTest::newRow("envelope written by another member") << "other-author" << 403 << "forbidden"
                                                        << "envelope";
    QTest::newRow("address names another item") << "other-path" << 400 << "invalid-input"
                                                << "envelope";
    QTest::newRow("key version the log does not know") << "unknown-key" << 400 << "invalid-input"
                                                       << "envelope";
    QTest::newRow("POST of an existing item") << "post-existing" << 409 << "conflict"
                                              << "envelope";
}

void TestSharingFolders::itemWriteRefused()
{
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    const SharingUser manager = m_fx->user("manager");
    const SharingUser editor = m_fx->user("editor");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, editor, FolderRole::Edit).status, 201);
    const QUuid existing = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(folder, manager, existing, "existing").status, 201);

    QUuid itemId = QUuid::createUuid();
    ItemEnvelope envelope = m_fx->seal(folder, manager, itemId, "new");
    QJsonObject body = m_fx->writeBody(folder, manager, envelope);
    QString path = folder.path(QStringLiteral("/items"));
    bool put = false;
    auto bytesOf = [&body](const char* name) {
        return QByteArray::fromBase64(body.value(QLatin1String(name)).toString().toLatin1());
    };
    auto setBytes = [&body](const char* name, const QByteArray& bytes) {
        body.insert(QLatin1String(name), b64(bytes));
    };
    if (variant == QLatin1String("other-folder")) {
        SharedFolder other = m_fx->createFolder(manager);
        const ItemEnvelope foreign = m_fx->seal(other, manager, itemId, "foreign");
        setBytes("envelope", foreign.serialize());
    } else if (variant == QLatin1String("forged-envelope")) {
        QByteArray bytes = bytesOf("envelope");
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
        setBytes("envelope", bytes);
    } else if (variant == QLatin1String("forged-state")) {
        QByteArray bytes = bytesOf("state");
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
        setBytes("state", bytes);
    } else if (variant == QLatin1String("short-state")) {
        QByteArray bytes = bytesOf("state");
        bytes.chop(1);
        setBytes("state", bytes);
    } else if (variant == QLatin1String("other-envelope")) {
        setBytes("envelope", m_fx->seal(folder, manager, itemId, "different").serialize());
    } else if (variant == QLatin1String("replay")) {
        // The accepted first write sent again.
        QCOMPARE(m_client->post(path, body, manager.token()).status, 201);
    } else if (variant == QLatin1String("other-author")) {
        const ItemEnvelope byEditor = m_fx->seal(folder, editor, itemId, "editor's");
        body = m_fx->writeBody(folder, editor, byEditor);
    } else if (variant == QLatin1String("other-path")) {
        put = true;
        path = folder.path(QStringLiteral("/items/")) + existing.toString(QUuid::WithoutBraces);
    } else if (variant == QLatin1String("unknown-key")) {
        ItemEnvelope::Header header = envelope.header();
        header.keyVersion = 2;
        auto ahead = ItemEnvelope::seal(header, "ahead", *folder.keys->key(1), *manager.keys);
        QVERIFY(ahead);
        body = m_fx->writeBody(folder, manager, ahead.value());
    } else if (variant == QLatin1String("post-existing")) {
        body = m_fx->writeBody(folder, manager, m_fx->seal(folder, manager, existing, "again"));
    }
    const ApiResponse r =
        put ? m_client->put(path, body, manager.token()) : m_client->post(path, body, manager.token());
    QVERIFY2(r.status == status, r.raw.constData());
    QCOMPARE(r.errorCode(), reason);
    QCOMPARE(r.errorField(), field);
    // Nothing new is stored: the state is still the first write's (or the replay's one).
    const ApiResponse f = m_client->get(folder.path(), manager.token());
    QCOMPARE(f.json.value(QStringLiteral("stateSequence")).toInt(),
             variant == QLatin1String("replay") ? 2 : 1);
}

void TestSharingFolders::readParametersRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("items, limit 0") << "/items?limit=0"
                                    << "limit";
    QTest::newRow("items, limit 501") << "/items?limit=501"
                                      << "limit";
    QTest::newRow("items, limit not a number") << "/items?limit=ten"
                                               << "limit";
    QTest::newRow("items, sinceState below 0") << "/items?sinceState=-1"
                                               << "sinceState";
    QTest::newRow("items, sinceState not a number") << "/items?sinceState=x"
                                                    << "sinceState";
    QTest::newRow("items, after longer than an id")
        << QStringLiteral("/items?after=").append(QString(37, QLatin1Char('a'))) << "after";
    QTest::newRow("log, from below 0") << "/log?from=-1"
                                       << "from";
    QTest::newRow("log, from not a number") << "/log?from=first"
                                            << "from";
}

void TestSharingFolders::readParametersRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const SharingUser manager = m_fx->user("manager");
    SharedFolder folder = m_fx->createFolder(manager);
    const ApiResponse r = m_client->get(folder.path(query), manager.token());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid-input"));
    QCOMPARE(r.errorField(), field);
}

void TestSharingFolders::grantOfSomeoneElseRefused()
{
    // A manager stores only grants they made: another manager's grant, replayed by them, is
    // refused even though it verifies.
    const SharingUser manager = m_fx->user("manager");
    const SharingUser other = m_fx->user("othermanager");
    const SharingUser member = m_fx->user("member");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, other, FolderRole::Manage).status, 201);
    QCOMPARE(m_fx->addMember(folder, manager, member, FolderRole::View).status, 201);
    const QByteArray theirs = m_fx->grant(folder, other, member.id());
    QVERIFY(!theirs.isEmpty());
    const ApiResponse r =
        m_client->post(folder.path(QStringLiteral("/grants")),
                       {{QStringLiteral("grants"), QJsonArray{b64(theirs)}}}, manager.token());
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorField(), QStringLiteral("grants[0]"));
    QCOMPARE(m_client
                 ->post(folder.path(QStringLiteral("/grants")),
                        {{QStringLiteral("grants"), QJsonArray{b64(theirs)}}}, other.token())
                 .status,
             201);
}

void TestSharingFolders::deleteAndRestore()
{
    SharingUser manager = m_fx->user("manager");
    SharingUser editor = m_fx->user("editor");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, editor, FolderRole::Edit).status, 201);
    QCOMPARE(m_client->del(folder.path(), editor.token()).status, 403);
    ApiResponse r = m_client->del(folder.path(), manager.token());
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json.value(QStringLiteral("restorableUntil")).isNull());
    r = m_client->get(folder.path(), editor.token());
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), QStringLiteral("gone"));
    QCOMPARE(m_client->post(folder.path(QStringLiteral("/restore")), {}, editor.token()).status, 403);
    m_server.advanceClock(qint64(6) * 24 * 3600 * 1000);
    QVERIFY(m_fx->signInAgain(manager));
    QVERIFY(m_fx->signInAgain(editor));
    r = m_client->post(folder.path(QStringLiteral("/restore")), {}, manager.token());
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QStringLiteral("deletedAt")).isNull());
    QCOMPARE(m_client->get(folder.path(), editor.token()).status, 200);
    QCOMPARE(m_client->post(folder.path(QStringLiteral("/restore")), {}, manager.token()).status, 409);
}

void TestSharingFolders::purgeAfterRecoveryTime()
{
    SharingUser manager = m_fx->user("manager");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "kept for 7 days").status, 201);
    QCOMPARE(m_client->del(folder.path(), manager.token()).status, 200);
    m_server.advanceClock(qint64(7) * 24 * 3600 * 1000 + 60 * 1000);
    QVERIFY(m_fx->signInAgain(manager));
    // Past the recovery time the folder is gone for good, restore included.
    QCOMPARE(m_client->post(folder.path(QStringLiteral("/restore")), {}, manager.token()).status, 404);
    QCOMPARE(m_client->get(folder.path(), manager.token()).status, 404);
    // A restart runs the purge: nothing of the folder is left in the database.
    m_server.stop();
    QVERIFY(m_server.start(QStringLiteral("TestSharingFolders-restarted")));
    bool ok = false;
    const QString id = folder.idText();
    // The purge runs right after the server starts listening.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server.sqlValue(QStringLiteral("SELECT COUNT(*) FROM folders WHERE id = '%1'").arg(id), &ok)
            .toInt(),
        0, 10000);
    QVERIFY(ok);
    QCOMPARE(
        m_server
            .sqlValue(QStringLiteral("SELECT COUNT(*) FROM item_revisions WHERE folder_id = '%1'").arg(id))
            .toInt(),
        0);
    QCOMPARE(m_server
                 .sqlValue(
                     QStringLiteral("SELECT COUNT(*) FROM membership_entries WHERE folder_id = '%1'").arg(id))
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestSharingFolders)
#include "TestSharingFolders.moc"
