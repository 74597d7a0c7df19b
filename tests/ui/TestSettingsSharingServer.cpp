// Tests the Team Sharing server in the settings dialog: editable and checked when the user
// chooses it, read-only with the policy's reason when the machine policy fixes it (one row
// per kind of value); the sign-out time without input offered from 1 minute up to the
// policy's ceiling (15 without a policy), one row per source of the ceiling.
#include "core/policy/MachinePolicy.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

class TestSettingsSharingServer : public QObject
{
    Q_OBJECT

private slots:
    void userChoice_data();
    void userChoice();
    void fixedByPolicyIsReadOnly();
    void signOutTime_data();
    void signOutTime();

private:
    EffectiveSettings settings(const QByteArray& policy, const QUrl& user = {}, int userMinutes = 15);
    QTemporaryDir m_dir;
    int m_files = 0;
};

EffectiveSettings TestSettingsSharingServer::settings(const QByteArray& policy, const QUrl& userServer,
                                                      int userMinutes)
{
    const QString path = m_dir.filePath(QStringLiteral("p%1.conf").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the policy");
    file.write(policy);
    file.close();
    QSettings source(path, QSettings::IniFormat);
    UserSharingSettings user;
    user.serverUrl = userServer;
    user.inactivityTimeoutMinutes = userMinutes;
    return EffectiveSettings::merge(user, MachinePolicy::read(source));
}

void TestSettingsSharingServer::userChoice_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("server");
    QTest::newRow("https") << QStringLiteral("https://sync.example.org/") << true
                           << QStringLiteral("https://sync.example.org");
    QTest::newRow("no scheme") << QStringLiteral("sync.example.org") << true
                               << QStringLiteral("http://sync.example.org");
    QTest::newRow("empty") << QString() << true << QString();
    QTest::newRow("other scheme") << QStringLiteral("ftp://sync.example.org") << false << QString();
}

void TestSettingsSharingServer::userChoice()
{
    QFETCH(QString, typed);
    QFETCH(bool, accepted);
    QFETCH(QString, server);
    const EffectiveSettings effective = settings("", QUrl(QStringLiteral("https://old.example.org")));
    SettingsDialog dialog{LauncherSettings{}};
    dialog.showSharingServer(effective);
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("sharingServer"));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("https://old.example.org"));
    QVERIFY(!edit->isReadOnly());
    edit->setText(typed);
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
    if (accepted)
        QCOMPARE(dialog.sharingServer(), QUrl(server));
    else
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("errorLabel"))->isHidden());
}

void TestSettingsSharingServer::fixedByPolicyIsReadOnly()
{
    const EffectiveSettings effective =
        settings("ServerUrl=https://sharing.example.com\n", QUrl(QStringLiteral("https://mine.example.org")));
    SettingsDialog dialog{LauncherSettings{}};
    dialog.showSharingServer(effective);
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("sharingServer"));
    QVERIFY(edit->isReadOnly());
    QCOMPARE(edit->text(), QStringLiteral("https://sharing.example.com"));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("sharingServerNote"))->text(),
             effective.serverUrl().reason);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.sharingServer(), QUrl(QStringLiteral("https://sharing.example.com")));
}

void TestSettingsSharingServer::signOutTime_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<int>("userMinutes");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<bool>("enforced");
    QTest::newRow("no policy, default") << QByteArray() << 15 << 15 << 15 << false;
    QTest::newRow("no policy, user chose 5") << QByteArray() << 5 << 5 << 15 << false;
    QTest::newRow("no policy, user value too large") << QByteArray() << 40 << 15 << 15 << false;
    QTest::newRow("policy 10, user default")
        << QByteArray("InactivityTimeoutMinutes=10\n") << 15 << 10 << 10 << true;
    QTest::newRow("policy 10, user chose 3")
        << QByteArray("InactivityTimeoutMinutes=10\n") << 3 << 3 << 10 << true;
    QTest::newRow("policy 30 (read as 15)")
        << QByteArray("InactivityTimeoutMinutes=30\n") << 15 << 15 << 15 << true;
}

void TestSettingsSharingServer::signOutTime()
{
    QFETCH(QByteArray, policy);
    QFETCH(int, userMinutes);
    QFETCH(int, shown);
    QFETCH(int, maximum);
    QFETCH(bool, enforced);
    const EffectiveSettings effective = settings(policy, {}, userMinutes);
    SettingsDialog dialog{LauncherSettings{}};
    QCOMPARE(dialog.inactivityTimeoutMinutes(), 0); // not shown
    dialog.showSharingServer(effective);
    auto* spin = dialog.findChild<QSpinBox*>(QStringLiteral("inactivityTimeout"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), shown);
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), maximum);
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("inactivityTimeoutNote"));
    QVERIFY(note);
    if (enforced)
        QCOMPARE(note->text(), effective.inactivityTimeoutMinutes().reason);
    else
        QVERIFY2(note->text().contains(QStringLiteral("15 minute")), qPrintable(note->text()));
    // A longer time than allowed cannot be entered; a shorter one is what accept() gives.
    spin->setValue(maximum + 5);
    QCOMPARE(spin->value(), maximum);
    spin->setValue(2);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.inactivityTimeoutMinutes(), 2);
}

QTEST_MAIN(TestSettingsSharingServer)
#include "TestSettingsSharingServer.moc"
