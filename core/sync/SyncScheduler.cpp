// When the sync engine reads the feed; see the header.
#include "core/sync/SyncScheduler.h"

#include "core/sync/AccountClient.h"
#include "core/sync/SyncEngine.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::SyncScheduler)
};

int secondsUp(std::chrono::milliseconds ms)
{
    return int((ms.count() + 999) / 1000);
}

} // namespace

SyncScheduler::SyncScheduler(SyncEngine& engine, AccountClient& account, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_account(account)
    , m_channel(account.api())
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { request(Why::Required); });
    connect(&m_channel, &LiveChannel::hint, this, &SyncScheduler::onHint);
    connect(&m_channel, &LiveChannel::opened, this, &SyncScheduler::onOpened);
    connect(&m_channel, &LiveChannel::closed, this,
            [this](const QString& reason, std::chrono::milliseconds) { onClosed(reason); });
    connect(&m_account, &AccountClient::signedOut, this, &SyncScheduler::stop);
}

SyncScheduler::~SyncScheduler()
{
    stop();
}

void SyncScheduler::setTiming(const Timing& timing)
{
    m_timing = timing;
    m_channel.setTiming(timing.live);
}

void SyncScheduler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_offline = false;
    m_wasLive = false;
    m_lastFailure.clear();
    // The first sync runs when the socket opens, or at once if it cannot be opened.
    m_channel.start();
    armPoll();
}

void SyncScheduler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_channel.stop();
    m_pollTimer.stop();
    m_syncContext.reset(); // a running sync's answer is dropped
    m_syncing = false;
    m_again = false;
    m_hintedWhileRunning = false;
    if (m_wasLive) {
        m_wasLive = false;
        emit liveChanged(false);
    }
}

void SyncScheduler::syncNow()
{
    request(Why::Required);
}

std::chrono::milliseconds SyncScheduler::nextAttemptIn() const
{
    std::chrono::milliseconds next(m_pollTimer.isActive() ? std::max(0, m_pollTimer.remainingTime()) : 0);
    if (m_channel.state() == LiveChannel::State::Waiting)
        next = std::min(next, m_channel.retryIn());
    return next;
}

void SyncScheduler::armPoll()
{
    if (m_running)
        m_pollTimer.start(m_channel.isOpen() ? m_timing.pollWhileUp : m_timing.pollWhileDown);
}

void SyncScheduler::onHint(quint64 cursor)
{
    if (!m_running)
        return;
    qCDebug(lcCoreSync) << "live hint" << cursor << "engine at" << m_engine.feedCursor();
    if (m_syncing) {
        m_hintedWhileRunning = true;
        return;
    }
    if (cursor > m_engine.feedCursor())
        request(Why::Hint);
}

void SyncScheduler::onOpened()
{
    if (!m_running)
        return;
    m_liveProblem.clear();
    if (!m_wasLive) {
        m_wasLive = true;
        emit liveChanged(true);
    }
    // Hints sent while the socket was down are lost: read the feed once.
    request(Why::Required);
}

void SyncScheduler::onClosed(const QString& reason)
{
    if (!m_running)
        return;
    m_liveProblem = reason;
    if (m_wasLive || m_channel.failures() == 1) {
        // The first failure of a streak: poll at once (the feed may be reachable without the
        // socket) and from now on on the short interval.
        qCInfo(lcCoreSync) << "live updates unavailable; polling";
        request(Why::Required);
    }
    if (m_wasLive) {
        m_wasLive = false;
        emit liveChanged(false);
    }
    // A poll already due stays due: the socket's retries must not keep pushing it away.
    if (!m_syncing && !m_pollTimer.isActive())
        armPoll();
}

void SyncScheduler::request(Why why)
{
    if (!m_running)
        return;
    if (m_syncing) {
        if (why == Why::Required)
            m_again = true;
        else
            m_hintedWhileRunning = true;
        return;
    }
    runSync(why);
}

void SyncScheduler::runSync(Why why)
{
    m_syncing = true;
    m_again = false;
    m_hintedWhileRunning = false;
    m_pollTimer.stop();
    ++m_syncCount;
    m_syncContext = std::make_unique<QObject>();
    QObject* context = m_syncContext.get();
    // A hint's sync reads the folders the feed names; polls and reconnects also check the
    // others (a hint the server withheld is found there, protocol.md §11.1).
    // A hint's sync also takes the feed page the hints carried (no feed request when it
    // reaches the engine's cursor; LiveChannel offers one only when it reaches the newest hint).
    const SyncEngine::SyncScope scope =
        why == Why::Hint ? SyncEngine::SyncScope::Named : SyncEngine::SyncScope::Everything;
    const std::optional<SharingApi::CarriedPage> carried =
        why == Why::Hint ? m_channel.carried() : std::nullopt;
    m_engine.sync(
        context,
        [this, context](Status status) {
            if (!status)
                return finished(status);
            // Every time, not only with writes waiting: drafts kept at a sign-out count apart.
            m_engine.flushOutbox(context, [this](Status flushed) {
                if (!flushed)
                    qCInfo(lcCoreSync) << "outbox not flushed:" << errorCodeName(flushed.error().code);
                finished({});
            });
        },
        scope, carried);
}

bool SyncScheduler::isNetworkError(const Error& error)
{
    return error.code == ErrorCode::Network || error.code == ErrorCode::Timeout ||
           error.code == ErrorCode::Unavailable;
}

void SyncScheduler::finished(const Status& status)
{
    m_syncing = false;
    m_syncContext.reset();
    if (status) {
        m_lastFailure.clear();
        if (m_offline) {
            m_offline = false;
            qCInfo(lcCoreSync) << "sharing server reachable again";
            emit online();
        }
    } else if (isNetworkError(status.error())) {
        if (!m_offline) {
            m_offline = true;
            // Said once; the log line carries the code only.
            qCWarning(lcCoreSync) << "sync failed:" << errorCodeName(status.error().code) << "; retrying";
            const std::chrono::milliseconds retry =
                m_channel.isOpen() ? m_timing.pollWhileUp : m_timing.pollWhileDown;
            const std::chrono::milliseconds live =
                m_channel.state() == LiveChannel::State::Waiting ? m_channel.retryIn() : retry;
            emit offline(status.error().message, secondsUp(std::min(retry, live)));
        }
    } else if (status.error().message != m_lastFailure) {
        m_lastFailure = status.error().message;
        qCWarning(lcCoreSync) << "sync failed:" << errorCodeName(status.error().code);
        emit syncFailed(status.error().message);
    }
    emit synced(status.ok());
    afterSync();
}

void SyncScheduler::afterSync()
{
    if (!m_running)
        return;
    if (m_again)
        return runSync(Why::Required);
    if (m_hintedWhileRunning && m_channel.latestHint() > m_engine.feedCursor())
        return runSync(Why::Hint);
    m_hintedWhileRunning = false;
    armPoll();
}

} // namespace Conclave::Core
