// InvitationRecords: the rows of the invitation table group — invitations to shared folders
// and each organisation's guest setting — as plain values passed to and from InvitationStore.
// Times are milliseconds since the Unix epoch (UTC); binary values are raw bytes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Conclave::Server {

struct InvitationRecord
{
    QString id;                   // the invitation id the inviter's client chose (in the offer)
    QString folderId;             // UUID without braces
    QString inviterId;            // who created it
    QString inviteeEmail;         // normalised (trimmed, lower case)
    QString inviteeId;            // the invitee id in the offer; not necessarily an account's
    QString role;                 // "view", "edit" or "manage"
    QByteArray offer;             // Invitation::offer, 153 bytes, relayed to the invitee
    QByteArray answer;            // Invitation::answer, 269 bytes once accepted; empty before
    QByteArray terms;             // Invitation::signTerms by the inviter; empty if stored before them
    QString folderLabel;          // what the inviter chose to show in plain text; may be empty
    QByteArray sealedFolderLabel; // what the inviter chose to show sealed; may be empty
    // "pending", "accepted", "added", "declined" or "cancelled" as stored; a pending
    // invitation past expiresAtMs is expired. An accepted one becomes added when its invitee
    // is found to be a member of the folder (the add entry went through the membership log).
    QString state;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 decidedAtMs = 0;       // when accepted, declined or cancelled; 0 while pending
    QString decidedBy;            // the user who accepted, declined or cancelled
    bool inviteeIsMember = false; // read only: the invitee is now a member of the folder
};

// One page of a listing, in (createdAtMs, id) order, and the cursor that continues it
// (empty on the last page).
struct InvitationPage
{
    QList<InvitationRecord> invitations;
    QString nextCursor;
};

// Where a page starts: after the invitation created at `createdAtMs` with id `id`.
struct InvitationCursor
{
    qint64 createdAtMs = -1; // -1: from the start
    QString id;
};

} // namespace Conclave::Server
