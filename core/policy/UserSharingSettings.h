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

    friend bool operator==(const UserSharingSettings&, const UserSharingSettings&) = default;
};

} // namespace Conclave::Core
