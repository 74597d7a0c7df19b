// A clock whose offset tests control through a file.
#include "server/app/OffsetFileClock.h"

#include <QFile>

namespace Conclave::Server {

OffsetFileClock::OffsetFileClock(QString path)
    : m_path(std::move(path))
{}

qint64 OffsetFileClock::offsetMs(qint64* frozenMs) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    QByteArray text = file.readAll().trimmed();
    const bool frozen = text.startsWith('@');
    if (frozen)
        text.remove(0, 1);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return 0;
    if (frozen) {
        if (frozenMs)
            *frozenMs = value;
        return 0;
    }
    return value;
}

qint64 OffsetFileClock::monotonicMs() const
{
    return Core::Clock::system().monotonicMs() + offsetMs();
}

QDateTime OffsetFileClock::nowUtc() const
{
    qint64 frozen = -1;
    const qint64 offset = offsetMs(&frozen);
    if (frozen >= 0)
        return QDateTime::fromMSecsSinceEpoch(frozen, Qt::UTC);
    return Core::Clock::system().nowUtc().addMSecs(offset);
}

} // namespace Conclave::Server
