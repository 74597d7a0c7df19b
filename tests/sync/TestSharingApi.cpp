// Tests SharingApi's parsers against well-formed answers and one hostile variant per rule
// (wrong type, missing field, inexact or out-of-range number, loose base64, wrong byte size,
// UUID in another spelling, a feed that repeats or goes back): each is an error in words that
// names the field, never a crash and never a default taken for a value.
#include "core/sync/SharingApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Conclave::Core;

namespace {

QString b64(int size, char fill = 'x')
{
    return QString::fromLatin1(QByteArray(size, fill).toBase64());
}

const QString kFolder = QStringLiteral("0b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a11");
const QString kOrg = QStringLiteral("1b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a12");
const QString kItem = QStringLiteral("2b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a13");

QJsonObject item()
{
    return {{QStringLiteral("itemId"), kItem},      {QStringLiteral("revision"), 2},
            {QStringLiteral("stateSequence"), 5},   {QStringLiteral("hash"), b64(32)},
            {QStringLiteral("envelope"), b64(300)}, {QStringLiteral("kind"), QStringLiteral("item")}};
}

QJsonObject itemPage()
{
    return {{QStringLiteral("state"),
             QJsonObject{{QStringLiteral("sequence"), 5}, {QStringLiteral("state"), b64(294)}}},
            {QStringLiteral("items"), QJsonArray{item()}},
            {QStringLiteral("corrupt"), QJsonArray{}},
            {QStringLiteral("next"), QJsonValue::Null}};
}

QJsonObject feedPage()
{
    return {{QStringLiteral("changes"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("seq"), 3},
                             {QStringLiteral("kind"), QStringLiteral("item")},
                             {QStringLiteral("folderId"), kFolder},
                             {QStringLiteral("objectId"), kItem}},
                 QJsonObject{{QStringLiteral("seq"), 7}, {QStringLiteral("kind"), QStringLiteral("grant")}}}},
            {QStringLiteral("cursor"), 9},
            {QStringLiteral("more"), false}};
}

QJsonObject folderDetail()
{
    return {{QStringLiteral("folderId"), kFolder},
            {QStringLiteral("orgId"), kOrg},
            {QStringLiteral("role"), QStringLiteral("manage")},
            {QStringLiteral("logLength"), 2},
            {QStringLiteral("keyVersion"), 1},
            {QStringLiteral("stateSequence"), 0},
            {QStringLiteral("deletedAt"), QJsonValue::Null},
            {QStringLiteral("log"),
             QJsonArray{QJsonObject{{QStringLiteral("sequence"), 0}, {QStringLiteral("entry"), b64(252)}},
                        QJsonObject{{QStringLiteral("sequence"), 1}, {QStringLiteral("entry"), b64(252)}}}},
            {QStringLiteral("keyLinks"), QJsonArray{}},
            {QStringLiteral("state"), QJsonValue::Null}};
}

// Sets `path` (dot-separated, array indices as numbers) in `object` to `value`; an undefined
// value removes it.
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

} // namespace

class TestSharingApi : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedAnswersParse();
    void hostileItemPage_data();
    void hostileItemPage();
    void hostileFeed_data();
    void hostileFeed();
    void hostileFolderDetail_data();
    void hostileFolderDetail();
    void arbitraryJsonNeverCrashes();
};

void TestSharingApi::wellFormedAnswersParse()
{
    const auto page = SharingApi::parseItemPage(itemPage());
    QVERIFY(page.ok());
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].revision, quint64(2));
    QCOMPARE(page->items[0].envelope, QByteArray(300, 'x'));
    QCOMPARE(page->state->sequence, quint64(5));
    QVERIFY(page->next.isNull());

    const auto feed = SharingApi::parseFeedPage(feedPage());
    QVERIFY(feed.ok());
    QCOMPARE(feed->changes.size(), 2);
    QCOMPARE(feed->changes[0].folderId, QUuid::fromString(kFolder));
    QVERIFY(feed->changes[1].folderId.isNull());
    QCOMPARE(feed->cursor, quint64(9));

    const auto detail = SharingApi::parseFolderDetail(folderDetail());
    QVERIFY(detail.ok());
    QCOMPARE(detail->log.size(), 2);
    QVERIFY(!detail->state.has_value());
    QCOMPARE(detail->folder.role, QStringLiteral("manage"));
}

void TestSharingApi::hostileItemPage_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");

    QTest::newRow("items not an array") << "items" << QJsonValue(QStringLiteral("x")) << "items";
    QTest::newRow("items missing") << "items" << QJsonValue(QJsonValue::Undefined) << "items";
    QTest::newRow("item not an object") << "items.0" << QJsonValue(7) << "items[0]";
    QTest::newRow("revision fractional") << "items.0.revision" << QJsonValue(1.5) << "items[0].revision";
    QTest::newRow("revision negative") << "items.0.revision" << QJsonValue(-1) << "items[0].revision";
    QTest::newRow("revision zero") << "items.0.revision" << QJsonValue(0) << "items[0].revision";
    QTest::newRow("revision past 2^53") << "items.0.revision" << QJsonValue(1e300) << "items[0].revision";
    QTest::newRow("revision as text")
        << "items.0.revision" << QJsonValue(QStringLiteral("2")) << "items[0].revision";
    QTest::newRow("item id upper case")
        << "items.0.itemId" << QJsonValue(kItem.toUpper()) << "items[0].itemId";
    QTest::newRow("item id braces") << "items.0.itemId"
                                    << QJsonValue(QLatin1Char('{') + kItem + QLatin1Char('}'))
                                    << "items[0].itemId";
    QTest::newRow("hash short") << "items.0.hash" << QJsonValue(b64(31)) << "items[0].hash";
    QTest::newRow("envelope loose base64")
        << "items.0.envelope" << QJsonValue(QStringLiteral("!!!!")) << "items[0].envelope";
    QTest::newRow("envelope empty") << "items.0.envelope" << QJsonValue(QString()) << "items[0].envelope";
    QTest::newRow("state short") << "state.state" << QJsonValue(b64(293)) << "state.state";
    QTest::newRow("state sequence missing")
        << "state.sequence" << QJsonValue(QJsonValue::Undefined) << "state.sequence";
    QTest::newRow("state not an object") << "state" << QJsonValue(true) << "state";
    QTest::newRow("corrupt id bad") << "corrupt" << QJsonValue(QJsonArray{QStringLiteral("nope")})
                                    << "corrupt[0]";
    QTest::newRow("next not a uuid") << "next" << QJsonValue(5) << "next";
}

void TestSharingApi::hostileItemPage()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject hostile = setPath(itemPage(), path.split(QLatin1Char('.')), value).toObject();
    const auto page = SharingApi::parseItemPage(hostile);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, ErrorCode::Protocol);
    QCOMPARE(page.error().field, field);
    QVERIFY(page.error().message.contains(field));
}

void TestSharingApi::hostileFeed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");

    QTest::newRow("cursor missing") << "cursor" << QJsonValue(QJsonValue::Undefined) << "cursor";
    QTest::newRow("cursor behind the page") << "cursor" << QJsonValue(5) << "cursor";
    QTest::newRow("more not a bool") << "more" << QJsonValue(1) << "more";
    QTest::newRow("seq repeated") << "changes.1.seq" << QJsonValue(3) << "changes[1].seq";
    QTest::newRow("seq backwards") << "changes.1.seq" << QJsonValue(2) << "changes[1].seq";
    QTest::newRow("kind not a string") << "changes.0.kind" << QJsonValue(1) << "changes[0].kind";
    QTest::newRow("kind missing") << "changes.0.kind" << QJsonValue(QJsonValue::Undefined)
                                  << "changes[0].kind";
    QTest::newRow("folder id bad") << "changes.0.folderId" << QJsonValue(QStringLiteral("x"))
                                   << "changes[0].folderId";
}

void TestSharingApi::hostileFeed()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject hostile = setPath(feedPage(), path.split(QLatin1Char('.')), value).toObject();
    const auto page = SharingApi::parseFeedPage(hostile);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().field, field);
}

void TestSharingApi::hostileFolderDetail_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");

    QTest::newRow("role unknown") << "role" << QJsonValue(QStringLiteral("owner")) << "role";
    QTest::newRow("role capitalised") << "role" << QJsonValue(QStringLiteral("Manage")) << "role";
    QTest::newRow("role empty") << "role" << QJsonValue(QString()) << "role";
    QTest::newRow("org id missing") << "orgId" << QJsonValue(QJsonValue::Undefined) << "orgId";
    QTest::newRow("log out of order") << "log.1.sequence" << QJsonValue(0) << "log[1].sequence";
    QTest::newRow("entry wrong size") << "log.0.entry" << QJsonValue(b64(251)) << "log[0].entry";
    QTest::newRow("log missing") << "log" << QJsonValue(QJsonValue::Undefined) << "log";
    QTest::newRow("key version past 32 bits") << "keyVersion" << QJsonValue(4294967296.0) << "keyVersion";
    QTest::newRow("link wrong size") << "keyLinks"
                                     << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("keyVersion"), 2},
                                                                          {QStringLiteral("link"), b64(12)}}})
                                     << "keyLinks[0].link";
}

void TestSharingApi::hostileFolderDetail()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject hostile = setPath(folderDetail(), path.split(QLatin1Char('.')), value).toObject();
    const auto detail = SharingApi::parseFolderDetail(hostile);
    QVERIFY(!detail.ok());
    QCOMPARE(detail.error().field, field);
}

void TestSharingApi::arbitraryJsonNeverCrashes()
{
    // Every parser on objects made of the other answers' shapes and on random values.
    const QList<QJsonObject> shapes{itemPage(),
                                    feedPage(),
                                    folderDetail(),
                                    QJsonObject{},
                                    QJsonObject{{QStringLiteral("items"), QJsonArray{1, 2, QJsonArray{}}}},
                                    QJsonObject{{QStringLiteral("changes"), QJsonObject{}}}};
    int refused = 0;
    for (const QJsonObject& json : shapes) {
        refused += !SharingApi::parseItemPage(json).ok();
        refused += !SharingApi::parseFeedPage(json).ok();
        refused += !SharingApi::parseFolderDetail(json).ok();
        refused += !SharingApi::parseGrants(json).ok();
        refused += !SharingApi::parseConflict(json).ok();
        refused += !SharingApi::parseWritten(json).ok();
        refused += !SharingApi::parseFolderList(json).ok();
        refused += !SharingApi::parseKeyLookup(json).ok();
    }
    // Each shape fits at most one parser.
    QVERIFY(refused >= int(shapes.size()) * 8 - 3);
}

QTEST_GUILESS_MAIN(TestSharingApi)
#include "TestSharingApi.moc"
