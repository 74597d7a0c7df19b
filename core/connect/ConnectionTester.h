// ConnectionTester: "Test connection". Resolves the host, connects over TCP, sets up TLS
// when the connection asks for it, speaks the kind's greeting and, where the protocol
// allows, signs in; then reports a ProbeResult in words. Fully asynchronous (socket signals
// and one timer), so it never blocks the UI; cancel() stops it at any point.
//
// finished() is emitted exactly once per start(), also after cancel() and on timeout;
// calling start() again while a test runs, or destroying the tester, abandons that test
// without a finished() for it.
// With an SSH tunnel configured, the test reaches the tunnel's SSH host only and says that
// testing through the tunnel is not supported yet.
#pragma once

#include "core/connect/ProbeCredentials.h"
#include "core/connect/ProbeHost.h"
#include "core/connect/ProbeResult.h"
#include "core/model/Connection.h"

#include <QAbstractSocket>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <chrono>
#include <memory>

class QDnsLookup;
class QSslSocket;

namespace Conclave::Core {

class ProtocolProbe;

class ConnectionTester final : public QObject, private ProbeHost
{
    Q_OBJECT

public:
    explicit ConnectionTester(QObject* parent = nullptr);
    ~ConnectionTester() override;
    Q_DISABLE_COPY_MOVE(ConnectionTester)

    // The password is copied into a wiping buffer of this tester and wiped when the test ends.
    void start(const Connection& connection, const ProbeCredentials& credentials,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(const QString& stepInWords);
    void finished(const Conclave::Core::ProbeResult& result);

private:
    // ProbeHost
    void send(QByteArrayView bytes) override;
    void startTls() override;
    bool tlsActive() const override;
    bool tlsWanted() const override { return m_tlsWanted; }
    void addStep(const QString& step) override;
    void enterStage(ProbeResult::Stage stage) override;
    void succeed(const QString& summary, const QString& serverVersion) override;
    void fail(const Error& error) override;
    const Connection& connection() const override { return m_connection; }
    QString userName() const override { return m_user; }
    const SecureBytes& password() const override { return m_password; }

    void begin(quint64 generation);
    void lookUpSrv();
    void connectTo(const HostPort& target);
    void onHostFound();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSslErrors(const QList<QSslError>& errors);
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onTimeout();

    Error socketError(QAbstractSocket::SocketError error) const;
    Error tlsError() const;
    void finish(bool ok);
    void releaseSocket(bool graceful);

    QPointer<QSslSocket> m_socket;
    QPointer<QDnsLookup> m_srvLookup;
    std::unique_ptr<ProtocolProbe> m_probe;
    std::unique_ptr<ProtocolProbe> m_retiredProbe; // may still be on the stack when start() is called
    QTimer m_timer;
    Connection m_connection;
    HostPort m_target;
    QString m_user;
    SecureBytes m_password;
    ProbeResult m_result;
    QByteArray m_buffer;
    QList<QSslError> m_sslErrors;
    std::chrono::milliseconds m_timeout{0};
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_tlsWanted = false;
    bool m_viaTunnel = false;
};

} // namespace Conclave::Core
