// ShareFolderDialog: invites people to a shared folder (Share… / Invite… on the folder). The
// manager enters one or more addresses, a role and how the invitee's key is to be checked:
// an invitation code the manager passes on by another channel, or safety numbers compared
// (read out on a call or in person). The result page then shows the code, large and
// copyable, or the number to compare with a field for the one the invitee reads out. The
// folder's open invitations are listed below with Cancel; selecting one that waits for a
// safety-number comparison shows it (also for an invitation another manager made and the
// invitee accepted: this client then compares and adds them instead of the inviter's).
// Everything happens through InvitationFlow; the dialog never blocks (no nested event loop).
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/sync/InvitationFlow.h"

#include <QDialog>
#include <QPointer>
#include <QUuid>

#include <map>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTreeWidget;
class QVBoxLayout;

namespace Conclave::Core {
class SyncEngine;
}

namespace Conclave::Gui {

class ClipboardGuard;

class ShareFolderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareFolderDialog)

public:
    ShareFolderDialog(Core::SyncEngine* engine, Core::InvitationFlow* flow, QUuid folderId,
                      QWidget* parent = nullptr);
    ~ShareFolderDialog() override;

    // The addresses typed, split at commas, semicolons, spaces and line breaks; and the ones
    // of them that are not addresses.
    static QStringList splitAddresses(const QString& text);
    static QStringList invalidAddresses(const QStringList& addresses);

signals:
    // The invitations were sent (some may have been refused: see the result page).
    void invited(int sent);

private:
    void sendInvitations();
    void showResults(const QList<Core::InvitationFlow::Sent>& sent, Core::InvitationFlow::Mode mode);
    void reloadPending();
    void cancelSelected();
    void updateButtons();
    void confirmSelected();

    Core::SyncEngine* m_engine;
    QPointer<Core::InvitationFlow> m_flow;
    QUuid m_folderId;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_emails = nullptr;
    QComboBox* m_role = nullptr;
    QRadioButton* m_modeCode = nullptr;
    QRadioButton* m_modeSafety = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_invite = nullptr;
    QPushButton* m_back = nullptr;
    QVBoxLayout* m_results = nullptr;
    QWidget* m_resultsBox = nullptr;
    QTreeWidget* m_pending = nullptr;
    QPushButton* m_cancel = nullptr;
    QWidget* m_compare = nullptr; // the selected invitation's safety-number comparison
    QLabel* m_compareExpected = nullptr;
    QLabel* m_compareOwn = nullptr;
    QLineEdit* m_compareTyped = nullptr;
    QLabel* m_compareOutcome = nullptr;
    QLabel* m_pendingStatus = nullptr;
    ClipboardGuard* m_clipboard = nullptr;
    // Accepted invitations this client holds nothing for (another manager's), as listed.
    std::map<QUuid, Core::InvitationApi::Managed> m_othersAccepted;
    // Why this computer cannot complete a listed invitation, by invitation id; the refusal the
    // status line shows for the chosen row.
    std::map<QUuid, QString> m_refusals;
    QString m_shownRefusal;
    bool m_busy = false;
};

} // namespace Conclave::Gui
