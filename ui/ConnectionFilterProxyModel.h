// ConnectionFilterProxyModel: sorts the tree (folders first, then by name) and filters it as
// the user types. Every word typed must appear in a connection's name, a host or a tag;
// folders whose name matches show whole, and parents of matches stay visible (recursive
// filtering), so a match is always shown where it lives.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Conclave::Gui {

class ConnectionTreeModel;

class ConnectionFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionFilterProxyModel)

public:
    explicit ConnectionFilterProxyModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    void setSourceModel(QAbstractItemModel* model) override;

    // Above this many rows entering or leaving the view, a keystroke rebuilds the proxy's
    // mapping in one layout change instead of removing and inserting rows range by range.
    // Both ways give the same rows, selection and expansion; tests compare them.
    static constexpr int kDefaultRebuildThreshold = 1000;
    void setRebuildThreshold(int rows) { m_rebuildThreshold = rows; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool folderAncestorMatches(const QModelIndex& sourceParent) const;
    QString searchText(const QModelIndex& sourceIndex) const;
    static bool matches(const QStringList& terms, const QString& searchText);
    int visibleBelow(const QStringList& terms, const QModelIndex& sourceParent, bool ancestorMatches) const;

    QString m_text;
    QStringList m_terms;                        // case-folded words
    ConnectionTreeModel* m_treeModel = nullptr; // the source, when it is one
    int m_rebuildThreshold = kDefaultRebuildThreshold;
    int m_visibleCount = -1; // rows shown for m_terms; -1 once the source has changed
};

} // namespace Conclave::Gui
