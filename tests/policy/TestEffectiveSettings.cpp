// Tests EffectiveSettings: the user's Team Sharing settings merged with the machine policy.
// The user may lower the timeout below the policy's, never raise it; the policy's server
// wins; TeamSharingEnabled=false turns sharing off; each enforced value has a reason.
#include "core/policy/EffectiveSettings.h"

#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

class TestEffectiveSettings : public QObject
{
    Q_OBJECT

private slots:
    void timeout_data();
    void timeout();
    void serverUrl_data();
    void serverUrl();
    void teamSharing_data();
    void teamSharing();
    void userSettingsRoundTrip();
    void environmentServer_data();
    void environmentServer();

private:
    MachinePolicy policy(const QByteArray& ini);
    QTemporaryDir m_dir;
    int m_files = 0;
};

MachinePolicy TestEffectiveSettings::policy(const QByteArray& ini)
{
    const QString path = m_dir.filePath(QStringLiteral("p%1.conf").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the policy");
    file.write(ini);
    file.close();
    QSettings settings(path, QSettings::IniFormat);
    return MachinePolicy::read(settings);
}

void TestEffectiveSettings::timeout_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<int>("user");
    QTest::addColumn<int>("effective");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<bool>("enforced");

    QTest::newRow("no policy, default") << QByteArray() << 15 << 15 << 15 << false;
    QTest::newRow("no policy, user lowers") << QByteArray() << 5 << 5 << 15 << false;
    QTest::newRow("no policy, user above 15") << QByteArray() << 60 << 15 << 15 << false;
    QTest::newRow("no policy, user 0") << QByteArray() << 0 << 1 << 15 << false;
    QTest::newRow("policy 10, user 15")
        << QByteArray("InactivityTimeoutMinutes=10") << 15 << 10 << 10 << true;
    QTest::newRow("policy 10, user lowers to 3")
        << QByteArray("InactivityTimeoutMinutes=10") << 3 << 3 << 10 << true;
    QTest::newRow("policy 10, user raises to 12")
        << QByteArray("InactivityTimeoutMinutes=10") << 12 << 10 << 10 << true;
    QTest::newRow("policy 30 reads as 15")
        << QByteArray("InactivityTimeoutMinutes=30") << 15 << 15 << 15 << true;
    QTest::newRow("policy unreadable reads as 1")
        << QByteArray("InactivityTimeoutMinutes=ten") << 15 << 1 << 1 << true;
}

void TestEffectiveSettings::timeout()
{
    QFETCH(QByteArray, ini);
    QFETCH(int, user);
    QFETCH(int, effective);
    QFETCH(int, maximum);
    QFETCH(bool, enforced);
    UserSharingSettings mine;
    mine.inactivityTimeoutMinutes = user;
    const EffectiveSettings settings = EffectiveSettings::merge(mine, policy(ini));
    QCOMPARE(settings.inactivityTimeoutMinutes().value, effective);
    QCOMPARE(settings.inactivityTimeout(), std::chrono::minutes(effective));
    QCOMPARE(settings.maximumInactivityTimeoutMinutes(), maximum);
    QCOMPARE(settings.inactivityTimeoutMinutes().enforced, enforced);
    QCOMPARE(settings.inactivityTimeoutMinutes().reason.isEmpty(), !enforced);
    if (enforced)
        QVERIFY(settings.inactivityTimeoutMinutes().reason.contains(QString::number(maximum)));
}

void TestEffectiveSettings::serverUrl_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("effective");
    QTest::addColumn<bool>("enforced");
    QTest::newRow("user's server") << QByteArray() << QStringLiteral("https://mine.example.com")
                                   << QStringLiteral("https://mine.example.com") << false;
    QTest::newRow("none chosen") << QByteArray() << QString() << QString() << false;
    QTest::newRow("policy wins") << QByteArray("ServerUrl=https://corp.example.com")
                                 << QStringLiteral("https://mine.example.com")
                                 << QStringLiteral("https://corp.example.com") << true;
    QTest::newRow("policy with none chosen") << QByteArray("ServerUrl=https://corp.example.com") << QString()
                                             << QStringLiteral("https://corp.example.com") << true;
}

void TestEffectiveSettings::serverUrl()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, user);
    QFETCH(QString, effective);
    QFETCH(bool, enforced);
    UserSharingSettings mine;
    mine.serverUrl = QUrl(user);
    const EffectiveSettings settings = EffectiveSettings::merge(mine, policy(ini));
    QCOMPARE(settings.serverUrl().value.toString(), effective);
    QCOMPARE(settings.serverUrl().enforced, enforced);
    QCOMPARE(settings.serverUrlEditable(), !enforced);
    QCOMPARE(settings.serverUrl().reason.isEmpty(), !enforced);
}

void TestEffectiveSettings::teamSharing_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("enforced");
    QTest::addColumn<QString>("reasonSays");
    QTest::newRow("no policy") << QByteArray() << true << false << QString();
    QTest::newRow("policy off") << QByteArray("TeamSharingEnabled=false") << false << true
                                << QStringLiteral("administrator has turned Team Sharing off");
    QTest::newRow("policy on") << QByteArray("TeamSharingEnabled=true") << true << true
                               << QStringLiteral("turned Team Sharing on");
    QTest::newRow("policy misspelt") << QByteArray("TeamSharingEnabled=False") << false << true
                                     << QStringLiteral("could not be read");
    QTest::newRow("bad server url") << QByteArray("ServerUrl=http://corp.example.com") << false << true
                                    << QStringLiteral("could not be read");
    QTest::newRow("broken file") << QByteArray("TeamSharingEnabled true") << false << true
                                 << QStringLiteral("could not be read");
}

void TestEffectiveSettings::teamSharing()
{
    QFETCH(QByteArray, ini);
    QFETCH(bool, enabled);
    QFETCH(bool, enforced);
    QFETCH(QString, reasonSays);
    const EffectiveSettings settings = EffectiveSettings::merge(UserSharingSettings{}, policy(ini));
    QCOMPARE(settings.teamSharingEnabled().value, enabled);
    QCOMPARE(settings.teamSharingEnabled().enforced, enforced);
    QCOMPARE(settings.hasPolicy(), !ini.isEmpty());
    QVERIFY2(settings.teamSharingEnabled().reason.contains(reasonSays),
             qPrintable(settings.teamSharingEnabled().reason));
}

void TestEffectiveSettings::userSettingsRoundTrip()
{
    QSettings settings(m_dir.filePath(QStringLiteral("user.conf")), QSettings::IniFormat);
    QCOMPARE(UserSharingSettings::load(settings), UserSharingSettings{});
    UserSharingSettings mine;
    mine.serverUrl = QUrl(QStringLiteral("https://mine.example.com"));
    mine.inactivityTimeoutMinutes = 7;
    mine.save(settings);
    QCOMPARE(UserSharingSettings::load(settings), mine);
    settings.setValue(QStringLiteral("TeamSharing/inactivityTimeoutMinutes"), 90);
    QCOMPARE(UserSharingSettings::load(settings).inactivityTimeoutMinutes, 15);
}

void TestEffectiveSettings::environmentServer_data()
{
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QByteArray>("variable");
    QTest::addColumn<QString>("used");
    QTest::newRow("none chosen: the variable's")
        << QString() << QByteArray("http://127.0.0.1:40123/") << QStringLiteral("http://127.0.0.1:40123");
    QTest::newRow("https") << QString() << QByteArray("https://sync.example.org")
                           << QStringLiteral("https://sync.example.org");
    QTest::newRow("the user's choice wins")
        << QStringLiteral("https://mine.example.com") << QByteArray("http://127.0.0.1:40123")
        << QStringLiteral("https://mine.example.com");
    QTest::newRow("not a web address") << QString() << QByteArray("ftp://127.0.0.1/") << QString();
    QTest::newRow("no host") << QString() << QByteArray("http://") << QString();
    QTest::newRow("unreadable") << QString() << QByteArray("http://exa mple.com") << QString();
    QTest::newRow("unset") << QString() << QByteArray() << QString();
}

// CONCLAVE_SERVER_URL (scripts/start.sh's local server) stands in while the user chose no
// server, and is never saved.
void TestEffectiveSettings::environmentServer()
{
    QFETCH(QString, chosen);
    QFETCH(QByteArray, variable);
    QFETCH(QString, used);
    const auto restore = qScopeGuard([] { qunsetenv("CONCLAVE_SERVER_URL"); });
    if (variable.isNull())
        qunsetenv("CONCLAVE_SERVER_URL");
    else
        qputenv("CONCLAVE_SERVER_URL", variable);
    QSettings settings(m_dir.filePath(QStringLiteral("env-%1.conf").arg(++m_files)), QSettings::IniFormat);
    UserSharingSettings mine;
    mine.serverUrl = QUrl(chosen);
    mine.save(settings);
    const UserSharingSettings loaded = UserSharingSettings::load(settings).withEnvironmentServer();
    QCOMPARE(loaded.serverUrl, QUrl(used));
    QCOMPARE(UserSharingSettings::load(settings).serverUrl, QUrl(chosen)); // not saved
}

QTEST_GUILESS_MAIN(TestEffectiveSettings)
#include "TestEffectiveSettings.moc"
