// A clock whose offset tests control through a file.
#include "server/app/OffsetFileClock.h"

#include <QFile>

namespace Conclave::Server {

OffsetFileClock::OffsetFileClock(QString path)
    : m_path(std::move(path))
{}

qint64 OffsetFileClock::offsetMs() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 offset = file.readAll().trimmed().toLongLong(&ok);
    return ok ? offset : 0;
}

qint64 OffsetFileClock::monotonicMs() const
{
    return Core::Clock::system().monotonicMs() + offsetMs();
}

QDateTime OffsetFileClock::nowUtc() const
{
    return Core::Clock::system().nowUtc().addMSecs(offsetMs());
}

} // namespace Conclave::Server
