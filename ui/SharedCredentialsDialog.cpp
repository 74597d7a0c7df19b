// SharedCredentialsDialog: see the header.
#include "ui/SharedCredentialsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

SecureBytes take(QLineEdit* edit)
{
    if (!edit)
        return {};
    const QByteArray bytes = edit->text().toUtf8();
    SecureBytes value(bytes.constData(), std::size_t(bytes.size()));
    edit->clear();
    return value;
}

} // namespace

SharedCredentialsDialog::SharedCredentialsDialog(const Connection& connection, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("sharedCredentialsDialog"));
    setWindowTitle(tr("Your Credentials for %1").arg(connection.name));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("Your own, kept in your keychain: they are not shared with the other members "
                               "of the folder and never leave this computer."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* form = new QFormLayout;
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("sharedUser"));
    form->addRow(tr("&User name:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sharedPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    if (connection.ssh.enabled) {
        m_sshUser = new QLineEdit(this);
        m_sshUser->setObjectName(QStringLiteral("sharedSshUser"));
        form->addRow(tr("SSH &user:"), m_sshUser);
        m_sshPassphrase = new QLineEdit(this);
        m_sshPassphrase->setObjectName(QStringLiteral("sharedSshPassphrase"));
        m_sshPassphrase->setEchoMode(QLineEdit::Password);
        form->addRow(connection.ssh.auth == SshAuthMethod::PrivateKey ? tr("SSH key pass&phrase:")
                                                                      : tr("SSH pass&word:"),
                     m_sshPassphrase);
    }
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

SharedCredentialsDialog::~SharedCredentialsDialog()
{
    // The line edits' own buffers are cleared as well as Qt allows.
    for (QLineEdit* edit : {m_password, m_sshPassphrase}) {
        if (edit)
            edit->clear();
    }
}

SharedTreeSync::Credentials SharedCredentialsDialog::takeCredentials()
{
    SharedTreeSync::Credentials credentials;
    credentials.user = m_user->text();
    credentials.password = take(m_password);
    credentials.sshUser = m_sshUser ? m_sshUser->text() : QString();
    credentials.sshPassphrase = take(m_sshPassphrase);
    return credentials;
}

} // namespace Conclave::Gui
