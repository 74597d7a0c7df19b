// Merging the user's Team Sharing settings with the machine policy, and the sentences that
// explain to the user what is enforced.
#include "core/policy/EffectiveSettings.h"

#include <QCoreApplication>

#include <algorithm>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::EffectiveSettings)
};

} // namespace

EffectiveSettings::EffectiveSettings()
{
    m_teamSharingEnabled.value = true;
    m_inactivityTimeoutMinutes.value = MachinePolicy::kMaxInactivityMinutes;
}

EffectiveSettings EffectiveSettings::merge(const UserSharingSettings& user, const MachinePolicy& policy)
{
    EffectiveSettings result;
    result.m_policy = policy;

    if (const std::optional<bool> enabled = policy.teamSharingEnabled()) {
        result.m_teamSharingEnabled = {*enabled, true, {}};
        if (!*enabled && policy.sharingOffBecauseOfProblems()) {
            result.m_teamSharingEnabled.reason =
                Tr::tr("Team Sharing is off because the policy set by your system administrator could not be "
                       "read as written (see the problems below). It stays off until the administrator fixes "
                       "the policy.");
        } else if (!*enabled) {
            result.m_teamSharingEnabled.reason =
                Tr::tr("Your system administrator has turned Team Sharing off on this computer. Conclave "
                       "connects to no sharing server; your local connections work as before.");
        } else {
            result.m_teamSharingEnabled.reason =
                Tr::tr("Your system administrator has turned Team Sharing on for this computer.");
        }
    }

    if (const std::optional<QUrl> url = policy.serverUrl()) {
        result.m_serverUrl = {
            *url, true,
            Tr::tr("Your system administrator has set the sharing server for this computer; "
                   "Conclave connects to no other.")};
    } else {
        result.m_serverUrl.value = user.serverUrl;
    }

    const int userMinutes = std::clamp(user.inactivityTimeoutMinutes, MachinePolicy::kMinInactivityMinutes,
                                       MachinePolicy::kMaxInactivityMinutes);
    if (const std::optional<int> ceiling = policy.inactivityTimeoutMinutes()) {
        result.m_maxTimeoutMinutes = *ceiling;
        result.m_inactivityTimeoutMinutes = {
            std::min(userMinutes, *ceiling), true,
            Tr::tr(
                "Your system administrator allows at most %n minute(s) without input before Conclave signs "
                "you out of Team Sharing. You may choose a shorter time, not a longer one.",
                nullptr, *ceiling)};
    } else {
        result.m_inactivityTimeoutMinutes.value = userMinutes;
    }
    return result;
}

} // namespace Conclave::Core
