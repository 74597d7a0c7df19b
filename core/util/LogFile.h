// LogFile: what the client's FileLogger and the server's ServerLog share about log files —
// one line format ("<UTC time> <level> <category>: <message>"), opening a file that only its
// owner may read (0600, folder created), and deleting a folder's old log files (7 days by
// default, DESIGN §7). Callers keep their own naming and rotation.
#pragma once

#include <QFile>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <memory>

namespace Conclave::Core {

class LogFile final
{
public:
    static constexpr int kRetentionDays = 7;

    LogFile() = delete;

    // One log line with its newline.
    static QByteArray line(QtMsgType type, const QMessageLogContext& context, const QString& message);
    // Opens `path` for appending, owner-only; null when the folder or the file cannot be made.
    static std::unique_ptr<QFile> open(const QString& path);
    // Deletes the files in `directory` matching `patterns` that were last written more than
    // `retentionDays` ago; returns how many went.
    static int prune(const QString& directory, const QStringList& patterns,
                     int retentionDays = kRetentionDays);
};

} // namespace Conclave::Core
