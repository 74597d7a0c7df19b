// The conclave desktop app: hardens the process, sets up translations and logging, picks
// where secrets are kept (OS keychain, or memory for this session with a visible warning)
// and shows the main window over the local connection store.
#include "app/Bootstrap.h"
#include "app/PrintOnlyOptions.h"
#include "core/keychain/SecretStoreFactory.h"
#include "core/storage/ConnectionStore.h"
#include "translations/LanguageSetting.h"
#include "translations/Translations.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/FileLogger.h"
#include "ui/GuiLogging.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <memory>

using namespace Conclave;

int main(int argc, char* argv[])
{
    const bool hardened = Gui::Bootstrap::hardenProcess();

    Gui::PrintOnlyOptions::preparePlatform(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    QApplication::setApplicationDisplayName(QStringLiteral("Conclave"));
    QApplication::setApplicationVersion(QStringLiteral(CONCLAVE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.conclave.Conclave"));
    QApplication::setWindowIcon(Gui::ConnectionTreeModel::appIcon());

    const QString language = Gui::Translations::install(&app, Gui::LanguageSetting::locale());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Keeps, tests and opens database and SSH connections."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption storeOption(
        QStringLiteral("store"),
        QCoreApplication::translate("main", "Use the connection database at <file>."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(storeOption);
    parser.process(app);

    const QString logPath = Gui::FileLogger::install();
    qCInfo(lcGui) << "Conclave" << CONCLAVE_VERSION << "starting; language" << language
                  << (Gui::Bootstrap::isHardenedBuild() ? "hardened build" : "debug build");
    if (!hardened)
        qCWarning(lcGui) << "process hardening (no core dumps, no ptrace) failed";
    if (logPath.isEmpty())
        qCWarning(lcGui) << "the log file could not be opened";

    const QString storePath =
        parser.isSet(storeOption) ? parser.value(storeOption) : Core::ConnectionStore::defaultPath();

    // The window appears once the keychain probe has answered (a second at most, with its
    // timeouts); until then there is nothing the user could do with it.
    std::unique_ptr<Core::SecretStore> secrets;
    std::unique_ptr<Gui::MainWindow> window;
    Core::SecretStoreFactory::create(&app, [&](std::unique_ptr<Core::SecretStore> store, QString reason) {
        secrets = std::move(store);
        qCInfo(lcGui) << "secrets kept in:" << (secrets->isPersistent() ? "OS keychain" : "memory only");
        // The factory's reason already says why and what it means ("... is not used because
        // ... Passwords and keys are kept in memory until Conclave quits ..."), so it is the
        // whole banner; a prefix here would say the same thing twice.
        window = std::make_unique<Gui::MainWindow>(secrets.get(), reason, storePath);
        window->show();
    });
    const int status = app.exec();
    window.reset();
    secrets.reset();
    Gui::FileLogger::uninstall();
    return status;
}
