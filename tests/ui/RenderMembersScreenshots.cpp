// render-members-screenshots <output-dir>: starts the real conclave-server (ServerHarness),
// creates three sample accounts and a shared folder (a manager, an editor and a viewer, both
// added after comparing their safety numbers) and renders the members dialog of the manager into
// members-dialog.png, with a "-de" suffix when the UI language is German (LANGUAGE=de). Not a
// test; run it under Xvfb (docs/development.md).
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/SyncEngine.h"
#include "translations/Translations.h"
#include "ui/MembersDialog.h"

#include <QApplication>
#include <QLocale>
#include <QTableView>
#include <QTimer>

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
    if (!server.start(QStringLiteral("render-members-screenshots")))
        return 1;
    const QUrl url(server.baseUrl());
    QString orgId;
    if (server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Example"),
                      QStringLiteral("--owner"), QStringLiteral("owner@example.com")},
                     &orgId) != 0 ||
        server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId.trimmed(),
                      QStringLiteral("--domain"), QStringLiteral("example.com")}) != 0)
        return 1;
    const QString emails[] = {QStringLiteral("ada.lovelace@example.com"),
                              QStringLiteral("bob.kahn@example.com"),
                              QStringLiteral("grace.hopper@example.com")};
    std::vector<std::unique_ptr<SyncFixture>> devices;
    bool ok = true;
    auto step = [&](auto start) {
        const auto status = await(start);
        ok = ok && status && status->ok();
    };
    for (const QString& email : emails) {
        auto device = std::make_unique<SyncFixture>(url);
        const SecureBytes password("a long sample password", 22);
        step([&](QObject* c, auto done) { device->client.signUp(email, email, password.clone(), c, done); });
        const QString code = server.latestCode(email);
        step([&](QObject* c, auto done) { device->client.verifyEmail(email, code, c, done); });
        step([&](QObject* c, auto done) { device->client.signIn(email, password.clone(), c, done); });
        devices.push_back(std::move(device));
    }
    if (!ok)
        return 1;
    SyncEngine engine(devices[0]->client, devices[0]->dir.path());
    step([&](QObject* c, auto done) { engine.start(c, done); });
    std::optional<Result<QUuid>> folder;
    engine.createFolder(QUuid::fromString(orgId.trimmed()), QStringLiteral("Production databases"), nullptr,
                        [&](Result<QUuid> r) { folder.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return folder.has_value(); }, 60'000) || !folder->ok())
        return 1;
    const FolderRole roles[] = {FolderRole::Manage, FolderRole::Edit, FolderRole::View};
    for (int i = 1; i < 3; ++i) {
        std::optional<Result<SharingApi::KeyLookup>> lookup;
        engine.api().lookupKey(emails[i], nullptr,
                               [&](Result<SharingApi::KeyLookup> r) { lookup.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return lookup.has_value(); }, 60'000) || !lookup->ok())
            return 1;
        const QString number =
            Fingerprint::of(devices[std::size_t(i)]->client.userKeys()->identityPublicKey()).safetyNumber();
        if (!engine.confirmSafetyNumber(lookup->value().bundle, number).ok())
            return 1;
        step([&](QObject* c, auto done) {
            engine.addMember(folder->value(), lookup->value().bundle, roles[i], c, done);
        });
    }
    // The folder as the server has it now, with the members' addresses.
    step([&](QObject* c, auto done) { engine.sync(c, done); });
    if (!ok)
        return 1;

    Gui::MembersDialog dialog(&engine, folder->value());
    dialog.move(40, 40);
    dialog.show();
    dialog.findChild<QTableView*>(QStringLiteral("memberTable"))->selectRow(1);
    QTimer::singleShot(1500, &app, [&] {
        dialog.grab().save(outDir + QStringLiteral("/members-dialog") + suffix + QStringLiteral(".png"));
        app.quit();
    });
    return app.exec();
}
