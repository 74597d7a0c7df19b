// Tests AccountDialog offscreen against the real conclave-server: who is signed in and on
// which server, the sessions list (under QAbstractItemModelTester) with this device marked and
// "Revoke" for another, a password change through the form, and Sign Out closing the dialog
// with the keys wiped.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "ui/AccountDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Conclave::Core;
using namespace Conclave::Gui;

class TestAccountDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsAccountAndSessions();
    void changesThePassword();
    void signOutClosesAndWipes();

private:
    // A verified account signed in on `device`.
    bool signedIn(SyncFixture& device, const QString& email, const char* password);

    ServerHarness m_server;
};

void TestAccountDialog::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                        QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(m_server.start(QStringLiteral("TestAccountDialog")));
}

void TestAccountDialog::cleanupTestCase()
{
    m_server.stop();
}

bool TestAccountDialog::signedIn(SyncFixture& device, const QString& email, const char* password)
{
    const SecureBytes pw(password, std::strlen(password));
    auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Ada Account"), pw.clone(), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    auto verified = await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    if (!verified || !verified->ok())
        return false;
    auto in = await([&](QObject* c, auto done) { device.client.signIn(email, pw.clone(), c, done); });
    return in && in->ok();
}

void TestAccountDialog::showsAccountAndSessions()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    SyncFixture other{QUrl(m_server.baseUrl())};
    const QString email = ServerAccounts::uniqueEmail("accountdialog");
    QVERIFY(signedIn(device, email, "account dialog password"));
    auto in = await([&](QObject* c, auto done) {
        other.client.signIn(email, SecureBytes("account dialog password", 23), c, done);
    });
    QVERIFY(in && in->ok());

    AccountDialog dialog(&device.client, device.settings);
    QAbstractItemModelTester tester(dialog.sessionsView()->model());
    dialog.show();
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("who"))->text(),
             QStringLiteral("Ada Account <%1>").arg(email.toLower()));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("serverUrl"))->text(), m_server.baseUrl());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("serverNote"))->isHidden());
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("sharingStatus"))->text(),
             QStringLiteral("Team Sharing is available for this account."));
    QTreeWidget* sessions = dialog.sessionsView();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->topLevelItemCount(), 2, 10000);
    QTreeWidgetItem* another = nullptr;
    for (int i = 0; i < sessions->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = sessions->topLevelItem(i);
        if (item->text(2) == QStringLiteral("Another device"))
            another = item;
        else
            QCOMPARE(item->text(2), QStringLiteral("This device"));
    }
    QVERIFY(another);
    auto* revoke = dialog.findChild<QPushButton*>(QStringLiteral("revoke"));
    sessions->setCurrentItem(sessions->topLevelItem(sessions->indexOfTopLevelItem(another) == 0 ? 1 : 0));
    QVERIFY(!revoke->isEnabled()); // not the current session: that is Sign Out
    sessions->setCurrentItem(another);
    QVERIFY(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(sessions->topLevelItemCount(), 1, 10000);
    QCOMPARE(dialog.message(), QStringLiteral("The session is revoked; that device is signed out."));
}

void TestAccountDialog::changesThePassword()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    const QString email = ServerAccounts::uniqueEmail("changedialog");
    QVERIFY(signedIn(device, email, "first password here"));
    AccountDialog dialog(&device.client, device.settings);
    dialog.show();
    dialog.findChild<QLineEdit*>(QStringLiteral("currentPassword"))
        ->setText(QStringLiteral("first password here"));
    dialog.findChild<QLineEdit*>(QStringLiteral("newPassword"))
        ->setText(QStringLiteral("second password here"));
    dialog.findChild<QLineEdit*>(QStringLiteral("repeatPassword"))
        ->setText(QStringLiteral("second password here"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("changePassword")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.message(),
                              QStringLiteral("The password is changed. Your other devices were signed out."),
                              30000);
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("currentPassword"))->text().isEmpty());
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("newPassword"))->text().isEmpty());

    SyncFixture second{QUrl(m_server.baseUrl())};
    auto in = await([&](QObject* c, auto done) {
        second.client.signIn(email, SecureBytes("second password here", 20), c, done);
    });
    QVERIFY(in && in->ok());
}

void TestAccountDialog::signOutClosesAndWipes()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    QVERIFY(signedIn(device, ServerAccounts::uniqueEmail("signoutdialog"), "sign out dialog"));
    AccountDialog dialog(&device.client, device.settings);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("signOut")), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QVERIFY(!device.client.isSignedIn());
    QVERIFY(!device.client.holdsKeys());
    QVERIFY(device.client.accountKey().isEmpty());
}

QTEST_MAIN(TestAccountDialog)
#include "TestAccountDialog.moc"
