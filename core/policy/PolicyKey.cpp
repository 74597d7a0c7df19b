// Names of the machine policy keys.
#include "core/policy/PolicyKey.h"

namespace Conclave::Core {

QString policyKeyName(PolicyKey key)
{
    switch (key) {
    case PolicyKey::TeamSharingEnabled:
        return QStringLiteral("TeamSharingEnabled");
    case PolicyKey::ServerUrl:
        return QStringLiteral("ServerUrl");
    case PolicyKey::InactivityTimeoutMinutes:
        return QStringLiteral("InactivityTimeoutMinutes");
    }
    return {};
}

std::optional<PolicyKey> policyKeyFromName(const QString& name)
{
    for (PolicyKey key : kAllPolicyKeys) {
        if (name.compare(policyKeyName(key), Qt::CaseInsensitive) == 0)
            return key;
    }
    return std::nullopt;
}

} // namespace Conclave::Core
