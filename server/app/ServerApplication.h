// ServerApplication: the conclave-server command line — `serve` (the HTTP server),
// `admin <action>` (organisations and blocks), `routes` (the registered API routes, which a
// test compares with docs/api/openapi.yaml), `audit <action>` (verify, checkpoint, public-key),
// plus --help and --version.
#pragma once

#include "server/app/ServerConfig.h"
#include "server/http/ApiServer.h"
#include "server/services/AccessCache.h"
#include "server/services/AccountService.h"
#include "server/services/AuditService.h"
#include "server/services/FeedService.h"
#include "server/services/FolderCache.h"
#include "server/services/FolderService.h"
#include "server/services/InvitationService.h"
#include "server/services/ItemService.h"
#include "server/services/LiveHub.h"
#include "server/services/Mailer.h"
#include "server/services/OrganisationService.h"
#include "server/services/ServerKey.h"
#include "server/services/SessionService.h"
#include "server/storage/Storage.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QSocketNotifier;

namespace Conclave::Server {

class ServerApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerApplication)

public:
    explicit ServerApplication(QObject* parent = nullptr);
    ~ServerApplication() override;

    // Parses the arguments and runs the command; returns the exit code. `serve` returns
    // only after the event loop ends (SIGTERM or SIGINT).
    int run(const QStringList& arguments);

private:
    Core::Status prepare(bool forServing);
    int serve();
    void watchSignals();

    ServerConfig m_config;
    std::unique_ptr<Core::Clock> m_testClock;
    const Core::Clock* m_clock = nullptr;
    std::optional<ServerKey> m_key;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<Mailer> m_mailer;
    // Changes feed and live updates; the access cache under the sessions and gates.
    std::unique_ptr<AccessCache> m_accessCache;
    std::unique_ptr<LiveHub> m_live;
    std::unique_ptr<FeedService> m_feed;
    std::unique_ptr<Storage> m_liveListener; // PostgreSQL: the idle connection that LISTENs
    std::unique_ptr<SessionService> m_sessions;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<OrganisationService> m_orgs;
    std::unique_ptr<AccountService> m_accounts;
    // Team Sharing
    std::unique_ptr<FolderCache> m_folderCache;
    std::unique_ptr<FolderService> m_folders;
    std::unique_ptr<ItemService> m_items;
    std::unique_ptr<InvitationService> m_invitations;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<QSocketNotifier> m_signalNotifier;
    QTimer m_purgeTimer;
};

} // namespace Conclave::Server
