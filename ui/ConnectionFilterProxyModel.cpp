// ConnectionFilterProxyModel: see the header. Matching reads the model's precomputed,
// case-folded search text straight from its nodes (no QVariant, no hash lookup, no
// allocation per row), so a keystroke over 10,000 connections stays cheap (BenchFilter).
// When a keystroke makes thousands of rows leave or return (the first characters typed,
// the last backspaces), QSortFilterProxyModel's incremental update removes or inserts
// them range by range, each range walking persistent indexes; rebuilding the mapping in
// one layout change is then much cheaper, and keeps selection and expansion the same way
// (both are persistent indexes, carried across the layout change).
#include "ui/ConnectionFilterProxyModel.h"

#include "ui/ConnectionTreeModel.h"

#include <cstdlib>

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
    // One pass over the precomputed text tells how many rows the new query shows; the
    // count for the old one is kept from the previous keystroke unless the source changed.
    const bool haveSource = sourceModel() != nullptr;
    const int before = m_visibleCount >= 0 || !haveSource ? m_visibleCount : visibleBelow(m_terms, {}, false);
    const int after = haveSource ? visibleBelow(terms, {}, false) : -1;
    m_text = text;
    m_terms = terms;
    m_visibleCount = after;
    if (std::abs(after - before) > m_rebuildThreshold)
        invalidate();
    else
        invalidateFilter();
}

bool ConnectionFilterProxyModel::matches(const QStringList& terms, const QString& searchText)
{
    for (const QString& term : terms) {
        if (!searchText.contains(term))
            return false;
    }
    return true;
}

int ConnectionFilterProxyModel::visibleBelow(const QStringList& terms, const QModelIndex& sourceParent,
                                             bool ancestorMatches) const
{
    // The same rule as filterAcceptsRow() with recursive filtering: a row shows when it
    // matches, when a folder above it matches, or when anything below it shows.
    const QAbstractItemModel* source = sourceModel();
    int count = 0;
    const int rows = source->rowCount(sourceParent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = source->index(row, 0, sourceParent);
        const bool shown = ancestorMatches || matches(terms, searchText(child));
        const int below = visibleBelow(terms, child, shown);
        if (shown || below > 0)
            count += 1 + below;
    }
    return count;
}

void ConnectionFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    m_treeModel = qobject_cast<ConnectionTreeModel*>(model);
    m_visibleCount = -1;
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    // Any change to the source makes the kept count stale; it is counted again when needed.
    const auto forget = [this] {
        m_visibleCount = -1;
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, forget);
    connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(model, &QAbstractItemModel::rowsMoved, this, forget);
    connect(model, &QAbstractItemModel::modelReset, this, forget);
    connect(model, &QAbstractItemModel::layoutChanged, this, forget);
    connect(model, &QAbstractItemModel::dataChanged, this, forget);
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
        if (matches(m_terms, searchText(p)))
            return true;
    }
    return false;
}

bool ConnectionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (matches(m_terms, searchText(index)))
        return true;
    // Everything inside a folder whose name matches is shown, so "staging" lists the
    // whole Staging folder.
    return folderAncestorMatches(sourceParent);
}

bool ConnectionFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // A rebuild sorts every row again: read the tree model's fields by reference rather
    // than through QVariants.
    if (m_treeModel) {
        const bool leftFolder = m_treeModel->isFolder(left);
        const bool rightFolder = m_treeModel->isFolder(right);
        if (leftFolder != rightFolder)
            return leftFolder;
        const int byName = QString::compare(m_treeModel->displayName(left), m_treeModel->displayName(right),
                                            Qt::CaseInsensitive);
        if (byName != 0)
            return byName < 0;
        return m_treeModel->nodeId(left) < m_treeModel->nodeId(right);
    }
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
