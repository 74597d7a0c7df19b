// FileLogger: writes every log message to a file under AppDataLocation/logs
// ("conclave.log", the previous run's kept as "conclave.log.1") and passes it on to the
// previous message handler. Log statements carry ids only, never secrets, names or hosts;
// the security tests search this file for planted secrets.
#pragma once

#include <QString>

namespace Conclave::Gui {

class FileLogger final
{
public:
    FileLogger() = delete;

    // Installs the handler; returns the log file's path, or an empty string (and logs a
    // warning to the previous handler) when the folder cannot be written.
    static QString install(const QString& directory = defaultDirectory());
    // Flushes and closes the file and restores the previous handler.
    static void uninstall();
    static QString defaultDirectory();
    static QString currentPath();
};

} // namespace Conclave::Gui
