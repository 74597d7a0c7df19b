// Tests of SecretStoreFactory in a desktop session whose Secret Service is missing: a D-Bus
// session bus exists but nothing provides org.freedesktop.secrets. Runs under
// `with-keyring.sh --no-secret-service`. (With a working keyring the factory is covered by
// TestKeychainSecretStore; without any D-Bus by TestSecretStoreFallback.)
#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SecretStoreFactory.h"

#include "KeychainTestSupport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;
using namespace std::chrono_literals;

class TestSecretStoreFactory final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fallsBackToMemoryWithAReason();
    void keychainStoreRetriesOnceThenFailsInWords();
};

void TestSecretStoreFactory::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("Run this test through tests/keychain/with-keyring.sh --no-secret-service (ctest does).");
    qunsetenv(SecretStoreFactory::kModeVariable);
}

void TestSecretStoreFactory::fallsBackToMemoryWithAReason()
{
    FactoryChoice choice;
    startFactory(this, choice);
    QCOMPARE(choice.calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(choice.calls, 1, kWaitMs);
    QVERIFY(qobject_cast<MemorySecretStore*>(choice.store.get()));
    QVERIFY(!choice.store->isPersistent());
    QVERIFY2(choice.reason.contains(QLatin1String("cannot use the system keychain")),
             qPrintable(choice.reason));
    QVERIFY2(choice.reason.contains(QLatin1String("memory")), qPrintable(choice.reason));

    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(*choice.store, id, SecretKind::Password, secretOf("session only")).ok());
    QCOMPARE(bytesOf(readNow(*choice.store, id, SecretKind::Password).value()), QByteArray("session only"));
}

void TestSecretStoreFactory::keychainStoreRetriesOnceThenFailsInWords()
{
    KeychainSecretStore store;
    store.setRetryDelay(200ms);
    // The missing service looks like one that has not started yet, so exactly one retry happens.
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("retrying once: read")));
    QElapsedTimer elapsed;
    elapsed.start();
    const Result<SecureBytes> read = readNow(store, QUuid::createUuid(), SecretKind::Password);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::Unavailable);
    QVERIFY2(read.error().message.endsWith(QLatin1Char('.')), qPrintable(read.error().message));
    QVERIFY(elapsed.elapsed() >= 190);
}

QTEST_GUILESS_MAIN(TestSecretStoreFactory)
#include "TestSecretStoreFactory.moc"
