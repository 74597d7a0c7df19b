// SecretKind: which secret of a connection an entry holds. The names are stable: they are part
// of every keychain entry key ("connection/<uuid>/<name>") and must never change.
#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Conclave::Core {

enum class SecretKind
{
    Password,          // the database or SSH login password
    SshPassword,       // password of the SSH tunnel's user
    SshPassphrase,     // passphrase of the SSH tunnel's private key
    SshPrivateKey,     // the SSH private key itself (PEM/OpenSSH bytes)
    ClientCertificate, // TLS client certificate (PEM or DER)
    ClientKey,         // TLS client private key
};

inline constexpr std::array<SecretKind, 6> kAllSecretKinds = {
    SecretKind::Password,      SecretKind::SshPassword,       SecretKind::SshPassphrase,
    SecretKind::SshPrivateKey, SecretKind::ClientCertificate, SecretKind::ClientKey,
};

// Stable machine name ("password", "ssh-password", ...); empty for a value outside the enum.
QString secretKindName(SecretKind kind);
// The inverse of secretKindName(); nullopt for an unknown name.
std::optional<SecretKind> secretKindFromName(const QString& name);
// Translated name for people ("SSH key passphrase").
QString secretKindDisplayName(SecretKind kind);
// True for the values declared above (guards against casts from stored integers).
bool isValidSecretKind(SecretKind kind);

} // namespace Conclave::Core
