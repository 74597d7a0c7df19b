// Connection, the unit a user keeps: everything needed to reach a database or SSH host,
// except secrets. Passwords, passphrases, private keys and client certificates are never
// fields here; they live in the keychain under SecretKind (core/keychain).
#pragma once

#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace Conclave::Core {

enum class ConnectionKind
{
    MongoDB,
    PostgreSQL,
    MySQL,
    Redis,
    SSH
};

struct HostPort
{
    QString host; // name, IPv4 or IPv6 literal without brackets
    quint16 port = 0;
    friend bool operator==(const HostPort&, const HostPort&) = default;
};

struct TlsSettings
{
    bool enabled = false;
    QString caFile;                    // path to a CA bundle; empty = system store
    bool hasClientCertificate = false; // certificate and key themselves are in the keychain
    bool allowInvalidHostnames = false;
    friend bool operator==(const TlsSettings&, const TlsSettings&) = default;
};

enum class SshAuthMethod
{
    Password,
    PrivateKey
};

struct SshTunnel
{
    bool enabled = false;
    QString host;
    quint16 port = 22;
    QString user;
    SshAuthMethod auth = SshAuthMethod::Password;
    friend bool operator==(const SshTunnel&, const SshTunnel&) = default;
};

using ConnectionOption = QPair<QString, QString>;

struct Connection
{
    QUuid id;
    QUuid folderId; // null: top level
    QString name;
    ConnectionKind kind = ConnectionKind::PostgreSQL;
    bool srv = false; // mongodb+srv: hosts[0] is the SRV name
    QList<HostPort> hosts;
    QString username;
    QString defaultDatabase;
    QList<ConnectionOption> options; // ordered, e.g. authSource, replicaSet, sslmode
    TlsSettings tls;
    SshTunnel ssh; // for kind SSH, the host itself is hosts[0]; ssh.* is a jump tunnel
    QString color; // #rrggbb or empty
    QStringList tags;
    QString notes;
    int sortOrder = 0;
    QDateTime created;
    QDateTime modified;

    friend bool operator==(const Connection&, const Connection&) = default;
};

struct Folder
{
    QUuid id;
    QUuid parentId; // null: top level
    QString name;
    int sortOrder = 0;
    friend bool operator==(const Folder&, const Folder&) = default;
};

// Display name ("PostgreSQL"), URI scheme ("postgresql") and default port of each kind.
QString kindDisplayName(ConnectionKind kind);
QString kindScheme(ConnectionKind kind);
quint16 kindDefaultPort(ConnectionKind kind);
QList<ConnectionKind> allKinds();

// True for option names that carry a secret (password=, sslpassword=, ...token=, ...).
// Such options never enter a Connection: URIs hand them back as the password or drop
// them, and validateConnection refuses them, so they cannot reach the database or an
// export.
bool isSecretOption(const QString& key, const QString& value = {});

// Checks a connection before it is saved; the error names the field at fault
// (Error::field is "name", "hosts", "hosts[1].port", "ssh.host", ...).
Status validateConnection(const Connection& connection);

} // namespace Conclave::Core
