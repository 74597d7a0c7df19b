// VerificationStore: the verifications table, at most one pending email code per user (a keyed
// hash of it, its expiry and the wrong attempts so far).
#pragma once

#include "server/storage/SqlStore.h"
#include "server/storage/StorageRecords.h"

#include <QStringList>

#include <optional>

namespace Conclave::Server {

class VerificationStore final : public SqlStore
{
public:
    explicit VerificationStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~VerificationStore() = default;
    Q_DISABLE_COPY_MOVE(VerificationStore)

    // Replaces any pending code of the user.
    Core::Status putVerification(const VerificationRecord& record);
    Core::Result<std::optional<VerificationRecord>> verification(const QString& userId);
    Core::Status incrementVerificationAttempts(const QString& userId);
    Core::Status deleteVerification(const QString& userId);
};

} // namespace Conclave::Server
