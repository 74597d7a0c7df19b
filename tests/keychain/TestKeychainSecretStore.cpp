// Tests of KeychainSecretStore against a real gnome-keyring (Secret Service). Must run under
// with-keyring.sh, which provides a private D-Bus session and keyring and exports the daemon's
// PID as CONCLAVE_TEST_KEYRING_PID.
#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SecretStoreFactory.h"

#include "KeychainTestSupport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>
#include <sys/types.h>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(Conclave::Core::SecretKind)

namespace {

// The value as gnome-keyring holds it, asked with libsecret's own command-line tool: QtKeychain
// stores binary data base64-encoded with type=base64.
std::optional<QByteArray> lookUpWithSecretTool(const QString& service, const QString& key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"), service,
                QStringLiteral("type"), QStringLiteral("base64")});
    if (!tool.waitForFinished(kWaitMs) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0)
        return std::nullopt;
    return QByteArray::fromBase64(tool.readAllStandardOutput().trimmed());
}

// Every attribute listing of the service's entries, as secret-tool prints it.
QByteArray listEntries(const QString& service)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    if (!tool.waitForFinished(kWaitMs))
        return QByteArrayLiteral("secret-tool did not finish");
    return tool.readAllStandardOutput() + tool.readAllStandardError();
}

pid_t keyringPid()
{
    return pid_t(qEnvironmentVariableIntValue("CONCLAVE_TEST_KEYRING_PID"));
}

} // namespace

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void entryKeyNamesConnectionAndKind();
    void roundTrip_data();
    void roundTrip();
    void secretIsReallyInTheSecretService();
    void secondStoreInstanceReadsIt();
    void notFoundWhenAbsent();
    void overwriteReplacesValue();
    void removeDeletesAndIsIdempotent();
    void removeAllOnlyTouchesOneConnection();
    void connectionsAreIndependent();
    void invalidInputIsRefusedInWords();
    void callbacksAreAsynchronous();
    void destroyedContextSkipsCallback();
    void probeSucceedsAndLeavesNothingBehind();
    void factoryChoosesTheKeychain();
    void factoryHonoursForcedMemoryMode();
    void timeoutWhenTheDaemonIsStopped();
    void factoryFallsBackWhenTheKeychainDoesNotAnswer();
    // Locks the login keyring for good (no way to unlock it without a prompt): must stay last.
    void lockedKeyringIsReportedAndAvoided();
};

void TestKeychainSecretStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") || keyringPid() <= 0)
        QFAIL("Run this test through tests/keychain/with-keyring.sh (ctest does).");
}

void TestKeychainSecretStore::init()
{
    qunsetenv(SecretStoreFactory::kModeVariable);
}

void TestKeychainSecretStore::entryKeyNamesConnectionAndKind()
{
    const QUuid id(QStringLiteral("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}"));
    QCOMPARE(KeychainSecretStore::entryKey(id, SecretKind::ClientKey),
             QStringLiteral("connection/3f2504e0-4f89-11d3-9a0c-0305e82c3301/client-key"));
    QCOMPARE(KeychainSecretStore::entryKey(id, SecretKind::SshPassphrase),
             QStringLiteral("connection/3f2504e0-4f89-11d3-9a0c-0305e82c3301/ssh-passphrase"));
    KeychainSecretStore store;
    QCOMPARE(store.service(), QStringLiteral("Conclave"));
    QCOMPARE(store.timeout(), 10000ms);
}

void TestKeychainSecretStore::roundTrip_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("password utf-8") << SecretKind::Password << QStringLiteral("pä$$wörd ✓").toUtf8();
    QTest::newRow("ssh password") << SecretKind::SshPassword << QByteArray("hunter2");
    QTest::newRow("passphrase") << SecretKind::SshPassphrase << QByteArray("correct horse battery staple");
    QTest::newRow("private key with NUL bytes")
        << SecretKind::SshPrivateKey << QByteArrayLiteral("\x00\x01\x02\x00\xff\xfe key\x00");
    QTest::newRow("16 KiB certificate") << SecretKind::ClientCertificate << fakeCertificate(16 * 1024);
    QTest::newRow("client key all NUL") << SecretKind::ClientKey << QByteArray(2048, '\0');
    QTest::newRow("empty password") << SecretKind::Password << QByteArray();
}

void TestKeychainSecretStore::roundTrip()
{
    QFETCH(SecretKind, kind);
    QFETCH(QByteArray, value);
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();

    const Status written = writeNow(store, id, kind, secretOf(value));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    Result<SecureBytes> read = readNow(store, id, kind);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(bytesOf(read.value()), value);
}

void TestKeychainSecretStore::secretIsReallyInTheSecretService()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    const QByteArray value = QByteArrayLiteral("\x00really in gnome-keyring\x00");
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf(value)).ok());

    const auto stored =
        lookUpWithSecretTool(store.service(), KeychainSecretStore::entryKey(id, SecretKind::Password));
    QVERIFY(stored.has_value());
    QCOMPARE(*stored, value);

    QVERIFY(removeNow(store, id, SecretKind::Password).ok());
    QVERIFY(!lookUpWithSecretTool(store.service(), KeychainSecretStore::entryKey(id, SecretKind::Password)));
}

void TestKeychainSecretStore::secondStoreInstanceReadsIt()
{
    const QUuid id = QUuid::createUuid();
    {
        KeychainSecretStore writer;
        QVERIFY(writeNow(writer, id, SecretKind::SshPrivateKey, secretOf("persisted key")).ok());
    }
    KeychainSecretStore reader;
    QCOMPARE(bytesOf(readNow(reader, id, SecretKind::SshPrivateKey).value()), QByteArray("persisted key"));

    // A store for another service is another namespace.
    KeychainSecretStore other(QStringLiteral("Conclave-other"));
    QCOMPARE(readNow(other, id, SecretKind::SshPrivateKey).error().code, ErrorCode::NotFound);
}

void TestKeychainSecretStore::notFoundWhenAbsent()
{
    KeychainSecretStore store;
    const Result<SecureBytes> absent = readNow(store, QUuid::createUuid(), SecretKind::ClientKey);
    QVERIFY(!absent.ok());
    QCOMPARE(absent.error().code, ErrorCode::NotFound);
    QVERIFY(absent.error().message.contains(QLatin1String("TLS client key")));
}

void TestKeychainSecretStore::overwriteReplacesValue()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("first, longer than the second")).ok());
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("second")).ok());
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::Password).value()), QByteArray("second"));
}

void TestKeychainSecretStore::removeDeletesAndIsIdempotent()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::ClientCertificate, secretOf(fakeCertificate(2048))).ok());
    QVERIFY(removeNow(store, id, SecretKind::ClientCertificate).ok());
    QCOMPARE(readNow(store, id, SecretKind::ClientCertificate).error().code, ErrorCode::NotFound);
    QVERIFY(removeNow(store, id, SecretKind::ClientCertificate).ok());
}

void TestKeychainSecretStore::removeAllOnlyTouchesOneConnection()
{
    KeychainSecretStore store;
    const QUuid doomed = QUuid::createUuid();
    const QUuid kept = QUuid::createUuid();
    for (SecretKind kind : kAllSecretKinds) {
        QVERIFY(writeNow(store, doomed, kind, secretOf(secretKindName(kind).toUtf8())).ok());
        QVERIFY(writeNow(store, kept, kind, secretOf("kept " + secretKindName(kind).toUtf8())).ok());
    }
    QVERIFY(removeAllNow(store, doomed).ok());
    for (SecretKind kind : kAllSecretKinds) {
        QCOMPARE(readNow(store, doomed, kind).error().code, ErrorCode::NotFound);
        QCOMPARE(bytesOf(readNow(store, kept, kind).value()), "kept " + secretKindName(kind).toUtf8());
    }
    // Nothing left to remove is still a success.
    QVERIFY(removeAllNow(store, doomed).ok());
    QVERIFY(removeAllNow(store, kept).ok());
}

void TestKeychainSecretStore::connectionsAreIndependent()
{
    KeychainSecretStore store;
    QList<QUuid> ids;
    for (int i = 0; i < 5; ++i)
        ids << QUuid::createUuid();
    // Started together: the jobs overlap in QtKeychain's queue and must not mix up entries.
    int done = 0;
    for (int i = 0; i < ids.size(); ++i) {
        store.write(ids[i], SecretKind::Password, secretOf("password " + QByteArray::number(i)), this,
                    [&done](Status status) { done += status.ok() ? 1 : 1000; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, int(ids.size()), kWaitMs);
    QVERIFY(removeNow(store, ids[2], SecretKind::Password).ok());
    for (int i = 0; i < ids.size(); ++i) {
        const Result<SecureBytes> read = readNow(store, ids[i], SecretKind::Password);
        if (i == 2)
            QCOMPARE(read.error().code, ErrorCode::NotFound);
        else
            QCOMPARE(bytesOf(read.value()), "password " + QByteArray::number(i));
    }
}

void TestKeychainSecretStore::invalidInputIsRefusedInWords()
{
    KeychainSecretStore store;
    const Status nullId = writeNow(store, QUuid(), SecretKind::Password, secretOf("x"));
    QCOMPARE(nullId.error().code, ErrorCode::InvalidInput);
    QCOMPARE(nullId.error().field, QStringLiteral("connectionId"));
    const Result<SecureBytes> badKind = readNow(store, QUuid::createUuid(), static_cast<SecretKind>(-1));
    QCOMPARE(badKind.error().code, ErrorCode::InvalidInput);
    QCOMPARE(badKind.error().field, QStringLiteral("kind"));
    const Status tooLarge = writeNow(store, QUuid::createUuid(), SecretKind::ClientCertificate,
                                     SecureBytes(SecretStore::kMaxSecretSize + 1));
    QCOMPARE(tooLarge.error().code, ErrorCode::InvalidInput);
    QCOMPARE(tooLarge.error().field, QStringLiteral("value"));
    QVERIFY(!tooLarge.error().message.isEmpty());
}

void TestKeychainSecretStore::callbacksAreAsynchronous()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    int calls = 0;
    store.write(id, SecretKind::Password, secretOf("later"), this, [&calls](Status) { ++calls; });
    store.read(id, SecretKind::Password, this, [&calls](Result<SecureBytes>) { ++calls; });
    store.read(QUuid(), SecretKind::Password, this, [&calls](Result<SecureBytes>) { ++calls; });
    store.removeAll(id, this, [&calls](Status) { ++calls; });
    QCOMPARE(calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 4, kWaitMs);
}

void TestKeychainSecretStore::destroyedContextSkipsCallback()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    bool called = false;
    auto context = std::make_unique<QObject>();
    store.write(id, SecretKind::Password, secretOf("written anyway"), context.get(),
                [&called](Status) { called = true; });
    store.read(id, SecretKind::Password, context.get(), [&called](Result<SecureBytes>) { called = true; });
    context.reset();
    // QtKeychain runs jobs one after the other, so when this read is answered the others were too.
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::Password).value()), QByteArray("written anyway"));
    QVERIFY(!called);
    QVERIFY(removeNow(store, id, SecretKind::Password).ok());
}

void TestKeychainSecretStore::probeSucceedsAndLeavesNothingBehind()
{
    KeychainSecretStore store;
    std::optional<Status> probed;
    store.probe(this, [&probed](Status status) { probed = status; });
    QTRY_VERIFY_WITH_TIMEOUT(probed.has_value(), kWaitMs);
    QVERIFY2(probed->ok(), qPrintable(probed->ok() ? QString() : probed->error().message));

    // No "probe/..." entry may remain: search the whole service.
    const QByteArray listing = listEntries(store.service());
    QVERIFY2(!listing.contains("probe/"), listing.constData());
}

void TestKeychainSecretStore::factoryChoosesTheKeychain()
{
    FactoryChoice choice;
    startFactory(this, choice);
    QCOMPARE(choice.calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(choice.calls, 1, kWaitMs);
    QVERIFY2(choice.reason.isEmpty(), qPrintable(choice.reason));
    QVERIFY(qobject_cast<KeychainSecretStore*>(choice.store.get()));
    QVERIFY(choice.store->isPersistent());
    QCOMPARE(choice.store->backendName(), QStringLiteral("Secret Service"));

    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(*choice.store, id, SecretKind::Password, secretOf("via factory")).ok());
    QCOMPARE(lookUpWithSecretTool(QStringLiteral("Conclave"),
                                  KeychainSecretStore::entryKey(id, SecretKind::Password)),
             std::optional<QByteArray>("via factory"));
    QVERIFY(removeAllNow(*choice.store, id).ok());
}

void TestKeychainSecretStore::factoryHonoursForcedMemoryMode()
{
    qputenv(SecretStoreFactory::kModeVariable, "memory");
    FactoryChoice choice;
    startFactory(this, choice);
    QTRY_COMPARE(choice.calls, 1);
    QVERIFY(qobject_cast<MemorySecretStore*>(choice.store.get()));
    QVERIFY2(choice.reason.contains(QLatin1String("CONCLAVE_KEYCHAIN")), qPrintable(choice.reason));

    // The memory store must not write through to the keychain.
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(*choice.store, id, SecretKind::Password, secretOf("memory only")).ok());
    QVERIFY(!lookUpWithSecretTool(QStringLiteral("Conclave"),
                                  KeychainSecretStore::entryKey(id, SecretKind::Password)));
}

void TestKeychainSecretStore::timeoutWhenTheDaemonIsStopped()
{
    // Entry to read after the daemon wakes up again.
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("still there")).ok());

    // A stopped daemon keeps its bus name but never answers: the job hangs in D-Bus.
    QCOMPARE(::kill(keyringPid(), SIGSTOP), 0);
    auto resume = qScopeGuard([] { ::kill(keyringPid(), SIGCONT); });

    KeychainSecretStore impatient;
    impatient.setTimeout(300ms);
    int calls = 0;
    std::optional<Result<SecureBytes>> outcome;
    QElapsedTimer elapsed;
    elapsed.start();
    impatient.read(id, SecretKind::Password, this, [&](Result<SecureBytes> result) {
        ++calls;
        outcome.emplace(std::move(result));
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, kWaitMs);
    QVERIFY(elapsed.elapsed() >= 290);
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().code, ErrorCode::Timeout);
    QVERIFY(outcome->error().message.contains(QLatin1String("did not answer in time")));

    // Once the daemon runs again the late answer arrives and must be ignored; the next job
    // behind it in QtKeychain's queue proves the late one has finished.
    resume.dismiss();
    QCOMPARE(::kill(keyringPid(), SIGCONT), 0);
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::Password).value()), QByteArray("still there"));
    QCOMPARE(calls, 1);
    QVERIFY(removeNow(store, id, SecretKind::Password).ok());
}

void TestKeychainSecretStore::factoryFallsBackWhenTheKeychainDoesNotAnswer()
{
    QCOMPARE(::kill(keyringPid(), SIGSTOP), 0);
    auto resume = qScopeGuard([] { ::kill(keyringPid(), SIGCONT); });

    SecretStoreFactory::Options options;
    options.timeout = 300ms;
    FactoryChoice choice;
    QElapsedTimer elapsed;
    elapsed.start();
    startFactory(this, options, choice);
    // The probe gives up after its own timeout, not the store's default (10 s): the bound
    // is that timeout plus a margin for a busy machine, far below any default.
    constexpr int kMarginMs = 1200;
    QTRY_COMPARE_WITH_TIMEOUT(choice.calls, 1, int(options.timeout.count()) + kMarginMs);
    QVERIFY2(elapsed.elapsed() >= options.timeout.count() - 10,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(elapsed.elapsed() < options.timeout.count() + kMarginMs,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(qobject_cast<MemorySecretStore*>(choice.store.get()));
    QVERIFY2(choice.reason.contains(QLatin1String("did not answer in time")), qPrintable(choice.reason));

    resume.dismiss();
    QCOMPARE(::kill(keyringPid(), SIGCONT), 0);
    // The abandoned probe write lands late; the clean-up queued behind it must remove it. This
    // read waits behind both in QtKeychain's queue.
    KeychainSecretStore store;
    QCOMPARE(readNow(store, QUuid::createUuid(), SecretKind::Password).error().code, ErrorCode::NotFound);
    const QByteArray listing = listEntries(store.service());
    QVERIFY2(!listing.contains("probe/"), listing.constData());
}

void TestKeychainSecretStore::lockedKeyringIsReportedAndAvoided()
{
    KeychainSecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("before locking")).ok());

    QProcess lock;
    lock.start(QStringLiteral("dbus-send"),
               {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    QVERIFY(lock.waitForFinished(kWaitMs));
    QCOMPARE(lock.exitCode(), 0);

    // Unlocking needs a prompt, which cannot appear without a display: the write is refused.
    const Status written = writeNow(store, id, SecretKind::Password, secretOf("after locking"));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Denied);
    QVERIFY2(written.error().message.contains(QLatin1String("locked")), qPrintable(written.error().message));
    // Reading cannot unlock either; QtKeychain reports that as an absent entry.
    QVERIFY(!readNow(store, id, SecretKind::Password).ok());

    FactoryChoice choice;
    startFactory(this, choice);
    QTRY_COMPARE_WITH_TIMEOUT(choice.calls, 1, kWaitMs);
    QVERIFY(qobject_cast<MemorySecretStore*>(choice.store.get()));
    QVERIFY2(choice.reason.contains(QLatin1String("locked")), qPrintable(choice.reason));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
