// render-invitation-screenshots <output-dir>: starts the real conclave-server (ServerHarness),
// makes a manager with a shared folder and two colleagues, and renders the Share dialog
// after an invitation with a code (share-dialog.png) and a colleague's Invitations dialog
// with two invitations, one by code and one by safety number (invitations-dialog.png), with
// a "-de" suffix when the UI language is German (LANGUAGE=de). Not a test; run it under Xvfb
// or with -platform offscreen (docs/development.md).
#include "InvitationDevices.h"

#include "translations/Translations.h"
#include "ui/InvitationsDialog.h"
#include "ui/ShareFolderDialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>

using namespace Conclave;
using namespace Conclave::Core;
using namespace InvitationDevices;

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
    if (!server.start(QStringLiteral("render-invitation-screenshots")))
        return 1;
    const QUrl url(server.baseUrl());
    const QString domain = QStringLiteral("example.com");
    const QString org = makeOrg(server, domain);
    auto ada = makeDevice(server, url, domain, "ada.lovelace", true);
    auto bob = makeDevice(server, url, domain, "charles.babbage", true);
    auto carol = makeDevice(server, url, domain, "mary.somerville", true);
    if (org.isEmpty() || !ada || !bob || !carol)
        return 1;
    const auto folder = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        ada->engine.createFolder(QUuid::fromString(org), QStringLiteral("Production Databases"), c, done);
    });
    const auto second = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        ada->engine.createFolder(QUuid::fromString(org), QStringLiteral("Analytics"), c, done);
    });
    if (!folder || !folder->ok() || !second || !second->ok())
        return 1;
    // Two invitations for Bob, one for each way of checking keys; one open one for Carol.
    auto invite = [&](const QUuid& folderId, const QString& email, FolderRole role,
                      InvitationFlow::Mode mode) {
        const auto sent = awaitValue<QList<InvitationFlow::Sent>>(
            [&](QObject* c, auto done) { ada->flow.invite(folderId, {email}, role, mode, c, done); });
        return sent && !sent->isEmpty() && !sent->first().error;
    };
    if (!invite(second->value(), bob->email, FolderRole::View, InvitationFlow::Mode::SafetyNumber) ||
        !invite(folder->value(), carol->email, FolderRole::Edit, InvitationFlow::Mode::Code))
        return 1;

    Gui::ShareFolderDialog share(&ada->engine, &ada->flow, folder->value());
    share.findChild<QLineEdit*>(QStringLiteral("emails"))->setText(bob->email);
    share.move(40, 40);
    share.show();
    share.findChild<QPushButton*>(QStringLiteral("invite"))->click();

    // Bob's list is read once Ada's invitation from the Share dialog is in.
    std::unique_ptr<Gui::InvitationsDialog> invitations;
    QTimer::singleShot(2500, &app, [&] {
        invitations = std::make_unique<Gui::InvitationsDialog>(&bob->flow);
        invitations->move(700, 40);
        invitations->show();
        QTimer::singleShot(2500, &app, [&] {
            if (auto* list = invitations->findChild<QTreeWidget*>(QStringLiteral("invitations"))) {
                for (int i = 0; i < list->topLevelItemCount(); ++i) {
                    if (list->topLevelItem(i)->text(0) == QStringLiteral("Production Databases"))
                        list->setCurrentItem(list->topLevelItem(i));
                }
            }
            QTimer::singleShot(500, &app, [&] {
                share.grab().save(outDir + QStringLiteral("/share-dialog") + suffix + QStringLiteral(".png"));
                invitations->grab().save(outDir + QStringLiteral("/invitations-dialog") + suffix +
                                         QStringLiteral(".png"));
                app.quit();
            });
        });
    });
    return app.exec();
}
