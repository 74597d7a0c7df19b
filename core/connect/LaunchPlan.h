// LaunchPlan: exactly what "Open" will start: program, arguments, the environment additions
// and the credential files made for it. Building a plan starts nothing, so the UI can show
// the command and tests can check that no secret is in argv. The plan owns its private
// 0700 directory; dropping an unlaunched plan removes the directory and its files.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Conclave::Core {

struct LaunchPlan
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;          // the full environment the process gets
    QStringList environmentAdditions;         // names of the variables Conclave set, for display
    QStringList files;                        // credential files written for this launch (0600)
    std::unique_ptr<QTemporaryDir> directory; // 0700; null when no file was needed

    QString directoryPath() const { return directory ? directory->path() : QString(); }
};

} // namespace Conclave::Core
