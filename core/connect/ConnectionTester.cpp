// Transport, TLS, timeout and cancellation for "Test connection"; protocols are in *Probe.
#include "core/connect/ConnectionTester.h"

#include "core/connect/ProtocolProbe.h"
#include "core/connect/SshProbe.h"
#include "core/util/LogCategories.h"

#include <QDnsLookup>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>

namespace Conclave::Core {

namespace {

constexpr qsizetype kMaxBuffered = 1 << 20;
constexpr int kGracefulCloseMs = 2000;

QString secondsText(std::chrono::milliseconds timeout)
{
    return QString::number(double(timeout.count()) / 1000.0, 'g', 3);
}

QString endpoint(const HostPort& target)
{
    // IPv6 literals get brackets so the port stays readable.
    if (target.host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + target.host + QLatin1String("]:") + QString::number(target.port);
    return target.host + QLatin1Char(':') + QString::number(target.port);
}

bool optionSaysNoTls(const Connection& connection)
{
    for (const ConnectionOption& option : connection.options) {
        if ((option.first.compare(QLatin1String("tls"), Qt::CaseInsensitive) == 0 ||
             option.first.compare(QLatin1String("ssl"), Qt::CaseInsensitive) == 0) &&
            option.second.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

ConnectionTester::ConnectionTester(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<Conclave::Core::ProbeResult>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionTester::onTimeout);
}

ConnectionTester::~ConnectionTester()
{
    m_running = false;
    releaseSocket(false);
}

void ConnectionTester::start(const Connection& connection, const ProbeCredentials& credentials,
                             std::chrono::milliseconds timeout)
{
    releaseSocket(false);
    if (m_probe)
        m_retiredProbe = std::move(m_probe);
    ++m_generation;
    m_running = true;
    m_connection = connection;
    m_user = credentials.username.isEmpty() ? connection.username : credentials.username;
    m_password = credentials.password.clone();
    m_result = ProbeResult{};
    m_buffer.clear();
    m_sslErrors.clear();
    m_timeout = timeout;
    m_viaTunnel = false;
    m_tlsWanted = false;
    m_timer.start(timeout);
    // Begin from the event loop, so finished() never fires inside start().
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { begin(generation); }, Qt::QueuedConnection);
}

void ConnectionTester::cancel()
{
    if (!m_running)
        return;
    addStep(tr("Cancelled."));
    m_result.error = Error::make(ErrorCode::Cancelled, tr("The test was cancelled."));
    m_result.summary = m_result.error.message;
    finish(false);
}

void ConnectionTester::begin(quint64 generation)
{
    if (generation != m_generation || !m_running)
        return;
    m_retiredProbe.reset();

    if (m_connection.ssh.enabled && m_connection.kind != ConnectionKind::SSH) {
        // Testing through the tunnel would need an SSH client in-process; reaching the
        // tunnel host is still useful and honest.
        m_viaTunnel = true;
        m_probe = std::make_unique<SshProbe>();
        addStep(tr("This connection uses an SSH tunnel; testing the tunnel host %1 only.")
                    .arg(m_connection.ssh.host));
        if (m_connection.ssh.host.isEmpty()) {
            fail(Error::make(ErrorCode::InvalidInput, tr("The SSH tunnel has no host."),
                             QStringLiteral("ssh.host")));
            return;
        }
        connectTo(
            HostPort{m_connection.ssh.host, m_connection.ssh.port ? m_connection.ssh.port : quint16(22)});
        return;
    }

    m_probe = ProtocolProbe::create(m_connection.kind);
    if (m_connection.hosts.isEmpty() || m_connection.hosts.first().host.trimmed().isEmpty()) {
        fail(Error::make(ErrorCode::InvalidInput, tr("The connection has no host to test."),
                         QStringLiteral("hosts")));
        return;
    }
    const bool srv = m_connection.srv && m_connection.kind == ConnectionKind::MongoDB;
    // mongodb+srv implies TLS unless an option turns it off.
    m_tlsWanted = m_connection.kind != ConnectionKind::SSH &&
                  (m_connection.tls.enabled || (srv && !optionSaysNoTls(m_connection)));
    if (m_connection.kind == ConnectionKind::SSH && m_connection.tls.enabled)
        addStep(tr("TLS does not apply to SSH; the setting is ignored."));
    if (m_tlsWanted && !QSslSocket::supportsSsl()) {
        fail(Error::make(ErrorCode::Unavailable, tr("TLS is not available on this system.")));
        return;
    }
    if (m_connection.hosts.size() > 1)
        addStep(tr("Testing the first of %n hosts.", nullptr, int(m_connection.hosts.size())));
    if (srv) {
        lookUpSrv();
        return;
    }
    HostPort target = m_connection.hosts.first();
    if (target.port == 0)
        target.port = kindDefaultPort(m_connection.kind);
    connectTo(target);
}

void ConnectionTester::lookUpSrv()
{
    const QString name = QLatin1String("_mongodb._tcp.") + m_connection.hosts.first().host;
    addStep(tr("Looking up the SRV record %1.").arg(name));
    auto* lookup = new QDnsLookup(QDnsLookup::SRV, name, this);
    m_srvLookup = lookup;
    connect(lookup, &QDnsLookup::finished, this, [this, lookup] {
        lookup->deleteLater();
        if (lookup != m_srvLookup || !m_running)
            return;
        if (lookup->error() != QDnsLookup::NoError || lookup->serviceRecords().isEmpty()) {
            fail(
                Error::make(ErrorCode::Network, tr("Could not find the SRV record %1.").arg(lookup->name())));
            return;
        }
        QList<QDnsServiceRecord> records = lookup->serviceRecords();
        std::stable_sort(records.begin(), records.end(),
                         [](const auto& a, const auto& b) { return a.priority() < b.priority(); });
        const QDnsServiceRecord& first = records.first();
        QString host = first.target();
        if (host.endsWith(QLatin1Char('.')))
            host.chop(1);
        addStep(tr("The SRV record names %n hosts; testing %1.", nullptr, int(records.size())).arg(host));
        connectTo(HostPort{host, first.port()});
    });
    lookup->lookup();
}

void ConnectionTester::connectTo(const HostPort& target)
{
    m_target = target;
    auto* socket = new QSslSocket(this);
    m_socket = socket;
    connect(socket, &QAbstractSocket::hostFound, this, &ConnectionTester::onHostFound);
    connect(socket, &QAbstractSocket::connected, this, &ConnectionTester::onConnected);
    connect(socket, &QSslSocket::encrypted, this, &ConnectionTester::onEncrypted);
    connect(socket, &QIODevice::readyRead, this, &ConnectionTester::onReadyRead);
    connect(socket, &QSslSocket::sslErrors, this, &ConnectionTester::onSslErrors);
    connect(socket, &QAbstractSocket::errorOccurred, this, &ConnectionTester::onSocketError);
    connect(socket, &QAbstractSocket::disconnected, this, &ConnectionTester::onDisconnected);

    if (m_tlsWanted) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        const QString caFile = m_connection.tls.caFile;
        if (!caFile.isEmpty()) {
            QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
            if (cas.isEmpty())
                cas = QSslCertificate::fromPath(caFile, QSsl::Der);
            if (cas.isEmpty()) {
                enterStage(ProbeResult::Stage::Tls);
                fail(Error::make(ErrorCode::InvalidInput,
                                 QFileInfo::exists(caFile)
                                     ? tr("The CA file %1 holds no certificate.").arg(caFile)
                                     : tr("The CA file %1 does not exist.").arg(caFile),
                                 QStringLiteral("tls.caFile")));
                return;
            }
            // Like libpq's sslrootcert: the given CAs replace the system ones.
            config.setCaCertificates(cas);
        }
        if (m_connection.tls.hasClientCertificate)
            addStep(tr("The client certificate is not used by the test."));
        socket->setSslConfiguration(config);
    }

    m_result.stage = ProbeResult::Stage::Resolve;
    addStep(tr("Looking up %1.").arg(m_target.host));
    qCInfo(lcCoreConnect) << "testing connection" << m_connection.id << "kind" << int(m_connection.kind);
    if (m_tlsWanted && m_probe->directTls())
        socket->connectToHostEncrypted(m_target.host, m_target.port);
    else
        socket->connectToHost(m_target.host, m_target.port);
}

void ConnectionTester::onHostFound()
{
    if (!m_running)
        return;
    enterStage(ProbeResult::Stage::Tcp);
    addStep(tr("Connecting to %1.").arg(endpoint(m_target)));
}

void ConnectionTester::onConnected()
{
    if (!m_running)
        return;
    const QString address = m_socket->peerAddress().toString();
    addStep(address == m_target.host || address.isEmpty()
                ? tr("Connected to %1.").arg(endpoint(m_target))
                : tr("Connected to %1 (%2).").arg(endpoint(m_target), address));
    if (m_tlsWanted && m_probe->directTls()) {
        enterStage(ProbeResult::Stage::Tls);
        addStep(tr("Starting TLS."));
        return;
    }
    enterStage(ProbeResult::Stage::Greeting);
    m_probe->start(*this);
}

void ConnectionTester::onEncrypted()
{
    if (!m_running)
        return;
    const QSslCipher cipher = m_socket->sessionCipher();
    addStep(tr("TLS established (%1, %2).").arg(cipher.protocolString(), cipher.name()));
    enterStage(ProbeResult::Stage::Greeting);
    if (m_probe->directTls())
        m_probe->start(*this);
    else
        m_probe->encrypted(*this);
}

void ConnectionTester::onReadyRead()
{
    if (!m_running || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > kMaxBuffered) {
        fail(Error::make(ErrorCode::Protocol, tr("The server sent far more data than expected.")));
        return;
    }
    if (!m_buffer.isEmpty())
        m_probe->received(*this, m_buffer);
}

void ConnectionTester::onSslErrors(const QList<QSslError>& errors)
{
    if (!m_running)
        return;
    m_sslErrors = errors;
    const bool onlyHostName =
        !errors.isEmpty() && std::all_of(errors.begin(), errors.end(), [](const QSslError& e) {
            return e.error() == QSslError::HostNameMismatch;
        });
    if (onlyHostName && m_connection.tls.allowInvalidHostnames) {
        addStep(tr("The certificate is not valid for %1; accepted because invalid host names are allowed.")
                    .arg(m_target.host));
        m_socket->ignoreSslErrors();
    }
}

void ConnectionTester::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_running)
        return;
    fail(socketError(error));
}

void ConnectionTester::onDisconnected()
{
    if (!m_running)
        return;
    fail(m_result.stage == ProbeResult::Stage::Tls
             ? Error::make(ErrorCode::Network, tr("TLS handshake failed: the server closed the connection; "
                                                  "it may not use TLS on this port."))
             : Error::make(ErrorCode::Network, tr("The server closed the connection unexpectedly.")));
}

void ConnectionTester::onTimeout()
{
    if (!m_running)
        return;
    // A server that does not speak TLS often just waits for more of what it expects.
    m_result.error = Error::make(ErrorCode::Timeout,
                                 m_result.stage == ProbeResult::Stage::Tls
                                     ? tr("Timed out after %1 s during the TLS handshake; the server may not "
                                          "use TLS on this port.")
                                           .arg(secondsText(m_timeout))
                                     : tr("Timed out after %1 s.").arg(secondsText(m_timeout)));
    m_result.summary = m_result.error.message;
    addStep(m_result.summary);
    finish(false);
}

Error ConnectionTester::socketError(QAbstractSocket::SocketError error) const
{
    const QString where = endpoint(m_target);
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return Error::make(ErrorCode::Network, tr("Could not find the host %1.").arg(m_target.host),
                           QStringLiteral("hosts"));
    case QAbstractSocket::ConnectionRefusedError:
        return Error::make(ErrorCode::Network, tr("Connection refused by %1.").arg(where));
    case QAbstractSocket::NetworkError:
        return Error::make(ErrorCode::Network, tr("The network cannot reach %1.").arg(where));
    case QAbstractSocket::RemoteHostClosedError:
        if (m_result.stage == ProbeResult::Stage::Tls)
            return Error::make(ErrorCode::Network,
                               tr("TLS handshake failed: the server closed the connection; "
                                  "it may not use TLS on this port."));
        return Error::make(ErrorCode::Network, tr("The server closed the connection unexpectedly."));
    case QAbstractSocket::SslHandshakeFailedError:
        return tlsError();
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return Error::make(
            ErrorCode::Crypto,
            tr("TLS handshake failed: %1").arg(m_socket ? m_socket->errorString() : QString()));
    default:
        break;
    }
    return Error::make(
        ErrorCode::Network,
        tr("The connection to %1 failed: %2").arg(where, m_socket ? m_socket->errorString() : QString()));
}

Error ConnectionTester::tlsError() const
{
    for (const QSslError& e : m_sslErrors) {
        switch (e.error()) {
        case QSslError::HostNameMismatch:
            return Error::make(
                ErrorCode::Crypto,
                tr("TLS handshake failed: the certificate is not valid for %1.").arg(m_target.host));
        case QSslError::CertificateExpired:
            return Error::make(ErrorCode::Crypto, tr("TLS handshake failed: the certificate has expired."));
        case QSslError::CertificateNotYetValid:
            return Error::make(ErrorCode::Crypto,
                               tr("TLS handshake failed: the certificate is not valid yet."));
        case QSslError::CertificateRevoked:
            return Error::make(ErrorCode::Crypto,
                               tr("TLS handshake failed: the certificate has been revoked."));
        case QSslError::CertificateUntrusted:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateSignatureFailed:
            return Error::make(ErrorCode::Crypto, tr("TLS handshake failed: certificate is not trusted."));
        default:
            break;
        }
    }
    if (!m_sslErrors.isEmpty())
        return Error::make(ErrorCode::Crypto,
                           tr("TLS handshake failed: %1").arg(m_sslErrors.first().errorString()));
    return Error::make(ErrorCode::Crypto, tr("TLS handshake failed: the server did not answer with TLS."));
}

void ConnectionTester::send(QByteArrayView bytes)
{
    if (m_socket && m_running)
        m_socket->write(bytes.data(), bytes.size());
}

void ConnectionTester::startTls()
{
    if (!m_socket || !m_running)
        return;
    enterStage(ProbeResult::Stage::Tls);
    addStep(tr("Starting TLS."));
    m_socket->startClientEncryption();
}

bool ConnectionTester::tlsActive() const
{
    return m_socket && m_socket->isEncrypted();
}

void ConnectionTester::addStep(const QString& step)
{
    if (!m_running)
        return;
    m_result.steps.append(step);
    Q_EMIT progress(step);
}

void ConnectionTester::enterStage(ProbeResult::Stage stage)
{
    m_result.stage = stage;
}

void ConnectionTester::succeed(const QString& summary, const QString& serverVersion)
{
    if (!m_running)
        return;
    m_result.serverVersion = serverVersion;
    if (m_viaTunnel) {
        // The tunnel host answered; the database behind it was not tested.
        m_result.error =
            Error::make(ErrorCode::Unavailable,
                        tr("Reached the SSH tunnel host %1 (%2), but testing through SSH tunnels "
                           "is not supported yet.")
                            .arg(m_connection.ssh.host, serverVersion.section(QLatin1Char(' '), 0, 0)));
        m_result.summary = m_result.error.message;
        finish(false);
        return;
    }
    m_result.summary = summary;
    m_result.stage = ProbeResult::Stage::Done;
    finish(true);
}

void ConnectionTester::fail(const Error& error)
{
    if (!m_running)
        return;
    m_result.error = error;
    m_result.summary = error.message;
    addStep(error.message);
    finish(false);
}

void ConnectionTester::finish(bool ok)
{
    m_running = false;
    m_timer.stop();
    m_result.ok = ok;
    if (ok)
        m_result.error = Error{};
    releaseSocket(ok);
    if (m_srvLookup)
        m_srvLookup->abort();
    m_password.clear();
    secureWipe(m_buffer);
    qCInfo(lcCoreConnect) << "connection test" << m_connection.id << (ok ? "succeeded" : "failed")
                          << "at stage" << int(m_result.stage);
    const ProbeResult result = m_result;
    Q_EMIT finished(result);
}

void ConnectionTester::releaseSocket(bool graceful)
{
    QSslSocket* socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // Let the goodbye message (Terminate, QUIT) reach the server before closing.
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kGracefulCloseMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->disconnectFromHost();
        return;
    }
    socket->abort();
    socket->deleteLater();
}

} // namespace Conclave::Core
