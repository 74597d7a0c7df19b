// ChangeSet: one change to the local folders and connections, applied as a whole or not at
// all by ConnectionRepository (one SQLite transaction). Every writer uses it: the window's
// edits and their undo, imports, and later the sync engine, whose changes arrive with
// origin Remote so that views and the undo stack can tell them from the user's own.
#pragma once

#include "core/model/Connection.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

namespace Conclave::Core {

enum class ChangeOrigin
{
    Local,  // the user, on this machine (edits, import, undo and redo of them)
    Remote, // the sync engine, from another member or device
};

struct ChangeSet
{
    ChangeOrigin origin = ChangeOrigin::Local;
    // Inserted or updated. Folders may come in any order: parents are written first.
    QList<Folder> upsertFolders;
    QList<Connection> upsertConnections;
    // Removed. A folder may only be removed together with everything it still holds.
    QList<QUuid> removeConnections;
    QList<QUuid> removeFolders;
    // The removed rows go to the Trash (as they were, stamped with trashedAt) instead of
    // being deleted for good. The user's deletes do this; undoing a creation does not.
    bool removeToTrash = false;
    QDateTime trashedAt; // UTC; ConnectionRepository sets it to now when it is not set
    // Taken out of the Trash: items this change restores (and upserts) or, when the Trash
    // is emptied, deletes for good. Ids not in the Trash are ignored.
    QList<QUuid> dropFromTrash;

    bool isEmpty() const
    {
        return upsertFolders.isEmpty() && upsertConnections.isEmpty() && removeConnections.isEmpty() &&
               removeFolders.isEmpty() && dropFromTrash.isEmpty();
    }
};

} // namespace Conclave::Core
