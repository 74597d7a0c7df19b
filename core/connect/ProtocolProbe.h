// ProtocolProbe: one kind's part of "Test connection" (greeting, TLS upgrade, sign-in). A
// probe is a small state machine fed with the bytes the server sent; it answers through
// its ProbeHost and ends the test with succeed() or fail().
#pragma once

#include "core/model/Connection.h"

#include <QByteArray>
#include <QtGlobal>

#include <memory>

namespace Conclave::Core {

class ProbeHost;

class ProtocolProbe
{
public:
    virtual ~ProtocolProbe() = default;
    Q_DISABLE_COPY_MOVE(ProtocolProbe)

    // True when TLS, if enabled, starts right after TCP (Redis, MongoDB); false when the
    // protocol negotiates it (PostgreSQL, MySQL) or has none (SSH).
    virtual bool directTls() const = 0;
    // The transport is ready: TCP connected, or TLS established when directTls().
    virtual void start(ProbeHost& host) = 0;
    // The TLS upgrade requested with ProbeHost::startTls() succeeded.
    virtual void encrypted(ProbeHost& host) { static_cast<void>(host); }
    // New bytes arrived; `buffer` holds everything not yet consumed. A probe removes what
    // it has parsed and leaves an incomplete message for the next call.
    virtual void received(ProbeHost& host, QByteArray& buffer) = 0;

    static std::unique_ptr<ProtocolProbe> create(ConnectionKind kind);

protected:
    ProtocolProbe() = default;
};

} // namespace Conclave::Core
