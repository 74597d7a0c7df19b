// LauncherSettings: which terminal and which client programs "Open" uses, and how long
// credential files may outlive a terminal that detaches. No secrets: the UI keeps these in
// QSettings under the group "Launcher".
#pragma once

#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>

class QSettings;

namespace Conclave::Core {

struct LauncherSettings
{
    // A command prefix; the client and its arguments are appended ("x-terminal-emulator -e").
    // Quoted like a POSIX shell ('...', "...", backslash), without expansions. Empty: run
    // the client without a terminal.
    QString terminalCommand = QStringLiteral("x-terminal-emulator -e");
    // Per kind, the client command (a program name or path, optionally with fixed arguments).
    QHash<ConnectionKind, QString> clientCommands = defaultClientCommands();
    // A terminal that exits sooner than this after starting is taken to have handed the
    // client to another process (gnome-terminal does); credential files then stay for
    // graceAfterDetach so the client can read them, and are removed afterwards.
    std::chrono::milliseconds detachThreshold{5000};
    std::chrono::milliseconds graceAfterDetach{30000};

    QString clientCommand(ConnectionKind kind) const;

    static QHash<ConnectionKind, QString> defaultClientCommands();
    // Splits a command into words as a POSIX shell would, without expansions or globbing;
    // an unmatched quote is an error.
    static Result<QStringList> splitCommand(const QString& command);
    // Reads the "Launcher" group; missing keys keep their defaults.
    static LauncherSettings load(QSettings& settings);
    void save(QSettings& settings) const;

    friend bool operator==(const LauncherSettings&, const LauncherSettings&) = default;
};

} // namespace Conclave::Core
