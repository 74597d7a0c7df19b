// SignInDialog: signing in to Team Sharing, creating an account and verifying its email
// address, on one dialog with three pages, as password managers with a self-hosted server do
// it (Bitwarden): the server address on top (read-only with the reason when the machine
// policy fixes it), the address and password below. Key derivation runs on a worker thread,
// so the dialog stays responsive and says what it is doing; every failure is shown in the
// sentence AccountClient gives. The password leaves the line edit as SecureBytes and the
// field is cleared; it is kept (wiped memory) only between sign-up and the sign-in that
// follows the verification, and wiped when the dialog closes.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/policy/EffectiveSettings.h"
#include "core/sync/AccountClient.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Conclave::Gui {

class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    enum class Page
    {
        SignIn,
        SignUp,
        Verify,
    };

    // Called when the user entered another server than the client's: returns the client for
    // that server (the composition root rebuilds the sharing parts), or null.
    using SwitchServer = std::function<Core::AccountClient*(const QUrl&)>;

    SignInDialog(Core::AccountClient* client, const Core::EffectiveSettings& settings,
                 SwitchServer switchServer, QWidget* parent = nullptr);
    ~SignInDialog() override;

    Page page() const;
    void showPage(Page page);
    // A sentence above the form, e.g. why the user was signed out.
    void showNotice(const QString& text);
    QString message() const;
    bool isBusy() const { return m_busy; }
    void setEmail(const QString& email);

public slots:
    void signIn();
    void signUp();
    void verify();
    void resend();

signals:
    // The sign-in was refused because Team Sharing is blocked for `email` on `server`.
    void sharingBlocked(const QUrl& server, const QString& email);

private:
    bool useServer();
    void setBusy(bool busy, const QString& activity = {});
    void showError(const QString& text);
    void showInfo(const QString& text);
    void fitHeight();
    void afterVerified();
    Core::SecureBytes takePassword(QLineEdit* edit);
    void connectClient();

    QPointer<Core::AccountClient> m_client;
    SwitchServer m_switchServer;
    bool m_busy = false;
    QString m_verifyEmail;
    Core::SecureBytes m_heldPassword; // between sign-up and the sign-in after verification

    QLineEdit* m_server = nullptr;
    QLabel* m_serverNote = nullptr;
    QLabel* m_message = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_signIn = nullptr;
    QLineEdit* m_newName = nullptr;
    QLineEdit* m_newEmail = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_newRepeat = nullptr;
    QPushButton* m_create = nullptr;
    QLabel* m_verifyText = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_resend = nullptr;
};

} // namespace Conclave::Gui
