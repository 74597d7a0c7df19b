// Log routing and retention for conclave-server.
#include "server/app/ServerLog.h"

#include "core/util/LogFile.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>
#include <memory>

namespace Conclave::Server::ServerLog {

namespace {
QMutex s_mutex;
QString s_logDir;
int s_retentionDays = Core::LogFile::kRetentionDays;
std::unique_ptr<QFile> s_file;
QDate s_fileDate;

// Opens today's file, rolling over at midnight UTC and pruning old days at that moment.
void ensureFile(const QDate& today)
{
    if (s_logDir.isEmpty() || (s_file && s_fileDate == today))
        return;
    s_file.reset();
    QDir().mkpath(s_logDir);
    prune(s_logDir, s_retentionDays);
    const QString name =
        QStringLiteral("conclave-server-") + today.toString(Qt::ISODate) + QStringLiteral(".log");
    s_file = Core::LogFile::open(QDir(s_logDir).filePath(name));
    if (s_file)
        s_fileDate = today;
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QByteArray line = Core::LogFile::line(type, context, message);
    QMutexLocker lock(&s_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    ensureFile(QDateTime::currentDateTimeUtc().date());
    if (s_file) {
        s_file->write(line);
        s_file->flush();
    }
}
} // namespace

void install(const QString& logDir, int retentionDays)
{
    {
        QMutexLocker lock(&s_mutex);
        s_logDir = logDir;
        s_retentionDays = retentionDays;
    }
    qInstallMessageHandler(handler);
}

int prune(const QString& logDir, int retentionDays)
{
    return Core::LogFile::prune(logDir, {QStringLiteral("conclave-server-*.log")}, retentionDays);
}

} // namespace Conclave::Server::ServerLog
