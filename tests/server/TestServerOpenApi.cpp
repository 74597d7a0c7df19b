// Keeps docs/api/openapi.yaml true: the routes `conclave-server routes` prints (the very
// table `serve` registers) must be exactly the operations the OpenAPI file describes, and the
// reason codes `conclave-server reasons` prints exactly the enum of error.code.
#include "ServerHarness.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestServerOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void routesMatchDocument();
    void reasonsMatchDocument();

private:
    static QStringList commandLines(const QString& command);
};

QStringList TestServerOpenApi::commandLines(const QString& command)
{
    QProcess process;
    process.start(ServerHarness::binary(), {command});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {};
    QStringList lines;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QString::fromUtf8(line.trimmed()));
    }
    return lines;
}

void TestServerOpenApi::reasonsMatchDocument()
{
    const QStringList served = commandLines(QStringLiteral("reasons"));
    QVERIFY(served.size() > 10);
    QFile yaml(QStringLiteral(CONCLAVE_SOURCE_DIR "/docs/api/openapi.yaml"));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    // The Error schema's "code:" property holds its values as a one-line flow list.
    static const QRegularExpression enumLine(QStringLiteral("^\\s+enum: \\[([a-z, -]+)\\]\\s*$"));
    QStringList documented;
    bool inCode = false;
    for (const QByteArray& raw : yaml.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line == QLatin1String("            code:")) {
            inCode = true;
        } else if (inCode) {
            if (const auto m = enumLine.match(line); m.hasMatch()) {
                for (const QString& value : m.captured(1).split(QLatin1Char(',')))
                    documented.append(value.trimmed());
                break;
            }
        }
    }
    QCOMPARE(documented, served);
}

void TestServerOpenApi::routesMatchDocument()
{
    QProcess process;
    process.start(ServerHarness::binary(), {QStringLiteral("routes")});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    QSet<QString> registered;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            registered.insert(QString::fromUtf8(line.trimmed()));
    }
    QVERIFY(registered.size() > 10);

    QFile yaml(QStringLiteral(CONCLAVE_SOURCE_DIR "/docs/api/openapi.yaml"));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    // The file keeps the usual layout: "paths:", two-space path keys, four-space methods.
    static const QRegularExpression pathKey(QStringLiteral("^  (/[^:\\s]*):\\s*$"));
    static const QRegularExpression methodKey(
        QStringLiteral("^    (get|put|post|delete|patch|head|options):\\s*$"));
    QSet<QString> documented;
    bool inPaths = false;
    QString currentPath;
    for (const QByteArray& raw : yaml.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!line.startsWith(QLatin1Char(' ')) && !line.trimmed().isEmpty())
            inPaths = line.startsWith(QLatin1String("paths:"));
        if (!inPaths)
            continue;
        if (const auto m = pathKey.match(line); m.hasMatch())
            currentPath = m.captured(1);
        else if (const auto m2 = methodKey.match(line); m2.hasMatch() && !currentPath.isEmpty())
            documented.insert(m2.captured(1).toUpper() + QLatin1Char(' ') + currentPath);
    }
    const QSet<QString> undocumented = registered - documented;
    const QSet<QString> missing = documented - registered;
    QVERIFY2(undocumented.isEmpty(),
             qPrintable(QStringLiteral("served but not in openapi.yaml: ") +
                        QStringList(undocumented.values()).join(QStringLiteral(", "))));
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("in openapi.yaml but not served: ") +
                                           QStringList(missing.values()).join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestServerOpenApi)
#include "TestServerOpenApi.moc"
