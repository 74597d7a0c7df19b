// PasswordPromptDialog: see the header.
#include "ui/PasswordPromptDialog.h"

#include "core/crypto/SecureBytes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

PasswordPromptDialog::PasswordPromptDialog(const QString& connectionName, const QString& userName,
                                           QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("PasswordPromptDialog"));
    setWindowTitle(tr("Password for %1").arg(connectionName));
    auto* layout = new QVBoxLayout(this);
    auto* explanation =
        new QLabel(tr("No keychain is in use, so Conclave keeps no password for \u201c%1\u201d. Enter it to "
                      "connect this time; it is used once and not stored.")
                       .arg(connectionName),
                   this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    layout->addWidget(explanation);
    auto* form = new QFormLayout;
    if (!userName.isEmpty()) {
        auto* user = new QLabel(userName, this);
        user->setTextFormat(Qt::PlainText);
        form->addRow(tr("User name:"), user);
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_password->setFocus();
    resize(420, sizeHint().height());
}

PasswordPromptDialog::~PasswordPromptDialog()
{
    m_password->clear();
}

SecureBytes PasswordPromptDialog::takePassword()
{
    QByteArray utf8 = m_password->text().toUtf8();
    SecureBytes password = SecureBytes::fromView(utf8);
    secureWipe(utf8);
    m_password->clear();
    return password;
}

} // namespace Conclave::Gui
