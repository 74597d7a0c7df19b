// The live-update WebSocket; see the header.
#include "core/sync/LiveChannel.h"

#include "core/crypto/SecureBytes.h"
#include "core/policy/GatedNetworkAccessManager.h"
#include "core/policy/SharingGate.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/SharingApi.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::LiveChannel)
};

} // namespace

LiveChannel::LiveChannel(ApiConnection& api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
    m_retryTimer.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &LiveChannel::open);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        fail(Tr::tr("The sharing server did not answer the live connection in time."), false);
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &LiveChannel::onPingDue);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcCoreSync) << "live connection: no answer to a ping; opening it again";
        fail(Tr::tr("The live connection to the sharing server stopped answering."), false);
    });
}

LiveChannel::~LiveChannel()
{
    stop();
}

std::chrono::milliseconds LiveChannel::backoff(int failures, double random, const Timing& timing)
{
    const qint64 min = std::max<qint64>(1, timing.minBackoff.count());
    const qint64 max = std::max(min, qint64(timing.maxBackoff.count()));
    const int doublings = std::clamp(failures - 1, 0, 30);
    const qint64 step = std::min(max, min << doublings);
    const double r = std::clamp(random, 0.0, 1.0);
    const qint64 drawn = step / 2 + qint64(std::llround(double(step - step / 2) * r));
    return std::chrono::milliseconds(std::clamp(drawn, min, max));
}

std::optional<LiveChannel::Hint> LiveChannel::parseHint(const QString& message)
{
    if (message.size() > kMaxFrameBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject json = doc.object();
    const QJsonValue cursor = json.value(QStringLiteral("cursor"));
    if (!cursor.isDouble())
        return std::nullopt;
    const double value = cursor.toDouble();
    // An exact integer in the feed's range (protocol.md §11: below 2^53).
    if (!std::isfinite(value) || value < 0 || value > double(SharingApi::kMaxSafeInteger) ||
        std::floor(value) != value)
        return std::nullopt;
    Hint hint;
    hint.cursor = quint64(value);
    if (json.contains(QStringLiteral("changes")) || json.contains(QStringLiteral("after"))) {
        Result<SharingApi::CarriedPage> carried = SharingApi::parseCarriedPage(json);
        if (carried)
            hint.carried = std::move(*carried);
        else
            hint.carriedUnreadable = true;
    }
    return hint;
}

std::optional<SharingApi::CarriedPage> LiveChannel::carried() const
{
    // A later hint without a page that follows (the cursor alone, or a page that did not
    // parse) means there is more than the kept page holds: read the feed.
    if (!m_carried || m_carried->page.cursor < m_latestHint)
        return std::nullopt;
    return m_carried;
}

const SharingGate* LiveChannel::gate() const
{
    const auto* gated = qobject_cast<const GatedNetworkAccessManager*>(&m_api.network());
    return gated ? &gated->gate() : nullptr;
}

std::chrono::milliseconds LiveChannel::retryIn() const
{
    if (m_state != State::Waiting || !m_retryTimer.isActive())
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::max(0, m_retryTimer.remainingTime()));
}

void LiveChannel::start()
{
    if (m_state != State::Stopped)
        return;
    m_failures = 0;
    m_latestHint = 0;
    m_carried.reset();
    open();
}

void LiveChannel::stop()
{
    m_retryTimer.stop();
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    discardSocket();
    m_state = State::Stopped;
}

void LiveChannel::discardSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    // Deleted from the event loop: this may run inside one of the socket's own signals.
    QWebSocket* socket = m_socket.release();
    socket->abort();
    socket->deleteLater();
}

void LiveChannel::open()
{
    discardSocket();
    m_state = State::Connecting;
    m_warnedThisConnection = false;

    QUrl http = m_api.server();
    http.setPath(http.path() + m_path);
    const SharingGate* sharingGate = gate();
    if (!sharingGate)
        return fail(Tr::tr("Team Sharing's network access is not set up; no live connection is opened."),
                    false);
    if (Status permitted = sharingGate->permitRequest(http); !permitted)
        return fail(permitted.error().message, false);
    if (!m_api.hasToken())
        return fail(Tr::tr("Not signed in to the sharing server."), false);

    QUrl ws = http;
    ws.setScheme(http.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QNetworkRequest request(ws);
    QByteArray header = QByteArrayLiteral("Bearer ") + m_api.token().view().toByteArray();
    request.setRawHeader("Authorization", header);
    secureWipe(header);

    m_socket = std::make_unique<QWebSocket>();
    m_socket->setMaxAllowedIncomingFrameSize(quint64(kMaxFrameBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(kMaxFrameBytes));
    QWebSocket* socket = m_socket.get();
    connect(socket, &QWebSocket::connected, this, &LiveChannel::onConnected);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket != m_socket.get())
            return;
        const int code = int(socket->closeCode());
        const bool ended = code == kCloseUnauthenticated || code == kCloseRefused;
        if (code == int(QWebSocketProtocol::CloseCodeTooMuchData))
            qCWarning(lcCoreSync) << "live connection: a frame over" << kMaxFrameBytes
                                  << "bytes; the connection is opened again";
        if (ended)
            return fail(code == kCloseUnauthenticated
                            ? Tr::tr("The sharing server ended the session of the live connection.")
                            : Tr::tr("The sharing server refuses live updates for this account."),
                        true);
        fail(Tr::tr("The live connection to the sharing server was closed."), false);
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError error) {
                if (socket != m_socket.get())
                    return;
                const int code = int(socket->closeCode());
                if (code == kCloseUnauthenticated || code == kCloseRefused)
                    return fail(Tr::tr("The sharing server ended the live connection of this session."),
                                true);
                fail(error == QAbstractSocket::SslHandshakeFailedError
                         ? Tr::tr("The identity of the sharing server cannot be verified: its TLS "
                                  "certificate is not trusted on this computer.")
                         : Tr::tr("The live connection to the sharing server failed (%1).")
                               .arg(socket->errorString()),
                     false);
            });
    connect(socket, &QWebSocket::textMessageReceived, this, &LiveChannel::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &LiveChannel::onBinary);
    connect(socket, &QWebSocket::pong, this, &LiveChannel::onAlive);
    m_handshakeTimer.start(m_timing.handshakeTimeout);
    socket->open(request);
}

void LiveChannel::onConnected()
{
    m_handshakeTimer.stop();
    m_state = State::Open;
    m_failures = 0;
    m_pingTimer.start(m_timing.pingInterval);
    qCInfo(lcCoreSync) << "live connection open";
    emit opened();
}

void LiveChannel::onAlive()
{
    m_pongTimer.stop();
}

void LiveChannel::onPingDue()
{
    if (!m_socket || m_state != State::Open)
        return;
    m_socket->ping();
    if (!m_pongTimer.isActive())
        m_pongTimer.start(m_timing.pongTimeout);
}

void LiveChannel::ignore(const char* what)
{
    ++m_ignoredFrames;
    // The frame itself is never logged: a hostile server must not write into the log.
    if (!m_warnedThisConnection)
        qCWarning(lcCoreSync) << "live connection: ignored" << what << "(further ones are counted only)";
    m_warnedThisConnection = true;
}

void LiveChannel::onText(const QString& text)
{
    onAlive();
    QString message = text;
    if (m_tamper) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (doc.isObject()) {
            QJsonObject json = doc.object();
            m_tamper(m_path, json);
            message = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
        }
    }
    std::optional<Hint> parsed = parseHint(message);
    if (!parsed)
        return ignore("a text frame that is not a hint");
    if (parsed->carriedUnreadable)
        ignore("a hint's changes that are not a feed page");
    if (parsed->carried) {
        SharingApi::CarriedPage& next = *parsed->carried;
        // Joined to the pages before when it starts where they end (a page covers all of
        // its range, so two that meet cover both); otherwise it replaces them.
        if (m_carried && m_carried->page.cursor == next.after &&
            m_carried->page.changes.size() + next.page.changes.size() <= SharingApi::kMaxCarriedChanges) {
            m_carried->page.changes.append(next.page.changes);
            m_carried->page.cursor = next.page.cursor;
        } else {
            m_carried = std::move(next);
        }
    }
    m_latestHint = std::max(m_latestHint, parsed->cursor);
    emit hint(parsed->cursor);
}

void LiveChannel::onBinary(const QByteArray&)
{
    onAlive();
    ignore("a binary frame");
}

void LiveChannel::fail(const QString& reason, bool sessionEnded)
{
    if (m_state == State::Stopped)
        return;
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    discardSocket();
    ++m_failures;
    // A session the server ended will not come back by itself: the longest step. The
    // account's next request hears the same refusal and signs out or says why.
    const int step = sessionEnded ? 31 : m_failures;
    const std::chrono::milliseconds wait =
        backoff(step, QRandomGenerator::global()->generateDouble(), m_timing);
    m_state = State::Waiting;
    m_retryTimer.start(wait);
    if (m_failures == 1)
        qCWarning(lcCoreSync) << "live connection down; retrying in" << wait.count() << "ms";
    else
        qCDebug(lcCoreSync) << "live connection attempt" << m_failures << "failed; retrying in"
                            << wait.count() << "ms";
    emit closed(reason, wait);
}

} // namespace Conclave::Core
