// Runs last in every server test run (ctest cleanup of the `server_logs` fixture): no line
// any conclave-server wrote during the run — log files and captured stdout/stderr — may
// contain an email address. It also checks that logs were written at all, so an empty
// folder cannot pass. The same request lines ("METHOD /pattern STATUS ...") show every status
// the server really answered during the run; each must be documented for that operation in
// docs/api/openapi.yaml, and none may be a 5xx — except in the logs of servers whose database
// a test made fail on purpose (folders named provoked-*, see TestServerStorage).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestServerLogHygiene : public QObject
{
    Q_OBJECT

private slots:
    void noEmailAddressInServerLogs();
    void answeredStatusesAreDocumented();
};

void TestServerLogHygiene::noEmailAddressInServerLogs()
{
    const QString root = QStringLiteral(CONCLAVE_BINARY_DIR "/server-test-logs");
    if (!QDir(root).exists())
        QSKIP("no server test ran in this ctest run");
    static const QRegularExpression email(
        QStringLiteral("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"));
    int files = 0;
    int requestLines = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        ++files;
        int lineNumber = 0;
        for (const QByteArray& raw : file.readAll().split('\n')) {
            ++lineNumber;
            const QString line = QString::fromUtf8(raw);
            if (line.contains(QStringLiteral("conclave.server.http: POST /api/v1/accounts")))
                ++requestLines;
            const auto match = email.match(line);
            QVERIFY2(!match.hasMatch(), qPrintable(QStringLiteral("%1:%2 holds an email address: %3")
                                                       .arg(file.fileName())
                                                       .arg(lineNumber)
                                                       .arg(line)));
        }
    }
    QVERIFY(files > 0);
    QVERIFY2(requestLines > 0, "the server logs hold no request lines; the check would prove nothing");
}

void TestServerLogHygiene::answeredStatusesAreDocumented()
{
    const QString root = QStringLiteral(CONCLAVE_BINARY_DIR "/server-test-logs");
    if (!QDir(root).exists())
        QSKIP("no server test ran in this ctest run");

    // "METHOD /path" -> documented statuses, from the paths section of the OpenAPI file.
    QFile yaml(QStringLiteral(CONCLAVE_SOURCE_DIR "/docs/api/openapi.yaml"));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    static const QRegularExpression pathKey(QStringLiteral("^  (/[^:\\s]*):\\s*$"));
    static const QRegularExpression methodKey(
        QStringLiteral("^    (get|put|post|delete|patch|head|options):\\s*$"));
    static const QRegularExpression statusKey(QStringLiteral("^        \"([1-5][0-9][0-9])\":"));
    QHash<QString, QSet<QString>> documented;
    QString path;
    QString operation;
    bool inPaths = false;
    for (const QByteArray& raw : yaml.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!line.startsWith(QLatin1Char(' ')) && !line.trimmed().isEmpty())
            inPaths = line.startsWith(QLatin1String("paths:"));
        if (!inPaths)
            continue;
        if (const auto m = pathKey.match(line); m.hasMatch()) {
            path = m.captured(1);
            operation.clear();
        } else if (const auto m2 = methodKey.match(line); m2.hasMatch()) {
            operation = m2.captured(1).toUpper() + QLatin1Char(' ') + path;
            documented[operation];
        } else if (const auto m3 = statusKey.match(line); m3.hasMatch() && !operation.isEmpty()) {
            documented[operation].insert(m3.captured(1));
        }
    }
    QVERIFY(documented.size() > 10);
    // The file's description promises these before routing: 400 for an unparsable
    // Content-Length, 404 for unknown paths, 405 for a known path with another method, 413 for
    // a body over the limit.
    const QSet<QString> everywhere{QStringLiteral("400"), QStringLiteral("404"), QStringLiteral("405"),
                                   QStringLiteral("413")};

    static const QRegularExpression requestLine(
        QStringLiteral("conclave\\.server\\.http: ([A-Z]+) (\\S+) ([0-9]{3}) "));
    QStringList undocumented;
    int answers = 0;
    QDirIterator it(root, {QStringLiteral("*.log")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const bool provoked = file.fileName().contains(QLatin1String("/provoked-"));
        for (const QByteArray& raw : file.readAll().split('\n')) {
            const auto m = requestLine.match(QString::fromUtf8(raw));
            if (!m.hasMatch())
                continue;
            ++answers;
            const QString status = m.captured(3);
            const QString answered = m.captured(1) + QLatin1Char(' ') + m.captured(2);
            // Unrouted answers ("-") are the ones the file's description covers globally.
            const bool unrouted = m.captured(2) == QLatin1String("-");
            if (provoked && status == QLatin1String("500"))
                continue;
            const bool ok =
                !status.startsWith(QLatin1Char('5')) &&
                (unrouted ? everywhere.contains(status)
                          : documented.value(answered).contains(status) || status == QLatin1String("413"));
            if (!ok && !undocumented.contains(answered + QLatin1Char(' ') + status))
                undocumented.append(answered + QLatin1Char(' ') + status);
        }
    }
    QVERIFY2(answers > 100, "too few request lines in the server logs to say anything");
    QVERIFY2(undocumented.isEmpty(),
             qPrintable(QStringLiteral("answered but not in openapi.yaml (or a 5xx): ") +
                        undocumented.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestServerLogHygiene)
#include "TestServerLogHygiene.moc"
