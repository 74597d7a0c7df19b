// FolderStore: the folders table (organisation, deletion, log length, key version and state
// sequence), the current members derived from the membership log (folder_members), the
// folder state chain (folder_states) and the key chain links (key_links). The advance*
// methods are compare-and-set on the folders row: they change it only from the value the
// caller read, so two writers on one folder (also in two server processes) cannot both win.
#pragma once

#include "server/storage/SharingRecords.h"
#include "server/storage/SqlStore.h"

#include <optional>

namespace Conclave::Server {

class FolderStore final : public SqlStore
{
public:
    explicit FolderStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~FolderStore() = default;
    Q_DISABLE_COPY_MOVE(FolderStore)

    Core::Status insertFolder(const FolderRecord& folder);
    Core::Result<std::optional<FolderRecord>> folder(const QString& folderId);
    // Takes the folder's row lock for the rest of the transaction (PostgreSQL; SQLite holds
    // the database's write lock from BEGIN IMMEDIATE anyway). Every write to a folder takes
    // it first, so what the write then reads of the folder (its row, log, state and items)
    // cannot change under it, even at READ COMMITTED with other server processes writing.
    Core::Status lockFolder(const QString& folderId);
    // Folders the user is a current member of, deleted ones included.
    Core::Result<QList<FolderRecord>> foldersOf(const QString& userId);
    // Sets log length and key version if the log length is still `fromLength`; false if not.
    Core::Result<bool> advanceLog(const QString& folderId, qint64 fromLength, qint64 toLength,
                                  qint64 keyVersion);
    // Sets the state sequence if it is still `fromSeq`; false if not.
    Core::Result<bool> advanceState(const QString& folderId, qint64 fromSeq, qint64 toSeq);
    Core::Result<bool> setDeleted(const QString& folderId, qint64 deletedAtMs);
    // Folders deleted before `cutoffMs` (their ids), for the purge.
    Core::Result<QStringList> deletedBefore(qint64 cutoffMs);
    Core::Status removeFolder(const QString& folderId);

    Core::Status putMember(const FolderMemberRecord& member);
    Core::Status removeMember(const QString& folderId, const QString& userId);
    Core::Result<std::optional<FolderMemberRecord>> member(const QString& folderId, const QString& userId);
    // The members with their addresses (joined from users), for the folder read and live hints.
    Core::Result<QList<FolderMemberRecord>> membersOf(const QString& folderId);

    Core::Status insertState(const FolderStateRecord& state);
    Core::Result<std::optional<FolderStateRecord>> state(const QString& folderId, qint64 seq);

    Core::Status insertKeyLink(const QString& folderId, qint64 keyVersion, const QByteArray& link);
    // Every chain link of the folder, by ascending key version.
    Core::Result<QList<QPair<qint64, QByteArray>>> keyLinks(const QString& folderId);
};

} // namespace Conclave::Server
