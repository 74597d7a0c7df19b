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
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using namespace Conclave::Core;

MoveToDialog::MoveToDialog(const QList<Folder>& folders, const QSet<QUuid>& excluded, const QUuid& current,
                           int itemCount, QWidget* parent)
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
    m_target->addItem(ConnectionTreeModel::folderIcon(), tr("Top level"), QUuid());
    for (const auto& [path, id] : std::as_const(paths))
        m_target->addItem(ConnectionTreeModel::folderIcon(), path, id);
    m_target->setCurrentIndex(std::max(0, m_target->findData(current)));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* form = new QFormLayout;
    form->addRow(tr("&Folder:"), m_target);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Move"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_target->setFocus();
}

QUuid MoveToDialog::targetFolder() const
{
    return m_target->currentData().toUuid();
}

} // namespace Conclave::Gui
