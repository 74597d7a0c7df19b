// SshProbe: "Test connection" for SSH. Reads the server's identification line
// ("SSH-2.0-OpenSSH_9.2p1 ...", RFC 4253 §4.2) and stops there; no key exchange, so no
// credentials are used and the host key is not checked by the test.
#pragma once

#include "core/connect/ProtocolProbe.h"

#include <QCoreApplication>

namespace Conclave::Core {

class SshProbe final : public ProtocolProbe
{
    Q_DECLARE_TR_FUNCTIONS(SshProbe)

public:
    SshProbe() = default;
    Q_DISABLE_COPY_MOVE(SshProbe)

    bool directTls() const override { return false; }
    void start(ProbeHost& host) override;
    void received(ProbeHost& host, QByteArray& buffer) override;

private:
    bool m_finished = false;
};

} // namespace Conclave::Core
