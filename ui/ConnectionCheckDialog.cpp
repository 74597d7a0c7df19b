// ConnectionCheckDialog: see the header.
#include "ui/ConnectionCheckDialog.h"

#include "core/connect/ConnectionTester.h"
#include "core/keychain/SecretStore.h"
#include "ui/GuiLogging.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

ConnectionCheckDialog::ConnectionCheckDialog(const Connection& connection, SecretStore* secrets,
                                             QWidget* parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_secrets(secrets)
    , m_tester(new ConnectionTester(this))
{
    setObjectName(QStringLiteral("ConnectionCheckDialog"));
    setWindowTitle(tr("Test Connection — %1").arg(connection.name));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Testing %1…").arg(connection.name), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    layout->addWidget(m_busy);
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("steps"));
    // Long steps (a server's own message) wrap instead of scrolling sideways.
    m_steps->setWordWrap(true);
    m_steps->setTextElideMode(Qt::ElideNone);
    m_steps->setResizeMode(QListView::Adjust);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_steps);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionCheckDialog::cancelOrClose);
    connect(m_tester, &ConnectionTester::progress, this, &ConnectionCheckDialog::onProgress);
    connect(m_tester, &ConnectionTester::finished, this, &ConnectionCheckDialog::onFinished);
    resize(480, 320);
}

ConnectionCheckDialog::~ConnectionCheckDialog()
{
    if (m_tester->isRunning())
        m_tester->cancel();
}

bool ConnectionCheckDialog::isRunning() const
{
    return m_running;
}

QString ConnectionCheckDialog::summary() const
{
    return m_running ? QString() : m_status->text();
}

void ConnectionCheckDialog::start()
{
    m_running = true;
    qCInfo(lcGui) << "testing connection" << m_connection.id.toString(QUuid::WithoutBraces);
    if (!m_secrets) {
        startWithPassword({});
        return;
    }
    m_secrets->read(m_connection.id, SecretKind::Password, this, [this](Result<SecureBytes> password) {
        if (!m_running)
            return; // cancelled while the keychain answered
        if (password.ok()) {
            startWithPassword(std::move(password).value());
            return;
        }
        if (password.error().code != ErrorCode::NotFound)
            notePasswordUnreadable(password.error().message);
        startWithPassword({});
    });
}

void ConnectionCheckDialog::notePasswordUnreadable(const QString& message)
{
    onProgress(tr("The stored password could not be read: %1").arg(message));
}

void ConnectionCheckDialog::startWith(SecureBytes password)
{
    m_running = true;
    qCInfo(lcGui) << "testing connection" << m_connection.id.toString(QUuid::WithoutBraces)
                  << "with a password asked for once";
    startWithPassword(std::move(password));
}

void ConnectionCheckDialog::startWithPassword(SecureBytes password)
{
    ProbeCredentials credentials;
    credentials.username = m_connection.username;
    credentials.password = std::move(password);
    m_tester->start(m_connection, credentials);
}

void ConnectionCheckDialog::onProgress(const QString& step)
{
    m_steps->addItem(step);
    m_steps->scrollToBottom();
}

void ConnectionCheckDialog::onFinished(const ProbeResult& result)
{
    m_running = false;
    m_busy->setRange(0, 1);
    m_busy->setValue(1);
    m_busy->hide();
    m_status->setText(result.ok ? result.summary
                                : (result.summary.isEmpty() ? result.error.message : result.summary));
    m_status->setStyleSheet(result.ok ? QStringLiteral("color: #1e7b34; font-weight: bold;")
                                      : QStringLiteral("color: #b3261e; font-weight: bold;"));
    if (m_steps->count() == 0) {
        for (const QString& step : result.steps)
            m_steps->addItem(step);
    }
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    if (!result.ok && m_editOffered) {
        // What failed is usually fixed in the editor: a host, a port, a user or TLS.
        QPushButton* edit = m_buttons->addButton(tr("&Edit Connection…"), QDialogButtonBox::ActionRole);
        edit->setObjectName(QStringLiteral("editConnection"));
        connect(edit, &QPushButton::clicked, this, [this] {
            emit editRequested();
            reject();
        });
    }
    qCInfo(lcGui) << "test of connection" << m_connection.id.toString(QUuid::WithoutBraces)
                  << (result.ok ? "succeeded" : "failed");
    emit testFinished(result.ok);
}

void ConnectionCheckDialog::cancelOrClose()
{
    if (m_running) {
        m_running = false;
        m_tester->cancel(); // finished() follows and turns Cancel into Close
        if (!m_tester->isRunning() && m_buttons->standardButtons() == QDialogButtonBox::Cancel) {
            // Cancelled before the tester started (keychain still answering).
            m_status->setText(tr("The test was cancelled."));
            m_busy->hide();
            m_buttons->setStandardButtons(QDialogButtonBox::Close);
        }
        return;
    }
    reject();
}

} // namespace Conclave::Gui
