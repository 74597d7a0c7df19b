// ConnectionDetailsPane: see the header.
#include "ui/ConnectionDetailsPane.h"

#include "ui/ConnectionTreeModel.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

ConnectionDetailsPane::ConnectionDetailsPane(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("detailsPane"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 12, 12, 12);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_hint = new QLabel(tr("Select a connection to see its details."), m_stack);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    m_stack->addWidget(m_hint);

    m_page = new QWidget(m_stack);
    auto* pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto* titleRow = new QHBoxLayout;
    m_icon = new QLabel(m_page);
    m_title = new QLabel(m_page);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    titleRow->addWidget(m_icon);
    titleRow->addWidget(m_title, 1);
    pageLayout->addLayout(titleRow);
    m_conflict = new QLabel(m_page);
    m_conflict->setObjectName(QStringLiteral("detailsConflict"));
    m_conflict->setWordWrap(true);
    m_conflict->setTextFormat(Qt::PlainText);
    m_conflict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conflict->hide();
    pageLayout->addWidget(m_conflict);

    // A grid rather than a QFormLayout: rows are hidden and shown per connection, and
    // QFormLayout in Qt 6.4 mis-sizes hidden rows with word-wrapped labels.
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
    m_form->setHorizontalSpacing(12);
    pageLayout->addLayout(m_form);
    m_kind = addRow(tr("Kind:"), QStringLiteral("detailsKind"));
    m_hosts = addRow(tr("Hosts:"), QStringLiteral("detailsHosts"));
    m_database = addRow(tr("Database:"), QStringLiteral("detailsDatabase"));
    m_user = addRow(tr("User:"), QStringLiteral("detailsUser"));
    m_tls = addRow(tr("TLS:"), QStringLiteral("detailsTls"));
    m_ssh = addRow(tr("SSH tunnel:"), QStringLiteral("detailsSsh"));
    m_tags = addRow(tr("Tags:"), QStringLiteral("detailsTags"));
    m_folder = addRow(tr("Folder:"), QStringLiteral("detailsFolder"));
    m_notes = addRow(tr("Notes:"), QStringLiteral("detailsNotes"));
    m_sharedRole = addRow(tr("Shared:"), QStringLiteral("detailsSharedRole"));
    m_createdBy = addRow(tr("Created:"), QStringLiteral("detailsCreatedBy"));
    m_changedBy = addRow(tr("Last changed:"), QStringLiteral("detailsChangedBy"));

    m_buttons = new QWidget(m_page);
    auto* buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 8, 0, 0);
    m_open = new QPushButton(m_buttons);
    m_test = new QPushButton(m_buttons);
    m_edit = new QPushButton(m_buttons);
    m_copy = new QPushButton(m_buttons);
    for (QPushButton* b : {m_open, m_test, m_edit, m_copy})
        buttons->addWidget(b);
    buttons->addStretch();
    pageLayout->addWidget(m_buttons);
    pageLayout->addStretch();
    m_stack->addWidget(m_page);
}

QLabel* ConnectionDetailsPane::addRow(const QString& label, const QString& objectName)
{
    auto* value = new QLabel(m_page);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    auto* name = new QLabel(label, m_page);
    name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    name->setEnabled(false); // de-emphasised, as field names usually are
    const int row = m_form->rowCount();
    m_form->addWidget(name, row, 0);
    m_form->addWidget(value, row, 1);
    name->setBuddy(value);
    return value;
}

void ConnectionDetailsPane::setRow(QLabel* value, const QString& text)
{
    value->setText(text);
    value->setVisible(!text.isEmpty());
    const int index = m_form->indexOf(value);
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    m_form->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
    if (QLayoutItem* item = m_form->itemAtPosition(row, 0); item && item->widget())
        item->widget()->setVisible(!text.isEmpty());
}

void ConnectionDetailsPane::setActions(QAction* open, QAction* test, QAction* edit, QAction* copyUri)
{
    const std::pair<QPushButton*, QAction*> pairs[] = {
        {m_open, open}, {m_test, test}, {m_edit, edit}, {m_copy, copyUri}};
    for (const auto& [button, action] : pairs) {
        button->setText(action->iconText());
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::enabledChanged, button, &QPushButton::setEnabled);
        button->setEnabled(action->isEnabled());
    }
}

void ConnectionDetailsPane::showConnection(const Connection& c, const QString& folderPath)
{
    m_icon->setPixmap(ConnectionTreeModel::kindIcon(c.kind).pixmap(32, 32));
    m_title->setText(c.name);
    m_title->setStyleSheet(
        c.color.isEmpty() ? QString()
                          : QStringLiteral("border-left: 4px solid %1; padding-left: 6px;").arg(c.color));
    setRow(m_kind, c.srv ? tr("%1 (DNS SRV record)").arg(kindDisplayName(c.kind)) : kindDisplayName(c.kind));
    setRow(m_hosts, ConnectionTreeModel::hostSummary(c));
    setRow(m_database, c.defaultDatabase);
    setRow(m_user, c.username);
    QString tls;
    if (c.kind != ConnectionKind::SSH) {
        tls = c.tls.enabled ? tr("On") : tr("Off");
        if (c.tls.enabled && c.tls.hasClientCertificate)
            tls += u' ' + tr("(with client certificate)");
        if (c.tls.enabled && c.tls.allowInvalidHostnames)
            tls += u' ' + tr("(host names not checked)");
    }
    setRow(m_tls, tls);
    setRow(m_ssh, c.ssh.enabled ? (c.ssh.user.isEmpty() ? QString() : c.ssh.user + u'@') + c.ssh.host + u':' +
                                      QString::number(c.ssh.port)
                                : QString());
    setRow(m_tags, c.tags.join(QStringLiteral(", ")));
    setRow(m_folder, folderPath);
    setRow(m_notes, c.notes.left(2000));
    showSharing({}, {}, {});
    showConflict({});
    m_buttons->show();
    m_stack->setCurrentWidget(m_page);
}

void ConnectionDetailsPane::showFolder(const QString& name, const QString& path, int folders, int connections)
{
    m_icon->setPixmap(ConnectionTreeModel::folderIcon().pixmap(32, 32));
    m_title->setText(name);
    m_title->setStyleSheet(QString());
    showConflict({});
    for (QLabel* label : {m_kind, m_hosts, m_database, m_user, m_tls, m_ssh, m_tags, m_notes, m_sharedRole,
                          m_createdBy, m_changedBy})
        setRow(label, QString());
    setRow(m_folder, tr("%1 — %n connection(s)", nullptr, connections).arg(path) +
                         (folders ? u' ' + tr("in %n subfolder(s)", nullptr, folders) : QString()));
    m_buttons->hide();
    m_stack->setCurrentWidget(m_page);
}

void ConnectionDetailsPane::showSharing(const QString& role, const QString& created, const QString& changed)
{
    setRow(m_sharedRole, role);
    setRow(m_createdBy, created);
    setRow(m_changedBy, changed);
}

void ConnectionDetailsPane::showConflict(const QString& text)
{
    m_conflict->setText(text);
    m_conflict->setVisible(!text.isEmpty());
}

void ConnectionDetailsPane::showNothing()
{
    m_stack->setCurrentWidget(m_hint);
}

} // namespace Conclave::Gui
