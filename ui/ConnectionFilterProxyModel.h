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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool folderAncestorMatches(const QModelIndex& sourceParent) const;
    QString searchText(const QModelIndex& sourceIndex) const;
    bool matches(const QString& searchText) const;

    QString m_text;
    QStringList m_terms;                        // case-folded words
    ConnectionTreeModel* m_treeModel = nullptr; // the source, when it is one
};

} // namespace Conclave::Gui
