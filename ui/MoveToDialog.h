// MoveToDialog: "Move To…", the keyboard's way to move connections and folders (drag and drop
// needs the mouse). It lists the top level and every folder by its path, sorted as the tree
// sorts names, without the folders being moved and what lies below them (a folder cannot go
// into itself); typing jumps to a folder. The main window makes the move, as one undoable
// step, as a drop would. Shared folders (and their sub-folders) are listed after the local
// ones with the shared-folder icon; a place the selection cannot go to is shown greyed, with
// the reason as its tooltip (a shared item never leaves its shared folder).
#pragma once

#include "core/model/Connection.h"

#include <QDialog>
#include <QList>
#include <QSet>
#include <QUuid>

class QComboBox;

namespace Conclave::Gui {

class MoveToDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoveToDialog)

public:
    // A folder of a shared folder (or the shared folder itself) offered as a target.
    struct SharedPlace
    {
        QUuid id;
        QString path;    // "Team DBs / EU"
        QString refusal; // not empty: shown greyed, with this as its tooltip
    };
    struct Places
    {
        QList<SharedPlace> shared;
        QString localRefusal; // not empty: the top level and every local folder are greyed with it
    };

    // `excluded`: folders that cannot be the target (those moved and their subfolders);
    // `current`: the folder shown first (where the items are now).
    MoveToDialog(const QList<Core::Folder>& folders, const QSet<QUuid>& excluded, const QUuid& current,
                 int itemCount, QWidget* parent = nullptr, const Places& places = {});

    // The chosen folder; null: the top level.
    QUuid targetFolder() const;
    // True when the chosen folder is one of the shared places.
    bool targetIsShared() const;

private:
    QComboBox* m_target = nullptr;
};

} // namespace Conclave::Gui
