// SharedCredentials: where a member keeps their own credentials for a shared connection.
// A shared item carries no user name or secret (core/model/SharedConnection); each member's
// own are entries of their keychain, service "Conclave", key
// "shared/<folderId>/<itemId>/<user|password|sshUser|sshPassphrase>" (SecretStore::writeEntry),
// so they never reach the shared folder, the server or Conclave's database.
#pragma once

#include <QString>
#include <QUuid>

#include <array>

class QObject;

namespace Conclave::Core {

class SecretStore;

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
    // Removes every field of one item (the item is gone, or its folder was wiped); nobody waits
    // for the answer, as an entry not there is what is wanted anyway.
    static void removeAll(SecretStore& store, const QUuid& folderId, const QUuid& itemId, QObject* context);
};

} // namespace Conclave::Core
