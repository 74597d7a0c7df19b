// EmptyStateWidget: see the header.
#include "ui/EmptyStateWidget.h"

#include "ui/ConnectionTreeModel.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Conclave::Gui {

EmptyStateWidget::EmptyStateWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("emptyState"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    auto* icon = new QLabel(this);
    icon->setPixmap(ConnectionTreeModel::appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    m_title = new QLabel(tr("No connections yet"), this);
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_title);
    m_text = new QLabel(tr("Add your first database or SSH connection, or import connection URIs "
                           "and hosts from your SSH configuration."),
                        this);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMinimumWidth(380); // a word-wrapped label in a box layout otherwise shrinks to a column
    m_text->setMaximumWidth(460);
    auto* textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(m_text);
    textRow->addStretch();
    layout->addLayout(textRow);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_new = new QPushButton(tr("New Connection…"), this);
    m_new->setObjectName(QStringLiteral("emptyNewConnection"));
    m_new->setDefault(true);
    m_import = new QPushButton(tr("Import…"), this);
    m_import->setObjectName(QStringLiteral("emptyImport"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_import);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch(3);
    connect(m_new, &QPushButton::clicked, this, &EmptyStateWidget::newConnectionRequested);
    connect(m_import, &QPushButton::clicked, this, &EmptyStateWidget::importRequested);
}

void EmptyStateWidget::setReadOnly(bool readOnly)
{
    m_new->setVisible(!readOnly);
    m_import->setVisible(!readOnly);
    m_title->setText(readOnly ? tr("Connections unavailable") : tr("No connections yet"));
    m_text->setText(readOnly ? tr("The connection database could not be opened, so Conclave started with an "
                                  "empty, read-only list. The file was not changed.")
                             : tr("Add your first database or SSH connection, or import connection URIs "
                                  "and hosts from your SSH configuration."));
}

} // namespace Conclave::Gui
