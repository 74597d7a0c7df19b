// The transaction scope over StorageBackend's begin/commit/rollback.
#include "server/storage/StorageTransaction.h"

namespace Conclave::Server {

StorageTransaction::StorageTransaction(StorageBackend& storage)
    : m_storage(storage)
    , m_begun(storage.beginTransaction())
    , m_open(m_begun.ok())
{}

StorageTransaction::~StorageTransaction()
{
    if (m_open)
        m_storage.rollbackTransaction();
}

Core::Status StorageTransaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Core::Status() : m_begun;
    m_open = false;
    return m_storage.commitTransaction();
}

} // namespace Conclave::Server
