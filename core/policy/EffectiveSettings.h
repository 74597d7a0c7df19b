// EffectiveSettings: the Team Sharing settings the app runs with, the user's choices merged
// with the machine policy. The policy wins where it speaks: TeamSharingEnabled=false turns
// the feature off (and hides it), a ServerUrl from the policy is the only server, and the
// policy's InactivityTimeoutMinutes is a ceiling the user may go below but never above; 15
// minutes is the ceiling without a policy. Each value says whether it is enforced and why,
// for the settings dialog.
#pragma once

#include "core/policy/MachinePolicy.h"
#include "core/policy/PolicyValue.h"
#include "core/policy/UserSharingSettings.h"

#include <QUrl>

#include <chrono>

namespace Conclave::Core {

class EffectiveSettings
{
public:
    // Defaults with no policy: sharing on, no server chosen, 15 minutes.
    EffectiveSettings();
    static EffectiveSettings merge(const UserSharingSettings& user, const MachinePolicy& policy);

    const PolicyValue<bool>& teamSharingEnabled() const { return m_teamSharingEnabled; }
    const PolicyValue<QUrl>& serverUrl() const { return m_serverUrl; }
    const PolicyValue<int>& inactivityTimeoutMinutes() const { return m_inactivityTimeoutMinutes; }
    std::chrono::minutes inactivityTimeout() const
    {
        return std::chrono::minutes(m_inactivityTimeoutMinutes.value);
    }
    // The user may choose a timeout up to this many minutes.
    int maximumInactivityTimeoutMinutes() const { return m_maxTimeoutMinutes; }
    // True when the user may pick another server.
    bool serverUrlEditable() const { return !m_serverUrl.enforced; }

    const MachinePolicy& policy() const { return m_policy; }
    // Anything enforced or wrong: the settings dialog shows its policy section.
    bool hasPolicy() const { return !m_policy.isEmpty(); }

private:
    MachinePolicy m_policy;
    PolicyValue<bool> m_teamSharingEnabled;
    PolicyValue<QUrl> m_serverUrl;
    PolicyValue<int> m_inactivityTimeoutMinutes;
    int m_maxTimeoutMinutes = MachinePolicy::kMaxInactivityMinutes;
};

} // namespace Conclave::Core
