// UserSharingSettings: what the user chose for Team Sharing in the settings (the server and
// a sign-out time shorter than the default). Kept in QSettings under the group
// "TeamSharing"; nothing secret. The machine policy may override both (EffectiveSettings).
#pragma once

#include <QUrl>

class QSettings;

namespace Conclave::Core {

struct UserSharingSettings
{
    QUrl serverUrl;                    // empty: none chosen yet
    int inactivityTimeoutMinutes = 15; // 1..15; larger values read as 15

    static UserSharingSettings load(QSettings& settings);
    void save(QSettings& settings) const;
    // These settings, with the server named by the environment variable CONCLAVE_SERVER_URL
    // (an http or https URL; scripts/start.sh names its local server so) when none was
    // chosen. What the user chose wins; the variable's server is never saved.
    UserSharingSettings withEnvironmentServer() const;

    friend bool operator==(const UserSharingSettings&, const UserSharingSettings&) = default;
};

} // namespace Conclave::Core
