// Tests AuditApi and AuditVerifier. The parsers take well-formed answers and refuse one hostile
// variant per rule (wrong type, missing field, inexact number, loose base64, wrong size, UUID
// in another spelling, a time that is not one), naming the field. Against the real
// conclave-server (AuditScenario): the caller's organisations and role, the item's and the
// folder's history (an edit, and a View member's refused write), the organisation log read
// page by page and verified; then the same answers altered on the way (one entry byte
// changed, two entries swapped, one dropped, a checkpoint forged, the chain recomputed after a
// changed entry, a log rewritten or cut short behind a checkpoint seen before, another key):
// each is reported with its position and what is wrong, in words, and nothing is pinned.
#include "AuditScenario.h"

#include "core/sync/AuditTrust.h"
#include "core/sync/AuditVerifier.h"

#include <QJsonArray>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QString kOrg = QStringLiteral("1b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a12");
const QString kUser = QStringLiteral("3b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a14");

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonObject historyEvent()
{
    return {{QStringLiteral("seq"), 7},
            {QStringLiteral("at"), QStringLiteral("2026-12-02T04:41:11.123Z")},
            {QStringLiteral("userId"), kUser},
            {QStringLiteral("objectKind"), QStringLiteral("item")},
            {QStringLiteral("objectId"), kOrg},
            {QStringLiteral("action"), QStringLiteral("item.updated")},
            {QStringLiteral("revision"), 2},
            {QStringLiteral("outcome"), QStringLiteral("done")}};
}

// A page of two genuine entries (encoded with the documented layout) and no checkpoint.
QJsonObject orgPage()
{
    QJsonArray entries;
    QByteArray hash(32, '\0');
    for (int seq = 1; seq <= 2; ++seq) {
        AuditApi::Entry e;
        e.seq = seq;
        e.at = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + seq, Qt::UTC);
        e.userId = kUser;
        e.objectKind = QStringLiteral("folder");
        e.objectId = kOrg;
        e.action = QStringLiteral("folder.created");
        const QByteArray bytes = AuditVerifier::encode(kOrg, e);
        hash = AuditVerifier::chain(hash, bytes);
        entries.append(QJsonObject{{QStringLiteral("seq"), seq},
                                   {QStringLiteral("entry"), b64(bytes)},
                                   {QStringLiteral("hash"), b64(hash)}});
    }
    return {{QStringLiteral("orgId"), kOrg},
            {QStringLiteral("publicKey"), b64(QByteArray(32, 'k'))},
            {QStringLiteral("headSeq"), 2},
            {QStringLiteral("previousHash"), b64(QByteArray(32, '\0'))},
            {QStringLiteral("entries"), entries},
            {QStringLiteral("checkpoints"), QJsonArray{}},
            {QStringLiteral("latestCheckpoint"), QJsonValue::Null},
            {QStringLiteral("next"), QJsonValue::Null}};
}

// Sets `path` (dot-separated, array indices as numbers) to `value`; undefined removes it.
QJsonValue setPath(QJsonValue node, QStringList path, const QJsonValue& value)
{
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int index = head.toInt(&isIndex);
    if (isIndex) {
        QJsonArray array = node.toArray();
        array[index] = path.isEmpty() ? value : setPath(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty()) {
        if (value.isUndefined())
            object.remove(head);
        else
            object.insert(head, value);
    } else {
        object.insert(head, setPath(object.value(head), path, value));
    }
    return object;
}

QByteArray fromB64(const QJsonValue& v)
{
    return QByteArray::fromBase64(v.toString().toLatin1());
}

// Rewrites every entry's hash from `from` on as an attacker who can recompute the chain would.
void rechain(QJsonArray& entries, qsizetype from)
{
    QByteArray hash = from == 0 ? QByteArray(32, '\0') : fromB64(entries.at(from - 1).toObject()[u"hash"]);
    for (qsizetype i = from; i < entries.size(); ++i) {
        QJsonObject e = entries.at(i).toObject();
        hash = AuditVerifier::chain(hash, fromB64(e[u"entry"]));
        e.insert(QStringLiteral("hash"), b64(hash));
        entries[i] = e;
    }
}

// Changes the first byte of entry `index`'s action name (the entry still decodes).
void changeAction(QJsonArray& entries, qsizetype index)
{
    QJsonObject e = entries.at(index).toObject();
    QByteArray bytes = fromB64(e[u"entry"]);
    AuditApi::Entry decoded;
    QString orgId;
    QVERIFY(AuditVerifier::decode(bytes, decoded, orgId).ok());
    const qsizetype at = bytes.lastIndexOf(decoded.action.toUtf8());
    QVERIFY(at > 0);
    bytes[at] = char(bytes[at] ^ 0x01);
    e.insert(QStringLiteral("entry"), b64(bytes));
    entries[index] = e;
}

} // namespace

class TestAuditApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void parsesWellFormedAnswers();
    void hostileOrgPage_data();
    void hostileOrgPage();
    void hostileHistory_data();
    void hostileHistory();
    void entryLayout_data();
    void entryLayout();

    void organisationsShowTheOwner();
    void itemHistoryShowsTheEdit();
    void folderHistoryShowsTheRefusedWrite();
    void genuineLogVerifiesAndPinsTheKey();
    void pagedLogVerifies();
    void alteredLogIsReported_data();
    void alteredLogIsReported();
    void pageThatGoesNowhereIsRefused();

private:
    Result<AuditApi::Report> verify(AuditTrust& trust);

    AuditScenario m_scenario;
    int m_trustDirs = 0;
    QTemporaryDir m_trustRoot;
};

void TestAuditApi::initTestCase()
{
    QVERIFY(m_scenario.start(QStringLiteral("TestAuditApi")));
}

void TestAuditApi::cleanupTestCase()
{
    m_scenario.ada.reset();
    m_scenario.bob.reset();
    m_scenario.server().stop();
}

Result<AuditApi::Report> TestAuditApi::verify(AuditTrust& trust)
{
    auto report = awaitValue<AuditApi::Report>([&](QObject* c, auto done) {
        m_scenario.ada->audit.verifyOrgLog(m_scenario.orgId, trust, c, {}, done);
    });
    if (!report)
        return Error::make(ErrorCode::Timeout, QStringLiteral("no answer in time"));
    return *report;
}

void TestAuditApi::parsesWellFormedAnswers()
{
    const auto page = AuditApi::parseOrgPage(orgPage());
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
    QCOMPARE(page->entries.size(), 2);
    QCOMPARE(page->entries.at(1).seq, 2);
    QCOMPARE(page->entries.at(1).action, QStringLiteral("folder.created"));
    QCOMPARE(page->entries.at(1).userId, kUser);
    QVERIFY(!page->next);

    AuditVerifier verifier(QUuid::fromString(kOrg), {}, std::nullopt);
    QVERIFY2(verifier.addPage(*page) && verifier.finish(), qPrintable(verifier.problem()));

    QJsonObject withEmail = historyEvent();
    withEmail.insert(QStringLiteral("actorEmail"), QStringLiteral("ada@example.com"));
    withEmail.insert(QStringLiteral("outcome"), QStringLiteral("refused"));
    withEmail.insert(QStringLiteral("reason"), QStringLiteral("forbidden"));
    const auto item = AuditApi::parseItemHistory(
        {{QStringLiteral("itemId"), kOrg}, {QStringLiteral("entries"), QJsonArray{withEmail}}});
    QVERIFY(item.ok());
    QCOMPARE(item->first().actorEmail, QStringLiteral("ada@example.com"));
    QVERIFY(item->first().refused);
    QCOMPARE(item->first().reason, QStringLiteral("forbidden"));
    QCOMPARE(item->first().at,
             QDateTime::fromString(QStringLiteral("2026-12-02T04:41:11.123Z"), Qt::ISODateWithMs));

    const auto orgs = AuditApi::parseOrganisations(
        {{QStringLiteral("organisations"),
          QJsonArray{QJsonObject{{QStringLiteral("orgId"), kOrg},
                                 {QStringLiteral("role"), QStringLiteral("admin")},
                                 {QStringLiteral("via"), QStringLiteral("email")}}}}});
    QVERIFY(orgs.ok());
    QVERIFY(orgs->first().isAdmin());
}

void TestAuditApi::hostileOrgPage_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    const QJsonValue absent = QJsonValue(QJsonValue::Undefined);
    QTest::newRow("orgId missing") << "orgId" << absent << "orgId";
    QTest::newRow("orgId upper case") << "orgId" << QJsonValue(kOrg.toUpper()) << "orgId";
    QTest::newRow("orgId with braces")
        << "orgId" << QJsonValue(QLatin1Char('{') + kOrg + QLatin1Char('}')) << "orgId";
    QTest::newRow("publicKey 31 bytes") << "publicKey" << QJsonValue(b64(QByteArray(31, 'k'))) << "publicKey";
    QTest::newRow("publicKey not base64") << "publicKey" << QJsonValue(QStringLiteral("***")) << "publicKey";
    QTest::newRow("headSeq a string") << "headSeq" << QJsonValue(QStringLiteral("2")) << "headSeq";
    QTest::newRow("headSeq inexact") << "headSeq" << QJsonValue(2.5) << "headSeq";
    QTest::newRow("headSeq negative") << "headSeq" << QJsonValue(-1) << "headSeq";
    QTest::newRow("headSeq 2^60") << "headSeq" << QJsonValue(double(1ull << 60)) << "headSeq";
    QTest::newRow("headSeq below the entries") << "headSeq" << QJsonValue(1) << "headSeq";
    QTest::newRow("previousHash 33 bytes")
        << "previousHash" << QJsonValue(b64(QByteArray(33, 'h'))) << "previousHash";
    QTest::newRow("entries an object") << "entries" << QJsonValue(QJsonObject{}) << "entries";
    QTest::newRow("entry a number") << "entries.0" << QJsonValue(3) << "entries[0]";
    QTest::newRow("entry seq 0") << "entries.0.seq" << QJsonValue(0) << "entries[0].seq";
    QTest::newRow("entry bytes missing") << "entries.1.entry" << absent << "entries[1].entry";
    QTest::newRow("entry bytes loose base64")
        << "entries.1.entry" << QJsonValue(QStringLiteral("a b c")) << "entries[1].entry";
    QTest::newRow("entry hash 16 bytes")
        << "entries.0.hash" << QJsonValue(b64(QByteArray(16, 'h'))) << "entries[0].hash";
    QTest::newRow("checkpoints missing") << "checkpoints" << absent << "checkpoints";
    QTest::newRow("checkpoint signature 63 bytes")
        << "checkpoints"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("seq"), 2},
                                             {QStringLiteral("atMs"), 5},
                                             {QStringLiteral("head"), b64(QByteArray(32, 'h'))},
                                             {QStringLiteral("signature"), b64(QByteArray(63, 's'))}}})
        << "checkpoints[0].signature";
    QTest::newRow("latestCheckpoint a string")
        << "latestCheckpoint" << QJsonValue(QStringLiteral("x")) << "latestCheckpoint";
    QTest::newRow("latestCheckpoint atMs missing")
        << "latestCheckpoint"
        << QJsonValue(QJsonObject{{QStringLiteral("seq"), 2},
                                  {QStringLiteral("head"), b64(QByteArray(32, 'h'))},
                                  {QStringLiteral("signature"), b64(QByteArray(64, 's'))}})
        << "latestCheckpoint.atMs";
    QTest::newRow("next a string") << "next" << QJsonValue(QStringLiteral("3")) << "next";
}

void TestAuditApi::hostileOrgPage()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject json = setPath(orgPage(), path.split(QLatin1Char('.')), value).toObject();
    const auto page = AuditApi::parseOrgPage(json);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, ErrorCode::Protocol);
    QCOMPARE(page.error().field, field);
    QVERIFY(page.error().message.contains(field));
}

void TestAuditApi::hostileHistory_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    const QJsonValue absent = QJsonValue(QJsonValue::Undefined);
    QTest::newRow("itemId missing") << "itemId" << absent << "itemId";
    QTest::newRow("entries missing") << "entries" << absent << "entries";
    QTest::newRow("too many entries")
        << "entries" << QJsonValue(QJsonArray::fromVariantList(QVariantList(1001, 1))) << "entries";
    QTest::newRow("at not a time") << "entries.0.at" << QJsonValue(QStringLiteral("yesterday"))
                                   << "entries[0].at";
    QTest::newRow("at a number") << "entries.0.at" << QJsonValue(5) << "entries[0].at";
    QTest::newRow("userId not a UUID")
        << "entries.0.userId" << QJsonValue(QStringLiteral("ada")) << "entries[0].userId";
    QTest::newRow("action missing") << "entries.0.action" << absent << "entries[0].action";
    QTest::newRow("action 300 characters")
        << "entries.0.action" << QJsonValue(QString(300, u'a')) << "entries[0].action";
    QTest::newRow("revision inexact") << "entries.0.revision" << QJsonValue(1.5) << "entries[0].revision";
    QTest::newRow("outcome unknown") << "entries.0.outcome" << QJsonValue(QStringLiteral("maybe"))
                                     << "entries[0].outcome";
    QTest::newRow("reason a number") << "entries.0.reason" << QJsonValue(3) << "entries[0].reason";
    QTest::newRow("actorEmail an array")
        << "entries.0.actorEmail" << QJsonValue(QJsonArray{}) << "entries[0].actorEmail";
}

void TestAuditApi::hostileHistory()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject good{{QStringLiteral("itemId"), kOrg},
                           {QStringLiteral("entries"), QJsonArray{historyEvent()}}};
    QVERIFY(AuditApi::parseItemHistory(good).ok());
    const auto parsed =
        AuditApi::parseItemHistory(setPath(good, path.split(QLatin1Char('.')), value).toObject());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().field, field);

    // The same entry inside a folder's history.
    QJsonObject folder{{QStringLiteral("folderId"), kOrg},
                       {QStringLiteral("entries"), QJsonArray{}},
                       {QStringLiteral("reads"), good.value(QStringLiteral("entries"))}};
    QVERIFY(AuditApi::parseFolderHistory(folder).ok());
    if (path.startsWith(QLatin1String("entries."))) {
        const QString readsPath = QStringLiteral("reads") + path.mid(7);
        const auto bad = AuditApi::parseFolderHistory(
            setPath(folder, readsPath.split(QLatin1Char('.')), value).toObject());
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("reads") + field.mid(7));
    }
}

void TestAuditApi::entryLayout_data()
{
    // Entries built from the layout with one part changed; `readable` whether decode() takes it.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("readable");
    AuditApi::Entry e;
    e.seq = 3;
    e.at = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    e.userId = kUser;
    e.objectKind = QStringLiteral("item");
    e.objectId = kOrg;
    e.action = QStringLiteral("item.updated");
    e.revision = 4;
    e.refused = true;
    e.reason = QStringLiteral("conflict");
    const QByteArray good = AuditVerifier::encode(kOrg, e);
    QTest::newRow("as written") << good << true;
    QTest::newRow("one byte short") << good.chopped(1) << false;
    QTest::newRow("a byte too many") << good + '\0' << false;
    QByteArray tag = good;
    tag[3] = 'X';
    QTest::newRow("another tag") << tag << false;
    // The outcome byte sits before the reason's 4-byte length and its 8 letters.
    QByteArray outcome = good;
    outcome[good.size() - 13] = 2;
    QTest::newRow("outcome 2") << outcome << false;
    QByteArray latin1 = good;
    latin1[good.size() - 1] = char(0xe9); // "conflic\xe9": not UTF-8
    QTest::newRow("reason not UTF-8") << latin1 << false;
    AuditApi::Entry zero = e;
    zero.seq = 0;
    QTest::newRow("seq 0") << AuditVerifier::encode(kOrg, zero) << false;
    QByteArray huge = good;
    huge.replace(good.indexOf(kOrg.toUtf8()) - 4, 4, QByteArray("\xff\xff\xff\xff", 4));
    QTest::newRow("a length of 4 GiB") << huge << false;
}

void TestAuditApi::entryLayout()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, readable);
    AuditApi::Entry entry;
    QString orgId;
    const Status decoded = AuditVerifier::decode(bytes, entry, orgId);
    QCOMPARE(decoded.ok(), readable);
    if (readable) {
        QCOMPARE(orgId, kOrg);
        QCOMPARE(entry.action, QStringLiteral("item.updated"));
        QVERIFY(entry.refused);
        QCOMPARE(entry.reason, QStringLiteral("conflict"));
        QCOMPARE(AuditVerifier::encode(orgId, entry), bytes);
    } else {
        QVERIFY(!decoded.error().message.isEmpty());
    }
}

void TestAuditApi::organisationsShowTheOwner()
{
    const auto orgs = awaitValue<QList<AuditApi::Organisation>>(
        [&](QObject* c, auto done) { m_scenario.ada->audit.organisations(c, done); });
    QVERIFY(orgs && orgs->ok());
    // Ada is the owner by her address and a member by her domain: one row each.
    bool owner = false;
    for (const AuditApi::Organisation& org : orgs->value()) {
        QCOMPARE(org.orgId, m_scenario.orgId);
        owner = owner || (org.role == QLatin1String("owner") && org.isAdmin());
    }
    QVERIFY(owner);

    const auto bobs = awaitValue<QList<AuditApi::Organisation>>(
        [&](QObject* c, auto done) { m_scenario.bob->audit.organisations(c, done); });
    QVERIFY(bobs && bobs->ok());
    QCOMPARE(bobs->value().size(), 1);
    QVERIFY(!bobs->value().first().isAdmin());

    // Bob is no admin: the organisation's log is refused in words.
    const auto log = awaitValue<AuditApi::OrgPage>(
        [&](QObject* c, auto done) { m_scenario.bob->audit.orgLog(m_scenario.orgId, 0, 10, c, done); });
    QVERIFY(log && !log->ok());
    QVERIFY(!log->error().message.isEmpty());
}

void TestAuditApi::itemHistoryShowsTheEdit()
{
    const auto history = awaitValue<QList<AuditApi::Entry>>([&](QObject* c, auto done) {
        m_scenario.ada->audit.itemHistory(m_scenario.folderId, m_scenario.itemId, c, done);
    });
    QVERIFY(history && history->ok());
    QStringList actions;
    for (const AuditApi::Entry& e : history->value()) {
        actions.append(QStringLiteral("%1 r%2").arg(e.action).arg(e.revision));
        if (!e.refused)
            QCOMPARE(e.userId, m_scenario.ada->client.account().userId.toString(QUuid::WithoutBraces));
    }
    QVERIFY2(actions.contains(QStringLiteral("item.updated r2")), qPrintable(actions.join(u',')));
    QVERIFY2(actions.contains(QStringLiteral("item.created r1")), qPrintable(actions.join(u',')));
    // Bob's refused change (he holds View) is in the item's history too.
    const QString bob = m_scenario.bob->client.account().userId.toString(QUuid::WithoutBraces);
    bool refused = false;
    for (const AuditApi::Entry& e : history->value())
        refused = refused || (e.refused && e.userId == bob && e.reason == QLatin1String("forbidden"));
    QVERIFY(refused);
    // Newest first.
    QVERIFY(actions.indexOf(QStringLiteral("item.updated r2")) <
            actions.indexOf(QStringLiteral("item.created r1")));

    // A View member does not read histories.
    const auto bobs = awaitValue<QList<AuditApi::Entry>>([&](QObject* c, auto done) {
        m_scenario.bob->audit.itemHistory(m_scenario.folderId, m_scenario.itemId, c, done);
    });
    QVERIFY(bobs && !bobs->ok());
}

void TestAuditApi::folderHistoryShowsTheRefusedWrite()
{
    const auto history = awaitValue<AuditApi::FolderHistory>(
        [&](QObject* c, auto done) { m_scenario.ada->audit.folderHistory(m_scenario.folderId, c, done); });
    QVERIFY(history && history->ok());
    const QString bob = m_scenario.bob->client.account().userId.toString(QUuid::WithoutBraces);
    bool refused = false;
    bool added = false;
    for (const AuditApi::Entry& e : history->value().entries) {
        refused = refused || (e.refused && e.userId == bob && e.reason == QLatin1String("forbidden") &&
                              e.actorEmail == m_scenario.bobEmail);
        added = added || e.action == QLatin1String("member.added");
    }
    QVERIFY(refused);
    QVERIFY(added);
}

void TestAuditApi::genuineLogVerifiesAndPinsTheKey()
{
    QTemporaryDir dir;
    AuditTrust trust(dir.path(), m_scenario.url);
    QList<qint64> steps;
    auto report = awaitValue<AuditApi::Report>([&](QObject* c, auto done) {
        m_scenario.ada->audit.verifyOrgLog(
            m_scenario.orgId, trust, c, [&steps](qint64 verified, qint64) { steps.append(verified); }, done);
    });
    QVERIFY(report && report->ok());
    QVERIFY2(report->value().intact(), qPrintable(report->value().problem));
    QVERIFY(report->value().entries >= 9);
    QVERIFY(report->value().checkpoints >= 3);
    QVERIFY(report->value().keyPinnedNow);
    QVERIFY(report->value().summary.contains(QLatin1String("intact")));
    QVERIFY(!steps.isEmpty());
    QCOMPARE(trust.pinnedKey().value().size(), 32);
    QVERIFY(trust.seen(m_scenario.orgId).value().has_value());

    // Checked again: the same key, nothing new to pin.
    const auto again = verify(trust);
    QVERIFY(again.ok() && again->intact());
    QVERIFY(!again->keyPinnedNow);
}

void TestAuditApi::pagedLogVerifies()
{
    // Pages of two: each page's previousHash, the checkpoints within each and the latest one
    // met on a later page.
    QTemporaryDir dir;
    AuditTrust trust(dir.path(), m_scenario.url);
    AuditVerifier verifier(m_scenario.orgId, {}, std::nullopt);
    bool last = false;
    for (int guard = 0; guard < 100 && !last; ++guard) {
        auto page = awaitValue<AuditApi::OrgPage>([&](QObject* c, auto done) {
            m_scenario.ada->audit.orgLog(m_scenario.orgId, verifier.verifiedSeq(), 2, c, done);
        });
        QVERIFY(page && page->ok());
        QVERIFY2(verifier.addPage(page->value()), qPrintable(verifier.problem()));
        last = !page->value().next;
    }
    QVERIFY(last);
    QVERIFY2(verifier.finish(), qPrintable(verifier.problem()));
    QVERIFY(verifier.checkpointsVerified() >= 3);
}

void TestAuditApi::alteredLogIsReported_data()
{
    QTest::addColumn<QString>("alteration");
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("words");
    QTest::newRow("one byte of an entry changed") << "entry-byte" << qint64(2) << "Entry 2 was changed";
    QTest::newRow("two entries swapped")
        << "swap" << qint64(4) << "out of order: entry 5 comes before entry 4";
    QTest::newRow("an entry dropped") << "drop" << qint64(5) << "Entry 5 is missing";
    QTest::newRow("an entry's position changed") << "renumber" << qint64(3) << "Entry 3 holds entry 4";
    QTest::newRow("a checkpoint forged")
        << "forge-checkpoint" << qint64(3) << "checkpoint at entry 3 has a bad signature";
    QTest::newRow("an entry changed and the chain recomputed")
        << "rechain" << qint64(3) << "checkpoint at entry 3 does not match the log";
    QTest::newRow("rewritten behind a checkpoint seen before, checkpoints withheld")
        << "rewrite-after-seen" << qint64(6) << "no longer matches the checkpoint this computer verified";
    QTest::newRow("cut short behind a checkpoint seen before")
        << "truncate-after-seen" << qint64(5) << "verified a checkpoint at entry 6 before";
    QTest::newRow("signed by another key") << "other-key" << qint64(1) << "different key";
    QTest::newRow("log of another organisation") << "other-org" << qint64(1) << "another organisation";
}

void TestAuditApi::alteredLogIsReported()
{
    QFETCH(QString, alteration);
    QFETCH(qint64, seq);
    QFETCH(QString, words);
    QTemporaryDir dir;
    AuditTrust trust(dir.path(), m_scenario.url);
    const bool needsSeen =
        alteration.endsWith(QLatin1String("-after-seen")) || alteration == QLatin1String("other-key");
    if (needsSeen) {
        // A genuine check first: the key is pinned and a checkpoint at 6 or later is seen.
        const auto genuine = verify(trust);
        QVERIFY(genuine.ok() && genuine->intact());
        QVERIFY(trust.seen(m_scenario.orgId).value()->seq >= 6);
        // Only the checkpoint at 6 is remembered here, so the rows below can act on entries 1..6.
        QVERIFY(QFile::remove(trust.path()));
        const auto pinned = awaitValue<AuditApi::OrgPage>(
            [&](QObject* c, auto done) { m_scenario.ada->audit.orgLog(m_scenario.orgId, 0, 6, c, done); });
        QVERIFY(pinned && pinned->ok());
        std::optional<AuditVerifier::Seen> six;
        for (const AuditApi::Checkpoint& c : pinned->value().checkpoints)
            if (c.seq == 6)
                six = AuditVerifier::Seen{c.seq, c.head};
        QVERIFY(six);
        QVERIFY(trust.remember(pinned->value().publicKey, m_scenario.orgId, six).ok());
    }
    const QByteArray pinnedBefore = trust.pinnedKey().value();

    m_scenario.ada->audit.setTamper([&](const QString& path, QJsonObject& json) {
        if (!path.contains(QLatin1String("/audit?")))
            return;
        QJsonArray entries = json.value(QStringLiteral("entries")).toArray();
        if (alteration == QLatin1String("entry-byte")) {
            changeAction(entries, 1);
        } else if (alteration == QLatin1String("swap")) {
            const QJsonValue four = entries.at(3);
            entries[3] = entries.at(4);
            entries[4] = four;
        } else if (alteration == QLatin1String("drop")) {
            entries.removeAt(4);
        } else if (alteration == QLatin1String("renumber")) {
            // Entry 3 removed and entry 4 put at its place under its number: the bytes say 4.
            QJsonObject four = entries.at(3).toObject();
            four.insert(QStringLiteral("seq"), 3);
            entries.removeAt(2);
            entries[2] = four;
        } else if (alteration == QLatin1String("forge-checkpoint")) {
            QJsonArray checkpoints = json.value(QStringLiteral("checkpoints")).toArray();
            QJsonObject first = checkpoints.at(0).toObject();
            QByteArray signature = fromB64(first[u"signature"]);
            signature[10] = char(signature[10] ^ 0x40);
            first.insert(QStringLiteral("signature"), b64(signature));
            checkpoints[0] = first;
            json.insert(QStringLiteral("checkpoints"), checkpoints);
        } else if (alteration == QLatin1String("rechain")) {
            changeAction(entries, 1);
            rechain(entries, 1);
        } else if (alteration == QLatin1String("rewrite-after-seen")) {
            changeAction(entries, 3);
            rechain(entries, 3);
            json.insert(QStringLiteral("checkpoints"), QJsonArray{});
            json.insert(QStringLiteral("latestCheckpoint"), QJsonValue::Null);
        } else if (alteration == QLatin1String("truncate-after-seen")) {
            while (entries.size() > 4)
                entries.removeLast();
            json.insert(QStringLiteral("headSeq"), 4);
            json.insert(QStringLiteral("checkpoints"), QJsonArray{});
            json.insert(QStringLiteral("latestCheckpoint"), QJsonValue::Null);
        } else if (alteration == QLatin1String("other-key")) {
            json.insert(QStringLiteral("publicKey"), b64(QByteArray(32, 'o')));
        } else if (alteration == QLatin1String("other-org")) {
            json.insert(QStringLiteral("orgId"), kOrg);
        }
        json.insert(QStringLiteral("entries"), entries);
    });
    const auto report = verify(trust);
    m_scenario.ada->audit.setTamper({});

    if (alteration == QLatin1String("other-org")) {
        // Refused as an answer to another question, before any verification.
        QVERIFY(!report.ok());
        QCOMPARE(report.error().field, QStringLiteral("orgId"));
        return;
    }
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QVERIFY2(!report->intact(), qPrintable(report->summary));
    QCOMPARE(report->problemSeq, seq);
    QVERIFY2(report->problem.contains(words, Qt::CaseInsensitive), qPrintable(report->problem));
    QVERIFY(report->summary.contains(report->problem));
    // Nothing of a damaged log is trusted: no key pinned, the seen checkpoint unchanged.
    QCOMPARE(trust.pinnedKey().value(), pinnedBefore);
    if (needsSeen)
        QCOMPARE(trust.seen(m_scenario.orgId).value()->seq, 6);
}

void TestAuditApi::pageThatGoesNowhereIsRefused()
{
    m_scenario.ada->audit.setTamper(
        [](const QString&, QJsonObject& json) { json.insert(QStringLiteral("next"), 0); });
    const auto page = awaitValue<AuditApi::OrgPage>(
        [&](QObject* c, auto done) { m_scenario.ada->audit.orgLog(m_scenario.orgId, 0, 2, c, done); });
    m_scenario.ada->audit.setTamper({});
    QVERIFY(page && !page->ok());
    QCOMPARE(page->error().field, QStringLiteral("next"));
}

QTEST_GUILESS_MAIN(TestAuditApi)
#include "TestAuditApi.moc"
