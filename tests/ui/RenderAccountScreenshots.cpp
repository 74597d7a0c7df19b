// render-account-screenshots <output-dir>: starts the real conclave-server (ServerHarness),
// creates a sample account and signs in a second device, and renders the sign-in dialog and
// the account dialog (with the server fixed by a sample machine policy, shown as enforced)
// into sign-in.png and account.png, with a "-de" suffix when the UI language is German
// (LANGUAGE=de). Not a test; run it under Xvfb (docs/development.md).
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "translations/Translations.h"
#include "ui/AccountDialog.h"
#include "ui/SignInDialog.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

using namespace Conclave;
using namespace Conclave::Core;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    const QString language = Gui::Translations::install(&app);
    // Dates and numbers as a desktop in that language shows them (LANGUAGE=de alone leaves
    // the C locale's formats).
    if (language != QLatin1String("en"))
        QLocale::setDefault(QLocale(language));
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const QString suffix = language == QStringLiteral("en") ? QString() : QChar(u'-') + language;
    const QString outDir = args.at(1);

    ServerHarness server;
    if (!server.start(QStringLiteral("render-account-screenshots")))
        return 1;
    const QUrl url(server.baseUrl());
    SyncFixture device(url);
    SyncFixture laptop(url);
    const QString email = QStringLiteral("ada.lovelace@example.com");
    const SecureBytes password("analytical engine", 17);
    bool ok = true;
    auto step = [&](auto start) {
        const auto status = await(start);
        ok = ok && status && status->ok();
    };
    step([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Ada Lovelace"), password.clone(), c, done);
    });
    const QString code = server.latestCode(email);
    step([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    step([&](QObject* c, auto done) { laptop.client.signIn(email, password.clone(), c, done); });
    step([&](QObject* c, auto done) { device.client.signIn(email, password.clone(), c, done); });
    if (!ok)
        return 1;

    // A sample machine policy that fixes the server, for the "enforced" line.
    QTemporaryDir dir;
    const QString policyPath = dir.filePath(QStringLiteral("policy.conf"));
    QFile policyFile(policyPath);
    if (!policyFile.open(QIODevice::WriteOnly))
        return 1;
    policyFile.write("ServerUrl=" + url.toString().toUtf8() + "\n");
    policyFile.close();
    QSettings policySource(policyPath, QSettings::IniFormat);
    const EffectiveSettings enforced = EffectiveSettings::merge({}, MachinePolicy::read(policySource));

    SyncFixture signedOut(QUrl(QStringLiteral("https://sharing.example.com")));
    Gui::SignInDialog signIn(&signedOut.client, signedOut.settings, {});
    signIn.setEmail(email);
    signIn.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("password"));
    signIn.showNotice(
        QCoreApplication::translate("Conclave::Gui::TeamSharingController",
                                    "You were signed out of Team Sharing after %1 minutes without "
                                    "input. Your local connections are still here.")
            .arg(15));
    signIn.move(40, 40);
    signIn.show();

    Gui::AccountDialog account(&device.client, enforced);
    account.move(560, 40);
    account.show();

    QTimer::singleShot(1500, &app, [&] {
        signIn.grab().save(outDir + QStringLiteral("/sign-in") + suffix + QStringLiteral(".png"));
        account.grab().save(outDir + QStringLiteral("/account") + suffix + QStringLiteral(".png"));
        app.quit();
    });
    return app.exec();
}
