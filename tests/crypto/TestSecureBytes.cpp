// SecureBytes (keys) and SensitiveBytes (item plaintext): ownership, explicit clones,
// constant-time comparison, in-place truncation and wiping of Qt byte arrays.
#include "core/crypto/SecureBytes.h"
#include "core/crypto/SensitiveBytes.h"

#include <QTest>

#include <utility>

using namespace Conclave::Core;

class TestSecureBytes : public QObject
{
    Q_OBJECT

private slots:
    void secureBytesOwnership()
    {
        SecureBytes a = SecureBytes::random(32);
        QCOMPARE(a.size(), std::size_t(32));
        SecureBytes copy = a.clone();
        QVERIFY(copy == a);
        QVERIFY(copy.data() != a.data());
        SecureBytes moved = std::move(a);
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
        QVERIFY(moved == copy);
        QVERIFY(!(SecureBytes::random(32) == moved));
        QVERIFY(!(SecureBytes(16) == SecureBytes(32)));
        QVERIFY(SecureBytes(8) == SecureBytes(8)); // zero-filled
    }

    void truncateWipesTail_data()
    {
        QTest::addColumn<int>("to");
        QTest::newRow("half") << 16;
        QTest::newRow("zero") << 0;
        QTest::newRow("larger is a no-op") << 64;
    }

    void truncateWipesTail()
    {
        QFETCH(int, to);
        SecureBytes secure(QByteArray(32, 'k').constData(), 32);
        SensitiveBytes sensitive(QByteArray(32, 'k').constData(), 32);
        unsigned char* secureData = secure.data();
        unsigned char* sensitiveData = sensitive.data();
        secure.truncate(std::size_t(to));
        sensitive.truncate(std::size_t(to));
        const std::size_t kept = std::min<std::size_t>(std::size_t(to), 32);
        QCOMPARE(secure.size(), kept);
        QCOMPARE(sensitive.size(), kept);
        QCOMPARE(secure.view().toByteArray(), QByteArray(qsizetype(kept), 'k'));
        QCOMPARE(sensitive.view().toByteArray(), QByteArray(qsizetype(kept), 'k'));
        // Same storage, tail zeroed.
        for (std::size_t i = kept; i < 32; ++i) {
            QCOMPARE(secureData[i], static_cast<unsigned char>(0));
            QCOMPARE(sensitiveData[i], static_cast<unsigned char>(0));
        }
    }

    void sensitiveBytesMoveAndClear()
    {
        SensitiveBytes a("plain", 5);
        SensitiveBytes b = std::move(a);
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(b.view().toByteArray(), QByteArray("plain"));
        b.clear();
        QVERIFY(b.isEmpty());
        QVERIFY(b.view().isEmpty());
        QVERIFY(SensitiveBytes(0).isEmpty());
    }

    void secureWipeClearsQByteArray()
    {
        QByteArray secret("hunter2");
        const QByteArray shared = secret; // implicitly shared copy must survive untouched
        secureWipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(shared, QByteArray("hunter2"));
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "TestSecureBytes.moc"
