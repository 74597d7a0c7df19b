// Names of secret kinds: stable ones for keychain entry keys, translated ones for people.
#include "core/keychain/SecretKind.h"

#include <QCoreApplication>

namespace Conclave::Core {

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return QStringLiteral("password");
    case SecretKind::SshPassword:
        return QStringLiteral("ssh-password");
    case SecretKind::SshPassphrase:
        return QStringLiteral("ssh-passphrase");
    case SecretKind::SshPrivateKey:
        return QStringLiteral("ssh-private-key");
    case SecretKind::ClientCertificate:
        return QStringLiteral("client-certificate");
    case SecretKind::ClientKey:
        return QStringLiteral("client-key");
    }
    return {};
}

std::optional<SecretKind> secretKindFromName(const QString& name)
{
    for (SecretKind kind : kAllSecretKinds) {
        if (secretKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString secretKindDisplayName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return QCoreApplication::translate("SecretKind", "password");
    case SecretKind::SshPassword:
        return QCoreApplication::translate("SecretKind", "SSH password");
    case SecretKind::SshPassphrase:
        return QCoreApplication::translate("SecretKind", "SSH key passphrase");
    case SecretKind::SshPrivateKey:
        return QCoreApplication::translate("SecretKind", "SSH private key");
    case SecretKind::ClientCertificate:
        return QCoreApplication::translate("SecretKind", "TLS client certificate");
    case SecretKind::ClientKey:
        return QCoreApplication::translate("SecretKind", "TLS client key");
    }
    return QCoreApplication::translate("SecretKind", "unknown secret");
}

bool isValidSecretKind(SecretKind kind)
{
    return !secretKindName(kind).isEmpty();
}

} // namespace Conclave::Core
