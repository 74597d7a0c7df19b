// ProbeHost: what a protocol probe may do with the connection under test. ConnectionTester
// implements it; probes speak their protocol through it and never touch the socket, so
// transport, TLS, timeouts and cancellation live in one place.
#pragma once

#include "core/connect/ProbeResult.h"
#include "core/crypto/SecureBytes.h"
#include "core/model/Connection.h"

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace Conclave::Core {

class ProbeHost
{
public:
    Q_DISABLE_COPY_MOVE(ProbeHost)

    virtual void send(QByteArrayView bytes) = 0;
    // Upgrades the connection to TLS in place (PostgreSQL after 'S', MySQL after its SSL
    // request); the probe's encrypted() follows once the handshake succeeded.
    virtual void startTls() = 0;
    virtual bool tlsActive() const = 0;
    virtual bool tlsWanted() const = 0;

    virtual void addStep(const QString& step) = 0;
    virtual void enterStage(ProbeResult::Stage stage) = 0;
    // Ends the test. No probe call follows either of these.
    virtual void succeed(const QString& summary, const QString& serverVersion) = 0;
    virtual void fail(const Error& error) = 0; // the summary is error.message

    virtual const Connection& connection() const = 0;
    virtual QString userName() const = 0; // the credentials' user name, else the connection's
    virtual const SecureBytes& password() const = 0;

protected:
    ProbeHost() = default;
    ~ProbeHost() = default;
};

} // namespace Conclave::Core
