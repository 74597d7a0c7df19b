// ConnectionStore: the local SQLite database of folders and connections, under the
// platform's app-data folder. Schema-versioned with forward migrations; a corrupt file or
// one written by a newer version is reported and never overwritten. Holds no secret.
#pragma once

#include "core/model/Connection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/TrashedItem.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace Conclave::Core {

class ConnectionStore final
{
public:
    // Opens (creating if absent) the database at `path` and migrates it to the current
    // schema. Errors: Corrupt (not a database or failed integrity check), VersionTooNew,
    // Io. The file is left untouched on any error.
    static Result<std::unique_ptr<ConnectionStore>> open(const QString& path);
    // The default location: QStandardPaths::AppDataLocation + "/conclave.sqlite".
    static QString defaultPath();
    static int currentSchemaVersion();

    ~ConnectionStore();
    Q_DISABLE_COPY_MOVE(ConnectionStore)

    QString path() const;
    int schemaVersion() const;

    // Folders come ordered by sortOrder. Connections come in the order they were first
    // saved: the views sort within each folder, and sorting 10,000 rows in SQL first
    // would cost a tenth of the load time for nothing.
    Result<QList<Folder>> folders() const;
    Result<QList<Connection>> connections() const;
    Result<Connection> connection(const QUuid& id) const;
    // What is in the Trash, folders first, each in the order it was trashed.
    Result<QList<TrashedItem>> trash() const;

    Status saveFolder(const Folder& folder);             // insert or update
    Status removeFolder(const QUuid& id);                // and everything below it
    Status saveConnection(const Connection& connection); // insert or update; validates
    Status removeConnection(const QUuid& id);
    // Several upserts in one transaction.
    Status saveAll(const QList<Folder>& folders, const QList<Connection>& connections);
    // A whole change in one transaction: upserts (folders parents first), then removals.
    // Removing a row that is already gone is not an error. On any error nothing changed.
    // ConnectionRepository checks the change against the tree before it gets here.
    Status apply(const ChangeSet& change);

private:
    ConnectionStore();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Conclave::Core
