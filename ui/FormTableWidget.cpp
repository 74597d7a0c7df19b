// FormTableWidget: see the header.
#include "ui/FormTableWidget.h"

#include <QFocusEvent>

#include <algorithm>

namespace Conclave::Gui {

FormTableWidget::FormTableWidget(int rows, int columns, QWidget* parent)
    : QTableWidget(rows, columns, parent)
{
    setTabKeyNavigation(true);
    // Typing on a cell replaces its value, as in a spreadsheet.
    setEditTriggers(DoubleClicked | EditKeyPressed | AnyKeyPressed);
}

int FormTableWidget::firstVisibleColumn() const
{
    for (int column = 0; column < columnCount(); ++column) {
        if (!isColumnHidden(column))
            return column;
    }
    return -1;
}

int FormTableWidget::lastVisibleColumn() const
{
    for (int column = columnCount() - 1; column >= 0; --column) {
        if (!isColumnHidden(column))
            return column;
    }
    return -1;
}

bool FormTableWidget::rowEnabled(int row) const
{
    const QTableWidgetItem* cell = item(row, std::max(0, firstVisibleColumn()));
    return !cell || (cell->flags() & Qt::ItemIsEnabled);
}

bool FormTableWidget::atEdge(bool next) const
{
    const QModelIndex current = currentIndex();
    if (!current.isValid() || rowCount() == 0)
        return true;
    // Greyed-out rows (the editor's extra hosts under SRV) cannot take the cursor.
    int last = rowCount() - 1;
    while (last > 0 && !rowEnabled(last))
        --last;
    int first = 0;
    while (first < last && !rowEnabled(first))
        ++first;
    if (next)
        return current.row() >= last && current.column() >= lastVisibleColumn();
    return current.row() <= first && current.column() <= firstVisibleColumn();
}

bool FormTableWidget::focusNextPrevChild(bool next)
{
    // Entering the table by Tab lands on the first (or, backwards, the last) cell; leaving
    // it skips QAbstractItemView, which would wrap around to the other end.
    if (atEdge(next))
        return QWidget::focusNextPrevChild(next);
    return QTableWidget::focusNextPrevChild(next);
}

void FormTableWidget::focusInEvent(QFocusEvent* event)
{
    // Tabbing in starts at the first cell, Shift+Tab at the last, wherever the cursor was.
    if (rowCount() > 0 && event->reason() == Qt::TabFocusReason)
        setCurrentCell(0, firstVisibleColumn());
    else if (rowCount() > 0 && event->reason() == Qt::BacktabFocusReason)
        setCurrentCell(rowCount() - 1, lastVisibleColumn());
    QTableWidget::focusInEvent(event);
}

void FormTableWidget::closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint)
{
    const bool next = hint == QAbstractItemDelegate::EditNextItem;
    const bool previous = hint == QAbstractItemDelegate::EditPreviousItem;
    if ((next || previous) && atEdge(next)) {
        // The value is committed already; close the editor, then leave the table.
        QTableWidget::closeEditor(editor, QAbstractItemDelegate::NoHint);
        QWidget::focusNextPrevChild(next);
        return;
    }
    QTableWidget::closeEditor(editor, hint);
}

} // namespace Conclave::Gui
