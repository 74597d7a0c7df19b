// Rotation on member removal: one batch with remove + rotate entries, a chain link, grants
// to the remaining members and every item re-encrypted. The removed member cannot read
// anything afterwards; remaining and later-added members read old and new items. A member
// lowered to View loses Edit in the same batch, and what they wrote is re-signed.
#include "FolderFixture.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderRotation.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
QList<UserKeyBundle> bundles(std::initializer_list<const TestMember*> members)
{
    QList<UserKeyBundle> out;
    for (const TestMember* m : members)
        out << FolderFixture::bundle(*m);
    return out;
}
} // namespace

class TestFolderRotation : public QObject
{
    Q_OBJECT

private slots:
    void removedMemberLosesAccessOthersKeepIt()
    {
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope before = f.seal(f.bob, item, "written before");
        ItemEnvelope::Header nameHeader = f.header(f.alice, f.folderId);
        nameHeader.kind = ItemKind::FolderName;
        const ItemEnvelope name =
            ItemEnvelope::seal(nameHeader, "Prod", *f.ring.key(1), f.alice.keys).value();
        const LogCheckpoint seenBefore = f.state.checkpoint();

        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.bob.id;
        request.bundles = bundles({&f.alice, &f.carol});
        request.items = {before.serialize(), name.serialize()};
        request.timeMs = 5000;
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
        QCOMPARE(batch->newKeyVersion, 2u);
        QCOMPARE(batch->logEntries.size(), 2);
        QCOMPARE(batch->logEntries[0].fields().action, MembershipAction::Remove);
        QCOMPARE(batch->logEntries[1].fields().action, MembershipAction::Rotate);
        QCOMPARE(batch->grants.size(), 2);
        QCOMPARE(batch->items.size(), 2);

        // What the server stores; every client replays it against what it saw before.
        QList<MembershipEntry> log = f.log + batch->logEntries;
        Result<MembershipState> state = MembershipLog::replay(f.folderId, log, seenBefore);
        QVERIFY(state.ok());
        QVERIFY(!state->isMember(f.bob.id));
        QVERIFY(!state->rotationPending());

        // Remaining member carol: opens her grant, follows the chain, reads new and old.
        FolderKeyRing carolRing(f.folderId);
        bool carolHasGrant = false;
        for (const FolderKeyGrant& grant : batch->grants) {
            QVERIFY(FolderKeyGrant::parse(grant.serialize())->verify(*state).ok());
            QVERIFY(grant.recipientId() != f.bob.id);
            if (grant.recipientId() == f.carol.id) {
                QVERIFY(carolRing
                            .accept(grant.keyVersion(), grant.open(*state, f.carol.id, f.carol.keys).value(),
                                    *state)
                            .ok());
                carolHasGrant = true;
            }
            QVERIFY(!grant.open(*state, f.bob.id, f.bob.keys).ok());
        }
        QVERIFY(carolHasGrant);
        QVERIFY(carolRing.absorbChain({batch->chainLink}, *state).ok());
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{1, before.hash()};
        Result<ItemReader::Opened> now = ItemReader::open(batch->items[0].serialize(), e, *state, carolRing);
        QVERIFY2(now.ok(), now.ok() ? "" : qPrintable(now.error().message));
        QCOMPARE(now->plaintext.view().toByteArray(), QByteArray("written before"));
        QCOMPARE(now->revision, quint64(2));
        QCOMPARE(now->keyVersion, 2u);
        QCOMPARE(now->authorId, f.alice.id);
        ItemReader::Expectation history = f.expect(item);
        history.historical = true;
        Result<ItemReader::Opened> old = ItemReader::open(before.serialize(), history, *state, carolRing);
        QVERIFY(old.ok());
        // The old revision is no longer acceptable as the current one (stale key version).
        QVERIFY(!ItemReader::open(before.serialize(), f.expect(item), *state, carolRing).ok());
        Result<ItemReader::Opened> renamed =
            ItemReader::open(batch->items[1].serialize(), f.expect(f.folderId), *state, carolRing);
        QVERIFY(renamed.ok());
        QCOMPARE(renamed->plaintext.view().toByteArray(), QByteArray("Prod"));

        // Removed member bob keeps only key version 1: no grant, the chain needs v2, and
        // v1 does not decrypt anything written after the rotation.
        FolderKeyRing bobRing(f.folderId);
        bobRing.insert(1, f.ring.key(1)->clone());
        QVERIFY(bobRing.absorbChain({batch->chainLink}, *state).ok());
        QVERIFY(!bobRing.contains(2));
        QVERIFY(!ItemReader::open(batch->items[0].serialize(), e, *state, bobRing).ok());
        QVERIFY(!batch->items[0].decrypt(*f.ring.key(1)).ok());
        ItemEnvelope::Header afterHeader = f.header(f.alice, QUuid::createUuid());
        afterHeader.keyVersion = 2;
        const ItemEnvelope written =
            ItemEnvelope::seal(afterHeader, "written after", batch->newFolderKey, f.alice.keys).value();
        QVERIFY(!written.decrypt(*f.ring.key(1)).ok());
        QVERIFY(ItemReader::open(written.serialize(), f.expect(afterHeader.itemId), *state, carolRing).ok());

        // A member added after the rotation gets only version 2 and still reads the old item.
        TestMember dave;
        MembershipState daveState = *state;
        const MembershipEntry addDave =
            MembershipLog::next(daveState, MembershipAction::Add, f.alice.id, f.alice.keys, dave.id,
                                dave.keys.identityPublicKey(), FolderRole::View);
        QVERIFY(daveState.apply(addDave).ok());
        f.pin(dave);
        const FolderKeyGrant daveGrant =
            FolderKeyGrant::create(daveState, 2, batch->newFolderKey, FolderFixture::bundle(dave), f.pins,
                                   f.alice.id, f.alice.keys)
                .value();
        QVERIFY(daveGrant.verify(daveState).ok());
        FolderKeyRing daveRing(f.folderId);
        QVERIFY(daveRing.accept(2, daveGrant.open(daveState, dave.id, dave.keys).value(), daveState).ok());
        QVERIFY(daveRing.absorbChain({batch->chainLink}, daveState).ok());
        QVERIFY(ItemReader::open(batch->items[0].serialize(), f.expect(item), daveState, daveRing).ok());
        QVERIFY(ItemReader::open(before.serialize(), history, daveState, daveRing).ok());
    }

    void poisonedItemSkippedAndReported()
    {
        // bob (Edit) uploads a validly signed envelope under a key nobody holds, hoping the
        // rotation that removes him stops at it. It must go on and report the item.
        FolderFixture f;
        const QUuid good = QUuid::createUuid();
        const QUuid poisoned = QUuid::createUuid();
        const ItemEnvelope kept = f.seal(f.alice, good, "kept");
        const ItemEnvelope poison =
            ItemEnvelope::seal(f.header(f.bob, poisoned), "junk", FolderKeyRing::generateKey(), f.bob.keys)
                .value();
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.bob.id;
        request.bundles = bundles({&f.alice, &f.carol});
        request.items = {poison.serialize(), kept.serialize(), QByteArray("not an envelope")};
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
        QCOMPARE(batch->items.size(), 1);
        QCOMPARE(batch->items[0].header().itemId, good);
        QCOMPARE(batch->skipped.size(), 2);
        QCOMPARE(batch->skipped[0].itemId, poisoned);
        QVERIFY(!batch->skipped[0].reason.message.isEmpty());
        QVERIFY(batch->skipped[1].itemId.isNull());
    }

    void loweredAuthorsAcceptedRevisionIsResigned()
    {
        // bob wrote an item while he held Edit and alice accepted it; then alice lowered him to
        // View. Her rotation must carry that revision to the new key, but not a write of bob's
        // she has not accepted (made after the lowering, offered by the server).
        FolderFixture f;
        const QUuid accepted = QUuid::createUuid();
        const QUuid unseen = QUuid::createUuid();
        const ItemEnvelope written = f.seal(f.bob, accepted, "written with Edit");
        const ItemEnvelope later = f.seal(f.bob, unseen, "written after the lowering");
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::View, 3000));
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.carol.id;
        request.bundles = bundles({&f.alice, &f.bob});
        request.seen.insert(accepted, ItemReader::Seen{1, written.hash()});
        request.items = {written.serialize(), later.serialize()};
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
        QCOMPARE(batch->items.size(), 1);
        const ItemEnvelope::Header& resigned = batch->items[0].header();
        QCOMPARE(resigned.itemId, accepted);
        QCOMPARE(resigned.revision, quint64(2));
        QCOMPARE(resigned.authorId, f.alice.id);
        QCOMPARE(resigned.keyVersion, 2u);
        QCOMPARE(batch->skipped.size(), 1);
        QCOMPARE(batch->skipped[0].itemId, unseen);
        QVERIFY(!batch->skipped[0].reason.message.isEmpty());
    }

    void loweringTravelsWithTheRotation()
    {
        // alice lowers bob to View as one batch: the role change, then the rotate entry. bob's
        // revision (accepted while he could edit) is re-signed by alice under the new key, so a
        // member added afterwards, who never saw it, reads it; bob keeps reading (View) but
        // cannot write under either key version.
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const ItemEnvelope written = f.seal(f.bob, item, "written with Edit");
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.roleChange = FolderRotation::Request::RoleChange{f.bob.id, FolderRole::View};
        request.bundles = bundles({&f.alice, &f.bob, &f.carol});
        request.seen.insert(item, ItemReader::Seen{1, written.hash()});
        request.items = {written.serialize()};
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
        QCOMPARE(batch->logEntries.size(), 2);
        QCOMPARE(batch->logEntries[0].fields().action, MembershipAction::ChangeRole);
        QCOMPARE(batch->logEntries[1].fields().action, MembershipAction::Rotate);
        QCOMPARE(batch->grants.size(), 3);
        QVERIFY(batch->skipped.isEmpty());
        for (const MembershipEntry& entry : batch->logEntries)
            f.append(entry);
        f.ring.insert(batch->newKeyVersion, batch->newFolderKey.clone());
        QCOMPARE(f.state.roleOf(f.bob.id), FolderRole::View);
        QVERIFY(!f.state.rotationPending());
        QVERIFY(!f.state.editLostUnderCurrentKey());

        TestMember dee;
        f.add(dee, FolderRole::View);
        const Result<ItemReader::Opened> read =
            ItemReader::open(batch->items[0].serialize(), f.expect(item), f.state, f.ring);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read->plaintext.view().toByteArray(), QByteArray("written with Edit"));
        QCOMPARE(read->authorId, f.alice.id);
        // bob's write under the new key, or under the old one, is refused.
        ItemReader::Expectation e = f.expect(item);
        e.lastSeen = ItemReader::Seen{2, batch->items[0].hash()};
        QVERIFY(!ItemReader::open(f.seal(f.bob, item, "after", 3, batch->items[0].hash()).serialize(), e,
                                  f.state, f.ring)
                     .ok());
        ItemEnvelope::Header old = f.header(f.bob, item, 3, batch->items[0].hash());
        old.keyVersion = 1;
        QVERIFY(!ItemReader::open(ItemEnvelope::seal(old, "after", *f.ring.key(1), f.bob.keys)->serialize(),
                                  e, f.state, f.ring)
                     .ok());
    }

    void rotationDoesNotResurrectDeletedItems()
    {
        // alice saw the item deleted (revision 2 is a delete marker); the server withholds the
        // marker and hands her revision 1 to re-encrypt. Rotation must not bring it back.
        FolderFixture f;
        const QUuid item = QUuid::createUuid();
        const QUuid other = QUuid::createUuid();
        const ItemEnvelope live = f.seal(f.bob, item, "deleted later");
        ItemEnvelope::Header h = f.header(f.alice, item, 2, live.hash());
        h.kind = ItemKind::DeleteMarker;
        const ItemEnvelope marker = ItemEnvelope::seal(h, {}, *f.ring.key(1), f.alice.keys).value();
        const ItemEnvelope withheld = f.seal(f.bob, other, "never sent");
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.bob.id;
        request.bundles = bundles({&f.alice, &f.carol});
        request.seen.insert(item, ItemReader::Seen{2, marker.hash()});
        request.seen.insert(other, ItemReader::Seen{1, withheld.hash()});
        request.items = {live.serialize()};
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
        QVERIFY(batch->items.isEmpty());
        QCOMPARE(batch->skipped.size(), 2);
        QList<QUuid> skipped{batch->skipped[0].itemId, batch->skipped[1].itemId};
        std::sort(skipped.begin(), skipped.end());
        QList<QUuid> expected{item, other};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(skipped, expected);

        // Given the marker itself, the rotation carries the tombstone forward, not the item.
        request.items = {marker.serialize(), withheld.serialize()};
        batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY(batch.ok());
        QCOMPARE(batch->items.size(), 2);
        QCOMPARE(batch->items[0].header().kind, ItemKind::DeleteMarker);
        QCOMPARE(batch->items[0].header().revision, quint64(3));
        QVERIFY(batch->skipped.isEmpty());
    }

    void onlyManagersRotate()
    {
        FolderFixture f;
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.bob.id; // Edit only
        request.removedId = f.carol.id;
        request.bundles = bundles({&f.alice, &f.bob});
        const Result<RotationBatch> batch =
            FolderRotation::rotate(f.state, f.ring, f.bob.keys, f.pins, request);
        QVERIFY(!batch.ok());
        QCOMPARE(batch.error().code, ErrorCode::Denied);
    }

    void missingMemberKeyFailsWholeBatch()
    {
        FolderFixture f;
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.bob.id;
        request.bundles = bundles({&f.alice}); // carol missing
        const Result<RotationBatch> batch =
            FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY(!batch.ok());
        QCOMPARE(batch.error().code, ErrorCode::NotFound);
    }

    void substitutedBundleFailsWholeBatch()
    {
        // The server hands the manager a validly self-signed bundle for carol with its own
        // keys: the identity key differs from the log's and the pin, so nothing is granted.
        FolderFixture f;
        TestMember fake{f.carol.id, UserKeys::generate()};
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.bob.id;
        request.bundles = bundles({&f.alice, &fake});
        const Result<RotationBatch> batch =
            FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY(!batch.ok());
        QCOMPARE(batch.error().code, ErrorCode::Denied);
    }

    void rotationAfterLeave()
    {
        FolderFixture f;
        f.append(MembershipLog::next(f.state, MembershipAction::Leave, f.carol.id, f.carol.keys));
        QVERIFY(f.state.rotationPending());
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.bundles = bundles({&f.alice, &f.bob});
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY(batch.ok());
        QCOMPARE(batch->logEntries.size(), 1);
        QCOMPARE(batch->grants.size(), 2);
    }

    void thousandItemsFiftyMembers()
    {
        // DESIGN §8 scale; a correctness check here, timing lives in the benchmarks.
        FolderFixture f;
        std::vector<TestMember> members(47);
        QList<UserKeyBundle> keys = bundles({&f.alice, &f.carol});
        for (const TestMember& m : members) {
            f.add(m, FolderRole::Edit);
            keys << FolderFixture::bundle(m);
        }
        FolderRotation::Request request;
        request.orgId = f.orgId;
        request.managerId = f.alice.id;
        request.removedId = f.bob.id;
        request.bundles = keys;
        for (int i = 0; i < 1000; ++i)
            request.items << f.seal(members[std::size_t(i) % members.size()], QUuid::createUuid(),
                                    QByteArray(400, 'i'))
                                 .serialize();
        Result<RotationBatch> batch = FolderRotation::rotate(f.state, f.ring, f.alice.keys, f.pins, request);
        QVERIFY(batch.ok());
        QCOMPARE(batch->grants.size(), 49);
        QCOMPARE(batch->items.size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestFolderRotation)
#include "TestFolderRotation.moc"
