// The Team Sharing menu and the inactivity sign-out; see the header.
#include "ui/TeamSharingController.h"

#include "core/keychain/SecretStore.h"
#include "core/keychain/SharedCredentials.h"
#include "core/policy/InactivityTimer.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/AuditApi.h"
#include "core/sync/InvitationApi.h"
#include "core/sync/InvitationFlow.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncScheduler.h"
#include "ui/AccountDialog.h"
#include "ui/FolderHistoryDialog.h"
#include "ui/GuiLogging.h"
#include "ui/InvitationsDialog.h"
#include "ui/ItemHistoryDialog.h"
#include "ui/MembersDialog.h"
#include "ui/OrgAuditDialog.h"
#include "ui/OrgBlocksDialog.h"
#include "ui/ShareFolderDialog.h"
#include "ui/SyncProblemsDialog.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <utility>

namespace Conclave::Gui {

using namespace Conclave::Core;

TeamSharingController::TeamSharingController(QMainWindow* window, AccountClient* client,
                                             const EffectiveSettings& settings, InactivityTimer* timer,
                                             SignInDialog::SwitchServer switchServer,
                                             const QString& dataDirectory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_client(client)
    , m_settings(settings)
    , m_timer(timer)
    , m_switchServer(std::move(switchServer))
    , m_dataDirectory(dataDirectory)
{
    // For queued connections and signal spies on engineStarted.
    qRegisterMetaType<Conclave::Core::SyncEngine*>();
    m_menu = new QMenu(tr("Team &Sharing"), window);
    m_menu->setObjectName(QStringLiteral("menuTeamSharing"));
    m_actSignIn = m_menu->addAction(tr("&Sign In…"), this, &TeamSharingController::showSignIn);
    m_actSignIn->setObjectName(QStringLiteral("actionSignIn"));
    m_actAccount = m_menu->addAction(tr("&Account…"), this, &TeamSharingController::showAccount);
    m_actAccount->setObjectName(QStringLiteral("actionAccount"));
    m_actMembers = m_menu->addAction(tr("&Members…"), this, [this] { showMembers(); });
    m_actMembers->setObjectName(QStringLiteral("actionMembers"));
    m_actInvitations = m_menu->addAction(tr("&Invitations…"), this, &TeamSharingController::showInvitations);
    m_actInvitations->setObjectName(QStringLiteral("actionInvitations"));
    m_actOrgAudit =
        m_menu->addAction(tr("Organisation Audit &Log…"), this, &TeamSharingController::showOrgAudit);
    m_actOrgAudit->setObjectName(QStringLiteral("actionOrgAudit"));
    m_actOrgAudit->setVisible(false);
    m_actOrgBlocks =
        m_menu->addAction(tr("Organisation &Blocks…"), this, &TeamSharingController::showOrgBlocks);
    m_actOrgBlocks->setObjectName(QStringLiteral("actionOrgBlocks"));
    m_actOrgBlocks->setVisible(false);
    // The histories of the folders the user manages (the server shows them to managers only).
    m_folderHistoryMenu = m_menu->addMenu(tr("Folder &History"));
    m_folderHistoryMenu->setObjectName(QStringLiteral("menuFolderHistory"));
    connect(m_folderHistoryMenu, &QMenu::aboutToShow, this, [this] {
        m_folderHistoryMenu->clear();
        SyncEngine* running = engine();
        if (running) {
            for (const QUuid& folderId : running->folderIds()) {
                if (running->roleIn(folderId) != FolderRole::Manage)
                    continue;
                m_folderHistoryMenu->addAction(running->folderName(folderId), this,
                                               [this, folderId] { showFolderHistory(folderId); });
            }
        }
        if (m_folderHistoryMenu->isEmpty())
            m_folderHistoryMenu->addAction(tr("No folder you manage"))->setEnabled(false);
    });
    m_actSyncProblems =
        m_menu->addAction(tr("Sync &Problems…"), this, &TeamSharingController::showSyncProblems);
    m_actSyncProblems->setObjectName(QStringLiteral("actionSyncProblems"));
    m_actSyncProblems->setEnabled(false);
    m_menu->addSeparator();
    m_actSignOut = m_menu->addAction(tr("Sign &Out"), this, &TeamSharingController::signOut);
    m_actSignOut->setObjectName(QStringLiteral("actionSignOut"));
    if (window) {
        // Before the Help menu when there is one, as in most applications.
        QAction* before = nullptr;
        for (QAction* action : window->menuBar()->actions()) {
            if (action->menu() && action->menu()->objectName() == QLatin1String("menuHelp"))
                before = action;
        }
        window->menuBar()->insertMenu(before, m_menu);
        if (auto* toolbar = window->findChild<QToolBar*>()) {
            m_toolbarAction = new QAction(tr("Team Sharing"), window);
            m_toolbarAction->setObjectName(QStringLiteral("actionTeamSharing"));
            m_toolbarAction->setToolTip(tr("Sign in to Team Sharing or manage your account"));
            connect(m_toolbarAction, &QAction::triggered, this, [this] {
                if (m_client && m_client->isSignedIn())
                    showAccount();
                else
                    showSignIn();
            });
            toolbar->addSeparator();
            toolbar->addAction(m_toolbarAction);
        }
        // Stays in the status bar while something waits for a decision; a click opens it.
        m_syncProblemsButton = new QToolButton(window->statusBar());
        m_syncProblemsButton->setObjectName(QStringLiteral("syncProblemsButton"));
        m_syncProblemsButton->setAutoRaise(true);
        m_syncProblemsButton->setIcon(QIcon::fromTheme(QStringLiteral("dialog-warning")));
        m_syncProblemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_syncProblemsButton->setToolTip(tr("Show what could not be saved and decide about it"));
        m_syncProblemsButton->hide();
        connect(m_syncProblemsButton, &QToolButton::clicked, this, &TeamSharingController::showSyncProblems);
        window->statusBar()->addPermanentWidget(m_syncProblemsButton);
    }
    if (m_timer)
        connect(m_timer, &InactivityTimer::timedOut, this, [this] {
            if (m_client && m_client->isSignedIn())
                m_client->signOut(AccountClient::SignOutReason::Inactivity);
        });
    connectClient();
    updateActions();
}

TeamSharingController::~TeamSharingController()
{
    stopAudit();
    stopEngine();
    delete m_signIn;
    delete m_account;
}

void TeamSharingController::setClient(AccountClient* client)
{
    // The engine works on the old client's session: it cannot outlive it.
    stopAudit();
    stopEngine();
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    connectClient();
    updateActions();
    if (m_client && m_client->isSignedIn()) {
        startAudit();
        startEngine();
    }
}

void TeamSharingController::startAudit()
{
    if (m_audit || !m_client || !m_client->isSignedIn())
        return;
    m_audit = std::make_unique<AuditApi>(m_client->api());
    // The organisations and roles decide whether the organisation log is offered at all; the
    // server refuses it to anyone else anyway.
    m_auditContext = new QObject(this);
    m_audit->organisations(m_auditContext, [this](Result<QList<AuditApi::Organisation>> orgs) {
        m_adminOrgs.clear();
        if (!orgs) {
            qCInfo(lcGui) << "the organisation roles could not be read:" << orgs.error().message;
        } else {
            for (const AuditApi::Organisation& org : orgs.value())
                if (org.isAdmin() && !m_adminOrgs.contains(org.orgId))
                    m_adminOrgs.append(org.orgId);
        }
        // Several organisations: one entry each (the server names them by id only).
        delete m_actOrgAudit->menu();
        if (m_adminOrgs.size() > 1) {
            auto* orgsMenu = new QMenu(m_menu);
            for (const QUuid& orgId : std::as_const(m_adminOrgs))
                orgsMenu->addAction(tr("Organisation %1…").arg(orgId.toString(QUuid::WithoutBraces).left(8)),
                                    this, [this, orgId] { showOrgAuditFor(orgId); });
            m_actOrgAudit->setMenu(orgsMenu);
        }
        delete m_actOrgBlocks->menu();
        if (m_adminOrgs.size() > 1) {
            auto* orgsMenu = new QMenu(m_menu);
            for (const QUuid& orgId : std::as_const(m_adminOrgs))
                orgsMenu->addAction(tr("Organisation %1…").arg(orgId.toString(QUuid::WithoutBraces).left(8)),
                                    this, [this, orgId] { showOrgBlocksFor(orgId); });
            m_actOrgBlocks->setMenu(orgsMenu);
        }
        updateActions();
        emit adminOrgsChanged();
    });
}

void TeamSharingController::stopAudit()
{
    // The dialogs read through the audit routes of this session: they close with it.
    for (const QPointer<QDialog>& dialog : std::as_const(m_auditDialogs))
        delete dialog.data();
    m_auditDialogs.clear();
    m_adminOrgs.clear();
    delete m_auditContext; // an answer still on its way is dropped
    m_auditContext = nullptr;
    m_audit.reset();
    if (m_actOrgAudit) {
        delete m_actOrgAudit->menu();
        m_actOrgAudit->setVisible(false);
        delete m_actOrgBlocks->menu();
        m_actOrgBlocks->setVisible(false);
    }
}

void TeamSharingController::keepAuditDialog(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_auditDialogs.removeAll(nullptr);
    m_auditDialogs.append(dialog);
    dialog->show();
}

QHash<QString, QString> TeamSharingController::knownEmails() const
{
    QHash<QString, QString> emails;
    if (m_client && m_client->isSignedIn())
        emails.insert(m_client->account().userId.toString(QUuid::WithoutBraces), m_client->account().email);
    return emails;
}

void TeamSharingController::showItemHistory(const QUuid& folderId, const QUuid& itemId)
{
    if (!m_audit)
        return;
    auto* dialog = new ItemHistoryDialog(m_audit.get(), engine(), folderId, itemId, m_window);
    dialog->setKnownEmails(knownEmails());
    keepAuditDialog(dialog);
}

void TeamSharingController::showFolderHistory(const QUuid& folderId)
{
    if (!m_audit)
        return;
    auto* dialog = new FolderHistoryDialog(m_audit.get(), engine(), folderId, m_window);
    dialog->setKnownEmails(knownEmails());
    connect(dialog, &FolderHistoryDialog::itemHistoryRequested, this,
            &TeamSharingController::showItemHistory);
    keepAuditDialog(dialog);
}

void TeamSharingController::showOrgAudit()
{
    if (!m_adminOrgs.isEmpty())
        showOrgAuditFor(m_adminOrgs.first());
}

void TeamSharingController::showOrgAuditFor(const QUuid& orgId)
{
    if (!m_audit || !m_adminOrgs.contains(orgId))
        return;
    auto* dialog = new OrgAuditDialog(m_audit.get(), orgId, m_window);
    dialog->setTrustDirectory(m_dataDirectory);
    dialog->setKnownEmails(knownEmails());
    keepAuditDialog(dialog);
}

void TeamSharingController::showOrgBlocks()
{
    if (!m_adminOrgs.isEmpty())
        showOrgBlocksFor(m_adminOrgs.first());
}

void TeamSharingController::showOrgBlocksFor(const QUuid& orgId)
{
    // Through this session's connection, so it closes at sign-out with the audit dialogs.
    if (!m_audit || !m_adminOrgs.contains(orgId))
        return;
    keepAuditDialog(new OrgBlocksDialog(m_audit->connection(), orgId, m_window));
}

SyncEngine* TeamSharingController::engine() const
{
    return m_engineReady ? m_engine.get() : nullptr;
}

void TeamSharingController::startEngine()
{
    if (m_engine || !m_client || !m_client->isSignedIn())
        return;
    m_engineProblem.clear();
    m_engine = std::make_unique<SyncEngine>(*m_client, m_dataDirectory);
    SyncEngine* engine = m_engine.get();
    // The engine as context: an answer for an engine already stopped is dropped with it.
    engine->start(engine, [this, engine](Status started) {
        if (m_engine.get() != engine)
            return;
        if (!started) {
            qCWarning(lcGui) << "the sync engine could not be started:" << started.error().message;
            m_engineProblem = started.error().message;
            // Destroyed later: this runs inside the engine's own call.
            m_engine.release()->deleteLater();
            emit engineFailed(m_engineProblem);
            return;
        }
        m_engineReady = true;
        connect(engine, &SyncEngine::folderChanged, this, &TeamSharingController::updateActions);
        connect(engine, &SyncEngine::folderRemoved, this, &TeamSharingController::updateActions);
        connect(engine, &SyncEngine::syncProblemsChanged, this, &TeamSharingController::updateSyncProblems);
        updateActions();
        m_invitationApi = std::make_unique<InvitationApi>(m_client->api());
        m_invitations = std::make_unique<InvitationFlow>(*engine, *m_invitationApi);
        connect(m_invitations.get(), &InvitationFlow::receivedCountChanged, this,
                &TeamSharingController::updateInvitationsAction);
        // Live hints with polling as the fallback; the scheduler's first sync reads the feed.
        m_scheduler = std::make_unique<SyncScheduler>(*engine, *m_client);
        connect(m_scheduler.get(), &SyncScheduler::offline, this, [this](const QString& message, int retry) {
            if (m_window)
                m_window->statusBar()->showMessage(
                    tr("Team Sharing is offline (%1); trying again in %n s.", nullptr, retry).arg(message));
        });
        connect(m_scheduler.get(), &SyncScheduler::online, this, [this] {
            if (m_window)
                m_window->statusBar()->showMessage(tr("Team Sharing is online again."), 5000);
        });
        connect(m_scheduler.get(), &SyncScheduler::syncFailed, this, [this](const QString& message) {
            if (m_window)
                m_window->statusBar()->showMessage(tr("Team Sharing: %1").arg(message));
        });
        // Blocked by the organisation mid-session: the engine has wiped every folder; the
        // session ends too (queued: not inside the engine's own call).
        connect(
            engine, &SyncEngine::sharingBlocked, this,
            [this](const QString& reason) {
                m_blockedNotice = reason;
                if (m_client && m_client->isSignedIn())
                    m_client->signOut(AccountClient::SignOutReason::SessionEnded);
            },
            Qt::QueuedConnection);
        // A rotation or a key grant the client makes on its own (after a member left, for a
        // member added without one) that failed: the next sync tries again where it can.
        connect(engine, &SyncEngine::memberWorkFailed, this,
                [this](const QUuid& folderId, const QString& reason) {
                    if (!m_window)
                        return;
                    const QString name = m_engine ? m_engine->folderName(folderId) : QString();
                    m_window->statusBar()->showMessage(
                        name.isEmpty()
                            ? tr("Team Sharing could not update a shared folder's members: %1").arg(reason)
                            : tr("Team Sharing could not update the members of “%1”: %2").arg(name, reason));
                });
        connect(engine, &SyncEngine::folderWiped, this, [this](const QUuid&, const QString& reason) {
            if (m_window)
                m_window->statusBar()->showMessage(
                    tr("A shared folder was removed from this computer: %1").arg(reason));
        });
        emit engineStarted(engine);
        m_scheduler->start();
        // The count for the menu; later changes come with the feed's invitation hints.
        m_invitations->check(m_invitations.get(), {});
    });
}

void TeamSharingController::stopEngine()
{
    if (!m_engine)
        return;
    // engine() is null for whoever reacts to engineStopped; the engine (its folder keys and
    // every decrypted item, all in wiping buffers) is destroyed right after, at once, not at
    // the next turn of the event loop, so nothing of the session is left behind sign-out.
    std::unique_ptr<SyncEngine> engine = std::move(m_engine);
    const bool wasReady = m_engineReady;
    if (wasReady) {
        m_heldItems.clear();
        for (const QUuid& folderId : engine->folderIds()) {
            for (const QUuid& itemId : engine->heldItemIds(folderId))
                m_heldItems.append({folderId, itemId});
        }
    }
    m_engineReady = false;
    m_scheduler.reset(); // before the engine it drives
    if (wasReady)
        emit engineStopped();
    // The invitation codes held in memory go with the session too.
    m_invitations.reset();
    m_invitationApi.reset();
    updateInvitationsAction(0);
    engine.reset();
    updateActions();
}

void TeamSharingController::showMembers(const QUuid& folderId)
{
    SyncEngine* running = engine();
    if (!running)
        return;
    const QList<QUuid> held = running->folderIds();
    QUuid id = folderId.isNull() ? m_currentFolder : folderId;
    if (!held.contains(id))
        id = held.isEmpty() ? QUuid() : held.first();
    if (id.isNull())
        return;
    auto* dialog = new MembersDialog(running, id, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void TeamSharingController::syncNow()
{
    SyncEngine* running = engine();
    if (!running)
        return;
    if (m_scheduler)
        return m_scheduler->syncNow();
    running->sync(running, [](Status synced) {
        // Offline or refused: the folders held stay as they are; the next sync tries again.
        if (!synced)
            qCInfo(lcGui) << "reading the changes feed failed:" << synced.error().message;
    });
}

InvitationFlow* TeamSharingController::invitations() const
{
    return m_engineReady ? m_invitations.get() : nullptr;
}

void TeamSharingController::updateInvitationsAction(int count)
{
    // The count is the menu's badge: open invitations waiting for an answer.
    m_actInvitations->setText(count > 0 ? tr("&Invitations (%1)…").arg(count) : tr("&Invitations…"));
}

void TeamSharingController::showInvitations()
{
    InvitationFlow* flow = invitations();
    if (!flow)
        return showSignIn();
    auto* dialog = new InvitationsDialog(flow, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Closed with the session: the flow it shows goes away then.
    connect(this, &TeamSharingController::engineStopped, dialog, &QDialog::close);
    dialog->show();
}

void TeamSharingController::showShareFolder(const QUuid& folderId)
{
    InvitationFlow* flow = invitations();
    if (!flow)
        return showSignIn();
    auto* dialog = new ShareFolderDialog(engine(), flow, folderId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &TeamSharingController::engineStopped, dialog, &QDialog::close);
    dialog->show();
}

void TeamSharingController::showSyncProblems()
{
    SyncEngine* running = engine();
    if (!running)
        return;
    if (auto* open = m_window ? m_window->findChild<SyncProblemsDialog*>() : nullptr) {
        open->show();
        open->raise();
        return;
    }
    auto* dialog = new SyncProblemsDialog(running, m_repository, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &TeamSharingController::engineStopped, dialog, &QDialog::close);
    dialog->show();
}

void TeamSharingController::updateSyncProblems()
{
    SyncEngine* running = engine();
    const int count = running ? SyncProblemsDialog::problemCount(*running) : 0;
    m_actSyncProblems->setEnabled(count > 0);
    if (m_syncProblemsButton) {
        m_syncProblemsButton->setText(tr("Team Sharing: %n change(s) could not be saved", nullptr, count));
        m_syncProblemsButton->setVisible(count > 0);
    }
}

void TeamSharingController::connectClient()
{
    if (!m_client)
        return;
    connect(m_client, &AccountClient::signedIn, this, &TeamSharingController::onSignedIn);
    // The engine goes before the keys: an open editor's unsaved edit is sealed as a draft
    // with them (MainWindow on engineStopped), whichever sign-out it is.
    connect(m_client, &AccountClient::signingOut, this, [this] {
        stopAudit();
        stopEngine();
    });
    connect(m_client, &AccountClient::signedOut, this,
            [this](AccountClient::SignOutReason reason) { onSignedOut(int(reason)); });
}

void TeamSharingController::updateActions()
{
    const bool signedIn = m_client && m_client->isSignedIn();
    m_actSignIn->setEnabled(m_client && !signedIn);
    m_actAccount->setEnabled(signedIn);
    m_actSignOut->setEnabled(signedIn);
    m_actMembers->setEnabled(engine() && !engine()->folderIds().isEmpty());
    m_actInvitations->setEnabled(signedIn);
    m_actOrgAudit->setVisible(signedIn && !m_adminOrgs.isEmpty());
    m_actOrgBlocks->setVisible(signedIn && !m_adminOrgs.isEmpty());
    m_folderHistoryMenu->menuAction()->setEnabled(signedIn);
    if (m_toolbarAction)
        m_toolbarAction->setText(signedIn ? tr("Account") : tr("Sign In"));
    updateSyncProblems();
}

void TeamSharingController::applyInactivityTimeout()
{
    if (m_timer && m_timer->isRunning())
        m_timer->setLimit(
            std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.inactivityTimeout()));
}

void TeamSharingController::onSignedIn()
{
    if (m_client->api().server() != m_sessionServer ||
        m_client->account().email.compare(m_sessionEmail, Qt::CaseInsensitive) != 0)
        m_heldItems.clear(); // another account's items
    m_sessionServer = m_client->api().server();
    m_sessionEmail = m_client->account().email;
    m_blockedNotice.clear();
    if (m_timer) {
        m_timer->setLimit(
            std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.inactivityTimeout()));
        m_timer->start();
    }
    updateActions();
    startAudit();
    startEngine();
}

void TeamSharingController::onSignedOut(int reason)
{
    stopAudit();
    stopEngine();
    if (m_timer)
        m_timer->stop();
    updateActions();
    if (AccountClient::SignOutReason(reason) == AccountClient::SignOutReason::User)
        return;
    showSignIn();
    if (!m_signIn)
        return;
    if (!m_blockedNotice.isEmpty()) {
        m_signIn->showNotice(std::exchange(m_blockedNotice, QString()));
    } else if (AccountClient::SignOutReason(reason) == AccountClient::SignOutReason::Inactivity) {
        m_signIn->showNotice(tr("You were signed out of Team Sharing after %1 minutes without input. Your "
                                "local connections are still here.")
                                 .arg(m_settings.inactivityTimeout().count()));
    } else {
        m_signIn->showNotice(tr("The sharing server ended your session. Sign in again."));
    }
}

void TeamSharingController::showSignIn()
{
    if (!m_client)
        return;
    if (m_signIn) {
        m_signIn->show();
        m_signIn->raise();
        return;
    }
    // Not modal: the main window (local connections) stays usable behind it.
    m_signIn = new SignInDialog(
        m_client, m_settings,
        [this](const QUrl& url) -> AccountClient* {
            AccountClient* next = m_switchServer ? m_switchServer(url) : nullptr;
            if (next)
                setClient(next);
            return next;
        },
        m_window);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    // Blocked by the organisation: nothing shared stays on this computer.
    connect(m_signIn, &SignInDialog::sharingBlocked, this, &TeamSharingController::wipeBlocked);
    m_signIn->show();
}

void TeamSharingController::wipeBlocked(const QUrl& server, const QString& email)
{
    // The block ended the last session before anyone could say why (the server revokes the
    // sessions with the block), so the wipe happens now that the server has said it.
    // The user's own credentials for the shared connections go too: those the local copy
    // held (found in the file, so also after a restart) and those the last session's engine
    // held in memory (a folder it had not stored yet).
    QList<QPair<QUuid, QUuid>> held;
    if (Status wiped = SyncEngine::wipeLocalCopy(m_dataDirectory, server, email, &held); !wiped)
        qCWarning(lcGui) << "the shared folders could not be wiped:" << wiped.error().message;
    if (server == m_sessionServer && email.compare(m_sessionEmail, Qt::CaseInsensitive) == 0) {
        for (const auto& item : std::as_const(m_heldItems)) {
            if (!held.contains(item))
                held.append(item);
        }
        m_heldItems.clear();
    }
    if (m_secrets) {
        for (const auto& [folderId, itemId] : std::as_const(held))
            SharedCredentials::removeAll(*m_secrets, folderId, itemId, this);
    }
}

void TeamSharingController::showAccount()
{
    if (!m_client || !m_client->isSignedIn())
        return;
    if (m_account) {
        m_account->show();
        m_account->raise();
        return;
    }
    m_account = new AccountDialog(m_client, m_settings, m_window);
    m_account->setAttribute(Qt::WA_DeleteOnClose);
    m_account->show();
}

void TeamSharingController::signOut()
{
    if (m_client)
        m_client->signOut(AccountClient::SignOutReason::User);
}

} // namespace Conclave::Gui
