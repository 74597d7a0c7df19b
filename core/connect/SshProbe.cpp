// SSH identification exchange, server side only.
#include "core/connect/SshProbe.h"

#include "core/connect/ProbeHost.h"

namespace Conclave::Core {

namespace {
// RFC 4253 allows other lines before the identification; all together stay small.
constexpr qsizetype kMaxPreamble = 8192;
} // namespace

void SshProbe::start(ProbeHost& host)
{
    host.enterStage(ProbeResult::Stage::Greeting);
    host.addStep(tr("Waiting for the SSH server's identification."));
}

void SshProbe::received(ProbeHost& host, QByteArray& buffer)
{
    while (!m_finished) {
        const qsizetype lineEnd = buffer.indexOf('\n');
        if (lineEnd < 0) {
            if (buffer.size() > kMaxPreamble) {
                m_finished = true;
                host.fail(Error::make(ErrorCode::Protocol, tr("The server did not answer like SSH.")));
            }
            return;
        }
        const QByteArray line = buffer.left(lineEnd).trimmed();
        buffer.remove(0, lineEnd + 1);
        if (!line.startsWith("SSH-"))
            continue;
        m_finished = true;
        const QList<QByteArray> parts = line.split('-');
        const QByteArray protocol = parts.value(1);
        if (protocol != "2.0" && protocol != "1.99") {
            host.fail(Error::make(ErrorCode::Protocol,
                                  tr("The server speaks SSH protocol %1, which is not supported.")
                                      .arg(QString::fromUtf8(protocol))));
            return;
        }
        const QString software = QString::fromUtf8(line.mid(4 + protocol.size() + 1));
        host.addStep(tr("The server identified as %1.").arg(QString::fromUtf8(line)));
        host.enterStage(ProbeResult::Stage::Done);
        const QString shortName = software.section(QLatin1Char(' '), 0, 0);
        host.succeed(tr("Connected to SSH server %1; sign-in is not tested for SSH.").arg(shortName),
                     software);
        return;
    }
}

} // namespace Conclave::Core
