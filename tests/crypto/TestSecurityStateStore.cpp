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
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

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

// sampleState with `items` more item records in a second folder, as a first sync leaves them.
SecurityState largerState(const FolderFixture& f, const QUuid& folder, int items)
{
    SecurityState state = sampleState(f);
    state.acceptFolderState(folder, 2, QByteArray(32, 'q'));
    for (int i = 0; i < items; ++i)
        state.acceptItem(folder, QUuid::createUuid(), {1, QByteArray(32, char('a' + i % 26))});
    return state;
}

// Every value the store keeps, as a QTest failure naming the first difference.
bool sameState(const SecurityState& a, const SecurityState& b)
{
    if (a.pins.serialize() != b.pins.serialize() || a.folders.size() != b.folders.size() ||
        a.items.size() != b.items.size() || a.lastKdf.has_value() != b.lastKdf.has_value())
        return false;
    for (const auto& [id, f] : a.folders) {
        const auto it = b.folders.find(id);
        if (it == b.folders.end() || it->second.log.length != f.log.length ||
            it->second.log.headHash != f.log.headHash || it->second.writeSequence != f.writeSequence ||
            it->second.stateHash != f.stateHash)
            return false;
    }
    for (const auto& [key, seen] : a.items) {
        const auto it = b.items.find(key);
        if (it == b.items.end() || it->second.revision != seen.revision || it->second.hash != seen.hash)
            return false;
    }
    return true;
}

constexpr qsizetype kChangeHeader = 25 + 8 + 24 + 4;

// Where each change record of a store file starts, after the base.
QList<qsizetype> recordStarts(const QByteArray& file)
{
    QList<qsizetype> starts;
    qsizetype pos = SecurityStateStore::kHeaderSize + SecurityStateStore::kNonceSize + 4 +
                    qFromBigEndian<quint32>(file.constData() + SecurityStateStore::kHeaderSize +
                                            SecurityStateStore::kNonceSize);
    while (pos + kChangeHeader <= file.size()) {
        starts.append(pos);
        pos += kChangeHeader + qFromBigEndian<quint32>(file.constData() + pos + kChangeHeader - 4);
    }
    return starts;
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
        state.markAllChanged(); // changed past accept*()
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

    void changesAreAppended()
    {
        // One accepted change costs a record of its own size, not a rewrite of every item's
        // record; a restarted client reads the base and every record after it, and appends
        // after them.
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("journal.state");
        QFile::remove(file);
        SecurityStateStore store(file, account);
        QVERIFY(store.load(accountKey, 0).ok());
        const QUuid other = QUuid::createUuid();
        SecurityState state = largerState(f, other, 1000);
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 0);
        const qint64 base = QFileInfo(file).size();
        QVERIFY(base > 1000 * 72);

        // An item moved on, a new item, a folder record moved on.
        const auto first = state.items.lower_bound({other, QUuid()});
        const std::pair<QUuid, QUuid> changed = first->first;
        state.acceptItem(other, changed.second, {2, QByteArray(32, 'n')});
        state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'w')});
        state.acceptFolderState(f.folderId, 8, QByteArray(32, 't'));
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.generation(), quint64(2));
        QCOMPARE(store.changeRecords(), 1);
        const qint64 afterOne = QFileInfo(file).size();
        QVERIFY2(afterOne - base < 400, QByteArray::number(afterOne - base).constData());
        // An item and a folder record removed (a folder wiped here).
        state.items.erase(std::next(first));
        state.folders.erase(other);
        state.markAllChanged();
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 2);
        QVERIFY(QFileInfo(file).size() - afterOne < 300);

        SecurityStateStore restarted(file, account);
        Result<SecurityState> loaded = restarted.load(accountKey, 3);
        QVERIFY(loaded.ok());
        QCOMPARE(restarted.generation(), quint64(3));
        QCOMPARE(restarted.changeRecords(), 2);
        QVERIFY(sameState(*loaded, state));
        QCOMPARE(loaded->seen(other, changed.second)->revision, quint64(2));
        QVERIFY(!loaded->folders.count(other));

        state.acceptItem(other, changed.second, {3, QByteArray(32, 'm')});
        QVERIFY(restarted.save(state, accountKey).ok());
        QCOMPARE(restarted.changeRecords(), 3);
        SecurityStateStore again(file, account);
        loaded = again.load(accountKey, 4);
        QVERIFY(loaded.ok());
        QVERIFY(sameState(*loaded, state));
    }

    void copiesAreComparedInFull()
    {
        // Only the object saved last writes just what accept*() touched; a copy of it, or a
        // state assigned over it, is compared record by record, so no change is left out.
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("copies.state");
        QFile::remove(file);
        SecurityStateStore store(file, account);
        QVERIFY(store.load(accountKey, 0).ok());
        SecurityState state = sampleState(f);
        QVERIFY(store.save(state, accountKey).ok());
        QVERIFY(!state.touched.all);

        SecurityState copy = state;
        QVERIFY(copy.touched.all);
        copy.items[{f.folderId, QUuid::createUuid()}] = {1, QByteArray(32, 'c')};
        QVERIFY(store.save(copy, accountKey).ok());
        QCOMPARE(store.changeRecords(), 1);
        SecurityState other = copy;
        other.items[{f.folderId, QUuid::createUuid()}] = {1, QByteArray(32, 'd')};
        state = other;
        QVERIFY(state.touched.all);
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 2);

        SecurityStateStore restarted(file, account);
        const Result<SecurityState> loaded = restarted.load(accountKey, 3);
        QVERIFY(loaded.ok());
        QVERIFY(sameState(*loaded, other));
    }

    void changeRecordTamperingIsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("a record's tag") << "tag";
        QTest::newRow("a record's generation") << "generation";
        QTest::newRow("a record's nonce") << "nonce";
        QTest::newRow("a record's length, shorter") << "shorter";
        QTest::newRow("a record's length, longer") << "longer";
        QTest::newRow("a record's ciphertext") << "ciphertext";
        QTest::newRow("a record's Poly1305 tag") << "mac";
        QTest::newRow("two records swapped") << "swapped";
        QTest::newRow("a record taken out of the middle") << "middle";
        QTest::newRow("the last record taken off") << "last";
        QTest::newRow("the last record cut short") << "cut";
        QTest::newRow("a record of another file of the account") << "other file";
        QTest::newRow("a record of another account") << "other account";
        QTest::newRow("the base altered under its records") << "base";
    }

    void changeRecordTamperingIsRefused()
    {
        // Someone with disk access alters, reorders, drops or splices change records: the
        // store refuses to load (a Corrupt error, never a state without the change), with the
        // generation the client remembered.
        QFETCH(QString, damage);
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        auto make = [&](const char* name, const QUuid& owner, const SecureBytes& key) {
            const QString file = path(name);
            QFile::remove(file);
            SecurityStateStore store(file, owner);
            SecurityState state = store.load(key, 0).value();
            state = sampleState(f);
            for (int i = 0; i < 4; ++i) {
                state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, char('c' + i))});
                if (!store.save(state, key).ok())
                    return QByteArray();
            }
            return readAll(file);
        };
        QByteArray bytes = make("tampered.state", account, accountKey); // base (1) and records 2-4
        const QByteArray otherFile = make("other.state", account, accountKey);
        const QByteArray otherAccount =
            make("foreign.state", QUuid::createUuid(), AccountKeys::generateAccountKey());
        const QList<qsizetype> starts = recordStarts(bytes);
        QCOMPARE(starts.size(), 3);
        auto record = [](const QByteArray& file, int i) {
            const QList<qsizetype> at = recordStarts(file);
            return file.mid(at[i], (i + 1 < at.size() ? at[i + 1] : file.size()) - at[i]);
        };
        const qsizetype second = starts[1];
        if (damage == u"tag")
            bytes[second + 3] = char(bytes[second + 3] ^ 0x01);
        else if (damage == u"generation")
            bytes[second + 25 + 7] = char(bytes[second + 25 + 7] ^ 0x01);
        else if (damage == u"nonce")
            bytes[second + 33 + 5] = char(bytes[second + 33 + 5] ^ 0x01);
        else if (damage == u"shorter")
            bytes[second + kChangeHeader - 1] = char(bytes[second + kChangeHeader - 1] - 1);
        else if (damage == u"longer")
            bytes[second + kChangeHeader - 1] = char(bytes[second + kChangeHeader - 1] + 1);
        else if (damage == u"ciphertext")
            bytes[second + kChangeHeader + 2] = char(bytes[second + kChangeHeader + 2] ^ 0x01);
        else if (damage == u"mac")
            bytes[starts[2] - 1] = char(bytes[starts[2] - 1] ^ 0x80);
        else if (damage == u"swapped")
            bytes = bytes.left(starts[0]) + record(bytes, 1) + record(bytes, 0) + record(bytes, 2);
        else if (damage == u"middle")
            bytes = bytes.left(starts[0]) + record(bytes, 0) + record(bytes, 2);
        else if (damage == u"last")
            bytes.truncate(starts[2]);
        else if (damage == u"cut")
            bytes.chop(5);
        else if (damage == u"other file")
            bytes = bytes.left(starts[2]) + record(otherFile, 2);
        else if (damage == u"other account")
            bytes = bytes.left(starts[2]) + record(otherAccount, 2);
        else if (damage == u"base")
            bytes[SecurityStateStore::kHeaderSize + 10] =
                char(bytes[SecurityStateStore::kHeaderSize + 10] ^ 0x01);
        const QString file = path("tampered.state");
        writeAll(file, bytes);
        SecurityStateStore store(file, account);
        const Result<SecurityState> loaded = store.load(accountKey, 4);
        QVERIFY2(!loaded.ok(), "a tampered state loaded");
        QCOMPARE(loaded.error().code, ErrorCode::Corrupt);
        QVERIFY(!loaded.error().message.isEmpty());
    }

    void recordCutShortIsNotPartOfTheState_data()
    {
        QTest::addColumn<int>("kept");
        QTest::newRow("1 byte of the tag") << 1;
        QTest::newRow("the tag and half the generation") << 29;
        QTest::newRow("the header") << int(kChangeHeader);
        QTest::newRow("all but the last byte") << -1;
    }

    void recordCutShortIsNotPartOfTheState()
    {
        // The computer stopped while a change was written: the start of that record stays in
        // the file. It is not part of the state (its generation was never remembered), the
        // file loads with the state before it, and the next save writes over it.
        QFETCH(int, kept);
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("cut.state");
        QFile::remove(file);
        SecurityState state;
        QByteArray full;
        {
            SecurityStateStore store(file, account);
            QVERIFY(store.load(accountKey, 0).ok());
            state = sampleState(f);
            QVERIFY(store.save(state, accountKey).ok());
            state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'x')});
            QVERIFY(store.save(state, accountKey).ok());
            full = readAll(file);
        }
        const SecurityState before = state;
        {
            SecurityStateStore store(file, account);
            QVERIFY(store.load(accountKey, 2).ok());
            SecurityState lost = state;
            lost.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'y')});
            QVERIFY(store.save(lost, accountKey).ok());
        }
        const QByteArray third = readAll(file);
        const qsizetype cut = full.size() + (kept > 0 ? kept : third.size() - full.size() - 1);
        writeAll(file, third.left(cut));

        SecurityStateStore restarted(file, account);
        Result<SecurityState> loaded = restarted.load(accountKey, 2);
        QVERIFY(loaded.ok());
        QCOMPARE(restarted.generation(), quint64(2));
        QVERIFY(sameState(*loaded, before));
        QVERIFY(restarted.isCurrent());
        state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'z')});
        QVERIFY(restarted.save(state, accountKey).ok());
        QCOMPARE(restarted.generation(), quint64(3));
        SecurityStateStore again(file, account);
        loaded = again.load(accountKey, 3);
        QVERIFY(loaded.ok());
        QVERIFY(sameState(*loaded, state));
    }

    void leftOversAreNotPartOfTheState_data()
    {
        QTest::addColumn<QString>("tail");
        QTest::newRow("bytes after the base") << "after base";
        QTest::newRow("bytes after the last record") << "junk";
        QTest::newRow("a whole record the disk kept garbled") << "garbled";
        QTest::newRow("a shorter record over a longer unfinished one") << "over";
    }

    void leftOversAreNotPartOfTheState()
    {
        // What follows the last record that opens is what an unfinished write left (the disk
        // need not keep a clean start of it): not part of the state, never an error, written
        // over by the next save. Only the remembered generation decides whether records are
        // missing.
        QFETCH(QString, tail);
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("leftover.state");
        QFile::remove(file);
        SecurityState state;
        {
            SecurityStateStore store(file, account);
            QVERIFY(store.load(accountKey, 0).ok());
            state = sampleState(f);
            QVERIFY(store.save(state, accountKey).ok());
            if (tail != u"after base") {
                state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'x')});
                QVERIFY(store.save(state, accountKey).ok());
            }
        }
        const quint64 remembered = tail == u"after base" ? 1 : 2;
        const QByteArray good = readAll(file);
        // A change written from the good file by a store of its own: its bytes after `good`.
        auto nextRecord = [&](int items) {
            writeAll(file, good);
            SecurityStateStore writer(file, account);
            SecurityState next = writer.load(accountKey, remembered).value();
            for (int i = 0; i < items; ++i)
                next.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'n')});
            if (!writer.save(next, accountKey).ok())
                return QByteArray();
            return readAll(file).mid(good.size());
        };
        QByteArray bytes = good;
        SecurityState expected = state;
        if (tail == u"after base" || tail == u"junk") {
            bytes += QByteArray("left over");
        } else if (tail == u"garbled") {
            QByteArray record = nextRecord(1);
            record[record.size() / 2] = char(record[record.size() / 2] ^ 0x01);
            bytes += record;
        } else {
            const QByteArray longer = nextRecord(40);
            writeAll(file, good);
            SecurityStateStore writer(file, account);
            expected = writer.load(accountKey, remembered).value();
            expected.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 's')});
            QVERIFY(writer.save(expected, accountKey).ok());
            const QByteArray shorter = readAll(file).mid(good.size());
            QVERIFY(shorter.size() < longer.size());
            bytes = good + shorter + longer.mid(shorter.size());
        }
        writeAll(file, bytes);
        const quint64 last = tail == u"over" ? remembered + 1 : remembered;
        SecurityStateStore restarted(file, account);
        Result<SecurityState> loaded = restarted.load(accountKey, last);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(restarted.generation(), last);
        QVERIFY(sameState(*loaded, expected));
        // Cutting off the last good record is still caught by the remembered generation.
        QVERIFY(!SecurityStateStore::open(bytes, accountKey, account, last + 1).ok());

        SecurityState more = std::move(loaded).value();
        more.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'z')});
        QVERIFY(restarted.save(more, accountKey).ok());
        SecurityStateStore again(file, account);
        loaded = again.load(accountKey, last + 1);
        QVERIFY(loaded.ok());
        QVERIFY(sameState(*loaded, more));
        QVERIFY(!readAll(file).contains("left over"));
    }

    void newBaseWhenPinsOrKdfChangeOrRecordsGrow()
    {
        // The pins and the KDF parameters are written only in a base; and the records never
        // grow past half the base (at least 64 KiB) before a new base replaces them.
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("compact.state");
        QFile::remove(file);
        SecurityStateStore store(file, account);
        QVERIFY(store.load(accountKey, 0).ok());
        SecurityState state = sampleState(f);
        QVERIFY(store.save(state, accountKey).ok());
        state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'a')});
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 1);

        QVERIFY(state.pins.check(f.carol.id, f.carol.keys.identityPublicKey(), 9).ok());
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 0);
        QCOMPARE(QFileInfo(file).size(), SecurityStateStore::seal(state, accountKey, account, 3).size());
        state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'b')});
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 1);
        state.lastKdf->opsLimit += 1;
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 0);

        // A change larger than the limit on the records (a first sync's) is a new base.
        for (int i = 0; i < 1000; ++i)
            state.acceptItem(QUuid::createUuid(), QUuid::createUuid(), {1, QByteArray(32, 'l')});
        QVERIFY(store.save(state, accountKey).ok());
        QCOMPARE(store.changeRecords(), 0);
        QCOMPARE(QFileInfo(file).size(),
                 SecurityStateStore::seal(state, accountKey, account, store.generation()).size());

        qint64 largest = 0;
        bool rewritten = false;
        for (int i = 0; i < 600; ++i) {
            state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'c')});
            const int before = store.changeRecords();
            QVERIFY(store.save(state, accountKey).ok());
            rewritten = rewritten || store.changeRecords() < before;
            largest = std::max(largest, QFileInfo(file).size());
        }
        QVERIFY(rewritten);
        const qint64 base = SecurityStateStore::seal(state, accountKey, account, 1).size();
        QVERIFY2(largest <= base + SecurityStateStore::kMinJournalBytes + 1024,
                 QByteArray::number(largest).constData());
        SecurityStateStore restarted(file, account);
        const Result<SecurityState> loaded = restarted.load(accountKey, store.generation());
        QVERIFY(loaded.ok());
        QVERIFY(sameState(*loaded, state));
    }

    void anotherWritersFileIsNotAppendedTo()
    {
        // Two store objects over one file (the sync layer's and the account client's, which
        // writes the KDF parameters): one never appends to or replaces what the other wrote
        // since it read the file; it reads the file again first.
        FolderFixture f;
        const QUuid account = QUuid::createUuid();
        const SecureBytes accountKey = AccountKeys::generateAccountKey();
        const QString file = path("two.state");
        QFile::remove(file);
        SecurityStateStore sync(file, account);
        QVERIFY(sync.load(accountKey, 0).ok());
        SecurityState state = sampleState(f);
        QVERIFY(sync.save(state, accountKey).ok());
        QVERIFY(sync.isCurrent());

        for (const bool newBase : {false, true}) {
            SecurityStateStore other(file, account);
            SecurityState theirs = other.load(accountKey, sync.generation()).value();
            if (newBase)
                theirs.lastKdf->opsLimit += 1;
            else
                theirs.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 'o')});
            QVERIFY(other.save(theirs, accountKey).ok());
            QCOMPARE(other.changeRecords(), newBase ? 0 : 1);
            const QByteArray written = readAll(file);
            QVERIFY(!sync.isCurrent());
            state.acceptItem(f.folderId, QUuid::createUuid(), {1, QByteArray(32, 's')});
            QVERIFY(!sync.save(state, accountKey).ok());
            QCOMPARE(readAll(file), written);
            // Nor a new base (the pins changed).
            SecurityState withPin = state;
            QVERIFY(withPin.pins.check(f.carol.id, f.carol.keys.identityPublicKey(), 9).ok());
            QVERIFY(!sync.save(withPin, accountKey).ok());
            QCOMPARE(readAll(file), written);
            // Read again, then saved: nothing of the other writer's is lost.
            const SecurityState current = sync.load(accountKey, other.generation()).value();
            QVERIFY(sameState(current, theirs));
            state = current;
            QVERIFY(sync.save(state, accountKey).ok());
            QVERIFY(!other.isCurrent());
        }
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
