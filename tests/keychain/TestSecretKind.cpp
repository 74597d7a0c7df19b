// Tests of SecretKind's names: the machine names are part of every keychain entry key already
// written on users' machines, so they must never change.
#include "core/keychain/SecretKind.h"

#include <QObject>
#include <QSet>
#include <QTest>

using namespace Conclave::Core;

Q_DECLARE_METATYPE(Conclave::Core::SecretKind)

class TestSecretKind final : public QObject
{
    Q_OBJECT

private slots:
    void stableNames_data();
    void stableNames();
    void everyKindIsListedOnce();
    void unknownNamesAndValuesAreRejected();
};

void TestSecretKind::stableNames_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QString>("name");

    QTest::newRow("password") << SecretKind::Password << QStringLiteral("password");
    QTest::newRow("ssh password") << SecretKind::SshPassword << QStringLiteral("ssh-password");
    QTest::newRow("ssh passphrase") << SecretKind::SshPassphrase << QStringLiteral("ssh-passphrase");
    QTest::newRow("ssh private key") << SecretKind::SshPrivateKey << QStringLiteral("ssh-private-key");
    QTest::newRow("client certificate")
        << SecretKind::ClientCertificate << QStringLiteral("client-certificate");
    QTest::newRow("client key") << SecretKind::ClientKey << QStringLiteral("client-key");
}

void TestSecretKind::stableNames()
{
    QFETCH(SecretKind, kind);
    QFETCH(QString, name);
    QCOMPARE(secretKindName(kind), name);
    QCOMPARE(secretKindFromName(name), std::optional<SecretKind>(kind));
    QVERIFY(isValidSecretKind(kind));
    QVERIFY(!secretKindDisplayName(kind).isEmpty());
}

void TestSecretKind::everyKindIsListedOnce()
{
    QSet<QString> names;
    for (SecretKind kind : kAllSecretKinds)
        names.insert(secretKindName(kind));
    QCOMPARE(names.size(), qsizetype(kAllSecretKinds.size()));
    QVERIFY(!names.contains(QString()));
}

void TestSecretKind::unknownNamesAndValuesAreRejected()
{
    QCOMPARE(secretKindFromName(QStringLiteral("Password")), std::nullopt);
    QCOMPARE(secretKindFromName(QString()), std::nullopt);
    QCOMPARE(secretKindFromName(QStringLiteral("../password")), std::nullopt);
    const auto bogus = static_cast<SecretKind>(99);
    QVERIFY(!isValidSecretKind(bogus));
    QVERIFY(secretKindName(bogus).isEmpty());
    QVERIFY(!secretKindDisplayName(bogus).isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretKind)
#include "TestSecretKind.moc"
