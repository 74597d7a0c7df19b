// Tests the client against a hostile server (protocol.md §1, DESIGN §6 and §9): three real
// clients and the real conclave-server, the victim's client behind TamperingProxy, which
// changes the server's answers on the wire. For every attack the victim first holds good
// data; then the attack runs, and the client must refuse it with a sentence that names what
// is wrong, keep everything it held (plaintext, revisions, the cache file byte for byte), and
// sync normally once the proxy stops tampering. One row per attack variant:
// - a byte of an envelope (nonce, ciphertext, signature) or of the folder state flipped;
// - an item moved from another folder, or another item's envelope under an item's id;
// - an older revision, or an earlier answer of the server, replayed;
// - a new item, a held item, a new revision or a delete marker withheld;
// - the membership log cut back, an entry of it altered, the log from before a removal
//   replayed, the folder detail of another folder or organisation;
// - a member's key swapped in the key look-up: the manager adding them, or removing someone
//   else (the rotation would grant the new key to the swapped key), is the victim.
#include "FolderAdmin.h"
#include "SharingDevice.h"
#include "SharingTeam.h"
#include "TamperingProxy.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRotation.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <map>
#include <memory>

using namespace Conclave::Core;

namespace {

const char* const kPasswordA = "ada's long password";
const char* const kPasswordB = "bob's long password";
const char* const kPasswordC = "cy's long password";

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString itemsRoute(const QUuid& folderId)
{
    return QStringLiteral("/api/v1/folders/") + idText(folderId) + QStringLiteral("/items");
}

QString folderRoute(const QUuid& folderId)
{
    return QStringLiteral("/api/v1/folders/") + idText(folderId);
}

QString flipByte(const QString& base64, qsizetype offset)
{
    QByteArray bytes = QByteArray::fromBase64(base64.toLatin1());
    if (offset < 0)
        offset += bytes.size();
    if (offset >= 0 && offset < bytes.size())
        bytes[offset] = char(bytes[offset] ^ 0x01);
    return QString::fromLatin1(bytes.toBase64());
}

// Applies `change` to every row of an items answer (a page or a 409's changedItems); a row
// for which it returns false is dropped. The number of rows changed or dropped is returned.
int editRows(QJsonObject& json, const std::function<bool(QJsonObject&)>& change)
{
    int touched = 0;
    QJsonArray kept;
    const QJsonArray rows = json.value(QStringLiteral("items")).toArray();
    for (const QJsonValue& value : rows) {
        QJsonObject row = value.toObject();
        const QJsonObject before = row;
        if (!change(row)) {
            ++touched;
            continue;
        }
        if (row != before)
            ++touched;
        kept.append(row);
    }
    json.insert(QStringLiteral("items"), kept);
    return touched;
}

QUuid rowId(const QJsonObject& row)
{
    return QUuid::fromString(row.value(QStringLiteral("itemId")).toString());
}

// What the victim holds, to compare before and after an attack.
struct Holding
{
    std::map<QUuid, std::map<QUuid, std::pair<quint64, QByteArray>>> items;
    std::map<QUuid, QString> names;
    QByteArray cacheDigest;

    bool operator==(const Holding& other) const
    {
        return items == other.items && names == other.names && cacheDigest == other.cacheDigest;
    }
};

QByteArray cacheDigest(const QString& directory)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList files = QDir(directory).entryList(
        {QStringLiteral("sync-*.sqlite"), QStringLiteral("sync-*.sqlite-wal")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile file(QDir(directory).filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            hash.addData(name.toUtf8());
            hash.addData(file.readAll());
        }
    }
    return files.isEmpty() ? QByteArray() : hash.result();
}

} // namespace

class TestTampering : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void attackIsRefused_data();
    void attackIsRefused();
    void swappedKeyIsRefused_data();
    void swappedKeyIsRefused();
    // It wipes B's folders and brings them back.
    void blockedChangeWipesAndStartsOver();
    void swappedKeyDuringRemovalIsRefused();

private:
    Holding holding() const;
    QJsonObject honestRow(const QUuid& folderId, const QUuid& itemId, quint64 revision = 0) const;
    bool write(SharingDevice& device, const QUuid& folderId, const QUuid& itemId, const QByteArray& text,
               QUuid* written = nullptr);
    bool syncB();
    bool removeMember(const QUuid& folderId, const QUuid& removedId)
    {
        const auto removed =
            await([&](QObject* c, auto done) { m_a->engine.removeMember(folderId, removedId, c, done); });
        return removed && removed->ok();
    }
    bool restartB();

    SharingTeam m_team;
    std::unique_ptr<TamperingProxy> m_proxy;
    QTemporaryDir m_dirA;
    QTemporaryDir m_dirB;
    QTemporaryDir m_dirC;
    QString m_emailA;
    QString m_emailB;
    QString m_emailC;
    std::unique_ptr<SharingDevice> m_a; // the manager, straight to the server
    std::unique_ptr<SharingDevice> m_b; // the victim, through the proxy
    std::unique_ptr<SharingDevice> m_c; // another member, straight to the server
    QUuid m_x;                          // shared with B and C
    QUuid m_y;                          // shared with B
    QUuid m_item1;                      // in X, two revisions
    QUuid m_item2;                      // in X
    QUuid m_yItem;                      // in Y
    int m_rowCounter = 0;
};

void TestTampering::initTestCase()
{
    QVERIFY(m_team.start(QStringLiteral("TestTampering")));
    m_proxy = std::make_unique<TamperingProxy>(m_team.url());
    QVERIFY(m_proxy->listen());

    m_emailA = m_team.email("ada");
    m_emailB = m_team.email("bob");
    m_emailC = m_team.email("cy");
    QVERIFY(m_team.signUp(m_emailA, kPasswordA));
    QVERIFY(m_team.signUp(m_emailB, kPasswordB));
    QVERIFY(m_team.signUp(m_emailC, kPasswordC));
    m_a = std::make_unique<SharingDevice>(m_team.url(), m_dirA.path());
    m_b = std::make_unique<SharingDevice>(m_proxy->url(), m_dirB.path());
    m_c = std::make_unique<SharingDevice>(m_team.url(), m_dirC.path());
    QVERIFY(SharingTeam::signIn(*m_a, m_emailA, kPasswordA));
    QVERIFY(SharingTeam::signIn(*m_b, m_emailB, kPasswordB));
    QVERIFY(SharingTeam::signIn(*m_c, m_emailC, kPasswordC));

    for (QUuid* folder : {&m_x, &m_y}) {
        const auto made = awaitResult<QUuid>([&](QObject* c, auto done) {
            m_a->engine.createFolder(m_team.orgId(),
                                     folder == &m_x ? QStringLiteral("Folder X") : QStringLiteral("Folder Y"),
                                     c, done);
        });
        E2E_VERIFY_OK(made);
        *folder = made->value();
        QVERIFY(SharingTeam::addMember(*m_a, *folder, *m_b, m_emailB, FolderRole::Edit));
    }
    QVERIFY(write(*m_a, m_x, {}, "x item one, revision 1", &m_item1));
    QVERIFY(write(*m_a, m_x, {}, "x item two", &m_item2));
    QVERIFY(write(*m_a, m_y, {}, "y item", &m_yItem));
    QVERIFY(syncB());
    // C joins X after B saw the log: B's checkpoint then covers C's add entry.
    QVERIFY(SharingTeam::addMember(*m_a, m_x, *m_c, m_emailC, FolderRole::Edit));
    QVERIFY(write(*m_a, m_x, m_item1, "x item one, revision 2"));
    QVERIFY(syncB());
    QCOMPARE(m_b->engine.itemRevision(m_x, m_item1), quint64(2));
    QCOMPARE(plainText(m_b->engine.itemPlaintext(m_y, m_yItem)), QByteArray("y item"));
}

void TestTampering::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_c.reset();
    m_proxy.reset();
    m_team.stop();
}

bool TestTampering::write(SharingDevice& device, const QUuid& folderId, const QUuid& itemId,
                          const QByteArray& text, QUuid* written)
{
    const auto result = awaitResult<QUuid>(
        [&](QObject* c, auto done) { device.engine.writeItem(folderId, itemId, text, c, done); });
    if (!result || !result->ok()) {
        qWarning("write failed: %s", result ? qPrintable(result->error().message) : "timeout");
        return false;
    }
    if (written)
        *written = result->value();
    return true;
}

bool TestTampering::syncB()
{
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    if (!synced || !synced->ok()) {
        qWarning("sync failed: %s", synced ? qPrintable(synced->error().message) : "timeout");
        return false;
    }
    return true;
}

Holding TestTampering::holding() const
{
    Holding h;
    for (const QUuid& folderId : m_b->engine.folderIds()) {
        h.names[folderId] = m_b->engine.folderName(folderId);
        auto& items = h.items[folderId];
        for (const QUuid& itemId : m_b->engine.itemIds(folderId))
            items[itemId] = {m_b->engine.itemRevision(folderId, itemId),
                             plainText(m_b->engine.itemPlaintext(folderId, itemId))};
    }
    h.cacheDigest = cacheDigest(m_dirB.path());
    return h;
}

// The newest row for the item (at `revision`, when given) the server sent the victim.
QJsonObject TestTampering::honestRow(const QUuid& folderId, const QUuid& itemId, quint64 revision) const
{
    const QList<TamperingProxy::Exchange>& seen = m_proxy->honest();
    for (qsizetype i = seen.size() - 1; i >= 0; --i) {
        if (!seen.at(i).is("GET", itemsRoute(folderId)) || seen.at(i).status != 200)
            continue;
        const QJsonArray rows = seen.at(i).json().value(QStringLiteral("items")).toArray();
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            if (rowId(row) == itemId &&
                (revision == 0 || quint64(row.value(QStringLiteral("revision")).toInteger()) == revision))
                return row;
        }
    }
    return {};
}

void TestTampering::attackIsRefused_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("words"); // a regular expression the refusal must match

    QTest::newRow("envelope: a nonce byte flipped") << "flip-nonce"
                                                    << "signature is not valid";
    QTest::newRow("envelope: a ciphertext byte flipped") << "flip-ciphertext"
                                                         << "signature is not valid";
    QTest::newRow("envelope: a signature byte flipped") << "flip-signature"
                                                        << "signature is not valid";
    QTest::newRow("folder state: a byte flipped") << "flip-state"
                                                  << "folder state|change to the folder";
    QTest::newRow("moved: another folder's item in an item's place") << "move-in-place"
                                                                     << "different folder";
    QTest::newRow("moved: another folder's item under its own id") << "move-own-id"
                                                                   << "different folder";
    QTest::newRow("swapped: another item's envelope under an item's id") << "swap-id"
                                                                         << "swapped id";
    QTest::newRow("replay: an older revision with the newest state") << "old-revision"
                                                                     << "older revision";
    QTest::newRow("replay: an earlier answer to a feed sync") << "old-answer"
                                                              << "older revision|older state";
    QTest::newRow("replay: an earlier answer to a full refresh") << "old-full-read"
                                                                 << "older revision|older state";
    QTest::newRow("withheld: a new item") << "withhold-new"
                                          << "do not match its signed state";
    QTest::newRow("withheld: a held item left out of a full read") << "withhold-held"
                                                                   << "do not match its signed state";
    QTest::newRow("withheld: a new revision (the held one served)")
        << "withhold-revision"
        << "does not describe the item|do not match its signed state";
    QTest::newRow("withheld: a delete marker (the item served as live)")
        << "withhold-delete"
        << "does not describe the item|do not match its signed state";
    QTest::newRow("membership: the log cut back before its newest entry")
        << "log-truncated"
        << "older or truncated membership list";
    QTest::newRow("membership: an entry of the log altered") << "log-altered"
                                                             << "membership list|signature";
    QTest::newRow("membership: the log from before a removal replayed")
        << "log-before-removal"
        << "older or truncated membership list";
    QTest::newRow("membership: a new revision by a member lowered to View") << "lowered-writer"
                                                                            << "right to edit";
    QTest::newRow("membership: an item by a member removed since")
        << "removed-writer"
        << "right to edit|never a member|departed member|stale key";
    QTest::newRow("membership: a removal the signed log does not show") << "fake-removal"
                                                                        << "still lists you|still a member";
    QTest::newRow("restart: an earlier answer replayed after a restart") << "restart-old-answer"
                                                                         << "older revision|older state";
    QTest::newRow("listing: an item listed twice") << "listed-twice"
                                                   << "listed an item twice";
    QTest::newRow("folder: another folder's detail") << "detail-other-folder"
                                                     << "another folder";
    QTest::newRow("folder: moved to another organisation") << "detail-other-org"
                                                           << "another organisation";
}

void TestTampering::attackIsRefused()
{
    QFETCH(QString, attack);
    QFETCH(QString, words);
    const QByteArray tag = attack.toLatin1() + ' ' + QByteArray::number(++m_rowCounter);

    // Set-up the attack needs, done honestly: the victim syncs it first.
    QUuid target = m_item1;
    QJsonObject recorded;
    if (attack == QLatin1String("withhold-delete")) {
        QVERIFY(write(*m_a, m_x, {}, "to be deleted " + tag, &target));
        QVERIFY(syncB());
        recorded = honestRow(m_x, target);
        QVERIFY(!recorded.isEmpty());
    } else if (attack == QLatin1String("old-answer") || attack == QLatin1String("old-full-read")) {
        // The first full read of X, from before item one's second revision.
        for (const TamperingProxy::Exchange& e : m_proxy->honest()) {
            if (e.is("GET", itemsRoute(m_x)) && !e.query().contains(QLatin1String("sinceState"))) {
                recorded = e.json();
                break;
            }
        }
        QVERIFY(!recorded.isEmpty());
    } else if (attack == QLatin1String("log-before-removal")) {
        // A member who is removed later: B sees the log with them, then without them.
        QTemporaryDir dir;
        const QString email = m_team.email("gone");
        QVERIFY(m_team.signUp(email, "gone's long password"));
        SharingDevice gone(m_team.url(), dir.path());
        QVERIFY(SharingTeam::signIn(gone, email, "gone's long password"));
        QVERIFY(SharingTeam::addMember(*m_a, m_x, gone, email, FolderRole::Edit));
        QVERIFY(write(*m_a, m_x, m_item2, "x item two before the removal " + tag));
        QVERIFY(syncB());
        const TamperingProxy::Exchange* before = m_proxy->lastHonest("GET", folderRoute(m_x));
        QVERIFY(before);
        recorded = before->json();
        QVERIFY(removeMember(m_x, gone.client.account().userId));
        QVERIFY(syncB());
        QVERIFY(m_b->engine.itemRevision(m_x, m_item1) > 0);
    }

    QByteArray forgedEnvelope;
    if (attack == QLatin1String("removed-writer") || attack == QLatin1String("lowered-writer")) {
        // A member who holds the folder key, then is removed: what they sign afterwards.
        QTemporaryDir dir;
        const QString email = m_team.email("former");
        QVERIFY(m_team.signUp(email, "former's long password"));
        SharingDevice former(m_team.url(), dir.path());
        QVERIFY(SharingTeam::signIn(former, email, "former's long password"));
        QVERIFY(SharingTeam::addMember(*m_a, m_x, former, email, FolderRole::Edit));
        std::optional<MembershipState> members;
        FolderKeyRing ring(m_x);
        QVERIFY(FolderAdmin::openFolder(former, m_x, members, ring));
        if (attack == QLatin1String("lowered-writer")) {
            const auto lowered = await([&](QObject* c, auto done) {
                m_a->engine.changeRole(m_x, former.client.account().userId, FolderRole::View, c, done);
            });
            E2E_VERIFY_OK(lowered);
        } else {
            QVERIFY(removeMember(m_x, former.client.account().userId));
        }
        QVERIFY(syncB());
        const QJsonObject held = honestRow(m_x, m_item1, m_b->engine.itemRevision(m_x, m_item1));
        QVERIFY(!held.isEmpty());
        Result<ItemEnvelope> heldEnvelope = ItemEnvelope::parse(
            QByteArray::fromBase64(held.value(QStringLiteral("envelope")).toString().toLatin1()));
        QVERIFY(heldEnvelope.ok());
        ItemEnvelope::Header header = heldEnvelope->header();
        header.revision += 1;
        header.previousHash = heldEnvelope->hash();
        header.authorId = former.client.account().userId;
        header.keyVersion = ring.latestVersion();
        header.nonce.clear();
        Result<ItemEnvelope> sealed =
            ItemEnvelope::seal(header, QByteArray("written after the removal " + tag),
                               *ring.key(ring.latestVersion()), *former.client.userKeys());
        QVERIFY(sealed.ok());
        forgedEnvelope = sealed->serialize();
    } else if (attack == QLatin1String("restart-old-answer")) {
        for (const TamperingProxy::Exchange& e : m_proxy->honest()) {
            if (e.is("GET", itemsRoute(m_x)) && !e.query().contains(QLatin1String("sinceState"))) {
                recorded = e.json();
                break;
            }
        }
        QVERIFY(!recorded.isEmpty());
        QVERIFY(restartB());
    }

    const Holding before = holding();
    QVERIFY(!before.cacheDigest.isEmpty());

    // The honest change the victim's next sync must pick up.
    QByteArray next;
    bool fullRefresh = false;
    QUuid newItem;
    if (attack == QLatin1String("withhold-delete")) {
        const auto deleted =
            await([&](QObject* c, auto done) { m_a->engine.deleteItem(m_x, target, c, done); });
        E2E_VERIFY_OK(deleted);
    } else if (attack == QLatin1String("withhold-new")) {
        next = "a new item " + tag;
        QVERIFY(write(*m_a, m_x, {}, next, &newItem));
    } else if (attack == QLatin1String("withhold-held") || attack == QLatin1String("old-full-read") ||
               attack == QLatin1String("restart-old-answer") || attack == QLatin1String("listed-twice")) {
        fullRefresh = true;
    } else {
        next = "x item one, " + tag;
        QVERIFY(write(*m_a, m_x, m_item1, next));
    }
    // A feed change of kind item is read on the log and keys held, without the folder's
    // detail; the attacks on the detail need a read that asks for it.
    if (attack.startsWith(QLatin1String("log-")) || attack.startsWith(QLatin1String("detail-")))
        fullRefresh = true;

    const QJsonObject heldRow = honestRow(m_x, m_item1, m_b->engine.itemRevision(m_x, m_item1));
    const QJsonObject olderRow = honestRow(m_x, m_item1, 1);
    const QJsonObject otherFolderRow = honestRow(m_y, m_yItem);
    const QJsonObject otherItemRow = honestRow(m_x, m_item2);
    QVERIFY(!heldRow.isEmpty());
    QVERIFY(!olderRow.isEmpty());
    QVERIFY(!otherFolderRow.isEmpty());
    QVERIFY(!otherItemRow.isEmpty());
    const QUuid folderX = m_x;
    const QUuid folderY = m_y;
    const QUuid item1 = m_item1;
    const QUuid item2 = m_item2;
    const QUuid orgId = m_team.orgId();

    int tampered = 0;
    m_proxy->setRule([&, attack](TamperingProxy::Exchange& e) {
        if (e.status != 200 && e.status != 409)
            return;
        QJsonObject json = e.json();
        const bool items = e.is("GET", itemsRoute(folderX));
        const bool detail = e.is("GET", folderRoute(folderX));
        auto flip = [&](qsizetype offset) {
            tampered += editRows(json, [&](QJsonObject& row) {
                if (rowId(row) == item1)
                    row.insert(QStringLiteral("envelope"),
                               flipByte(row.value(QStringLiteral("envelope")).toString(), offset));
                return true;
            });
        };
        auto replaceItem1 = [&](const QJsonObject& with, bool keepId) {
            tampered += editRows(json, [&](QJsonObject& row) {
                if (rowId(row) == item1) {
                    const QJsonValue id = row.value(QStringLiteral("itemId"));
                    row = with;
                    if (keepId)
                        row.insert(QStringLiteral("itemId"), id);
                }
                return true;
            });
        };
        if (items && attack == QLatin1String("flip-nonce"))
            flip(140);
        else if (items && attack == QLatin1String("flip-ciphertext"))
            flip(200);
        else if (items && attack == QLatin1String("flip-signature"))
            flip(-1);
        else if (items && attack == QLatin1String("flip-state")) {
            QJsonObject state = json.value(QStringLiteral("state")).toObject();
            if (state.isEmpty())
                return;
            state.insert(QStringLiteral("state"),
                         flipByte(state.value(QStringLiteral("state")).toString(), 150));
            json.insert(QStringLiteral("state"), state);
            ++tampered;
        } else if (items && attack == QLatin1String("move-in-place"))
            replaceItem1(otherFolderRow, true);
        else if (items && attack == QLatin1String("move-own-id"))
            replaceItem1(otherFolderRow, false);
        else if (items && attack == QLatin1String("swap-id"))
            replaceItem1(otherItemRow, true);
        else if (items && attack == QLatin1String("old-revision"))
            replaceItem1(olderRow, false);
        else if (items &&
                 (attack == QLatin1String("removed-writer") || attack == QLatin1String("lowered-writer")))
            tampered += editRows(json, [&](QJsonObject& row) {
                if (rowId(row) == item1)
                    row.insert(QStringLiteral("envelope"), QString::fromLatin1(forgedEnvelope.toBase64()));
                return true;
            });
        else if (items && attack == QLatin1String("listed-twice")) {
            QJsonArray rows = json.value(QStringLiteral("items")).toArray();
            for (const QJsonValue& row : rows) {
                if (rowId(row.toObject()) == item1) {
                    rows.append(row);
                    ++tampered;
                    break;
                }
            }
            json.insert(QStringLiteral("items"), rows);
        } else if (e.is("GET", QStringLiteral("/api/v1/feed")) && attack == QLatin1String("fake-removal")) {
            QJsonArray changes = json.value(QStringLiteral("changes")).toArray();
            for (qsizetype i = 0; i < changes.size(); ++i) {
                QJsonObject change = changes.at(i).toObject();
                if (change.value(QStringLiteral("folderId")).toString() != idText(folderX))
                    continue;
                change.remove(QStringLiteral("folderId"));
                change.insert(QStringLiteral("kind"), QStringLiteral("removed"));
                change.insert(QStringLiteral("objectId"), idText(folderX));
                changes[i] = change;
                ++tampered;
            }
            json.insert(QStringLiteral("changes"), changes);
        } else if (items &&
                   (attack == QLatin1String("old-answer") || attack == QLatin1String("old-full-read") ||
                    attack == QLatin1String("restart-old-answer"))) {
            json = recorded;
            ++tampered;
        } else if (items && attack == QLatin1String("withhold-new")) {
            tampered += editRows(json, [&](const QJsonObject& row) { return rowId(row) != newItem; });
        } else if (items && attack == QLatin1String("withhold-held")) {
            tampered += editRows(json, [&](const QJsonObject& row) { return rowId(row) != item2; });
        } else if (items && attack == QLatin1String("withhold-revision")) {
            replaceItem1(heldRow, false);
        } else if (items && attack == QLatin1String("withhold-delete")) {
            tampered += editRows(json, [&](QJsonObject& row) {
                if (rowId(row) == target)
                    row = recorded;
                return true;
            });
        } else if (detail && attack == QLatin1String("log-truncated")) {
            QJsonArray log = json.value(QStringLiteral("log")).toArray();
            log.removeLast();
            json.insert(QStringLiteral("log"), log);
            json.insert(QStringLiteral("logLength"), log.size());
            ++tampered;
        } else if (detail && attack == QLatin1String("log-altered")) {
            QJsonArray log = json.value(QStringLiteral("log")).toArray();
            QJsonObject last = log.last().toObject();
            last.insert(QStringLiteral("entry"),
                        flipByte(last.value(QStringLiteral("entry")).toString(), -1));
            log[log.size() - 1] = last;
            json.insert(QStringLiteral("log"), log);
            ++tampered;
        } else if (detail && attack == QLatin1String("log-before-removal")) {
            json = recorded;
            ++tampered;
        } else if (detail && attack == QLatin1String("detail-other-folder")) {
            json.insert(QStringLiteral("folderId"), idText(folderY));
            ++tampered;
        } else if (detail && attack == QLatin1String("detail-other-org")) {
            json.insert(QStringLiteral("orgId"), idText(QUuid::createUuid()));
            ++tampered;
        } else {
            return;
        }
        Q_UNUSED(orgId)
        e.setJson(json);
    });

    QSignalSpy refused(&m_b->engine, &SyncEngine::dataRefused);
    const auto synced = await([&](QObject* c, auto done) {
        if (fullRefresh)
            m_b->engine.syncFolder(folderX, c, done);
        else
            m_b->engine.sync(c, done);
    });
    m_proxy->clearRule();

    QVERIFY2(tampered > 0, "the attack never ran");
    QVERIFY2(synced.has_value(), "no answer in time");
    QVERIFY2(!synced->ok(), "the tampered answer was accepted");
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).value<QUuid>(), m_x);
    const QString reason = refused.first().at(1).toString();
    QVERIFY2(QRegularExpression(words, QRegularExpression::CaseInsensitiveOption).match(reason).hasMatch(),
             qPrintable(reason));
    QVERIFY(synced->error().message.contains(reason));
    // Everything held is still there, and nothing was written to the cache.
    QVERIFY(holding() == before);

    // With the proxy honest again, the same change arrives.
    const auto again = await([&](QObject* c, auto done) {
        if (fullRefresh)
            m_b->engine.syncFolder(folderX, c, done);
        else
            m_b->engine.sync(c, done);
    });
    E2E_VERIFY_OK(again);
    if (attack == QLatin1String("withhold-delete"))
        QVERIFY(!m_b->engine.itemIds(m_x).contains(target));
    else if (attack == QLatin1String("withhold-new"))
        QCOMPARE(plainText(m_b->engine.itemPlaintext(m_x, newItem)), next);
    else if (!next.isEmpty())
        QCOMPARE(plainText(m_b->engine.itemPlaintext(m_x, m_item1)), next);
    else
        QVERIFY(holding().items == before.items);
}

bool TestTampering::restartB()
{
    m_b.reset();
    m_b = std::make_unique<SharingDevice>(m_proxy->url(), m_dirB.path());
    return SharingTeam::signIn(*m_b, m_emailB, kPasswordB);
}

void TestTampering::swappedKeyIsRefused_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("words");
    QTest::newRow("an invitee's key replaced by one the server made") << "forged"
                                                                      << "safety numbers do not match";
    QTest::newRow("an invitee's key replaced by another member's") << "other-member"
                                                                   << "safety numbers do not match";
    QTest::newRow("a verified member's key replaced") << "pinned"
                                                      << "security key has changed|not been verified";
}

// The victim is the manager: B, behind the proxy, shares its own folder with a new member.
void TestTampering::swappedKeyIsRefused()
{
    QFETCH(QString, attack);
    QFETCH(QString, words);

    QTemporaryDir dir;
    const QString email = m_team.email("new");
    QVERIFY(m_team.signUp(email, "new member's long password"));
    SharingDevice invitee(m_team.url(), dir.path());
    QVERIFY(SharingTeam::signIn(invitee, email, "new member's long password"));
    const QUuid inviteeId = invitee.client.account().userId;
    const QString number = Fingerprint::of(invitee.client.userKeys()->identityPublicKey()).safetyNumber();

    const auto made = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.createFolder(m_team.orgId(), QStringLiteral("B's folder"), c, done);
    });
    E2E_VERIFY_OK(made);
    const QUuid folder = made->value();
    if (attack == QLatin1String("pinned")) {
        // Verified and added to one folder honestly; the swap comes with the second.
        const auto first = awaitResult<QUuid>([&](QObject* c, auto done) {
            m_b->engine.createFolder(m_team.orgId(), QStringLiteral("B's first folder"), c, done);
        });
        E2E_VERIFY_OK(first);
        QVERIFY(SharingTeam::addMember(*m_b, first->value(), invitee, email, FolderRole::View));
    }
    auto logLength = [&] {
        const auto detail = awaitResult<SharingApi::FolderDetail>(
            [&](QObject* c, auto done) { m_a->engine.api().folder(folder, c, done); });
        return detail && detail->ok() ? detail->value().log.size() : -1;
    };
    Q_UNUSED(logLength)

    const UserKeys forgedKeys = UserKeys::generate();
    const QByteArray forged = UserKeyBundle::create(inviteeId, forgedKeys).serialize();
    const QByteArray otherMember =
        UserKeyBundle::create(m_a->client.account().userId, *m_a->client.userKeys()).serialize();
    int tampered = 0;
    m_proxy->setRule([&](TamperingProxy::Exchange& e) {
        if (!e.is("POST", QStringLiteral("/api/v1/keys/lookup")) || e.status != 200)
            return;
        QJsonObject json = e.json();
        const bool other = attack == QLatin1String("other-member");
        json.insert(QStringLiteral("userId"), idText(other ? m_a->client.account().userId : inviteeId));
        json.insert(QStringLiteral("bundle"), QString::fromLatin1((other ? otherMember : forged).toBase64()));
        e.setJson(json);
        ++tampered;
    });
    const auto lookup = awaitResult<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { m_b->engine.api().lookupKey(email, c, done); });
    E2E_VERIFY_OK(lookup);
    QCOMPARE(tampered, 1);
    QString reason;
    if (attack != QLatin1String("pinned")) {
        const Status confirmed = m_b->engine.confirmSafetyNumber(lookup->value().bundle, number);
        QVERIFY(!confirmed.ok());
        reason = confirmed.error().message;
    }
    const auto added = await([&](QObject* c, auto done) {
        m_b->engine.addMember(folder, lookup->value().bundle, FolderRole::Edit, c, done);
    });
    m_proxy->clearRule();
    QVERIFY(added.has_value());
    QVERIFY2(!added->ok(), "the swapped key was admitted");
    if (reason.isEmpty())
        reason = added->error().message;
    QVERIFY2(QRegularExpression(words, QRegularExpression::CaseInsensitiveOption).match(reason).hasMatch(),
             qPrintable(reason));
    // Nothing was signed for the swapped key: the folder's log holds the create entry only.
    const auto detail = awaitResult<SharingApi::FolderDetail>(
        [&](QObject* c, auto done) { m_b->engine.api().folder(folder, c, done); });
    E2E_VERIFY_OK(detail);
    QCOMPARE(detail->value().log.size(), 1);

    // Honest again: the real key is admitted and the member reads the folder.
    QVERIFY(SharingTeam::addMember(*m_b, folder, invitee, email, FolderRole::Edit));
    const auto synced = await([&](QObject* c, auto done) { invitee.engine.sync(c, done); });
    E2E_VERIFY_OK(synced);
    QCOMPARE(invitee.engine.folderName(folder), QStringLiteral("B's folder"));
}

// B, behind the proxy and restarted (so it holds no bundle from this run), removes one member;
// the key look-up of a member who stays is answered with a key the server made.
void TestTampering::swappedKeyDuringRemovalIsRefused()
{
    QTemporaryDir stayDir;
    QTemporaryDir goDir;
    const QString stayEmail = m_team.email("stays");
    const QString goEmail = m_team.email("goes");
    QVERIFY(m_team.signUp(stayEmail, "staying member's password"));
    QVERIFY(m_team.signUp(goEmail, "leaving member's password"));
    SharingDevice stays(m_team.url(), stayDir.path());
    SharingDevice goes(m_team.url(), goDir.path());
    QVERIFY(SharingTeam::signIn(stays, stayEmail, "staying member's password"));
    QVERIFY(SharingTeam::signIn(goes, goEmail, "leaving member's password"));
    const auto made = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.createFolder(m_team.orgId(), QStringLiteral("B's team folder"), c, done);
    });
    E2E_VERIFY_OK(made);
    const QUuid folder = made->value();
    QVERIFY(SharingTeam::addMember(*m_b, folder, stays, stayEmail, FolderRole::Edit));
    QVERIFY(SharingTeam::addMember(*m_b, folder, goes, goEmail, FolderRole::Edit));
    QVERIFY(restartB());

    const QUuid stayId = stays.client.account().userId;
    const QByteArray forged = UserKeyBundle::create(stayId, UserKeys::generate()).serialize();
    int tampered = 0;
    m_proxy->setRule([&](TamperingProxy::Exchange& e) {
        if (!e.is("POST", QStringLiteral("/api/v1/keys/lookup")) || e.status != 200)
            return;
        QJsonObject json = e.json();
        if (QUuid::fromString(json.value(QStringLiteral("userId")).toString()) != stayId)
            return;
        json.insert(QStringLiteral("bundle"), QString::fromLatin1(forged.toBase64()));
        e.setJson(json);
        ++tampered;
    });
    const auto removed = await([&](QObject* c, auto done) {
        m_b->engine.removeMember(folder, goes.client.account().userId, c, done);
    });
    m_proxy->clearRule();
    QVERIFY(removed.has_value());
    QVERIFY2(tampered > 0, "the attack never ran");
    QVERIFY2(!removed->ok(), "a rotation granted the new key to a swapped key");
    QVERIFY2(QRegularExpression(QStringLiteral("key"), QRegularExpression::CaseInsensitiveOption)
                 .match(removed->error().message)
                 .hasMatch(),
             qPrintable(removed->error().message));
    // Nothing was sent: the log still holds the create and the two add entries.
    const auto detail = awaitResult<SharingApi::FolderDetail>(
        [&](QObject* c, auto done) { m_b->engine.api().folder(folder, c, done); });
    E2E_VERIFY_OK(detail);
    QCOMPARE(detail->value().log.size(), 3);
    // The staying member still reads the folder with the key they hold.
    const auto synced = await([&](QObject* c, auto done) { stays.engine.sync(c, done); });
    E2E_VERIFY_OK(synced);
    QCOMPARE(stays.engine.folderName(folder), QStringLiteral("B's team folder"));
}

void TestTampering::blockedChangeWipesAndStartsOver()
{
    // A `blocked` change last in the feed (a block set while the feed was read, or a server
    // that says so; it could refuse all service anyway): B wipes every folder and says why.
    QVERIFY(syncB());
    QVERIFY(m_b->engine.folderIds().contains(m_x));
    int injected = 0;
    m_proxy->setRule([&injected](TamperingProxy::Exchange& e) {
        if (!e.is("GET", QStringLiteral("/api/v1/feed")) || injected > 0)
            return;
        QJsonObject json = e.json();
        if (json.value(QStringLiteral("more")).toBool())
            return;
        QJsonArray changes = json.value(QStringLiteral("changes")).toArray();
        const qint64 last =
            changes.isEmpty() ? 0 : changes.last().toObject().value(QStringLiteral("seq")).toInteger();
        const qint64 seq = std::max(last + 1, json.value(QStringLiteral("cursor")).toInteger());
        changes.append(
            QJsonObject{{QStringLiteral("seq"), seq},
                        {QStringLiteral("kind"), QStringLiteral("blocked")},
                        {QStringLiteral("objectId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
        json.insert(QStringLiteral("changes"), changes);
        json.insert(QStringLiteral("cursor"), seq);
        e.setJson(json);
        ++injected;
    });
    QSignalSpy blocked(&m_b->engine, &SyncEngine::sharingBlocked);
    const auto refused = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    m_proxy->clearRule();
    QVERIFY(refused.has_value());
    QCOMPARE(injected, 1);
    QVERIFY(!refused->ok());
    QVERIFY(refused->error().message.contains(QStringLiteral("turned off Team Sharing")));
    QCOMPARE(blocked.count(), 1);
    QVERIFY(m_b->engine.folderIds().isEmpty());
    // The feed is read from its start next time: with nothing saying blocked any more, the
    // grants before the old cursor bring the folders back.
    const Result<quint64> cursor = m_b->engine.localCache()->cursor();
    QVERIFY(cursor.ok());
    QCOMPARE(*cursor, quint64(0));
    QVERIFY(syncB());
    QVERIFY(m_b->engine.folderIds().contains(m_x));
    QVERIFY(m_b->engine.folderIds().contains(m_y));
}

QTEST_GUILESS_MAIN(TestTampering)
#include "TestTampering.moc"
