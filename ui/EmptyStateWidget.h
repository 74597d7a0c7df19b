// EmptyStateWidget: what the main window shows on first run instead of an empty tree:
// "No connections yet" and the two ways to start, New connection and Import.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Conclave::Gui {

class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateWidget)

public:
    explicit EmptyStateWidget(QWidget* parent = nullptr);
    // Read-only mode (the database could not be opened): explain, offer nothing.
    void setReadOnly(bool readOnly);

signals:
    void newConnectionRequested();
    void importRequested();

private:
    QLabel* m_title;
    QLabel* m_text;
    QPushButton* m_new;
    QPushButton* m_import;
};

} // namespace Conclave::Gui
