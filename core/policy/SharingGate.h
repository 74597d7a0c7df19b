// SharingGate: the one check every piece of Team Sharing code (account, sync, live
// notifications) must pass before it opens a socket, sends a request or looks up a host
// name. It answers from the effective settings: with TeamSharingEnabled=false from the
// machine policy nothing is permitted at all, and otherwise only the configured sharing
// server (same scheme, host and port, below its path) is, and only over https or, on this
// machine's loopback, http.
//
// The composition root builds one gate from the EffectiveSettings read at start and hands
// a reference to the sharing components; it is immutable, so threads may share it. With
// sharing off, the composition root should not build the sharing components at all; the
// gate is the second line that holds if one is built anyway.
#pragma once

#include "core/policy/EffectiveSettings.h"
#include "core/util/Result.h"

#include <QUrl>

#include <atomic>

namespace Conclave::Core {

class SharingGate final
{
    Q_DISABLE_COPY_MOVE(SharingGate)

public:
    explicit SharingGate(const EffectiveSettings& settings);

    // Whether Team Sharing may be used at all (and its UI shown).
    bool isOpen() const { return m_open; }
    // Before a request to `url`: Denied with the reason in words unless permitted.
    [[nodiscard]] Status permitRequest(const QUrl& url) const;
    // Before a host name lookup or a socket to `host`:`port` (e.g. a live-notification
    // socket that is not a QNetworkRequest).
    [[nodiscard]] Status permitConnection(const QString& host, int port) const;
    // How many requests or lookups were refused; a test asserts on it.
    int refusedCount() const { return m_refused.load(); }

private:
    [[nodiscard]] Status refuse(const Error& error) const;

    bool m_open = false;
    bool m_closedByPolicy = false;
    QUrl m_server;            // scheme and host in lower case, port filled in, no trailing slash
    QString m_rejectedServer; // a configured server that is not allowed, for the message
    mutable std::atomic<int> m_refused{0};
};

} // namespace Conclave::Core
