// ConnectionExporter: writes folders and connections to a Conclave JSON file or a list of
// URIs, and reads that JSON file back. An export never holds a secret: connections carry
// none by design, URIs are written without passwords, and options that look like secrets
// are left out even if one slipped in.
#pragma once

#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Conclave::Core {

class ConnectionExporter final
{
public:
    // Bumped when the JSON layout changes incompatibly; readers refuse newer versions.
    static constexpr int kFormatVersion = 1;

    struct Contents
    {
        QList<Folder> folders;
        QList<Connection> connections;
        QList<Error> problems; // entries that were skipped or adjusted, `field` says where
    };

    static QByteArray toJson(const QList<Folder>& folders, const QList<Connection>& connections);
    // One URI per line, each after a "# name" comment line; ConnectionImporter reads it.
    static QString toUriList(const QList<Connection>& connections);

    // Write atomically (a failed write leaves any old file as it was). Errors: Io.
    static Status writeJson(const QString& path, const QList<Folder>& folders,
                            const QList<Connection>& connections);
    static Status writeUriList(const QString& path, const QList<Connection>& connections);

    // Reads a file written by toJson. Structural errors (not JSON, not ours) fail the whole
    // read: InvalidInput, or VersionTooNew for a newer format. A connection that fails
    // validation is skipped and reported in `problems`; the rest are kept.
    static Result<Contents> fromJson(const QByteArray& json);
    static Result<Contents> readJson(const QString& path);

    // Gives every folder and connection a new id (keeping the tree), so that importing a
    // file twice, or into the machine it came from, adds copies instead of overwriting.
    static void assignNewIds(Contents& contents);
};

} // namespace Conclave::Core
