// libFuzzer target: the machine policy file (MachinePolicy::read over an INI file, as
// /etc/xdg/Conclave/policy.conf is read). Properties: reading never fails or crashes; a
// problem with the file as a whole turns Team Sharing off; an enforced timeout lies in
// 1..15 minutes; an enforced server is https, or http on loopback, without credentials;
// Team Sharing is on only when nothing about it was wrong.
#include "core/policy/MachinePolicy.h"

#include <QFile>
#include <QHostAddress>
#include <QSettings>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir s_dir;
    const QString path = s_dir.filePath(QStringLiteral("policy.conf"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char*>(data), qsizetype(size));
    }
    QSettings settings(path, QSettings::IniFormat);
    const MachinePolicy policy = MachinePolicy::read(settings);

    bool fileProblem = false;
    for (const PolicyProblem& problem : policy.problems()) {
        if (problem.message.isEmpty())
            std::abort();
        fileProblem = fileProblem || problem.key.isEmpty();
    }
    if (fileProblem && policy.teamSharingEnabled() != false)
        std::abort();
    if (const std::optional<int> minutes = policy.inactivityTimeoutMinutes()) {
        if (*minutes < MachinePolicy::kMinInactivityMinutes ||
            *minutes > MachinePolicy::kMaxInactivityMinutes)
            std::abort();
    }
    if (const std::optional<QUrl> url = policy.serverUrl()) {
        const QHostAddress host(url->host());
        const bool loopback =
            url->host() == QStringLiteral("localhost") || (!host.isNull() && host.isLoopback());
        if (!url->isValid() || !url->userInfo().isEmpty() ||
            !(url->scheme() == QStringLiteral("https") ||
              (url->scheme() == QStringLiteral("http") && loopback)))
            std::abort();
    }
    // "On" survives only when nothing about the file or the sharing keys was wrong.
    if (policy.teamSharingEnabled() == true && (fileProblem || policy.sharingOffBecauseOfProblems()))
        std::abort();
    return 0;
}
