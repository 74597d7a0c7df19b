// The folders, folder_members, folder_states and key_links tables.
#include "server/storage/FolderStore.h"

#include "server/storage/SqlRow.h"

#include <QStringList>

namespace Conclave::Server {

using Core::Result;
using Core::Status;

namespace {

const QString kFolderColumns =
    QStringLiteral("id, org_id, created_by, created_at, deleted_at, log_length, key_version, state_seq");

FolderRecord readFolder(const QSqlQuery& q)
{
    const SqlRow row(q);
    return FolderRecord{row.text("id"),
                        row.text("org_id"),
                        row.text("created_by"),
                        row.integer("created_at"),
                        row.integer("deleted_at"),
                        row.integer("log_length"),
                        row.integer("key_version"),
                        row.integer("state_seq")};
}

FolderMemberRecord readMember(const QSqlQuery& q)
{
    const SqlRow row(q);
    return FolderMemberRecord{
        row.text("folder_id"), row.text("user_id"), row.text("role"), row.integer("since_seq"), {}};
}

} // namespace

Status FolderStore::insertFolder(const FolderRecord& f)
{
    return runStatus(
        QStringLiteral("INSERT INTO folders (") + kFolderColumns +
            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {f.id, f.orgId, f.createdBy, f.createdAtMs, f.deletedAtMs, f.logLength, f.keyVersion, f.stateSeq});
}

Result<std::optional<FolderRecord>> FolderStore::folder(const QString& folderId)
{
    return firstRow(QStringLiteral("SELECT ") + kFolderColumns + QStringLiteral(" FROM folders WHERE id = ?"),
                    {folderId}, readFolder);
}

Status FolderStore::lockFolder(const QString& folderId)
{
    return runStatus(QStringLiteral("UPDATE folders SET state_seq = state_seq WHERE id = ?"), {folderId});
}

Result<QList<FolderRecord>> FolderStore::foldersOf(const QString& userId)
{
    return allRows(QStringLiteral("SELECT f.id AS id, f.org_id AS org_id, f.created_by AS created_by, "
                                  "f.created_at AS created_at, f.deleted_at AS deleted_at, "
                                  "f.log_length AS log_length, f.key_version AS key_version, "
                                  "f.state_seq AS state_seq FROM folders f JOIN folder_members m "
                                  "ON m.folder_id = f.id WHERE m.user_id = ? ORDER BY f.created_at, f.id"),
                   {userId}, readFolder);
}

Result<bool> FolderStore::advanceLog(const QString& folderId, qint64 fromLength, qint64 toLength,
                                     qint64 keyVersion)
{
    auto changed = changedRows(QStringLiteral("UPDATE folders SET log_length = ?, key_version = ? "
                                              "WHERE id = ? AND log_length = ?"),
                               {toLength, keyVersion, folderId, fromLength});
    if (!changed)
        return changed.error();
    return changed.value() == 1;
}

Result<bool> FolderStore::advanceState(const QString& folderId, qint64 fromSeq, qint64 toSeq)
{
    auto changed =
        changedRows(QStringLiteral("UPDATE folders SET state_seq = ? WHERE id = ? AND state_seq = ?"),
                    {toSeq, folderId, fromSeq});
    if (!changed)
        return changed.error();
    return changed.value() == 1;
}

Result<bool> FolderStore::setDeleted(const QString& folderId, qint64 deletedAtMs)
{
    auto changed = changedRows(QStringLiteral("UPDATE folders SET deleted_at = ? WHERE id = ?"),
                               {deletedAtMs, folderId});
    if (!changed)
        return changed.error();
    return changed.value() == 1;
}

Result<QStringList> FolderStore::deletedBefore(qint64 cutoffMs)
{
    return allRows(
        QStringLiteral("SELECT id FROM folders WHERE deleted_at > 0 AND deleted_at < ? ORDER BY id"),
        {cutoffMs}, [](const QSqlQuery& q) { return SqlRow(q).text("id"); });
}

Status FolderStore::removeFolder(const QString& folderId)
{
    // Every sharing table refers to folders with ON DELETE CASCADE (SQLite runs with
    // foreign_keys=ON), so one statement removes the folder with everything it holds.
    return runStatus(QStringLiteral("DELETE FROM folders WHERE id = ?"), {folderId});
}

Status FolderStore::putMember(const FolderMemberRecord& m)
{
    return runStatus(QStringLiteral("INSERT INTO folder_members (folder_id, user_id, role, since_seq) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT (folder_id, user_id) DO UPDATE "
                                    "SET role = excluded.role, since_seq = excluded.since_seq"),
                     {m.folderId, m.userId, m.role, m.sinceSeq});
}

Status FolderStore::removeMember(const QString& folderId, const QString& userId)
{
    return runStatus(QStringLiteral("DELETE FROM folder_members WHERE folder_id = ? AND user_id = ?"),
                     {folderId, userId});
}

Result<std::optional<FolderMemberRecord>> FolderStore::member(const QString& folderId, const QString& userId)
{
    return firstRow(QStringLiteral("SELECT folder_id, user_id, role, since_seq FROM folder_members "
                                   "WHERE folder_id = ? AND user_id = ?"),
                    {folderId, userId}, readMember);
}

Result<QList<FolderMemberRecord>> FolderStore::membersOf(const QString& folderId)
{
    return allRows(QStringLiteral("SELECT m.folder_id, m.user_id, m.role, m.since_seq, u.email "
                                  "FROM folder_members m LEFT JOIN users u ON u.id = m.user_id "
                                  "WHERE m.folder_id = ? ORDER BY m.user_id"),
                   {folderId}, [](const QSqlQuery& q) {
                       FolderMemberRecord member = readMember(q);
                       member.email = SqlRow(q).text("email");
                       return member;
                   });
}

Status FolderStore::insertState(const FolderStateRecord& s)
{
    return runStatus(
        QStringLiteral("INSERT INTO folder_states (folder_id, seq, state, state_hash, writer_id, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {s.folderId, s.seq, blob(s.state), blob(s.stateHash), s.writerId, s.createdAtMs});
}

Result<std::optional<FolderStateRecord>> FolderStore::state(const QString& folderId, qint64 seq)
{
    return firstRow(QStringLiteral("SELECT folder_id, seq, state, state_hash, writer_id, created_at "
                                   "FROM folder_states WHERE folder_id = ? AND seq = ?"),
                    {folderId, seq}, [](const QSqlQuery& q) {
                        const SqlRow row(q);
                        return FolderStateRecord{row.text("folder_id"), row.integer("seq"),
                                                 row.bytes("state"),    row.bytes("state_hash"),
                                                 row.text("writer_id"), row.integer("created_at")};
                    });
}

Status FolderStore::insertKeyLink(const QString& folderId, qint64 keyVersion, const QByteArray& link)
{
    return runStatus(QStringLiteral("INSERT INTO key_links (folder_id, key_version, link) VALUES (?, ?, ?)"),
                     {folderId, keyVersion, blob(link)});
}

Result<QList<QPair<qint64, QByteArray>>> FolderStore::keyLinks(const QString& folderId)
{
    return allRows(QStringLiteral("SELECT key_version, link FROM key_links WHERE folder_id = ? "
                                  "ORDER BY key_version"),
                   {folderId}, [](const QSqlQuery& q) {
                       const SqlRow row(q);
                       return qMakePair(row.integer("key_version"), row.bytes("link"));
                   });
}

} // namespace Conclave::Server
