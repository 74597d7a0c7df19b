// Log routing and retention for conclave-server.
#include "server/app/ServerLog.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>

namespace Conclave::Server::ServerLog {

namespace {
QMutex s_mutex;
QString s_logDir;
int s_retentionDays = 7;
QFile* s_file = nullptr;
QDate s_fileDate;

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

// Opens today's file, rolling over at midnight UTC and pruning old days at that moment.
void ensureFile(const QDate& today)
{
    if (s_logDir.isEmpty() || (s_file && s_fileDate == today))
        return;
    delete s_file;
    s_file = nullptr;
    QDir().mkpath(s_logDir);
    prune(s_logDir, s_retentionDays);
    const QString name =
        QStringLiteral("conclave-server-") + today.toString(Qt::ISODate) + QStringLiteral(".log");
    auto* file = new QFile(QDir(s_logDir).filePath(name));
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append)) {
        delete file;
        return;
    }
    file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    s_file = file;
    s_fileDate = today;
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray line = now.toString(Qt::ISODateWithMs).toUtf8() + ' ' + levelName(type) + ' ' +
                            (context.category ? context.category : "default") + ": " + message.toUtf8() +
                            '\n';
    QMutexLocker lock(&s_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    ensureFile(now.date());
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
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-retentionDays);
    int removed = 0;
    const QFileInfoList files =
        QDir(logDir).entryInfoList({QStringLiteral("conclave-server-*.log")}, QDir::Files);
    for (const QFileInfo& info : files) {
        if (info.lastModified().toUTC() < cutoff && QFile::remove(info.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

} // namespace Conclave::Server::ServerLog
