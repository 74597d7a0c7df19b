// MySqlProbe: "Test connection" for MySQL and MariaDB. Reads the initial handshake packet
// (protocol 10) for the server version, upgrades to TLS with the SSL request packet when TLS
// is on, and signs in with mysql_native_password when a user name is given. Servers that
// insist on another method (caching_sha2_password) are reported as reached, sign-in untested.
#pragma once

#include "core/connect/ProtocolProbe.h"

#include <QCoreApplication>
#include <QString>

namespace Conclave::Core {

struct Error;

class MySqlProbe final : public ProtocolProbe
{
    Q_DECLARE_TR_FUNCTIONS(MySqlProbe)

public:
    MySqlProbe() = default;
    Q_DISABLE_COPY_MOVE(MySqlProbe)

    bool directTls() const override { return false; }
    void start(ProbeHost& host) override;
    void encrypted(ProbeHost& host) override;
    void received(ProbeHost& host, QByteArray& buffer) override;

private:
    enum class State
    {
        Handshake,
        Authenticating,
        Finished
    };

    void handleHandshake(ProbeHost& host, QByteArrayView payload);
    void handleAuthReply(ProbeHost& host, QByteArrayView payload);
    void sendHandshakeResponse(ProbeHost& host);
    void sendPacket(ProbeHost& host, QByteArray& payload);
    void succeedGreetingOnly(ProbeHost& host, const QString& why);
    void finishWith(ProbeHost& host, const Error& error);
    QString product() const;
    QString shortVersion() const;

    State m_state = State::Handshake;
    quint8 m_sequence = 0;
    quint32 m_serverCapabilities = 0;
    QByteArray m_scramble;
    QByteArray m_plugin;
    QString m_serverVersion;
    QString m_user;
};

} // namespace Conclave::Core
