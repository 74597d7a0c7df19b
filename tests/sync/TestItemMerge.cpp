// Tests ItemMerge (pure, label sync): the three-way merge of shared-item plaintexts field by
// field — one side changed, both sides to the same or different values, a field deleted on
// one side and changed on the other, added fields, unknown field and top-level keys carried
// through, changedAt the newer and createdBy/createdAt from the base, no known base — and
// opaque, foreign-format or hostile plaintexts (broken JSON, invalid UTF-8, deep nesting),
// which merge only when one side is unchanged and never crash.
#include "core/sync/ItemMerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QString kCreator = QStringLiteral("8d6c1a52-3f8e-4d5b-9a8e-1f0f3c2b7a11");

// An item plaintext as SharedConnection writes it, with `fields` given as compact JSON.
QByteArray item(const char* fields, const char* changedAt = "2026-12-01T10:00:00.000Z",
                const char* extraTop = nullptr)
{
    QByteArray json = "{\"format\":\"conclave.connection\",\"v\":1,\"createdBy\":\"" + kCreator.toLatin1() +
                      "\",\"createdAt\":\"2026-11-30T09:00:00.000Z\",\"changedAt\":\"" +
                      QByteArray(changedAt) + "\",\"fields\":" + QByteArray(fields);
    if (extraTop)
        json += "," + QByteArray(extraTop);
    return json + "}";
}

QJsonObject objectOf(const QByteArray& plaintext)
{
    return QJsonDocument::fromJson(plaintext).object();
}

} // namespace

class TestItemMerge : public QObject
{
    Q_OBJECT

private slots:
    void mergesFieldByField_data();
    void mergesFieldByField();
    void metadata();
    void opaqueOrForeign_data();
    void opaqueOrForeign();
    void conflictCopyMarksTheLocalSide();
};

void TestItemMerge::mergesFieldByField_data()
{
    QTest::addColumn<bool>("hasBase");
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("local");
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<QByteArray>("expectedFields");
    QTest::addColumn<QStringList>("expectedConflicts");

    const QByteArray base = item(R"({"name":"pg","hosts":["db1:5432"],"notes":"a","color":"red"})");
    QTest::newRow("nothing changed") << true << base << base << base
                                     << QByteArray(
                                            R"({"color":"red","hosts":["db1:5432"],"name":"pg","notes":"a"})")
                                     << QStringList();
    QTest::newRow("local only")
        << true << base << item(R"({"name":"pg-main","hosts":["db1:5432"],"notes":"a","color":"red"})")
        << base << QByteArray(R"({"color":"red","hosts":["db1:5432"],"name":"pg-main","notes":"a"})")
        << QStringList();
    QTest::newRow("server only") << true << base << base
                                 << item(R"({"name":"pg","hosts":["db2:5432"],"notes":"a","color":"red"})")
                                 << QByteArray(
                                        R"({"color":"red","hosts":["db2:5432"],"name":"pg","notes":"a"})")
                                 << QStringList();
    QTest::newRow("different fields on each side")
        << true << base << item(R"({"name":"pg-main","hosts":["db1:5432"],"notes":"a","color":"red"})")
        << item(R"({"name":"pg","hosts":["db2:5432"],"notes":"a","color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["db2:5432"],"name":"pg-main","notes":"a"})")
        << QStringList();
    QTest::newRow("same change on both sides")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"b","color":"red"})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"b","color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["db1:5432"],"name":"pg","notes":"b"})") << QStringList();
    QTest::newRow("same field, different values: server wins")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"mine","color":"blue"})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"theirs","color":"red"})")
        << QByteArray(R"({"color":"blue","hosts":["db1:5432"],"name":"pg","notes":"theirs"})")
        << QStringList{QStringLiteral("notes")};
    QTest::newRow("array field changed on both sides")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432","db3:5432"],"notes":"a","color":"red"})")
        << item(R"({"name":"pg","hosts":["db9:5432"],"notes":"a","color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["db9:5432"],"name":"pg","notes":"a"})")
        << QStringList{QStringLiteral("hosts")};
    QTest::newRow("deleted locally, changed on the server")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"color":"red"})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"new","color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["db1:5432"],"name":"pg","notes":"new"})")
        << QStringList{QStringLiteral("notes")};
    QTest::newRow("changed locally, deleted on the server")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"new","color":"red"})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["db1:5432"],"name":"pg"})")
        << QStringList{QStringLiteral("notes")};
    QTest::newRow("deleted on one side, unchanged on the other")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"color":"red"})") << base
        << QByteArray(R"({"color":"red","hosts":["db1:5432"],"name":"pg"})") << QStringList();
    QTest::newRow("deleted on both sides")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"color":"red"})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["db1:5432"],"name":"pg"})") << QStringList();
    QTest::newRow("a field added on each side")
        << true << base
        << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"a","color":"red","tags":["x"]})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"a","color":"red","group":"prod"})")
        << QByteArray(
               R"({"color":"red","group":"prod","hosts":["db1:5432"],"name":"pg","notes":"a","tags":["x"]})")
        << QStringList();
    QTest::newRow("the same field added with different values")
        << true << base << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"a","color":"red","group":"a"})")
        << item(R"({"name":"pg","hosts":["db1:5432"],"notes":"a","color":"red","group":"b"})")
        << QByteArray(R"({"color":"red","group":"b","hosts":["db1:5432"],"name":"pg","notes":"a"})")
        << QStringList{QStringLiteral("group")};
    QTest::newRow("unknown field keys carried through")
        << true << item(R"({"name":"pg","future":{"x":1}})") << item(R"({"name":"pg-main","future":{"x":1}})")
        << item(R"({"name":"pg","future":{"x":2},"later":true})")
        << QByteArray(R"({"future":{"x":2},"later":true,"name":"pg-main"})") << QStringList();
    QTest::newRow("several conflicts listed sorted")
        << true << base << item(R"({"name":"L","hosts":["l:1"],"notes":"a","color":"red"})")
        << item(R"({"name":"S","hosts":["s:1"],"notes":"a","color":"red"})")
        << QByteArray(R"({"color":"red","hosts":["s:1"],"name":"S","notes":"a"})")
        << QStringList{QStringLiteral("hosts"), QStringLiteral("name")};
    QTest::newRow("no base known: differences conflict")
        << false << QByteArray() << item(R"({"name":"pg","notes":"mine"})")
        << item(R"({"name":"pg","notes":"theirs"})") << QByteArray(R"({"name":"pg","notes":"theirs"})")
        << QStringList{QStringLiteral("notes")};
}

void TestItemMerge::mergesFieldByField()
{
    QFETCH(bool, hasBase);
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, local);
    QFETCH(QByteArray, server);
    QFETCH(QByteArray, expectedFields);
    QFETCH(QStringList, expectedConflicts);

    const ItemMerge::Merged merged =
        ItemMerge::merge(hasBase ? std::optional<QByteArray>(base) : std::nullopt, local, server);
    QVERIFY(!merged.wholeItem);
    QCOMPARE(merged.conflicts, expectedConflicts);
    QCOMPARE(merged.hasConflict(), !expectedConflicts.isEmpty());
    const QJsonObject object = objectOf(merged.plaintext);
    QCOMPARE(object.value(QStringLiteral("format")).toString(), QStringLiteral("conclave.connection"));
    QCOMPARE(object.value(QStringLiteral("v")).toInt(), 1);
    QCOMPARE(QJsonDocument(object.value(QStringLiteral("fields")).toObject()).toJson(QJsonDocument::Compact),
             expectedFields);
    QVERIFY(ItemMerge::parse(merged.plaintext).has_value());
}

void TestItemMerge::metadata()
{
    // changedAt: the newer claim of the two sides; createdBy/createdAt: the base's, even when
    // a side claims otherwise; an unknown top-level key of either side is kept.
    QByteArray base = item(R"({"name":"pg"})", "2026-12-01T10:00:00.000Z");
    QByteArray local = item(R"({"name":"L"})", "2026-12-01T12:30:00.000Z", R"("localExtra":1)");
    QByteArray server =
        item(R"({"notes":"S","name":"pg"})", "2026-12-01T11:00:00.000Z", R"("serverExtra":"s")");
    server.replace("2026-11-30T09:00:00.000Z", "1999-01-01T00:00:00.000Z");
    const ItemMerge::Merged merged = ItemMerge::merge(base, local, server);
    QVERIFY(!merged.hasConflict());
    const QJsonObject object = objectOf(merged.plaintext);
    QCOMPARE(object.value(QStringLiteral("changedAt")).toString(),
             QStringLiteral("2026-12-01T12:30:00.000Z"));
    QCOMPARE(object.value(QStringLiteral("createdAt")).toString(),
             QStringLiteral("2026-11-30T09:00:00.000Z"));
    QCOMPARE(object.value(QStringLiteral("createdBy")).toString(), kCreator);
    QCOMPARE(object.value(QStringLiteral("localExtra")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("serverExtra")).toString(), QStringLiteral("s"));

    // The server's claim is the newer one.
    const ItemMerge::Merged other = ItemMerge::merge(base, server, local);
    QCOMPARE(objectOf(other.plaintext).value(QStringLiteral("changedAt")).toString(),
             QStringLiteral("2026-12-01T12:30:00.000Z"));
}

void TestItemMerge::opaqueOrForeign_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("local");
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("whole");

    const QByteArray json = item(R"({"name":"pg"})");
    const QByteArray foreign = R"({"format":"other.thing","v":1,"fields":{"name":"x"}})";
    const QByteArray newer = R"({"format":"conclave.connection","v":2,"fields":{"name":"x"}})";
    QTest::newRow("opaque, local changed only")
        << QByteArray("a") << QByteArray("b") << QByteArray("a") << QByteArray("b") << false;
    QTest::newRow("opaque, server changed only")
        << QByteArray("a") << QByteArray("a") << QByteArray("c") << QByteArray("c") << false;
    QTest::newRow("opaque, same change")
        << QByteArray("a") << QByteArray("d") << QByteArray("d") << QByteArray("d") << false;
    QTest::newRow("opaque, both changed")
        << QByteArray("a") << QByteArray("b") << QByteArray("c") << QByteArray("c") << true;
    QTest::newRow("another format on the server, both changed")
        << json << item(R"({"name":"L"})") << foreign << foreign << true;
    QTest::newRow("a newer version locally, server unchanged") << json << newer << json << newer << false;
    QTest::newRow("not JSON at all locally, both changed")
        << json << QByteArray("{broken") << item(R"({"name":"S"})") << item(R"({"name":"S"})") << true;
    // Hostile or broken plaintexts (a member's client may write anything it can sign).
    const QByteArray server = item(R"({"name":"S"})");
    QTest::newRow("fields not an object")
        << json << QByteArray(R"({"format":"conclave.connection","v":1,"fields":[1,2]})") << server << server
        << true;
    QTest::newRow("version as a string")
        << json << QByteArray(R"({"format":"conclave.connection","v":"1","fields":{}})") << server << server
        << true;
    QTest::newRow("invalid UTF-8") << json << QByteArray("{\"format\":\"\xff\xfe\"}") << server << server
                                   << true;
    QTest::newRow("nested ten thousand deep")
        << json << QByteArray(10000, '[') + QByteArray(10000, ']') << server << server << true;
    QTest::newRow("empty on both changed sides")
        << json << QByteArray() << QByteArray() << QByteArray() << false;
    QTest::newRow("a base of another format")
        << foreign << item(R"({"name":"L"})") << item(R"({"name":"S"})") << item(R"({"name":"S"})") << true;
}

void TestItemMerge::opaqueOrForeign()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, local);
    QFETCH(QByteArray, server);
    QFETCH(QByteArray, expected);
    QFETCH(bool, whole);

    const ItemMerge::Merged merged = ItemMerge::merge(base, local, server);
    QCOMPARE(merged.plaintext, expected);
    QCOMPARE(merged.wholeItem, whole);
    QVERIFY(merged.conflicts.isEmpty());
    QCOMPARE(merged.hasConflict(), whole);
}

void TestItemMerge::conflictCopyMarksTheLocalSide()
{
    const QUuid id = QUuid::createUuid();
    const QByteArray local =
        item(R"({"name":"pg","notes":"mine"})", "2026-12-01T10:00:00.000Z", R"("extra":[1])");
    const QByteArray copy = ItemMerge::conflictCopy(local, id, QStringLiteral("2026-12-02T05:00:00.000Z"));
    const QJsonObject object = objectOf(copy);
    QCOMPARE(object.value(QStringLiteral("conflictOf")).toString(), id.toString(QUuid::WithoutBraces));
    QCOMPARE(object.value(QStringLiteral("conflictAt")).toString(),
             QStringLiteral("2026-12-02T05:00:00.000Z"));
    QCOMPARE(object.value(QStringLiteral("fields")).toObject(),
             objectOf(local).value(QStringLiteral("fields")).toObject());
    QCOMPARE(object.value(QStringLiteral("extra")).toArray().size(), 1);
    // Opaque bytes cannot carry the marker; they are kept unchanged rather than altered.
    QCOMPARE(ItemMerge::conflictCopy("opaque", id, QStringLiteral("x")), QByteArray("opaque"));
}

QTEST_GUILESS_MAIN(TestItemMerge)
#include "TestItemMerge.moc"
