// KeyWrap: the version byte is authenticated (it is the first byte of the associated data),
// so a wrapped key cannot be relabelled as another format version; every failure reads the same.
#include "core/crypto/KeyWrap.h"
#include "core/crypto/Sodium.h"

#include <QTest>

#include <sodium.h>

using namespace Conclave::Core;

namespace {
// Wraps like KeyWrap would, but with the associated data given explicitly.
QByteArray wrapWithAd(quint8 version, const SecureBytes& key, const SecureBytes& secret, QByteArrayView ad)
{
    QByteArray out(KeyWrap::kOverhead + qsizetype(secret.size()), Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    p[0] = version;
    randombytes_buf(p + 1, KeyWrap::kNonceSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + 1 + KeyWrap::kNonceSize, nullptr, secret.data(),
                                               secret.size(),
                                               reinterpret_cast<const unsigned char*>(ad.data()),
                                               std::size_t(ad.size()), nullptr, p + 1, key.data());
    return out;
}
} // namespace

class TestKeyWrap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Sodium::ensure(); }

    void roundTrip()
    {
        const SecureBytes key = SecureBytes::random(32);
        const SecureBytes secret = SecureBytes::random(32);
        const QByteArray wrapped = KeyWrap::wrap(key, secret, QByteArrayView("purpose"));
        QCOMPARE(wrapped.size(), KeyWrap::kOverhead + 32);
        QCOMPARE(quint8(wrapped[0]), KeyWrap::kVersion);
        QVERIFY(*KeyWrap::unwrap(key, wrapped, QByteArrayView("purpose"), 32) == secret);
    }

    void versionByteIsAuthenticated_data()
    {
        QTest::addColumn<bool>("versionInAd");
        QTest::addColumn<bool>("accepted");
        // A ciphertext made without the version byte in its AD carries an unauthenticated
        // version: an attacker could relabel it as any format. It must not open.
        QTest::newRow("purpose AD only") << false << false;
        QTest::newRow("version || purpose AD") << true << true;
    }

    void versionByteIsAuthenticated()
    {
        QFETCH(bool, versionInAd);
        QFETCH(bool, accepted);
        const SecureBytes key = SecureBytes::random(32);
        const SecureBytes secret = SecureBytes::random(32);
        const QByteArray purpose("purpose");
        const QByteArray ad =
            versionInAd ? QByteArray(QByteArray(1, char(KeyWrap::kVersion)) + purpose) : purpose;
        const QByteArray wrapped = wrapWithAd(KeyWrap::kVersion, key, secret, ad);
        const Result<SecureBytes> opened = KeyWrap::unwrap(key, wrapped, purpose, 32);
        QCOMPARE(opened.ok(), accepted);
        if (!accepted)
            QCOMPARE(opened.error().message, KeyWrap::unlockError().message);
    }

    void otherVersionRefused_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("0") << 0;
        QTest::newRow("1 (unauthenticated version byte)") << 1;
        QTest::newRow("next") << int(KeyWrap::kVersion) + 1;
        QTest::newRow("255") << 255;
    }

    void otherVersionRefused()
    {
        // Even with the version byte bound into the AD as written, only kVersion opens.
        QFETCH(int, version);
        const SecureBytes key = SecureBytes::random(32);
        const SecureBytes secret = SecureBytes::random(32);
        const QByteArray purpose("purpose");
        const QByteArray wrapped =
            wrapWithAd(quint8(version), key, secret, QByteArray(QByteArray(1, char(version)) + purpose));
        QVERIFY(!KeyWrap::unwrap(key, wrapped, purpose, 32).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "TestKeyWrap.moc"
