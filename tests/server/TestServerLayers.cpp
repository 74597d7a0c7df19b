// The server's layers read top down: app -> http -> services -> storage (docs/development.md).
// Static libraries resolve symbols only when the executable is linked, so a lower layer that
// includes a higher one's header could still compile and link; this suite makes that a test
// failure. Every #include "server/<layer>/..." must name the file's own layer or one below,
// and each layer's CMakeLists.txt may link only the server components below it.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestServerLayers : public QObject
{
    Q_OBJECT

private slots:
    void includesPointDown_data();
    void includesPointDown();
    void linkLinesPointDown_data();
    void linkLinesPointDown();

private:
    static const QStringList& layers();
};

const QStringList& TestServerLayers::layers()
{
    // Top to bottom.
    static const QStringList list{QStringLiteral("app"), QStringLiteral("http"), QStringLiteral("services"),
                                  QStringLiteral("storage")};
    return list;
}

void TestServerLayers::includesPointDown_data()
{
    QTest::addColumn<QString>("layer");
    for (const QString& layer : layers())
        QTest::newRow(qPrintable(layer)) << layer;
}

void TestServerLayers::includesPointDown()
{
    QFETCH(QString, layer);
    const QString root = QStringLiteral(CONCLAVE_SOURCE_DIR "/server/") + layer;
    const int rank = layers().indexOf(layer);
    static const QRegularExpression include(QStringLiteral("^#include \"server/([a-z]+)/"),
                                            QRegularExpression::MultilineOption);
    int files = 0;
    QDirIterator it(root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        ++files;
        const QString text = QString::fromUtf8(file.readAll());
        auto matches = include.globalMatch(text);
        while (matches.hasNext()) {
            const QString target = matches.next().captured(1);
            const int targetRank = layers().indexOf(target);
            QVERIFY2(targetRank >= 0, qPrintable(file.fileName() +
                                                 QStringLiteral(" includes from an unknown "
                                                                "folder server/") +
                                                 target));
            QVERIFY2(targetRank >= rank,
                     qPrintable(file.fileName() + QStringLiteral(" (") + layer +
                                QStringLiteral(") includes from the higher layer ") + target));
        }
    }
    QVERIFY2(files > 0, "the layer folder holds no sources; the check would prove nothing");
}

void TestServerLayers::linkLinesPointDown_data()
{
    includesPointDown_data();
}

void TestServerLayers::linkLinesPointDown()
{
    QFETCH(QString, layer);
    QFile file(QStringLiteral(CONCLAVE_SOURCE_DIR "/server/") + layer + QStringLiteral("/CMakeLists.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const int rank = layers().indexOf(layer);
    static const QRegularExpression component(QStringLiteral("conclave_server_([a-z]+)"));
    auto matches = component.globalMatch(text);
    while (matches.hasNext()) {
        const QString target = matches.next().captured(1);
        QVERIFY2(layers().indexOf(target) > rank,
                 qPrintable(layer + QStringLiteral(" links conclave_server_") + target +
                            QStringLiteral(", which is not below it")));
    }
}

QTEST_GUILESS_MAIN(TestServerLayers)
#include "TestServerLayers.moc"
