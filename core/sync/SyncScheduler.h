// SyncScheduler: decides when the signed-in account's SyncEngine reads the changes feed
// (DESIGN §4: another member's change shows within about a second, polling as fallback).
//
// - It owns a LiveChannel. A hint whose cursor is beyond the engine's stored feed cursor
//   starts SyncEngine::sync() at once, reading only the folders the feed names
//   (SyncScope::Named), with the feed page the hints carried (LiveChannel::carried(): no
//   feed request when it reaches the engine's cursor); hints that arrive while a sync runs
//   are coalesced into one follow-up, which runs only if the newest of them is still beyond
//   the cursor then.
//   Polls, reconnects and syncNow() also check every other folder (SyncScope::Everything).
// - Every time the socket opens (the first time and after each reconnect) one sync runs:
//   hints may have been lost while it was down. Every time it goes down, one poll runs at
//   once, so a server whose live route is blocked (a proxy without WebSocket support) is
//   still read without waiting for the timer.
// - Polling as fallback: every Timing::pollWhileDown (30 s) while the socket is down, every
//   Timing::pollWhileUp (5 min) while it is open, counted from the end of the last sync.
// - After each successful sync the engine's offline outbox is flushed when the engine has
//   one (SyncEngine::flushOutbox, detected at compile time).
// - Problems are reported once per streak, in words: offline() when the server cannot be
//   reached (with the seconds until the next try, for "offline, retrying in N s"), online()
//   when a sync succeeds again; syncFailed() once for a refusal of another kind.
// - Sign-out (AccountClient::signedOut) or stop() ends the channel and the timers; a sync
//   that is running finishes inside the engine and its answer is dropped.
//
// The engine and the account must outlive the scheduler (the composition root destroys the
// scheduler first).
#pragma once

#include "core/sync/LiveChannel.h"
#include "core/util/Result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Conclave::Core {

class AccountClient;
class SyncEngine;

class SyncScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncScheduler)

public:
    struct Timing
    {
        std::chrono::milliseconds pollWhileDown{30'000};
        std::chrono::milliseconds pollWhileUp{300'000};
        LiveChannel::Timing live;
    };

    SyncScheduler(SyncEngine& engine, AccountClient& account, QObject* parent = nullptr);
    ~SyncScheduler() override;

    // Before start(); tests shorten the intervals.
    void setTiming(const Timing& timing);
    const Timing& timing() const { return m_timing; }

    // The engine must be started. Opens the live channel and arms the polling timer.
    void start();
    void stop();
    // A sync now (the user asked to refresh), coalesced with one that runs.
    void syncNow();

    bool isRunning() const { return m_running; }
    bool isLive() const { return m_channel.isOpen(); }
    bool isSyncing() const { return m_syncing; }
    bool isOffline() const { return m_offline; }
    // Syncs started since construction (tests and benchmarks count them).
    int syncCount() const { return m_syncCount; }
    // Milliseconds until the next attempt to reach the server (a poll or the live channel).
    std::chrono::milliseconds nextAttemptIn() const;
    // Why the live socket is down, in words (empty while it is open or never tried).
    QString liveProblem() const { return m_liveProblem; }
    LiveChannel& channel() { return m_channel; }

signals:
    // A sync ended (successful or not).
    void synced(bool ok);
    // The server cannot be reached: `message` in words, the next try in `retryInSeconds`.
    // Once per streak, until online().
    void offline(const QString& message, int retryInSeconds);
    void online();
    // A sync failed for a reason other than the network (refused data, a denial); once per
    // distinct message until a sync succeeds.
    void syncFailed(const QString& message);
    // The live socket opened (true) or went down (false).
    void liveChanged(bool live);

private:
    enum class Why
    {
        Hint,     // only if the hinted cursor is still beyond the engine's
        Required, // reconnect, poll, the user
    };

    void request(Why why);
    void runSync(Why why);
    void finished(const Status& status);
    void afterSync();
    void armPoll();
    void onHint(quint64 cursor);
    void onOpened();
    void onClosed(const QString& reason);
    static bool isNetworkError(const Error& error);

    SyncEngine& m_engine;
    AccountClient& m_account;
    Timing m_timing;
    LiveChannel m_channel;
    QTimer m_pollTimer;
    bool m_running = false;
    bool m_syncing = false;
    bool m_again = false; // a required sync was asked for while one ran
    bool m_hintedWhileRunning = false;
    bool m_offline = false;
    bool m_wasLive = false;
    QString m_lastFailure;
    QString m_liveProblem;
    int m_syncCount = 0;
    // The context of the running sync: replaced by stop(), so a late answer is dropped.
    std::unique_ptr<QObject> m_syncContext;
};

} // namespace Conclave::Core
