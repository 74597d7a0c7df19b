// TamperingProxy: a real HTTP/1.1 reverse proxy on an ephemeral loopback port, put between a
// client's ApiConnection (whose server URL is the proxy's) and the real conclave-server. It
// forwards every request as it came, keeps connections alive, reads each answer whole
// (Content-Length or chunked), lets the test's rules change it — rewrite the JSON body of a
// route, answer with an older recorded exchange, drop an element of a list — and sends it on
// with a Content-Length that fits. A gzip-compressed answer is inflated first and sent on
// uncompressed, so the rules and the traffic record see its JSON. A WebSocket upgrade is
// tunnelled byte for byte.
//
// It plays the hostile server or network of the threat model (protocol.md §1) from outside
// the client: nothing in the client knows it is there. It also records every byte it relayed
// in either direction, for the checks that no plaintext ever crossed the wire.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpSocket;

class TamperingProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TamperingProxy)

public:
    // One request and its answer as relayed (after the rules ran, in history()).
    struct Exchange
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QList<std::pair<QByteArray, QByteArray>> requestHeaders;
        QByteArray requestBody;
        int status = 0;
        QByteArray reasonPhrase;
        QList<std::pair<QByteArray, QByteArray>> responseHeaders;
        QByteArray responseBody;

        QString path() const;                                          // without the query
        QString query() const;                                         // "" when there is none
        bool is(const char* method, const QString& pathPattern) const; // regex, anchored
        QJsonObject json() const;
        void setJson(const QJsonObject& json);
    };
    // Runs on every answer before it goes to the client; it may change anything of it.
    using Rule = std::function<void(Exchange&)>;

    explicit TamperingProxy(const QUrl& upstream, QObject* parent = nullptr);
    ~TamperingProxy() override;

    bool listen();
    QUrl url() const;

    // Offline: the port refuses connections and open ones are cut, as when the network is
    // gone; back online on the same port.
    void setOffline(bool offline);

    void setRule(Rule rule) { m_rule = std::move(rule); }
    void clearRule() { m_rule = {}; }

    // Every byte relayed so far, both directions, in order (requests, the server's answers as
    // received, the answers as sent on).
    const QByteArray& traffic() const { return m_traffic; }
    const QList<Exchange>& history() const { return m_history; }
    // The same exchanges as the server answered them, before any rule ran.
    const QList<Exchange>& honest() const { return m_honest; }
    // The newest exchange (before tampering: as the server answered) matching method and path.
    const Exchange* lastHonest(const char* method, const QString& pathPattern) const;

private:
    struct Connection;

    void accept();
    void readClient(Connection* c);
    void readUpstream(Connection* c);
    void forward(Connection* c);
    void drop(Connection* c);
    void record(const QByteArray& bytes) { m_traffic.append(bytes); }

    QUrl m_upstream;
    QTcpServer m_server;
    quint16 m_port = 0;
    Rule m_rule;
    QByteArray m_traffic;
    QList<Exchange> m_history;
    QList<Exchange> m_honest;
    QList<Connection*> m_connections;
};
