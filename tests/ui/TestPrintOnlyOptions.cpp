// Tests PrintOnlyOptions: which command lines only print (version, help) and so get the
// offscreen platform, and which start the app.
#include "app/PrintOnlyOptions.h"

#include <QTest>

#include <vector>

using namespace Conclave::Gui;

class TestPrintOnlyOptions : public QObject
{
    Q_OBJECT

private slots:
    void requested_data();
    void requested();
};

void TestPrintOnlyOptions::requested_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("printOnly");
    QTest::newRow("no arguments") << QStringList{} << false;
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << true;
    QTest::newRow("-v") << QStringList{QStringLiteral("-v")} << true;
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << true;
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << true;
    QTest::newRow("--help-all") << QStringList{QStringLiteral("--help-all")} << true;
    QTest::newRow("-?") << QStringList{QStringLiteral("-?")} << true;
    QTest::newRow("--store then --version")
        << QStringList{QStringLiteral("--store"), QStringLiteral("a.sqlite"), QStringLiteral("--version")}
        << true;
    QTest::newRow("--store only") << QStringList{QStringLiteral("--store"), QStringLiteral("a.sqlite")}
                                  << false;
    QTest::newRow("after --") << QStringList{QStringLiteral("--"), QStringLiteral("--version")} << false;
    QTest::newRow("prefix only") << QStringList{QStringLiteral("--versionx")} << false;
}

void TestPrintOnlyOptions::requested()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, printOnly);
    std::vector<QByteArray> storage{QByteArrayLiteral("conclave")};
    for (const QString& argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<const char*> argv;
    for (const QByteArray& argument : storage)
        argv.push_back(argument.constData());
    QCOMPARE(PrintOnlyOptions::requested(int(argv.size()), argv.data()), printOnly);
}

QTEST_GUILESS_MAIN(TestPrintOnlyOptions)
#include "TestPrintOnlyOptions.moc"
