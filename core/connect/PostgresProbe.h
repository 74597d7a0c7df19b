// PostgresProbe: "Test connection" for PostgreSQL. Speaks protocol 3.0: SSLRequest when TLS
// is on, StartupMessage, then SCRAM-SHA-256, md5 or (over TLS only) clear-text password
// authentication, and waits for ReadyForQuery so the server version is known.
#pragma once

#include "core/connect/ProtocolProbe.h"
#include "core/connect/ScramSha256.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Conclave::Core {

struct Error;

class PostgresProbe final : public ProtocolProbe
{
    Q_DECLARE_TR_FUNCTIONS(PostgresProbe)

public:
    PostgresProbe();
    ~PostgresProbe() override;
    Q_DISABLE_COPY_MOVE(PostgresProbe)

    bool directTls() const override { return false; }
    void start(ProbeHost& host) override;
    void encrypted(ProbeHost& host) override;
    void received(ProbeHost& host, QByteArray& buffer) override;

private:
    enum class State
    {
        SslReply,
        Authenticating,
        AwaitingReady,
        Finished
    };

    void sendStartup(ProbeHost& host);
    void handleMessage(ProbeHost& host, char type, QByteArrayView body);
    void handleAuthentication(ProbeHost& host, QByteArrayView body);
    void handleError(ProbeHost& host, QByteArrayView body);
    void sendPasswordMessage(ProbeHost& host, QByteArray& payload);
    void finishWith(ProbeHost& host, const Error& error);

    State m_state = State::SslReply;
    std::unique_ptr<ScramSha256> m_scram;
    QString m_serverVersion;
    QString m_user;
};

} // namespace Conclave::Core
