// TrashDialog: see the header.
#include "ui/TrashDialog.h"

#include "core/storage/ConnectionRepository.h"
#include "ui/ConnectionTreeModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

TrashDialog::TrashDialog(ConnectionRepository* repository, QWidget* parent)
    : QDialog(parent)
    , m_repository(repository)
{
    setObjectName(QStringLiteral("trashDialog"));
    setWindowTitle(tr("Trash"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("trashSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("trashList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Name"), tr("Was in"), tr("Deleted")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Deleted items"));
    layout->addWidget(m_list, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setToolTip(tr("Puts the selected items back where they were."));
    m_restore->setDefault(true); // Enter restores; emptying is never the default
    m_empty = buttons->addButton(tr("&Empty Trash…"), QDialogButtonBox::DestructiveRole);
    m_empty->setAutoDefault(false);
    m_empty->setObjectName(QStringLiteral("emptyButton"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        QList<QUuid> ids;
        for (QTreeWidgetItem* item : m_list->selectedItems())
            ids.append(item->data(0, kIdRole).toUuid());
        if (!ids.isEmpty())
            emit restoreRequested(ids);
    });
    connect(m_empty, &QPushButton::clicked, this, &TrashDialog::askToEmpty);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &TrashDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, m_restore, &QPushButton::click);
    connect(m_repository, &ConnectionRepository::trashChanged, this, &TrashDialog::reload);
    reload();
    resize(640, 400);
}

void TrashDialog::setSecretsPersistent(bool persistent)
{
    m_secretsPersistent = persistent;
    reload();
}

void TrashDialog::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

QString TrashDialog::emptyQuestion(const QHash<QUuid, TrashedItem>& trash)
{
    int folders = 0;
    int connections = 0;
    for (const TrashedItem& item : trash)
        (item.isFolder ? folders : connections) += 1;
    const QString what = folders == 0       ? tr("%n connection(s)", nullptr, connections)
                         : connections == 0 ? tr("%n folder(s)", nullptr, folders)
                                            : tr("%1 and %2")
                                                  .arg(tr("%n connection(s)", nullptr, connections),
                                                       tr("%n folder(s)", nullptr, folders));
    return tr("Delete the %1 in the Trash for good, with their passwords and keys? This cannot be undone.")
        .arg(what);
}

void TrashDialog::reload()
{
    const QList<TrashedItem> entries = m_repository->trashEntries();
    const QHash<QUuid, TrashedItem>& trash = m_repository->trashMap();
    QHash<QUuid, int> contained; // connections deleted with each folder entry
    for (const TrashedItem& item : trash) {
        if (item.isFolder)
            continue;
        QUuid parent = item.parentId();
        int steps = 0;
        while (!parent.isNull() && trash.contains(parent) && trash[parent].deletedAt == item.deletedAt &&
               ++steps <= trash.size()) {
            contained[parent] += 1;
            parent = trash[parent].parentId();
        }
    }
    m_list->clear();
    const QLocale locale;
    for (const TrashedItem& entry : entries) {
        auto* row = new QTreeWidgetItem(m_list);
        QString name = entry.name();
        if (entry.isFolder)
            name = tr("%1 (folder, %n connection(s))", nullptr, contained.value(entry.id())).arg(name);
        row->setText(0, name);
        row->setIcon(0, entry.isFolder ? ConnectionTreeModel::folderIcon()
                                       : ConnectionTreeModel::kindIcon(entry.connection.kind));
        const QUuid parent = entry.parentId();
        QString where;
        if (parent.isNull())
            where = tr("Top level");
        else if (m_repository->hasFolder(parent))
            where = m_repository->folderPath(parent);
        else if (trash.contains(parent))
            where = tr("%1 (in the Trash)").arg(trash[parent].name());
        else
            where = tr("A folder that no longer exists (restored to the top level)");
        row->setText(1, where);
        row->setText(2, locale.toString(entry.deletedAt.toLocalTime(), QLocale::ShortFormat));
        row->setData(0, kIdRole, entry.id());
    }
    if (trash.isEmpty())
        m_summary->setText(tr("The Trash is empty."));
    else if (m_secretsPersistent)
        m_summary->setText(tr("Deleted connections and folders stay here, with their passwords and keys in "
                              "your keychain, until you empty the Trash. Restore puts them back where they "
                              "were."));
    else
        m_summary->setText(tr("Deleted connections and folders stay here until you empty the Trash. Restore "
                              "puts them back where they were. No keychain is in use, so their passwords "
                              "and keys are kept only until Conclave quits."));
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void TrashDialog::updateButtons()
{
    m_restore->setEnabled(!m_readOnly && !m_list->selectedItems().isEmpty());
    m_empty->setEnabled(!m_readOnly && m_repository->trashCount() > 0);
}

void TrashDialog::askToEmpty()
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Empty Trash"),
                                emptyQuestion(m_repository->trashMap()), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("emptyTrashQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* empty = box->addButton(tr("&Empty Trash"), QMessageBox::DestructiveRole);
    empty->setObjectName(QStringLiteral("confirmEmpty"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(empty, &QPushButton::clicked, this, &TrashDialog::emptyRequested);
    box->open();
}

} // namespace Conclave::Gui
