// Test vectors for the account side and the local state: key pin store v2, security-state
// store (key, body, sealed file), invitation code, offer and answer MAC, the invitation's signed
// terms, and the server's keyed hash
// of the auth key. Fixed keys and a fixed random stream (DeterministicRandom) must give the
// bytes in tests/data/crypto/state-vectors.txt, which must open again; protocol.md §10 quotes
// the file. Regenerate after an intended format change with CONCLAVE_WRITE_VECTORS=1.
#include "DeterministicRandom.h"
#include "VectorFile.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Invitation.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/SecurityStateStore.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
const QString kPath = QStringLiteral(CONCLAVE_TEST_DATA_DIR "/crypto/state-vectors.txt");
const QString kDoc = QStringLiteral(CONCLAVE_SOURCE_DIR "/docs/security/protocol.md");
const QByteArray kSection = "## 10. Test vectors: first contact and local state";

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

const QUuid kFolder = uuid("00000000-0000-4000-8000-00000000000f");
const QUuid kItem = uuid("00000000-0000-4000-8000-000000000001");
const QUuid kItem2 = uuid("00000000-0000-4000-8000-000000000002");
const QUuid kAlice = uuid("00000000-0000-4000-8000-0000000000a1");
const QUuid kBob = uuid("00000000-0000-4000-8000-0000000000b0");
const QUuid kInvitation = uuid("00000000-0000-4000-8000-0000000000c0");
constexpr quint64 kTime = 1700000000000;
constexpr quint64 kTermsLogLength = 3;
constexpr quint64 kTermsExpiresAtMs = kTime + 7ULL * 24 * 3600 * 1000;
const QByteArray kAuthKey =
    QByteArray::fromHex("71c64586e06ff5cfeee9f9e7dd60703d6b8972af280a412f69839441dc69d774");
const char kServerAuthTag[] = "conclave-auth-key-v1";

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
QByteArray raw(unsigned char start, qsizetype n = 32)
{
    return counting(start, std::size_t(n)).view().toByteArray();
}

MembershipState log()
{
    const UserKeys a = alice();
    MembershipState state(kFolder);
    (void)state.apply(MembershipLog::create(kFolder, kAlice, a, counting(0xa0), kTime));
    (void)state.apply(MembershipLog::next(state, MembershipAction::Add, kAlice, a, kBob,
                                          bob().identityPublicKey(), FolderRole::Edit, kTime + 1));
    return state;
}

// alice pinned by invitation code; bob's key changed to e0..ff, confirmed by alice in the
// folder, and changed again to 10..2f (pending).
KeyPinStore pins()
{
    KeyPinStore store;
    (void)store.pinVerified(kAlice, alice().identityPublicKey(), KeyPinStore::Origin::InvitationCode, kTime);
    (void)store.check(kBob, bob().identityPublicKey(), kTime + 1);
    (void)store.check(kBob, raw(0xe0), kTime + 2);
    (void)store.confirmChange(kBob, raw(0xe0), kAlice, log(), kTime + 3);
    (void)store.check(kBob, raw(0x10), kTime + 4);
    return store;
}

SecurityState state()
{
    SecurityState s;
    s.pins = pins();
    s.acceptLog(log());
    s.acceptFolderState(kFolder, 5, raw(0x70));
    s.acceptItem(kFolder, kItem, {1, raw(0x30)});
    s.lastKdf = KdfParams{3, KdfParams::kMinMemLimit, raw(0x00, 16)};
    return s;
}

Invitation::Binding binding()
{
    return {kInvitation, kFolder, kAlice, kBob};
}
InvitationCode code()
{
    return InvitationCode::fromBytes(SecureBytes::fromView(QByteArray::fromHex("1032547698badcfe0123456780")))
        .value();
}

// The server's construction (server/ServerKey::hash), rebuilt here from protocol.md §10.2.
QByteArray serverHash(const SecureBytes& serverKey, const char* tag, QByteArrayView data)
{
    QByteArray message(1, char(std::strlen(tag)));
    message += tag;
    message += data;
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), std::size_t(out.size()),
                       reinterpret_cast<const unsigned char*>(message.constData()),
                       std::size_t(message.size()), serverKey.data(), serverKey.size());
    return out;
}
} // namespace

class TestStateVectors : public QObject
{
    Q_OBJECT

private:
    QMap<QByteArray, QByteArray> m_generated;
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

        put("pins.v2", pins().serialize().toHex());

        put("state.key", SecurityStateStore::deriveKey(accountKey()).view().toByteArray().toHex());
        DeterministicRandom::reseed("security-state");
        const QByteArray sealed = SecurityStateStore::seal(state(), accountKey(), kAlice, 7);
        put("state.sealed", sealed.toHex());
        {
            // The plaintext of state.sealed, decrypted here independently of open().
            const SecureBytes key = SecurityStateStore::deriveKey(accountKey());
            const QByteArray cipher = sealed.mid(SecurityStateStore::kHeaderSize + 24 + 4);
            QByteArray plain(cipher.size() - 16, Qt::Uninitialized);
            QCOMPARE(crypto_aead_xchacha20poly1305_ietf_decrypt(
                         reinterpret_cast<unsigned char*>(plain.data()), nullptr, nullptr,
                         reinterpret_cast<const unsigned char*>(cipher.constData()),
                         std::size_t(cipher.size()),
                         reinterpret_cast<const unsigned char*>(sealed.constData()),
                         std::size_t(SecurityStateStore::kHeaderSize),
                         reinterpret_cast<const unsigned char*>(sealed.constData() +
                                                                SecurityStateStore::kHeaderSize),
                         key.data()),
                     0);
            put("state.body", plain.toHex());
        }

        {
            // state.sealed with one change record after it: the item at revision 2 (hash
            // 40 … 5f), a second item at revision 1 (hash 50 … 6f), write sequence 6 (hash
            // 60 … 7f), as SecurityStateStore::save appends them.
            QTemporaryDir dir;
            const QString file = dir.filePath(QStringLiteral("journal.state"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(sealed), sealed.size());
            out.close();
            SecurityStateStore store(file, kAlice);
            Result<SecurityState> loaded = store.load(accountKey(), 7);
            QVERIFY(loaded.ok());
            SecurityState changed = std::move(loaded).value();
            DeterministicRandom::reseed("security-state-change");
            QVERIFY(store.save(changed, accountKey()).ok()); // the same state: an empty record
            changed.acceptItem(kFolder, kItem, {2, raw(0x40)});
            changed.acceptItem(kFolder, kItem2, {1, raw(0x50)});
            changed.acceptFolderState(kFolder, 6, raw(0x60));
            QVERIFY(store.save(changed, accountKey()).ok());
            QCOMPARE(store.changeRecords(), 2);
            QFile in(file);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray journal = in.readAll();
            QVERIFY(journal.startsWith(sealed));
            put("state.change", journal.mid(sealed.size()).toHex());
        }

        put("invite.codeBytes", code().bytes().view().toByteArray().toHex());
        put("invite.code", code().text().toLatin1());
        put("invite.macKey", code().macKey(kInvitation).view().toByteArray().toHex());
        put("invite.offer", Invitation::offer(code(), binding(), alice().identityPublicKey()).toHex());
        put("invite.answer",
            Invitation::answer(code(), binding(), UserKeyBundle::create(kBob, bob())).toHex());
        put("invite.terms",
            Invitation::signTerms({binding(), FolderRole::Edit, QStringLiteral("bob@example.org"),
                                   kTermsLogLength, kTermsExpiresAtMs},
                                  alice())
                .toHex());

        put("server.key", raw(0xe0).toHex());
        put("server.authKeyHash", serverHash(counting(0xe0), kServerAuthTag, kAuthKey).toHex());

        if (qEnvironmentVariableIsSet("CONCLAVE_WRITE_VECTORS")) {
            QVERIFY(VectorFile::write(
                kPath,
                "# Conclave test vectors for first contact and local state (checked by\n"
                "# tests/crypto/TestStateVectors.cpp and crosscheck_vectors.py). Hex except\n"
                "# invite.code. Inputs: docs/security/protocol.md §10. Regenerate only for a\n"
                "# deliberate format change.\n",
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
        QFile doc(kDoc);
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(kDoc));
        QMap<QByteArray, QByteArray> listed;
        bool inSection = false;
        bool inBlock = false;
        while (!doc.atEnd()) {
            const QByteArray line = doc.readLine().trimmed();
            if (line.startsWith("## "))
                inSection = line == kSection;
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
        Result<KeyPinStore> parsedPins = KeyPinStore::parse(stored("pins.v2"));
        QVERIFY(parsedPins.ok());
        QCOMPARE(parsedPins->pin(kBob)->confirmedBy, kAlice);
        QCOMPARE(parsedPins->pin(kBob)->key, raw(0xe0));
        QCOMPARE(parsedPins->pendingKey(kBob), raw(0x10));
        QCOMPARE(parsedPins->pin(kAlice)->origin, KeyPinStore::Origin::InvitationCode);

        Result<SecurityStateStore::Opened> opened =
            SecurityStateStore::open(stored("state.sealed"), accountKey(), kAlice, 7);
        QVERIFY(opened.ok());
        QCOMPARE(opened->generation, quint64(7));
        QCOMPARE(opened->state.checkpoint(kFolder)->headHash, log().headHash());
        QCOMPARE(opened->state.seen(kFolder, kItem)->hash, raw(0x30));
        QCOMPARE(opened->state.pins.serialize(), stored("pins.v2"));
        QVERIFY(!SecurityStateStore::open(stored("state.sealed"), accountKey(), kAlice, 8).ok());
        Result<SecurityStateStore::Opened> changed = SecurityStateStore::open(
            QByteArray(stored("state.sealed") + stored("state.change")), accountKey(), kAlice, 9);
        QVERIFY(changed.ok());
        QCOMPARE(changed->generation, quint64(9));
        QCOMPARE(changed->journal.changes, 2);
        QCOMPARE(changed->state.seen(kFolder, kItem)->revision, quint64(2));
        QCOMPARE(changed->state.seen(kFolder, kItem2)->hash, raw(0x50));
        QCOMPARE(changed->state.folders.at(kFolder).writeSequence, quint64(6));

        Result<InvitationCode> typed =
            InvitationCode::parse(QString::fromLatin1(m_stored.value("invite.code")));
        QVERIFY(typed.ok());
        QCOMPARE(typed->bytes().view().toByteArray(), stored("invite.codeBytes"));
        const QByteArray answerBytes = stored("invite.answer");
        const QByteArray macKey = stored("invite.macKey");
        QByteArray mac(32, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char*>(mac.data()), 32,
                           reinterpret_cast<const unsigned char*>(answerBytes.constData()),
                           std::size_t(answerBytes.size() - 32),
                           reinterpret_cast<const unsigned char*>(macKey.constData()),
                           std::size_t(macKey.size()));
        QCOMPARE(mac, answerBytes.right(32));
        KeyPinStore bobsPins;
        const Result<Invitation::Binding> offered =
            Invitation::acceptOffer(stored("invite.offer"), *typed, kBob, bobsPins, kTime);
        QVERIFY(offered.ok());
        QCOMPARE(offered->inviterId, kAlice);
        QCOMPARE(bobsPins.pinnedKey(kAlice), alice().identityPublicKey());
        Result<UserKeyBundle> answer = Invitation::parseAnswer(stored("invite.answer"), kInvitation);
        QVERIFY(answer.ok());
        QCOMPARE(answer->identityPublicKey(), bob().identityPublicKey());
        const Result<Invitation::Terms> terms =
            Invitation::openTerms(stored("invite.terms"), alice().identityPublicKey());
        QVERIFY(terms.ok());
        QCOMPARE(terms->binding.invitationId, kInvitation);
        QCOMPARE(terms->binding.inviteeId, kBob);
        QCOMPARE(terms->role, FolderRole::Edit);
        QCOMPARE(terms->email, QStringLiteral("bob@example.org"));
        QCOMPARE(terms->logLength, kTermsLogLength);
        QCOMPARE(terms->expiresAtMs, kTermsExpiresAtMs);
    }
};

QTEST_GUILESS_MAIN(TestStateVectors)
#include "TestStateVectors.moc"
