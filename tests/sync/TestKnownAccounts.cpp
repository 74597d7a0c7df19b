// Tests KnownAccounts: an account remembered per server and address (in any letter case), the
// address itself never written to the file, and a damaged file an error rather than "unknown".
#include "core/sync/KnownAccounts.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

class TestKnownAccounts : public QObject
{
    Q_OBJECT

private slots:
    void remembersPerServerAndAddress();
    void damagedFileIsAnError();
};

void TestKnownAccounts::remembersPerServerAndAddress()
{
    QTemporaryDir dir;
    KnownAccounts known(dir.path() + QStringLiteral("/state"));
    const QUrl server(QStringLiteral("https://sync.example.com"));
    const QUuid user = QUuid::createUuid();
    QVERIFY(known.find(server, QStringLiteral("ann@example.org"))->has_value() == false);
    QVERIFY(known.remember(server, QStringLiteral("Ann@Example.org "), {user, 7}).ok());
    const auto found = known.find(server, QStringLiteral("ann@example.org"));
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->userId, user);
    QCOMPARE((*found)->generation, quint64(7));
    QVERIFY(!known.find(QUrl(QStringLiteral("https://other.example.com")), QStringLiteral("ann@example.org"))
                 ->has_value());
    QFile file(known.indexPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.toLower().contains("ann@example.org"));
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void TestKnownAccounts::damagedFileIsAnError()
{
    QTemporaryDir dir;
    KnownAccounts known(dir.path());
    QFile file(known.indexPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    const auto found =
        known.find(QUrl(QStringLiteral("https://sync.example.com")), QStringLiteral("a@example.org"));
    QVERIFY(!found.ok());
    QCOMPARE(found.error().code, ErrorCode::Corrupt);
}

QTEST_GUILESS_MAIN(TestKnownAccounts)
#include "TestKnownAccounts.moc"
