// LogCheckpoint: the length and head hash of a membership log as a client last accepted it.
// A later log that is shorter (rollback, truncation) or has a different entry at the
// remembered position (fork) is refused. The sync layer persists it per folder.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Conclave::Core {

struct LogCheckpoint
{
    quint64 length = 0;
    QByteArray headHash; // hash of entry length - 1
};

} // namespace Conclave::Core
