// SharingRecords: the Team Sharing rows the server keeps (folders, members, the membership
// log, grants, key chain links, item revisions and the folder state chain), as plain values
// passed to and from FolderStore, MembershipStore, GrantStore and ItemStore. Everything
// binary is exactly what a client signed or encrypted; the server adds ids, times and
// positions only. Times are milliseconds since the Unix epoch (UTC).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Conclave::Server {

struct FolderRecord
{
    QString id; // UUID without braces, chosen by the creating client (it is in the log)
    QString orgId;
    QString createdBy;
    qint64 createdAtMs = 0;
    qint64 deletedAtMs = 0; // 0 while not deleted; restorable for 7 days after
    qint64 logLength = 0;   // membership log entries
    qint64 keyVersion = 0;  // current folder key version per the log
    qint64 stateSeq = 0;    // sequence of the newest folder state; 0 before the first write
};

// One current member, as the membership log establishes them (kept in step with every
// appended entry, in the same transaction).
struct FolderMemberRecord
{
    QString folderId;
    QString userId;
    QString role;        // "view", "edit" or "manage"
    qint64 sinceSeq = 0; // log sequence of the entry that gave the current role
    QString email;       // the member's address (membersOf only), shown to the folder's members
};

struct MembershipEntryRecord
{
    QString folderId;
    qint64 seq = 0;
    QByteArray entry; // MembershipEntry::serialize()
    QByteArray entryHash;
    QString signerId;
    int action = 0;
    qint64 createdAtMs = 0;
};

struct GrantRecord
{
    QString folderId;
    QString recipientId;
    qint64 keyVersion = 0;
    qint64 logPosition = 0;
    QString granterId;
    QByteArray grant; // FolderKeyGrant::serialize()
    qint64 createdAtMs = 0;
};

// One stored envelope, addressed by its BLAKE2b hash (ItemEnvelope::hash()).
struct ItemRevisionRecord
{
    QString folderId;
    QByteArray envelopeHash;
    QString itemId;
    qint64 revision = 0;
    int kind = 0; // ItemKind: 1 item, 2 delete marker, 3 folder name
    qint64 keyVersion = 0;
    QString authorId;
    qint64 stateSeq = 0; // the folder state that wrote it
    QByteArray envelope;
    qint64 createdAtMs = 0;
};

// The newest revision of an item (delete markers included).
struct ItemRecord
{
    QString folderId;
    QString itemId;
    qint64 revision = 0;
    int kind = 0;
    QByteArray envelopeHash;
    qint64 stateSeq = 0;
    qint64 updatedAtMs = 0;
};

struct FolderStateRecord
{
    QString folderId;
    qint64 seq = 0;
    QByteArray state; // FolderState::serialize()
    QByteArray stateHash;
    QString writerId;
    qint64 createdAtMs = 0;
};

} // namespace Conclave::Server
