// TeamSharingController: the Team Sharing entry points of the main window and the sign-in
// side of the inactivity sign-out. It adds a "Team Sharing" menu (and a toolbar button) to
// the window it is given — the composition root builds it only when the machine policy
// allows Team Sharing, so with TeamSharingEnabled=false there is no entry at all — and opens
// the sign-in and account dialogs. While signed in it runs the InactivityTimer; when the
// timer runs out it signs out (the server session is revoked, the keys wiped) and shows the
// sign-in dialog with the reason. Local connections are not touched by any of this.
//
// It also owns the account's SyncEngine: made and started after sign-in, over the account
// client and the app's data folder, and destroyed at every sign-out (the user's, the
// inactivity one, the server ending the session, another server chosen), so the folder keys
// and the decrypted items live exactly as long as the session. Whoever shows shared data
// follows engineStarted / engineStopped and never keeps the engine beyond that.
//
// The audit entry points live here too: "Folder History" lists the folders the user manages
// (a folder's history opens its connections' histories), and, for an organisation's owners
// and admins (the server's /orgs answer says who is one), "Organisation Audit Log…". Their
// dialogs close at sign-out.
//
// Changes the engine kept because they could not be saved (refused by the server, outbox rows
// nobody can open) are offered in "Sync Problems…", enabled only while there are some, and
// said in the status bar with a button that opens the same dialog.
#pragma once

#include "core/keychain/SecretStore.h"
#include "core/policy/EffectiveSettings.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/AccountClient.h"
#include "ui/AccountDialog.h"
#include "ui/SignInDialog.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

#include <memory>

class QAction;
class QDialog;
class QMainWindow;
class QMenu;
class QToolButton;

namespace Conclave::Core {
class AuditApi;
class InactivityTimer;
class InvitationApi;
class InvitationFlow;
class SyncEngine;
class SyncScheduler;
} // namespace Conclave::Core

namespace Conclave::Gui {

class TeamSharingController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamSharingController)

public:
    // Everything given must outlive the controller; `timer` may be null (no sign-out on
    // inactivity, for tests of the dialogs alone). `dataDirectory` is the folder the account
    // client keeps its state in; the sync engine keeps its cache there too.
    TeamSharingController(QMainWindow* window, Core::AccountClient* client,
                          const Core::EffectiveSettings& settings, Core::InactivityTimer* timer,
                          SignInDialog::SwitchServer switchServer, const QString& dataDirectory,
                          QObject* parent = nullptr);
    ~TeamSharingController() override;

    // After the composition root rebuilt the sharing parts for another server.
    void setClient(Core::AccountClient* client);
    Core::AccountClient* client() const { return m_client; }

    // The started engine of the signed-in account; null while signed out and while it starts.
    Core::SyncEngine* engine() const;
    // Why the engine could not be started after the last sign-in, in words ("" if it could).
    QString engineProblem() const { return m_engineProblem; }

    // Invitations of the signed-in account, made and destroyed with the engine; null with it.
    Core::InvitationFlow* invitations() const;
    // The audit routes of the signed-in account; null while signed out.
    Core::AuditApi* audit() const { return m_audit.get(); }
    // Organisations whose log the user may read (owner or admin), known shortly after sign-in.
    QList<QUuid> adminOrgs() const { return m_adminOrgs; }

    // Where the user's own credentials for shared connections are kept: a sign-in refused for
    // an organisation block removes those of the last session's connections. May stay null.
    void setSecretStore(Core::SecretStore* secrets) { m_secrets = secrets; }
    // The local store that Sync Problems… copies a refused edit into. May stay null (no copy).
    void setRepository(Core::ConnectionRepository* repository) { m_repository = repository; }

    QMenu* menu() const { return m_menu; }
    SignInDialog* signInDialog() const { return m_signIn; }
    AccountDialog* accountDialog() const { return m_account; }

public slots:
    void showSignIn();
    void showAccount();
    void signOut();
    // Reads the changes feed now (after start, and whenever the user or a scheduler asks).
    void syncNow();
    // The settings' sign-out time changed: a running inactivity timer takes it at once.
    void applyInactivityTimeout();
    // The members dialog of a shared folder (null: the current one, else the first held).
    void showMembers(const QUuid& folderId = {});
    // The shared folder the main window has selected, for the menu's Members… entry.
    void setCurrentFolder(const QUuid& folderId) { m_currentFolder = folderId; }
    // Team Sharing > Invitations…, and Share… / Invite… on a shared folder.
    void showInvitations();
    void showShareFolder(const QUuid& folderId);
    // The audit dialogs (non-modal; closed at sign-out).
    void showItemHistory(const QUuid& folderId, const QUuid& itemId);
    void showFolderHistory(const QUuid& folderId);
    // The first organisation the user administers, or the one given.
    void showOrgAudit();
    void showOrgAuditFor(const QUuid& orgId);
    // An organisation's Team Sharing blocks, offered like the organisation log.
    void showOrgBlocks();
    void showOrgBlocksFor(const QUuid& orgId);
    // Team Sharing > Sync Problems… (and the status bar's button): what could not be saved.
    void showSyncProblems();

signals:
    // The engine is started and holds the cached folders; the feed is being read.
    void engineStarted(Conclave::Core::SyncEngine* engine);
    // The engine is going away (sign-out): drop every pointer to it and everything shown from
    // it. engine() is already null; the engine itself is destroyed right after this signal.
    void engineStopped();
    // The engine could not be started; `reason` says why, in words.
    void engineFailed(const QString& reason);
    // The user's organisation roles were read after sign-in (adminOrgs() holds them).
    void adminOrgsChanged();

private:
    void startAudit();
    void stopAudit();
    void keepAuditDialog(QDialog* dialog);
    QHash<QString, QString> knownEmails() const;
    void startEngine();
    void stopEngine();
    void connectClient();
    void updateActions();
    void onSignedIn();
    void onSignedOut(int reason);
    void updateInvitationsAction(int count);
    void wipeBlocked(const QUrl& server, const QString& email);
    void updateSyncProblems();

    QPointer<QMainWindow> m_window;
    QPointer<Core::AccountClient> m_client;
    const Core::EffectiveSettings& m_settings;
    QPointer<Core::InactivityTimer> m_timer;
    SignInDialog::SwitchServer m_switchServer;
    QMenu* m_menu = nullptr;
    QAction* m_actSignIn = nullptr;
    QAction* m_actAccount = nullptr;
    QAction* m_actSignOut = nullptr;
    QAction* m_actMembers = nullptr;
    QUuid m_currentFolder;
    QAction* m_toolbarAction = nullptr;
    QPointer<SignInDialog> m_signIn;
    QPointer<AccountDialog> m_account;
    QString m_dataDirectory;
    std::unique_ptr<Core::SyncEngine> m_engine;
    std::unique_ptr<Core::SyncScheduler> m_scheduler; // after m_engine: destroyed before it
    std::unique_ptr<Core::InvitationApi> m_invitationApi;
    std::unique_ptr<Core::InvitationFlow> m_invitations; // after m_engine: destroyed before it
    QAction* m_actInvitations = nullptr;
    bool m_engineReady = false;
    QString m_engineProblem;
    // Set when the engine found Team Sharing blocked: the sign-in dialog says why.
    QString m_blockedNotice;
    std::unique_ptr<Core::AuditApi> m_audit;
    QList<QUuid> m_adminOrgs;
    QObject* m_auditContext = nullptr;
    QAction* m_actOrgAudit = nullptr;
    QAction* m_actOrgBlocks = nullptr;
    QMenu* m_folderHistoryMenu = nullptr;
    QList<QPointer<QDialog>> m_auditDialogs;
    QPointer<Core::SecretStore> m_secrets;
    // The account of the last session and the shared items its engine held (ids only): the
    // keychain entries to remove should the next sign-in be refused for a block, when neither
    // the engine nor the session is there to name them.
    QUrl m_sessionServer;
    QString m_sessionEmail;
    QList<QPair<QUuid, QUuid>> m_heldItems;
    // Sync Problems: the menu entry, the status bar's button, the local store copies go to.
    QAction* m_actSyncProblems = nullptr;
    QToolButton* m_syncProblemsButton = nullptr;
    QPointer<Core::ConnectionRepository> m_repository;
};

} // namespace Conclave::Gui
