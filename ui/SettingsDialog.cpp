// SettingsDialog: see the header.
#include "ui/SettingsDialog.h"

#include "ui/ConnectionTreeModel.h"
#include "ui/EnforcedPolicyWidget.h"
#include "ui/LanguageComboBox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using namespace Conclave::Core;

SettingsDialog::SettingsDialog(const LauncherSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));
    // The sections scroll when the screen is too low for them all (a policy with problems
    // and the Team Sharing section are tall); the buttons stay in view.
    auto* outer = new QVBoxLayout(this);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("settingsScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(m_scroll);
    m_content = new QVBoxLayout(content);
    m_content->setContentsMargins(0, 0, 0, 0);
    auto* layout = m_content;
    auto* general = new QFormLayout;
    m_language = new LanguageComboBox(this);
    general->addRow(tr("&Language:"), m_language);
    layout->addLayout(general);

    auto* open = new QGroupBox(tr("Open"), this);
    auto* form = new QFormLayout(open);
    m_terminal = new QLineEdit(settings.terminalCommand, open);
    m_terminal->setObjectName(QStringLiteral("terminalCommand"));
    m_terminal->setPlaceholderText(tr("Run clients without a terminal"));
    form->addRow(tr("&Terminal:"), m_terminal);
    for (ConnectionKind kind : allKinds()) {
        auto* edit = new QLineEdit(settings.clientCommand(kind), open);
        edit->setObjectName(QStringLiteral("client-") + kindScheme(kind));
        form->addRow(tr("%1 client:").arg(kindDisplayName(kind)), edit);
        m_clients.insert(kind, edit);
    }
    auto* note = new QLabel(tr("Commands are split like a shell does, without expansions. Passwords are "
                               "handed to clients through private files or their environment, never on "
                               "the command line."),
                            open);
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(note);
    layout->addWidget(open);
    m_policy = new EnforcedPolicyWidget(this);
    layout->addWidget(m_policy);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addStretch(1);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    outer->addWidget(buttons);
    resize(520, 0);
    fitHeight();
}

void SettingsDialog::showEnforcedPolicy(const EffectiveSettings& settings)
{
    m_policy->setSettings(settings);
    fitHeight();
}

void SettingsDialog::fitHeight()
{
    // The content's height at the width it gets, plus the buttons and margins, but not more
    // than the screen has room for: the rest scrolls.
    m_content->activate();
    const int contentWidth = width() - layout()->contentsMargins().left() -
                             layout()->contentsMargins().right() -
                             m_scroll->verticalScrollBar()->sizeHint().width();
    const int contentHeight = m_content->hasHeightForWidth() ? m_content->totalHeightForWidth(contentWidth)
                                                             : m_content->totalSizeHint().height();
    const int rest = layout()->totalSizeHint().height() - m_scroll->sizeHint().height();
    int height = contentHeight + std::max(rest, 0) + 2 * m_scroll->frameWidth();
    if (const QScreen* shown = screen())
        height = std::min(height, shown->availableGeometry().height() * 9 / 10);
    resize(width(), height);
}

void SettingsDialog::showSharingServer(const EffectiveSettings& settings)
{
    if (m_sharingServer)
        return;
    auto* group = new QGroupBox(tr("Team Sharing"), this);
    group->setObjectName(QStringLiteral("sharingGroup"));
    auto* form = new QFormLayout(group);
    m_sharingServer = new QLineEdit(settings.serverUrl().value.toDisplayString(), group);
    m_sharingServer->setObjectName(QStringLiteral("sharingServer"));
    m_sharingServer->setPlaceholderText(tr("https://sharing.example.com"));
    m_sharingServer->setReadOnly(!settings.serverUrlEditable());
    form->addRow(tr("&Server:"), m_sharingServer);
    auto* note =
        new QLabel(settings.serverUrlEditable() ? tr("Changing the server signs you out of Team Sharing.")
                                                : settings.serverUrl().reason,
                   group);
    note->setObjectName(QStringLiteral("sharingServerNote"));
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(note);
    m_inactivity = new QSpinBox(group);
    m_inactivity->setObjectName(QStringLiteral("inactivityTimeout"));
    m_inactivity->setRange(1, settings.maximumInactivityTimeoutMinutes());
    m_inactivity->setValue(settings.inactivityTimeoutMinutes().value);
    m_inactivity->setSuffix(tr(" min"));
    form->addRow(tr("Sign &out after no input for:"), m_inactivity);
    const PolicyValue<int>& timeout = settings.inactivityTimeoutMinutes();
    auto* timeoutNote = new QLabel(
        timeout.enforced ? timeout.reason
                         : tr("Team Sharing signs you out after this long without keyboard or mouse input; "
                              "%n minute(s) at most. Local connections stay open.",
                              nullptr, settings.maximumInactivityTimeoutMinutes()),
        group);
    timeoutNote->setObjectName(QStringLiteral("inactivityTimeoutNote"));
    timeoutNote->setWordWrap(true);
    timeoutNote->setEnabled(false);
    form->addRow(timeoutNote);
    // Above the policy section and the error line.
    m_content->insertWidget(m_content->indexOf(m_policy), group);
    fitHeight();
}

QUrl SettingsDialog::sharingServer() const
{
    if (!m_sharingServer)
        return {};
    const QString text = m_sharingServer->text().trimmed();
    if (text.isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(text).adjusted(QUrl::StripTrailingSlash);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}

int SettingsDialog::inactivityTimeoutMinutes() const
{
    return m_inactivity ? m_inactivity->value() : 0;
}

void SettingsDialog::accept()
{
    if (m_sharingServer && !m_sharingServer->isReadOnly() && !m_sharingServer->text().trimmed().isEmpty()) {
        const QUrl server = sharingServer();
        const QString scheme = server.scheme();
        if (!server.isValid() || server.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            m_error->setText(
                tr("Enter the sharing server's address, for example https://sharing.example.com."));
            m_error->show();
            m_sharingServer->setFocus();
            return;
        }
    }
    LauncherSettings result = m_settings;
    auto check = [this](QLineEdit* edit, bool allowEmpty) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            if (allowEmpty)
                return true;
            m_error->setText(tr("Enter a command."));
        } else if (auto words = LauncherSettings::splitCommand(text); !words.ok()) {
            m_error->setText(words.error().message);
        } else {
            return true;
        }
        m_error->show();
        edit->setFocus();
        return false;
    };
    if (!check(m_terminal, true))
        return;
    result.terminalCommand = m_terminal->text().trimmed();
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (!check(it.value(), false))
            return;
        result.clientCommands.insert(it.key(), it.value()->text().trimmed());
    }
    m_settings = result;
    m_language->store();
    QDialog::accept();
}

} // namespace Conclave::Gui
