// Signing in, signing up and verifying the address; see the header.
#include "ui/SignInDialog.h"

#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

// Bitwarden and 1Password ask for at least 12 characters; 10 is the floor here, because
// Argon2id with at least 64 MiB makes each guess expensive.
constexpr int kMinPasswordLength = 10;

QLineEdit* passwordEdit(QWidget* parent, const QString& objectName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    return edit;
}

} // namespace

SignInDialog::SignInDialog(AccountClient* client, const EffectiveSettings& settings,
                           SwitchServer switchServer, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_switchServer(std::move(switchServer))
{
    setObjectName(QStringLiteral("SignInDialog"));
    setWindowTitle(tr("Sign In to Team Sharing"));
    auto* layout = new QVBoxLayout(this);

    auto* serverForm = new QFormLayout;
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverUrl"));
    m_server->setPlaceholderText(tr("https://sharing.example.com"));
    const QUrl server = client ? client->api().server() : settings.serverUrl().value;
    m_server->setText(server.toDisplayString());
    m_server->setReadOnly(!settings.serverUrlEditable());
    serverForm->addRow(tr("Se&rver:"), m_server);
    layout->addLayout(serverForm);
    m_serverNote = new QLabel(this);
    m_serverNote->setObjectName(QStringLiteral("serverNote"));
    m_serverNote->setWordWrap(true);
    m_serverNote->setEnabled(false);
    if (settings.serverUrl().enforced)
        m_serverNote->setText(settings.serverUrl().reason);
    else
        m_serverNote->setText(
            tr("The sharing server your team runs. Ask your administrator for its address."));
    layout->addWidget(m_serverNote);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    // It shows the server's words too (an administrator's reason for a block): never markup.
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);

    // Sign in.
    auto* signInPage = new QWidget(m_pages);
    auto* signInLayout = new QVBoxLayout(signInPage);
    signInLayout->setContentsMargins(0, 0, 0, 0);
    auto* signInForm = new QFormLayout;
    m_email = new QLineEdit(signInPage);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    signInForm->addRow(tr("&Email:"), m_email);
    m_password = passwordEdit(signInPage, QStringLiteral("password"));
    signInForm->addRow(tr("&Password:"), m_password);
    signInLayout->addLayout(signInForm);
    auto* signInButtons = new QHBoxLayout;
    auto* toSignUp = new QPushButton(tr("&Create an Account…"), signInPage);
    toSignUp->setObjectName(QStringLiteral("showSignUp"));
    toSignUp->setFlat(true);
    signInButtons->addWidget(toSignUp);
    signInButtons->addStretch();
    m_signIn = new QPushButton(tr("&Sign In"), signInPage);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    signInButtons->addWidget(m_signIn);
    signInLayout->addLayout(signInButtons);
    signInLayout->addStretch();
    m_pages->addWidget(signInPage);

    // Sign up.
    auto* signUpPage = new QWidget(m_pages);
    auto* signUpLayout = new QVBoxLayout(signUpPage);
    signUpLayout->setContentsMargins(0, 0, 0, 0);
    auto* signUpForm = new QFormLayout;
    m_newName = new QLineEdit(signUpPage);
    m_newName->setObjectName(QStringLiteral("newName"));
    m_newName->setMaxLength(200);
    signUpForm->addRow(tr("&Name:"), m_newName);
    m_newEmail = new QLineEdit(signUpPage);
    m_newEmail->setObjectName(QStringLiteral("newEmail"));
    m_newEmail->setPlaceholderText(tr("name@example.com"));
    signUpForm->addRow(tr("&Email:"), m_newEmail);
    m_newPassword = passwordEdit(signUpPage, QStringLiteral("newPassword"));
    signUpForm->addRow(tr("&Password:"), m_newPassword);
    m_newRepeat = passwordEdit(signUpPage, QStringLiteral("newRepeat"));
    signUpForm->addRow(tr("&Repeat:"), m_newRepeat);
    signUpLayout->addLayout(signUpForm);
    auto* warning =
        new QLabel(tr("Your password unlocks your keys and never leaves this computer. Nobody, not "
                      "even the server's administrator, can reset it: if you forget it, what was "
                      "shared with you must be shared again."),
                   signUpPage);
    warning->setWordWrap(true);
    signUpLayout->addWidget(warning);
    auto* signUpButtons = new QHBoxLayout;
    auto* back = new QPushButton(tr("&Back to Sign In"), signUpPage);
    back->setObjectName(QStringLiteral("backToSignIn"));
    back->setFlat(true);
    signUpButtons->addWidget(back);
    signUpButtons->addStretch();
    m_create = new QPushButton(tr("Create &Account"), signUpPage);
    m_create->setObjectName(QStringLiteral("createAccount"));
    signUpButtons->addWidget(m_create);
    signUpLayout->addLayout(signUpButtons);
    m_pages->addWidget(signUpPage);

    // Verify.
    auto* verifyPage = new QWidget(m_pages);
    auto* verifyLayout = new QVBoxLayout(verifyPage);
    verifyLayout->setContentsMargins(0, 0, 0, 0);
    m_verifyText = new QLabel(verifyPage);
    m_verifyText->setObjectName(QStringLiteral("verifyText"));
    m_verifyText->setWordWrap(true);
    verifyLayout->addWidget(m_verifyText);
    auto* verifyForm = new QFormLayout;
    m_code = new QLineEdit(verifyPage);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setMaxLength(8);
    m_code->setInputMask(QString());
    m_code->setPlaceholderText(tr("8 digits"));
    verifyForm->addRow(tr("&Code:"), m_code);
    verifyLayout->addLayout(verifyForm);
    auto* verifyButtons = new QHBoxLayout;
    m_resend = new QPushButton(tr("Send a &New Code"), verifyPage);
    m_resend->setObjectName(QStringLiteral("resend"));
    m_resend->setFlat(true);
    verifyButtons->addWidget(m_resend);
    verifyButtons->addStretch();
    m_verify = new QPushButton(tr("&Verify"), verifyPage);
    m_verify->setObjectName(QStringLiteral("verify"));
    verifyButtons->addWidget(m_verify);
    verifyLayout->addLayout(verifyButtons);
    verifyLayout->addStretch();
    m_pages->addWidget(verifyPage);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    layout->addWidget(buttons);

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::signIn);
    connect(m_create, &QPushButton::clicked, this, &SignInDialog::signUp);
    connect(m_verify, &QPushButton::clicked, this, &SignInDialog::verify);
    connect(m_code, &QLineEdit::returnPressed, this, &SignInDialog::verify);
    connect(m_resend, &QPushButton::clicked, this, &SignInDialog::resend);
    connect(toSignUp, &QPushButton::clicked, this, [this] {
        m_newEmail->setText(m_email->text());
        showPage(Page::SignUp);
    });
    connect(back, &QPushButton::clicked, this, [this] { showPage(Page::SignIn); });
    connectClient();
    resize(460, height());
    showPage(Page::SignIn);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::connectClient()
{
    if (!m_client)
        return;
    connect(m_client, &AccountClient::verificationNeeded, this, [this](const QString& email) {
        m_verifyEmail = email;
        showPage(Page::Verify);
    });
}

SignInDialog::Page SignInDialog::page() const
{
    return Page(m_pages->currentIndex());
}

void SignInDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    // The dialog takes the size of the page shown, not of the largest one.
    for (int i = 0; i < m_pages->count(); ++i) {
        const auto policy = i == int(page) ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_pages->widget(i)->setSizePolicy(policy, policy);
    }
    switch (page) {
    case Page::SignIn:
        setWindowTitle(tr("Sign In to Team Sharing"));
        m_signIn->setDefault(true);
        (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
        break;
    case Page::SignUp:
        setWindowTitle(tr("Create a Team Sharing Account"));
        m_create->setDefault(true);
        m_newName->setFocus();
        break;
    case Page::Verify:
        setWindowTitle(tr("Verify Your Email Address"));
        m_verifyText->setText(tr("The sharing server sent a code to %1. Enter it to finish setting up your "
                                 "account. The code is valid for an hour.")
                                  .arg(m_verifyEmail));
        m_verify->setDefault(true);
        m_code->setFocus();
        break;
    }
    fitHeight();
}

void SignInDialog::fitHeight()
{
    // Messages come and go and pages differ in height: the dialog follows them instead of
    // squeezing the form (wrapped labels need the height for the dialog's width).
    layout()->activate();
    resize(width(),
           layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height());
}

void SignInDialog::showNotice(const QString& text)
{
    showInfo(text);
}

QString SignInDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SignInDialog::setEmail(const QString& email)
{
    m_email->setText(email);
}

void SignInDialog::showError(const QString& text)
{
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setText(text);
    m_message->show();
    fitHeight();
}

void SignInDialog::showInfo(const QString& text)
{
    m_message->setStyleSheet(QString());
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    fitHeight();
}

void SignInDialog::setBusy(bool busy, const QString& activity)
{
    m_busy = busy;
    m_pages->setEnabled(!busy);
    m_server->setEnabled(!busy);
    if (busy)
        showInfo(activity);
}

SecureBytes SignInDialog::takePassword(QLineEdit* edit)
{
    // QLineEdit keeps its text in a QString; it leaves the widget once, into wiped memory.
    QByteArray utf8 = edit->text().toUtf8();
    SecureBytes password = SecureBytes::fromView(utf8);
    secureWipe(utf8);
    edit->clear();
    return password;
}

bool SignInDialog::useServer()
{
    const QUrl wanted = QUrl::fromUserInput(m_server->text().trimmed());
    if (m_server->text().trimmed().isEmpty() || !wanted.isValid()) {
        showError(tr("Enter the address of your team's sharing server."));
        m_server->setFocus();
        return false;
    }
    if (m_client && wanted.adjusted(QUrl::StripTrailingSlash) == m_client->api().server())
        return true;
    AccountClient* next = m_switchServer ? m_switchServer(wanted) : nullptr;
    if (!next) {
        showError(tr("This server cannot be used."));
        return false;
    }
    m_client = next;
    connectClient();
    return true;
}

void SignInDialog::signIn()
{
    if (m_busy)
        return;
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your email address and your password."));
        (email.isEmpty() ? m_email : m_password)->setFocus();
        return;
    }
    if (!useServer())
        return;
    m_verifyEmail = email;
    SecureBytes password = takePassword(m_password);
    // Kept for the sign-in after a verification the server may still ask for.
    m_heldPassword = password.clone();
    setBusy(true, tr("Signing in… Unlocking your keys takes a moment."));
    m_client->signIn(email, std::move(password), this, [this, email](Status status) {
        setBusy(false);
        if (status.ok()) {
            m_heldPassword.clear();
            accept();
            return;
        }
        showError(status.error().message);
        if (status.error().field == QLatin1String("sharing-blocked"))
            emit sharingBlocked(m_client->api().server(), email);
        if (page() != Page::Verify) {
            m_heldPassword.clear();
            m_password->setFocus();
        }
    });
}

void SignInDialog::signUp()
{
    if (m_busy)
        return;
    const QString name = m_newName->text().trimmed();
    const QString email = m_newEmail->text().trimmed();
    if (name.isEmpty()) {
        showError(tr("Enter your name as your colleagues should see it."));
        m_newName->setFocus();
        return;
    }
    if (!email.contains(QLatin1Char('@'))) {
        showError(tr("Enter your email address."));
        m_newEmail->setFocus();
        return;
    }
    if (m_newPassword->text().size() < kMinPasswordLength) {
        showError(tr("Choose a password of at least %1 characters.").arg(kMinPasswordLength));
        m_newPassword->setFocus();
        return;
    }
    if (m_newPassword->text() != m_newRepeat->text()) {
        showError(tr("The two passwords differ."));
        m_newRepeat->clear();
        m_newRepeat->setFocus();
        return;
    }
    if (!useServer())
        return;
    m_newRepeat->clear();
    SecureBytes password = takePassword(m_newPassword);
    m_heldPassword = password.clone();
    m_verifyEmail = email;
    setBusy(true, tr("Creating your account… Making your keys takes a moment."));
    m_client->signUp(email, name, std::move(password), this, [this, email](Status status) {
        setBusy(false);
        if (!status.ok()) {
            m_heldPassword.clear();
            showError(status.error().message);
            return;
        }
        m_email->setText(email);
        showInfo(QString());
        showPage(Page::Verify);
    });
}

void SignInDialog::verify()
{
    if (m_busy || !m_client)
        return;
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        showError(tr("Enter the code from the email."));
        return;
    }
    setBusy(true, tr("Checking the code…"));
    m_client->verifyEmail(m_verifyEmail, code, this, [this](Status status) {
        setBusy(false);
        if (!status.ok()) {
            showError(status.error().message);
            m_code->selectAll();
            m_code->setFocus();
            return;
        }
        afterVerified();
    });
}

void SignInDialog::afterVerified()
{
    m_code->clear();
    if (m_heldPassword.isEmpty()) {
        m_email->setText(m_verifyEmail);
        showPage(Page::SignIn);
        showInfo(tr("Your email address is verified. Sign in with your password."));
        return;
    }
    setBusy(true, tr("Your email address is verified. Signing in…"));
    m_client->signIn(m_verifyEmail, std::move(m_heldPassword), this, [this](Status status) {
        setBusy(false);
        m_heldPassword.clear();
        if (status.ok()) {
            accept();
            return;
        }
        showPage(Page::SignIn);
        showError(status.error().message);
    });
}

void SignInDialog::resend()
{
    if (m_busy || !m_client)
        return;
    m_client->resendCode(m_verifyEmail, this, [this](Status status) {
        if (status.ok())
            showInfo(tr("A new code is on its way to %1.").arg(m_verifyEmail));
        else
            showError(status.error().message);
    });
}

} // namespace Conclave::Gui
