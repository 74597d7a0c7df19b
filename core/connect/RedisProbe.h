// RedisProbe: "Test connection" for Redis. Signs in with AUTH (with the user name for ACL
// users, Redis 6+) when a password is given, then asks INFO server for the version.
#pragma once

#include "core/connect/ProtocolProbe.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Conclave::Core {

struct Error;

class RedisProbe final : public ProtocolProbe
{
    Q_DECLARE_TR_FUNCTIONS(RedisProbe)

public:
    RedisProbe() = default;
    Q_DISABLE_COPY_MOVE(RedisProbe)

    bool directTls() const override { return true; }
    void start(ProbeHost& host) override;
    void received(ProbeHost& host, QByteArray& buffer) override;

private:
    enum class State
    {
        Auth,
        Info,
        Finished
    };
    struct Reply
    {
        char type = 0; // '+', '-', ':', '$'
        QByteArray text;
    };

    // One complete reply from the front of `buffer`, or nothing yet; malformed input fails.
    std::optional<Reply> takeReply(ProbeHost& host, QByteArray& buffer);
    void sendInfo(ProbeHost& host);
    void finishWith(ProbeHost& host, const Error& error);

    State m_state = State::Info;
    bool m_signedIn = false;
    QString m_user;
};

} // namespace Conclave::Core
