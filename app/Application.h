// Application: the desktop app's composition root. It builds and owns every long-lived part
// of a run, in dependency order, and hands each part what it uses: settings, the connection
// repository (local database), the secret store (OS keychain or memory), the client
// launcher and the main window; the account session and the machine policy of Team
// Sharing are built here too (the sync engine by TeamSharingController, which this root
// builds, after each sign-in), and nowhere else. Nothing below app/ creates one of these on
// its own, so what a part depends on is visible at this one place.
// Startup hardening stays first in main() (Bootstrap), before Qt exists.
#pragma once

// MainWindow.h declares the parts the window is given (MainWindow::Services).
#include "core/keychain/DeferredSecretStore.h"
#include "ui/MainWindow.h"

#include <QObject>
#include <QString>

#include <memory>

class QApplication;

namespace Conclave::Core {
class AccountClient;
class ApiConnection;
class Clock;
class GatedNetworkAccessManager;
class InactivityTimer;
class SharingGate;
} // namespace Conclave::Core

namespace Conclave::Gui {

class InactivityMonitor;
class TeamSharingController;

class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    // Sets the application's names, installs the translators, reads the command line (which
    // may print help or the version and exit) and starts logging. `hardened`: what
    // Bootstrap::hardenProcess() returned.
    Application(QApplication& app, bool hardened);
    ~Application() override; // tears down in reverse order of construction

    // Builds the parts, shows the window (the keychain probe answers while it is up) and runs
    // the event loop; returns its exit status.
    int run();

    // The parts, once built (null before): for tests and for what is added later.
    Core::ConnectionRepository* repository() const { return m_repository.get(); }
    Core::SecretStore* secrets() const { return m_secrets.get(); }
    const Core::EffectiveSettings* sharingSettings() const { return m_sharing.get(); }
    MainWindow* window() const { return m_window.get(); }

    // Team Sharing. The gate, the API connection and the account client exist in every run
    // (with TeamSharingEnabled=false they send nothing: the gate refuses before any lookup);
    // the menu, the dialogs and the inactivity sign-out only when the policy allows sharing.
    // A test sets the clock before start().
    void setClock(const Core::Clock& clock) { m_clock = &clock; }
    const Core::SharingGate* sharingGate() const { return m_gate.get(); }
    Core::AccountClient* accountClient() const { return m_account.get(); }
    Core::InactivityTimer* inactivityTimer() const { return m_inactivity.get(); }
    TeamSharingController* teamSharing() const { return m_teamSharing.get(); }

    // Builds everything and shows the window at once while the keychain is probed; run()
    // does this and then runs the event loop.
    void start();

private:
    // The one place translators are chosen and installed; before the command line is read,
    // so that --help speaks the user's language.
    void installTranslations();
    void parseCommandLine();
    // Probes the keychain and hands the answer to the secret store and the window (at start,
    // and again when the user asks for a retry).
    void probeKeychain();
    // Builds the gate, the network manager, the API connection and the account client for
    // the current effective settings (again after the user chose another server).
    void buildSharing();
    void buildSharingUi();
    Core::AccountClient* switchServer(const QUrl& url);

    QApplication& m_app;
    bool m_hardened = false;
    QString m_language;
    QString m_storePath;
    QString m_logPath;
    QString m_stateDir; // Team Sharing: the account client's state and the sync engine's cache

    // Declaration order is construction order; members are destroyed in reverse, so the
    // window goes before what it shows and the store goes last.
    std::unique_ptr<QSettings> m_settings;
    // Read once at start: the machine policy (system scope) merged with the user's settings.
    std::unique_ptr<Core::EffectiveSettings> m_sharing;
    std::unique_ptr<Core::ConnectionRepository> m_repository;
    // The keychain, or memory, once the probe has answered; operations wait until then.
    std::unique_ptr<Core::DeferredSecretStore> m_secrets;
    std::unique_ptr<Core::ClientLauncher> m_launcher;
    const Core::Clock* m_clock = nullptr; // Clock::system() unless a test sets one
    std::unique_ptr<Core::SharingGate> m_gate;
    std::unique_ptr<Core::GatedNetworkAccessManager> m_network;
    std::unique_ptr<Core::ApiConnection> m_api;
    std::unique_ptr<Core::AccountClient> m_account;
    std::unique_ptr<Core::InactivityTimer> m_inactivity;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<InactivityMonitor> m_monitor;
    std::unique_ptr<TeamSharingController> m_teamSharing;
};

} // namespace Conclave::Gui
