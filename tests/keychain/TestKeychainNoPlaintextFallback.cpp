// Tests that no keychain job may fall back to QtKeychain's plaintext store. That fallback
// (setInsecureFallback) engages when the desktop's keychain backend does not answer: here a
// KDE 4 session (XDG_CURRENT_DESKTOP=KDE, KDE_SESSION_VERSION=4, set before QtKeychain
// picks its backend at the first job) whose kwalletd is not running, next to a real gnome-keyring
// (with-keyring.sh). A write must then fail in words, nothing may be readable afterwards, and
// no file under the private HOME may hold the secret; with the fallback on, QtKeychain would
// report success and keep the password in a settings file.
#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/SecretStoreFactory.h"

#include "KeychainTestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;

namespace {

const QByteArray kSecret = QByteArrayLiteral("plaintext-fallback-canary-4711");

// Every file under `root` that contains `needle`.
QStringList filesContaining(const QString& root, const QByteArray& needle)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

class TestKeychainNoPlaintextFallback final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeFailsInsteadOfPlaintext();
    void probeFallsBackToMemoryNotPlaintext();
};

void TestKeychainNoPlaintextFallback::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") ||
        qEnvironmentVariableIntValue("CONCLAVE_TEST_KEYRING_PID") <= 0)
        QFAIL("Run this test through tests/keychain/with-keyring.sh (ctest does).");
    // with-keyring.sh clears the desktop variables; QtKeychain reads them once, at its first job.
    qputenv("XDG_CURRENT_DESKTOP", "KDE");
    qputenv("KDE_SESSION_VERSION", "4");
    qunsetenv(SecretStoreFactory::kModeVariable);
}

void TestKeychainNoPlaintextFallback::writeFailsInsteadOfPlaintext()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    const Status written = writeNow(store, id, SecretKind::Password, secretOf(kSecret));
    QVERIFY2(!written.ok(), "the write succeeded although no keychain answered: a plaintext fallback");
    QVERIFY(!written.error().message.isEmpty());
    QVERIFY(!readNow(store, id, SecretKind::Password).ok());
    const QStringList leaks = filesContaining(QDir::homePath(), kSecret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
}

void TestKeychainNoPlaintextFallback::probeFallsBackToMemoryNotPlaintext()
{
    FactoryChoice choice;
    startFactory(this, choice);
    QTRY_COMPARE_WITH_TIMEOUT(choice.calls, 1, kWaitMs);
    QVERIFY(!choice.store->isPersistent());
    QVERIFY(!choice.reason.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychainNoPlaintextFallback)
#include "TestKeychainNoPlaintextFallback.moc"
