// JsonOutput: how values are written into answers — times as ISO 8601 UTC with
// milliseconds, bytes as standard base64 with padding.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Conclave::Server::JsonOutput {

inline QString time(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

inline QString bytes(const QByteArray& value)
{
    return QString::fromLatin1(value.toBase64());
}

} // namespace Conclave::Server::JsonOutput
