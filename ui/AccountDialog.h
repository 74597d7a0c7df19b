// AccountDialog: the signed-in Team Sharing account — who is signed in, on which server (or
// that the machine policy fixes the server, and why), whether the organisation allows Team
// Sharing (with its administrators' reason if not), a password change, the account's sessions
// with "Revoke" for the others, and Sign Out. It closes when the account signs out, from here
// or for any other reason.
#pragma once

#include "core/policy/EffectiveSettings.h"
#include "core/sync/AccountClient.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Conclave::Gui {

class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    AccountDialog(Core::AccountClient* client, const Core::EffectiveSettings& settings,
                  QWidget* parent = nullptr);

    QTreeWidget* sessionsView() const { return m_sessions; }
    QString message() const;

public slots:
    void refresh();
    void changePassword();
    void revokeSelected();
    void signOut();

private:
    void showAccount();
    void showError(const QString& text);
    void showInfo(const QString& text);

    QPointer<Core::AccountClient> m_client;
    QLabel* m_who = nullptr;
    QLabel* m_server = nullptr;
    QLabel* m_serverNote = nullptr;
    QLabel* m_sharing = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_next = nullptr;
    QLineEdit* m_repeat = nullptr;
    QPushButton* m_change = nullptr;
    QTreeWidget* m_sessions = nullptr;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_signOut = nullptr;
};

} // namespace Conclave::Gui
