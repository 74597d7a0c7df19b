// Folder state chain (no silent drops): every write carries a signed state chained to the one
// before, naming the membership log head it was written against and the digest of every live
// item's latest envelope. The server refuses a write not made on its current state; a reader
// notices a withheld item, delete marker or revision with the next write it sees, and a first
// sync proves that every live item arrived.
#include "FolderFixture.h"

#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/FolderStateChain.h"

#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
// One writer's history of a folder: the folder name, an item in two revisions, a second item
// and the deletion of the first, each with its state, made on the writer's own chain.
struct History
{
    QList<ItemEnvelope> envelopes;
    QList<FolderState> states;
};

History write(FolderFixture& f)
{
    History h;
    FolderStateChain writer(f.folderId);
    const auto add = [&](const TestMember& author, const ItemEnvelope& env) {
        const FolderState state = writer.makeWrite(env, f.state, author.id, author.keys, 5000);
        const Status accepted = writer.acceptWrite(state, env, f.state, FolderStateChain::LogView::Current);
        if (!accepted)
            qFatal("write: %s", qPrintable(accepted.error().message));
        h.envelopes << env;
        h.states << state;
    };
    ItemEnvelope::Header name = f.header(f.alice, f.folderId);
    name.kind = ItemKind::FolderName;
    add(f.alice, ItemEnvelope::seal(name, "Production", *f.ring.key(1), f.alice.keys).value());
    const QUuid item = QUuid::createUuid();
    const ItemEnvelope r1 = f.seal(f.bob, item, "one");
    add(f.bob, r1);
    const ItemEnvelope r2 = f.seal(f.bob, item, "two", 2, r1.hash());
    add(f.bob, r2);
    add(f.bob, f.seal(f.bob, QUuid::createUuid(), "other"));
    ItemEnvelope::Header marker = f.header(f.alice, item, 3, r2.hash());
    marker.kind = ItemKind::DeleteMarker;
    add(f.alice, ItemEnvelope::seal(marker, {}, *f.ring.key(1), f.alice.keys).value());
    return h;
}

QString text(const Status& s)
{
    return s.ok() ? QStringLiteral("accepted") : s.error().message;
}
} // namespace

class TestFolderStateChain : public QObject
{
    Q_OBJECT

private slots:
    void writesChainOnServerAndReader()
    {
        FolderFixture f;
        const History h = write(f);
        FolderStateChain server(f.folderId);
        FolderStateChain reader(f.folderId);
        for (qsizetype i = 0; i < h.states.size(); ++i) {
            const QByteArray bytes = h.states[i].serialize();
            QCOMPARE(bytes.size(), FolderState::kSize);
            const Result<FolderState> parsed = FolderState::parse(bytes);
            QVERIFY(parsed.ok());
            QCOMPARE(parsed->serialize(), bytes);
            QVERIFY(server.follows(*parsed));
            const Status s =
                server.acceptWrite(*parsed, h.envelopes[i], f.state, FolderStateChain::LogView::Current);
            QVERIFY2(s.ok(), qPrintable(text(s)));
            QVERIFY(
                reader.acceptWrite(*parsed, h.envelopes[i], f.state, FolderStateChain::LogView::Known).ok());
        }
        QCOMPARE(reader.sequence(), quint64(5));
        QCOMPARE(reader.items().count(), 2u); // folder name and the second item; the first was deleted
        QCOMPARE(reader.headHash(), h.states.last().hash());
        QCOMPARE(server.items().digest(), reader.items().digest());
    }

    void withheldWriteNoticedAtTheNextOne_data()
    {
        QTest::addColumn<int>("withheld");
        QTest::newRow("new item") << 1;
        QTest::newRow("newest revision") << 2;
        QTest::newRow("delete marker (then a later write)") << 4;
    }

    void withheldWriteNoticedAtTheNextOne()
    {
        QFETCH(int, withheld);
        FolderFixture f;
        History h = write(f);
        if (withheld == 4) { // a write after the delete, so the gap shows
            FolderStateChain writer(f.folderId);
            for (qsizetype i = 0; i < h.states.size(); ++i)
                QVERIFY(
                    writer.acceptWrite(h.states[i], h.envelopes[i], f.state, FolderStateChain::LogView::Known)
                        .ok());
            const ItemEnvelope later = f.seal(f.bob, QUuid::createUuid(), "later");
            h.states << writer.makeWrite(later, f.state, f.bob.id, f.bob.keys, 6000);
            h.envelopes << later;
        }
        FolderStateChain reader(f.folderId);
        for (qsizetype i = 0; i < withheld; ++i)
            QVERIFY(reader.acceptWrite(h.states[i], h.envelopes[i], f.state, FolderStateChain::LogView::Known)
                        .ok());
        // The server skips write `withheld` and shows the next one.
        const Status s = reader.acceptWrite(h.states[withheld + 1], h.envelopes[withheld + 1], f.state,
                                            FolderStateChain::LogView::Known);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QLatin1String("missing")), qPrintable(text(s)));
        QCOMPARE(reader.sequence(), quint64(withheld));
        // Nor can it pass the state off with another envelope (an older revision, say).
        QVERIFY(!reader
                     .acceptWrite(h.states[withheld], h.envelopes[withheld == 2 ? 1 : 0], f.state,
                                  FolderStateChain::LogView::Known)
                     .ok());
        QVERIFY(reader
                    .acceptWrite(h.states[withheld], h.envelopes[withheld], f.state,
                                 FolderStateChain::LogView::Known)
                    .ok());
    }

    void firstSyncProvesCompleteness_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("every item") << QStringLiteral("complete") << true;
        QTest::newRow("an item withheld") << QStringLiteral("withheld") << false;
        QTest::newRow("delete marker withheld") << QStringLiteral("undeleted") << false;
        QTest::newRow("older revision instead of the newest") << QStringLiteral("older") << false;
        QTest::newRow("an extra item") << QStringLiteral("extra") << false;
        QTest::newRow("an item listed twice") << QStringLiteral("twice") << false;
    }

    void firstSyncProvesCompleteness()
    {
        QFETCH(QString, variant);
        QFETCH(bool, accepted);
        FolderFixture f;
        const History h = write(f);
        // The latest envelope per item: folder name, the delete marker, the second item.
        QList<ItemEnvelope> latest{h.envelopes[0], h.envelopes[4], h.envelopes[3]};
        if (variant == QLatin1String("withheld"))
            latest.removeAt(2);
        else if (variant == QLatin1String("undeleted"))
            latest[1] = h.envelopes[2];
        else if (variant == QLatin1String("older"))
            latest[1] = h.envelopes[1];
        else if (variant == QLatin1String("extra"))
            latest << f.seal(f.bob, QUuid::createUuid(), "planted");
        else if (variant == QLatin1String("twice"))
            latest << h.envelopes[3];
        FolderStateChain reader(f.folderId);
        const Status s = reader.acceptSnapshot(h.states.last(), latest, f.state);
        QVERIFY2(s.ok() == accepted, qPrintable(text(s)));
        QCOMPARE(reader.isEmpty(), !accepted);
    }

    void serverRefusesWritesOffTheCurrentState_data()
    {
        QTest::addColumn<QString>("variant");
        for (const char* v :
             {"stale sequence", "old membership log", "forked membership log", "writer without Edit",
              "signed by someone else", "digest does not match", "author is not the writer"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void serverRefusesWritesOffTheCurrentState()
    {
        QFETCH(QString, variant);
        FolderFixture f;
        const History h = write(f);
        FolderStateChain server(f.folderId);
        for (qsizetype i = 0; i < 2; ++i)
            QVERIFY(
                server.acceptWrite(h.states[i], h.envelopes[i], f.state, FolderStateChain::LogView::Current)
                    .ok());
        const ItemEnvelope env = f.seal(f.bob, QUuid::createUuid(), "new");
        FolderState::Fields fields = server.makeWrite(env, f.state, f.bob.id, f.bob.keys, 7000).fields();
        const UserKeys* signer = &f.bob.keys;
        MembershipState members = f.state;
        if (variant == QLatin1String("stale sequence")) {
            fields.sequence = 2; // made on the state before the last one
            fields.previousHash = h.states[0].hash();
        } else if (variant == QLatin1String("old membership log")) {
            TestMember dave;
            members
                .apply(MembershipLog::next(members, MembershipAction::Add, f.alice.id, f.alice.keys, dave.id,
                                           dave.keys.identityPublicKey(), FolderRole::View))
                .ok();
        } else if (variant == QLatin1String("forked membership log")) {
            fields.logHead = QByteArray(32, 'f');
        } else if (variant == QLatin1String("writer without Edit")) {
            fields.writerId = f.carol.id;
            signer = &f.carol.keys;
        } else if (variant == QLatin1String("signed by someone else")) {
            signer = &f.carol.keys;
        } else if (variant == QLatin1String("digest does not match")) {
            fields.itemCount += 1;
        } else {
            fields.writerId = f.alice.id;
            signer = &f.alice.keys;
        }
        const FolderState state = FolderState::sign(fields, *signer);
        const Status s = server.acceptWrite(state, env, members, FolderStateChain::LogView::Current);
        QVERIFY2(!s.ok(), qPrintable(variant));
        QCOMPARE(server.sequence(), quint64(2));
        QCOMPARE(server.items().count(), 2u); // nothing of the refused write stuck
        if (variant == QLatin1String("stale sequence"))
            QVERIFY(!server.follows(state)); // the server answers 409 and the client rebases
        // Control: the honest write on the same state is accepted.
        QVERIFY(server
                    .acceptWrite(server.makeWrite(env, f.state, f.bob.id, f.bob.keys, 7000), env, f.state,
                                 FolderStateChain::LogView::Current)
                    .ok());
    }

    void digestIsOrderFreeAndLocal()
    {
        FolderItemSet a;
        FolderItemSet b;
        QList<std::pair<QUuid, QByteArray>> items;
        for (int i = 0; i < 10000; ++i)
            items.append({QUuid::createUuid(), CryptoHash::tagged("test", QByteArray::number(i))});
        for (const auto& [id, hash] : items)
            a.set(id, hash);
        for (auto it = items.crbegin(); it != items.crend(); ++it)
            b.set(it->first, it->second);
        QCOMPARE(a.count(), 10000u);
        QCOMPARE(a.digest(), b.digest());
        // One item changes the digest, and changing it back restores it.
        const QByteArray before = a.digest();
        a.set(items[42].first, QByteArray(32, 'x'));
        QVERIFY(a.digest() != before);
        a.set(items[42].first, items[42].second);
        QCOMPARE(a.digest(), before);
        a.erase(items[7].first);
        QCOMPARE(a.count(), 9999u);
        QVERIFY(a.digest() != before);
        QVERIFY(!a.contains(items[7].first));
        // The digest is the documented two-level hash.
        FolderItemSet small;
        small.set(items[0].first, items[0].second);
        std::map<QByteArray, QByteArray> leaves{{items[0].first.toRfc4122(), items[0].second}};
        QByteArray top = QByteArray::fromHex("00000001");
        for (int i = 0; i < FolderItemSet::kBuckets; ++i)
            top += FolderItemSet::bucketHash(i, i == quint8(items[0].first.toRfc4122().at(0))
                                                    ? leaves
                                                    : std::map<QByteArray, QByteArray>());
        QCOMPARE(small.digest(), CryptoHash::tagged(DomainTags::kFolderItems, top));
    }

    void malformedStatesRefused_data()
    {
        QTest::addColumn<QString>("variant");
        for (const char* v :
             {"sequence 0", "first state with a previous hash", "later state without one",
              "rotation naming an item", "write naming no item", "unknown change", "log length 0"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void malformedStatesRefused()
    {
        QFETCH(QString, variant);
        FolderFixture f;
        FolderState::Fields fields = write(f).states[1].fields();
        if (variant == QLatin1String("sequence 0"))
            fields.sequence = 0;
        else if (variant == QLatin1String("first state with a previous hash"))
            fields.sequence = 1;
        else if (variant == QLatin1String("later state without one"))
            fields.previousHash = QByteArray(32, '\0');
        else if (variant == QLatin1String("rotation naming an item"))
            fields.change = FolderState::Change::Rotation;
        else if (variant == QLatin1String("write naming no item"))
            fields.itemId = QUuid();
        else if (variant == QLatin1String("unknown change"))
            fields.change = FolderState::Change(9);
        else
            fields.logLength = 0;
        const QByteArray bytes = FolderState::sign(fields, f.bob.keys).serialize();
        QVERIFY(!FolderState::parse(bytes).ok());
        QVERIFY(
            FolderState::parse(FolderState::sign(write(f).states[1].fields(), f.bob.keys).serialize()).ok());
        QVERIFY(!FolderState::parse(bytes.chopped(1)).ok());
    }
};

QTEST_GUILESS_MAIN(TestFolderStateChain)
#include "TestFolderStateChain.moc"
