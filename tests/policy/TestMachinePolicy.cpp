// Tests MachinePolicy: every key with good values, values out of range, wrong types and
// spellings, both letter cases of each key name, keys in a section, duplicates, a malformed
// or unreadable file; typed values as the Windows registry and macOS plists deliver them; and
// that the production location is the real system scope.
#include "core/policy/MachinePolicy.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

namespace {

// A settings format whose values keep their types, as REG_DWORD / REG_SZ and plist
// <integer>/<true/>/<string> do; INI files give every value as text.
bool readTyped(QIODevice& device, QSettings::SettingsMap& map)
{
    const QJsonDocument doc = QJsonDocument::fromJson(device.readAll());
    if (!doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QVariant value = it.value().toVariant();
        if (it.value().isDouble() && it.value().toDouble() == double(qint64(it.value().toDouble())))
            value = int(it.value().toDouble());
        map.insert(it.key(), value);
    }
    return true;
}

bool writeTyped(QIODevice&, const QSettings::SettingsMap&)
{
    return false;
}

const QSettings::Format s_typedFormat =
    QSettings::registerFormat(QStringLiteral("typed"), readTyped, writeTyped, Qt::CaseSensitive);

// Expected reading: an invalid QVariant means "not enforced".
struct Expected
{
    QVariant sharing;
    QString url;
    int timeout = 0;
};

} // namespace

class TestMachinePolicy : public QObject
{
    Q_OBJECT

private slots:
    void iniFile_data();
    void iniFile();
    void typedValues_data();
    void typedValues();
    void malformedFile_data();
    void malformedFile();
    void unreadableFile();
    void problemsNameTheKey();
    void productionLocationIsTheSystemScope();

private:
    MachinePolicy readIni(const QByteArray& text);
    QTemporaryDir m_dir;
    int m_files = 0;
};

MachinePolicy TestMachinePolicy::readIni(const QByteArray& text)
{
    const QString path = m_dir.filePath(QStringLiteral("policy%1.conf").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    QSettings settings(path, QSettings::IniFormat);
    return MachinePolicy::read(settings);
}

void TestMachinePolicy::iniFile_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QVariant>("sharing");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<bool>("offByProblem");
    QTest::addColumn<QStringList>("problemKeys");
    const QVariant unset;
    const QStringList none;
    auto row = [](const char* name) -> QTestData& {
        return QTest::newRow(name);
    };

    row("empty file") << QByteArray() << unset << QString() << 0 << false << none;
    row("comments only") << QByteArray("; managed by IT\n# nothing yet\n") << unset << QString() << 0 << false
                         << none;
    row("[General] section") << QByteArray("[General]\nTeamSharingEnabled=false\n") << QVariant(false)
                             << QString() << 0 << false << none;

    row("UTF-8 byte order mark") << QByteArray("\xEF\xBB\xBFTeamSharingEnabled=false\n") << QVariant(false)
                                 << QString() << 0 << false << none;
    row("CRLF line ends") << QByteArray("TeamSharingEnabled=false\r\nInactivityTimeoutMinutes=5\r\n")
                          << QVariant(false) << QString() << 5 << false << none;
    row("spaces and quotes") << QByteArray("TeamSharingEnabled = \"false\"\n") << QVariant(false) << QString()
                             << 0 << false << none;

    // TeamSharingEnabled
    row("sharing false") << QByteArray("TeamSharingEnabled=false\n") << QVariant(false) << QString() << 0
                         << false << none;
    row("sharing true") << QByteArray("TeamSharingEnabled=true\n") << QVariant(true) << QString() << 0
                        << false << none;
    row("sharing key lower case") << QByteArray("teamsharingenabled=false\n") << QVariant(false) << QString()
                                  << 0 << false << none;
    row("sharing key upper case") << QByteArray("TEAMSHARINGENABLED=true\n") << QVariant(true) << QString()
                                  << 0 << false << none;
    row("sharing FALSE") << QByteArray("TeamSharingEnabled=FALSE\n") << QVariant(false) << QString() << 0
                         << true << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing TRUE") << QByteArray("TeamSharingEnabled=TRUE\n") << QVariant(false) << QString() << 0
                        << true << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing text 0") << QByteArray("TeamSharingEnabled=0\n") << QVariant(false) << QString() << 0 << true
                          << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing text 1") << QByteArray("TeamSharingEnabled=1\n") << QVariant(false) << QString() << 0 << true
                          << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing no") << QByteArray("TeamSharingEnabled=no\n") << QVariant(false) << QString() << 0 << true
                      << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing empty") << QByteArray("TeamSharingEnabled=\n") << QVariant(false) << QString() << 0 << true
                         << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing list") << QByteArray("TeamSharingEnabled=true, false\n") << QVariant(false) << QString() << 0
                        << true << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing twice, both cases") << QByteArray("TeamSharingEnabled=true\nteamsharingenabled=false\n")
                                     << QVariant(false) << QString() << 0 << false
                                     << QStringList{QStringLiteral("TeamSharingEnabled")};
    row("sharing in a section") << QByteArray("[Policy]\nTeamSharingEnabled=false\n") << QVariant(false)
                                << QString() << 0 << false
                                << QStringList{QStringLiteral("Policy/TeamSharingEnabled")};

    // ServerUrl
    row("url https") << QByteArray("ServerUrl=https://sharing.example.com\n") << unset
                     << QStringLiteral("https://sharing.example.com") << 0 << false << none;
    row("url normalised") << QByteArray("ServerUrl=HTTPS://Sharing.Example.COM:8443/conclave/\n") << unset
                          << QStringLiteral("https://sharing.example.com:8443/conclave") << 0 << false
                          << none;
    row("url key lower case") << QByteArray("serverurl=https://sharing.example.com\n") << unset
                              << QStringLiteral("https://sharing.example.com") << 0 << false << none;
    row("url key upper case") << QByteArray("SERVERURL=https://sharing.example.com\n") << unset
                              << QStringLiteral("https://sharing.example.com") << 0 << false << none;
    row("url http loopback") << QByteArray("ServerUrl=http://127.0.0.1:8443\n") << unset
                             << QStringLiteral("http://127.0.0.1:8443") << 0 << false << none;
    row("url http localhost") << QByteArray("ServerUrl=http://localhost:8443\n") << unset
                              << QStringLiteral("http://localhost:8443") << 0 << false << none;
    row("url http remote") << QByteArray("ServerUrl=http://sharing.example.com\n") << QVariant(false)
                           << QString() << 0 << true << QStringList{QStringLiteral("ServerUrl")};
    row("url ftp") << QByteArray("ServerUrl=ftp://sharing.example.com\n") << QVariant(false) << QString() << 0
                   << true << QStringList{QStringLiteral("ServerUrl")};
    row("url without scheme") << QByteArray("ServerUrl=sharing.example.com\n") << QVariant(false) << QString()
                              << 0 << true << QStringList{QStringLiteral("ServerUrl")};
    row("url with password") << QByteArray("ServerUrl=https://admin:secret@sharing.example.com\n")
                             << QVariant(false) << QString() << 0 << true
                             << QStringList{QStringLiteral("ServerUrl")};
    row("url with query") << QByteArray("ServerUrl=https://sharing.example.com/?org=1\n") << QVariant(false)
                          << QString() << 0 << true << QStringList{QStringLiteral("ServerUrl")};
    row("url list") << QByteArray("ServerUrl=https://a.example.com, https://b.example.com\n")
                    << QVariant(false) << QString() << 0 << true << QStringList{QStringLiteral("ServerUrl")};
    row("url empty") << QByteArray("ServerUrl=\n") << QVariant(false) << QString() << 0 << true
                     << QStringList{QStringLiteral("ServerUrl")};
    row("url twice, different") << QByteArray(
                                       "ServerUrl=https://a.example.com\nserverurl=https://b.example.com\n")
                                << QVariant(false) << QStringLiteral("https://a.example.com") << 0 << true
                                << QStringList{QStringLiteral("serverurl"), QStringLiteral("ServerUrl")};
    row("url and sharing off") << QByteArray(
                                      "TeamSharingEnabled=false\nServerUrl=http://sharing.example.com\n")
                               << QVariant(false) << QString() << 0 << false
                               << QStringList{QStringLiteral("ServerUrl")};

    // InactivityTimeoutMinutes
    row("timeout 10") << QByteArray("InactivityTimeoutMinutes=10\n") << unset << QString() << 10 << false
                      << none;
    row("timeout 15") << QByteArray("InactivityTimeoutMinutes=15\n") << unset << QString() << 15 << false
                      << none;
    row("timeout 1") << QByteArray("InactivityTimeoutMinutes=1\n") << unset << QString() << 1 << false
                     << none;
    row("timeout key lower case") << QByteArray("inactivitytimeoutminutes=5\n") << unset << QString() << 5
                                  << false << none;
    row("timeout key upper case") << QByteArray("INACTIVITYTIMEOUTMINUTES=5\n") << unset << QString() << 5
                                  << false << none;
    row("timeout 16") << QByteArray("InactivityTimeoutMinutes=16\n") << unset << QString() << 15 << false
                      << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout 600") << QByteArray("InactivityTimeoutMinutes=600\n") << unset << QString() << 15 << false
                       << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout huge") << QByteArray("InactivityTimeoutMinutes=99999999999999\n") << unset << QString() << 15
                        << false << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout 0") << QByteArray("InactivityTimeoutMinutes=0\n") << unset << QString() << 1 << false
                     << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout negative") << QByteArray("InactivityTimeoutMinutes=-5\n") << unset << QString() << 1 << false
                            << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout words") << QByteArray("InactivityTimeoutMinutes=ten\n") << unset << QString() << 1 << false
                         << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout fraction") << QByteArray("InactivityTimeoutMinutes=7.5\n") << unset << QString() << 1
                            << false << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout with unit") << QByteArray("InactivityTimeoutMinutes=5m\n") << unset << QString() << 1
                             << false << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout empty") << QByteArray("InactivityTimeoutMinutes=\n") << unset << QString() << 1 << false
                         << QStringList{QStringLiteral("InactivityTimeoutMinutes")};
    row("timeout twice, both cases") << QByteArray(
                                            "InactivityTimeoutMinutes=10\ninactivitytimeoutminutes=5\n")
                                     << unset << QString() << 5 << false
                                     << QStringList{QStringLiteral("InactivityTimeoutMinutes")};

    // Other keys
    row("unknown key") << QByteArray("TeamSharing=false\n") << unset << QString() << 0 << false
                       << QStringList{QStringLiteral("TeamSharing")};
    row("unknown key in a section") << QByteArray("[Server]\nUrl=https://a.example.com\n") << unset
                                    << QString() << 0 << false << QStringList{QStringLiteral("Server/Url")};
    row("all three") << QByteArray("TeamSharingEnabled=true\nServerUrl=https://sharing.example.com\n"
                                   "InactivityTimeoutMinutes=5\n")
                     << QVariant(true) << QStringLiteral("https://sharing.example.com") << 5 << false << none;
}

void TestMachinePolicy::iniFile()
{
    QFETCH(QByteArray, ini);
    QFETCH(QVariant, sharing);
    QFETCH(QString, url);
    QFETCH(int, timeout);
    QFETCH(bool, offByProblem);
    QFETCH(QStringList, problemKeys);

    const MachinePolicy policy = readIni(ini);
    QStringList keys;
    for (const PolicyProblem& problem : policy.problems()) {
        keys.append(problem.key);
        QVERIFY2(problem.message.size() > 20, qPrintable(problem.message));
    }
    QCOMPARE(keys, problemKeys);
    QCOMPARE(policy.teamSharingEnabled().has_value(), sharing.isValid());
    if (sharing.isValid())
        QCOMPARE(*policy.teamSharingEnabled(), sharing.toBool());
    QCOMPARE(policy.sharingOffBecauseOfProblems(), offByProblem);
    QCOMPARE(policy.serverUrl().has_value(), !url.isEmpty());
    if (!url.isEmpty())
        QCOMPARE(policy.serverUrl()->toString(), url);
    QCOMPARE(policy.inactivityTimeoutMinutes().has_value(), timeout != 0);
    if (timeout != 0)
        QCOMPARE(*policy.inactivityTimeoutMinutes(), timeout);
    QCOMPARE(policy.isEmpty(), !sharing.isValid() && url.isEmpty() && timeout == 0 && problemKeys.isEmpty());
}

void TestMachinePolicy::typedValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QVariant>("sharing");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<int>("problems");

    QTest::newRow("DWORD 0") << QByteArray(R"({"TeamSharingEnabled": 0})") << QVariant(false) << 0 << 0;
    QTest::newRow("DWORD 1") << QByteArray(R"({"TeamSharingEnabled": 1})") << QVariant(true) << 0 << 0;
    QTest::newRow("DWORD 2") << QByteArray(R"({"TeamSharingEnabled": 2})") << QVariant(false) << 0 << 1;
    QTest::newRow("DWORD key lower case")
        << QByteArray(R"({"teamsharingenabled": 0})") << QVariant(false) << 0 << 0;
    QTest::newRow("plist false") << QByteArray(R"({"TeamSharingEnabled": false})") << QVariant(false) << 0
                                 << 0;
    QTest::newRow("plist true") << QByteArray(R"({"TeamSharingEnabled": true})") << QVariant(true) << 0 << 0;
    QTest::newRow("REG_SZ FALSE") << QByteArray(R"({"TeamSharingEnabled": "FALSE"})") << QVariant(false) << 0
                                  << 1;
    QTest::newRow("timeout DWORD 10")
        << QByteArray(R"({"InactivityTimeoutMinutes": 10})") << QVariant() << 10 << 0;
    QTest::newRow("timeout DWORD 30")
        << QByteArray(R"({"InactivityTimeoutMinutes": 30})") << QVariant() << 15 << 1;
    QTest::newRow("timeout bool") << QByteArray(R"({"InactivityTimeoutMinutes": true})") << QVariant() << 1
                                  << 1;
    QTest::newRow("timeout real") << QByteArray(R"({"InactivityTimeoutMinutes": 2.5})") << QVariant() << 1
                                  << 1;
    QTest::newRow("url as number") << QByteArray(R"({"ServerUrl": 443})") << QVariant(false) << 0 << 1;
}

void TestMachinePolicy::typedValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QVariant, sharing);
    QFETCH(int, timeout);
    QFETCH(int, problems);

    const QString path = m_dir.filePath(QStringLiteral("policy%1.typed").arg(++m_files));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    QSettings settings(path, s_typedFormat);
    QCOMPARE(settings.status(), QSettings::NoError);
    const MachinePolicy policy = MachinePolicy::read(settings);
    QCOMPARE(policy.problems().size(), problems);
    QCOMPARE(policy.teamSharingEnabled().has_value(), sharing.isValid());
    if (sharing.isValid())
        QCOMPARE(*policy.teamSharingEnabled(), sharing.toBool());
    QCOMPARE(policy.inactivityTimeoutMinutes().value_or(0), timeout);
}

void TestMachinePolicy::malformedFile_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::newRow("section without ]") << QByteArray("TeamSharingEnabled=true\n[Policy\n");
    QTest::newRow("line without =") << QByteArray(
        "TeamSharingEnabled=true\nServerUrl https://a.example.com\n");
    QTest::newRow("value without a key") << QByteArray("=Tie\n");
    QTest::newRow("value without a key in a section") << QByteArray("[Policy]\n=false\n");
    QTest::newRow("text after a section") << QByteArray("[General] TeamSharingEnabled=false\n");
    static const char binary[] = "\x7f"
                                 "ELF\x02\x01\x01\x00\x00\x00[\x00\x00\x00";
    QTest::newRow("binary") << QByteArray(binary, sizeof binary - 1);
}

void TestMachinePolicy::malformedFile()
{
    QFETCH(QByteArray, ini);
    const MachinePolicy policy = readIni(ini);
    QVERIFY(!policy.problems().isEmpty());
    QCOMPARE(policy.problems().first().key, QString());
    QVERIFY2(policy.problems().first().message.contains(policy.source()),
             qPrintable(policy.problems().first().message));
    // Whatever the file said, sharing is off: it might have said so on the broken line.
    QCOMPARE(policy.teamSharingEnabled(), std::optional<bool>(false));
    QVERIFY(policy.sharingOffBecauseOfProblems());
}

void TestMachinePolicy::unreadableFile()
{
    // A folder where the file should be cannot be read as one, even by root.
    const QString path = m_dir.filePath(QStringLiteral("folder.conf"));
    QVERIFY(QDir().mkpath(path));
    QSettings settings(path, QSettings::IniFormat);
    const MachinePolicy policy = MachinePolicy::read(settings);
    QCOMPARE(policy.problems().size(), 1);
    QVERIFY(policy.problems().first().message.contains(path));
    QCOMPARE(policy.teamSharingEnabled(), std::optional<bool>(false));
    QVERIFY(policy.sharingOffBecauseOfProblems());
}

void TestMachinePolicy::problemsNameTheKey()
{
    const MachinePolicy policy = readIni(
        "TeamSharingEnabled=FALSE\nInactivityTimeoutMinutes=30\nServerUrl=http://sharing.example.com\n");
    QCOMPARE(policy.problems().size(), 3);
    for (const PolicyProblem& problem : policy.problems())
        QVERIFY2(problem.message.contains(problem.key), qPrintable(problem.message));
    QHash<QString, QString> byKey;
    for (const PolicyProblem& problem : policy.problems())
        byKey.insert(problem.key, problem.message);
    QVERIFY(byKey.value(QStringLiteral("TeamSharingEnabled")).contains(QStringLiteral("“FALSE”")));
    QVERIFY(byKey.value(QStringLiteral("InactivityTimeoutMinutes")).contains(QStringLiteral("15")));
    QVERIFY(byKey.value(QStringLiteral("ServerUrl")).contains(QStringLiteral("https://")));
}

void TestMachinePolicy::productionLocationIsTheSystemScope()
{
    const QString location = MachinePolicy::systemLocation();
    qInfo("machine policy is read from %s", qPrintable(location));
#if defined(Q_OS_LINUX)
    QCOMPARE(location, QStringLiteral("/etc/xdg/Conclave/policy.conf"));
    const std::unique_ptr<QSettings> settings = MachinePolicy::openSystemSettings();
    QCOMPARE(settings->scope(), QSettings::SystemScope);
    QVERIFY(!settings->fallbacksEnabled());
    if (!QFile::exists(location)) {
        // No policy on this machine: nothing enforced, nothing wrong.
        QVERIFY(MachinePolicy::readSystem().isEmpty());
    }
#else
    QSKIP("the system location is checked on Linux");
#endif
}

QTEST_GUILESS_MAIN(TestMachinePolicy)
#include "TestMachinePolicy.moc"
