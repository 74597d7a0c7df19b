// Rules about conclave-server's sources that no behavioural test can check. Comparing a
// secret-derived hash with `==` instead of a constant-time comparison gives the same answers
// and differs only in nanoseconds of timing, far below the noise of an HTTP round trip (and
// the suite does not time things), so this suite reads the code instead: hashes of auth keys,
// codes and tokens are compared only through services/ConstantTime, which alone calls
// sodium_memcmp, and the sign-in, password-change and code checks use it.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestServerSourceRules : public QObject
{
    Q_OBJECT

private slots:
    void secretsNotComparedWithEquals_data();
    void secretsNotComparedWithEquals();
    void constantTimeComparisonUsed();

private:
    static QString read(const QString& path);
};

QString TestServerSourceRules::read(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestServerSourceRules::secretsNotComparedWithEquals_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR "/server"),
                    {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(path.mid(int(qstrlen(CONCLAVE_SOURCE_DIR)) + 1))) << path;
        ++files;
    }
    QVERIFY(files > 50);
}

void TestServerSourceRules::secretsNotComparedWithEquals()
{
    QFETCH(QString, path);
    const QString text = read(path);
    QVERIFY(!text.isEmpty());
    // A value named like a secret-derived hash or key, directly on either side of == or !=
    // (".size() ==" is fine: lengths are not secret).
    static const QRegularExpression equals(QStringLiteral(
        "(\\b\\w*(?:[Hh]ash|presented|expected|authKey|AuthKey)\\w*(?:\\(\\))?\\s*[!=]=[^=])|"
        "([!=]=\\s*[\\w.>-]*(?:[Hh]ash|presented|expected|authKey|AuthKey)\\w*\\b(?!\\s*\\.size))"));
    auto matches = equals.globalMatch(text);
    while (matches.hasNext()) {
        const auto m = matches.next();
        const int line = int(text.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
        QFAIL(qPrintable(
            QStringLiteral("%1:%2 compares a secret with ==: %3").arg(path).arg(line).arg(m.captured(0))));
    }
    if (!path.endsWith(QLatin1String("services/ConstantTime.cpp"))) {
        QVERIFY2(!text.contains(QLatin1String("sodium_memcmp(")),
                 qPrintable(path + QStringLiteral(" calls sodium_memcmp itself; use ConstantTime::equal")));
    }
}

void TestServerSourceRules::constantTimeComparisonUsed()
{
    const QString accounts = read(QStringLiteral(CONCLAVE_SOURCE_DIR "/server/services/AccountService.cpp"));
    // Sign-in, password change and the verification code.
    QVERIFY(accounts.count(QLatin1String("ConstantTime::equal(")) >= 3);
    const QString helper = read(QStringLiteral(CONCLAVE_SOURCE_DIR "/server/services/ConstantTime.cpp"));
    QVERIFY(helper.contains(QLatin1String("sodium_memcmp(")));
}

QTEST_GUILESS_MAIN(TestServerSourceRules)
#include "TestServerSourceRules.moc"
