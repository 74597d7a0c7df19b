// Core::LogFile, shared by the client's FileLogger and the server's ServerLog: owner-only
// files, one line format, and the 7-day retention (DESIGN §7) that keeps newer files.
#include "core/util/LogFile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using Conclave::Core::LogFile;

class TestLogFile : public QObject
{
    Q_OBJECT

private slots:
    void openIsOwnerOnly();
    void lineFormat();
    void pruneKeepsTheRetentionPeriod_data();
    void pruneKeepsTheRetentionPeriod();
};

void TestLogFile::openIsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/app.log"));
    auto file = LogFile::open(path);
    QVERIFY(file);
    QVERIFY(file->write("x\n") == 2);
    file.reset();
    const auto permissions = QFileInfo(path).permissions();
    QVERIFY(permissions & QFileDevice::ReadOwner);
    QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
    // Appends, never truncates.
    file = LogFile::open(path);
    QVERIFY(file && file->write("y\n") == 2);
    file.reset();
    QCOMPARE(QFileInfo(path).size(), qint64(4));
}

void TestLogFile::lineFormat()
{
    const QMessageLogContext context(nullptr, 0, nullptr, "conclave.test");
    const QByteArray line = LogFile::line(QtWarningMsg, context, QStringLiteral("hello"));
    QVERIFY2(line.endsWith(" warning conclave.test: hello\n"), line.constData());
    QVERIFY(QDateTime::fromString(QString::fromLatin1(line.left(line.indexOf(' '))), Qt::ISODateWithMs)
                .isValid());
}

void TestLogFile::pruneKeepsTheRetentionPeriod_data()
{
    QTest::addColumn<int>("ageDays");
    QTest::addColumn<bool>("kept");
    QTest::newRow("written today") << 0 << true;
    QTest::newRow("6 days old") << 6 << true;
    QTest::newRow("8 days old") << 8 << false;
    QTest::newRow("30 days old") << 30 << false;
}

void TestLogFile::pruneKeepsTheRetentionPeriod()
{
    QFETCH(int, ageDays);
    QFETCH(bool, kept);
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("app-1.log"));
    const QString other = dir.filePath(QStringLiteral("notes.txt"));
    for (const QString& path : {log, other}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.flush();
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-ageDays),
                                 QFileDevice::FileModificationTime));
    }
    QCOMPARE(LogFile::prune(dir.path(), {QStringLiteral("app-*.log")}), kept ? 0 : 1);
    QCOMPARE(QFileInfo::exists(log), kept);
    // Only matching names are ever touched.
    QVERIFY(QFileInfo::exists(other));
}

QTEST_GUILESS_MAIN(TestLogFile)
#include "TestLogFile.moc"
