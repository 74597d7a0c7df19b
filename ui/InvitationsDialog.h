// InvitationsDialog: the invitations this user received (Team Sharing > Invitations…): the
// folder as the inviter chose to show it, who invited, the role and until when. Accept asks,
// in the dialog itself, for the invitation code, or, when the inviter chose to compare
// safety numbers, shows this user's own number to read out and asks for the inviter's;
// then the invitation waits for a manager's Conclave to add them (showing this user's safety
// number for a manager other than the inviter who compares to add them), and reads "Added"
// once the folder is here. Decline says no. Everything goes through InvitationFlow, without blocking.
#pragma once

#include "core/sync/InvitationFlow.h"

#include <QDialog>
#include <QMap>
#include <QPointer>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace Conclave::Gui {

class InvitationsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvitationsDialog)

public:
    explicit InvitationsDialog(Core::InvitationFlow* flow, QWidget* parent = nullptr);

    static QString stateText(Core::InvitationFlow::InviteeState state);

private:
    void reload(const QString& cursor);
    void updateSelection();
    void acceptSelected();
    void declineSelected();
    void setState(const QUuid& invitationId, Core::InvitationFlow::InviteeState state);
    const Core::InvitationFlow::Incoming* selected() const;

    QPointer<Core::InvitationFlow> m_flow;
    QMap<QUuid, Core::InvitationFlow::Incoming> m_incoming;
    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
    QStackedWidget* m_answer = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_ownNumber = nullptr;
    QLabel* m_inviterNumberHint = nullptr;
    QLabel* m_waitingHint = nullptr;
    QLabel* m_waitingNumber = nullptr;
    QLineEdit* m_inviterNumber = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_decline = nullptr;
    QPushButton* m_more = nullptr;
    QString m_nextCursor;
    bool m_busy = false;
};

} // namespace Conclave::Gui
