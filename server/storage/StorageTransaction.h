// StorageTransaction: one database transaction as a scope, for every service write that takes
// more than one statement (a block with its session revocations, a password change with its
// new session). Leaving the scope without commit() rolls everything back, so an early
// `return error;` never leaves half a change behind.
//
// Transactions do not nest: while one is open on a database, a second StorageTransaction on it
// fails to begin (ok() is false, Internal error) and the outer one is untouched. A service
// method that opens a transaction therefore calls only single-statement store operations
// inside it, never another service method that opens its own.
#pragma once

#include "server/storage/SqlDatabase.h"

namespace Conclave::Server {

class StorageTransaction final
{
public:
    explicit StorageTransaction(SqlDatabase& database);
    ~StorageTransaction();
    Q_DISABLE_COPY_MOVE(StorageTransaction)

    // Whether the transaction began; write nothing when it did not.
    bool ok() const { return m_begun.ok(); }
    const Core::Error& error() const { return m_begun.error(); }
    // Makes every statement since the start permanent. A failed commit rolls back.
    [[nodiscard]] Core::Status commit();

private:
    SqlDatabase& m_database;
    Core::Status m_begun;
    bool m_open = false;
};

} // namespace Conclave::Server
