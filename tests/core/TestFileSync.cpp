// Core::FileSync: a file's data and the directory entry of a renamed file reach the disk; a
// directory that cannot be opened is said to have failed, not taken as synced.
#include "core/util/FileSync.h"

#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

class TestFileSync : public QObject
{
    Q_OBJECT

private slots:
    void fileIsSynced();
    void directoryOfACommittedFileIsSynced();
    void missingDirectoryFails_data();
    void missingDirectoryFails();
};

void TestFileSync::fileIsSynced()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("data")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write("written"), 7);
    QVERIFY(syncFile(file));
    file.close();
    QVERIFY(!syncFile(file)); // closed: nothing to sync
}

void TestFileSync::directoryOfACommittedFileIsSynced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state"));
    QSaveFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write("state"), 5);
    QVERIFY(file.commit());
    QVERIFY(syncDirectoryOf(path));
}

void TestFileSync::missingDirectoryFails_data()
{
    QTest::addColumn<QString>("relative");
    QTest::newRow("a directory that does not exist") << QStringLiteral("gone/state");
    QTest::newRow("a file where the directory should be") << QStringLiteral("plain/state");
}

void TestFileSync::missingDirectoryFails()
{
    QFETCH(QString, relative);
    QTemporaryDir dir;
    QFile plain(dir.filePath(QStringLiteral("plain")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    QVERIFY(!syncDirectoryOf(dir.filePath(relative)));
}

QTEST_GUILESS_MAIN(TestFileSync)
#include "TestFileSync.moc"
