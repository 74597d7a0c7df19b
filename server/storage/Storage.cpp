// The stores over one database.
#include "server/storage/Storage.h"

namespace Conclave::Server {

Storage::Storage(std::unique_ptr<SqlDatabase> database)
    : m_database(std::move(database))
    , m_accounts(*m_database)
    , m_verifications(*m_database)
    , m_sessions(*m_database)
    , m_organisations(*m_database)
    , m_blocks(*m_database)
    , m_changes(*m_database)
    , m_access(*m_database)
    // Team Sharing
    , m_folders(*m_database)
    , m_membership(*m_database)
    , m_grants(*m_database)
    , m_items(*m_database)
{}

Storage::~Storage() = default;

} // namespace Conclave::Server
