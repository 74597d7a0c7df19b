// Item envelopes and ItemReader: every byte of header, nonce, ciphertext, tag and signature
// is protected; moved, swapped, rolled-back, forked, unchained and stale items, writes by
// View members and unknown formats are refused; padding hides sizes; nonces never repeat.
// While a rotation is pending, a write its folder state dates before the departure is read
// (a remaining editor's), and a lowered or departed member's write is refused however dated.
#include "FolderFixture.h"

#include <QTest>

#include <array>
#include <unordered_set>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
constexpr qsizetype kTagSize = 21; // "conclave.envelope.v1\0"
constexpr qsizetype kNonceAt = kTagSize + 1 + 1 + 16 + 16 + 16 + 4 + 8 + 32 + 16;
constexpr qsizetype kCiphertextAt = kNonceAt + 24 + 4;

QString text(const Result<ItemReader::Opened>& r)
{
    return r.ok() ? QStringLiteral("accepted") : r.error().message;
}

QByteArray plain(const ItemReader::Opened& opened)
{
    return opened.plaintext.view().toByteArray();
}
} // namespace

class TestItemReader : public QObject
{
    Q_OBJECT

private slots:
    void opensItemsMarkersAndFolderNames()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope env = f.seal(f.bob, item, "{\"name\":\"prod\"}");
        Result<ItemReader::Opened> opened =
            ItemReader::open(env.serialize(), f.expect(item), f.state, f.ring);
        QVERIFY2(opened.ok(), qPrintable(text(opened)));
        QCOMPARE(plain(*opened), QByteArray("{\"name\":\"prod\"}"));
        QCOMPARE(opened->authorId, f.bob.id);
        QCOMPARE(opened->revision, quint64(1));
        QCOMPARE(opened->hash, env.hash());
        QCOMPARE(opened->kind, ItemKind::Item);

        // Signed delete marker as revision 2.
        ItemEnvelope::Header h = f.header(f.alice, item, 2, env.hash());
        h.kind = ItemKind::DeleteMarker;
        const ItemEnvelope marker = ItemEnvelope::seal(h, {}, *f.ring.key(1), f.alice.keys).value();
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{1, env.hash()};
        Result<ItemReader::Opened> deleted = ItemReader::open(marker.serialize(), e, f.state, f.ring);
        QVERIFY2(deleted.ok(), qPrintable(text(deleted)));
        QCOMPARE(deleted->kind, ItemKind::DeleteMarker);
        QVERIFY(deleted->plaintext.isEmpty());
        // A delete marker that carries content is refused (it would hide data in a tombstone).
        const ItemEnvelope stuffed = ItemEnvelope::seal(h, "hidden", *f.ring.key(1), f.alice.keys).value();
        Result<ItemReader::Opened> refused = ItemReader::open(stuffed.serialize(), e, f.state, f.ring);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Corrupt);

        // The folder name is an item whose id is the folder id.
        ItemEnvelope::Header nameHeader = f.header(f.alice, f.folderId);
        nameHeader.kind = ItemKind::FolderName;
        const ItemEnvelope name =
            ItemEnvelope::seal(nameHeader, "Production", *f.ring.key(1), f.alice.keys).value();
        Result<ItemReader::Opened> named =
            ItemReader::open(name.serialize(), f.expect(f.folderId), f.state, f.ring);
        QVERIFY(named.ok());
        QCOMPARE(plain(*named), QByteArray("Production"));
        nameHeader.itemId = QUuid::createUuid();
        const ItemEnvelope misplaced =
            ItemEnvelope::seal(nameHeader, "X", *f.ring.key(1), f.alice.keys).value();
        QVERIFY(!ItemReader::open(misplaced.serialize(), f.expect(nameHeader.itemId), f.state, f.ring).ok());
    }

    void paddingHidesExactSize_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("ciphertextSize");
        QTest::newRow("empty") << 0 << 256 + 16;
        QTest::newRow("1") << 1 << 256 + 16;
        QTest::newRow("255") << 255 << 256 + 16;
        QTest::newRow("256") << 256 << 512 + 16;
        QTest::newRow("400") << 400 << 512 + 16;
    }

    void paddingHidesExactSize()
    {
        QFETCH(int, size);
        QFETCH(int, ciphertextSize);
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const QByteArray content(size, 'p');
        const ItemEnvelope env = f.seal(f.bob, item, content);
        QCOMPARE(env.ciphertext().size(), ciphertextSize);
        Result<ItemReader::Opened> opened =
            ItemReader::open(env.serialize(), f.expect(item), f.state, f.ring);
        QVERIFY(opened.ok());
        QCOMPARE(plain(*opened), content);
    }

    void everyByteFlipRejected_data()
    {
        QTest::addColumn<QString>("region");
        for (const char* region : {"header", "nonce", "length", "ciphertext", "tag", "signature"})
            QTest::newRow(region) << QString::fromLatin1(region);
    }

    void everyByteFlipRejected()
    {
        QFETCH(QString, region);
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const QByteArray bytes = f.seal(f.bob, item, QByteArray(300, 'c')).serialize();
        const qsizetype sigAt = bytes.size() - 64;
        const qsizetype tagAt = sigAt - 16;
        qsizetype from = 0;
        qsizetype to = 0;
        if (region == QLatin1String("header")) {
            to = kNonceAt;
        } else if (region == QLatin1String("nonce")) {
            from = kNonceAt;
            to = kNonceAt + 24;
        } else if (region == QLatin1String("length")) {
            from = kNonceAt + 24;
            to = kCiphertextAt;
        } else if (region == QLatin1String("ciphertext")) {
            from = kCiphertextAt;
            to = tagAt;
        } else if (region == QLatin1String("tag")) {
            from = tagAt;
            to = sigAt;
        } else {
            from = sigAt;
            to = bytes.size();
        }
        QVERIFY(to > from);
        for (qsizetype i = from; i < to; ++i) {
            for (const char mask : {char(0x01), char(0x80)}) {
                QByteArray tampered = bytes;
                tampered[i] = char(tampered[i] ^ mask);
                const Result<ItemReader::Opened> opened =
                    ItemReader::open(tampered, f.expect(item), f.state, f.ring);
                QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1").arg(i)));
            }
        }
    }

    void ciphertextTamperCaughtByAeadToo()
    {
        // Even with the signature check out of the way, the AEAD tag catches a changed byte.
        FolderFixture f;
        const ItemEnvelope env = f.seal(f.bob, QUuid::createUuid(), "x");
        QByteArray bytes = env.serialize();
        bytes[kCiphertextAt + 3] = char(bytes[kCiphertextAt + 3] ^ 0x01);
        Result<ItemEnvelope> parsed = ItemEnvelope::parse(bytes);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->decrypt(*f.ring.key(1)).ok());
        QVERIFY(ItemEnvelope::parse(env.serialize())->decrypt(*f.ring.key(1)).ok());
    }

    void movedItemRejected()
    {
        FolderFixture f;
        FolderFixture other;
        const QUuid item = QUuid::createUuid();
        const QByteArray bytes = f.seal(f.bob, item, "x").serialize();
        // The server lists f's item inside the other folder...
        ItemReader::Expectation e = other.expect(item);
        Result<ItemReader::Opened> opened = ItemReader::open(bytes, e, other.state, other.ring);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("moved")), qPrintable(text(opened)));
        // ...or under another org with the same folder id.
        e = f.expect(item);
        e.orgId = QUuid::createUuid();
        opened = ItemReader::open(bytes, e, f.state, f.ring);
        QVERIFY2(!opened.ok() && opened.error().message.contains(QLatin1String("moved")),
                 qPrintable(text(opened)));
    }

    void swappedIdRejected()
    {
        FolderFixture f;
        const QUuid a = QUuid::createUuid();
        const QUuid b = QUuid::createUuid();
        const QByteArray itemA = f.seal(f.bob, a, "a").serialize();
        QVERIFY(f.seal(f.bob, b, "b").serialize() != itemA);
        const Result<ItemReader::Opened> opened = ItemReader::open(itemA, f.expect(b), f.state, f.ring);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("swapped")), qPrintable(text(opened)));
    }

    void revisionOrderEnforced()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope r1 = f.seal(f.bob, item, "one");
        const ItemEnvelope r2 = f.seal(f.alice, item, "two", 2, r1.hash());
        const ItemEnvelope r3 = f.seal(f.bob, item, "three", 3, r2.hash());
        const ItemEnvelope r2fork = f.seal(f.bob, item, "other two", 2, r1.hash());
        const ItemEnvelope r3broken = f.seal(f.bob, item, "three", 3, r1.hash());

        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{2, r2.hash()};
        const auto open = [&](const ItemEnvelope& env) {
            return ItemReader::open(env.serialize(), e, f.state, f.ring);
        };
        QVERIFY(open(r3).ok());
        QVERIFY(open(r2).ok()); // the same revision again is harmless

        Result<ItemReader::Opened> older = open(r1);
        QVERIFY(!older.ok());
        QVERIFY2(older.error().message.contains(QLatin1String("older revision")), qPrintable(text(older)));
        Result<ItemReader::Opened> fork = open(r2fork);
        QVERIFY2(!fork.ok() && fork.error().message.contains(QLatin1String("fork")), qPrintable(text(fork)));
        Result<ItemReader::Opened> broken = open(r3broken);
        QVERIFY2(!broken.ok() && broken.error().message.contains(QLatin1String("broken chain")),
                 qPrintable(text(broken)));
        // A history view may show the older revision.
        e.historical = true;
        QVERIFY(open(r1).ok());
    }

    void staleKeyVersionRejected()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope old = f.seal(f.bob, item, "v1"); // written before the rotation
        f.rotate(f.alice);

        // bob has not seen the rotation and writes revision 2 under key version 1.
        ItemEnvelope::Header h = f.header(f.bob, item, 2, old.hash());
        h.keyVersion = 1;
        const ItemEnvelope stale = ItemEnvelope::seal(h, "v1 again", *f.ring.key(1), f.bob.keys).value();
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{1, old.hash()};
        Result<ItemReader::Opened> opened = ItemReader::open(stale.serialize(), e, f.state, f.ring);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("stale")), qPrintable(text(opened)));
        // The same write under the current version is fine.
        QVERIFY(
            ItemReader::open(f.seal(f.bob, item, "v2", 2, old.hash()).serialize(), e, f.state, f.ring).ok());
        // A key version the log does not know yet is refused too.
        h.keyVersion = 3;
        f.ring.insert(3, FolderKeyRing::generateKey());
        const ItemEnvelope future = ItemEnvelope::seal(h, "?", *f.ring.key(3), f.bob.keys).value();
        QVERIFY(!ItemReader::open(future.serialize(), e, f.state, f.ring).ok());
    }

    void writeByViewMemberRejected()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        // carol (View) has the folder key, so she can encrypt and sign, but readers refuse it.
        const ItemEnvelope env = f.seal(f.carol, item, "sneaky");
        Result<ItemReader::Opened> opened =
            ItemReader::open(env.serialize(), f.expect(item), f.state, f.ring);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Denied);
        QVERIFY2(opened.error().message.contains(QLatin1String("edit")), qPrintable(text(opened)));

        // An outsider, and bob signing in alice's name, fail as well.
        TestMember eve;
        QVERIFY(!ItemReader::open(f.seal(eve, item, "x").serialize(), f.expect(item), f.state, f.ring).ok());
        ItemEnvelope::Header h = f.header(f.alice, item);
        const ItemEnvelope impersonated = ItemEnvelope::seal(h, "x", *f.ring.key(1), f.bob.keys).value();
        opened = ItemReader::open(impersonated.serialize(), f.expect(item), f.state, f.ring);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Crypto);
    }

    void unknownFormatRejected_data()
    {
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<char>("value");
        QTest::addColumn<int>("code");
        QTest::newRow("format version 2") << kTagSize << char(2) << int(ErrorCode::VersionTooNew);
        // Version 0 was never written by any Conclave: it is damage, not a newer format.
        QTest::newRow("format version 0") << kTagSize << char(0) << int(ErrorCode::Protocol);
        QTest::newRow("tag v2") << qsizetype(19) << '2' << int(ErrorCode::Protocol);
        QTest::newRow("unknown kind") << kTagSize + 1 << char(9) << int(ErrorCode::Protocol);
    }

    void unknownFormatRejected()
    {
        QFETCH(qsizetype, offset);
        QFETCH(char, value);
        QFETCH(int, code);
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        QByteArray bytes = f.seal(f.bob, item, "x").serialize();
        bytes[offset] = value;
        Result<ItemReader::Opened> opened = ItemReader::open(bytes, f.expect(item), f.state, f.ring);
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.error().code), code);
    }

    void truncatedAndExtendedRejected()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const QByteArray bytes = f.seal(f.bob, item, "x").serialize();
        for (qsizetype size = 0; size < bytes.size(); size += 7)
            QVERIFY(!ItemReader::open(bytes.first(size), f.expect(item), f.state, f.ring).ok());
        QVERIFY(!ItemReader::open(QByteArray(bytes + '\0'), f.expect(item), f.state, f.ring).ok());
    }

    void serverSideCheckWithoutKey()
    {
        // The server has the log but no folder key: check() applies every rule but decryption.
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope good = f.seal(f.bob, item, "x");
        Result<ItemReader::Opened> checked = ItemReader::check(good, f.expect(item), f.state);
        QVERIFY(checked.ok());
        QVERIFY(checked->plaintext.isEmpty());
        QCOMPARE(checked->hash, good.hash());
        QCOMPARE(ItemReader::check(f.seal(f.carol, item, "x"), f.expect(item), f.state).error().code,
                 ErrorCode::Denied);
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{1, good.hash()};
        QVERIFY(!ItemReader::check(f.seal(f.bob, item, "y", 2, QByteArray(32, 'z')), e, f.state).ok());
        QVERIFY(ItemReader::check(f.seal(f.bob, item, "y", 2, good.hash()), e, f.state).ok());
    }

    void pendingRotationRefusesOldKeyWrites_data()
    {
        QTest::addColumn<QString>("departure");
        QTest::addColumn<bool>("serverSide");
        for (const bool server : {false, true}) {
            const char* side = server ? "check" : "open";
            QTest::newRow(qPrintable(QStringLiteral("remove, %1").arg(QLatin1String(side))))
                << QStringLiteral("remove") << server;
            QTest::newRow(qPrintable(QStringLiteral("leave, %1").arg(QLatin1String(side))))
                << QStringLiteral("leave") << server;
        }
    }

    void pendingRotationRefusesOldKeyWrites()
    {
        // After carol is removed (or leaves) she still holds key version 1; until a manager
        // rotates, nothing new may be written under it, or she could read it.
        QFETCH(QString, departure);
        QFETCH(bool, serverSide);
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope before = f.seal(f.bob, item, "written before");
        if (departure == QLatin1String("remove"))
            f.append(
                MembershipLog::next(f.state, MembershipAction::Remove, f.alice.id, f.alice.keys, f.carol.id));
        else
            f.append(MembershipLog::next(f.state, MembershipAction::Leave, f.carol.id, f.carol.keys));
        QVERIFY(f.state.rotationPending());
        const auto accepts = [&](const ItemEnvelope& env, const ItemReader::Expectation& e) {
            return serverSide ? ItemReader::check(env, e, f.state).ok()
                              : ItemReader::open(env.serialize(), e, f.state, f.ring).ok();
        };
        // A revision already accepted before the departure still reads.
        ItemReader::Expectation seen = f.expect(item);
        seen.lastSeen = ItemReader::Seen{1, before.hash()};
        QVERIFY(accepts(before, seen));
        // New revisions and new items under the old key version are refused.
        const ItemEnvelope next = f.seal(f.bob, item, "after", 2, before.hash());
        QVERIFY(!accepts(next, seen));
        const QUuid fresh = QUuid::createUuid();
        const ItemEnvelope created = f.seal(f.bob, fresh, "new");
        QVERIFY(!accepts(created, f.expect(fresh)));
        if (serverSide)
            QVERIFY(ItemReader::check(created, f.expect(fresh), f.state)
                        .error()
                        .message.contains(QLatin1String("rotate")));
        // Once a manager rotated, writes under the new version are accepted again.
        f.rotate(f.alice);
        QVERIFY(accepts(f.seal(f.bob, item, "after", 2, before.hash()), seen));
    }

    void writeMadeBeforeDepartureDuringPendingRotation_data()
    {
        QTest::addColumn<QString>("departure");
        QTest::addColumn<QString>("author");
        QTest::addColumn<int>("writtenAt"); // relative to the log length before the departure; -1: unset
        QTest::addColumn<bool>("accepted");
        QTest::newRow("remaining editor, before the leave") << "leave"
                                                            << "bob" << 0 << true;
        QTest::newRow("remaining editor, on an older log") << "leave"
                                                           << "bob" << -2 << true;
        QTest::newRow("remaining editor, after the leave") << "leave"
                                                           << "bob" << 1 << false;
        QTest::newRow("remaining editor, no folder state") << "leave"
                                                           << "bob" << -1 << false;
        QTest::newRow("the member who left, dated before") << "leave"
                                                           << "dave" << 0 << false;
        QTest::newRow("a removed member, dated before") << "remove"
                                                        << "dave" << 0 << false;
        QTest::newRow("a viewer, dated before") << "leave"
                                                << "carol" << 0 << false;
        QTest::newRow("remaining editor, before a key confirmation") << "confirm"
                                                                     << "bob" << 0 << true;
    }

    void writeMadeBeforeDepartureDuringPendingRotation()
    {
        // dave (Edit) departs; bob wrote before that, and the reader (a manager who did not
        // sync in between) meets the write only now, while the rotation is pending. The write's
        // folder state names the log it was made against: before the departure it is not
        // refused for the pending rotation, or the manager could never rotate.
        QFETCH(QString, departure);
        QFETCH(QString, author);
        QFETCH(int, writtenAt);
        QFETCH(bool, accepted);
        FolderFixture f;
        TestMember dave;
        f.add(dave, FolderRole::Edit);
        const quint64 before = f.state.length();
        const TestMember& writer = author == QLatin1String("bob")     ? f.bob
                                   : author == QLatin1String("carol") ? f.carol
                                                                      : dave;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope env = f.seal(writer, item, "written before the departure");
        if (departure == QLatin1String("leave")) {
            f.append(MembershipLog::next(f.state, MembershipAction::Leave, dave.id, dave.keys));
        } else if (departure == QLatin1String("remove")) {
            f.append(
                MembershipLog::next(f.state, MembershipAction::Remove, f.alice.id, f.alice.keys, dave.id));
        } else {
            const UserKeys fresh = UserKeys::generate();
            f.append(MembershipLog::next(f.state, MembershipAction::ConfirmKey, f.alice.id, f.alice.keys,
                                         dave.id, fresh.identityPublicKey()));
        }
        QVERIFY(f.state.rotationPending());
        QCOMPARE(f.state.rotationPendingSince(), before + 1);
        ItemReader::Expectation e = f.expect(item);
        if (writtenAt >= 0 || writtenAt < -1)
            e.writtenAt = quint64(qint64(before) + writtenAt);
        const Result<ItemReader::Opened> opened = ItemReader::open(env.serialize(), e, f.state, f.ring);
        QVERIFY2(opened.ok() == accepted, qPrintable(text(opened)));
        if (!accepted)
            QCOMPARE(opened.error().code, ErrorCode::Denied);
        // The server never takes the exception: it checks uploads without a folder state's
        // log length, so nothing new is stored under the old key meanwhile.
        QVERIFY(!ItemReader::check(env, f.expect(item), f.state).ok());
        // After the rotation the old key version is stale for anything not read before.
        f.rotate(f.alice);
        QCOMPARE(f.state.rotationPendingSince(), quint64(0));
        QVERIFY(!ItemReader::open(env.serialize(), e, f.state, f.ring).ok());
    }

    void loweredAuthorNeedsEditNow_data()
    {
        QTest::addColumn<int>("writtenAt"); // relative to the log length before the lowering; -1: unset
        QTest::addColumn<bool>("leavePending");
        QTest::newRow("dated before the lowering") << 0 << false;
        QTest::newRow("dated after the lowering") << 1 << false;
        QTest::newRow("no folder state") << -1 << false;
        QTest::newRow("dated before the lowering, a leave pending") << 0 << true;
    }

    void loweredAuthorNeedsEditNow()
    {
        // The attack: bob is lowered to View and, through a server that does not refuse it,
        // publishes a new revision under the key he still holds, with a folder state dated
        // before the lowering (he knows that log head and still has his identity key). No
        // reader may accept it, also not while a rotation is pending for another departure.
        QFETCH(int, writtenAt);
        QFETCH(bool, leavePending);
        FolderFixture f;
        TestMember dave;
        f.add(dave, FolderRole::Edit);
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope first = f.seal(f.bob, item, "bob's honest revision");
        const quint64 before = f.state.length();
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::View));
        QVERIFY(f.state.editLostUnderCurrentKey());
        if (leavePending)
            f.append(MembershipLog::next(f.state, MembershipAction::Leave, dave.id, dave.keys));
        const ItemEnvelope forged = f.seal(f.bob, item, "bob's write after the lowering", 2, first.hash());
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{1, first.hash()};
        if (writtenAt >= 0)
            e.writtenAt = before + quint64(writtenAt);
        const Result<ItemReader::Opened> opened = ItemReader::open(forged.serialize(), e, f.state, f.ring);
        QVERIFY2(!opened.ok(), "a lowered member's new write was accepted");
        QCOMPARE(opened.error().code, ErrorCode::Denied);
        // What bob wrote while he could edit and this reader accepted stays readable.
        ItemReader::Expectation seen = f.expect(item);
        seen.lastSeen = ItemReader::Seen{1, first.hash()};
        seen.historical = true;
        QVERIFY(ItemReader::open(first.serialize(), seen, f.state, f.ring).ok());
        // A rotation ends the lowered member's hold on the current key version.
        f.rotate(f.alice);
        QVERIFY(!f.state.editLostUnderCurrentKey());
    }

    void checkAloneRefuses_data()
    {
        QTest::addColumn<QString>("variant");
        for (const char* v : {"folder asked for", "folder of the log", "org", "delete marker with content",
                              "item with the folder id"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void checkAloneRefuses()
    {
        // check() is the server's whole upload check: it must stand without open() around it.
        // Two folders with the same org and members, so only the rule under test can refuse.
        QFETCH(QString, variant);
        FolderFixture f;
        MembershipState other(QUuid::createUuid());
        QVERIFY(other
                    .apply(MembershipLog::create(other.folderId(), f.alice.id, f.alice.keys, *f.ring.key(1),
                                                 1000))
                    .ok());
        QVERIFY(other
                    .apply(MembershipLog::next(other, MembershipAction::Add, f.alice.id, f.alice.keys,
                                               f.bob.id, f.bob.keys.identityPublicKey(), FolderRole::Edit))
                    .ok());
        const QUuid item = QUuid::createUuid();
        ItemEnvelope::Header h = f.header(f.bob, item);
        QByteArray plaintext = "x";
        ItemReader::Expectation e = f.expect(item);
        const MembershipState* members = &f.state;
        if (variant == QLatin1String("folder asked for")) {
            e.folderId = other.folderId();
            members = &other;
        } else if (variant == QLatin1String("folder of the log")) {
            members = &other; // the server looked up the wrong folder's log
        } else if (variant == QLatin1String("org")) {
            e.orgId = QUuid::createUuid();
        } else if (variant == QLatin1String("delete marker with content")) {
            // Without the key only the length shows content: more than one padding block.
            // Shorter content is refused by open(), which decrypts (opensItemsMarkersAndFolderNames).
            h.kind = ItemKind::DeleteMarker;
            plaintext = QByteArray(300, 'h');
        } else {
            h.itemId = f.folderId; // an ordinary item may not take the folder name's id
            e.itemId = f.folderId;
        }
        const ItemEnvelope env = ItemEnvelope::seal(h, plaintext, *f.ring.key(1), f.bob.keys).value();
        QVERIFY(ItemReader::check(f.seal(f.bob, item, "x"), f.expect(item), f.state).ok()); // control
        const Result<ItemReader::Opened> checked = ItemReader::check(env, e, *members);
        QVERIFY2(!checked.ok(), qPrintable(variant));
    }

    void historyAuthorNeedsEditAtThatVersion_data()
    {
        QTest::addColumn<QString>("author");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("view member") << QStringLiteral("carol") << false;
        QTest::newRow("removed before that version") << QStringLiteral("bob") << false;
        QTest::newRow("editor who left later") << QStringLiteral("dave") << true;
    }

    void historyAuthorNeedsEditAtThatVersion()
    {
        QFETCH(QString, author);
        QFETCH(bool, accepted);
        FolderFixture f;
        TestMember dave;
        f.add(dave, FolderRole::Edit);
        const QUuid item = QUuid::createUuid();
        // dave writes under version 2 and leaves later; bob was removed before version 2.
        f.append(MembershipLog::next(f.state, MembershipAction::Remove, f.alice.id, f.alice.keys, f.bob.id));
        f.rotate(f.alice);
        const TestMember& writer = author == QLatin1String("carol") ? f.carol
                                   : author == QLatin1String("bob") ? f.bob
                                                                    : dave;
        const ItemEnvelope env = f.seal(writer, item, "in history");
        f.append(MembershipLog::next(f.state, MembershipAction::Leave, dave.id, dave.keys));
        ItemReader::Expectation history = f.expect(item);
        history.historical = true;
        const Result<ItemReader::Opened> opened = ItemReader::open(env.serialize(), history, f.state, f.ring);
        QVERIFY2(opened.ok() == accepted, qPrintable(text(opened)));
        if (!accepted)
            QCOMPARE(opened.error().code, ErrorCode::Denied);
    }

    void noNonceRepeatsInAMillion()
    {
        // seal() takes every nonce from newNonce(); a million of them must all differ.
        struct Hash
        {
            std::size_t operator()(const std::array<char, 24>& a) const
            {
                std::size_t h = 0;
                std::memcpy(&h, a.data(), sizeof h);
                return h;
            }
        };
        std::unordered_set<std::array<char, 24>, Hash> seen;
        seen.reserve(1'000'000);
        for (int i = 0; i < 1'000'000; ++i) {
            const QByteArray nonce = ItemEnvelope::newNonce();
            QCOMPARE(nonce.size(), 24);
            std::array<char, 24> key;
            std::memcpy(key.data(), nonce.constData(), 24);
            QVERIFY(seen.insert(key).second);
        }
        // And sealing really uses fresh nonces: the same plaintext twice never looks the same.
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        std::unordered_set<std::array<char, 24>, Hash> sealed;
        for (int i = 0; i < 2000; ++i) {
            const ItemEnvelope env = f.seal(f.bob, item, "same");
            std::array<char, 24> key;
            std::memcpy(key.data(), env.header().nonce.constData(), 24);
            QVERIFY(sealed.insert(key).second);
        }
    }
};

QTEST_GUILESS_MAIN(TestItemReader)
#include "TestItemReader.moc"
