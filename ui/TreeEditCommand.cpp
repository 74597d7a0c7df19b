// TreeEditCommand: see the header.
#include "ui/TreeEditCommand.h"

#include "core/storage/ConnectionRepository.h"

#include <QSet>

namespace Conclave::Gui {

using namespace Conclave::Core;

TreeEditCommand::TreeEditCommand(ConnectionRepository* repository, const QString& text, State before,
                                 State after, SecretDropper dropSecrets)
    : QUndoCommand(text)
    , m_repository(repository)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_dropSecrets(std::move(dropSecrets))
{}

TreeEditCommand::~TreeEditCommand()
{
    if (!m_dropSecrets || m_usesTrash)
        return;
    const State& current = m_done ? m_after : m_before;
    const State& other = m_done ? m_before : m_after;
    QSet<QUuid> present;
    for (const Connection& c : current.connections)
        present.insert(c.id);
    QList<QUuid> gone;
    for (const Connection& c : other.connections) {
        if (!present.contains(c.id))
            gone.append(c.id);
    }
    if (!gone.isEmpty())
        m_dropSecrets(gone);
}

void TreeEditCommand::applyState(const State& from, const State& to)
{
    QSet<QUuid> targetFolders;
    QSet<QUuid> targetConnections;
    for (const Folder& f : to.folders)
        targetFolders.insert(f.id);
    for (const Connection& c : to.connections)
        targetConnections.insert(c.id);
    ChangeSet change;
    change.origin = ChangeOrigin::Local;
    change.upsertFolders = to.folders;
    change.upsertConnections = to.connections;
    for (const Folder& f : from.folders) {
        if (!targetFolders.contains(f.id))
            change.removeFolders.append(f.id);
    }
    for (const Connection& c : from.connections) {
        if (!targetConnections.contains(c.id))
            change.removeConnections.append(c.id);
    }
    if (m_usesTrash) {
        change.removeToTrash = true;
        change.dropFromTrash = QList<QUuid>(targetFolders.cbegin(), targetFolders.cend()) +
                               QList<QUuid>(targetConnections.cbegin(), targetConnections.cend());
    }
    m_succeeded = m_repository->apply(change).ok();
    if (m_succeeded && m_applied)
        m_applied(to, from);
}

void TreeEditCommand::redo()
{
    applyState(m_before, m_after);
    m_done = m_succeeded;
    // A change the store refused must not sit on the stack pretending to be done.
    setObsolete(!m_succeeded);
}

void TreeEditCommand::undo()
{
    applyState(m_after, m_before);
    m_done = !m_succeeded;
    setObsolete(!m_succeeded);
}

} // namespace Conclave::Gui
