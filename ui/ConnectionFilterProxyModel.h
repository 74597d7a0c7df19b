// ConnectionFilterProxyModel: sorts the tree (folders first, then by name) and filters it as
// the user types. Names sort as people read them: numbers by value ("Bulk 2" before
// "Bulk 10"), letters by the user's locale, case ignored. Every word typed must appear in
// a connection's name, a host or a tag, or (three letters or more) begin a name of its kind
// ("redis", "postgres", "PostgreSQL", "mongo"); folders whose name matches show whole, and parents of matches
// stay visible (recursive filtering), so a match is always shown where it lives.
#pragma once

#include <QCollator>
#include <QHash>
#include <QList>
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
    // The words typed, and for each the kinds whose names it begins (a bit per kind).
    struct Query
    {
        QStringList terms; // case-folded
        QList<quint32> kinds;
        bool anyKind = false;
    };
    static Query makeQuery(const QString& text);
    bool folderAncestorMatches(const QModelIndex& sourceParent) const;
    QString searchText(const QModelIndex& sourceIndex) const;
    bool matches(const Query& query, const QModelIndex& sourceIndex) const;
    int kindBit(const QModelIndex& sourceIndex) const;
    int visibleBelow(const Query& query, const QModelIndex& sourceParent, bool ancestorMatches) const;
    // Collation keys by name: comparing two keys is a byte compare, where QCollator::compare
    // would redo the locale's work for every pair a sort compares. They are found by the
    // address of the name's characters (the tree model hands out its own, shared, strings),
    // so a lookup hashes a pointer, not the text; the entry keeps a copy of the name, which
    // holds the buffer, so an address seen again is the same, unchanged text.
    struct SortEntry
    {
        QString name;
        QCollatorSortKey key;
    };
    // Makes sure `name` has an up-to-date entry; true when one was added.
    bool ensureSortKey(const QString& name) const;
    int compareNames(const QString& left, const QString& right) const;

    QString m_text;
    Query m_query;
    ConnectionTreeModel* m_treeModel = nullptr; // the source, when it is one
    int m_rebuildThreshold = kDefaultRebuildThreshold;
    int m_visibleCount = -1; // rows shown for m_query; -1 once the source has changed
    QCollator m_collator;
    mutable QHash<const QChar*, SortEntry> m_sortKeys;
};

} // namespace Conclave::Gui
