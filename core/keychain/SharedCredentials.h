// SharedCredentials: where a member keeps their own credentials for a shared connection.
// A shared item carries no user name or secret (core/model/SharedConnection); each member's
// own are entries of their keychain, service "Conclave", key
// "shared/<folderId>/<itemId>/<user|password|sshUser|sshPassphrase>" (SecretStore::writeEntry),
// so they never reach the shared folder, the server or Conclave's database.
#pragma once

#include <QString>
#include <QUuid>

#include <array>

namespace Conclave::Core {

enum class SharedCredential
{
    User,
    Password,
    SshUser,
    SshPassphrase,
};

struct SharedCredentials
{
    static constexpr std::array<SharedCredential, 4> kAll = {
        SharedCredential::User, SharedCredential::Password, SharedCredential::SshUser,
        SharedCredential::SshPassphrase};
    // The stable field name in the entry key ("user", "password", "sshUser", "sshPassphrase").
    static QString fieldName(SharedCredential field);
    static QString entryKey(const QUuid& folderId, const QUuid& itemId, SharedCredential field);
};

} // namespace Conclave::Core
