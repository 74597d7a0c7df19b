// LiveChannel: the live-update WebSocket to <server>/api/v1/live (DESIGN §7, protocol.md §11).
// The server sends only hints, text frames {"cursor": N} meaning "your feed reached at least
// N"; the channel passes each valid one on as hint() and leaves reading the feed to its user
// (SyncScheduler). A hint may also carry the feed page since the one before it
// ({"after": M, "changes": [...]}); the channel keeps the pages that follow one another as
// carried(), which the engine uses instead of a feed request when its cursor lies in that
// range. Nothing it receives is believed beyond what the feed itself would be.
//
// - The session token goes only into the upgrade request's Authorization header, never into
//   the URL, which is the API's server with its scheme turned into ws/wss.
// - The address passes the SharingGate first, like every request of ApiConnection (the
//   channel uses the gate of the API's GatedNetworkAccessManager and opens nothing when the
//   API has none), and https servers are reached over wss with Qt's certificate checks, which
//   are the ones ApiConnection relies on: no TLS error is ever ignored.
// - Frames are read defensively: a frame or message over kMaxFrameBytes closes the socket
//   (Qt refuses it before buffering it), binary frames and text that is not a hint are
//   ignored, and the warning logged for them carries no content and no id.
// - A ping every Timing::pingInterval must be answered (pong or any frame) within
//   Timing::pongTimeout, so a socket that died without a close (a sleeping laptop, a dropped
//   NAT entry) is noticed and opened again.
// - Closed or failed, it opens again after an exponential backoff with jitter (1 s, 2 s, 4 s
//   ... 60 s, each drawn between half and all of its step); a session the server closed
//   (4401, 4403) waits the longest step. stop() ends it all (sign-out).
#pragma once

#include "core/sync/SharingApi.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QWebSocket;

namespace Conclave::Core {

class ApiConnection;
class SharingGate;

class LiveChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChannel)

public:
    static constexpr const char* kPath = "/api/v1/live";
    // A hint is a few dozen bytes, one with its page a few hundred; anything larger is not one.
    static constexpr qint64 kMaxFrameBytes = 4096;
    // The server's close codes (protocol.md §11).
    static constexpr int kCloseUnauthenticated = 4401;
    static constexpr int kCloseRefused = 4403;

    struct Timing
    {
        std::chrono::milliseconds minBackoff{1000};
        std::chrono::milliseconds maxBackoff{60'000};
        std::chrono::milliseconds pingInterval{25'000};
        std::chrono::milliseconds pongTimeout{10'000};
        // From open() to the upgrade's answer.
        std::chrono::milliseconds handshakeTimeout{15'000};
    };

    enum class State
    {
        Stopped,
        Connecting,
        Open,
        Waiting, // closed or failed; opens again when the backoff ends
    };
    Q_ENUM(State)

    // `api` (its server, token and gate) must outlive the channel.
    explicit LiveChannel(ApiConnection& api, QObject* parent = nullptr);
    ~LiveChannel() override;

    void setTiming(const Timing& timing) { m_timing = timing; }
    const Timing& timing() const { return m_timing; }
    // The path on the API's server; tests point it at one the server refuses.
    void setPath(const QString& path) { m_path = path; }

    // For tampering tests only (the app never sets it): runs on every text frame that is a
    // JSON object before it is read, as a hostile server or proxy would change it.
    void setTamper(SharingApi::Tamper tamper) { m_tamper = std::move(tamper); }

    // Opens the socket (and keeps it open) until stop().
    void start();
    void stop();

    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    // Failed or closed attempts since the socket was last open.
    int failures() const { return m_failures; }
    // How long until the next attempt while Waiting (0 otherwise).
    std::chrono::milliseconds retryIn() const;
    // The highest cursor hinted since start(); 0 before the first hint.
    quint64 latestHint() const { return m_latestHint; }
    // The feed pages hints carried, joined while each starts where the one before it ended;
    // nullopt before the first and while they do not reach the newest hint.
    std::optional<SharingApi::CarriedPage> carried() const;
    // Frames that were not hints (binary, bad JSON, a wrong value), for tests and diagnostics;
    // a hint whose page is not one counts too (its cursor is still a hint).
    int ignoredFrames() const { return m_ignoredFrames; }

    // The wait before attempt `failures` (1 for the first retry) with `random` in [0, 1]:
    // min(max, min * 2^(failures-1)), drawn between half and all of it, never below min.
    static std::chrono::milliseconds backoff(int failures, double random, const Timing& timing);
    struct Hint
    {
        quint64 cursor = 0;
        std::optional<SharingApi::CarriedPage> carried;
        bool carriedUnreadable = false; // "changes" or "after" were there and did not parse
    };
    // A hint frame, or nullopt for anything else (the whole text is checked).
    static std::optional<Hint> parseHint(const QString& message);

signals:
    void opened();
    void hint(quint64 cursor);
    // The socket closed or could not be opened; `reason` says why in words, the next attempt
    // is in `retryIn`. Emitted for every failed attempt: SyncScheduler reports a streak once.
    void closed(const QString& reason, std::chrono::milliseconds retryIn);

private:
    void open();
    void onConnected();
    void onText(const QString& message);
    void onBinary(const QByteArray& message);
    void onAlive();
    void onPingDue();
    void fail(const QString& reason, bool sessionEnded);
    void discardSocket();
    void ignore(const char* what);
    const SharingGate* gate() const;

    ApiConnection& m_api;
    Timing m_timing;
    QString m_path = QString::fromLatin1(kPath);
    State m_state = State::Stopped;
    std::unique_ptr<QWebSocket> m_socket;
    QTimer m_retryTimer;
    QTimer m_handshakeTimer;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    int m_failures = 0;
    quint64 m_latestHint = 0;
    std::optional<SharingApi::CarriedPage> m_carried;
    SharingApi::Tamper m_tamper;
    int m_ignoredFrames = 0;
    bool m_warnedThisConnection = false;
};

} // namespace Conclave::Core
