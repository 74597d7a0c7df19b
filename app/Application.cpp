// Application: see the header.
#include "app/Application.h"

#include "app/Bootstrap.h"
#include "core/connect/ClientLauncher.h"
#include "core/keychain/DeferredSecretStore.h"
#include "core/keychain/SecretStoreFactory.h"
#include "core/policy/EffectiveSettings.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "translations/LanguageSetting.h"
#include "translations/Translations.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/FileLogger.h"
#include "ui/GuiLogging.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

namespace Conclave::Gui {

using namespace Conclave::Core;

Application::Application(QApplication& app, bool hardened)
    : m_app(app)
    , m_hardened(hardened)
{
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    QApplication::setApplicationDisplayName(QStringLiteral("Conclave"));
    QApplication::setApplicationVersion(QStringLiteral(CONCLAVE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.conclave.Conclave"));
    QApplication::setWindowIcon(ConnectionTreeModel::appIcon());

    installTranslations();
    parseCommandLine();

    m_logPath = FileLogger::install();
    qCInfo(lcGui) << "Conclave" << CONCLAVE_VERSION << "starting; language" << m_language
                  << (Bootstrap::isHardenedBuild() ? "hardened build" : "debug build");
    if (!m_hardened)
        qCWarning(lcGui) << "process hardening (no core dumps, no ptrace) failed";
    if (m_logPath.isEmpty())
        qCWarning(lcGui) << "the log file could not be opened";
}

Application::~Application()
{
    m_window.reset();
    m_launcher.reset();
    m_secrets.reset();
    m_repository.reset();
    m_settings.reset();
    FileLogger::uninstall();
}

void Application::installTranslations()
{
    m_language = Translations::install(&m_app, LanguageSetting::locale());
}

void Application::parseCommandLine()
{
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
    parser.process(m_app);
    m_storePath = parser.isSet(storeOption) ? parser.value(storeOption) : ConnectionStore::defaultPath();
}

void Application::start()
{
    m_settings = std::make_unique<QSettings>();
    m_repository = ConnectionRepository::open(m_storePath);
    m_launcher = std::make_unique<ClientLauncher>(LauncherSettings::load(*m_settings));
    const MachinePolicy policy = MachinePolicy::readSystem();
    // Keys only: a policy's values are the administrator's, the log needs just what was wrong.
    for (const PolicyProblem& problem : policy.problems())
        qCWarning(lcGui) << "machine policy has a problem with key" << problem.key;
    m_sharing = std::make_unique<EffectiveSettings>(
        EffectiveSettings::merge(UserSharingSettings::load(*m_settings), policy));

    // The window appears at once; the keychain probe may wait for a keyring prompt for as
    // long as the user leaves it open. Secrets used meanwhile wait in the deferred store.
    m_secrets = std::make_unique<DeferredSecretStore>();
    MainWindow::Services services;
    services.repository = m_repository.get();
    services.secrets = m_secrets.get();
    services.keychainPending = true;
    services.settings = m_settings.get();
    services.launcher = m_launcher.get();
    services.sharing = m_sharing.get();
    m_window = std::make_unique<MainWindow>(services);
    connect(m_window.get(), &MainWindow::keychainRetryRequested, this, [this] {
        m_window->keychainRetrying();
        probeKeychain();
    });
    m_window->show();
    probeKeychain();
}

void Application::probeKeychain()
{
    SecretStoreFactory::create(this, [this](std::unique_ptr<SecretStore> store, QString reason) {
        // A retry that still finds no keychain keeps the memory store of this run, with what
        // it holds, instead of starting a new, empty one; and a probe that fails after another
        // one found the keychain changes nothing.
        if (!store->isPersistent() && m_secrets->hasTarget()) {
            if (m_secrets->isPersistent())
                return;
        } else {
            qCInfo(lcGui) << "secrets kept in:" << (store->isPersistent() ? "OS keychain" : "memory only");
            m_secrets->setTarget(std::move(store));
        }
        // The factory's reason already says why and what it means ("... is not used because
        // ... Passwords and keys are kept in memory until Conclave quits ..."), so it is the
        // whole banner; a prefix here would say the same thing twice.
        if (m_window)
            m_window->keychainAnswered(reason);
    });
}

int Application::run()
{
    start();
    return m_app.exec();
}

} // namespace Conclave::Gui
