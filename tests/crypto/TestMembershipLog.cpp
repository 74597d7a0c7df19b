// Membership log: replay with rights checked at each entry, hash chain, signatures, at least
// one manager, and rollback / truncation / fork detection against a remembered checkpoint.
#include "FolderFixture.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyCommitment.h"

#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

class TestMembershipLog : public QObject
{
    Q_OBJECT

private slots:
    void replayValidLog()
    {
        FolderFixture f;
        TestMember dave;
        f.add(dave, FolderRole::View);
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys, dave.id,
                                     {}, FolderRole::Manage));
        // dave, now a manager, may remove carol; bob may leave; dave rotates.
        f.append(MembershipLog::next(f.state, MembershipAction::Remove, dave.id, dave.keys, f.carol.id));
        QVERIFY(f.state.rotationPending());
        f.append(MembershipLog::next(f.state, MembershipAction::Leave, f.bob.id, f.bob.keys));
        f.rotate(dave);
        QVERIFY(!f.state.rotationPending());

        QList<QByteArray> bytes;
        for (const MembershipEntry& entry : f.log)
            bytes << entry.serialize();
        Result<MembershipState> state = MembershipLog::replayBytes(f.folderId, bytes, std::nullopt);
        QVERIFY2(state.ok(), state.ok() ? "" : qPrintable(state.error().message));
        QCOMPARE(state->length(), quint64(f.log.size()));
        QCOMPARE(state->currentKeyVersion(), 2u);
        QCOMPARE(state->roleOf(f.alice.id), FolderRole::Manage);
        QCOMPARE(state->roleOf(dave.id), FolderRole::Manage);
        QCOMPARE(state->roleOf(f.bob.id), FolderRole::None);
        QCOMPARE(state->roleOf(f.carol.id), FolderRole::None);
        QCOMPARE(state->identityKeyOf(f.carol.id), f.carol.keys.identityPublicKey()); // former member
        QCOMPARE(state->highestRoleDuring(dave.id, 1), FolderRole::Manage);
        QCOMPARE(state->highestRoleDuring(f.bob.id, 1), FolderRole::Edit);
        QCOMPARE(state->headHash(), f.log.last().hash());
    }

    // Where a member's role or key last changed: each kind of entry about them moves it to the
    // log's new length; entries they only sign, and rotations, do not.
    void lastChangeOfEachAction()
    {
        FolderFixture f;
        TestMember dave;
        QCOMPARE(f.state.lastChangeOf(dave.id), quint64(0));
        QCOMPARE(f.state.lastChangeOf(f.alice.id), quint64(1));
        QCOMPARE(f.state.lastChangeOf(f.carol.id), f.state.length());
        const quint64 carolAdded = f.state.length();
        f.add(dave, FolderRole::View);
        QCOMPARE(f.state.lastChangeOf(dave.id), f.state.length());
        QCOMPARE(f.state.lastChangeOf(f.alice.id), quint64(1)); // signed, not changed
        QCOMPARE(f.state.lastChangeOf(f.carol.id), carolAdded);
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys, dave.id,
                                     {}, FolderRole::Edit));
        QCOMPARE(f.state.lastChangeOf(dave.id), f.state.length());
        const TestMember newDave{dave.id, UserKeys::generate()};
        f.append(MembershipLog::next(f.state, MembershipAction::ConfirmKey, f.alice.id, f.alice.keys, dave.id,
                                     newDave.keys.identityPublicKey()));
        QCOMPARE(f.state.lastChangeOf(dave.id), f.state.length());
        const quint64 confirmed = f.state.length();
        f.rotate(f.alice);
        QCOMPARE(f.state.lastChangeOf(dave.id), confirmed);
        f.append(MembershipLog::next(f.state, MembershipAction::Remove, f.alice.id, f.alice.keys, dave.id));
        QCOMPARE(f.state.lastChangeOf(dave.id), f.state.length());
        f.append(MembershipLog::next(f.state, MembershipAction::Leave, f.carol.id, f.carol.keys));
        QCOMPARE(f.state.lastChangeOf(f.carol.id), f.state.length());
    }

    void rightsCheckedAtEachEntry_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("signer");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("reason");
        const auto add = int(MembershipAction::Add);
        const auto remove = int(MembershipAction::Remove);
        const auto changeRole = int(MembershipAction::ChangeRole);
        const auto rotate = int(MembershipAction::Rotate);
        const auto leave = int(MembershipAction::Leave);
        const auto create = int(MembershipAction::Create);
        const auto view = int(FolderRole::View);
        const auto manage = int(FolderRole::Manage);
        const auto none = int(FolderRole::None);
        QTest::newRow("edit member adds") << add << "bob"
                                          << "dave" << view << "Manage role";
        QTest::newRow("view member adds") << add << "carol"
                                          << "dave" << view << "Manage role";
        QTest::newRow("edit member removes") << remove << "bob"
                                             << "carol" << none << "Manage role";
        QTest::newRow("view member promotes self") << changeRole << "carol"
                                                   << "carol" << manage << "Manage role";
        QTest::newRow("edit member rotates") << rotate << "bob"
                                             << "" << none << "Manage role";
        QTest::newRow("outsider adds") << add << "dave"
                                       << "eve" << view << "not a member";
        QTest::newRow("last manager leaves") << leave << "alice"
                                             << "alice" << none << "one manager";
        QTest::newRow("last manager demoted") << changeRole << "alice"
                                              << "alice" << view << "one manager";
        QTest::newRow("second create") << create << "alice"
                                       << "alice" << manage << "start";
        QTest::newRow("add existing member") << add << "alice"
                                             << "bob" << view << "not valid";
        QTest::newRow("remove non-member") << remove << "alice"
                                           << "dave" << none << "not valid";
        QTest::newRow("add with no role") << add << "alice"
                                          << "dave" << none << "not valid";
        QTest::newRow("manager removes self") << remove << "alice"
                                              << "alice" << none << "not valid";
        const auto confirm = int(MembershipAction::ConfirmKey);
        QTest::newRow("edit member confirms a key") << confirm << "bob"
                                                    << "carol" << none << "Manage role";
        QTest::newRow("manager confirms an unchanged key") << confirm << "alice"
                                                           << "carol" << none << "not valid";
        QTest::newRow("key confirmed for a non-member") << confirm << "alice"
                                                        << "dave" << none << "not valid";
    }

    void rightsCheckedAtEachEntry()
    {
        QFETCH(int, action);
        QFETCH(QString, signer);
        QFETCH(QString, subject);
        QFETCH(int, role);
        QFETCH(QString, reason);
        FolderFixture f;
        TestMember dave;
        TestMember eve;
        const auto who = [&](const QString& name) -> const TestMember* {
            if (name == QLatin1String("alice"))
                return &f.alice;
            if (name == QLatin1String("bob"))
                return &f.bob;
            if (name == QLatin1String("carol"))
                return &f.carol;
            if (name == QLatin1String("dave"))
                return &dave;
            if (name == QLatin1String("eve"))
                return &eve;
            return nullptr;
        };
        const TestMember* s = who(signer);
        const TestMember* subj = who(subject);
        const MembershipEntry entry =
            MembershipLog::next(f.state, MembershipAction(action), s->id, s->keys, subj ? subj->id : QUuid(),
                                subj ? subj->keys.identityPublicKey() : QByteArray(), FolderRole(role));
        const quint64 before = f.state.length();
        const Status applied = f.state.apply(entry);
        QVERIFY(!applied.ok());
        QVERIFY2(applied.error().message.contains(reason), qPrintable(applied.error().message));
        QCOMPARE(f.state.length(), before); // nothing applied

        // The same entry inside a whole log is refused on replay as well.
        QList<MembershipEntry> log = f.log;
        log << entry;
        QVERIFY(!MembershipLog::replay(f.folderId, log, std::nullopt).ok());
    }

    void nonCanonicalEntryRejected_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<bool>("withSubject");
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("commitment"); // 0 as canonical, 1 missing, 2 where none belongs
        const auto none = int(FolderRole::None);
        QTest::newRow("remove carrying a key") << int(MembershipAction::Remove) << true << true << none << 0;
        QTest::newRow("remove carrying a role")
            << int(MembershipAction::Remove) << false << true << int(FolderRole::Edit) << 0;
        QTest::newRow("change role carrying a key")
            << int(MembershipAction::ChangeRole) << true << true << int(FolderRole::Edit) << 0;
        QTest::newRow("rotate naming a subject")
            << int(MembershipAction::Rotate) << false << true << none << 0;
        QTest::newRow("rotate carrying a role")
            << int(MembershipAction::Rotate) << false << false << int(FolderRole::View) << 0;
        QTest::newRow("rotate carrying a key") << int(MembershipAction::Rotate) << true << false << none << 0;
        QTest::newRow("leave carrying a role")
            << int(MembershipAction::Leave) << false << true << int(FolderRole::Manage) << 0;
        QTest::newRow("leave carrying a key") << int(MembershipAction::Leave) << true << true << none << 0;
        QTest::newRow("rotate without a commitment")
            << int(MembershipAction::Rotate) << false << false << none << 1;
        QTest::newRow("remove carrying a commitment")
            << int(MembershipAction::Remove) << false << true << none << 2;
        QTest::newRow("leave carrying a commitment")
            << int(MembershipAction::Leave) << false << true << none << 2;
        QTest::newRow("confirm key carrying a role")
            << int(MembershipAction::ConfirmKey) << true << true << int(FolderRole::Edit) << 0;
        QTest::newRow("confirm key carrying a commitment")
            << int(MembershipAction::ConfirmKey) << true << true << none << 2;
    }

    void nonCanonicalEntryRejected()
    {
        // Every entry has exactly one encoding: fields an action does not use stay empty.
        QFETCH(int, action);
        QFETCH(bool, withKey);
        QFETCH(bool, withSubject);
        QFETCH(int, role);
        QFETCH(int, commitment);
        FolderFixture f;
        const auto act = MembershipAction(action);
        // carol leaves herself; alice signs everything else, about carol.
        const TestMember& signer = act == MembershipAction::Leave ? f.carol : f.alice;
        const QUuid subject = withSubject ? f.carol.id : QUuid();
        // A key confirmation carries carol's new key; other actions carry her current one.
        const UserKeys carolsNewKeys = UserKeys::generate();
        const QByteArray newKey = carolsNewKeys.identityPublicKey();
        const QByteArray key = !withKey                              ? QByteArray()
                               : act == MembershipAction::ConfirmKey ? newKey
                                                                     : f.carol.keys.identityPublicKey();
        const QByteArray rightCommitment =
            act == MembershipAction::Rotate
                ? KeyCommitment::of(FolderKeyRing::generateKey(), f.folderId, f.state.currentKeyVersion() + 1)
                : QByteArray();
        const QByteArray usedCommitment = commitment == 0   ? rightCommitment
                                          : commitment == 1 ? QByteArray()
                                                            : QByteArray(32, 'c');
        const quint64 before = f.state.length();
        const Status applied = f.state.apply(MembershipLog::next(
            f.state, act, signer.id, signer.keys, subject, key, FolderRole(role), 0, usedCommitment));
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().code, ErrorCode::Protocol);
        QCOMPARE(f.state.length(), before);

        // The canonical form of the same entry is accepted.
        const bool keepsRole = act == MembershipAction::ChangeRole;
        const QUuid canonicalSubject = act == MembershipAction::Rotate ? QUuid() : f.carol.id;
        const QByteArray canonicalKey = act == MembershipAction::ConfirmKey ? newKey : QByteArray();
        const QByteArray canonicalCommitment =
            act == MembershipAction::Rotate
                ? KeyCommitment::of(FolderKeyRing::generateKey(), f.folderId, f.state.currentKeyVersion() + 1)
                : QByteArray();
        QVERIFY(f.state
                    .apply(MembershipLog::next(f.state, act, signer.id, signer.keys, canonicalSubject,
                                               canonicalKey, keepsRole ? FolderRole(role) : FolderRole::None,
                                               0, canonicalCommitment))
                    .ok());
    }

    void confirmedKeyLetsMemberSignAgain()
    {
        // bob reinstalled and has a new identity key. Until a manager binds it in the log his
        // new signatures are refused; after the confirmation (and the rotation it calls for)
        // they verify, while what he signed before still reads in history.
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope before = f.seal(f.bob, item, "old key");
        TestMember newBob{f.bob.id, UserKeys::generate()};
        const ItemEnvelope early = f.seal(newBob, QUuid::createUuid(), "too early");
        QCOMPARE(ItemReader::check(early, f.expect(early.header().itemId), f.state).error().code,
                 ErrorCode::Crypto);

        // Neither bob himself nor a non-manager may bind it.
        MembershipState copy = f.state;
        QVERIFY(!copy.apply(MembershipLog::next(f.state, MembershipAction::ConfirmKey, f.bob.id, f.bob.keys,
                                                f.bob.id, newBob.keys.identityPublicKey()))
                     .ok());
        QVERIFY(!copy.apply(MembershipLog::next(f.state, MembershipAction::ConfirmKey, f.carol.id,
                                                f.carol.keys, f.bob.id, newBob.keys.identityPublicKey()))
                     .ok());

        f.append(MembershipLog::next(f.state, MembershipAction::ConfirmKey, f.alice.id, f.alice.keys,
                                     f.bob.id, newBob.keys.identityPublicKey(), FolderRole::None, 4000));
        QCOMPARE(f.state.identityKeyOf(f.bob.id), newBob.keys.identityPublicKey());
        QCOMPARE(f.state.roleOf(f.bob.id), FolderRole::Edit);
        QVERIFY(f.state.rotationPending()); // the old key's device may still hold key version 1
        f.rotate(f.alice);

        const QUuid fresh = QUuid::createUuid();
        QVERIFY(
            ItemReader::open(f.seal(newBob, fresh, "new key").serialize(), f.expect(fresh), f.state, f.ring)
                .ok());
        // The old key no longer signs anything new...
        QCOMPARE(ItemReader::check(f.seal(f.bob, fresh, "old key"), f.expect(fresh), f.state).error().code,
                 ErrorCode::Crypto);
        // ...but what it signed while it was bound still reads in history.
        ItemReader::Expectation history = f.expect(item);
        history.historical = true;
        QVERIFY(ItemReader::open(before.serialize(), history, f.state, f.ring).ok());
        // Log entries by bob verify under the new key from now on.
        QVERIFY(
            f.state.apply(MembershipLog::next(f.state, MembershipAction::Leave, f.bob.id, newBob.keys)).ok());
        // The whole log replays the same.
        QVERIFY(MembershipLog::replay(f.folderId, f.log, std::nullopt).ok());
    }

    void handBuiltLeaveBySomeoneElseRefused()
    {
        // The entry builder always makes a leave's subject its signer, so this entry is built
        // byte by byte: alice (a manager, whose signature verifies) "leaves" on carol's behalf.
        FolderFixture f;
        const auto raw = [&](const QUuid& signer, const QUuid& subject, const UserKeys& keys) {
            QByteArray bytes = ByteWriter(DomainTags::kLogEntry)
                                   .uuid(f.folderId)
                                   .u64(f.state.length())
                                   .fixed(f.state.headHash())
                                   .u8(quint8(MembershipAction::Leave))
                                   .uuid(signer)
                                   .uuid(subject)
                                   .fixed(QByteArray(32, '\0'))
                                   .u8(quint8(FolderRole::None))
                                   .u32(f.state.currentKeyVersion())
                                   .fixed(QByteArray(32, '\0')) // no key commitment
                                   .u64(3000)
                                   .bytes();
            return QByteArray(bytes + keys.sign(bytes));
        };
        Result<MembershipEntry> forged = MembershipEntry::parse(raw(f.alice.id, f.carol.id, f.alice.keys));
        QVERIFY(forged.ok());
        MembershipState copy = f.state;
        const Status applied = copy.apply(*forged);
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().code, ErrorCode::Protocol);
        QCOMPARE(copy.roleOf(f.carol.id), FolderRole::View);
        // Control: the same bytes with carol as signer and subject are a valid leave.
        Result<MembershipEntry> leave = MembershipEntry::parse(raw(f.carol.id, f.carol.id, f.carol.keys));
        QVERIFY(leave.ok());
        QVERIFY(copy.apply(*leave).ok());
        QVERIFY(!copy.isMember(f.carol.id));
    }

    void everyByteFlipRejected()
    {
        FolderFixture f;
        QList<QByteArray> bytes;
        for (const MembershipEntry& entry : f.log)
            bytes << entry.serialize();
        for (qsizetype e = 0; e < bytes.size(); ++e) {
            for (qsizetype i = 0; i < bytes[e].size(); ++i) {
                QList<QByteArray> tampered = bytes;
                tampered[e][i] = char(tampered[e][i] ^ 0x01);
                QVERIFY2(!MembershipLog::replayBytes(f.folderId, tampered, std::nullopt).ok(),
                         qPrintable(QStringLiteral("entry %1 byte %2").arg(e).arg(i)));
            }
        }
    }

    void reorderedOrDroppedEntriesRejected()
    {
        FolderFixture f;
        QList<MembershipEntry> swapped = f.log;
        swapped.swapItemsAt(1, 2);
        QVERIFY(!MembershipLog::replay(f.folderId, swapped, std::nullopt).ok());
        QList<MembershipEntry> dropped = f.log;
        dropped.removeAt(1);
        QVERIFY(!MembershipLog::replay(f.folderId, dropped, std::nullopt).ok());
        QList<MembershipEntry> headless = f.log.mid(1); // truncated at the start
        QVERIFY(!MembershipLog::replay(f.folderId, headless, std::nullopt).ok());
        QVERIFY(!MembershipLog::replay(QUuid::createUuid(), f.log, std::nullopt).ok()); // other folder
        QVERIFY(!MembershipLog::replay(f.folderId, {}, std::nullopt).ok());
    }

    void entryForgedByServerRejected()
    {
        // The server holds no member's key: an Add signed with its own key claiming to be
        // alice fails the signature check.
        FolderFixture f;
        const UserKeys server = UserKeys::generate();
        TestMember spy;
        const MembershipEntry forged =
            MembershipLog::next(f.state, MembershipAction::Add, f.alice.id, server, spy.id,
                                spy.keys.identityPublicKey(), FolderRole::Manage);
        const Status applied = f.state.apply(forged);
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().code, ErrorCode::Crypto);
    }

    void rollbackAndForkDetected()
    {
        FolderFixture f;
        const LogCheckpoint seen = f.state.checkpoint();
        QCOMPARE(seen.length, quint64(3));

        // Same log and a longer one are fine.
        QVERIFY(MembershipLog::replay(f.folderId, f.log, seen).ok());
        TestMember dave;
        QList<MembershipEntry> longer = f.log;
        longer << MembershipLog::next(f.state, MembershipAction::Add, f.alice.id, f.alice.keys, dave.id,
                                      dave.keys.identityPublicKey(), FolderRole::View);
        QVERIFY(MembershipLog::replay(f.folderId, longer, seen).ok());

        // Rollback: the server replays the log as it was before carol was added.
        const Result<MembershipState> rolledBack = MembershipLog::replay(f.folderId, f.log.mid(0, 2), seen);
        QVERIFY(!rolledBack.ok());
        QVERIFY2(rolledBack.error().message.contains(QLatin1String("rollback")),
                 qPrintable(rolledBack.error().message));

        // Fork: a valid alternative history of the same length (carol added as Edit instead).
        QList<MembershipEntry> fork = f.log.mid(0, 2);
        MembershipState forkState(f.folderId);
        for (const MembershipEntry& entry : fork)
            QVERIFY(forkState.apply(entry).ok());
        fork << MembershipLog::next(forkState, MembershipAction::Add, f.alice.id, f.alice.keys, f.carol.id,
                                    f.carol.keys.identityPublicKey(), FolderRole::Edit, 2000);
        QVERIFY(MembershipLog::replay(f.folderId, fork, std::nullopt).ok()); // valid on its own
        const Result<MembershipState> forked = MembershipLog::replay(f.folderId, fork, seen);
        QVERIFY(!forked.ok());
        QVERIFY2(forked.error().message.contains(QLatin1String("fork")), qPrintable(forked.error().message));
    }
};

QTEST_GUILESS_MAIN(TestMembershipLog)
#include "TestMembershipLog.moc"
