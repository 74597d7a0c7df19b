// Log line format, owner-only log files and their retention.
#include "core/util/LogFile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace Conclave::Core {

namespace {
const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}
} // namespace

QByteArray LogFile::line(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + levelName(type) +
           ' ' + (context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
}

std::unique_ptr<QFile> LogFile::open(const QString& path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return nullptr;
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
        return nullptr;
    file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file;
}

int LogFile::prune(const QString& directory, const QStringList& patterns, int retentionDays)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-retentionDays);
    int removed = 0;
    for (const QFileInfo& info : QDir(directory).entryInfoList(patterns, QDir::Files)) {
        if (info.lastModified().toUTC() < cutoff && QFile::remove(info.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

} // namespace Conclave::Core
