// BenchCrypto: rates of the item crypto for DESIGN §8's sync targets (10,000 items of 400
// bytes: seal, signature verification, decryption, and the full ItemReader path), of the
// folder state chain (a first-sync snapshot of every item, one write among them) and of a
// member removal with rotation (1,000 items, 50 members), and of saving the security state
// with a record per item (what every accepted change costs). Prints; asserts nothing.
//   build/<dir>/tests/benchmarks/BenchCrypto [items]
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRotation.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/SecurityStateStore.h"
#include "core/crypto/UserKeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <vector>

using namespace Conclave::Core;

namespace {
struct Member
{
    QUuid id = QUuid::createUuid();
    UserKeys keys = UserKeys::generate();
};

void report(QTextStream& out, const char* what, qint64 nanoseconds, int count)
{
    const double ms = double(nanoseconds) / 1e6;
    out << QStringLiteral("%1  %2 ms for %3  (%4 items/s, %5 us each)")
               .arg(QLatin1String(what), -34)
               .arg(ms, 9, 'f', 1)
               .arg(count)
               .arg(double(count) / (ms / 1000.0), 9, 'f', 0)
               .arg(ms * 1000.0 / count, 7, 'f', 1)
        << Qt::endl;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int items = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTextStream out(stdout);

    const QUuid org = QUuid::createUuid();
    const QUuid folder = QUuid::createUuid();
    Member manager;
    Member editor;
    MembershipState state(folder);
    FolderKeyRing ring(folder);
    ring.insert(1, FolderKeyRing::generateKey());
    (void)state.apply(MembershipLog::create(folder, manager.id, manager.keys, *ring.key(1), 0));
    (void)state.apply(MembershipLog::next(state, MembershipAction::Add, manager.id, manager.keys, editor.id,
                                          editor.keys.identityPublicKey(), FolderRole::Edit));
    const QByteArray plaintext(400, 'x');

    out << "Item crypto, " << items << " items of 400 bytes (one core)" << Qt::endl;
    QElapsedTimer timer;
    std::vector<ItemEnvelope> envelopes;
    envelopes.reserve(std::size_t(items));
    QList<QUuid> ids;
    for (int i = 0; i < items; ++i)
        ids << QUuid::createUuid();
    timer.start();
    for (int i = 0; i < items; ++i) {
        ItemEnvelope::Header h;
        h.orgId = org;
        h.folderId = folder;
        h.itemId = ids[i];
        h.keyVersion = 1;
        h.authorId = editor.id;
        envelopes.push_back(std::move(ItemEnvelope::seal(h, plaintext, *ring.key(1), editor.keys).value()));
    }
    report(out, "encrypt + sign (seal)", timer.nsecsElapsed(), items);

    QList<QByteArray> serialized;
    for (const ItemEnvelope& e : envelopes)
        serialized << e.serialize();
    timer.restart();
    int ok = 0;
    for (const ItemEnvelope& e : envelopes)
        ok += e.verifySignature(editor.keys.identityPublicKey()) ? 1 : 0;
    report(out, "verify signature", timer.nsecsElapsed(), items);

    timer.restart();
    for (const ItemEnvelope& e : envelopes)
        ok += e.decrypt(*ring.key(1)).ok() ? 1 : 0;
    report(out, "decrypt + unpad", timer.nsecsElapsed(), items);

    timer.restart();
    for (int i = 0; i < items; ++i) {
        ItemReader::Expectation expect;
        expect.orgId = org;
        expect.folderId = folder;
        expect.itemId = ids[i];
        ok += ItemReader::open(serialized[i], expect, state, ring).ok() ? 1 : 0;
    }
    report(out, "parse + checks + verify + decrypt", timer.nsecsElapsed(), items);
    if (ok != 3 * items)
        out << "UNEXPECTED FAILURES: " << (3 * items - ok) << Qt::endl;

    // The folder state chain: a first sync checks one signed state against every item's
    // envelope hash; an incremental sync checks one state per write.
    out << Qt::endl << "Folder state chain, " << items << " live items" << Qt::endl;
    QList<ItemEnvelope> latest(envelopes.begin(), envelopes.end());
    const FolderState full =
        FolderStateChain(folder).makeRotation(latest, state, manager.id, manager.keys, 0);
    FolderStateChain serverChain(folder);
    (void)serverChain.acceptSnapshot(full, latest, state);
    timer.restart();
    FolderStateChain reader(folder);
    const Status snapshot = reader.acceptSnapshot(full, latest, state);
    report(out, snapshot.ok() ? "first sync: snapshot check" : "snapshot FAILED", timer.nsecsElapsed(),
           items);
    constexpr int kWrites = 200;
    std::vector<ItemEnvelope> writes;
    for (int i = 0; i < kWrites; ++i) {
        ItemEnvelope::Header h;
        h.orgId = org;
        h.folderId = folder;
        h.itemId = ids[i % items];
        h.keyVersion = 1;
        h.revision = 2;
        h.previousHash = envelopes[std::size_t(i % items)].hash();
        h.authorId = editor.id;
        writes.push_back(std::move(ItemEnvelope::seal(h, plaintext, *ring.key(1), editor.keys).value()));
    }
    QList<FolderState> states;
    timer.restart();
    for (int i = 0; i < kWrites; ++i) {
        states << reader.makeWrite(writes[std::size_t(i)], state, editor.id, editor.keys, 0);
        (void)reader.acceptWrite(states.last(), writes[std::size_t(i)], state,
                                 FolderStateChain::LogView::Current);
    }
    report(out, "writer: make + sign a state", timer.nsecsElapsed(), kWrites);
    timer.restart();
    int chained = 0;
    for (int i = 0; i < kWrites; ++i)
        chained +=
            serverChain
                    .acceptWrite(states[i], writes[std::size_t(i)], state, FolderStateChain::LogView::Current)
                    .ok()
                ? 1
                : 0;
    report(out, chained == kWrites ? "reader/server: check one write" : "write check FAILED",
           timer.nsecsElapsed(), kWrites);

    // DESIGN §8: remove a member from a 1,000-item folder with 50 members, <= 300 ms client CPU.
    std::vector<Member> members(48);
    KeyPinStore pins;
    QList<UserKeyBundle> bundles{UserKeyBundle::create(manager.id, manager.keys)};
    (void)pins.check(manager.id, manager.keys.identityPublicKey());
    for (const Member& m : members) {
        (void)state.apply(MembershipLog::next(state, MembershipAction::Add, manager.id, manager.keys, m.id,
                                              m.keys.identityPublicKey(), FolderRole::Edit));
        bundles << UserKeyBundle::create(m.id, m.keys);
        (void)pins.check(m.id, m.keys.identityPublicKey());
    }
    FolderRotation::Request request;
    request.orgId = org;
    request.managerId = manager.id;
    request.removedId = editor.id;
    request.bundles = bundles;
    for (int i = 0; i < 1000 && i < items; ++i) {
        request.items << serialized[i];
        request.seen.insert(ids[i], ItemReader::Seen{1, envelopes[std::size_t(i)].hash()});
    }
    timer.restart();
    Result<RotationBatch> batch = FolderRotation::rotate(state, ring, manager.keys, pins, request);
    const qint64 rotation = timer.nsecsElapsed();
    out << Qt::endl
        << "Rotation: remove 1 of 50 members, re-encrypt " << request.items.size() << " items" << Qt::endl;
    report(out, batch.ok() ? "rotate (entries, grants, items)" : "rotate FAILED", rotation,
           int(request.items.size()));

    // The security state after a first sync of `items` items: one record per item, 50 folders.
    SecurityState security;
    for (int i = 0; i < items; ++i)
        security.acceptItem(QUuid::createUuid(), ids[i],
                            ItemReader::Seen{1, envelopes[std::size_t(i)].hash()});
    const SecureBytes accountKey = SecureBytes::random(32);
    const QUuid account = QUuid::createUuid();
    constexpr int kSaves = 50;
    qsizetype sealedSize = 0;
    timer.restart();
    for (int i = 0; i < kSaves; ++i)
        sealedSize = SecurityStateStore::seal(security, accountKey, account, quint64(i + 1)).size();
    const qint64 sealing = timer.nsecsElapsed();
    QTemporaryDir dir;
    // A whole new base each time (a first save, or the pins changed).
    bool saved = true;
    timer.restart();
    for (int i = 0; saved && i < kSaves; ++i) {
        SecurityStateStore fresh(dir.filePath(QStringLiteral("base-%1.state").arg(i)), account);
        saved = fresh.load(accountKey, 0).ok() && fresh.save(security, accountKey).ok();
    }
    const qint64 rewriting = timer.nsecsElapsed();
    // What an incremental sync saves: one item moved on, appended as a change record.
    SecurityStateStore store(dir.filePath(QStringLiteral("bench.state")), account);
    saved = saved && store.load(accountKey, 0).ok() && store.save(security, accountKey).ok();
    timer.restart();
    for (int i = 0; saved && i < kSaves; ++i) {
        auto& seen = security.items.begin()->second;
        security.acceptItem(security.items.begin()->first.first, security.items.begin()->first.second,
                            ItemReader::Seen{seen.revision + 1, seen.hash});
        saved = store.save(security, accountKey).ok();
    }
    const qint64 appending = timer.nsecsElapsed();
    out << Qt::endl
        << "Security state: " << items << " item records, " << sealedSize << " bytes sealed" << Qt::endl;
    report(out, "seal (serialise + encrypt)", sealing, kSaves);
    report(out, saved ? "save a new base (seal + write + sync + rename)" : "save FAILED", rewriting, kSaves);
    report(out, saved ? "save one change (diff + seal + append + sync)" : "save FAILED", appending, kSaves);
    return batch.ok() && saved && ok == 3 * items ? 0 : 1;
}
