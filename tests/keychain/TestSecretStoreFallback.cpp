// Tests of the fallback to locked memory when no keychain can be reached. Runs WITHOUT a D-Bus
// session (main() removes every way to find one) and with HOME and the XDG directories in a
// temporary directory, to show that no secret ever ends up in a file.
#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SecretStoreFactory.h"

#include "KeychainTestSupport.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;

namespace {

struct FactoryOutcome
{
    int calls = 0;
    std::unique_ptr<SecretStore> store;
    QString reason;
};

std::shared_ptr<FactoryOutcome> createStore(QObject* context, SecretStoreFactory::Options options = {})
{
    auto outcome = std::make_shared<FactoryOutcome>();
    SecretStoreFactory::create(context, options,
                               [outcome](std::unique_ptr<SecretStore> store, QString reason) {
                                   ++outcome->calls;
                                   outcome->store = std::move(store);
                                   outcome->reason = std::move(reason);
                               });
    return outcome;
}

// What the fallback reason must mention in this test's environment.
QLatin1String expectedCause()
{
#if defined(CONCLAVE_HAVE_QTKEYCHAIN)
    return QLatin1String("D-Bus");
#else
    return QLatin1String("no keychain support");
#endif
}

QStringList filesUnder(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

} // namespace

class TestSecretStoreFallback final : public QObject
{
    Q_OBJECT

public:
    TestSecretStoreFallback(QString home, QString runtimeDir)
        : m_home(std::move(home))
        , m_runtimeDir(std::move(runtimeDir))
    {}

private slots:
    void init();
    void factoryFallsBackWithoutDBus();
    void forcedMemoryModeNamesTheVariable();
    void unknownModeValueIsIgnored();
    void fallbackStoreRoundTrip();
    void fallbackValuesAreWipedOnRemoval();
    void keychainStoreWithoutDBusFailsInWords();
    void destroyedContextGetsNoStore();
    void noFileIsWrittenUnderHome();

private:
    QString m_home;
    QString m_runtimeDir;
};

void TestSecretStoreFallback::init()
{
    qunsetenv(SecretStoreFactory::kModeVariable);
}

void TestSecretStoreFallback::factoryFallsBackWithoutDBus()
{
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    auto outcome = createStore(this);
    QCOMPARE(outcome->calls, 0); // never from inside create()
    QTRY_COMPARE(outcome->calls, 1);
    QVERIFY(outcome->store);
    QVERIFY(!outcome->store->isPersistent());
    QVERIFY(qobject_cast<MemorySecretStore*>(outcome->store.get()));
    QVERIFY2(outcome->reason.contains(expectedCause()), qPrintable(outcome->reason));
    QVERIFY2(outcome->reason.contains(QLatin1String("memory")), qPrintable(outcome->reason));
}

void TestSecretStoreFallback::forcedMemoryModeNamesTheVariable()
{
    qputenv(SecretStoreFactory::kModeVariable, "memory");
    auto outcome = createStore(this);
    QTRY_COMPARE(outcome->calls, 1);
    QVERIFY(qobject_cast<MemorySecretStore*>(outcome->store.get()));
    QVERIFY2(outcome->reason.contains(QLatin1String("CONCLAVE_KEYCHAIN")), qPrintable(outcome->reason));
}

void TestSecretStoreFallback::unknownModeValueIsIgnored()
{
    qputenv(SecretStoreFactory::kModeVariable, "plaintext-file");
    auto outcome = createStore(this);
    QTRY_COMPARE(outcome->calls, 1);
    // Still no plaintext anything: the usual decision (here: no D-Bus, so memory) is taken.
    QVERIFY(qobject_cast<MemorySecretStore*>(outcome->store.get()));
    QVERIFY2(outcome->reason.contains(expectedCause()), qPrintable(outcome->reason));
}

void TestSecretStoreFallback::fallbackStoreRoundTrip()
{
    auto outcome = createStore(this);
    QTRY_COMPARE(outcome->calls, 1);
    SecretStore& store = *outcome->store;
    const QUuid id = QUuid::createUuid();
    const QByteArray certificate = fakeCertificate(16 * 1024);

    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("s3cret")).ok());
    QVERIFY(writeNow(store, id, SecretKind::ClientCertificate, secretOf(certificate)).ok());
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::Password).value()), QByteArray("s3cret"));
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::ClientCertificate).value()), certificate);
    QVERIFY(removeNow(store, id, SecretKind::Password).ok());
    QCOMPARE(readNow(store, id, SecretKind::Password).error().code, ErrorCode::NotFound);
    QVERIFY(removeAllNow(store, id).ok());
    QCOMPARE(readNow(store, id, SecretKind::ClientCertificate).error().code, ErrorCode::NotFound);
}

void TestSecretStoreFallback::fallbackValuesAreWipedOnRemoval()
{
    auto outcome = createStore(this);
    QTRY_COMPARE(outcome->calls, 1);
    SecretStore& store = *outcome->store;
    const MaskedSecret secret(64);
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::SshPrivateKey, secret.plain()).ok());
    QCOMPARE(secret.countInProcessMemory(), 1);
    QVERIFY(removeAllNow(store, id).ok());
    QCOMPARE(secret.countInProcessMemory(), 0);
}

void TestSecretStoreFallback::keychainStoreWithoutDBusFailsInWords()
{
#if !defined(CONCLAVE_HAVE_QTKEYCHAIN)
    QSKIP("This build has no QtKeychain.");
#else
    // Used directly (bypassing the factory), the keychain store must fail cleanly, not hang or crash.
    KeychainSecretStore store;
    store.setTimeout(std::chrono::seconds(5));
    store.setRetryDelay(std::chrono::milliseconds(50));
    const QUuid id = QUuid::createUuid();
    const Status written = writeNow(store, id, SecretKind::Password, secretOf("never stored"));
    QVERIFY(!written.ok());
    QVERIFY2(written.error().code == ErrorCode::Unavailable || written.error().code == ErrorCode::Timeout,
             qPrintable(errorCodeName(written.error().code)));
    QVERIFY(!written.error().message.isEmpty());
    const Result<SecureBytes> read = readNow(store, id, SecretKind::Password);
    QVERIFY(!read.ok());
    QVERIFY(read.error().code != ErrorCode::Internal);
#endif
}

void TestSecretStoreFallback::destroyedContextGetsNoStore()
{
    auto context = std::make_unique<QObject>();
    auto dropped = createStore(context.get());
    context.reset();
    auto barrier = createStore(this);
    QTRY_COMPARE(barrier->calls, 1);
    QCOMPARE(dropped->calls, 0);
}

void TestSecretStoreFallback::noFileIsWrittenUnderHome()
{
    // Runs last: everything above wrote secrets; none of them may have reached a file.
    QCOMPARE(filesUnder(m_home), QStringList());
    QCOMPARE(filesUnder(m_runtimeDir), QStringList());
}

int main(int argc, char** argv)
{
    // Before QCoreApplication and any D-Bus use: no session bus may be found, not even through
    // $XDG_RUNTIME_DIR/bus or X11 autolaunch, and nothing may touch the real home directory.
    QTemporaryDir home;
    QTemporaryDir runtime;
    if (!home.isValid() || !runtime.isValid())
        return 1;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", (home.path() + QStringLiteral("/.cache")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    for (const char* name :
         {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
          "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", "CONCLAVE_KEYCHAIN"})
        qunsetenv(name);

    QCoreApplication app(argc, argv);
    TestSecretStoreFallback test(home.path(), runtime.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestSecretStoreFallback.moc"
