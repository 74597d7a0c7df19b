// The verifications table.
#include "server/storage/VerificationStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

Status VerificationStore::putVerification(const VerificationRecord& r)
{
    return runStatus(QStringLiteral("INSERT INTO verifications (user_id, code_hash, expires_at, attempts) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                                    "code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
                                    "attempts = excluded.attempts"),
                     {r.userId, blob(r.codeHash), r.expiresAtMs, r.attempts});
}

Result<std::optional<VerificationRecord>> VerificationStore::verification(const QString& userId)
{
    return firstRow(QStringLiteral("SELECT user_id, code_hash, expires_at, attempts FROM verifications "
                                   "WHERE user_id = ?"),
                    {userId}, [](const QSqlQuery& q) {
                        const SqlRow row(q);
                        return VerificationRecord{row.text("user_id"), row.bytes("code_hash"),
                                                  row.integer("expires_at"), int(row.integer("attempts"))};
                    });
}

Status VerificationStore::incrementVerificationAttempts(const QString& userId)
{
    return runStatus(QStringLiteral("UPDATE verifications SET attempts = attempts + 1 WHERE user_id = ?"),
                     {userId});
}

Status VerificationStore::deleteVerification(const QString& userId)
{
    return runStatus(QStringLiteral("DELETE FROM verifications WHERE user_id = ?"), {userId});
}

} // namespace Conclave::Server
