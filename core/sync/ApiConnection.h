// ApiConnection: JSON over HTTPS (HTTP on loopback) to the one sync server, for every Team
// Sharing component. Requests go through the QNetworkAccessManager it is given, which in the
// app is a GatedNetworkAccessManager: with TeamSharingEnabled=false the gate answers before a
// socket is opened or a name is looked up. Each request has a timeout; answers are parsed
// into the server's error model (ApiError) and capped in size, so a hostile server can
// neither hang a request nor make the client buffer without end.
//
// The session token is held in SecureBytes and put only into the Authorization header;
// secret body fields (auth keys) are spliced into the serialised body from SecureBytes and
// that buffer is wiped when the request ends. Nothing of a body or a header is logged: the
// log names the method, the path (ids only) and the status.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/sync/ApiReply.h"
#include "core/util/Clock.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace Conclave::Core {

class ApiConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiConnection)

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{20'000};
    // Larger answers are refused: no answer of the account API comes near it.
    static constexpr qint64 kMaxReplyBytes = 4 * 1024 * 1024;
    // Successful answers at least this large are parsed on a worker thread (`done` still runs
    // on this object's thread).
    static constexpr qsizetype kParseOffThreadBytes = 64 * 1024;

    using Done = std::function<void(ApiReply)>;

    // A secret top-level string field of a request body, base64 of `value`, which must stay
    // alive until send() returns (it is copied into the wiped body buffer at once).
    struct SecretField
    {
        QString name;
        const SecureBytes* value = nullptr;
    };

    // `network` (the gated manager) and `clock` must outlive the connection. `server` is the
    // base URL ("https://sync.example.com"); paths are appended to it.
    ApiConnection(QNetworkAccessManager& network, const QUrl& server, const Clock& clock,
                  QObject* parent = nullptr);
    ~ApiConnection() override;

    QUrl server() const { return m_server; }
    // The (gated) manager, whose SharingGate the live-update socket passes too.
    QNetworkAccessManager& network() const { return m_network; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // The session token (the server's base64url text as bytes). Cleared on sign-out.
    void setToken(SecureBytes token);
    void clearToken();
    bool hasToken() const { return !m_token.isEmpty(); }
    // For the live-update socket and for tests that prove a revoked token is refused.
    const SecureBytes& token() const { return m_token; }

    // Sends `method` `path` with `body` (none for GET/DELETE when empty) and, when
    // `authenticated`, the bearer token. `done` runs on this object's thread unless
    // `context` is destroyed first.
    void send(const QByteArray& method, const QString& path, const QJsonObject& body,
              const std::vector<SecretField>& secrets, bool authenticated, QObject* context, Done done);
    void get(const QString& path, bool authenticated, QObject* context, Done done);
    void post(const QString& path, const QJsonObject& body, QObject* context, Done done);
    void del(const QString& path, QObject* context, Done done);

    // Requests sent and not answered yet.
    int pending() const { return m_pending; }

signals:
    // An authenticated request was answered 401: the server no longer knows the session.
    void sessionRejected();

private:
    QNetworkAccessManager& m_network;
    QUrl m_server;
    const Clock& m_clock;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    SecureBytes m_token;
    // Counts token changes: a 401 to a request sent with an earlier token (one a password
    // change or a new sign-in replaced meanwhile) says nothing about the current session.
    quint64 m_tokenGeneration = 0;
    int m_pending = 0;
};

} // namespace Conclave::Core
