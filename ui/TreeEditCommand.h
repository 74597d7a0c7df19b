// TreeEditCommand: one undoable change to the connection tree (create, edit, duplicate,
// move, delete, rename, import). It records the affected folders and connections as they
// were before and as they are after; undo and redo write one state or the other as one
// ChangeSet through ConnectionRepository::apply, so each is one transaction and the tree
// follows. A single class covers every kind of change, so undo always restores exactly
// what was there, ids included.
//
// A delete (and a restore from the Trash, its opposite) uses the Trash: what either
// direction removes goes to the Trash, and what it brings back comes out of it. Their
// secrets stay in the keychain until the Trash is emptied, so dropping such a command
// drops nothing. Any other command removes for good (undoing a creation or an import):
// when the undo stack drops it, the connections that no longer exist in the state it
// leaves behind are handed to the secret-drop callback, which removes their keychain
// entries.
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
    // After an undo or redo that took effect: the state now in place (the window selects it).
    using AppliedHandler = std::function<void(const State& now, const State& replaced)>;

    // `before` and `after` list the same ids or a subset; an id present in one state and
    // absent in the other is created or removed.
    TreeEditCommand(Core::ConnectionRepository* repository, const QString& text, State before, State after,
                    SecretDropper dropSecrets = {});

    // Removals go to the Trash and restored items come out of it (see the top of this file).
    void setUsesTrash(bool usesTrash) { m_usesTrash = usesTrash; }
    void setAppliedHandler(AppliedHandler handler) { m_applied = std::move(handler); }
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
    AppliedHandler m_applied;
    bool m_usesTrash = false;
    bool m_done = false;
    bool m_succeeded = true;
};

} // namespace Conclave::Gui
