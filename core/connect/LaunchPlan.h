// LaunchPlan: exactly what "Open" will start: program, arguments, the environment additions
// and the credential files made for it. Building a plan starts nothing, so the UI can show
// the command and tests can check that no secret is in argv. The plan owns its private
// 0700 directory; dropping an unlaunched plan removes the directory and its files.
// A secret passed by environment (redis-cli's REDISCLI_AUTH) is not in `environment`, whose
// values are QStrings that cannot be wiped: it stays in SecureBytes in `secretEnvironment`
// and only the started process's environment block holds it (see ClientLauncher::launch).
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace Conclave::Core {

struct SecretVariable
{
    QByteArray name;   // e.g. "REDISCLI_AUTH"
    SecureBytes value; // never a QString
};

struct LaunchPlan
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;               // the full environment the process gets
    QStringList environmentAdditions;              // names of the variables Conclave set, for display
    std::vector<SecretVariable> secretEnvironment; // also set in the process, never in `environment`
    QStringList files;                             // credential files written for this launch (0600)
    std::unique_ptr<QTemporaryDir> directory;      // 0700; null when no file was needed

    QString directoryPath() const { return directory ? directory->path() : QString(); }
};

} // namespace Conclave::Core
