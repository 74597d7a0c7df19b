// The account dialog; see the header.
#include "ui/AccountDialog.h"

#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

constexpr int kMinPasswordLength = 10; // as at sign-up (SignInDialog)

QLineEdit* passwordEdit(QWidget* parent, const QString& objectName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    return edit;
}

SecureBytes takePassword(QLineEdit* edit)
{
    QByteArray utf8 = edit->text().toUtf8();
    SecureBytes password = SecureBytes::fromView(utf8);
    secureWipe(utf8);
    edit->clear();
    return password;
}

QString when(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

AccountDialog::AccountDialog(AccountClient* client, const EffectiveSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("AccountDialog"));
    setWindowTitle(tr("Team Sharing Account"));
    auto* layout = new QVBoxLayout(this);

    auto* form = new QFormLayout;
    m_who = new QLabel(this);
    m_who->setObjectName(QStringLiteral("who"));
    m_who->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Signed in as:"), m_who);
    m_server = new QLabel(this);
    m_server->setObjectName(QStringLiteral("serverUrl"));
    m_server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Server:"), m_server);
    layout->addLayout(form);
    m_serverNote = new QLabel(this);
    m_serverNote->setObjectName(QStringLiteral("serverNote"));
    m_serverNote->setWordWrap(true);
    m_serverNote->setEnabled(false);
    m_serverNote->setVisible(settings.serverUrl().enforced);
    m_serverNote->setText(settings.serverUrl().reason);
    layout->addWidget(m_serverNote);
    m_sharing = new QLabel(this);
    m_sharing->setObjectName(QStringLiteral("sharingStatus"));
    m_sharing->setWordWrap(true);
    layout->addWidget(m_sharing);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto* password = new QGroupBox(tr("Change Password"), this);
    auto* passwordForm = new QFormLayout(password);
    m_current = passwordEdit(password, QStringLiteral("currentPassword"));
    passwordForm->addRow(tr("C&urrent password:"), m_current);
    m_next = passwordEdit(password, QStringLiteral("newPassword"));
    passwordForm->addRow(tr("&New password:"), m_next);
    m_repeat = passwordEdit(password, QStringLiteral("repeatPassword"));
    passwordForm->addRow(tr("&Repeat:"), m_repeat);
    auto* note = new QLabel(tr("Your other devices are signed out and sign in again with the new password."),
                            password);
    note->setWordWrap(true);
    note->setEnabled(false);
    passwordForm->addRow(note);
    m_change = new QPushButton(tr("&Change Password"), password);
    m_change->setObjectName(QStringLiteral("changePassword"));
    passwordForm->addRow(QString(), m_change);
    layout->addWidget(password);

    auto* sessions = new QGroupBox(tr("Sessions"), this);
    auto* sessionsLayout = new QVBoxLayout(sessions);
    m_sessions = new QTreeWidget(sessions);
    m_sessions->setObjectName(QStringLiteral("sessions"));
    m_sessions->setRootIsDecorated(false);
    m_sessions->setHeaderLabels({tr("Signed in"), tr("Last used"), tr("Device")});
    m_sessions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sessions->setMinimumHeight(110);
    sessionsLayout->addWidget(m_sessions);
    auto* sessionButtons = new QHBoxLayout;
    sessionButtons->addStretch();
    auto* reload = new QPushButton(tr("Re&fresh"), sessions);
    reload->setObjectName(QStringLiteral("refresh"));
    sessionButtons->addWidget(reload);
    m_revoke = new QPushButton(tr("Re&voke"), sessions);
    m_revoke->setObjectName(QStringLiteral("revoke"));
    m_revoke->setEnabled(false);
    sessionButtons->addWidget(m_revoke);
    sessionsLayout->addLayout(sessionButtons);
    layout->addWidget(sessions);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_signOut = buttons->addButton(tr("Sign &Out"), QDialogButtonBox::ResetRole);
    m_signOut->setObjectName(QStringLiteral("signOut"));
    connect(buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    layout->addWidget(buttons);

    connect(m_change, &QPushButton::clicked, this, &AccountDialog::changePassword);
    connect(reload, &QPushButton::clicked, this, &AccountDialog::refresh);
    connect(m_revoke, &QPushButton::clicked, this, &AccountDialog::revokeSelected);
    connect(m_signOut, &QPushButton::clicked, this, &AccountDialog::signOut);
    connect(m_sessions, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto items = m_sessions->selectedItems();
        m_revoke->setEnabled(!items.isEmpty() && !items.first()->data(0, Qt::UserRole + 1).toBool());
    });
    if (m_client) {
        connect(m_client, &AccountClient::signedOut, this, &AccountDialog::reject);
        connect(m_client, &AccountClient::accountChanged, this, &AccountDialog::showAccount);
    }
    showAccount();
    refresh();
    resize(520, sizeHint().height());
}

QString AccountDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AccountDialog::showError(const QString& text)
{
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setText(text);
    m_message->show();
}

void AccountDialog::showInfo(const QString& text)
{
    m_message->setStyleSheet(QString());
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void AccountDialog::showAccount()
{
    if (!m_client)
        return;
    const AccountInfo& account = m_client->account();
    m_who->setText(account.name.isEmpty() ? account.email : tr("%1 <%2>").arg(account.name, account.email));
    m_server->setText(m_client->api().server().toDisplayString());
    if (account.sharingAllowed) {
        m_sharing->setStyleSheet(QString());
        m_sharing->setText(tr("Team Sharing is available for this account."));
    } else {
        m_sharing->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_sharing->setText(account.sharingProblem);
    }
}

void AccountDialog::refresh()
{
    if (!m_client || !m_client->isSignedIn())
        return;
    m_client->listSessions(this, [this](Result<QList<SessionInfo>> sessions) {
        if (!sessions.ok()) {
            showError(sessions.error().message);
            return;
        }
        m_sessions->clear();
        for (const SessionInfo& session : sessions.value()) {
            auto* item = new QTreeWidgetItem(m_sessions);
            item->setText(0, when(session.createdAt));
            item->setText(1, when(session.lastSeenAt));
            item->setText(2, session.current ? tr("This device") : tr("Another device"));
            item->setData(0, Qt::UserRole, session.id);
            item->setData(0, Qt::UserRole + 1, session.current);
        }
    });
}

void AccountDialog::changePassword()
{
    if (!m_client)
        return;
    if (m_current->text().isEmpty()) {
        showError(tr("Enter your current password."));
        m_current->setFocus();
        return;
    }
    if (m_next->text().size() < kMinPasswordLength) {
        showError(tr("Choose a password of at least %1 characters.").arg(kMinPasswordLength));
        m_next->setFocus();
        return;
    }
    if (m_next->text() != m_repeat->text()) {
        showError(tr("The two passwords differ."));
        m_repeat->clear();
        m_repeat->setFocus();
        return;
    }
    m_repeat->clear();
    SecureBytes current = takePassword(m_current);
    SecureBytes next = takePassword(m_next);
    m_change->setEnabled(false);
    showInfo(tr("Changing the password… Making the new keys takes a moment."));
    m_client->changePassword(std::move(current), std::move(next), this, [this](Status status) {
        m_change->setEnabled(true);
        if (!status.ok()) {
            showError(status.error().message);
            return;
        }
        showInfo(tr("The password is changed. Your other devices were signed out."));
        refresh();
    });
}

void AccountDialog::revokeSelected()
{
    const auto items = m_sessions->selectedItems();
    if (!m_client || items.isEmpty())
        return;
    const QUuid id = items.first()->data(0, Qt::UserRole).toUuid();
    m_client->revokeSession(id, this, [this](Status status) {
        if (!status.ok()) {
            showError(status.error().message);
            return;
        }
        showInfo(tr("The session is revoked; that device is signed out."));
        refresh();
    });
}

void AccountDialog::signOut()
{
    // Signing out closes the dialog through signedOut(); a client already signed out does not
    // emit it.
    if (m_client && m_client->isSignedIn())
        m_client->signOut(AccountClient::SignOutReason::User);
    else
        reject();
}

} // namespace Conclave::Gui
