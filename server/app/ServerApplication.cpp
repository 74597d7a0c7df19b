// Command-line entry of conclave-server.
#include "server/app/ServerApplication.h"

#include "server/app/AdminCommand.h"
#include "server/app/AuditCommand.h"
#include "server/app/OffsetFileClock.h"
#include "server/app/ServerLog.h"
#include "server/http/HttpLog.h"
#include "server/services/OutboxMailer.h"
#include "server/services/SmtpMailer.h"
#include "server/storage/StorageFactory.h"
#include "server/storage/StorageLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace Conclave::Server {

namespace {
int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}
} // namespace

ServerApplication::ServerApplication(QObject* parent)
    : QObject(parent)
{}

ServerApplication::~ServerApplication()
{
    // Services refer to the storage and key; tear down in reverse order of creation.
    m_api.reset();
    m_invitations.reset();
    m_items.reset();
    m_folders.reset();
    m_folderCache.reset();
    m_accounts.reset();
    m_orgs.reset();
    m_audit.reset();
    m_sessions.reset();
    m_feed.reset();
    m_live.reset();
    m_liveListener.reset();
    m_accessCache.reset();
    m_mailer.reset();
    m_storage.reset();
}

void ServerApplication::watchSignals()
{
    if (::pipe(s_signalPipe) != 0)
        return;
    m_signalNotifier = std::make_unique<QSocketNotifier>(s_signalPipe[0], QSocketNotifier::Read);
    connect(m_signalNotifier.get(), &QSocketNotifier::activated, this, [] {
        char byte;
        [[maybe_unused]] const auto read = ::read(s_signalPipe[0], &byte, 1);
        qCInfo(lcServerHttp) << "stopping on signal";
        QCoreApplication::quit();
    });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
}

int ServerApplication::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Conclave's self-hosted sync server.\n\n"
           "Commands:\n"
           "  serve            run the HTTP API (default 127.0.0.1:8443)\n"
           "  admin <action>   manage organisations, Team Sharing blocks and guests\n"
           "  audit <action>   verify the audit logs, sign a checkpoint, print the public key\n"
           "  routes           print the API routes this build serves\n"
           "  reasons          print the error reason codes the API answers with\n\n") +
        AdminCommand::usage() + AuditCommand::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("serve, admin, routes or reasons"));
    ServerConfig::addOptions(parser);
    AdminCommand::addOptions(parser);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));

    if (command == QLatin1String("routes")) {
        for (const QString& line : ApiServer::routeTable())
            out << line << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("reasons")) {
        for (const ApiReason reason : allReasons())
            out << reasonName(reason) << Qt::endl;
        return 0;
    }
    if (command != QLatin1String("serve") && command != QLatin1String("admin") &&
        command != QLatin1String("audit")) {
        err << tr("Unknown command. Run conclave-server --help to see the commands.") << Qt::endl;
        return 2;
    }

    auto config = ServerConfig::resolve(parser, QProcessEnvironment::systemEnvironment());
    if (!config) {
        err << config.error().message << Qt::endl;
        return 2;
    }
    m_config = config.value();
    if (auto ready = prepare(command == QLatin1String("serve")); !ready) {
        err << ready.error().message << Qt::endl;
        // Configuration mistakes exit with 2 like usage errors; failures of the machine with 1.
        return ready.error().code == Core::ErrorCode::InvalidInput ? 2 : 1;
    }
    if (command == QLatin1String("admin")) {
        if (positional.size() < 2) {
            err << AdminCommand::usage();
            return 2;
        }
        return AdminCommand::run(positional.at(1), parser, m_storage->organisations(), *m_orgs,
                                 *m_invitations, out, err);
    }
    if (command == QLatin1String("audit")) {
        if (positional.size() < 2) {
            err << AuditCommand::usage();
            return 2;
        }
        return AuditCommand::run(positional.at(1), parser, m_storage->audit(), *m_audit, out, err);
    }
    return serve();
}

Core::Status ServerApplication::prepare(bool forServing)
{
    QDir().mkpath(m_config.dataDir);
    QFile::setPermissions(m_config.dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ServerLog::install(forServing ? m_config.logDir : QString());
    if (!m_config.testClockFile.isEmpty()) {
        qCWarning(lcServerHttp) << "CONCLAVE_SERVER_TEST_CLOCK_FILE is set: the clock is under test control";
        m_testClock = std::make_unique<OffsetFileClock>(m_config.testClockFile);
        m_clock = m_testClock.get();
    } else {
        m_clock = &Core::Clock::system();
    }
    auto key = ServerKey::loadOrCreate(m_config.serverKeyFile);
    if (!key)
        return key.error();
    m_key.emplace(std::move(key.value()));
    auto created = StorageFactory::create(m_config.storageUrl, m_config.storagePassword);
    if (!created)
        return created.error();
    m_storage = std::move(created.value());
    if (auto opened = m_storage->database().open(); !opened)
        return opened;
    qCInfo(lcServerStore) << "storage" << m_storage->database().backendName() << "at schema version"
                          << m_storage->database().schemaVersion();
    if (m_config.smtp.host.isEmpty())
        m_mailer = std::make_unique<OutboxMailer>(m_config.outboxDir, m_config.smtp.from);
    else
        m_mailer = std::make_unique<SmtpMailer>(m_config.smtp);
    Storage& storage = *m_storage;
    m_accessCache = std::make_unique<AccessCache>(storage.access());
    m_live = std::make_unique<LiveHub>(storage.changes(), storage.database());
    m_feed = std::make_unique<FeedService>(storage.changes());
    m_sessions = std::make_unique<SessionService>(storage.sessions(), *m_key, *m_clock, m_config.limits,
                                                  *m_accessCache);
    m_sessions->setLiveHub(m_live.get());
    m_audit =
        std::make_unique<AuditService>(storage.database(), storage.audit(), *m_key, *m_clock, m_config.audit);
    m_orgs = std::make_unique<OrganisationService>(
        storage.database(), storage.organisations(), storage.blocks(), storage.accounts(), *m_sessions,
        *m_clock, storage.changes(), *m_live, *m_accessCache, *m_audit);
    m_accounts = std::make_unique<AccountService>(storage.database(), storage.accounts(),
                                                  storage.verifications(), *m_key, *m_clock, m_config.limits,
                                                  *m_sessions, *m_orgs, *m_mailer, *m_accessCache);
    // Another replica ended someone's access: its epoch moved already; drop ours at once.
    connect(m_live.get(), &LiveHub::accessChanged, this, [this] { m_accessCache->clear(); });
    // Team Sharing
    m_folderCache = std::make_unique<FolderCache>(storage.folders(), storage.membership(), storage.items());
    m_folders = std::make_unique<FolderService>(storage.database(), storage.folders(), storage.membership(),
                                                storage.grants(), storage.changes(), storage.accounts(),
                                                *m_orgs, *m_folderCache, *m_live, *m_clock, *m_audit);
    m_items = std::make_unique<ItemService>(storage.database(), *m_folders, storage.folders(),
                                            storage.items(), storage.grants(), *m_folderCache);
    m_live->setReadersOf([this](const QString& folderId) -> Core::Result<QStringList> {
        auto members = m_storage->folders().membersOf(folderId);
        if (!members)
            return members.error();
        QStringList readers;
        for (const FolderMemberRecord& member : members.value())
            readers.append(member.userId);
        return readers;
    });
    m_invitations = std::make_unique<InvitationService>(
        storage.database(), storage.invitations(), storage.folders(), storage.accounts(),
        storage.organisations(), storage.changes(), *m_live, *m_clock, *m_audit);
    return {};
}

int ServerApplication::serve()
{
    m_api = std::make_unique<ApiServer>(m_config.http, m_config.limits, *m_accounts, *m_sessions, *m_orgs,
                                        *m_folders, *m_items, *m_clock, *m_feed, *m_live, *m_invitations,
                                        *m_audit);
    if (m_storage->database().hasNotifications()) {
        // Live hints from other replicas arrive on a connection of their own, kept idle.
        auto listener = StorageFactory::create(m_config.storageUrl, m_config.storagePassword);
        if (!listener)
            return 1;
        m_liveListener = std::move(listener.value());
        if (auto opened = m_liveListener->database().open(); !opened) {
            QTextStream(stderr) << opened.error().message << Qt::endl;
            return 1;
        }
        if (auto relayed = m_live->relayFrom(m_liveListener->database()); !relayed) {
            QTextStream(stderr) << relayed.error().message << Qt::endl;
            return 1;
        }
    }
    auto port = m_api->listen();
    if (!port) {
        QTextStream(stderr) << port.error().message << Qt::endl;
        return 1;
    }
    if (!m_config.http.listenAddress.isLoopback())
        qCWarning(lcServerHttp)
            << "listening on a non-loopback address; put a TLS proxy in front (packaging/nginx)";
    qCInfo(lcServerHttp) << "listening on" << m_config.http.listenAddress.toString() << "port" << port.value()
                         << (m_config.http.tlsCertificate.isEmpty() ? "(http)" : "(https)");
    if (!m_config.portFile.isEmpty()) {
        QSaveFile file(m_config.portFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port.value()) + '\n') < 0 ||
            !file.commit()) {
            QTextStream(stderr) << tr("The port file cannot be written.") << Qt::endl;
            return 1;
        }
    }
    if (m_config.printPort) {
        QTextStream(stdout) << port.value() << Qt::endl;
    }
    (void)m_accounts->purgeUnverified();
    (void)m_folders->purgeExpired();
    connect(&m_purgeTimer, &QTimer::timeout, this, [this] {
        (void)m_accounts->purgeUnverified();
        (void)m_folders->purgeExpired();
        ServerLog::prune(m_config.logDir, 7);
    });
    m_purgeTimer.start(3600 * 1000);
    watchSignals();
    return QCoreApplication::exec();
}

} // namespace Conclave::Server
