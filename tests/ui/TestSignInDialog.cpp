// Tests SignInDialog offscreen against the real conclave-server: create an account, enter
// the mailed code, and be signed in, all through the dialog's widgets; a wrong password shows
// the translated sentence and clears the field; signing in to an unverified account turns to
// the code page; a blocked account shows the administrators' reason; a server fixed by the
// machine policy is read-only with the reason shown.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "ui/SignInDialog.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signUpVerifyAndSignIn();
    void wrongPasswordShowsTheSentence();
    void unverifiedAccountTurnsToTheCode();
    void signUpChecksTheForm();
    void blockedAccountShowsTheReason();
    void serverFixedByPolicyIsReadOnly();

private:
    static void type(SignInDialog& dialog, const char* name, const QString& text)
    {
        auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(name));
        QVERIFY2(edit, name);
        edit->setText(text);
    }
    static void click(SignInDialog& dialog, const char* name)
    {
        auto* button = dialog.findChild<QPushButton*>(QString::fromLatin1(name));
        QVERIFY2(button, name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    ServerHarness m_server;
};

void TestSignInDialog::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                        QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(m_server.start(QStringLiteral("TestSignInDialog")));
}

void TestSignInDialog::cleanupTestCase()
{
    m_server.stop();
}

void TestSignInDialog::signUpVerifyAndSignIn()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    SignInDialog dialog(&device.client, device.settings, {});
    dialog.show();
    QCOMPARE(dialog.page(), SignInDialog::Page::SignIn);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("serverUrl"))->text(), m_server.baseUrl());
    click(dialog, "showSignUp");
    QCOMPARE(dialog.page(), SignInDialog::Page::SignUp);
    const QString email = ServerAccounts::uniqueEmail("dialog");
    type(dialog, "newName", QStringLiteral("Dana Dialog"));
    type(dialog, "newEmail", email);
    type(dialog, "newPassword", QStringLiteral("a long enough password"));
    type(dialog, "newRepeat", QStringLiteral("a long enough password"));
    click(dialog, "createAccount");
    QTRY_COMPARE_WITH_TIMEOUT(dialog.page(), SignInDialog::Page::Verify, 30000);
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("newPassword"))->text().isEmpty());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("verifyText"))->text().contains(email));

    type(dialog, "code", m_server.latestCode(email));
    click(dialog, "verify");
    QTRY_VERIFY_WITH_TIMEOUT(device.client.isSignedIn(), 30000);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(device.client.account().name, QStringLiteral("Dana Dialog"));
}

void TestSignInDialog::wrongPasswordShowsTheSentence()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    ApiClient api(m_server.baseUrl());
    const TestAccount account =
        ServerAccounts::ready(api, m_server, ServerAccounts::uniqueEmail("wrongdialog"));
    SignInDialog dialog(&device.client, device.settings, {});
    dialog.show();
    type(dialog, "email", account.email);
    type(dialog, "password", QStringLiteral("not the password"));
    click(dialog, "signIn");
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30000);
    QCOMPARE(dialog.message(), QStringLiteral("The email address or the password is wrong."));
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->text().isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(!device.client.isSignedIn());
}

void TestSignInDialog::unverifiedAccountTurnsToTheCode()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    const QString email = ServerAccounts::uniqueEmail("laterdialog");
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Later"), SecureBytes("verify me later", 15), c, done);
    });
    QVERIFY(made && made->ok());
    SignInDialog dialog(&device.client, device.settings, {});
    dialog.show();
    type(dialog, "email", email);
    type(dialog, "password", QStringLiteral("verify me later"));
    click(dialog, "signIn");
    QTRY_COMPARE_WITH_TIMEOUT(dialog.page(), SignInDialog::Page::Verify, 30000);
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(dialog.message().startsWith(QStringLiteral("Your email address is not verified yet.")));
    // The code finishes the sign-in with the password entered before.
    type(dialog, "code", m_server.latestCode(email));
    click(dialog, "verify");
    QTRY_VERIFY_WITH_TIMEOUT(device.client.isSignedIn(), 30000);
}

void TestSignInDialog::signUpChecksTheForm()
{
    SyncFixture device{QUrl(m_server.baseUrl())};
    SignInDialog dialog(&device.client, device.settings, {});
    dialog.show();
    dialog.showPage(SignInDialog::Page::SignUp);
    type(dialog, "newName", QStringLiteral("Short"));
    type(dialog, "newEmail", QStringLiteral("short@example.org"));
    type(dialog, "newPassword", QStringLiteral("short"));
    type(dialog, "newRepeat", QStringLiteral("short"));
    click(dialog, "createAccount");
    QCOMPARE(dialog.message(), QStringLiteral("Choose a password of at least 10 characters."));
    type(dialog, "newPassword", QStringLiteral("long enough one"));
    type(dialog, "newRepeat", QStringLiteral("long enough two"));
    click(dialog, "createAccount");
    QCOMPARE(dialog.message(), QStringLiteral("The two passwords differ."));
    QVERIFY(!dialog.isBusy());
}

void TestSignInDialog::blockedAccountShowsTheReason()
{
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com");
    const QString email = ServerAccounts::uniqueEmail("blockdialog", domain);
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                            &orgId),
             0);
    orgId = orgId.trimmed();
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--email"), email, QStringLiteral("--role"),
                             QStringLiteral("member")}),
             0);
    ApiClient api(m_server.baseUrl());
    SyncFixture device{QUrl(m_server.baseUrl())};
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Blocked"), SecureBytes("blocked dialog pw", 17), c, done);
    });
    QVERIFY(made && made->ok());
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    QVERIFY(verified && verified->ok());
    // The whole organisation is blocked.
    QCOMPARE(m_server.admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--reason"), QStringLiteral("Licence <b>expired</b>")}),
             0);
    SignInDialog dialog(&device.client, device.settings, {});
    dialog.show();
    type(dialog, "email", email);
    type(dialog, "password", QStringLiteral("blocked dialog pw"));
    click(dialog, "signIn");
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30000);
    const QString message = dialog.message();
    QVERIFY2(
        message.startsWith(QStringLiteral("Your organisation's administrators have turned off Team Sharing")),
        qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("Their reason: Licence <b>expired</b>")), qPrintable(message));
    // The administrators' words are shown as they are, never read as markup.
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("message"))->textFormat(), Qt::PlainText);
    QCOMPARE(dialog.page(), SignInDialog::Page::SignIn);
    QVERIFY(!device.client.isSignedIn());
}

void TestSignInDialog::serverFixedByPolicyIsReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("policy.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ServerUrl=https://sharing.example.com\n");
    file.close();
    QSettings source(path, QSettings::IniFormat);
    const EffectiveSettings settings = EffectiveSettings::merge({}, MachinePolicy::read(source));
    QVERIFY(settings.serverUrl().enforced);
    SignInDialog dialog(nullptr, settings, {});
    dialog.show();
    auto* server = dialog.findChild<QLineEdit*>(QStringLiteral("serverUrl"));
    QVERIFY(server->isReadOnly());
    QCOMPARE(server->text(), QStringLiteral("https://sharing.example.com"));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("serverNote"))->text(), settings.serverUrl().reason);
    QVERIFY(!settings.serverUrl().reason.isEmpty());
}

QTEST_MAIN(TestSignInDialog)
#include "TestSignInDialog.moc"
