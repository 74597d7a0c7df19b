// FormTableWidget: a small table that sits in a form (the editor's hosts and options).
// Tab and Shift+Tab move from cell to cell as in any table, but at the last cell Tab leaves
// the table for the next field, and at the first cell Shift+Tab leaves it for the previous
// one. QTableView wraps around instead, so typing on after the last cell overwrote the
// first one.
#pragma once

#include <QTableWidget>

namespace Conclave::Gui {

class FormTableWidget final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormTableWidget)

public:
    FormTableWidget(int rows, int columns, QWidget* parent = nullptr);

protected:
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent* event) override;
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    // True when Tab (next) or Shift+Tab (!next) from the current cell must leave the table.
    bool atEdge(bool next) const;
    bool rowEnabled(int row) const;
    int firstVisibleColumn() const;
    int lastVisibleColumn() const;
};

} // namespace Conclave::Gui
