// UserKeys and UserKeyBundle: key generation, wrapping by the account key, the signed
// bundle (every byte flip refused), fingerprints and safety numbers.
#include "core/crypto/Fingerprint.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <QRegularExpression>
#include <QTest>

using namespace Conclave::Core;

class TestUserKeyBundle : public QObject
{
    Q_OBJECT

private slots:
    void bundleRoundTrip()
    {
        const QUuid userId = QUuid::createUuid();
        const UserKeys keys = UserKeys::generate();
        const QByteArray bytes = UserKeyBundle::create(userId, keys).serialize();
        QCOMPARE(bytes.size(), UserKeyBundle::kSize);
        Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(bytes);
        QVERIFY(bundle.ok());
        QCOMPARE(bundle->userId(), userId);
        QCOMPARE(bundle->identityPublicKey(), keys.identityPublicKey());
        QCOMPARE(bundle->encryptionPublicKey(), keys.encryptionPublicKey());
        QVERIFY(bundle->identityPublicKey() != bundle->encryptionPublicKey());
        QCOMPARE(bundle->serialize(), bytes);
    }

    void everyByteFlipRejected()
    {
        const QByteArray bytes = UserKeyBundle::create(QUuid::createUuid(), UserKeys::generate()).serialize();
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            for (const char mask : {char(0x01), char(0x80)}) {
                QByteArray tampered = bytes;
                tampered[i] = char(tampered[i] ^ mask);
                QVERIFY2(!UserKeyBundle::parseAndVerify(tampered).ok(), qPrintable(QString::number(i)));
            }
        }
        QVERIFY(!UserKeyBundle::parseAndVerify(bytes.chopped(1)).ok());
        QVERIFY(!UserKeyBundle::parseAndVerify(QByteArray(bytes + '\0')).ok());
        QVERIFY(!UserKeyBundle::parseAndVerify({}).ok());
    }

    void bundleSignedByOtherKeyRejected()
    {
        // A server substituting its own encryption key must re-sign with the victim's identity key.
        const UserKeys victim = UserKeys::generate();
        const UserKeys attacker = UserKeys::generate();
        const QUuid id = QUuid::createUuid();
        QByteArray bytes = UserKeyBundle::create(id, victim).serialize();
        bytes.replace(19 + 16 + 32, 32, attacker.encryptionPublicKey());
        const Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(bytes);
        QVERIFY(!bundle.ok());
        QCOMPARE(bundle.error().code, ErrorCode::Crypto);
    }

    void privateKeysWrappedByAccountKey()
    {
        const SecureBytes accountKey = SecureBytes::random(32);
        const QUuid userId = QUuid::createUuid();
        const UserKeys keys = UserKeys::generate();
        const QByteArray wrapped = keys.wrap(accountKey, userId);

        Result<UserKeys> unwrapped = UserKeys::unwrap(accountKey, userId, wrapped);
        QVERIFY(unwrapped.ok());
        QCOMPARE(unwrapped->identityPublicKey(), keys.identityPublicKey());
        QCOMPARE(unwrapped->encryptionPublicKey(), keys.encryptionPublicKey());
        const QByteArray message("conclave.test\0message", 21);
        QVERIFY(UserKeys::verify(keys.identityPublicKey(), message, unwrapped->sign(message)));

        // Bound to the user id and to the account key.
        QCOMPARE(UserKeys::unwrap(accountKey, QUuid::createUuid(), wrapped).error().message,
                 KeyWrap::unlockError().message);
        QVERIFY(!UserKeys::unwrap(SecureBytes::random(32), userId, wrapped).ok());
    }

    void sealedSecretsOpenOnlyForRecipient()
    {
        const UserKeys bob = UserKeys::generate();
        const UserKeys eve = UserKeys::generate();
        const SecureBytes secret = SecureBytes::random(32);
        const QByteArray sealed = UserKeys::seal(bob.encryptionPublicKey(), secret);
        Result<SecureBytes> opened = bob.openSealed(sealed);
        QVERIFY(opened.ok());
        QVERIFY(*opened == secret);
        QVERIFY(!eve.openSealed(sealed).ok());
        QVERIFY(UserKeys::seal(QByteArray(32, '\0'), secret).isEmpty()); // low-order key refused
    }

    void safetyNumber()
    {
        const UserKeys keys = UserKeys::generate();
        const Fingerprint fp = Fingerprint::of(keys.identityPublicKey());
        QCOMPARE(fp.bytes().size(), Fingerprint::kSize);
        static const QRegularExpression format(QStringLiteral("^\\d{5}( \\d{5}){11}$"));
        QVERIFY2(format.match(fp.safetyNumber()).hasMatch(), qPrintable(fp.safetyNumber()));
        QVERIFY(fp == Fingerprint::of(keys.identityPublicKey()));
        QVERIFY(fp.safetyNumber() !=
                Fingerprint::of(UserKeys::generate().identityPublicKey()).safetyNumber());
        // A one-bit change of the key changes the number.
        QByteArray flipped = keys.identityPublicKey();
        flipped[0] = char(flipped[0] ^ 1);
        QVERIFY(Fingerprint::of(flipped).safetyNumber() != fp.safetyNumber());
    }
};

QTEST_GUILESS_MAIN(TestUserKeyBundle)
#include "TestUserKeyBundle.moc"
