// JsonOutput: how values are written into answers — times as ISO 8601 UTC with
// milliseconds, bytes as standard base64 with padding.
#pragma once

#include "server/storage/ChangeRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
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

// One change of the feed (protocol.md §11), as the feed and the live socket write it.
inline QJsonObject change(const StoredChange& stored)
{
    const ChangeRecord& c = stored.change;
    QJsonObject json{{QStringLiteral("seq"), double(stored.seq)},
                     {QStringLiteral("kind"), c.kind},
                     {QStringLiteral("at"), time(c.atMs)}};
    if (!c.folderId.isEmpty())
        json.insert(QStringLiteral("folderId"), c.folderId);
    if (!c.objectId.isEmpty())
        json.insert(QStringLiteral("objectId"), c.objectId);
    return json;
}

} // namespace Conclave::Server::JsonOutput
