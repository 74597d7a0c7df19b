// TreeEditCommand: one undoable change to the connection tree (create, edit, duplicate,
// move, delete, rename, import). It records the affected folders and connections as they
// were before and as they are after; undo and redo write one state or the other as one
// ChangeSet through ConnectionRepository::apply, so each is one transaction and the tree
// follows. A single class covers every kind of change, so undo always restores exactly
// what was there, ids included.
//
// Secrets of a deleted connection stay in the keychain while the delete can still be
// undone. When the undo stack drops the command, the connections that no longer exist in
// the state it leaves behind (deleted ones, or created ones whose creation was undone)
// are handed to the secret-drop callback, which removes their keychain entries.
#pragma once

#include "core/model/Connection.h"

#include <QList>
#include <QUndoCommand>
#include <QUuid>

#include <functional>

namespace Conclave::Core {
class ConnectionRepository;
}

namespace Conclave::Gui {

class TreeEditCommand final : public QUndoCommand
{
public:
    struct State
    {
        QList<Core::Folder> folders;
        QList<Core::Connection> connections;
    };
    using SecretDropper = std::function<void(const QList<QUuid>& connectionIds)>;

    // `before` and `after` list the same ids or a subset; an id present in one state and
    // absent in the other is created or removed.
    TreeEditCommand(Core::ConnectionRepository* repository, const QString& text, State before, State after,
                    SecretDropper dropSecrets = {});
    ~TreeEditCommand() override;
    Q_DISABLE_COPY_MOVE(TreeEditCommand)

    void undo() override;
    void redo() override;

    // False when the last undo/redo could not be applied (reported by the repository).
    bool succeeded() const { return m_succeeded; }

private:
    void applyState(const State& from, const State& to);

    Core::ConnectionRepository* m_repository;
    State m_before;
    State m_after;
    SecretDropper m_dropSecrets;
    bool m_done = false;
    bool m_succeeded = true;
};

} // namespace Conclave::Gui
