// Tests the Team Sharing server in the settings dialog: editable and checked when the user
// chooses it, read-only with the policy's reason when the machine policy fixes it (one row
// per kind of value).
#include "core/policy/MachinePolicy.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
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

private:
    EffectiveSettings settings(const QByteArray& policy, const QUrl& user = {});
    QTemporaryDir m_dir;
    int m_files = 0;
};

EffectiveSettings TestSettingsSharingServer::settings(const QByteArray& policy, const QUrl& userServer)
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

QTEST_MAIN(TestSettingsSharingServer)
#include "TestSettingsSharingServer.moc"
