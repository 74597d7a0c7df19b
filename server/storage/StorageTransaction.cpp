// The transaction scope over SqlDatabase's begin/commit/rollback.
#include "server/storage/StorageTransaction.h"

namespace Conclave::Server {

StorageTransaction::StorageTransaction(SqlDatabase& database)
    : m_database(database)
    , m_begun(database.beginTransaction())
    , m_open(m_begun.ok())
{}

StorageTransaction::~StorageTransaction()
{
    if (m_open)
        m_database.rollbackTransaction();
}

Core::Status StorageTransaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Core::Status() : m_begun;
    m_open = false;
    return m_database.commitTransaction();
}

} // namespace Conclave::Server
