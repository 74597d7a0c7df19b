// ConnectionImporter: turns pasted text or files into connections. Two sources: lists of
// URIs (one per line) and OpenSSH client configuration (~/.ssh/config). A bad line never
// stops an import: it is reported with its file and line number and the good ones are
// kept. Passwords found in URIs come back separately, in locked memory, for the keychain.
// Connections from URIs are named "<Kind> on <host>[:port][/database]" (suggestedName()),
// since a URI carries no name; ssh_config entries keep their Host alias.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <vector>

namespace Conclave::Core {

class ConnectionImporter final
{
public:
    struct Secret
    {
        QUuid connectionId;
        SecureBytes password;
    };

    struct Problem
    {
        QString file;   // empty for pasted text
        int line = 0;   // 1-based
        Error error;    // message says where ("Line 7: ", "<file>, line 7: ") and what is wrong
        QString reason; // what is wrong, without where: for views that show the place apart
    };

    struct Outcome
    {
        QList<Connection> connections;
        std::vector<Secret> passwords; // only for connections whose URI carried one
        QList<Problem> problems;
        QStringList skipped; // wildcard Host patterns and Match blocks, for the summary
    };

    // URIs, one per line; blank lines and lines starting with '#' are ignored. Imported
    // connections go into `folderId` (null: top level).
    static Outcome fromUriText(const QString& text, const QUuid& folderId = {});
    // Errors: Io when the file cannot be read; line problems are in the outcome.
    static Result<Outcome> fromUriFile(const QString& path, const QUuid& folderId = {});

    // OpenSSH client configuration: each named Host becomes an SSH connection (HostName,
    // Port, User; ProxyJump becomes the SSH tunnel, resolved through the file's own Host
    // entries). Wildcard patterns are skipped; Include is followed (relative paths from
    // `sshDir`, ~/.ssh by default). Values follow ssh's rule: the first one found wins.
    static Outcome fromSshConfigText(const QString& text, const QString& sshDir = {},
                                     const QUuid& folderId = {});
    static Result<Outcome> fromSshConfigFile(const QString& path = {}, const QUuid& folderId = {});
    // ~/.ssh/config
    static QString defaultSshConfigPath();

    // "PostgreSQL on db.example.com/orders", "MongoDB on localhost/app", "Redis on
    // cache:6380": the kind, the first host, its port when it is not the kind's default,
    // and the default database when there is one.
    static QString suggestedName(const Connection& connection);
    // Two connections with the same key reach the same server as the same user: same kind,
    // SRV or not, hosts (host names compared without case) and ports, user name and
    // default database. Options, TLS and names do not count. Used to flag duplicates.
    static QString duplicateKey(const Connection& connection);
};

} // namespace Conclave::Core
