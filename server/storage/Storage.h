// Storage: what the server keeps, as the one SQL database and a store per table group over it.
// It only builds and owns them; every operation is on a store, and a write across stores is
// made atomic with a StorageTransaction on database(). The composition root hands each
// service just the stores it needs. A new table group (folders, grants, items...) is a new
// store added here, never new methods on a shared class.
#pragma once

#include "server/storage/AccessStore.h"
#include "server/storage/AccountStore.h"
#include "server/storage/BlockStore.h"
#include "server/storage/ChangeStore.h"
#include "server/storage/OrganisationStore.h"
#include "server/storage/SessionStore.h"
#include "server/storage/SqlDatabase.h"
#include "server/storage/VerificationStore.h"
// Team Sharing
#include "server/storage/FolderStore.h"
#include "server/storage/GrantStore.h"
#include "server/storage/ItemStore.h"
#include "server/storage/MembershipStore.h"

#include <memory>

namespace Conclave::Server {

class Storage final
{
public:
    explicit Storage(std::unique_ptr<SqlDatabase> database);
    ~Storage();
    Q_DISABLE_COPY_MOVE(Storage)

    SqlDatabase& database() { return *m_database; }
    AccountStore& accounts() { return m_accounts; }
    VerificationStore& verifications() { return m_verifications; }
    SessionStore& sessions() { return m_sessions; }
    OrganisationStore& organisations() { return m_organisations; }
    BlockStore& blocks() { return m_blocks; }
    ChangeStore& changes() { return m_changes; }
    AccessStore& access() { return m_access; }
    // Team Sharing
    FolderStore& folders() { return m_folders; }
    MembershipStore& membership() { return m_membership; }
    GrantStore& grants() { return m_grants; }
    ItemStore& items() { return m_items; }

private:
    // Declared first: the stores refer to it and are destroyed before it.
    std::unique_ptr<SqlDatabase> m_database;
    AccountStore m_accounts;
    VerificationStore m_verifications;
    SessionStore m_sessions;
    OrganisationStore m_organisations;
    BlockStore m_blocks;
    ChangeStore m_changes;
    AccessStore m_access;
    // Team Sharing
    FolderStore m_folders;
    MembershipStore m_membership;
    GrantStore m_grants;
    ItemStore m_items;
};

} // namespace Conclave::Server
