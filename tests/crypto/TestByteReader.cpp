// ByteWriter/ByteReader: exact encodings and every way a reader must refuse input.
#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"

#include <QTest>

using namespace Conclave::Core;

class TestByteReader : public QObject
{
    Q_OBJECT

private slots:
    void encodesBigEndianAfterTag()
    {
        const QByteArray bytes = ByteWriter("t")
                                     .u8(0x01)
                                     .u16(0x0203)
                                     .u32(0x04050607)
                                     .u64(0x08090a0b0c0d0e0fULL)
                                     .blob("ab")
                                     .fixed("xy")
                                     .bytes();
        QCOMPARE(bytes.toHex(), QByteArray("74000102030405060708090a0b0c0d0e0f000000026162"
                                           "7879"));
    }

    void roundTrip()
    {
        const QUuid id = QUuid::createUuid();
        const QByteArray bytes = ByteWriter("conclave.test.v1").u32(7).uuid(id).blob("hello").bytes();
        ByteReader reader(bytes, QStringLiteral("test"));
        QVERIFY(reader.expectTag("conclave.test.v1"));
        QCOMPARE(reader.u32(), 7u);
        QCOMPARE(reader.uuid(), id);
        QCOMPARE(reader.blob(16).toByteArray(), QByteArray("hello"));
        QVERIFY(reader.finish().ok());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray good = ByteWriter("tag").u32(1).blob("abc").bytes();
        QTest::newRow("trailing byte") << good + 'x' << QStringLiteral("unexpected bytes");
        QTest::newRow("short") << good.chopped(1) << QStringLiteral("too early");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("format");
        QTest::newRow("wrong tag") << ByteWriter("tah").u32(1).blob("abc").bytes()
                                   << QStringLiteral("format");
        QTest::newRow("tag without NUL") << QByteArray("tagx") + good.mid(4) << QStringLiteral("format");
        QTest::newRow("over-long length")
            << ByteWriter("tag").u32(1).blob("abcdefghijklmnopq").bytes() << QStringLiteral("too large");
        QTest::newRow("huge length") << ByteWriter("tag").u32(1).u32(0xffffffffu).bytes()
                                     << QStringLiteral("too large");
        QTest::newRow("length beyond data")
            << ByteWriter("tag").u32(1).u32(5).fixed("ab").bytes() << QStringLiteral("too early");
    }

    void rejects()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        ByteReader reader(bytes, QStringLiteral("test"));
        reader.expectTag("tag");
        reader.u32();
        reader.blob(16);
        const Status status = reader.finish();
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(reason), qPrintable(status.error().message));
        QCOMPARE(status.error().field, QStringLiteral("test"));
    }

    void failureIsSticky()
    {
        ByteReader reader(QByteArrayView("\x01", 1), QStringLiteral("test"));
        QCOMPARE(reader.u32(), 0u);
        QCOMPARE(reader.u8(), quint8(0)); // the byte is still there, but the reader has failed
        QVERIFY(reader.failed());
        QVERIFY(!reader.finish().ok());
    }
};

QTEST_GUILESS_MAIN(TestByteReader)
#include "TestByteReader.moc"
