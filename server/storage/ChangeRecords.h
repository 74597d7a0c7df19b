// ChangeRecords: the rows of the change log (the `changes` table), as plain values passed to
// and from ChangeStore. Every committed write a client must learn about appends one change;
// the feed hands them out in sequence order. Times are milliseconds since the Unix epoch.
#pragma once

#include <QString>
#include <QtGlobal>

namespace Conclave::Server {

struct ChangeRecord
{
    QString folderId; // set for a change every reader of the folder sees; else empty
    QString userId;   // set for a change only this user sees; else empty
    QString kind;     // "folder", "membership", "grant", "item", "invitation",
                      // "removed", "blocked", "unblocked" (extend by appending)
    QString objectId; // the id the reader fetches: item id, entry seq, invitation id...
    qint64 atMs = 0;
};

// A change as read back, with the sequence number append() gave it.
struct StoredChange
{
    qint64 seq = 0;
    ChangeRecord change;
};

} // namespace Conclave::Server
