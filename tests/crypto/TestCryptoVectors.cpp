// Test vectors: fixed keys, a fixed random stream (DeterministicRandom) and fixed inputs must
// give exactly the bytes stored in tests/data/crypto/vectors.txt, and those stored bytes must
// parse, verify and decrypt. A change of any layout, tag or algorithm shows up here first.
// docs/security/protocol.md lists the same vectors. To regenerate after an intended format
// change (and a new tag version!), run with CONCLAVE_WRITE_VECTORS=1.
#include "DeterministicRandom.h"
#include "VectorFile.h"

#include "core/crypto/AccountKeys.h"
#include "core/crypto/Fingerprint.h"
#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/KeyCommitment.h"
#include "core/crypto/KeyPinStore.h"
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
const QUuid kCarol = uuid("00000000-0000-4000-8000-0000000000c0");
constexpr quint64 kTime = 1700000000000;
const QByteArray kPlaintext = QByteArrayLiteral("{\"name\":\"prod\",\"host\":\"db.example:5432\"}");
const QByteArray kPlaintextR2 = QByteArrayLiteral("{\"name\":\"prod\",\"host\":\"db2.example:5432\"}");
const QByteArray kFolderName = QByteArrayLiteral("Production");

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
UserKeys carol()
{
    return UserKeys::fromSecrets(counting(0xe0), counting(0x10)).value();
}
// bob's identity after a reinstall (the key-confirm entry binds it).
UserKeys newBob()
{
    return UserKeys::fromSecrets(counting(0x11), counting(0x80)).value();
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
        const UserKeys c = carol();
        const UserKeys b2 = newBob();
        // The whole log: create, add bob (Edit) and carol (View), bob made a manager, bob
        // removes carol, alice rotates to version 2, alice confirms bob's new key, alice leaves.
        MembershipState state(kFolder);
        QList<MembershipEntry> log;
        const auto append = [&](const char* name, const MembershipEntry& entry) {
            QVERIFY2(state.apply(entry).ok(), name);
            log << entry;
            put(QByteArray("log.") + name, entry.serialize().toHex());
            put(QByteArray("log.") + name + ".hash", entry.hash().toHex());
        };
        append("create", MembershipLog::create(kFolder, kAlice, a, folderKeyV1(), kTime));
        append("add", MembershipLog::next(state, MembershipAction::Add, kAlice, a, kBob,
                                          b.identityPublicKey(), FolderRole::Edit, kTime + 1));
        append("addCarol", MembershipLog::next(state, MembershipAction::Add, kAlice, a, kCarol,
                                               c.identityPublicKey(), FolderRole::View, kTime + 2));
        MembershipState beforeGrant = state; // length 3: the position of the grant and the writes
        append("role", MembershipLog::next(state, MembershipAction::ChangeRole, kAlice, a, kBob, {},
                                           FolderRole::Manage, kTime + 3));
        append("remove", MembershipLog::next(state, MembershipAction::Remove, kBob, b, kCarol, {},
                                             FolderRole::None, kTime + 4));
        append("rotate", MembershipLog::rotate(state, kAlice, a, folderKeyV2(), kTime + 5));
        append("confirmKey", MembershipLog::next(state, MembershipAction::ConfirmKey, kAlice, a, kBob,
                                                 b2.identityPublicKey(), FolderRole::None, kTime + 6));
        append("leave", MembershipLog::next(state, MembershipAction::Leave, kAlice, a, {}, {},
                                            FolderRole::None, kTime + 7));
        put("commitment.v1", KeyCommitment::of(folderKeyV1(), kFolder, 1).toHex());
        put("commitment.v2", KeyCommitment::of(folderKeyV2(), kFolder, 2).toHex());

        KeyPinStore pins;
        (void)pins.check(kBob, b.identityPublicKey());
        DeterministicRandom::reseed("grant");
        put("grant.v1.bob", FolderKeyGrant::create(beforeGrant, 1, folderKeyV1(),
                                                   UserKeyBundle::create(kBob, b), pins, kAlice, a)
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

        // Revision 2 by alice chains to revision 1; revision 3 deletes the item.
        ItemEnvelope::Header h2 = h;
        h2.revision = 2;
        h2.previousHash = env.hash();
        h2.authorId = kAlice;
        DeterministicRandom::reseed("envelope-r2");
        const ItemEnvelope r2 = ItemEnvelope::seal(h2, kPlaintextR2, folderKeyV1(), a).value();
        put("envelope.r2.plaintext", kPlaintextR2.toHex());
        put("envelope.r2", r2.serialize().toHex());
        put("envelope.r2.hash", r2.hash().toHex());
        ItemEnvelope::Header hd = h2;
        hd.kind = ItemKind::DeleteMarker;
        hd.revision = 3;
        hd.previousHash = r2.hash();
        DeterministicRandom::reseed("delete-marker");
        const ItemEnvelope marker = ItemEnvelope::seal(hd, {}, folderKeyV1(), a).value();
        put("envelope.delete", marker.serialize().toHex());
        put("envelope.delete.hash", marker.hash().toHex());
        ItemEnvelope::Header hn = h;
        hn.kind = ItemKind::FolderName;
        hn.itemId = kFolder;
        hn.authorId = kAlice;
        DeterministicRandom::reseed("folder-name");
        const ItemEnvelope folderName = ItemEnvelope::seal(hn, kFolderName, folderKeyV1(), a).value();
        put("envelope.folderName.plaintext", kFolderName.toHex());
        put("envelope.folderName", folderName.serialize().toHex());
        put("envelope.folderName.hash", folderName.hash().toHex());

        // The folder state chain at log length 3: alice names the folder, bob writes the item.
        FolderStateChain chain(kFolder);
        const FolderState s1 = chain.makeWrite(folderName, beforeGrant, kAlice, a, kTime + 10);
        QVERIFY(chain.acceptWrite(s1, folderName, beforeGrant, FolderStateChain::LogView::Current).ok());
        const FolderState s2 = chain.makeWrite(env, beforeGrant, kBob, b, kTime + 11);
        QVERIFY(chain.acceptWrite(s2, env, beforeGrant, FolderStateChain::LogView::Current).ok());
        put("folderState.1", s1.serialize().toHex());
        put("folderState.1.hash", s1.hash().toHex());
        put("folderState.2", s2.serialize().toHex());
        put("folderState.2.hash", s2.hash().toHex());

        if (qEnvironmentVariableIsSet("CONCLAVE_WRITE_VECTORS")) {
            QVERIFY(VectorFile::write(
                kPath,
                "# Conclave crypto test vectors (checked by tests/crypto/TestCryptoVectors.cpp).\n"
                "# Values are hex except alice.safetyNumber. Inputs: see the test and\n"
                "# docs/security/protocol.md. Regenerate only for a deliberate format change.\n",
                m_order, m_generated));
        }
        const auto stored = VectorFile::read(kPath);
        QVERIFY2(stored, qPrintable(kPath));
        m_stored = *stored;
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

        const QList<QByteArray> names = {"create", "add",    "addCarol",   "role",
                                         "remove", "rotate", "confirmKey", "leave"};
        QList<QByteArray> entries;
        for (const QByteArray& name : names)
            entries << stored("log." + name);
        Result<MembershipState> state = MembershipLog::replayBytes(kFolder, entries, std::nullopt);
        QVERIFY2(state.ok(), state.ok() ? "" : qPrintable(state.error().message));
        QCOMPARE(state->roleOf(kBob), FolderRole::Manage);
        QCOMPARE(state->roleOf(kAlice), FolderRole::None);
        QCOMPARE(state->identityKeyOf(kBob), newBob().identityPublicKey());
        QCOMPARE(state->currentKeyVersion(), 2u);
        QCOMPARE(state->keyCommitment(1), stored("commitment.v1"));
        QCOMPARE(state->keyCommitment(2), stored("commitment.v2"));
        QCOMPARE(state->headHash(), stored("log.leave.hash"));
        Result<MembershipState> early = MembershipLog::replayBytes(kFolder, entries.mid(0, 3), std::nullopt);
        QVERIFY(early.ok());
        QCOMPARE(early->roleOf(kBob), FolderRole::Edit);

        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(stored("grant.v1.bob"));
        QVERIFY(grant.ok());
        QCOMPARE(grant->logPosition(), quint64(3));
        QVERIFY(grant->verify(*state).ok());
        QVERIFY(*grant->open(*state, kBob, bob()) == folderKeyV1());

        FolderKeyRing ring(kFolder);
        QVERIFY(ring.accept(2, folderKeyV2(), *state).ok());
        QVERIFY(ring.absorbChainLink(stored("keychain.v2"), *state).ok());
        QVERIFY(*ring.key(1) == folderKeyV1());

        // The envelopes read as current revisions against the log as it was when written.
        ItemReader::Expectation e;
        e.orgId = kOrg;
        e.folderId = kFolder;
        e.itemId = kItem;
        Result<ItemReader::Opened> opened = ItemReader::open(stored("envelope.r1"), e, *early, ring);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QCOMPARE(opened->plaintext.view().toByteArray(), kPlaintext);
        QCOMPARE(opened->hash, stored("envelope.r1.hash"));
        e.lastSeen = ItemReader::Seen{1, stored("envelope.r1.hash")};
        opened = ItemReader::open(stored("envelope.r2"), e, *early, ring);
        QVERIFY(opened.ok());
        QCOMPARE(opened->plaintext.view().toByteArray(), kPlaintextR2);
        e.lastSeen = ItemReader::Seen{2, stored("envelope.r2.hash")};
        opened = ItemReader::open(stored("envelope.delete"), e, *early, ring);
        QVERIFY(opened.ok());
        QCOMPARE(opened->kind, ItemKind::DeleteMarker);
        QVERIFY(opened->plaintext.isEmpty());
        e.itemId = kFolder;
        e.lastSeen.reset();
        opened = ItemReader::open(stored("envelope.folderName"), e, *early, ring);
        QVERIFY(opened.ok());
        QCOMPARE(opened->plaintext.view().toByteArray(), kFolderName);
        // And in history against the whole log (bob's old key, alice a former member).
        e.itemId = kItem;
        e.historical = true;
        QVERIFY(ItemReader::open(stored("envelope.r1"), e, *state, ring).ok());
        QVERIFY(ItemReader::open(stored("envelope.r2"), e, *state, ring).ok());

        FolderStateChain chain(kFolder);
        const Result<FolderState> s1 = FolderState::parse(stored("folderState.1"));
        const Result<FolderState> s2 = FolderState::parse(stored("folderState.2"));
        QVERIFY(s1.ok() && s2.ok());
        QVERIFY(chain
                    .acceptWrite(*s1, ItemEnvelope::parse(stored("envelope.folderName")).value(), *state,
                                 FolderStateChain::LogView::Known)
                    .ok());
        QVERIFY(chain
                    .acceptWrite(*s2, ItemEnvelope::parse(stored("envelope.r1")).value(), *state,
                                 FolderStateChain::LogView::Known)
                    .ok());
        QCOMPARE(chain.headHash(), stored("folderState.2.hash"));
    }
};

QTEST_GUILESS_MAIN(TestCryptoVectors)
#include "TestCryptoVectors.moc"
