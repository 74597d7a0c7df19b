// Tests of DeferredSecretStore: the store the window gets before the keychain has answered.
// Operations wait, in order, until a target is handed over, and a callback whose context died
// meanwhile is dropped; a replaced target still answers reads and removals, so secrets kept in
// memory before the keychain answered are not lost; writes go to the newest target only.
#include "core/keychain/DeferredSecretStore.h"
#include "core/keychain/MemorySecretStore.h"

#include "KeychainTestSupport.h"

#include <QObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;

class TestDeferredSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void waitsForATargetInOrder();
    void deadContextIsDroppedWhileWaiting();
    void replacedTargetStillAnswersReads();
    void removalsReachEveryTarget();
    void persistenceFollowsTheTarget();
    void invalidInputIsRefusedAtOnce();
};

void TestDeferredSecretStore::waitsForATargetInOrder()
{
    DeferredSecretStore store;
    const QUuid id = QUuid::createUuid();
    QObject context;
    QStringList order;
    store.write(id, SecretKind::Password, secretOf("first"), &context,
                [&](Status s) { order.append(s.ok() ? QStringLiteral("write") : s.error().message); });
    QByteArray read;
    store.read(id, SecretKind::Password, &context, [&](Result<SecureBytes> value) {
        order.append(QStringLiteral("read"));
        read = value.ok() ? bytesOf(*value) : QByteArray("missing");
    });
    QCOMPARE(store.waitingCount(), 2);
    QTest::qWait(50);
    QVERIFY(order.isEmpty()); // nothing answers before there is a keychain

    QSignalSpy changed(&store, &DeferredSecretStore::targetChanged);
    auto target = std::make_unique<MemorySecretStore>();
    MemorySecretStore* memory = target.get();
    store.setTarget(std::move(target));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.waitingCount(), 0);
    QTRY_COMPARE(order, (QStringList{QStringLiteral("write"), QStringLiteral("read")}));
    QCOMPARE(read, QByteArray("first"));
    QCOMPARE(int(memory->entryCount()), 1);
}

void TestDeferredSecretStore::deadContextIsDroppedWhileWaiting()
{
    DeferredSecretStore store;
    bool called = false;
    {
        QObject context;
        store.read(QUuid::createUuid(), SecretKind::Password, &context,
                   [&](Result<SecureBytes>) { called = true; });
    }
    store.setTarget(std::make_unique<MemorySecretStore>());
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestDeferredSecretStore::replacedTargetStillAnswersReads()
{
    DeferredSecretStore store;
    const QUuid early = QUuid::createUuid();
    const QUuid late = QUuid::createUuid();
    store.setTarget(std::make_unique<MemorySecretStore>()); // the memory fallback first
    QVERIFY(writeNow(store, early, SecretKind::Password, secretOf("typed-before")).ok());
    auto keychain = std::make_unique<MemorySecretStore>(); // then the keychain answers
    MemorySecretStore* newest = keychain.get();
    store.setTarget(std::move(keychain));
    QVERIFY(writeNow(store, late, SecretKind::Password, secretOf("typed-after")).ok());
    QCOMPARE(int(newest->entryCount()), 1); // writes go to the newest store only

    const Result<SecureBytes> before = readNow(store, early, SecretKind::Password);
    QVERIFY(before.ok());
    QCOMPARE(bytesOf(*before), QByteArray("typed-before"));
    const Result<SecureBytes> after = readNow(store, late, SecretKind::Password);
    QVERIFY(after.ok());
    QCOMPARE(bytesOf(*after), QByteArray("typed-after"));
    const Result<SecureBytes> none = readNow(store, QUuid::createUuid(), SecretKind::Password);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::NotFound);
}

void TestDeferredSecretStore::removalsReachEveryTarget()
{
    DeferredSecretStore store;
    const QUuid id = QUuid::createUuid();
    store.setTarget(std::make_unique<MemorySecretStore>());
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("old")).ok());
    QVERIFY(writeNow(store, id, SecretKind::SshPassword, secretOf("old-ssh")).ok());
    store.setTarget(std::make_unique<MemorySecretStore>());
    QVERIFY(writeNow(store, id, SecretKind::Password, secretOf("new")).ok());

    QVERIFY(removeNow(store, id, SecretKind::Password).ok());
    const Result<SecureBytes> password = readNow(store, id, SecretKind::Password);
    QVERIFY(!password.ok()); // gone from both, not uncovered from the older one
    QCOMPARE(password.error().code, ErrorCode::NotFound);
    QVERIFY(removeAllNow(store, id).ok());
    QCOMPARE(readNow(store, id, SecretKind::SshPassword).error().code, ErrorCode::NotFound);
}

void TestDeferredSecretStore::persistenceFollowsTheTarget()
{
    DeferredSecretStore store;
    QVERIFY(store.isPersistent()); // waiting for the keychain
    QVERIFY(!store.backendName().isEmpty());
    store.setTarget(std::make_unique<MemorySecretStore>());
    QVERIFY(!store.isPersistent());
    QCOMPARE(store.backendName(), store.target()->backendName());
}

void TestDeferredSecretStore::invalidInputIsRefusedAtOnce()
{
    DeferredSecretStore store; // no target: the refusal does not wait for one
    const Result<SecureBytes> read = readNow(store, QUuid(), SecretKind::Password);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::InvalidInput);
    QCOMPARE(store.waitingCount(), 0);
}

QTEST_GUILESS_MAIN(TestDeferredSecretStore)
#include "TestDeferredSecretStore.moc"
