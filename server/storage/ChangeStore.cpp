// The change log: the `changes` table and its one-row counter.
#include "server/storage/ChangeStore.h"

#include "server/storage/SqlRow.h"
#include "server/storage/StorageLog.h"

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;

namespace {

StoredChange readChange(const QSqlQuery& q)
{
    const SqlRow row(q);
    return StoredChange{row.integer("seq"),
                        ChangeRecord{row.text("folder_id"), row.text("user_id"), row.text("kind"),
                                     row.text("object_id"), row.integer("created_at")}};
}

// Qt binds a null QString as SQL NULL, which the NOT NULL columns refuse; "none" is ''.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

Result<qint64> ChangeStore::append(const ChangeRecord& change)
{
    // Outside a transaction the counter and the row would commit apart, and a reader could
    // see the new head before its row: it would step over that change for good.
    if (!inTransaction()) {
        qCWarning(lcServerStore) << "change appended outside a transaction";
        return Error::make(ErrorCode::Internal,
                           QStringLiteral("A change must be appended inside the write's transaction."));
    }
    if (change.kind.isEmpty() || (change.folderId.isEmpty() == change.userId.isEmpty())) {
        return Error::make(ErrorCode::Internal,
                           QStringLiteral("A change needs a kind and exactly one of folder and user."));
    }
    // The UPDATE locks the counter row until this transaction ends (PostgreSQL, READ
    // COMMITTED); a concurrent appender blocks on it and then reads the committed value.
    // So n+1 is only handed out after n committed (or rolled back, which returns n).
    auto seq = firstRow(QStringLiteral("UPDATE change_counter SET last_seq = last_seq + 1 WHERE id = 1 "
                                       "RETURNING last_seq"),
                        {}, [](const QSqlQuery& q) { return SqlRow(q).integer("last_seq"); });
    if (!seq)
        return seq.error();
    if (!seq->has_value()) {
        qCWarning(lcServerStore) << "change counter row missing";
        return Error::make(ErrorCode::Internal, QStringLiteral("The change log's counter is missing."));
    }
    const qint64 number = **seq;
    if (auto inserted = runStatus(QStringLiteral("INSERT INTO changes (seq, folder_id, user_id, kind, "
                                                 "object_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                  {number, notNull(change.folderId), notNull(change.userId), change.kind,
                                   notNull(change.objectId), change.atMs});
        !inserted) {
        return inserted.error();
    }
    return number;
}

Result<qint64> ChangeStore::head()
{
    auto last = firstRow(QStringLiteral("SELECT last_seq FROM change_counter WHERE id = 1"), {},
                         [](const QSqlQuery& q) { return SqlRow(q).integer("last_seq"); });
    if (!last)
        return last.error();
    return last->value_or(0);
}

Result<QList<StoredChange>> ChangeStore::changesFor(const QString& userId, qint64 after, qint64 upTo,
                                                    int limit)
{
    return allRows(QStringLiteral("SELECT seq, folder_id, user_id, kind, object_id, created_at FROM changes "
                                  "WHERE seq > ? AND seq <= ? AND user_id = ? ORDER BY seq LIMIT ?"),
                   {after, upTo, userId, limit}, readChange);
}

Result<QList<StoredChange>> ChangeStore::changesBetween(qint64 after, qint64 upTo, int limit)
{
    return allRows(QStringLiteral("SELECT seq, folder_id, user_id, kind, object_id, created_at FROM changes "
                                  "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?"),
                   {after, upTo, limit}, readChange);
}

} // namespace Conclave::Server
