// AccountKeys and KdfParams: parameter checks before any Argon2id run, key derivation,
// account key wrapping, password change, and indistinguishable unlock failures.
// Derivations use the floor cost (3 passes, 64 MiB), about 0.3 s each; there are five.
#include "core/crypto/AccountKeys.h"
#include "core/crypto/KeyWrap.h"

#include <QTest>

using namespace Conclave::Core;

namespace {
constexpr quint64 kMiB = quint64(1) << 20;

KdfParams floorParams()
{
    KdfParams params = KdfParams::generate();
    params.opsLimit = KdfParams::kMinOpsLimit;
    params.memLimit = KdfParams::kMinMemLimit;
    return params;
}

SecureBytes password(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}
} // namespace

class TestAccountKeys : public QObject
{
    Q_OBJECT

private slots:
    void refusedBeforeDerivation_data()
    {
        QTest::addColumn<quint64>("ops");
        QTest::addColumn<quint64>("mem");
        QTest::addColumn<int>("saltSize");
        QTest::addColumn<quint64>("lastOps");
        QTest::addColumn<quint64>("lastMem");
        QTest::addColumn<QString>("reason");
        // Memory sizes that would make Argon2id fail or take minutes show the check comes first.
        QTest::newRow("ops below floor")
            << quint64(2) << 64 * kMiB << 16 << quint64(0) << quint64(0) << QStringLiteral("minimum");
        QTest::newRow("ops zero") << quint64(0) << 64 * kMiB << 16 << quint64(0) << quint64(0)
                                  << QStringLiteral("minimum");
        QTest::newRow("mem below floor")
            << quint64(3) << 64 * kMiB - 1 << 16 << quint64(0) << quint64(0) << QStringLiteral("minimum");
        QTest::newRow("interactive preset")
            << quint64(2) << 64 * kMiB << 16 << quint64(0) << quint64(0) << QStringLiteral("minimum");
        QTest::newRow("ops below last seen")
            << quint64(4) << 64 * kMiB << 16 << quint64(5) << 64 * kMiB << QStringLiteral("before");
        QTest::newRow("mem below last seen")
            << quint64(3) << 128 * kMiB << 16 << quint64(3) << 256 * kMiB << QStringLiteral("before");
        QTest::newRow("absurd memory") << quint64(3) << (quint64(1) << 40) << 16 << quint64(0) << quint64(0)
                                       << QStringLiteral("cannot afford");
        QTest::newRow("absurd ops") << quint64(100000) << 64 * kMiB << 16 << quint64(0) << quint64(0)
                                    << QStringLiteral("cannot afford");
        QTest::newRow("short salt") << quint64(3) << 64 * kMiB << 8 << quint64(0) << quint64(0)
                                    << QStringLiteral("salt");
    }

    void refusedBeforeDerivation()
    {
        QFETCH(quint64, ops);
        QFETCH(quint64, mem);
        QFETCH(int, saltSize);
        QFETCH(quint64, lastOps);
        QFETCH(quint64, lastMem);
        QFETCH(QString, reason);
        KdfParams params;
        params.opsLimit = ops;
        params.memLimit = mem;
        params.salt = QByteArray(saltSize, 'S');
        std::optional<KdfParams> lastSeen;
        if (lastOps)
            lastSeen = KdfParams{lastOps, lastMem, QByteArray(16, 'S')};

        const quint64 before = AccountKeys::derivationCount();
        Result<AccountKeys> keys = AccountKeys::derive(password("pw"), params, lastSeen);
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().code, ErrorCode::Protocol);
        QCOMPARE(keys.error().field, QStringLiteral("kdf"));
        QVERIFY2(keys.error().message.contains(reason), qPrintable(keys.error().message));
        QCOMPARE(AccountKeys::derivationCount(), before);
    }

    void emptyPasswordRefused()
    {
        Result<AccountKeys> keys = AccountKeys::derive(SecureBytes(), floorParams(), std::nullopt);
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().field, QStringLiteral("password"));
    }

    void deriveWrapUnwrapAndPasswordChange()
    {
        const KdfParams params = floorParams();
        Result<AccountKeys> keys = AccountKeys::derive(password("correct horse"), params, params);
        QVERIFY(keys.ok());
        QCOMPARE(keys->authKey().size(), std::size_t(32));

        // Same password and salt: same auth key (the server can authenticate).
        Result<AccountKeys> again = AccountKeys::derive(password("correct horse"), params, std::nullopt);
        QVERIFY(again.ok());
        QVERIFY(again->authKey() == keys->authKey());

        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QByteArray wrapped = keys->wrapAccountKey(accountKey);
        QCOMPARE(wrapped.size(), KeyWrap::kOverhead + 32);
        Result<SecureBytes> unwrapped = again->unwrapAccountKey(wrapped);
        QVERIFY(unwrapped.ok());
        QVERIFY(*unwrapped == accountKey);
        // The auth key is not the kek: it cannot unwrap.
        QVERIFY(!KeyWrap::unwrap(keys->authKey(), wrapped, {}, 32).ok());

        // Wrong password and a damaged record give exactly the same error.
        Result<AccountKeys> wrong = AccountKeys::derive(password("correct horsf"), params, std::nullopt);
        QVERIFY(wrong.ok());
        QVERIFY(!(wrong->authKey() == keys->authKey()));
        const Result<SecureBytes> wrongPassword = wrong->unwrapAccountKey(wrapped);
        QVERIFY(!wrongPassword.ok());
        QByteArray corrupt = wrapped;
        corrupt[30] = char(corrupt[30] ^ 0x01);
        const Result<SecureBytes> corrupted = keys->unwrapAccountKey(corrupt);
        QVERIFY(!corrupted.ok());
        const Result<SecureBytes> truncated = keys->unwrapAccountKey(wrapped.chopped(1));
        QVERIFY(!truncated.ok());
        for (const Error& error : {corrupted.error(), truncated.error()}) {
            QCOMPARE(error.code, wrongPassword.error().code);
            QCOMPARE(error.message, wrongPassword.error().message);
            QCOMPARE(error.field, wrongPassword.error().field);
        }

        // Password change: only the account key is re-wrapped; the old password stops working.
        KdfParams newParams = KdfParams::generate();
        newParams.opsLimit = 3;
        newParams.memLimit = KdfParams::kMinMemLimit;
        Result<AccountKeys> changed = AccountKeys::derive(password("new password"), newParams, params);
        QVERIFY(changed.ok());
        Result<QByteArray> rewrapped = AccountKeys::rewrap(*keys, *changed, wrapped);
        QVERIFY(rewrapped.ok());
        Result<SecureBytes> afterChange = changed->unwrapAccountKey(*rewrapped);
        QVERIFY(afterChange.ok());
        QVERIFY(*afterChange == accountKey);
        QVERIFY(!keys->unwrapAccountKey(*rewrapped).ok());
        QVERIFY(!AccountKeys::rewrap(*wrong, *changed, wrapped).ok());
    }
};

QTEST_GUILESS_MAIN(TestAccountKeys)
#include "TestAccountKeys.moc"
