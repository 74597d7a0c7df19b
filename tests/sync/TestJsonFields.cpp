// Tests JsonFields, the strict reader behind the parsers of SharingApi, InvitationApi and
// AuditApi: one row per rule (missing, null, wrong type, out of range, inexact number, loose
// or URL-alphabet base64, wrong byte size, UUID spellings, white space around a value, bounds
// of strings, arrays and times), each naming the field at fault and giving the harmless
// default; then that the first fault is the one kept, with its path through nested objects.
#include "core/sync/JsonFields.h"

#include <QTest>

#include <limits>

using namespace Conclave::Core;

namespace {

const QString kId = QStringLiteral("0b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a11");

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QString idOf(const QUuid& id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

// Reads the field "f" as `read` says and gives what was read, as text.
QString readField(JsonFields& f, const QString& read)
{
    if (read == QLatin1String("integer"))
        return QString::number(f.integer("f"));
    if (read == QLatin1String("integer 1..10"))
        return QString::number(f.integer("f", 1, 10));
    if (read == QLatin1String("boolean"))
        return f.boolean("f") ? QStringLiteral("true") : QStringLiteral("false");
    if (read == QLatin1String("string 4"))
        return f.string("f", 4);
    if (read == QLatin1String("optional string 4"))
        return f.optionalString("f", 4);
    if (read == QLatin1String("uuid"))
        return idOf(f.uuid("f"));
    if (read == QLatin1String("optional uuid"))
        return idOf(f.optionalUuid("f"));
    if (read == QLatin1String("bytes 3"))
        return hex(f.bytes("f", 3));
    if (read == QLatin1String("bytes 1..4"))
        return hex(f.bytes("f", 0, 4));
    if (read == QLatin1String("optional bytes 3"))
        return hex(f.optionalBytes("f", 3));
    if (read == QLatin1String("time 40")) {
        const QDateTime t = f.time("f", 40);
        return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
    }
    if (read == QLatin1String("array 2"))
        return QString::number(f.array("f", 2).size());
    if (read == QLatin1String("optional array 2"))
        return QString::number(f.optionalArray("f", 2).size());
    if (read == QLatin1String("object"))
        return QString::number(f.object(f.value("f"), QStringLiteral("f")).size());
    qFatal("unknown read %s", qPrintable(read));
    return {};
}

const QJsonValue kMissing(QJsonValue::Undefined);
const QJsonValue kNull(QJsonValue::Null);

} // namespace

class TestJsonFields : public QObject
{
    Q_OBJECT

private slots:
    void readsOneField_data();
    void readsOneField();
    void firstFaultIsKeptWithItsPath();
    void nestedFaultsAreTheOuterReaders();

private:
    static void row(const char* name, const char* read, const QJsonValue& value, bool ok,
                    const QString& expected);
};

void TestJsonFields::row(const char* name, const char* read, const QJsonValue& value, bool ok,
                         const QString& expected)
{
    QTest::newRow(name) << QString::fromLatin1(read) << value << ok << expected;
}

void TestJsonFields::readsOneField_data()
{
    QTest::addColumn<QString>("read");
    QTest::addColumn<QJsonValue>("value"); // Undefined: the field is absent
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // what is read; the default when not ok

    row("integer", "integer", 5, true, QStringLiteral("5"));
    row("integer zero", "integer", 0, true, QStringLiteral("0"));
    row("integer 2^53 - 1", "integer", 9007199254740991.0, true, QStringLiteral("9007199254740991"));
    row("integer past 2^53 - 1", "integer", 9007199254740992.0, false, QStringLiteral("0"));
    row("integer far out of range", "integer", 1e300, false, QStringLiteral("0"));
    row("integer negative", "integer", -1, false, QStringLiteral("0"));
    row("integer fractional", "integer", 1.5, false, QStringLiteral("0"));
    row("integer as text", "integer", QStringLiteral("5"), false, QStringLiteral("0"));
    row("integer as text with white space", "integer", QStringLiteral(" 5 "), false, QStringLiteral("0"));
    row("integer as bool", "integer", true, false, QStringLiteral("0"));
    row("integer null", "integer", kNull, false, QStringLiteral("0"));
    row("integer missing", "integer", kMissing, false, QStringLiteral("0"));
    row("integer at the lower bound", "integer 1..10", 1, true, QStringLiteral("1"));
    row("integer below the lower bound", "integer 1..10", 0, false, QStringLiteral("0"));
    row("integer at the upper bound", "integer 1..10", 10, true, QStringLiteral("10"));
    row("integer above the upper bound", "integer 1..10", 11, false, QStringLiteral("0"));

    row("boolean", "boolean", true, true, QStringLiteral("true"));
    row("boolean as number", "boolean", 1, false, QStringLiteral("false"));
    row("boolean as text", "boolean", QStringLiteral("true"), false, QStringLiteral("false"));
    row("boolean missing", "boolean", kMissing, false, QStringLiteral("false"));

    row("string", "string 4", QStringLiteral("abcd"), true, QStringLiteral("abcd"));
    row("string empty", "string 4", QString(), true, QString());
    row("string white space kept", "string 4", QStringLiteral(" ab "), true, QStringLiteral(" ab "));
    row("string too long", "string 4", QStringLiteral("abcde"), false, QString());
    row("string as number", "string 4", 5, false, QString());
    row("string null", "string 4", kNull, false, QString());
    row("string missing", "string 4", kMissing, false, QString());
    row("optional string", "optional string 4", QStringLiteral("ab"), true, QStringLiteral("ab"));
    row("optional string missing", "optional string 4", kMissing, true, QString());
    row("optional string null", "optional string 4", kNull, true, QString());
    row("optional string too long", "optional string 4", QStringLiteral("abcde"), false, QString());
    row("optional string as number", "optional string 4", 5, false, QString());

    row("uuid", "uuid", kId, true, kId);
    row("uuid upper case", "uuid", kId.toUpper(), false, QString());
    row("uuid in braces", "uuid", QString(QLatin1Char('{') + kId + QLatin1Char('}')), false, QString());
    row("uuid without hyphens", "uuid", QString(kId).remove(QLatin1Char('-')), false, QString());
    row("uuid with a leading space", "uuid", QString(QLatin1Char(' ') + kId), false, QString());
    row("uuid with a trailing newline", "uuid", QString(kId + QLatin1Char('\n')), false, QString());
    row("uuid nil", "uuid", QStringLiteral("00000000-0000-0000-0000-000000000000"), false, QString());
    row("uuid not one", "uuid", QStringLiteral("nope"), false, QString());
    row("uuid as number", "uuid", 7, false, QString());
    row("uuid null", "uuid", kNull, false, QString());
    row("uuid missing", "uuid", kMissing, false, QString());
    row("optional uuid", "optional uuid", kId, true, kId);
    row("optional uuid missing", "optional uuid", kMissing, true, QString());
    row("optional uuid null", "optional uuid", kNull, true, QString());
    row("optional uuid upper case", "optional uuid", kId.toUpper(), false, QString());

    row("bytes", "bytes 3", QStringLiteral("YWJj"), true, QStringLiteral("616263"));
    row("bytes standard alphabet", "bytes 3", QStringLiteral("+/+/"), true, QStringLiteral("fbffbf"));
    row("bytes URL alphabet", "bytes 3", QStringLiteral("-_-_"), false, QString());
    row("bytes a character of neither alphabet", "bytes 3", QStringLiteral("YW*j"), false, QString());
    row("bytes with a leading space", "bytes 3", QStringLiteral(" YWJj"), false, QString());
    row("bytes with a space inside", "bytes 3", QStringLiteral("YW Jj"), false, QString());
    row("bytes with a trailing newline", "bytes 3", QStringLiteral("YWJj\n"), false, QString());
    row("bytes too few", "bytes 3", QStringLiteral("YWI="), false, QString());
    row("bytes too many", "bytes 3", QStringLiteral("YWJjZA=="), false, QString());
    row("bytes text far too long", "bytes 3", QString(4000, QLatin1Char('A')), false, QString());
    row("bytes as number", "bytes 3", 3, false, QString());
    row("bytes null", "bytes 3", kNull, false, QString());
    row("bytes missing", "bytes 3", kMissing, false, QString());
    row("bytes bounded", "bytes 1..4", QStringLiteral("YWJjZA=="), true, QStringLiteral("61626364"));
    row("bytes bounded one", "bytes 1..4", QStringLiteral("YQ=="), true, QStringLiteral("61"));
    row("bytes bounded empty", "bytes 1..4", QString(), false, QString());
    row("bytes bounded too many", "bytes 1..4", QStringLiteral("YWJjZGU="), false, QString());
    row("optional bytes", "optional bytes 3", QStringLiteral("YWJj"), true, QStringLiteral("616263"));
    row("optional bytes missing", "optional bytes 3", kMissing, true, QString());
    row("optional bytes null", "optional bytes 3", kNull, true, QString());
    row("optional bytes wrong size", "optional bytes 3", QStringLiteral("YWI="), false, QString());
    row("optional bytes URL alphabet", "optional bytes 3", QStringLiteral("-_-_"), false, QString());

    row("time in UTC", "time 40", QStringLiteral("2026-12-01T10:00:00.000Z"), true,
        QStringLiteral("2026-12-01T10:00:00.000Z"));
    row("time with an offset, in UTC", "time 40", QStringLiteral("2026-12-01T11:00:00.250+01:00"), true,
        QStringLiteral("2026-12-01T10:00:00.250Z"));
    row("time not one", "time 40", QStringLiteral("yesterday"), false, QString());
    row("time longer than the bound", "time 40",
        QString(QStringLiteral("2026-12-01T10:00:00.000Z") + QString(17, u' ')), false, QString());
    row("time as number", "time 40", 1764583200000.0, false, QString());
    row("time missing", "time 40", kMissing, false, QString());

    row("array", "array 2", QJsonArray{1, 2}, true, QStringLiteral("2"));
    row("array empty", "array 2", QJsonArray(), true, QStringLiteral("0"));
    row("array too long", "array 2", QJsonArray{1, 2, 3}, false, QStringLiteral("0"));
    row("array an object", "array 2", QJsonObject(), false, QStringLiteral("0"));
    row("array null", "array 2", kNull, false, QStringLiteral("0"));
    row("array missing", "array 2", kMissing, false, QStringLiteral("0"));
    row("optional array", "optional array 2", QJsonArray{1}, true, QStringLiteral("1"));
    row("optional array missing", "optional array 2", kMissing, true, QStringLiteral("0"));
    row("optional array null", "optional array 2", kNull, true, QStringLiteral("0"));
    row("optional array too long", "optional array 2", QJsonArray{1, 2, 3}, false, QStringLiteral("0"));
    row("optional array as text", "optional array 2", QStringLiteral("[]"), false, QStringLiteral("0"));

    row("object", "object", QJsonObject{{QStringLiteral("a"), 1}}, true, QStringLiteral("1"));
    row("object an array", "object", QJsonArray(), false, QStringLiteral("0"));
    row("object missing", "object", kMissing, false, QStringLiteral("0"));
}

void TestJsonFields::readsOneField()
{
    QFETCH(QString, read);
    QFETCH(QJsonValue, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    QJsonObject json{{QStringLiteral("other"), 1}};
    if (!value.isUndefined())
        json.insert(QStringLiteral("f"), value);
    JsonFields f(json);
    QVERIFY(!f.failed());
    QCOMPARE(readField(f, read), expected);
    QCOMPARE(f.failed(), !ok);
    QCOMPARE(f.failure(), ok ? QString() : QStringLiteral("f"));
}

void TestJsonFields::firstFaultIsKeptWithItsPath()
{
    const QJsonObject json{{QStringLiteral("a"), QStringLiteral("x")},
                           {QStringLiteral("b"), QStringLiteral("y")}};
    JsonFields f(json, QStringLiteral("state."));
    QCOMPARE(f.integer("a"), 0);
    QCOMPARE(f.failure(), QStringLiteral("state.a"));
    // Later faults, read or found by the parser, leave the first one standing.
    QCOMPARE(f.integer("b"), 0);
    f.fail(QStringLiteral("c"));
    QCOMPARE(f.failure(), QStringLiteral("state.a"));
    // A good field read after a fault is still read.
    QCOMPARE(f.string("b", 4), QStringLiteral("y"));
    QCOMPARE(f.failure(), QStringLiteral("state.a"));
}

void TestJsonFields::nestedFaultsAreTheOuterReaders()
{
    const QJsonObject inner{{QStringLiteral("n"), QStringLiteral("bad")}};
    const QJsonObject json{
        {QStringLiteral("list"),
         QJsonArray{QJsonObject{{QStringLiteral("n"), 1}}, QJsonObject{{QStringLiteral("deeper"), inner}}}},
        {QStringLiteral("scalar"), 3}};

    JsonFields f(json);
    const QJsonArray list = f.array("list", 10);
    JsonFields first = f.nested(list.at(0), QStringLiteral("list[0]"));
    QCOMPARE(first.integer("n"), 1);
    QVERIFY(!f.failed());
    JsonFields second = f.nested(list.at(1), QStringLiteral("list[1]"));
    JsonFields deeper = second.nested(second.value("deeper"), QStringLiteral("deeper"));
    QCOMPARE(deeper.integer("n"), 0);
    QVERIFY(f.failed());
    QVERIFY(second.failed());
    QCOMPARE(f.failure(), QStringLiteral("list[1].deeper.n"));

    // A nested value that is not an object fails under its own name.
    JsonFields g(json);
    JsonFields notAnObject = g.nested(g.value("scalar"), QStringLiteral("scalar"));
    QCOMPARE(notAnObject.integer("n"), 0);
    QCOMPARE(g.failure(), QStringLiteral("scalar"));
}

QTEST_GUILESS_MAIN(TestJsonFields)
#include "TestJsonFields.moc"
