// Application: see the header.
#include "app/Application.h"

#include "app/Bootstrap.h"
#include "core/connect/ClientLauncher.h"
#include "core/keychain/DeferredSecretStore.h"
#include "core/keychain/SecretStoreFactory.h"
#include "core/policy/EffectiveSettings.h"
#include "core/policy/GatedNetworkAccessManager.h"
#include "core/policy/InactivityTimer.h"
#include "core/policy/SharingGate.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/SyncEngine.h"
#include "core/util/Clock.h"
#include "translations/LanguageSetting.h"
#include "translations/Translations.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/FileLogger.h"
#include "ui/GuiLogging.h"
#include "ui/InactivityMonitor.h"
#include "ui/InactivityWarningDialog.h"
#include "ui/MainWindow.h"
#include "ui/TeamSharingController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QStandardPaths>

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
    m_teamSharing.reset();
    m_monitor.reset();
    m_window.reset();
    m_inactivity.reset();
    m_account.reset();
    m_api.reset();
    m_network.reset();
    m_gate.reset();
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
        EffectiveSettings::merge(UserSharingSettings::load(*m_settings).withEnvironmentServer(), policy));
    buildSharing();

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
    connect(m_window.get(), &MainWindow::sharingServerChosen, this, [this](const QUrl& url) {
        if (AccountClient* client = switchServer(url); client && m_teamSharing)
            m_teamSharing->setClient(client);
    });
    connect(m_window.get(), &MainWindow::inactivityTimeoutChosen, this, [this](int minutes) {
        UserSharingSettings user = UserSharingSettings::load(*m_settings);
        user.inactivityTimeoutMinutes = minutes;
        user.save(*m_settings);
        *m_sharing = EffectiveSettings::merge(user.withEnvironmentServer(), m_sharing->policy());
        if (m_teamSharing)
            m_teamSharing->applyInactivityTimeout();
    });
    buildSharingUi();
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

// ---- Team Sharing ----------------------------------------------------------------------------

void Application::buildSharing()
{
    if (!m_clock)
        m_clock = &Clock::system();
    m_account.reset();
    m_api.reset();
    m_network.reset();
    m_gate = std::make_unique<SharingGate>(*m_sharing);
    m_network = std::make_unique<GatedNetworkAccessManager>(*m_gate);
    m_api = std::make_unique<ApiConnection>(*m_network, m_sharing->serverUrl().value, *m_clock);
    m_stateDir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/team-sharing");
    m_account = std::make_unique<AccountClient>(*m_api, m_stateDir);
    if (!m_inactivity)
        m_inactivity = std::make_unique<InactivityTimer>(*m_clock);
    m_inactivity->setLimit(
        std::chrono::duration_cast<std::chrono::milliseconds>(m_sharing->inactivityTimeout()));
    qCInfo(lcGui) << "Team Sharing" << (m_gate->isOpen() ? "available" : "turned off by the machine policy");
}

void Application::buildSharingUi()
{
    // With TeamSharingEnabled=false there is no entry to Team Sharing at all.
    if (!m_gate || !m_gate->isOpen() || !m_window)
        return;
    m_monitor = std::make_unique<InactivityMonitor>(m_inactivity.get());
    new InactivityWarningDialog(m_inactivity.get(), m_window.get());
    m_teamSharing = std::make_unique<TeamSharingController>(
        m_window.get(), m_account.get(), *m_sharing, m_inactivity.get(),
        [this](const QUrl& url) { return switchServer(url); }, m_stateDir);
    m_teamSharing->setSecretStore(m_secrets.get());
    m_teamSharing->setRepository(m_repository.get());
    // The tree shows the shared folders of the running engine, and none without one.
    connect(m_teamSharing.get(), &TeamSharingController::engineStarted, m_window.get(),
            [this](SyncEngine* engine) {
                const TeamSharingController* sharing = m_teamSharing.get();
                m_window->setSyncEngine(engine,
                                        sharing->client() ? sharing->client()->account().userId : QUuid());
            });
    connect(m_teamSharing.get(), &TeamSharingController::engineStopped, m_window.get(),
            [this] { m_window->setSyncEngine(nullptr); });
    TeamSharingController* sharing = m_teamSharing.get();
    connect(m_window.get(), &MainWindow::folderShared, sharing, &TeamSharingController::showShareFolder);
    connect(m_window.get(), &MainWindow::inviteRequested, sharing, &TeamSharingController::showShareFolder);
    connect(m_window.get(), &MainWindow::membersRequested, sharing,
            [sharing](const QUuid& folderId) { sharing->showMembers(folderId); });
    connect(m_window.get(), &MainWindow::historyRequested, sharing,
            [sharing](const QUuid& folderId, const QUuid& itemId) {
                if (itemId.isNull())
                    sharing->showFolderHistory(folderId);
                else
                    sharing->showItemHistory(folderId, itemId);
            });
}

AccountClient* Application::switchServer(const QUrl& url)
{
    if (!m_sharing->serverUrlEditable() || (m_account && m_account->isBusy()))
        return nullptr;
    UserSharingSettings user = UserSharingSettings::load(*m_settings);
    user.serverUrl = url.adjusted(QUrl::StripTrailingSlash);
    user.save(*m_settings);
    *m_sharing = EffectiveSettings::merge(user, m_sharing->policy());
    if (m_account && m_account->isSignedIn())
        m_account->signOut(AccountClient::SignOutReason::User);
    buildSharing();
    return m_account.get();
}

int Application::run()
{
    start();
    return m_app.exec();
}

} // namespace Conclave::Gui
