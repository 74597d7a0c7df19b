// MoveToDialog: see the header.
#include "ui/MoveToDialog.h"

#include "ui/ConnectionTreeModel.h"

#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

constexpr int kSharedRole = Qt::UserRole + 1;

} // namespace

MoveToDialog::MoveToDialog(const QList<Folder>& folders, const QSet<QUuid>& excluded, const QUuid& current,
                           int itemCount, QWidget* parent, const Places& places)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("MoveToDialog"));
    setWindowTitle(tr("Move To"));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(tr("Moves %n item(s) to the folder you choose.", nullptr, itemCount), this);
    what->setWordWrap(true);
    layout->addWidget(what);

    QHash<QUuid, const Folder*> byId;
    for (const Folder& folder : folders)
        byId.insert(folder.id, &folder);
    QList<QPair<QString, QUuid>> paths;
    for (const Folder& folder : folders) {
        QStringList parts{folder.name};
        bool below = excluded.contains(folder.id);
        QSet<QUuid> seen{folder.id}; // a broken parent chain must not loop
        for (const Folder* up = byId.value(folder.parentId); up && !seen.contains(up->id);
             up = byId.value(up->parentId)) {
            seen.insert(up->id);
            parts.prepend(up->name);
            below = below || excluded.contains(up->id);
        }
        if (!below)
            paths.append({parts.join(QStringLiteral(" / ")), folder.id});
    }
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(paths.begin(), paths.end(),
              [&collator](const auto& a, const auto& b) { return collator.compare(a.first, b.first) < 0; });

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("targetFolder"));
    auto* items = qobject_cast<QStandardItemModel*>(m_target->model());
    auto refuse = [&](const QString& why) {
        if (why.isEmpty())
            return;
        QStandardItem* item = items->item(m_target->count() - 1);
        item->setEnabled(false);
        item->setToolTip(why);
    };
    m_target->addItem(ConnectionTreeModel::folderIcon(), tr("Top level"), QUuid());
    refuse(places.localRefusal);
    for (const auto& [path, id] : std::as_const(paths)) {
        m_target->addItem(ConnectionTreeModel::folderIcon(), path, id);
        refuse(places.localRefusal);
    }
    QList<SharedPlace> shared = places.shared;
    std::sort(shared.begin(), shared.end(),
              [&collator](const auto& a, const auto& b) { return collator.compare(a.path, b.path) < 0; });
    for (const SharedPlace& place : std::as_const(shared)) {
        m_target->addItem(ConnectionTreeModel::sharedFolderIcon(), place.path, place.id);
        m_target->setItemData(m_target->count() - 1, true, kSharedRole);
        refuse(place.refusal);
    }
    // Shown first: where the items are, else the first place they may go to.
    int first = m_target->findData(current);
    if (first < 0 || !items->item(first)->isEnabled()) {
        first = 0;
        while (first < m_target->count() - 1 && !items->item(first)->isEnabled())
            ++first;
    }
    m_target->setCurrentIndex(first);
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* form = new QFormLayout;
    form->addRow(tr("&Folder:"), m_target);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    QPushButton* move = buttons->button(QDialogButtonBox::Ok);
    move->setText(tr("&Move"));
    auto allowMove = [this, items, move] {
        const QStandardItem* item = items->item(m_target->currentIndex());
        move->setEnabled(item && item->isEnabled());
    };
    connect(m_target, &QComboBox::currentIndexChanged, this, allowMove);
    allowMove();
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_target->setFocus();
}

QUuid MoveToDialog::targetFolder() const
{
    return m_target->currentData().toUuid();
}

bool MoveToDialog::targetIsShared() const
{
    return m_target->currentData(kSharedRole).toBool();
}

} // namespace Conclave::Gui
