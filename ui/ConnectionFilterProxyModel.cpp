// ConnectionFilterProxyModel: see the header. Matching reads the model's precomputed,
// case-folded search text straight from its nodes (no QVariant, no hash lookup, no
// allocation per row), so a keystroke over 10,000 connections stays cheap (BenchFilter).
// When a keystroke makes thousands of rows leave or return (the first characters typed,
// the last backspaces), QSortFilterProxyModel's incremental update removes or inserts
// them range by range, each range walking persistent indexes; rebuilding the mapping in
// one layout change is then much cheaper, and keeps selection and expansion the same way
// (both are persistent indexes, carried across the layout change). Sorting by name goes
// through QCollator sort keys kept per name, so a re-sort of 10,000 rows costs byte
// compares, not locale-aware comparisons.
#include "ui/ConnectionFilterProxyModel.h"

#include "ui/ConnectionTreeModel.h"

#include <QLocale>

#include <cstdlib>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

// What a kind may be searched by: its scheme, its display name and the short names
// people use. A word typed matches a kind when it begins one of these.
QStringList kindWords(ConnectionKind kind)
{
    QStringList words{kindScheme(kind).toCaseFolded()};
    for (const QString& part : kindDisplayName(kind).toCaseFolded().split(QLatin1Char('/')))
        words.append(part);
    switch (kind) {
    case ConnectionKind::MongoDB:
        words.append(QStringLiteral("mongodb+srv"));
        break;
    case ConnectionKind::PostgreSQL:
        words.append({QStringLiteral("postgres"), QStringLiteral("psql")});
        break;
    case ConnectionKind::MySQL:
    case ConnectionKind::Redis:
    case ConnectionKind::SSH:
        break;
    }
    return words;
}

// Sort keys are kept for names seen; past this many (renames over a long run) they are
// dropped and made again.
constexpr qsizetype kMaxSortKeys = 200000;

constexpr qsizetype kMinKindTermLength = 3;

} // namespace

ConnectionFilterProxyModel::ConnectionFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Qt's collator compares code points for the C locale and ignores numeric mode there, so
    // a session without a locale (LANG=C) sorts with the root collation instead.
    const QLocale locale = QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale();
    m_collator = QCollator(locale);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

ConnectionFilterProxyModel::Query ConnectionFilterProxyModel::makeQuery(const QString& text)
{
    static const QList<QStringList> words = [] {
        QList<QStringList> all;
        for (ConnectionKind kind : allKinds()) {
            while (all.size() <= int(kind))
                all.append(QStringList());
            all[int(kind)] = kindWords(kind);
        }
        return all;
    }();
    Query query;
    query.terms = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& term : std::as_const(query.terms)) {
        quint32 kinds = 0;
        // One or two letters would pull in every connection of a kind while the user is
        // still typing a name ("r" for "reports"); from three on, a word names a kind.
        for (qsizetype kind = 0; term.size() >= kMinKindTermLength && kind < words.size(); ++kind) {
            for (const QString& word : words.at(kind)) {
                if (word.startsWith(term))
                    kinds |= 1u << kind;
            }
        }
        query.kinds.append(kinds);
        query.anyKind = query.anyKind || kinds != 0;
    }
    return query;
}

void ConnectionFilterProxyModel::setFilterText(const QString& text)
{
    Query query = makeQuery(text);
    if (query.terms == m_query.terms)
        return;
    // One pass over the precomputed text tells how many rows the new query shows; the
    // count for the old one is kept from the previous keystroke unless the source changed.
    const bool haveSource = sourceModel() != nullptr;
    const int before = m_visibleCount >= 0 || !haveSource ? m_visibleCount : visibleBelow(m_query, {}, false);
    const int after = haveSource ? visibleBelow(query, {}, false) : -1;
    m_text = text;
    m_query = std::move(query);
    m_visibleCount = after;
    if (std::abs(after - before) > m_rebuildThreshold)
        invalidate();
    else
        invalidateFilter();
}

int ConnectionFilterProxyModel::kindBit(const QModelIndex& sourceIndex) const
{
    if (m_treeModel) {
        if (m_treeModel->isFolder(sourceIndex))
            return -1;
        const Connection* c = m_treeModel->connection(m_treeModel->nodeId(sourceIndex));
        return c ? int(c->kind) : -1;
    }
    const QVariant kind = sourceIndex.data(ConnectionTreeModel::KindRole);
    return kind.isValid() ? kind.toInt() : -1;
}

bool ConnectionFilterProxyModel::matches(const Query& query, const QModelIndex& sourceIndex) const
{
    const QString text = searchText(sourceIndex);
    int kind = -2; // looked up only when a word is not in the text but names a kind
    for (qsizetype i = 0; i < query.terms.size(); ++i) {
        if (text.contains(query.terms.at(i)))
            continue;
        if (query.kinds.at(i) == 0)
            return false;
        if (kind == -2)
            kind = kindBit(sourceIndex);
        if (kind < 0 || !(query.kinds.at(i) & (1u << kind)))
            return false;
    }
    return true;
}

int ConnectionFilterProxyModel::visibleBelow(const Query& query, const QModelIndex& sourceParent,
                                             bool ancestorMatches) const
{
    // The same rule as filterAcceptsRow() with recursive filtering: a row shows when it
    // matches, when a folder above it matches, or when anything below it shows.
    const QAbstractItemModel* source = sourceModel();
    int count = 0;
    const int rows = source->rowCount(sourceParent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = source->index(row, 0, sourceParent);
        const bool shown = ancestorMatches || matches(query, child);
        const int below = visibleBelow(query, child, shown);
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
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_sortKeys.clear(); });
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
        if (matches(m_query, p))
            return true;
    }
    return false;
}

bool ConnectionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_query.terms.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (matches(m_query, index))
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
        const int byName = compareNames(m_treeModel->displayName(left), m_treeModel->displayName(right));
        if (byName != 0)
            return byName < 0;
        return m_treeModel->nodeId(left) < m_treeModel->nodeId(right);
    }
    const bool leftFolder = left.data(ConnectionTreeModel::IsFolderRole).toBool();
    const bool rightFolder = right.data(ConnectionTreeModel::IsFolderRole).toBool();
    if (leftFolder != rightFolder)
        return leftFolder;
    const int byName =
        compareNames(left.data(Qt::DisplayRole).toString(), right.data(Qt::DisplayRole).toString());
    if (byName != 0)
        return byName < 0;
    // Stable order for equal names.
    return left.data(ConnectionTreeModel::IdRole).toUuid() < right.data(ConnectionTreeModel::IdRole).toUuid();
}

bool ConnectionFilterProxyModel::ensureSortKey(const QString& name) const
{
    const auto it = m_sortKeys.constFind(name.constData());
    if (it != m_sortKeys.constEnd() && it->name.size() == name.size())
        return false;
    // A name not seen, or one whose buffer holds another length: (re)make its key.
    m_sortKeys.insert(name.constData(), SortEntry{name, m_collator.sortKey(name)});
    return true;
}

int ConnectionFilterProxyModel::compareNames(const QString& left, const QString& right) const
{
    if (left == right)
        return 0;
    if (m_sortKeys.size() + 2 > kMaxSortKeys)
        m_sortKeys.clear();
    // Both entries first, then the lookups: an insertion may move entries around.
    ensureSortKey(left);
    ensureSortKey(right);
    const int byKey =
        m_sortKeys.constFind(left.constData())->key.compare(m_sortKeys.constFind(right.constData())->key);
    // Names the collation calls equal ("a" and "A") still get a fixed order.
    return byKey != 0 ? byKey : QString::compare(left, right, Qt::CaseSensitive);
}

} // namespace Conclave::Gui
