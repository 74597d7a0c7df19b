// Loading and saving the user's Team Sharing settings.
#include "core/policy/UserSharingSettings.h"

#include "core/policy/MachinePolicy.h"

#include <QSettings>

#include <algorithm>

namespace Conclave::Core {

UserSharingSettings UserSharingSettings::load(QSettings& settings)
{
    UserSharingSettings result;
    settings.beginGroup(QStringLiteral("TeamSharing"));
    result.serverUrl = QUrl(settings.value(QStringLiteral("serverUrl")).toString(), QUrl::StrictMode);
    if (!result.serverUrl.isValid())
        result.serverUrl = QUrl();
    bool ok = false;
    const int minutes =
        settings.value(QStringLiteral("inactivityTimeoutMinutes"), result.inactivityTimeoutMinutes)
            .toInt(&ok);
    if (ok) {
        result.inactivityTimeoutMinutes =
            std::clamp(minutes, MachinePolicy::kMinInactivityMinutes, MachinePolicy::kMaxInactivityMinutes);
    }
    settings.endGroup();
    return result;
}

UserSharingSettings UserSharingSettings::withEnvironmentServer() const
{
    UserSharingSettings result = *this;
    if (!result.serverUrl.isEmpty())
        return result;
    const QUrl named(qEnvironmentVariable("CONCLAVE_SERVER_URL"), QUrl::StrictMode);
    if (named.isValid() && !named.host().isEmpty() &&
        (named.scheme() == QLatin1String("https") || named.scheme() == QLatin1String("http"))) {
        result.serverUrl = named.adjusted(QUrl::StripTrailingSlash);
        if (result.serverUrl.path() == QLatin1String("/"))
            result.serverUrl.setPath(QString());
    }
    return result;
}

void UserSharingSettings::save(QSettings& settings) const
{
    settings.beginGroup(QStringLiteral("TeamSharing"));
    settings.setValue(QStringLiteral("serverUrl"), serverUrl.toString());
    settings.setValue(QStringLiteral("inactivityTimeoutMinutes"), inactivityTimeoutMinutes);
    settings.endGroup();
}

} // namespace Conclave::Core
