// ConnectionFilterProxyModel: see the header. Matching reads the model's precomputed,
// case-folded search text straight from its nodes (no QVariant, no hash lookup, no
// allocation per row), so a keystroke over 10,000 connections stays cheap (BenchFilter).
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

void ConnectionFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    m_treeModel = qobject_cast<ConnectionTreeModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

QString ConnectionFilterProxyModel::searchText(const QModelIndex& sourceIndex) const
{
    // The tree model hands out its precomputed text directly; any other model is asked
    // through the role.
    if (m_treeModel)
        return m_treeModel->searchText(sourceIndex);
    return sourceIndex.data(ConnectionTreeModel::SearchTextRole).toString();
}

bool ConnectionFilterProxyModel::folderAncestorMatches(const QModelIndex& sourceParent) const
{
    for (QModelIndex p = sourceParent; p.isValid(); p = p.parent()) {
        if (matches(searchText(p)))
            return true;
    }
    return false;
}

bool ConnectionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (matches(searchText(index)))
        return true;
    // Everything inside a folder whose name matches is shown, so "staging" lists the
    // whole Staging folder.
    return folderAncestorMatches(sourceParent);
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
