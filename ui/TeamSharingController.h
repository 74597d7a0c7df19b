// TeamSharingController: the Team Sharing entry points of the main window and the sign-in
// side of the inactivity sign-out. It adds a "Team Sharing" menu (and a toolbar button) to
// the window it is given — the composition root builds it only when the machine policy
// allows Team Sharing, so with TeamSharingEnabled=false there is no entry at all — and opens
// the sign-in and account dialogs. While signed in it runs the InactivityTimer; when the
// timer runs out it signs out (the server session is revoked, the keys wiped) and shows the
// sign-in dialog with the reason. Local connections are not touched by any of this.
#pragma once

#include "core/policy/EffectiveSettings.h"
#include "core/sync/AccountClient.h"
#include "ui/AccountDialog.h"
#include "ui/SignInDialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace Conclave::Core {
class InactivityTimer;
} // namespace Conclave::Core

namespace Conclave::Gui {

class TeamSharingController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamSharingController)

public:
    // Everything given must outlive the controller; `timer` may be null (no sign-out on
    // inactivity, for tests of the dialogs alone).
    TeamSharingController(QMainWindow* window, Core::AccountClient* client,
                          const Core::EffectiveSettings& settings, Core::InactivityTimer* timer,
                          SignInDialog::SwitchServer switchServer, QObject* parent = nullptr);
    ~TeamSharingController() override;

    // After the composition root rebuilt the sharing parts for another server.
    void setClient(Core::AccountClient* client);
    Core::AccountClient* client() const { return m_client; }

    QMenu* menu() const { return m_menu; }
    SignInDialog* signInDialog() const { return m_signIn; }
    AccountDialog* accountDialog() const { return m_account; }

public slots:
    void showSignIn();
    void showAccount();
    void signOut();

private:
    void connectClient();
    void updateActions();
    void onSignedIn();
    void onSignedOut(int reason);

    QPointer<QMainWindow> m_window;
    QPointer<Core::AccountClient> m_client;
    const Core::EffectiveSettings& m_settings;
    QPointer<Core::InactivityTimer> m_timer;
    SignInDialog::SwitchServer m_switchServer;
    QMenu* m_menu = nullptr;
    QAction* m_actSignIn = nullptr;
    QAction* m_actAccount = nullptr;
    QAction* m_actSignOut = nullptr;
    QAction* m_toolbarAction = nullptr;
    QPointer<SignInDialog> m_signIn;
    QPointer<AccountDialog> m_account;
};

} // namespace Conclave::Gui
