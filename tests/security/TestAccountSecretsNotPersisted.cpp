// Proves that the Team Sharing password and the session token stay in memory: an account is
// created, verified and signed in through the app's own dialogs against the real
// conclave-server, the password is changed in the account dialog, and the app signs out and
// quits. Then every file under the app's settings, data, cache and log folders (the settings
// file, the log, the connection store, the account index and security-state files) is searched
// for both passwords and both session tokens, in raw, UTF-16, hex, percent- and base64-encoded
// forms (every alignment).
#include "ServerAccounts.h"
#include "ServerHarness.h"

#include "app/Application.h"
#include "core/policy/UserSharingSettings.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "ui/AccountDialog.h"
#include "ui/FileLogger.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "ui/TeamSharingController.h"

#include <QApplication>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave;
using namespace Conclave::Core;

namespace {

QList<QByteArray> encodingsOf(const QByteArray& value)
{
    QList<QByteArray> forms{value, value.toHex(), value.toHex().toUpper(), value.toPercentEncoding()};
    QByteArray utf16;
    for (char c : value)
        utf16.append(c).append('\0');
    forms.append(utf16);
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray padded = QByteArray(shift, 'x') + value;
        const qsizetype skip = shift ? 4 : 0;
        for (auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            const QByteArray encoded = padded.toBase64(options | QByteArray::OmitTrailingEquals);
            forms.append(encoded.mid(skip, encoded.size() - skip - 4));
        }
    }
    return forms;
}

} // namespace

class TestAccountSecretsNotPersisted : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passwordAndTokenNeverWritten();

private:
    ServerHarness m_server;
    QTemporaryDir m_dir;
};

void TestAccountSecretsNotPersisted::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("CONCLAVE_KEYCHAIN", "memory");
    // The names Application sets, so that the settings written here are the ones it reads.
    QCoreApplication::setOrganizationName(QStringLiteral("Conclave"));
    QCoreApplication::setApplicationName(QStringLiteral("Conclave"));
    QVERIFY(m_server.start(QStringLiteral("TestAccountSecretsNotPersisted")));
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope,
                       m_dir.filePath(QStringLiteral("system")));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("user")));
    QSettings settings;
    UserSharingSettings user;
    user.serverUrl = QUrl(m_server.baseUrl());
    user.save(settings);
}

void TestAccountSecretsNotPersisted::passwordAndTokenNeverWritten()
{
    const QByteArray password = "planted-Passw0rd-7f3c9a";
    const QByteArray changed = "planted-Changed-41b2e8";
    QList<QByteArray> tokens;
    const QString email = ServerAccounts::uniqueEmail("secrets");
    QString logPath;
    {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        Gui::Application root(*app, true);
        root.start();
        QTRY_VERIFY_WITH_TIMEOUT(root.window(), 5000);
        root.accountClient()->setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
        logPath = Gui::FileLogger::currentPath();

        root.teamSharing()->showSignIn();
        Gui::SignInDialog* signIn = root.teamSharing()->signInDialog();
        QVERIFY(signIn);
        signIn->showPage(Gui::SignInDialog::Page::SignUp);
        signIn->findChild<QLineEdit*>(QStringLiteral("newName"))->setText(QStringLiteral("Sam Secret"));
        signIn->findChild<QLineEdit*>(QStringLiteral("newEmail"))->setText(email);
        signIn->findChild<QLineEdit*>(QStringLiteral("newPassword"))->setText(QString::fromLatin1(password));
        signIn->findChild<QLineEdit*>(QStringLiteral("newRepeat"))->setText(QString::fromLatin1(password));
        signIn->signUp();
        QTRY_COMPARE_WITH_TIMEOUT(signIn->page(), Gui::SignInDialog::Page::Verify, 30000);
        signIn->findChild<QLineEdit*>(QStringLiteral("code"))->setText(m_server.latestCode(email));
        signIn->verify();
        QTRY_VERIFY_WITH_TIMEOUT(root.accountClient()->isSignedIn(), 30000);
        tokens.append(root.accountClient()->api().token().view().toByteArray());

        root.teamSharing()->showAccount();
        Gui::AccountDialog* account = root.teamSharing()->accountDialog();
        QVERIFY(account);
        account->findChild<QLineEdit*>(QStringLiteral("currentPassword"))
            ->setText(QString::fromLatin1(password));
        account->findChild<QLineEdit*>(QStringLiteral("newPassword"))->setText(QString::fromLatin1(changed));
        account->findChild<QLineEdit*>(QStringLiteral("repeatPassword"))
            ->setText(QString::fromLatin1(changed));
        account->changePassword();
        QTRY_VERIFY_WITH_TIMEOUT(account->message().startsWith(QStringLiteral("The password is changed.")),
                                 30000);
        tokens.append(root.accountClient()->api().token().view().toByteArray());
        QVERIFY(tokens.at(0) != tokens.at(1));

        root.teamSharing()->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(root.accountClient()->api().pending(), 0, 10000);
    }
    QVERIFY(!logPath.isEmpty());

    QStringList roots{m_dir.path(), QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                      QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                      QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation),
                      QFileInfo(logPath).absolutePath()};
    int searched = 0;
    bool sawLog = false;
    bool sawState = false;
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            ++searched;
            sawLog = sawLog || path == logPath;
            sawState = sawState || path.contains(QStringLiteral("team-sharing"));
            for (const QByteArray& secret : {password, changed, tokens.at(0), tokens.at(1)}) {
                for (const QByteArray& form : encodingsOf(secret))
                    QVERIFY2(!content.contains(form),
                             qPrintable(path + QStringLiteral(" holds a planted secret")));
            }
        }
    }
    QVERIFY(searched > 0);
    QVERIFY2(sawLog, "the log file was not searched");
    QVERIFY2(sawState, "the account's state files were not searched");
}

QTEST_MAIN(TestAccountSecretsNotPersisted)
#include "TestAccountSecretsNotPersisted.moc"
