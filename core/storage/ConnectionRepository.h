// ConnectionRepository: the one owner of the local folders and connections. It holds them
// in memory over a ConnectionStore and is the only place that changes them: apply() checks
// a ChangeSet against the whole tree, writes it in one SQLite transaction and only then
// updates memory and announces it with changed(). A change that fails anywhere, at the
// check or in the middle of the transaction, leaves the database, the memory and every view
// as they were. Views (the tree model) follow the signals; the undo stack, imports and
// later the sync engine (origin Remote) all write through apply().
//
// Shared folders (Team Sharing) will be held here too, decrypted, in memory only: they are
// never written to the local database in plaintext, and signing out removes them with one
// Remote ChangeSet, which drops them from every view as well. A Connection is made of
// QStrings, and QString cannot promise that its text is gone: implicit sharing hands the
// same buffer to every copy, growing a string leaves the old buffer in freed heap, and
// nothing keeps the pages out of swap. That is acceptable because a Connection never holds a
// secret (passwords, keys and certificates stay in the keychain, per user, and are never
// part of a shared item): what sign-out drops here is metadata (names, hosts, notes),
// released rather than wiped. Keys and decrypted secrets live in SecureBytes only.
#pragma once

#include "core/model/Connection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/TrashedItem.h"
#include "core/util/Result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QUuid>

#include <memory>

namespace Conclave::Core {

class ConnectionStore;

class ConnectionRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionRepository)

public:
    // Opens the database at `path` and loads it. When it cannot be opened, the repository
    // is empty and read-only and openStatus() says why; the file is left as it is.
    static std::unique_ptr<ConnectionRepository> open(const QString& path, QObject* parent = nullptr);
    // Over an open store (loaded at once); null: empty and read-only.
    explicit ConnectionRepository(std::unique_ptr<ConnectionStore> store, QObject* parent = nullptr);
    ~ConnectionRepository() override;

    bool isReadOnly() const { return !m_store; }
    // Why the database could not be opened (ok when it was).
    const Status& openStatus() const { return m_openStatus; }
    // Why some rows could not be read at load (ok when all were); the repository is then empty.
    const Status& loadStatus() const { return m_loadStatus; }
    // The database file (the one that could not be opened, when read-only).
    const QString& path() const { return m_path; }

    const QHash<QUuid, Folder>& folderMap() const { return m_folders; }
    const QHash<QUuid, Connection>& connectionMap() const { return m_connections; }
    const Folder* folder(const QUuid& id) const;
    const Connection* connection(const QUuid& id) const;
    bool hasFolder(const QUuid& id) const { return m_folders.contains(id); }
    bool hasConnection(const QUuid& id) const { return m_connections.contains(id); }
    QList<Folder> folders() const { return m_folders.values(); }
    QList<Connection> connections() const { return m_connections.values(); }
    int folderCount() const { return int(m_folders.size()); }
    int connectionCount() const { return int(m_connections.size()); }

    // The Trash: everything deleted by the user and not emptied yet, by id.
    const QHash<QUuid, TrashedItem>& trashMap() const { return m_trash; }
    int trashCount() const { return int(m_trash.size()); }
    // The Trash as the user sees it: each delete's top items (a trashed folder stands for what
    // was deleted with it), newest first.
    QList<TrashedItem> trashEntries() const;
    // Everything that goes back when these entries are restored: the items with what was
    // deleted together with them, and the folders they were in where those are in the Trash
    // too; an item whose folder is gone for good goes to the top level. Not applied: the
    // caller applies it (so that it can be undone). Ids not in the Trash are ignored.
    ChangeSet restoreChange(const QList<QUuid>& trashIds) const;
    // Deletes everything in the Trash for good; the connections' ids are in dropFromTrash.
    ChangeSet emptyTrashChange() const;

    // True when `folderId` is `ancestorId` or lies below it.
    bool isWithin(const QUuid& folderId, const QUuid& ancestorId) const;
    // "Production / EU" for a folder, empty for the top level.
    QString folderPath(const QUuid& folderId) const;

    // Applies the whole change or nothing (see the top of this file). On success changed()
    // has been emitted with it before this returns; on failure changeRefused() has.
    Status apply(const ChangeSet& change);

Q_SIGNALS:
    // Memory and database hold `change` now. Upserts name the rows as they are after it.
    void changed(const Conclave::Core::ChangeSet& change);
    // A change was refused (invalid, read-only or a database failure); for the user.
    void changeRefused(const QString& message);
    // Something went into or out of the Trash.
    void trashChanged();

private:
    Status check(const ChangeSet& change) const;
    void load();

    std::unique_ptr<ConnectionStore> m_store;
    QString m_path;
    Status m_openStatus;
    Status m_loadStatus;
    QHash<QUuid, Folder> m_folders;
    QHash<QUuid, Connection> m_connections;
    QHash<QUuid, TrashedItem> m_trash;
};

} // namespace Conclave::Core
