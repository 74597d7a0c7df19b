// PolicyProblem: one thing wrong with the machine policy, in words for the administrator
// and for the settings dialog. A problem never stops the app: the most restrictive reading
// of the faulty value is used instead (docs/admin/policy.md lists them).
#pragma once

#include <QString>

namespace Conclave::Core {

struct PolicyProblem
{
    QString key;     // the key as written in the policy; empty when the whole file is at fault
    QString message; // translated, complete sentence naming the key and what is used instead

    friend bool operator==(const PolicyProblem&, const PolicyProblem&) = default;
};

} // namespace Conclave::Core
