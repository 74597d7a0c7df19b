// PolicyKey: the keys an administrator may set in the machine policy, with their stable
// names. Names are matched without regard to letter case on every platform, because the
// Windows registry ignores case and an INI file on Linux would otherwise not.
#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Conclave::Core {

enum class PolicyKey
{
    TeamSharingEnabled,       // bool: false turns Team Sharing off on this machine
    ServerUrl,                // the one sharing server this machine may use
    InactivityTimeoutMinutes, // 1..15: sign-out after this long without input
};

inline constexpr std::array<PolicyKey, 3> kAllPolicyKeys = {
    PolicyKey::TeamSharingEnabled,
    PolicyKey::ServerUrl,
    PolicyKey::InactivityTimeoutMinutes,
};

// The name as documented ("TeamSharingEnabled").
QString policyKeyName(PolicyKey key);
// The key whose name equals `name` ignoring letter case; nullopt for anything else.
std::optional<PolicyKey> policyKeyFromName(const QString& name);

} // namespace Conclave::Core
