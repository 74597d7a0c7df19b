// TrashedItem: a folder or a connection in the Trash. Deleting keeps what was deleted, as it
// was (its folder included), until the Trash is emptied, so a delete can be taken back after
// the undo history is gone or the app has quit; the keychain keeps its secrets that long too.
#pragma once

#include "core/model/Connection.h"

#include <QDateTime>

namespace Conclave::Core {

struct TrashedItem
{
    bool isFolder = false;
    Folder folder;         // when isFolder
    Connection connection; // otherwise
    QDateTime deletedAt;   // UTC; the items of one delete share it

    const QUuid& id() const { return isFolder ? folder.id : connection.id; }
    const QString& name() const { return isFolder ? folder.name : connection.name; }
    // The folder it was in (null: the top level); it may be in the Trash too, or gone.
    const QUuid& parentId() const { return isFolder ? folder.parentId : connection.folderId; }
};

} // namespace Conclave::Core
