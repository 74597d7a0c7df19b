// ConnectionDetailsPane: the right-hand side of the main window. For a selected connection
// it shows kind, hosts, database, user, TLS, tunnel, tags and notes, with buttons for the
// common actions; for a folder, its path and how much it holds; otherwise a hint. For an
// item of a shared folder also the user's role there and who created and last changed it,
// and for a conflict copy a sentence naming the original.
#pragma once

#include "core/model/Connection.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace Conclave::Gui {

class ConnectionDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDetailsPane)

public:
    explicit ConnectionDetailsPane(QWidget* parent = nullptr);

    void showConnection(const Core::Connection& connection, const QString& folderPath);
    void showFolder(const QString& name, const QString& path, int folders, int connections);
    void showNothing();
    // After showConnection / showFolder for an item of a shared folder: the folder and the
    // user's role in it, who created the item and who changed it last (each "" to hide).
    void showSharing(const QString& role, const QString& created, const QString& changed);
    // After showConnection for a conflict copy: what ConnectionTreeModel::conflictText says
    // ("" hides it).
    void showConflict(const QString& text);
    // The buttons trigger these actions (owned by the main window).
    void setActions(QAction* open, QAction* test, QAction* edit, QAction* copyUri);

private:
    QLabel* addRow(const QString& label, const QString& objectName);
    void setRow(QLabel* value, const QString& text);

    QStackedWidget* m_stack;
    QLabel* m_hint;
    QWidget* m_page;
    QGridLayout* m_form;
    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_conflict;
    QLabel* m_kind;
    QLabel* m_hosts;
    QLabel* m_database;
    QLabel* m_user;
    QLabel* m_tls;
    QLabel* m_ssh;
    QLabel* m_tags;
    QLabel* m_folder;
    QLabel* m_notes;
    QLabel* m_sharedRole;
    QLabel* m_createdBy;
    QLabel* m_changedBy;
    QWidget* m_buttons;
    QPushButton* m_open;
    QPushButton* m_test;
    QPushButton* m_edit;
    QPushButton* m_copy;
};

} // namespace Conclave::Gui
