// AccountStore: the users table. An account's address, display name, login verifier (a keyed
// hash of the auth key), KDF parameters, wrapped account key and published keys. insertUser
// reports AlreadyExists for a taken address, updateKeys for an identity key another account
// has published (the column is unique).
#pragma once

#include "server/storage/SqlStore.h"
#include "server/storage/StorageRecords.h"

#include <QStringList>

#include <optional>

namespace Conclave::Server {

class AccountStore final : public SqlStore
{
public:
    explicit AccountStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~AccountStore() = default;
    Q_DISABLE_COPY_MOVE(AccountStore)

    Core::Status insertUser(const UserRecord& user);
    Core::Result<std::optional<UserRecord>> userByEmail(const QString& email);
    Core::Result<std::optional<UserRecord>> userById(const QString& id);
    Core::Status setUserVerified(const QString& userId, bool verified);
    Core::Status updateCredentials(const UserRecord& user); // hash, KDF, wrapped key
    // Bundle, identity key, wrapped keys; AlreadyExists when another account has the key.
    Core::Status updateKeys(const UserRecord& user);
    Core::Result<int> purgeUnverifiedBefore(qint64 ms);
};

} // namespace Conclave::Server
