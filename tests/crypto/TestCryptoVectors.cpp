// Test vectors: fixed keys, a fixed random stream (DeterministicRandom) and fixed inputs must
// give exactly the bytes stored in tests/data/crypto/vectors.txt, and those stored bytes must
// parse, verify and decrypt. A change of any layout, tag or algorithm shows up here first.
// docs/security/protocol.md lists the same vectors. To regenerate after an intended format
// change (and a new tag version!), run with CONCLAVE_WRITE_VECTORS=1.
#include "DeterministicRandom.h"

#include "core/crypto/AccountKeys.h"
#include "core/crypto/Fingerprint.h"
#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <QFile>
#include <QMap>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
const QString kPath = QStringLiteral(CONCLAVE_TEST_DATA_DIR "/crypto/vectors.txt");

// n bytes counting up from `start`.
SecureBytes counting(unsigned char start, std::size_t n = 32)
{
    SecureBytes out(n);
    for (std::size_t i = 0; i < n; ++i)
        out.data()[i] = static_cast<unsigned char>(start + i);
    return out;
}

QUuid uuid(const char* text)
{
    return QUuid::fromString(QLatin1String(text));
}

const char kPassword[] = "correct horse battery staple";
const QUuid kOrg = uuid("00000000-0000-4000-8000-00000000000a");
const QUuid kFolder = uuid("00000000-0000-4000-8000-00000000000f");
const QUuid kItem = uuid("00000000-0000-4000-8000-000000000001");
const QUuid kAlice = uuid("00000000-0000-4000-8000-0000000000a1");
const QUuid kBob = uuid("00000000-0000-4000-8000-0000000000b0");
constexpr quint64 kTime = 1700000000000;
const QByteArray kPlaintext = QByteArrayLiteral("{\"name\":\"prod\",\"host\":\"db.example:5432\"}");

KdfParams kdfParams()
{
    return KdfParams{3, KdfParams::kMinMemLimit, counting(0x00, 16).view().toByteArray()};
}
UserKeys alice()
{
    return UserKeys::fromSecrets(counting(0x00), counting(0x20)).value();
}
UserKeys bob()
{
    return UserKeys::fromSecrets(counting(0x60), counting(0x80)).value();
}
SecureBytes accountKey()
{
    return counting(0x40);
}
SecureBytes folderKeyV1()
{
    return counting(0xa0);
}
SecureBytes folderKeyV2()
{
    return counting(0xc0);
}
} // namespace

class TestCryptoVectors : public QObject
{
    Q_OBJECT

private:
    QMap<QByteArray, QByteArray> m_generated; // name -> hex (or text)
    QMap<QByteArray, QByteArray> m_stored;
    QList<QByteArray> m_order;

    void put(const QByteArray& name, const QByteArray& value)
    {
        m_generated.insert(name, value);
        m_order << name;
    }
    QByteArray stored(const QByteArray& name) const { return QByteArray::fromHex(m_stored.value(name)); }

private slots:
    void initTestCase()
    {
        DeterministicRandom::install();

        put("kdf.password", QByteArray(kPassword).toHex());
        put("kdf.salt", kdfParams().salt.toHex());
        const AccountKeys keys = std::move(
            AccountKeys::derive(SecureBytes(kPassword, sizeof(kPassword) - 1), kdfParams(), {}).value());
        put("kdf.authKey", keys.authKey().view().toByteArray().toHex());
        DeterministicRandom::reseed("account-key");
        put("kdf.wrappedAccountKey", keys.wrapAccountKey(accountKey()).toHex());

        const UserKeys a = alice();
        put("alice.identityPublicKey", a.identityPublicKey().toHex());
        put("alice.encryptionPublicKey", a.encryptionPublicKey().toHex());
        put("alice.fingerprint", Fingerprint::of(a.identityPublicKey()).bytes().toHex());
        put("alice.safetyNumber", Fingerprint::of(a.identityPublicKey()).safetyNumber().toLatin1());
        put("alice.bundle", UserKeyBundle::create(kAlice, a).serialize().toHex());
        DeterministicRandom::reseed("user-keys");
        put("alice.wrappedUserKeys", a.wrap(accountKey(), kAlice).toHex());

        const UserKeys b = bob();
        MembershipState state(kFolder);
        const MembershipEntry create = MembershipLog::create(kFolder, kAlice, a, kTime);
        QVERIFY(state.apply(create).ok());
        const MembershipEntry add = MembershipLog::next(state, MembershipAction::Add, kAlice, a, kBob,
                                                        b.identityPublicKey(), FolderRole::Edit, kTime + 1);
        QVERIFY(state.apply(add).ok());
        put("log.create", create.serialize().toHex());
        put("log.create.hash", create.hash().toHex());
        put("log.add", add.serialize().toHex());
        put("log.add.hash", add.hash().toHex());

        DeterministicRandom::reseed("grant");
        put("grant.v1.bob",
            FolderKeyGrant::create(kFolder, 1, folderKeyV1(), kBob, b.encryptionPublicKey(), kAlice, a)
                ->serialize()
                .toHex());
        DeterministicRandom::reseed("key-chain");
        put("keychain.v2", FolderKeyRing::makeChainLink(kFolder, 2, folderKeyV2(), folderKeyV1()).toHex());

        ItemEnvelope::Header h;
        h.orgId = kOrg;
        h.folderId = kFolder;
        h.itemId = kItem;
        h.keyVersion = 1;
        h.revision = 1;
        h.authorId = kBob;
        put("envelope.plaintext", kPlaintext.toHex());
        DeterministicRandom::reseed("envelope");
        const ItemEnvelope env = ItemEnvelope::seal(h, kPlaintext, folderKeyV1(), b).value();
        put("envelope.r1", env.serialize().toHex());
        put("envelope.r1.hash", env.hash().toHex());

        if (qEnvironmentVariableIsSet("CONCLAVE_WRITE_VECTORS")) {
            QFile out(kPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write("# Conclave crypto test vectors (checked by tests/crypto/TestCryptoVectors.cpp).\n"
                      "# Values are hex except alice.safetyNumber. Inputs: see the test and\n"
                      "# docs/security/protocol.md. Regenerate only for a deliberate format change.\n");
            for (const QByteArray& name : m_order)
                out.write(name + ": " + m_generated.value(name) + '\n');
        }
        QFile in(kPath);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(kPath));
        while (!in.atEnd()) {
            const QByteArray line = in.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const qsizetype colon = line.indexOf(": ");
            QVERIFY(colon > 0);
            m_stored.insert(line.left(colon), line.mid(colon + 2));
        }
    }

    void generatedBytesMatchStored_data()
    {
        QTest::addColumn<QByteArray>("name");
        for (const QByteArray& name : m_order)
            QTest::newRow(name.constData()) << name;
    }

    void generatedBytesMatchStored()
    {
        QFETCH(QByteArray, name);
        QVERIFY2(m_stored.contains(name), name.constData());
        QCOMPARE(m_generated.value(name), m_stored.value(name));
    }

    void protocolDocumentListsTheVectors()
    {
        // docs/security/protocol.md §7 quotes vectors.txt; the two must never drift apart.
        QFile doc(QStringLiteral(CONCLAVE_SOURCE_DIR "/docs/security/protocol.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
        QMap<QByteArray, QByteArray> listed;
        bool inSection = false; // §7 only; other sections quote their own vector files
        bool inBlock = false;
        while (!doc.atEnd()) {
            const QByteArray line = doc.readLine().trimmed();
            if (line.startsWith("## "))
                inSection = line.startsWith("## 7. ");
            if (!inSection)
                continue;
            if (line == "```") {
                inBlock = !inBlock;
                continue;
            }
            const qsizetype colon = line.indexOf(": ");
            if (inBlock && colon > 0)
                listed.insert(line.left(colon), line.mid(colon + 2));
        }
        QVERIFY(!m_stored.isEmpty());
        QCOMPARE(listed, m_stored);
    }

    void storedBytesOpen()
    {
        // Independent of the generator: the stored bytes verify and decrypt with the fixed keys.
        const AccountKeys keys = std::move(
            AccountKeys::derive(SecureBytes(kPassword, sizeof(kPassword) - 1), kdfParams(), {}).value());
        QCOMPARE(keys.authKey().view().toByteArray(), stored("kdf.authKey"));
        QVERIFY(*keys.unwrapAccountKey(stored("kdf.wrappedAccountKey")) == accountKey());
        Result<UserKeys> unwrapped = UserKeys::unwrap(accountKey(), kAlice, stored("alice.wrappedUserKeys"));
        QVERIFY(unwrapped.ok());
        QCOMPARE(unwrapped->identityPublicKey(), stored("alice.identityPublicKey"));

        Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(stored("alice.bundle"));
        QVERIFY(bundle.ok());
        QCOMPARE(bundle->userId(), kAlice);
        QCOMPARE(bundle->encryptionPublicKey(), stored("alice.encryptionPublicKey"));

        Result<MembershipState> state =
            MembershipLog::replayBytes(kFolder, {stored("log.create"), stored("log.add")}, std::nullopt);
        QVERIFY(state.ok());
        QCOMPARE(state->roleOf(kBob), FolderRole::Edit);
        QCOMPARE(state->headHash(), stored("log.add.hash"));

        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(stored("grant.v1.bob"));
        QVERIFY(grant.ok());
        QVERIFY(grant->verify(*state).ok());
        QVERIFY(*grant->open(kBob, bob()) == folderKeyV1());

        FolderKeyRing ring(kFolder);
        ring.insert(2, folderKeyV2());
        QVERIFY(ring.absorbChainLink(stored("keychain.v2")).ok());
        QVERIFY(*ring.key(1) == folderKeyV1());

        ItemReader::Expectation e;
        e.orgId = kOrg;
        e.folderId = kFolder;
        e.itemId = kItem;
        Result<ItemReader::Opened> opened = ItemReader::open(stored("envelope.r1"), e, *state, ring);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QCOMPARE(opened->plaintext.view().toByteArray(), kPlaintext);
        QCOMPARE(opened->hash, stored("envelope.r1.hash"));
    }
};

QTEST_GUILESS_MAIN(TestCryptoVectors)
#include "TestCryptoVectors.moc"
