// MachinePolicy: what the administrator of this computer enforces (DESIGN §5), read once at
// start through QSettings' system scope: /etc/xdg/Conclave/policy.conf on Linux,
// HKEY_LOCAL_MACHINE\Software\Policies\Conclave on Windows, the com.conclave.policy domain
// in /Library/Managed Preferences or /Library/Preferences on macOS. A user cannot write
// any of them.
//
// Reading never fails: a wrong type, a value out of range, an unknown key or a file that
// cannot be read becomes a PolicyProblem in words, and the most restrictive reading of the
// faulty value is used (Team Sharing off, the shortest timeout), so a typo by the
// administrator never opens up more than was meant. docs/admin/policy.md is the reference.
#pragma once

#include "core/policy/PolicyKey.h"
#include "core/policy/PolicyProblem.h"

#include <QList>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace Conclave::Core {

class MachinePolicy
{
public:
    static constexpr int kMaxInactivityMinutes = 15; // DESIGN §5: may lower, never raise
    static constexpr int kMinInactivityMinutes = 1;

    // No policy: nothing enforced.
    MachinePolicy() = default;

    // The policy of this computer, from the system location below.
    static MachinePolicy readSystem();
    // The policy in `settings` (a test points this at a file of its own).
    static MachinePolicy read(QSettings& settings);
    // The settings object for the system location, read-only in use.
    static std::unique_ptr<QSettings> openSystemSettings();
    // Where readSystem() looks, for messages and documentation.
    static QString systemLocation();

    // Each value is set when the policy enforces it (also when a faulty entry was read in
    // its most restrictive way).
    std::optional<bool> teamSharingEnabled() const { return m_teamSharingEnabled; }
    std::optional<QUrl> serverUrl() const { return m_serverUrl; }
    std::optional<int> inactivityTimeoutMinutes() const { return m_inactivityTimeoutMinutes; }
    bool enforces(PolicyKey key) const;

    // True when Team Sharing is off only because the policy could not be read as written.
    bool sharingOffBecauseOfProblems() const { return m_sharingOffByProblem; }
    const QList<PolicyProblem>& problems() const { return m_problems; }
    // The file or registry key the policy came from.
    QString source() const { return m_source; }
    // Nothing enforced and nothing wrong: the settings dialog shows no policy section.
    bool isEmpty() const;

private:
    void addProblem(const QString& key, const QString& message);
    void turnSharingOffForProblem();
    void readTeamSharingEnabled(const QString& key, const QVariant& value);
    void readServerUrl(const QString& key, const QVariant& value);
    void readInactivityTimeout(const QString& key, const QVariant& value);

    std::optional<bool> m_teamSharingEnabled;
    std::optional<QUrl> m_serverUrl;
    std::optional<int> m_inactivityTimeoutMinutes;
    bool m_sharingOffByProblem = false;
    QList<PolicyProblem> m_problems;
    QString m_source;
};

} // namespace Conclave::Core
