// The server's schema history.
#include "server/storage/SchemaMigrations.h"

#include "server/storage/StorageLog.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariantList>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Status;

namespace {

Status failed(const QSqlQuery& query, const QString& what)
{
    qCWarning(lcServerStore) << "migration step failed:" << what << query.lastError().nativeErrorCode();
    return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                          "SchemaMigrations", "The database schema could not be updated."));
}

// Copies every row of `from` into `to`, decoding the base64 text of `binary` columns into
// bytes. Version 1 kept binary values as base64 text; version 2 keeps the bytes themselves.
Status copyDecoding(QSqlDatabase& db, const QString& from, const QString& to, const QStringList& columns,
                    const QStringList& binary)
{
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) +
                     QStringLiteral(" FROM ") + from))
        return failed(select, from);
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO ") + to + QStringLiteral(" (") +
                        columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (") +
                        marks.join(QStringLiteral(", ")) + QLatin1Char(')')))
        return failed(insert, to);
    while (select.next()) {
        const QSqlRecord row = select.record();
        for (const QString& column : columns) {
            const QVariant value = row.value(column);
            if (binary.contains(column)) {
                // Never a null QByteArray: Qt binds that as SQL NULL.
                QByteArray bytes = QByteArray::fromBase64(value.toString().toLatin1());
                insert.addBindValue(bytes.isNull() ? QByteArray("") : bytes);
            } else {
                insert.addBindValue(value);
            }
        }
        if (!insert.exec())
            return failed(insert, to);
    }
    return {};
}

Status binaryColumnsFromBase64(QSqlDatabase& db, SchemaMigrations::Dialect)
{
    if (auto users = copyDecoding(
            db, QStringLiteral("users_v1"), QStringLiteral("users"),
            {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("domain"), QStringLiteral("name"),
             QStringLiteral("auth_key_hash"), QStringLiteral("kdf_salt"), QStringLiteral("kdf_ops"),
             QStringLiteral("kdf_mem"), QStringLiteral("wrapped_account_key"), QStringLiteral("key_bundle"),
             QStringLiteral("wrapped_private_keys"), QStringLiteral("verified"),
             QStringLiteral("ever_verified"), QStringLiteral("created_at")},
            {QStringLiteral("auth_key_hash"), QStringLiteral("kdf_salt"),
             QStringLiteral("wrapped_account_key"), QStringLiteral("key_bundle"),
             QStringLiteral("wrapped_private_keys")});
        !users) {
        return users;
    }
    if (auto codes = copyDecoding(db, QStringLiteral("verifications_v1"), QStringLiteral("verifications"),
                                  {QStringLiteral("user_id"), QStringLiteral("code_hash"),
                                   QStringLiteral("expires_at"), QStringLiteral("attempts")},
                                  {QStringLiteral("code_hash")});
        !codes) {
        return codes;
    }
    return copyDecoding(db, QStringLiteral("sessions_v1"), QStringLiteral("sessions"),
                        {QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("token_hash"),
                         QStringLiteral("created_at"), QStringLiteral("last_seen")},
                        {QStringLiteral("token_hash")});
}

SchemaMigrations::Step sql(const char* text)
{
    return SchemaMigrations::Step{QString::fromLatin1(text), {}};
}

} // namespace

QString SchemaMigrations::expand(const QString& text, Dialect dialect)
{
    const bool sqlite = dialect == Dialect::Sqlite;
    QString out = text;
    out.replace(QStringLiteral("{int64}"), sqlite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT"));
    out.replace(QStringLiteral("{blob}"), sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
    out.replace(QStringLiteral("{noblob}"), sqlite ? QStringLiteral("X''") : QStringLiteral("''::bytea"));
    return out;
}

const QList<SchemaMigrations::Version>& SchemaMigrations::versions()
{
    static const QList<Version> list{
        // 1: accounts, sessions, organisations, sharing blocks (binary values as base64 text).
        {
            sql("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
                "domain TEXT NOT NULL, name TEXT NOT NULL, auth_key_hash TEXT NOT NULL, "
                "kdf_salt TEXT NOT NULL, kdf_ops {int64} NOT NULL, kdf_mem {int64} NOT NULL, "
                "wrapped_account_key TEXT NOT NULL, key_bundle TEXT NOT NULL DEFAULT '', "
                "wrapped_private_keys TEXT NOT NULL DEFAULT '', verified INTEGER NOT NULL, "
                "ever_verified INTEGER NOT NULL DEFAULT 0, created_at {int64} NOT NULL)"),
            sql("CREATE INDEX users_domain ON users (domain)"),
            sql("CREATE TABLE verifications (user_id TEXT PRIMARY KEY REFERENCES users (id) "
                "ON DELETE CASCADE, code_hash TEXT NOT NULL, expires_at {int64} NOT NULL, "
                "attempts INTEGER NOT NULL)"),
            sql("CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                "REFERENCES users (id) ON DELETE CASCADE, token_hash TEXT NOT NULL UNIQUE, "
                "created_at {int64} NOT NULL, last_seen {int64} NOT NULL)"),
            sql("CREATE INDEX sessions_user ON sessions (user_id)"),
            sql("CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                "created_at {int64} NOT NULL)"),
            sql("CREATE TABLE org_members (org_id TEXT NOT NULL REFERENCES organisations (id) "
                "ON DELETE CASCADE, email TEXT NOT NULL, role TEXT NOT NULL, "
                "PRIMARY KEY (org_id, email))"),
            sql("CREATE INDEX org_members_email ON org_members (email)"),
            sql("CREATE TABLE org_domains (org_id TEXT NOT NULL REFERENCES organisations (id) "
                "ON DELETE CASCADE, domain TEXT NOT NULL, PRIMARY KEY (org_id, domain))"),
            sql("CREATE INDEX org_domains_domain ON org_domains (domain)"),
            sql("CREATE TABLE sharing_blocks (id TEXT PRIMARY KEY, org_id TEXT NOT NULL "
                "REFERENCES organisations (id) ON DELETE CASCADE, scope TEXT NOT NULL, "
                "value TEXT NOT NULL, reason TEXT NOT NULL, created_at {int64} NOT NULL)"),
            sql("CREATE INDEX sharing_blocks_org ON sharing_blocks (org_id)"),
        },
        // 2: binary values as BLOB/BYTEA. The three tables are rebuilt (SQLite cannot change a
        // column's type): old ones renamed aside, new ones created, rows copied decoding the
        // base64, old ones dropped children first.
        {
            sql("DROP INDEX users_domain"),
            sql("DROP INDEX sessions_user"),
            sql("ALTER TABLE sessions RENAME TO sessions_v1"),
            sql("ALTER TABLE verifications RENAME TO verifications_v1"),
            sql("ALTER TABLE users RENAME TO users_v1"),
            sql("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
                "domain TEXT NOT NULL, name TEXT NOT NULL, auth_key_hash {blob} NOT NULL, "
                "kdf_salt {blob} NOT NULL, kdf_ops {int64} NOT NULL, kdf_mem {int64} NOT NULL, "
                "wrapped_account_key {blob} NOT NULL, key_bundle {blob} NOT NULL DEFAULT {noblob}, "
                "wrapped_private_keys {blob} NOT NULL DEFAULT {noblob}, verified INTEGER NOT NULL, "
                "ever_verified INTEGER NOT NULL DEFAULT 0, created_at {int64} NOT NULL)"),
            sql("CREATE INDEX users_domain ON users (domain)"),
            sql("CREATE TABLE verifications (user_id TEXT PRIMARY KEY REFERENCES users (id) "
                "ON DELETE CASCADE, code_hash {blob} NOT NULL, expires_at {int64} NOT NULL, "
                "attempts INTEGER NOT NULL)"),
            sql("CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                "REFERENCES users (id) ON DELETE CASCADE, token_hash {blob} NOT NULL UNIQUE, "
                "created_at {int64} NOT NULL, last_seen {int64} NOT NULL)"),
            sql("CREATE INDEX sessions_user ON sessions (user_id)"),
            Step{{}, binaryColumnsFromBase64},
            sql("DROP TABLE sessions_v1"),
            sql("DROP TABLE verifications_v1"),
            sql("DROP TABLE users_v1"),
        },
        // 3: an identity key belongs to one account only (two accounts publishing one key
        // would let one person appear as two members, or a copied bundle pass as another's).
        {
            sql("ALTER TABLE users ADD COLUMN identity_key {blob}"),
            sql("CREATE UNIQUE INDEX users_identity_key ON users (identity_key)"),
        },
        // Change log: the changes feed's rows and the one-row counter that numbers them in
        // commit order (ChangeStore). A change is addressed to a folder or to one user; no
        // foreign keys, so a change outlives the folder or invitation it announces. And the
        // one-row access epoch, raised by every write that ends or changes someone's access,
        // which lets each server process cache sessions and sharing gates (AccessStore).
        {
            sql("CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), "
                "last_seq {int64} NOT NULL)"),
            sql("INSERT INTO change_counter (id, last_seq) VALUES (1, 0)"),
            sql("CREATE TABLE changes (seq {int64} PRIMARY KEY, folder_id TEXT NOT NULL, "
                "user_id TEXT NOT NULL, kind TEXT NOT NULL, object_id TEXT NOT NULL, "
                "created_at {int64} NOT NULL, CHECK ((folder_id = '') <> (user_id = '')))"),
            sql("CREATE INDEX changes_folder ON changes (folder_id, seq)"),
            sql("CREATE INDEX changes_user ON changes (user_id, seq)"),
            sql("CREATE TABLE access_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), epoch {int64} NOT NULL)"),
            sql("INSERT INTO access_epoch (id, epoch) VALUES (1, 0)"),
        },
        // Team Sharing: folders, their members (derived from the membership log), the log,
        // key grants and chain links, items with every revision under its envelope hash, and
        // the folder state chain. deleted_at is 0 while a folder is not deleted.
        {
            sql("CREATE TABLE folders (id TEXT PRIMARY KEY, org_id TEXT NOT NULL "
                "REFERENCES organisations (id) ON DELETE CASCADE, created_by TEXT NOT NULL, "
                "created_at {int64} NOT NULL, deleted_at {int64} NOT NULL DEFAULT 0, "
                "log_length {int64} NOT NULL, key_version {int64} NOT NULL, "
                "state_seq {int64} NOT NULL DEFAULT 0)"),
            sql("CREATE INDEX folders_org ON folders (org_id)"),
            sql("CREATE INDEX folders_deleted ON folders (deleted_at)"),
            sql("CREATE TABLE folder_members (folder_id TEXT NOT NULL REFERENCES folders (id) "
                "ON DELETE CASCADE, user_id TEXT NOT NULL, role TEXT NOT NULL, "
                "since_seq {int64} NOT NULL, PRIMARY KEY (folder_id, user_id))"),
            sql("CREATE INDEX folder_members_user ON folder_members (user_id)"),
            sql("CREATE TABLE membership_entries (folder_id TEXT NOT NULL REFERENCES folders (id) "
                "ON DELETE CASCADE, seq {int64} NOT NULL, entry {blob} NOT NULL, "
                "entry_hash {blob} NOT NULL, signer_id TEXT NOT NULL, action INTEGER NOT NULL, "
                "created_at {int64} NOT NULL, PRIMARY KEY (folder_id, seq))"),
            sql("CREATE TABLE grants (folder_id TEXT NOT NULL REFERENCES folders (id) "
                "ON DELETE CASCADE, recipient_id TEXT NOT NULL, key_version {int64} NOT NULL, "
                "log_position {int64} NOT NULL, granter_id TEXT NOT NULL, grant_bytes {blob} NOT NULL, "
                "created_at {int64} NOT NULL, PRIMARY KEY (folder_id, recipient_id, key_version))"),
            sql("CREATE INDEX grants_recipient ON grants (recipient_id)"),
            sql("CREATE TABLE key_links (folder_id TEXT NOT NULL REFERENCES folders (id) "
                "ON DELETE CASCADE, key_version {int64} NOT NULL, link {blob} NOT NULL, "
                "PRIMARY KEY (folder_id, key_version))"),
            sql("CREATE TABLE item_revisions (folder_id TEXT NOT NULL REFERENCES folders (id) "
                "ON DELETE CASCADE, envelope_hash {blob} NOT NULL, item_id TEXT NOT NULL, "
                "revision {int64} NOT NULL, kind INTEGER NOT NULL, key_version {int64} NOT NULL, "
                "author_id TEXT NOT NULL, state_seq {int64} NOT NULL, envelope {blob} NOT NULL, "
                "created_at {int64} NOT NULL, PRIMARY KEY (folder_id, envelope_hash))"),
            sql("CREATE UNIQUE INDEX item_revisions_item ON item_revisions (folder_id, item_id, revision)"),
            sql("CREATE INDEX item_revisions_state ON item_revisions (folder_id, state_seq)"),
            sql("CREATE TABLE items (folder_id TEXT NOT NULL REFERENCES folders (id) ON DELETE CASCADE, "
                "item_id TEXT NOT NULL, revision {int64} NOT NULL, kind INTEGER NOT NULL, "
                "envelope_hash {blob} NOT NULL, state_seq {int64} NOT NULL, updated_at {int64} NOT NULL, "
                "PRIMARY KEY (folder_id, item_id))"),
            sql("CREATE TABLE folder_states (folder_id TEXT NOT NULL REFERENCES folders (id) "
                "ON DELETE CASCADE, seq {int64} NOT NULL, state {blob} NOT NULL, "
                "state_hash {blob} NOT NULL, writer_id TEXT NOT NULL, created_at {int64} NOT NULL, "
                "PRIMARY KEY (folder_id, seq))"),
        },
        // Invitations: invitations to shared folders with their offer and answer blobs, each
        // organisation's guest setting, and the lock rows the invitation limits are counted under.
        {
            sql("CREATE TABLE invitations (id TEXT PRIMARY KEY, folder_id TEXT NOT NULL "
                "REFERENCES folders (id) ON DELETE CASCADE, inviter_id TEXT NOT NULL REFERENCES users (id) "
                "ON DELETE CASCADE, "
                "invitee_email TEXT NOT NULL, invitee_id TEXT NOT NULL, role TEXT NOT NULL, "
                "offer {blob} NOT NULL, answer {blob} NOT NULL, folder_label TEXT NOT NULL, "
                "sealed_folder_label {blob} NOT NULL, state TEXT NOT NULL, created_at {int64} NOT NULL, "
                "expires_at {int64} NOT NULL, decided_at {int64} NOT NULL, decided_by TEXT NOT NULL)"),
            sql("CREATE INDEX invitations_invitee ON invitations (invitee_email, state, expires_at)"),
            sql("CREATE INDEX invitations_inviter ON invitations (inviter_id, created_at, id)"),
            sql("CREATE INDEX invitations_folder ON invitations (folder_id, created_at, id)"),
            sql("CREATE TABLE org_guest_settings (org_id TEXT PRIMARY KEY REFERENCES organisations (id) "
                "ON DELETE CASCADE, allow_guests INTEGER NOT NULL)"),
            sql("CREATE TABLE invitation_locks (lock_key TEXT PRIMARY KEY, touched_at {int64} NOT NULL)"),
        },
        // Audit: each organisation's hash-chained log (the server's own under org_id ''), its
        // head per organisation, the newest entries per object and the signed checkpoints. No
        // foreign keys: the log outlives what it is about.
        {
            sql("CREATE TABLE audit_log (org_id TEXT NOT NULL, seq {int64} NOT NULL, "
                "entry {blob} NOT NULL, hash {blob} NOT NULL, PRIMARY KEY (org_id, seq))"),
            sql("CREATE TABLE audit_heads (org_id TEXT PRIMARY KEY, seq {int64} NOT NULL, "
                "hash {blob} NOT NULL)"),
            sql("CREATE TABLE audit_objects (org_id TEXT NOT NULL, object_kind TEXT NOT NULL, "
                "object_id TEXT NOT NULL, seq {int64} NOT NULL, "
                "PRIMARY KEY (org_id, object_kind, object_id, seq))"),
            sql("CREATE TABLE audit_checkpoints (org_id TEXT NOT NULL, seq {int64} NOT NULL, "
                "at {int64} NOT NULL, head {blob} NOT NULL, signature {blob} NOT NULL, "
                "PRIMARY KEY (org_id, seq))"),
        },
        // An invitation's terms (who is invited to which role), signed by the inviter, so
        // another manager's client completes it as the inviter decided. Empty for the
        // invitations stored before: those are completed by their inviter's client only.
        {
            sql("ALTER TABLE invitations ADD COLUMN terms {blob} NOT NULL DEFAULT {noblob}"),
        },
    };
    return list;
}

} // namespace Conclave::Server
