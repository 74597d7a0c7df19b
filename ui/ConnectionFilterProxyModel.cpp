// ConnectionFilterProxyModel: see the header. Matching reads the model's precomputed,
// case-folded SearchTextRole, so a keystroke over 10,000 connections does no allocation
// per row beyond the QVariant.
#include "ui/ConnectionFilterProxyModel.h"

#include "ui/ConnectionTreeModel.h"

namespace Conclave::Gui {

ConnectionFilterProxyModel::ConnectionFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ConnectionFilterProxyModel::setFilterText(const QString& text)
{
    const QStringList terms = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms == m_terms)
        return;
    m_text = text;
    m_terms = terms;
    invalidateFilter();
}

bool ConnectionFilterProxyModel::matches(const QString& searchText) const
{
    for (const QString& term : m_terms) {
        if (!searchText.contains(term))
            return false;
    }
    return true;
}

bool ConnectionFilterProxyModel::folderAncestorMatches(const QModelIndex& sourceIndex) const
{
    for (QModelIndex p = sourceIndex.parent(); p.isValid(); p = p.parent()) {
        if (matches(p.data(ConnectionTreeModel::SearchTextRole).toString()))
            return true;
    }
    return false;
}

bool ConnectionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (matches(index.data(ConnectionTreeModel::SearchTextRole).toString()))
        return true;
    // Everything inside a folder whose name matches is shown, so "staging" lists the
    // whole Staging folder.
    return folderAncestorMatches(index);
}

bool ConnectionFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftFolder = left.data(ConnectionTreeModel::IsFolderRole).toBool();
    const bool rightFolder = right.data(ConnectionTreeModel::IsFolderRole).toBool();
    if (leftFolder != rightFolder)
        return leftFolder;
    const int byName = QString::compare(left.data(Qt::DisplayRole).toString(),
                                        right.data(Qt::DisplayRole).toString(), Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    // Stable order for equal names.
    return left.data(ConnectionTreeModel::IdRole).toUuid() < right.data(ConnectionTreeModel::IdRole).toUuid();
}

} // namespace Conclave::Gui
