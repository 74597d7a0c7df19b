// FileLogger: see the header. The handler may be called from any thread, so the file is
// guarded by a mutex.
#include "ui/FileLogger.h"

#include "core/util/LogFile.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QStandardPaths>

#include <memory>

namespace Conclave::Gui {

namespace {

QMutex s_mutex;
std::unique_ptr<QFile> s_file;
QtMessageHandler s_previous = nullptr;

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&s_mutex);
        if (s_file) {
            s_file->write(Core::LogFile::line(type, context, message));
            s_file->flush();
        }
    }
    if (s_previous)
        s_previous(type, context, message);
}

} // namespace

QString FileLogger::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs");
}

QString FileLogger::install(const QString& directory)
{
    QMutexLocker lock(&s_mutex);
    if (s_file)
        return s_file->fileName();
    if (!QDir().mkpath(directory))
        return {};
    const QString path = directory + QStringLiteral("/conclave.log");
    // Keep one previous run for bug reports, and nothing older than the retention period.
    if (QFile::exists(path)) {
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
    }
    Core::LogFile::prune(directory, {QStringLiteral("conclave.log.1")});
    auto file = Core::LogFile::open(path);
    if (!file)
        return {};
    s_file = std::move(file);
    s_previous = qInstallMessageHandler(handler);
    return path;
}

void FileLogger::uninstall()
{
    QMutexLocker lock(&s_mutex);
    if (!s_file)
        return;
    qInstallMessageHandler(s_previous);
    s_previous = nullptr;
    s_file->close();
    s_file.reset();
}

QString FileLogger::currentPath()
{
    QMutexLocker lock(&s_mutex);
    return s_file ? s_file->fileName() : QString();
}

} // namespace Conclave::Gui
