// The client's layers read app -> ui -> core (docs/development.md), and inside core each
// component may use only the components its CMakeLists.txt links (DEPS), directly or through
// them. Static libraries resolve symbols only when an executable is linked, so an include
// that points the wrong way could still build; this suite makes it a test failure: every
// #include "<layer>/..." of a client source must name its own layer or one below, every
// #include "core/<component>/..." of a core source its own component or one it depends on,
// and no core or ui CMakeLists.txt may link a higher layer.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestClientLayers : public QObject
{
    Q_OBJECT

private slots:
    void includesPointDown_data();
    void includesPointDown();
    void coreComponentsUseOnlyTheirDeps_data();
    void coreComponentsUseOnlyTheirDeps();
    void linkLinesPointDown_data();
    void linkLinesPointDown();

private:
    static QString read(const QString& path);
    static QStringList sources(const QString& folder);
    // Component -> components it links (conclave_core_<name> in DEPS), transitively.
    static QHash<QString, QSet<QString>> coreDeps();
};

QString TestClientLayers::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QStringList TestClientLayers::sources(const QString& folder)
{
    QStringList files;
    QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR "/") + folder,
                    {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QHash<QString, QSet<QString>> TestClientLayers::coreDeps()
{
    QHash<QString, QSet<QString>> direct;
    static const QRegularExpression dep(QStringLiteral("conclave_core_([a-z]+)"));
    QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR "/core"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        const QString name = QFileInfo(dir).fileName();
        const QString text = read(dir + QStringLiteral("/CMakeLists.txt"));
        const qsizetype at = text.indexOf(QStringLiteral("DEPS"));
        QSet<QString>& deps = direct[name];
        if (at < 0)
            continue;
        auto matches = dep.globalMatch(text.mid(at));
        while (matches.hasNext())
            deps.insert(matches.next().captured(1));
    }
    QHash<QString, QSet<QString>> closure = direct;
    for (bool grew = true; grew;) {
        grew = false;
        for (auto itc = closure.begin(); itc != closure.end(); ++itc) {
            const QSet<QString> current = itc.value();
            for (const QString& d : current) {
                for (const QString& dd : closure.value(d)) {
                    if (!itc.value().contains(dd)) {
                        itc.value().insert(dd);
                        grew = true;
                    }
                }
            }
        }
    }
    return closure;
}

void TestClientLayers::includesPointDown_data()
{
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QStringList>("allowed");
    QTest::newRow("core") << QStringLiteral("core") << QStringList{QStringLiteral("core")};
    QTest::newRow("ui") << QStringLiteral("ui")
                        << QStringList{QStringLiteral("ui"), QStringLiteral("core"),
                                       QStringLiteral("translations"), QStringLiteral("resources")};
    QTest::newRow("app") << QStringLiteral("app")
                         << QStringList{QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("core"),
                                        QStringLiteral("translations"), QStringLiteral("resources")};
}

void TestClientLayers::includesPointDown()
{
    QFETCH(QString, layer);
    QFETCH(QStringList, allowed);
    static const QRegularExpression include(QStringLiteral("^#include \"([a-z]+)/"),
                                            QRegularExpression::MultilineOption);
    const QStringList files = sources(layer);
    QVERIFY2(!files.isEmpty(), "the layer folder holds no sources; the check would prove nothing");
    for (const QString& path : files) {
        auto matches = include.globalMatch(read(path));
        while (matches.hasNext()) {
            const QString target = matches.next().captured(1);
            QVERIFY2(allowed.contains(target), qPrintable(path + QStringLiteral(" (") + layer +
                                                          QStringLiteral(") includes from ") + target));
        }
    }
}

void TestClientLayers::coreComponentsUseOnlyTheirDeps_data()
{
    QTest::addColumn<QString>("component");
    const auto deps = coreDeps();
    QVERIFY(deps.contains(QStringLiteral("sync")));
    for (auto it = deps.cbegin(); it != deps.cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key();
}

void TestClientLayers::coreComponentsUseOnlyTheirDeps()
{
    QFETCH(QString, component);
    const QSet<QString> allowed = coreDeps().value(component) + QSet<QString>{component};
    static const QRegularExpression include(QStringLiteral("^#include \"core/([a-z]+)/"),
                                            QRegularExpression::MultilineOption);
    for (const QString& path : sources(QStringLiteral("core/") + component)) {
        auto matches = include.globalMatch(read(path));
        while (matches.hasNext()) {
            const QString target = matches.next().captured(1);
            QVERIFY2(allowed.contains(target), qPrintable(path + QStringLiteral(" includes from core/") +
                                                          target + QStringLiteral(", which core/") +
                                                          component + QStringLiteral(" does not link")));
        }
    }
}

void TestClientLayers::linkLinesPointDown_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("forbidden");
    const QStringList aboveCore{QStringLiteral("conclave_gui"), QStringLiteral("conclave_app"),
                                QStringLiteral("Qt6::Widgets"), QStringLiteral("conclave_server")};
    QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR "/core"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        QTest::newRow(qPrintable(QStringLiteral("core/") + QFileInfo(dir).fileName()))
            << dir + QStringLiteral("/CMakeLists.txt") << aboveCore;
    }
    QTest::newRow("ui") << QStringLiteral(CONCLAVE_SOURCE_DIR "/ui/CMakeLists.txt")
                        << QStringList{QStringLiteral("conclave_app"), QStringLiteral("conclave_server")};
}

void TestClientLayers::linkLinesPointDown()
{
    QFETCH(QString, file);
    QFETCH(QStringList, forbidden);
    const QString text = read(file);
    QVERIFY2(!text.isEmpty(), qPrintable(file));
    for (const QString& target : forbidden) {
        const QRegularExpression word(QStringLiteral("(^|[\\s(])") + QRegularExpression::escape(target) +
                                      QStringLiteral("($|[\\s)_])"));
        QVERIFY2(!word.match(text).hasMatch(), qPrintable(file + QStringLiteral(" links ") + target));
    }
}

QTEST_GUILESS_MAIN(TestClientLayers)
#include "TestClientLayers.moc"
