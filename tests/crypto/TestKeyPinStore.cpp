// KeyPinStore: pin on first use, report and block a changed key until it is confirmed,
// and survive a serialisation round trip; damaged serialisations are refused.
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/UserKeys.h"

#include <QTest>

using namespace Conclave::Core;

class TestKeyPinStore : public QObject
{
    Q_OBJECT

private slots:
    void pinsOnFirstUseAndBlocksOnChange()
    {
        KeyPinStore store;
        const QUuid bob = QUuid::createUuid();
        const QByteArray first = UserKeys::generate().identityPublicKey();
        const QByteArray second = UserKeys::generate().identityPublicKey();
        const QByteArray third = UserKeys::generate().identityPublicKey();

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
        QVERIFY(!store.confirmChange(bob, third).ok());
        QVERIFY(!store.confirmChange(QUuid::createUuid(), second).ok());
        QVERIFY(store.confirmChange(bob, second).ok());
        QVERIFY(!store.isBlocked(bob));
        QCOMPARE(store.pinnedKey(bob), second);
        QCOMPARE(store.check(bob, second).value(), KeyPinStore::PinState::Matches);
        QVERIFY(!store.check(bob, QByteArray(31, 'x')).ok());
    }

    void serialisationRoundTrip()
    {
        KeyPinStore store;
        const QUuid a = QUuid::createUuid();
        const QUuid b = QUuid::createUuid();
        QVERIFY(store.check(a, UserKeys::generate().identityPublicKey()).ok());
        QVERIFY(store.check(b, UserKeys::generate().identityPublicKey()).ok());
        QVERIFY(!store.check(b, UserKeys::generate().identityPublicKey()).ok());

        const QByteArray bytes = store.serialize();
        Result<KeyPinStore> parsed = KeyPinStore::parse(bytes);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->serialize(), bytes);
        QVERIFY(parsed->isBlocked(b));
        QVERIFY(!parsed->isBlocked(a));
        QCOMPARE(parsed->pinnedKey(a), store.pinnedKey(a));

        QVERIFY(!KeyPinStore::parse(bytes.chopped(1)).ok());
        QVERIFY(!KeyPinStore::parse(QByteArray(bytes + 'x')).ok());
        QByteArray hugeCount = bytes;
        hugeCount[17] = char(0x7f);
        QVERIFY(!KeyPinStore::parse(hugeCount).ok());
        QVERIFY(KeyPinStore::parse(KeyPinStore().serialize()).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeyPinStore)
#include "TestKeyPinStore.moc"
