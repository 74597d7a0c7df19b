// The invitations, org_guest_settings and invitation_locks tables.
#include "server/storage/InvitationStore.h"

#include "server/storage/SqlRow.h"

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

// With whether the invitee is a member of the folder now: what turns "accepted" into "added".
const QString kColumns = QStringLiteral(
    "id, folder_id, inviter_id, invitee_email, invitee_id, role, offer, answer, terms, folder_label, "
    "sealed_folder_label, state, created_at, expires_at, decided_at, decided_by, "
    "CASE WHEN EXISTS (SELECT 1 FROM folder_members m WHERE m.folder_id = invitations.folder_id "
    "AND m.user_id = invitations.invitee_id) THEN 1 ELSE 0 END AS invitee_is_member");

InvitationRecord readInvitation(const QSqlQuery& q)
{
    const SqlRow row(q);
    InvitationRecord r;
    r.id = row.text("id");
    r.folderId = row.text("folder_id");
    r.inviterId = row.text("inviter_id");
    r.inviteeEmail = row.text("invitee_email");
    r.inviteeId = row.text("invitee_id");
    r.role = row.text("role");
    r.offer = row.bytes("offer");
    r.answer = row.bytes("answer");
    r.terms = row.bytes("terms");
    r.folderLabel = row.text("folder_label");
    r.sealedFolderLabel = row.bytes("sealed_folder_label");
    r.state = row.text("state");
    r.createdAtMs = row.integer("created_at");
    r.expiresAtMs = row.integer("expires_at");
    r.decidedAtMs = row.integer("decided_at");
    r.decidedBy = row.text("decided_by");
    r.inviteeIsMember = row.integer("invitee_is_member") != 0;
    return r;
}

} // namespace

Status InvitationStore::insertInvitation(const InvitationRecord& r)
{
    return runStatus(
        QStringLiteral(
            "INSERT INTO invitations (id, folder_id, inviter_id, invitee_email, invitee_id, role, "
            "offer, answer, terms, folder_label, sealed_folder_label, state, created_at, "
            "expires_at, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '')"),
        {r.id, r.folderId, r.inviterId, r.inviteeEmail, r.inviteeId, r.role, blob(r.offer), blob(r.answer),
         blob(r.terms), r.folderLabel.isNull() ? QString(QLatin1String("")) : r.folderLabel,
         blob(r.sealedFolderLabel), r.state, r.createdAtMs, r.expiresAtMs});
}

Result<std::optional<InvitationRecord>> InvitationStore::invitation(const QString& id)
{
    return firstRow(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM invitations WHERE id = ?"),
                    {id}, readInvitation);
}

Result<InvitationPage> InvitationStore::page(const QString& where, QVariantList binds,
                                             const InvitationCursor& after, int limit)
{
    // Keyset pagination: stable under inserts, one index range per page.
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM invitations WHERE ") + where;
    if (after.createdAtMs >= 0) {
        sql += QStringLiteral(" AND (created_at > ? OR (created_at = ? AND id > ?))");
        binds << after.createdAtMs << after.createdAtMs << after.id;
    }
    // One more than asked: whether it exists says whether there is a next page.
    sql += QStringLiteral(" ORDER BY created_at, id LIMIT ?");
    binds << limit + 1;
    auto rows = allRows(sql, binds, readInvitation);
    if (!rows)
        return rows.error();
    InvitationPage page;
    page.invitations = std::move(rows.value());
    if (page.invitations.size() > limit) {
        page.invitations.resize(limit);
        const InvitationRecord& last = page.invitations.constLast();
        page.nextCursor = QString::number(last.createdAtMs) + QLatin1Char('~') + last.id;
    }
    return page;
}

Result<InvitationPage> InvitationStore::receivedBy(const QString& email, const QString& inviteeId,
                                                   qint64 nowMs, const InvitationCursor& after, int limit)
{
    return page(
        QStringLiteral("invitee_email = ? AND invitee_id = ? AND state = 'pending' AND expires_at > ?"),
        {email, inviteeId, nowMs}, after, limit);
}

Result<InvitationPage> InvitationStore::ofFolder(const QString& folderId, const InvitationCursor& after,
                                                 int limit)
{
    return page(QStringLiteral("folder_id = ?"), {folderId}, after, limit);
}

Result<InvitationPage> InvitationStore::sentBy(const QString& inviterId, const InvitationCursor& after,
                                               int limit)
{
    return page(QStringLiteral("inviter_id = ?"), {inviterId}, after, limit);
}

Result<int> InvitationStore::pendingForAddress(const QString& email, qint64 nowMs)
{
    auto count = firstRow(QStringLiteral("SELECT COUNT(*) AS n FROM invitations WHERE invitee_email = ? "
                                         "AND state = 'pending' AND expires_at > ?"),
                          {email, nowMs}, [](const QSqlQuery& q) { return int(SqlRow(q).integer("n")); });
    if (!count)
        return count.error();
    return count->value_or(0);
}

Result<bool> InvitationStore::hasOpenInvitation(const QString& folderId, const QString& email, qint64 nowMs)
{
    auto found =
        firstRow(QStringLiteral("SELECT id FROM invitations WHERE folder_id = ? AND invitee_email = ? "
                                "AND ((state = 'pending' AND expires_at > ?) OR state = 'accepted')"),
                 {folderId, email, nowMs}, [](const QSqlQuery& q) { return SqlRow(q).text("id"); });
    if (!found)
        return found.error();
    return found->has_value();
}

Result<InvitationStore::SentCount> InvitationStore::sentSince(const QString& inviterId, qint64 sinceMs)
{
    auto counted = firstRow(QStringLiteral("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM invitations "
                                           "WHERE inviter_id = ? AND created_at >= ?"),
                            {inviterId, sinceMs}, [](const QSqlQuery& q) {
                                const SqlRow row(q);
                                return SentCount{int(row.integer("n")), row.integer("oldest")};
                            });
    if (!counted)
        return counted.error();
    return counted->value_or(SentCount{});
}

Result<bool> InvitationStore::markAccepted(const QString& id, const QByteArray& answer, const QString& by,
                                           qint64 nowMs)
{
    auto changed = changedRows(QStringLiteral("UPDATE invitations SET state = 'accepted', answer = ?, "
                                              "decided_at = ?, decided_by = ? WHERE id = ? "
                                              "AND state = 'pending' AND expires_at > ?"),
                               {blob(answer), nowMs, by, id, nowMs});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<bool> InvitationStore::markDeclined(const QString& id, const QString& by, qint64 nowMs)
{
    auto changed = changedRows(QStringLiteral("UPDATE invitations SET state = 'declined', decided_at = ?, "
                                              "decided_by = ? WHERE id = ? AND state = 'pending' "
                                              "AND expires_at > ?"),
                               {nowMs, by, id, nowMs});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<bool> InvitationStore::markExpired(const QString& id, qint64 nowMs)
{
    auto changed =
        changedRows(QStringLiteral("UPDATE invitations SET state = 'expired', decided_at = expires_at "
                                   "WHERE id = ? AND state = 'pending' AND expires_at <= ?"),
                    {id, nowMs});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<bool> InvitationStore::markCancelled(const QString& id, const QString& by, qint64 nowMs)
{
    auto changed = changedRows(QStringLiteral("UPDATE invitations SET state = 'cancelled', decided_at = ?, "
                                              "decided_by = ? WHERE id = ? AND ((state = 'pending' "
                                              "AND expires_at > ?) OR state = 'accepted')"),
                               {nowMs, by, id, nowMs});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<bool> InvitationStore::markAdded(const QString& id)
{
    auto changed = changedRows(
        QStringLiteral("UPDATE invitations SET state = 'added' WHERE id = ? AND state = 'accepted'"), {id});
    if (!changed)
        return changed.error();
    return changed.value() > 0;
}

Result<bool> InvitationStore::allowsGuests(const QString& orgId)
{
    auto found = firstRow(QStringLiteral("SELECT allow_guests FROM org_guest_settings WHERE org_id = ?"),
                          {orgId}, [](const QSqlQuery& q) { return SqlRow(q).integer("allow_guests") != 0; });
    if (!found)
        return found.error();
    return found->value_or(false);
}

Status InvitationStore::setAllowsGuests(const QString& orgId, bool allow)
{
    return runStatus(
        QStringLiteral("INSERT INTO org_guest_settings (org_id, allow_guests) VALUES (?, ?) "
                       "ON CONFLICT (org_id) DO UPDATE SET allow_guests = excluded.allow_guests"),
        {orgId, allow ? 1 : 0});
}

Status InvitationStore::lock(const QString& key, qint64 nowMs)
{
    return runStatus(QStringLiteral("INSERT INTO invitation_locks (lock_key, touched_at) VALUES (?, ?) "
                                    "ON CONFLICT (lock_key) DO UPDATE SET touched_at = excluded.touched_at"),
                     {key, nowMs});
}

} // namespace Conclave::Server
