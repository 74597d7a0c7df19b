// FeedService: one page of a user's changes feed. The cursor is a position in the server's
// one change log, shared by every user: a page holds the changes after the cursor that the
// user may read, and the cursor to ask with next, which may pass over changes of others. An
// unchanged client's poll (cursor at the head) costs one primary-key lookup of the counter.
#pragma once

#include "server/storage/ChangeStore.h"

#include "core/util/Result.h"

#include <QList>

namespace Conclave::Server {

struct FeedPage
{
    QList<StoredChange> changes;
    qint64 cursor = 0; // exclusive: ask with it next time; never below the one asked with
    bool more = false; // another page follows at once
};

class FeedService final
{
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 500;
    // The most log positions one request looks at: a client far behind (or new, at cursor
    // 0) is answered in bounded time with `more` set, however long the log.
    static constexpr qint64 kScanWindow = 10000;
    // The largest cursor a client may send: JSON numbers are exact up to 2^53 - 1.
    static constexpr qint64 kMaxCursor = (qint64(1) << 53) - 1;

    explicit FeedService(ChangeStore& changes);
    Q_DISABLE_COPY_MOVE(FeedService)

    // InvalidInput (field "cursor") for a cursor ahead of the log, which only a client of
    // another server (or of this one before a restore) can hold.
    Core::Result<FeedPage> page(const QString& userId, qint64 cursor, int limit);
    // The newest committed sequence number (what a live connection is told when it opens).
    Core::Result<qint64> head() { return m_changes.head(); }

private:
    ChangeStore& m_changes;
};

} // namespace Conclave::Server
