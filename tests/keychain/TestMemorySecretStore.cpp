// Tests of MemorySecretStore: the locked-memory fallback used when no OS keychain is available.
#include "core/keychain/MemorySecretStore.h"

#include "KeychainTestSupport.h"

#include <QObject>
#include <QTest>

#include <memory>
#include <optional>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;

Q_DECLARE_METATYPE(Conclave::Core::SecretKind)

class TestMemorySecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void notFoundWhenAbsent();
    void overwriteReplacesValue();
    void removeDeletesAndIsIdempotent();
    void removeAllOnlyTouchesOneConnection();
    void readReturnsAnIndependentCopy();
    void invalidInputIsRefusedInWords_data();
    void invalidInputIsRefusedInWords();
    void callbacksAreAsynchronous();
    void destroyedContextSkipsCallback();
    void nullContextUsesTheStore();
    void removedValueIsWipedFromMemory();
    void destroyedStoreLeavesNoSecretInMemory();
    void describesItself();
};

void TestMemorySecretStore::roundTrip_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("password utf-8") << SecretKind::Password << QStringLiteral("pä$$wörd ✓").toUtf8();
    QTest::newRow("ssh password") << SecretKind::SshPassword << QByteArray("hunter2");
    QTest::newRow("passphrase with spaces")
        << SecretKind::SshPassphrase << QByteArray("correct horse battery");
    QTest::newRow("private key with NUL bytes")
        << SecretKind::SshPrivateKey << QByteArrayLiteral("\x00\x01\x02\x00\xff\xfe key");
    QTest::newRow("16 KiB certificate") << SecretKind::ClientCertificate << fakeCertificate(16 * 1024);
    QTest::newRow("client key") << SecretKind::ClientKey << QByteArray(4096, '\0');
    QTest::newRow("empty password") << SecretKind::Password << QByteArray();
}

void TestMemorySecretStore::roundTrip()
{
    QFETCH(SecretKind, kind);
    QFETCH(QByteArray, value);
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();

    const Status written = writeNow(store, id, kind, secretOf(value));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    Result<SecureBytes> read = readNow(store, id, kind);
    QVERIFY(read.ok());
    QCOMPARE(bytesOf(read.value()), value);
    QCOMPARE(store.entryCount(), std::size_t(1));
}

void TestMemorySecretStore::notFoundWhenAbsent()
{
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    Result<SecureBytes> absent = readNow(store, id, SecretKind::Password);
    QVERIFY(!absent.ok());
    QCOMPARE(absent.error().code, ErrorCode::NotFound);
    QVERIFY(!absent.error().message.isEmpty());

    // Another kind of the same connection and the same kind of another connection stay absent.
    QVERIFY(writeNow(store, id, SecretKind::SshPassword, secretOf("x")).ok());
    QCOMPARE(readNow(store, id, SecretKind::Password).error().code, ErrorCode::NotFound);
    QCOMPARE(readNow(store, QUuid::createUuid(), SecretKind::SshPassword).error().code, ErrorCode::NotFound);
}

void TestMemorySecretStore::overwriteReplacesValue()
{
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("first")).ok());
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("second, longer")).ok());
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::Password).value()), QByteArray("second, longer"));
    QCOMPARE(store.entryCount(), std::size_t(1));
}

void TestMemorySecretStore::removeDeletesAndIsIdempotent()
{
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::ClientKey, secretOf("key")).ok());
    QVERIFY(removeNow(store, id, SecretKind::ClientKey).ok());
    QCOMPARE(readNow(store, id, SecretKind::ClientKey).error().code, ErrorCode::NotFound);
    QVERIFY(removeNow(store, id, SecretKind::ClientKey).ok());
    QCOMPARE(store.entryCount(), std::size_t(0));
}

void TestMemorySecretStore::removeAllOnlyTouchesOneConnection()
{
    MemorySecretStore store;
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
    QCOMPARE(store.entryCount(), kAllSecretKinds.size());
}

void TestMemorySecretStore::readReturnsAnIndependentCopy()
{
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("copy me")).ok());
    Result<SecureBytes> read = readNow(store, id, SecretKind::Password);
    QVERIFY(read.ok());
    QVERIFY(removeNow(store, id, SecretKind::Password).ok());
    QCOMPARE(bytesOf(read.value()), QByteArray("copy me"));
}

void TestMemorySecretStore::invalidInputIsRefusedInWords_data()
{
    QTest::addColumn<QUuid>("id");
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<QString>("field");

    QTest::newRow("null connection id")
        << QUuid() << SecretKind::Password << qsizetype(4) << QStringLiteral("connectionId");
    QTest::newRow("unknown kind") << QUuid::createUuid() << static_cast<SecretKind>(42) << qsizetype(4)
                                  << QStringLiteral("kind");
    QTest::newRow("too large") << QUuid::createUuid() << SecretKind::ClientCertificate
                               << qsizetype(SecretStore::kMaxSecretSize + 1) << QStringLiteral("value");
}

void TestMemorySecretStore::invalidInputIsRefusedInWords()
{
    QFETCH(QUuid, id);
    QFETCH(SecretKind, kind);
    QFETCH(qsizetype, size);
    QFETCH(QString, field);
    MemorySecretStore store;

    const Status written = writeNow(store, id, kind, SecureBytes(std::size_t(size)));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::InvalidInput);
    QCOMPARE(written.error().field, field);
    QVERIFY(written.error().message.endsWith(QLatin1Char('.')));
    QCOMPARE(store.entryCount(), std::size_t(0));

    if (field != QLatin1String("value")) {
        QCOMPARE(readNow(store, id, kind).error().code, ErrorCode::InvalidInput);
        QCOMPARE(removeNow(store, id, kind).error().code, ErrorCode::InvalidInput);
    }
    if (field == QLatin1String("connectionId"))
        QCOMPARE(removeAllNow(store, id).error().code, ErrorCode::InvalidInput);
}

void TestMemorySecretStore::callbacksAreAsynchronous()
{
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    int calls = 0;
    store.write(id, SecretKind::Password, secretOf("later"), this, [&calls](Status) { ++calls; });
    store.read(id, SecretKind::Password, this, [&calls](Result<SecureBytes>) { ++calls; });
    store.remove(id, SecretKind::Password, this, [&calls](Status) { ++calls; });
    store.removeAll(id, this, [&calls](Status) { ++calls; });
    store.read(QUuid(), SecretKind::Password, this, [&calls](Result<SecureBytes>) { ++calls; });
    QCOMPARE(calls, 0);
    QTRY_COMPARE(calls, 5);
}

void TestMemorySecretStore::destroyedContextSkipsCallback()
{
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    bool called = false;
    auto context = std::make_unique<QObject>();
    store.write(id, SecretKind::Password, secretOf("v"), context.get(), [&called](Status) { called = true; });
    store.read(id, SecretKind::Password, context.get(), [&called](Result<SecureBytes>) { called = true; });
    context.reset();
    // Callbacks are queued in order, so once a later one has run the earlier ones would have too.
    bool barrier = false;
    store.read(id, SecretKind::Password, this, [&barrier](Result<SecureBytes>) { barrier = true; });
    QTRY_VERIFY(barrier);
    QVERIFY(!called);
    // The write itself still happened.
    QCOMPARE(bytesOf(readNow(store, id, SecretKind::Password).value()), QByteArray("v"));
}

void TestMemorySecretStore::nullContextUsesTheStore()
{
    MemorySecretStore store;
    bool called = false;
    store.write(QUuid::createUuid(), SecretKind::Password, secretOf("v"), nullptr,
                [&called](Status status) { called = status.ok(); });
    QTRY_VERIFY(called);
}

void TestMemorySecretStore::removedValueIsWipedFromMemory()
{
    const MaskedSecret secret(48);
    MemorySecretStore store;
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeNow(store, id, SecretKind::SshPassphrase, secret.plain()).ok());
    {
        Result<SecureBytes> read = readNow(store, id, SecretKind::SshPassphrase);
        QVERIFY(read.ok());
        QVERIFY(secret.matches(read.value().data(), read.value().size()));
    }
    // The scan finds the stored copy, so a zero after removal means something.
    QCOMPARE(secret.countInProcessMemory(), 1);
    QVERIFY(removeNow(store, id, SecretKind::SshPassphrase).ok());
    QCOMPARE(secret.countInProcessMemory(), 0);
}

void TestMemorySecretStore::destroyedStoreLeavesNoSecretInMemory()
{
    const MaskedSecret secret(48);
    {
        MemorySecretStore store;
        QVERIFY(writeNow(store, QUuid::createUuid(), SecretKind::ClientKey, secret.plain()).ok());
        QCOMPARE(secret.countInProcessMemory(), 1);
    }
    QCOMPARE(secret.countInProcessMemory(), 0);
}

void TestMemorySecretStore::describesItself()
{
    MemorySecretStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.backendName().isEmpty());
}

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "TestMemorySecretStore.moc"
