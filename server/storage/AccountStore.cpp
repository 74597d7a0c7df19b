// The users table.
#include "server/storage/AccountStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

const QString kUserColumns = QStringLiteral(
    "id, email, name, auth_key_hash, kdf_salt, kdf_ops, kdf_mem, wrapped_account_key, key_bundle, "
    "wrapped_private_keys, verified, created_at");
const QString kSelectUser =
    QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(", identity_key FROM users WHERE ");

UserRecord readUser(const QSqlQuery& q)
{
    const SqlRow row(q);
    UserRecord user;
    user.id = row.text("id");
    user.email = row.text("email");
    user.name = row.text("name");
    user.authKeyHash = row.bytes("auth_key_hash");
    user.kdfSalt = row.bytes("kdf_salt");
    user.kdfOps = row.integer("kdf_ops");
    user.kdfMemBytes = row.integer("kdf_mem");
    user.wrappedAccountKey = row.bytes("wrapped_account_key");
    user.keyBundle = row.bytes("key_bundle");
    user.wrappedPrivateKeys = row.bytes("wrapped_private_keys");
    user.identityKey = row.bytes("identity_key");
    user.verified = row.integer("verified") != 0;
    user.createdAtMs = row.integer("created_at");
    return user;
}

} // namespace

Status AccountStore::insertUser(const UserRecord& u)
{
    return runStatus(QStringLiteral("INSERT INTO users (") + kUserColumns +
                         QStringLiteral(", domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {u.id, u.email, u.name, blob(u.authKeyHash), blob(u.kdfSalt), u.kdfOps, u.kdfMemBytes,
                      blob(u.wrappedAccountKey), blob(u.keyBundle), blob(u.wrappedPrivateKeys),
                      u.verified ? 1 : 0, u.createdAtMs, u.domain()});
}

Result<std::optional<UserRecord>> AccountStore::userByEmail(const QString& email)
{
    return firstRow(kSelectUser + QStringLiteral("email = ?"), {email}, readUser);
}

Result<std::optional<UserRecord>> AccountStore::userById(const QString& id)
{
    return firstRow(kSelectUser + QStringLiteral("id = ?"), {id}, readUser);
}

Status AccountStore::setUserVerified(const QString& userId, bool verified)
{
    // ever_verified keeps accounts that must re-verify after a block out of the unverified purge.
    return runStatus(QStringLiteral("UPDATE users SET verified = ?, ever_verified = "
                                    "CASE WHEN ? = 1 THEN 1 ELSE ever_verified END WHERE id = ?"),
                     {verified ? 1 : 0, verified ? 1 : 0, userId});
}

Status AccountStore::updateCredentials(const UserRecord& u)
{
    return runStatus(
        QStringLiteral("UPDATE users SET auth_key_hash = ?, kdf_salt = ?, kdf_ops = ?, "
                       "kdf_mem = ?, wrapped_account_key = ? WHERE id = ?"),
        {blob(u.authKeyHash), blob(u.kdfSalt), u.kdfOps, u.kdfMemBytes, blob(u.wrappedAccountKey), u.id});
}

Status AccountStore::updateKeys(const UserRecord& u)
{
    return runStatus(
        QStringLiteral(
            "UPDATE users SET key_bundle = ?, identity_key = ?, wrapped_private_keys = ? WHERE id = ?"),
        {blob(u.keyBundle), blob(u.identityKey), blob(u.wrappedPrivateKeys), u.id});
}

Result<int> AccountStore::purgeUnverifiedBefore(qint64 ms)
{
    return changedRows(QStringLiteral("DELETE FROM users WHERE verified = 0 AND ever_verified = 0 "
                                      "AND created_at < ?"),
                       {ms});
}

} // namespace Conclave::Server
