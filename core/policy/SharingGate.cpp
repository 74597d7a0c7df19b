// The gate in front of all Team Sharing network traffic; see the header.
#include "core/policy/SharingGate.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::SharingGate)
};

int defaultPort(const QString& scheme)
{
    return scheme == QStringLiteral("https") ? 443 : scheme == QStringLiteral("http") ? 80 : -1;
}

QUrl normalised(const QUrl& url)
{
    QUrl result = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments | QUrl::RemoveQuery |
                               QUrl::RemoveFragment);
    result.setScheme(result.scheme().toLower());
    result.setHost(result.host().toLower());
    result.setPort(url.port(defaultPort(result.scheme())));
    return result;
}

} // namespace

SharingGate::SharingGate(const EffectiveSettings& settings)
{
    m_closedByPolicy = !settings.teamSharingEnabled().value;
    const QUrl server = settings.serverUrl().value;
    const QString scheme = server.scheme().toLower();
    // The same rule as for a policy's ServerUrl: session tokens never travel in clear text to
    // another machine, whoever chose the server.
    const QHostAddress address(server.host());
    const bool loopback = server.host().compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0 ||
                          (!address.isNull() && address.isLoopback());
    if (server.isValid() && !server.host().isEmpty() && server.userInfo().isEmpty() &&
        (scheme == QStringLiteral("https") || (scheme == QStringLiteral("http") && loopback)))
        m_server = normalised(server);
    else if (!server.isEmpty())
        m_rejectedServer = server.toDisplayString(QUrl::RemoveUserInfo);
    m_open = !m_closedByPolicy;
}

Status SharingGate::refuse(const Error& error) const
{
    m_refused.fetch_add(1);
    qCWarning(lcCorePolicy) << "sharing traffic refused:" << errorCodeName(error.code);
    return error;
}

Status SharingGate::permitRequest(const QUrl& url) const
{
    if (m_closedByPolicy) {
        return refuse(
            Error::make(ErrorCode::Denied, Tr::tr("Team Sharing is turned off on this computer by its "
                                                  "administrator; Conclave connects to no sharing "
                                                  "server.")));
    }
    if (!m_server.isValid() && !m_rejectedServer.isEmpty()) {
        return refuse(
            Error::make(ErrorCode::Denied, Tr::tr("The sharing server %1 cannot be used: Conclave talks "
                                                  "to a sharing server only over https (http only on "
                                                  "this computer).")
                                               .arg(m_rejectedServer)));
    }
    if (!m_server.isValid()) {
        return refuse(Error::make(ErrorCode::Denied, Tr::tr("No sharing server is set. Choose one in the "
                                                            "settings.")));
    }
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || defaultPort(scheme) < 0 || !url.userInfo().isEmpty()) {
        return refuse(Error::make(ErrorCode::InvalidInput, Tr::tr("This is not a sharing server address."),
                                  QStringLiteral("url")));
    }
    const QUrl target = normalised(url);
    const QString base = m_server.path();
    const QString path = target.path();
    const bool below = base.isEmpty() || path == base || path.startsWith(base + QChar(u'/'));
    if (target.scheme() != m_server.scheme() || target.host() != m_server.host() ||
        target.port() != m_server.port() || !below) {
        return refuse(Error::make(
            ErrorCode::Denied,
            Tr::tr("Conclave talks only to the sharing server %1.").arg(m_server.toDisplayString())));
    }
    return {};
}

Status SharingGate::permitConnection(const QString& host, int port) const
{
    QUrl url;
    url.setScheme(m_server.isValid() ? m_server.scheme() : QStringLiteral("https"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(m_server.path());
    return permitRequest(url);
}

} // namespace Conclave::Core
