// Pages of the changes feed.
#include "server/services/FeedService.h"

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;

FeedService::FeedService(ChangeStore& changes)
    : m_changes(changes)
{}

Result<FeedPage> FeedService::page(const QString& userId, qint64 cursor, int limit)
{
    // The head first: every change up to it is committed and readable (ChangeStore's counter
    // hands out numbers in commit order), so reading up to it never steps over one still
    // to commit.
    auto head = m_changes.head();
    if (!head)
        return head.error();
    if (cursor > head.value()) {
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The cursor is ahead of this server's changes. Read the feed "
                                          "again from cursor 0."),
                           QStringLiteral("cursor"));
    }
    FeedPage page;
    page.cursor = cursor;
    if (cursor == head.value())
        return page;
    const qint64 upTo = qMin(head.value(), cursor + kScanWindow);
    // One more than asked for tells whether the page is full.
    auto changes = m_changes.changesFor(userId, cursor, upTo, limit + 1);
    if (!changes)
        return changes.error();
    if (changes->size() > limit) {
        changes->resize(limit);
        page.cursor = changes->last().seq;
        page.more = true;
    } else {
        page.cursor = upTo;
        page.more = upTo < head.value();
    }
    page.changes = std::move(changes.value());
    return page;
}

} // namespace Conclave::Server
