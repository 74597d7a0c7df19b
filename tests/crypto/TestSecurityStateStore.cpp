// Persistent security state (DESIGN §6): after a restart the client still refuses a
// membership log replayed from before a removal, an item rolled back to an older revision and
// weaker KDF parameters, because the state is loaded from the store first. The store is bound
// to its account, refuses damage and tampering with a clear error (never an empty state), and
// detects an older copy written back when the caller remembers the generation.
#include "FolderFixture.h"

#include "core/crypto/AccountKeys.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/SecurityStateStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

SecurityState sampleState(const FolderFixture& f)
{
    SecurityState state;
    if (!state.pins.check(f.bob.id, f.bob.keys.identityPublicKey(), 5).ok())
        qFatal("sampleState: pin refused");
    state.acceptLog(f.state);
    state.acceptFolderState(f.folderId, 7, QByteArray(32, 's'));
    state.acceptItem(f.folderId, QUuid::createUuid(), {3, QByteArray(32, 'h')});
    state.lastKdf = KdfParams{4, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
    return state;
}
} // namespace

class TestSecurityStateStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void restartedClientRefusesLogFromBeforeRemoval()
    {
        // carol's client has seen bob's removal; the server then serves the log as it was
        // before it, to a carol who restarted.
        FolderFixture f;
        const QList<MembershipEntry> beforeRemoval = f.log;
        f.append(MembershipLog::next(f.state, MembershipAction::Remove, f.alice.id, f.alice.keys, f.bob.id));
        f.rotate(f.alice);
        const QUuid carolAccount = f.carol.id;
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        {
            SecurityStateStore store(path("carol.state"), carolAccount);
            SecurityState state = store.load(accountKey, 0).value();
            Result<MembershipState> replayed =
                MembershipLog::replay(f.folderId, f.log, state.checkpoint(f.folderId));
            QVERIFY(replayed.ok());
            state.acceptLog(*replayed);
            QVERIFY(store.save(state, accountKey).ok());
        }
        // Restart: the state comes back from the file before any server answer is believed.
        SecurityStateStore store(path("carol.state"), carolAccount);
        const Result<SecurityState> state = store.load(accountKey, 0);
        QVERIFY(state.ok());
        const Result<MembershipState> stale =
            MembershipLog::replay(f.folderId, beforeRemoval, state->checkpoint(f.folderId));
        QVERIFY2(!stale.ok(), "a log from before the removal was accepted after a restart");
        QCOMPARE(stale.error().code, ErrorCode::Protocol);
        QVERIFY(MembershipLog::replay(f.folderId, f.log, state->checkpoint(f.folderId)).ok());
    }

    void restartedClientRefusesOlderItemRevision()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope r1 = f.seal(f.bob, item, "one");
        const ItemEnvelope r2 = f.seal(f.bob, item, "two", 2, r1.hash());
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        {
            SecurityStateStore store(path("bob-items.state"), f.carol.id);
            SecurityState state = store.load(accountKey, 0).value();
            ItemReader::Expectation e = f.expect(item);
            const Result<ItemReader::Opened> opened = ItemReader::open(r2, e, f.state, f.ring);
            QVERIFY(opened.ok());
            state.acceptItem(f.folderId, item, {opened->revision, opened->hash});
            QVERIFY(store.save(state, accountKey).ok());
        }
        SecurityStateStore store(path("bob-items.state"), f.carol.id);
        const Result<SecurityState> state = store.load(accountKey, 0);
        QVERIFY(state.ok());
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = state->seen(f.folderId, item);
        QVERIFY2(!ItemReader::open(r1, e, f.state, f.ring).ok(), "revision 1 accepted after revision 2");
        QVERIFY(ItemReader::open(r2, e, f.state, f.ring).ok());
    }

    void restartedClientRefusesWeakerKdf()
    {
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        {
            SecurityStateStore store(path("kdf.state"), account);
            SecurityState state = store.load(accountKey, 0).value();
            state.lastKdf = KdfParams{4, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
            QVERIFY(store.save(state, accountKey).ok());
        }
        // Before the password is turned into keys, the remembered parameters come from the
        // store's header.
        const SecurityStateStore store(path("kdf.state"), account);
        const Result<std::optional<KdfParams>> lastSeen = store.lastKdf();
        QVERIFY(lastSeen.ok());
        QVERIFY(lastSeen->has_value());
        QCOMPARE((*lastSeen)->opsLimit, quint64(4));
        const KdfParams weaker{3, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
        const quint64 before = AccountKeys::derivationCount();
        const Result<AccountKeys> derived = AccountKeys::deriveWithStore(SecureBytes("pw", 2), weaker, store);
        QVERIFY(!derived.ok());
        QCOMPARE(derived.error().code, ErrorCode::Protocol);
        QCOMPARE(AccountKeys::derivationCount(), before);
    }

    void unreadableStoreStopsSignIn()
    {
        // A damaged header is not "never signed in": the last-seen floor would be lost.
        const QUuid account = QUuid::createUuid();
        writeAll(path("garbage.state"), QByteArray(200, 'x'));
        const SecurityStateStore store(path("garbage.state"), account);
        const quint64 before = AccountKeys::derivationCount();
        const KdfParams params{3, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
        const Result<AccountKeys> derived = AccountKeys::deriveWithStore(SecureBytes("pw", 2), params, store);
        QVERIFY(!derived.ok());
        QCOMPARE(derived.error().code, ErrorCode::Corrupt);
        QCOMPARE(AccountKeys::derivationCount(), before);
        // Another account's store is refused the same way.
        SecurityState state;
        state.lastKdf = KdfParams{9, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
        writeAll(path("foreign.state"),
                 SecurityStateStore::seal(state, AccountKeys::generateAccountKey(), QUuid::createUuid(), 1));
        const SecurityStateStore foreign(path("foreign.state"), account);
        QVERIFY(!AccountKeys::deriveWithStore(SecureBytes("pw", 2), params, foreign).ok());
        QCOMPARE(AccountKeys::derivationCount(), before);
    }

    void kdfHeaderTamperDetectedAtUnlock()
    {
        // The header is readable before unlock; lowering its cost is caught when it opens.
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        SecurityState state;
        state.lastKdf = KdfParams{4, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
        QByteArray bytes = SecurityStateStore::seal(state, accountKey, account, 1);
        bytes[18 + 16 + 8 + 1 + 7] = 3; // ops 4 -> 3
        QCOMPARE(SecurityStateStore::peekKdf(bytes, account).value()->opsLimit, quint64(3));
        const auto opened = SecurityStateStore::open(bytes, accountKey, account, 0);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    }

    // Someone with disk access lowers the cost in the header for the moment the client reads it
    // before sign-in, then puts the genuine file back before it is unlocked. The derivation was
    // made with the lowered cost; unlocking must notice that it read other parameters before.
    void kdfHeaderSwappedBetweenSignInAndUnlock_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("lower cost read before sign-in") << "lowered";
        QTest::newRow("no file before sign-in, a file at unlock") << "absent";
        QTest::newRow("the same file both times") << "same";
    }

    void kdfHeaderSwappedBetweenSignInAndUnlock()
    {
        QFETCH(QString, variant);
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("swapped-kdf.state");
        QFile::remove(file);
        SecurityState state;
        state.lastKdf = KdfParams{4, KdfParams::kMinMemLimit, QByteArray(16, 'k')};
        const QByteArray genuine = SecurityStateStore::seal(state, accountKey, account, 1);
        QByteArray lowered = genuine;
        lowered[18 + 16 + 8 + 1 + 7] = 3; // ops 4 -> 3
        if (variant == u"lowered")
            writeAll(file, lowered);
        else if (variant == u"same")
            writeAll(file, genuine);

        SecurityStateStore store(file, account);
        const Result<std::optional<KdfParams>> seen = store.lastKdf();
        QVERIFY(seen.ok());
        writeAll(file, genuine);
        const Result<SecurityState> loaded = store.load(accountKey, 0);
        if (variant == u"same") {
            QVERIFY(loaded.ok());
            QCOMPARE(loaded->lastKdf->opsLimit, quint64(4));
            return;
        }
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::Corrupt);
        QVERIFY(!store.save(state, accountKey).ok());
    }

    void roundTrip()
    {
        FolderFixture f;
        const SecurityState state = sampleState(f);
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QByteArray bytes = SecurityStateStore::seal(state, accountKey, account, 9);
        const Result<SecurityStateStore::Opened> opened =
            SecurityStateStore::open(bytes, accountKey, account, 9);
        QVERIFY(opened.ok());
        QCOMPARE(opened->generation, quint64(9));
        QCOMPARE(opened->state.pins.serialize(), state.pins.serialize());
        QCOMPARE(opened->state.checkpoint(f.folderId)->headHash, f.state.headHash());
        QCOMPARE(opened->state.checkpoint(f.folderId)->length, f.state.length());
        QCOMPARE(opened->state.folders.at(f.folderId).writeSequence, quint64(7));
        QCOMPARE(opened->state.folders.at(f.folderId).stateHash, QByteArray(32, 's'));
        QCOMPARE(opened->state.items.size(), std::size_t(1));
        QCOMPARE(opened->state.items.begin()->second.revision, quint64(3));
        QCOMPARE(opened->state.lastKdf->opsLimit, quint64(4));
        QCOMPARE(opened->state.lastKdf->salt, QByteArray(16, 'k'));
        // The same state seals to the same plaintext: only the nonce differs.
        QCOMPARE(SecurityStateStore::seal(opened->state, accountKey, account, 9).size(), bytes.size());
    }

    void nothingGoesBackwards()
    {
        FolderFixture f;
        SecurityState state;
        state.acceptLog(f.state);
        MembershipState shorter(f.folderId);
        QVERIFY(shorter.apply(f.log.first()).ok());
        state.acceptLog(shorter);
        QCOMPARE(state.checkpoint(f.folderId)->length, f.state.length());
        const QUuid item = QUuid::createUuid();
        state.acceptItem(f.folderId, item, {5, QByteArray(32, 'a')});
        state.acceptItem(f.folderId, item, {4, QByteArray(32, 'b')});
        QCOMPARE(state.seen(f.folderId, item)->revision, quint64(5));
        state.acceptFolderState(f.folderId, 9, QByteArray(32, 'x'));
        state.acceptFolderState(f.folderId, 8, QByteArray(32, 'y'));
        QCOMPARE(state.folders.at(f.folderId).writeSequence, quint64(9));
    }

    void folderRecordComesFromTheAcceptedFolderState()
    {
        // The per-folder record is the accepted state's sequence and hash, and survives a
        // restart as such.
        FolderFixture f;
        FolderStateChain chain(f.folderId);
        const ItemEnvelope envelope = f.seal(f.bob, QUuid::createUuid(), "{}");
        const FolderState written = chain.makeWrite(envelope, f.state, f.bob.id, f.bob.keys, 10);
        QVERIFY(chain.acceptWrite(written, envelope, f.state, FolderStateChain::LogView::Known).ok());
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        {
            SecurityStateStore store(path("chain.state"), f.carol.id);
            SecurityState state = store.load(accountKey, 0).value();
            state.acceptFolderState(written);
            QVERIFY(store.save(state, accountKey).ok());
        }
        SecurityStateStore store(path("chain.state"), f.carol.id);
        const SecurityState state = store.load(accountKey, 0).value();
        QCOMPARE(state.folders.at(f.folderId).writeSequence, chain.sequence());
        QCOMPARE(state.folders.at(f.folderId).stateHash, chain.headHash());
        QVERIFY(state.checkFolderState(written).ok());
    }

    void restartedClientRefusesAnOlderOrForkedFolderState_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::newRow("older state (rollback)") << "older";
        QTest::newRow("same sequence, other state (fork)") << "fork";
    }

    void restartedClientRefusesAnOlderOrForkedFolderState()
    {
        // After a restart the server offers a snapshot from before the last write this client
        // accepted, or another state at that sequence.
        QFETCH(QString, shown);
        FolderFixture f;
        FolderStateChain chain(f.folderId);
        const ItemEnvelope first = f.seal(f.bob, QUuid::createUuid(), "{}");
        const FolderState one = chain.makeWrite(first, f.state, f.bob.id, f.bob.keys, 10);
        QVERIFY(chain.acceptWrite(one, first, f.state, FolderStateChain::LogView::Known).ok());
        const ItemEnvelope second = f.seal(f.bob, QUuid::createUuid(), "{}");
        const FolderState two = chain.makeWrite(second, f.state, f.bob.id, f.bob.keys, 11);
        const FolderState other = chain.makeWrite(second, f.state, f.bob.id, f.bob.keys, 12);
        QVERIFY(chain.acceptWrite(two, second, f.state, FolderStateChain::LogView::Known).ok());
        SecurityState state;
        state.acceptFolderState(two);
        const Status checked = state.checkFolderState(shown == u"older" ? one : other);
        QVERIFY2(!checked.ok(), "a folder state contradicting the recorded one was believed");
        QCOMPARE(checked.error().code, ErrorCode::Protocol);
    }

    void damageIsAnError_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("tag") << "0";
        QTest::newRow("account id in header") << "20";
        QTest::newRow("generation") << "40";
        QTest::newRow("has-kdf") << "42";
        QTest::newRow("kdf memory") << "55";
        QTest::newRow("salt") << "60";
        QTest::newRow("nonce") << "80";
        QTest::newRow("length") << "101";
        QTest::newRow("ciphertext") << "110";
        QTest::newRow("last byte (tag of the AEAD)") << "last";
        QTest::newRow("one byte short") << "short";
        QTest::newRow("one byte long") << "long";
        QTest::newRow("empty file") << "empty";
        QTest::newRow("header only") << "header";
        QTest::newRow("other account key") << "key";
        QTest::newRow("other account") << "account";
    }

    void damageIsAnError()
    {
        QFETCH(QString, damage);
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        QByteArray bytes = SecurityStateStore::seal(sampleState(f), accountKey, account, 1);
        QUuid openAs = account;
        SecureBytes openWith = accountKey.clone();
        bool ok = false;
        const int offset = damage.toInt(&ok);
        if (ok)
            bytes[offset] = char(bytes[offset] ^ 0x01);
        else if (damage == u"last")
            bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 0x80);
        else if (damage == u"short")
            bytes.chop(1);
        else if (damage == u"long")
            bytes += '\0';
        else if (damage == u"empty")
            bytes.clear();
        else if (damage == u"header")
            bytes.truncate(SecurityStateStore::kHeaderSize);
        else if (damage == u"key")
            openWith = AccountKeys::generateAccountKey();
        else if (damage == u"account")
            openAs = QUuid::createUuid();
        const Result<SecurityStateStore::Opened> opened =
            SecurityStateStore::open(bytes, openWith, openAs, 0);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
        QVERIFY(!opened.error().message.isEmpty());

        // Through the file, too: a damaged file never loads as an empty state.
        const QString file = path("damaged.state");
        writeAll(file, bytes);
        SecurityStateStore store(file, openAs);
        QVERIFY(!store.load(openWith, 0).ok());
    }

    void olderCopyDetectedWhenGenerationRemembered()
    {
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("generations.state");
        SecurityStateStore store(file, account);
        SecurityState state = store.load(accountKey, 0).value();
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.generation(), quint64(1));
        const QByteArray old = readAll(file);
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.generation(), quint64(2));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        // A file someone made readable to others is owner-only again after the next write.
        QVERIFY(QFile::setPermissions(file, QFile::permissions(file) | QFileDevice::ReadOther));
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        QCOMPARE(store.generation(), quint64(3));

        writeAll(file, old); // an attacker with disk access puts the older copy back
        SecurityStateStore restarted(file, account);
        const Result<SecurityState> refused = restarted.load(accountKey, 3);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Corrupt);
        // Without the remembered generation the old copy cannot be told from a current one.
        QVERIFY(restarted.load(accountKey, 0).ok());
        QCOMPARE(restarted.generation(), quint64(1));
    }

    void unreadableValuesAreNotWritten_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("item hash of 31 bytes") << "item hash";
        QTest::newRow("item revision 0") << "item revision";
        QTest::newRow("log head of 31 bytes") << "log head";
        QTest::newRow("folder state hash of 33 bytes") << "state hash";
        QTest::newRow("salt of 8 bytes") << "salt";
    }

    void unreadableValuesAreNotWritten()
    {
        // A value that could not be read back is refused at save(), and the last good file
        // stays as it was.
        QFETCH(QString, value);
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("unreadable.state");
        QFile::remove(file);
        SecurityStateStore store(file, QUuid::createUuid());
        SecurityState state = store.load(accountKey, 0).value();
        QVERIFY(store.save(state, accountKey).ok());
        const QByteArray good = readAll(file);
        const QUuid folder = QUuid::createUuid();
        if (value == u"item hash")
            state.items[{folder, QUuid::createUuid()}] = {1, QByteArray(31, 'h')};
        else if (value == u"item revision")
            state.items[{folder, QUuid::createUuid()}] = {0, QByteArray(32, 'h')};
        else if (value == u"log head")
            state.folders[folder].log = {3, QByteArray(31, 'l')};
        else if (value == u"state hash")
            state.folders[folder].stateHash = QByteArray(33, 's');
        else
            state.lastKdf = KdfParams{3, KdfParams::kMinMemLimit, QByteArray(8, 's')};
        const Status saved = store.save(state, accountKey);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, ErrorCode::InvalidInput);
        QCOMPARE(readAll(file), good);
    }

    void saveNeedsLoadFirst()
    {
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        SecurityStateStore store(path("unloaded.state"), QUuid::createUuid());
        QVERIFY(!store.save(SecurityState(), accountKey).ok());
        QVERIFY(!QFile::exists(path("unloaded.state")));
    }

    void restartedClientChecksANewLogAgainstPins()
    {
        // After a restart the server presents a folder this client has never seen (so there
        // is no checkpoint), made up with its own key for a user the client knows. The pins
        // saved before the restart catch it.
        FolderFixture f;
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        {
            SecurityStateStore store(path("pins.state"), f.carol.id);
            SecurityState state = store.load(accountKey, 0).value();
            QVERIFY(state.pins.checkMembers(f.state, 1).ok());
            QVERIFY(store.save(state, accountKey).ok());
        }
        SecurityStateStore store(path("pins.state"), f.carol.id);
        SecurityState state = store.load(accountKey, 0).value();
        const QUuid forgedFolder = QUuid::createUuid();
        const UserKeys serverKeys = UserKeys::generate();
        MembershipState forged(forgedFolder);
        QVERIFY(forged
                    .apply(MembershipLog::create(forgedFolder, f.alice.id, serverKeys,
                                                 FolderKeyRing::generateKey(), 3000))
                    .ok());
        QVERIFY(MembershipLog::replay(forgedFolder,
                                      {MembershipLog::create(forgedFolder, f.alice.id, serverKeys,
                                                             FolderKeyRing::generateKey(), 3000)},
                                      state.checkpoint(forgedFolder))
                    .ok()); // the log alone is consistent
        const Status checked = state.pins.checkMembers(forged, 4);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, ErrorCode::Denied);
        QVERIFY(state.pins.isBlocked(f.alice.id));
    }

    void missingFile()
    {
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        SecurityStateStore fresh(path("none.state"), QUuid::createUuid());
        QVERIFY(fresh.load(accountKey, 0).ok());
        QVERIFY(!QFile::exists(path("none.state")));
        const Result<SecurityState> deleted = fresh.load(accountKey, 3);
        QVERIFY(!deleted.ok());
        QCOMPARE(deleted.error().code, ErrorCode::Corrupt);
        QVERIFY(fresh.lastKdf().ok());
        QVERIFY(!fresh.lastKdf()->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSecurityStateStore)
#include "TestSecurityStateStore.moc"
