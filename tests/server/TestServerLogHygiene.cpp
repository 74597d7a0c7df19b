// Runs last in every server test run (ctest cleanup of the `server_logs` fixture): no line
// any conclave-server wrote during the run — log files and captured stdout/stderr — may
// contain an email address. It also checks that logs were written at all, so an empty
// folder cannot pass.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestServerLogHygiene : public QObject
{
    Q_OBJECT

private slots:
    void noEmailAddressInServerLogs();
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

QTEST_GUILESS_MAIN(TestServerLogHygiene)
#include "TestServerLogHygiene.moc"
