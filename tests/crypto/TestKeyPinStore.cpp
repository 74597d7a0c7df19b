// KeyPinStore: pin on first use, report and block a changed key until a manager of a folder
// shared with that member confirms it (who and when are recorded), the first-contact gate
// before *add*, the check of a replayed log's identity keys against the pins, and the
// serialisation (v2, and v1 read for migration); damaged serialisations are refused.
#include "FolderFixture.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Fingerprint.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/UserKeys.h"

#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

class TestKeyPinStore : public QObject
{
    Q_OBJECT

private slots:
    void pinsOnFirstUseAndBlocksOnChange()
    {
        FolderFixture f;
        KeyPinStore store;
        const QUuid bob = f.bob.id;
        const QByteArray first = f.bob.keys.identityPublicKey();
        const QByteArray second = UserKeys::generate().identityPublicKey();
        const QByteArray third = UserKeys::generate().identityPublicKey();

        QVERIFY(store.check(f.alice.id, f.alice.keys.identityPublicKey()).ok());
        QCOMPARE(store.check(bob, first).value(), KeyPinStore::PinState::PinnedNow);
        QCOMPARE(store.check(bob, first).value(), KeyPinStore::PinState::Matches);
        QVERIFY(!store.isBlocked(bob));

        const Result<KeyPinStore::PinState> changed = store.check(bob, second);
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code, ErrorCode::Denied);
        QVERIFY(store.isBlocked(bob));
        QCOMPARE(store.pendingKey(bob), second);
        // Still blocked, even when the old key shows up again.
        QVERIFY(!store.check(bob, first).ok());
        QVERIFY(store.isBlocked(bob));

        // Only the reported key can be confirmed.
        QVERIFY(!store.confirmChange(bob, third, f.alice.id, f.state, 5000).ok());
        QVERIFY(!store.confirmChange(QUuid::createUuid(), second, f.alice.id, f.state, 5000).ok());
        QVERIFY(store.confirmChange(bob, second, f.alice.id, f.state, 5000).ok());
        QVERIFY(!store.isBlocked(bob));
        QCOMPARE(store.pinnedKey(bob), second);
        QCOMPARE(store.check(bob, second).value(), KeyPinStore::PinState::Matches);
        QVERIFY(!store.check(bob, QByteArray(31, 'x')).ok());
    }

    void confirmChangeNeedsAManagerOfASharedFolder_data()
    {
        QTest::addColumn<QString>("confirmer");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("manager of a folder shared with the member") << "alice"
                                                                    << "bob" << true;
        QTest::newRow("Edit member") << "bob"
                                     << "carol" << false;
        QTest::newRow("View member") << "carol"
                                     << "bob" << false;
        QTest::newRow("not in the folder") << "dave"
                                           << "bob" << false;
        QTest::newRow("manager, but the folder is not shared with the member") << "alice"
                                                                               << "dave" << false;
        QTest::newRow("the member confirming their own new key") << "alice"
                                                                 << "alice" << false;
    }

    void confirmChangeNeedsAManagerOfASharedFolder()
    {
        QFETCH(QString, confirmer);
        QFETCH(QString, subject);
        QFETCH(bool, accepted);
        FolderFixture f;
        const TestMember dave;
        const auto pick = [&](const QString& name) -> const TestMember& {
            return name == u"alice" ? f.alice : name == u"bob" ? f.bob : name == u"carol" ? f.carol : dave;
        };
        const TestMember& who = pick(confirmer);
        const TestMember& member = pick(subject);
        KeyPinStore store;
        QVERIFY(store.check(who.id, who.keys.identityPublicKey()).ok());
        QVERIFY(store.check(member.id, member.keys.identityPublicKey()).ok());
        const QByteArray newKey = UserKeys::generate().identityPublicKey();
        QVERIFY(!store.check(member.id, newKey).ok());

        const Status confirmed = store.confirmChange(member.id, newKey, who.id, f.state, 1700000000123);
        QCOMPARE(confirmed.ok(), accepted);
        if (!accepted) {
            QCOMPARE(confirmed.error().code, ErrorCode::Denied);
            QVERIFY(store.isBlocked(member.id));
            QCOMPARE(store.pinnedKey(member.id), member.keys.identityPublicKey());
            return;
        }
        const std::optional<KeyPinStore::Pin> pin = store.pin(member.id);
        QVERIFY(pin.has_value());
        QCOMPARE(pin->key, newKey);
        QCOMPARE(pin->origin, KeyPinStore::Origin::ConfirmedChange);
        QCOMPARE(pin->confirmedBy, who.id);
        QCOMPARE(pin->confirmedInFolder, f.folderId);
        QCOMPARE(pin->timeMs, quint64(1700000000123));
        // Who confirmed and when survive the serialisation.
        const Result<KeyPinStore> parsed = KeyPinStore::parse(store.serialize());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->pin(member.id)->confirmedBy, who.id);
        QCOMPARE(parsed->pin(member.id)->timeMs, quint64(1700000000123));
    }

    // A server cannot make up the manager who vouches for a key: the confirmer's identity key
    // in the folder state passed must be the key this client has pinned for them, unblocked.
    // Otherwise a log the server wrote itself (a "folder" created under a manager's id with a
    // key of its own, adding the member with the server's key) would confirm the server's key.
    void confirmChangeRefusesAConfirmerWithAnotherKey_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("a folder the server made up under the manager's id") << "forged folder";
        QTest::newRow("a confirmer this client has never seen") << "unpinned confirmer";
        QTest::newRow("a confirmer whose own key change is pending") << "blocked confirmer";
        QTest::newRow("the real folder and the pinned manager") << "genuine";
    }

    void confirmChangeRefusesAConfirmerWithAnotherKey()
    {
        QFETCH(QString, variant);
        FolderFixture f;
        KeyPinStore store;
        if (variant != u"unpinned confirmer")
            QVERIFY(store
                        .pinVerified(f.alice.id, f.alice.keys.identityPublicKey(),
                                     KeyPinStore::Origin::SafetyNumber, 1)
                        .ok());
        QVERIFY(store.check(f.bob.id, f.bob.keys.identityPublicKey()).ok());
        const UserKeys serverKeys = UserKeys::generate();
        QVERIFY(!store.check(f.bob.id, serverKeys.identityPublicKey()).ok());
        if (variant == u"blocked confirmer")
            QVERIFY(!store.check(f.alice.id, UserKeys::generate().identityPublicKey()).ok());

        MembershipState folder = f.state;
        if (variant == u"forged folder") {
            const UserKeys fakeAlice = UserKeys::generate();
            MembershipState forged(QUuid::createUuid());
            QVERIFY(forged
                        .apply(MembershipLog::create(forged.folderId(), f.alice.id, fakeAlice,
                                                     FolderKeyRing::generateKey(), 10))
                        .ok());
            QVERIFY(
                forged
                    .apply(MembershipLog::next(forged, MembershipAction::Add, f.alice.id, fakeAlice, f.bob.id,
                                               serverKeys.identityPublicKey(), FolderRole::Edit, 11))
                    .ok());
            folder = forged;
        }
        const Status confirmed =
            store.confirmChange(f.bob.id, serverKeys.identityPublicKey(), f.alice.id, folder, 12);
        if (variant == u"genuine") {
            QVERIFY(confirmed.ok());
            QCOMPARE(store.pinnedKey(f.bob.id), serverKeys.identityPublicKey());
            return;
        }
        QVERIFY(!confirmed.ok());
        QCOMPARE(confirmed.error().code, ErrorCode::Denied);
        QVERIFY(store.isBlocked(f.bob.id));
        QCOMPARE(store.pinnedKey(f.bob.id), f.bob.keys.identityPublicKey());
    }

    void firstContactGate_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("pinned on first use only") << "first use" << false;
        QTest::newRow("never seen") << "none" << false;
        QTest::newRow("safety number compared") << "safety number" << true;
        QTest::newRow("safety number with other spacing") << "safety number spaced" << true;
        QTest::newRow("safety number of another key") << "wrong safety number" << false;
        QTest::newRow("invitation code") << "invitation" << true;
    }

    void firstContactGate()
    {
        // A manager adds a member only with a key bound out of band (invitation code or a
        // compared safety number), never with one that is merely the first the server showed.
        QFETCH(QString, path);
        QFETCH(bool, accepted);
        KeyPinStore store;
        const QUuid bob = QUuid::createUuid();
        const QByteArray key = UserKeys::generate().identityPublicKey();
        const QString safetyNumber = Fingerprint::of(key).safetyNumber();
        if (path == u"first use") {
            QVERIFY(store.check(bob, key).ok());
        } else if (path == u"safety number") {
            QVERIFY(store.recordSafetyNumberMatch(bob, key, safetyNumber, 10).ok());
        } else if (path == u"safety number spaced") {
            QString typed = safetyNumber;
            typed.remove(QLatin1Char(' '));
            QVERIFY(
                store
                    .recordSafetyNumberMatch(bob, key, QStringLiteral(" ") + typed + QStringLiteral("\n"), 10)
                    .ok());
        } else if (path == u"wrong safety number") {
            const QString other = Fingerprint::of(UserKeys::generate().identityPublicKey()).safetyNumber();
            const Status compared = store.recordSafetyNumberMatch(bob, key, other, 10);
            QVERIFY(!compared.ok());
            QCOMPARE(compared.error().code, ErrorCode::Denied);
        } else if (path == u"invitation") {
            QVERIFY(store.pinVerified(bob, key, KeyPinStore::Origin::InvitationCode, 10).ok());
        }
        QCOMPARE(store.checkFirstContact(bob, key).ok(), accepted);
        // Another key for the same user never passes the gate.
        QVERIFY(!store.checkFirstContact(bob, UserKeys::generate().identityPublicKey()).ok());
    }

    void verifiedKeyReplacesOnlyAFirstUsePin()
    {
        // The server showed a made-up key first (pinned on first use); the invitation code
        // then binds the real one, which replaces it.
        KeyPinStore store;
        const QUuid bob = QUuid::createUuid();
        const QByteArray fake = UserKeys::generate().identityPublicKey();
        const QByteArray real = UserKeys::generate().identityPublicKey();
        QVERIFY(store.check(bob, fake).ok());
        QVERIFY(!store.check(bob, real).ok()); // pending, blocked
        QVERIFY(store.pinVerified(bob, real, KeyPinStore::Origin::InvitationCode, 10).ok());
        QCOMPARE(store.pinnedKey(bob), real);
        QVERIFY(!store.isBlocked(bob));
        QVERIFY(store.checkFirstContact(bob, real).ok());

        // A verified key is not replaced by another verification: that is a key change and
        // waits for a manager's confirmation.
        const QByteArray third = UserKeys::generate().identityPublicKey();
        const Status again =
            store.recordSafetyNumberMatch(bob, third, Fingerprint::of(third).safetyNumber(), 11);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Denied);
        QCOMPARE(store.pinnedKey(bob), real);
        QVERIFY(store.isBlocked(bob));
        QVERIFY(!store.checkFirstContact(bob, real).ok());
        QVERIFY(!store.pinVerified(bob, real, KeyPinStore::Origin::ConfirmedChange, 12).ok());
    }

    void logIdentityKeysCheckedAgainstPins()
    {
        // A fresh client replays the whole log; the keys it binds must agree with the pins.
        FolderFixture f;
        KeyPinStore store;
        QVERIFY(store.checkMembers(f.state, 10).ok());
        QCOMPARE(store.pinnedKey(f.carol.id), f.carol.keys.identityPublicKey());
        QVERIFY(store.checkMembers(f.state, 11).ok());

        KeyPinStore other;
        QVERIFY(other.check(f.bob.id, UserKeys::generate().identityPublicKey()).ok());
        const Status checked = other.checkMembers(f.state, 12);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, ErrorCode::Denied);
        QVERIFY(other.isBlocked(f.bob.id));
    }

    void confirmKeyEntryIsConfirmedThroughThePinStore()
    {
        // A manager binds bob's new key with a *confirm key* entry. On carol's client the log
        // alone does not move the pin: bob is blocked until confirmChange() names the entry's
        // signer, a manager pinned here with the key the log binds to them.
        FolderFixture f;
        const UserKeys bobNew = UserKeys::generate();
        f.append(MembershipLog::next(f.state, MembershipAction::ConfirmKey, f.alice.id, f.alice.keys,
                                     f.bob.id, bobNew.identityPublicKey()));
        QCOMPARE(f.state.identityKeyOf(f.bob.id), bobNew.identityPublicKey());
        const Status checked = f.pins.checkMembers(f.state, 20);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, ErrorCode::Denied);
        QVERIFY(f.pins.isBlocked(f.bob.id));
        QCOMPARE(f.pins.pendingKey(f.bob.id), bobNew.identityPublicKey());
        QVERIFY(!f.pins.confirmChange(f.bob.id, bobNew.identityPublicKey(), f.carol.id, f.state, 21).ok());
        QVERIFY(f.pins.isBlocked(f.bob.id));

        QVERIFY(f.pins.confirmChange(f.bob.id, bobNew.identityPublicKey(), f.alice.id, f.state, 22).ok());
        QVERIFY(!f.pins.isBlocked(f.bob.id));
        QCOMPARE(f.pins.pin(f.bob.id)->origin, KeyPinStore::Origin::ConfirmedChange);
        QCOMPARE(f.pins.pin(f.bob.id)->confirmedBy, f.alice.id);
        QVERIFY(f.pins.checkMembers(f.state, 23).ok());
    }

    void serialisationRoundTrip()
    {
        FolderFixture f;
        KeyPinStore store;
        const QUuid a = QUuid::createUuid();
        const QUuid b = QUuid::createUuid();
        QVERIFY(store.check(a, UserKeys::generate().identityPublicKey()).ok());
        QVERIFY(store.check(b, UserKeys::generate().identityPublicKey()).ok());
        QVERIFY(!store.check(b, UserKeys::generate().identityPublicKey()).ok());
        QVERIFY(store
                    .pinVerified(f.carol.id, f.carol.keys.identityPublicKey(),
                                 KeyPinStore::Origin::SafetyNumber, 77)
                    .ok());

        const QByteArray bytes = store.serialize();
        QVERIFY(bytes.startsWith(QByteArray(DomainTags::kPinStoreV2, sizeof(DomainTags::kPinStoreV2))));
        Result<KeyPinStore> parsed = KeyPinStore::parse(bytes);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->serialize(), bytes);
        QVERIFY(parsed->isBlocked(b));
        QVERIFY(!parsed->isBlocked(a));
        QCOMPARE(parsed->pinnedKey(a), store.pinnedKey(a));
        QCOMPARE(parsed->pin(f.carol.id)->origin, KeyPinStore::Origin::SafetyNumber);
        QCOMPARE(parsed->pin(f.carol.id)->timeMs, quint64(77));

        QVERIFY(!KeyPinStore::parse(bytes.chopped(1)).ok());
        QVERIFY(!KeyPinStore::parse(QByteArray(bytes + 'x')).ok());
        QByteArray hugeCount = bytes;
        hugeCount[17] = char(0x7f);
        QVERIFY(!KeyPinStore::parse(hugeCount).ok());
        QVERIFY(KeyPinStore::parse(KeyPinStore().serialize()).ok());
    }

    void damagedRecordRefused_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("value");
        // One record after tag (17) and count (4): id 21..36, key 37..68, origin 69, time
        // 70..77, confirmer 78..93, folder 94..109, has-pending 110.
        QTest::newRow("origin 0") << 69 << 0;
        QTest::newRow("origin 5") << 69 << 5;
        QTest::newRow("has-pending 2") << 110 << 2;
        QTest::newRow("first use naming a confirmer") << 78 << 1;
        QTest::newRow("first use naming a folder") << 94 << 1;
    }

    void damagedRecordRefused()
    {
        QFETCH(int, offset);
        QFETCH(int, value);
        KeyPinStore store;
        QVERIFY(store.check(QUuid::createUuid(), UserKeys::generate().identityPublicKey(), 5).ok());
        QByteArray bytes = store.serialize();
        QCOMPARE(bytes.size(), 17 + 4 + 90);
        bytes[offset] = char(value);
        const Result<KeyPinStore> parsed = KeyPinStore::parse(bytes);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Corrupt);
    }

    void confirmedChangeWithoutConfirmerRefused()
    {
        FolderFixture f;
        KeyPinStore store;
        QVERIFY(store.check(f.bob.id, f.bob.keys.identityPublicKey()).ok());
        const QByteArray newKey = UserKeys::generate().identityPublicKey();
        QVERIFY(!store.check(f.bob.id, newKey).ok());
        QVERIFY(store
                    .pinVerified(f.alice.id, f.alice.keys.identityPublicKey(),
                                 KeyPinStore::Origin::SafetyNumber, 1)
                    .ok());
        QVERIFY(store.confirmChange(f.bob.id, newKey, f.alice.id, f.state, 9).ok());
        QByteArray bytes = store.serialize();
        const int bob = store.serialize().indexOf(f.bob.id.toRfc4122());
        QVERIFY(bob > 0);
        bytes.replace(bob + 16 + 32 + 1 + 8, 16, QByteArray(16, '\0'));
        QVERIFY(!KeyPinStore::parse(bytes).ok());
    }

    void version1StillReads()
    {
        // Pins written before the confirmer was recorded are read as first-use pins.
        const QUuid user = QUuid::createUuid();
        const QByteArray key = UserKeys::generate().identityPublicKey();
        const QByteArray pending = UserKeys::generate().identityPublicKey();
        const QByteArray v1 =
            ByteWriter(DomainTags::kPinStore).u32(1).uuid(user).fixed(key).u8(1).fixed(pending).bytes();
        const Result<KeyPinStore> parsed = KeyPinStore::parse(v1);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->pinnedKey(user), key);
        QCOMPARE(parsed->pendingKey(user), pending);
        QCOMPARE(parsed->pin(user)->origin, KeyPinStore::Origin::FirstUse);
        QVERIFY(parsed->serialize().startsWith(
            QByteArray(DomainTags::kPinStoreV2, sizeof(DomainTags::kPinStoreV2))));
    }
};

QTEST_GUILESS_MAIN(TestKeyPinStore)
#include "TestKeyPinStore.moc"
