// TrashDialog: what the user deleted and has not emptied yet (View > Trash), as KeePassXC's
// recycle bin and 1Password's Recently Deleted keep it. Each delete's top items are listed
// (a folder stands for what was deleted with it) with where they were and when; Restore
// puts the chosen ones back where they were, Empty Trash deletes everything for good, with
// the connections' passwords and keys, after saying how much that is. The dialog only asks:
// the main window makes both changes (a restore is undoable, emptying is not).
#pragma once

#include "core/storage/TrashedItem.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QUuid>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Conclave::Core {
class ConnectionRepository;
}

namespace Conclave::Gui {

class TrashDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrashDialog)

public:
    // `repository` must outlive the dialog; the list follows its Trash.
    explicit TrashDialog(Core::ConnectionRepository* repository, QWidget* parent = nullptr);

    void setReadOnly(bool readOnly);
    // False when secrets last for this run only (no keychain): the dialog says so.
    void setSecretsPersistent(bool persistent);
    // The question asked before the Trash is emptied, with its counts.
    static QString emptyQuestion(const QHash<QUuid, Core::TrashedItem>& trash);

signals:
    void restoreRequested(const QList<QUuid>& trashIds);
    // Emitted once the user has confirmed.
    void emptyRequested();

private:
    void reload();
    void updateButtons();
    void askToEmpty();

    Core::ConnectionRepository* m_repository;
    QTreeWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_empty = nullptr;
    bool m_readOnly = false;
    bool m_secretsPersistent = true;
};

} // namespace Conclave::Gui
