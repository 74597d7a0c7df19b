// InvitationService: invitations to shared folders (DESIGN §4, docs/security/protocol.md
// §9.1). A folder's manager invites an email address with a role, the inviter's offer blob
// and what it chooses to show the invitee (a plain or a sealed folder label); the invitee
// lists, accepts with its answer blob or declines; the inviter or any manager cancels.
// Accepting does not add the member: a manager's client checks the answer and signs the add
// entry through the membership log, and the invitation then reads as added.
//
// The server checks only the blobs' layout. Anti-spam limits, all on the injected clock:
// at most kMaxPendingPerInvitee pending invitations per address, kMaxSentPerDay created per
// user in any rolling kSentWindowMs, at most kMaxPageSize per page, expiry as the inviter
// signed it in the terms, at most kLifetimeMs after creation. Only addresses that are members of the folder's
// organisation (by address or domain) can be invited unless the organisation allows guests. Creating never
// looks at the invitee's account: an address without an account, or with an unverified one, gets the same
// answer by the same path, and the invitation is seen only by a verified account with that
// address and the offer's invitee id.
#pragma once

#include "server/services/AuditService.h"
#include "server/services/LiveHub.h"
#include "server/storage/AccountStore.h"
#include "server/storage/ChangeStore.h"
#include "server/storage/FolderStore.h"
#include "server/storage/InvitationStore.h"
#include "server/storage/OrganisationStore.h"

#include "core/util/Clock.h"

#include <functional>

namespace Conclave::Server {

struct InvitationRequest
{
    QString folderId;
    QString email;
    QString role; // "view", "edit" or "manage"
    QByteArray offer;
    QByteArray terms; // Invitation::signTerms by the caller
    QString folderLabel;
    QByteArray sealedFolderLabel;
};

// Why a request was refused, so the HTTP layer can answer with the precise reason.
enum class InvitationRefusal
{
    None,
    Invalid,           // 400: the input (error.field names it)
    Forbidden,         // 403: the caller lacks the right
    NotInOrganisation, // 403: the address is outside the folder's organisation, no guests
    NotFound,          // 404: no such invitation or folder the caller may see
    Conflict,          // 409: already decided, already invited, already a member
    TooManyPending,    // 409: the address has kMaxPendingPerInvitee pending invitations
    Expired,           // 410: the invitation expired
    TooManySent,       // 429: kMaxSentPerDay in the window; retryAfterSeconds says when
    Failed,            // the storage failed (error says how)
};

struct [[nodiscard]] InvitationOutcome
{
    InvitationRecord invitation;
    InvitationRefusal refusal = InvitationRefusal::None;
    Core::Error error;
    int retryAfterSeconds = 0;

    bool ok() const { return refusal == InvitationRefusal::None; }
};

class InvitationService final
{
public:
    static constexpr int kMaxPendingPerInvitee = 50;
    static constexpr int kMaxSentPerDay = 100;
    static constexpr qint64 kSentWindowMs = 24LL * 60 * 60 * 1000;
    static constexpr int kMaxPageSize = 20;
    // The expiry the inviter signs: from kMinLifetimeMs to kLifetimeMs after now on the
    // server's clock, kClockDriftMs later allowed.
    static constexpr qint64 kLifetimeMs = 7LL * 24 * 60 * 60 * 1000;
    static constexpr qint64 kMinLifetimeMs = 60LL * 60 * 1000;
    static constexpr qint64 kClockDriftMs = 10LL * 60 * 1000;
    static constexpr int kMaxLabelLength = 200;
    static constexpr qsizetype kMaxSealedLabelBytes = 1024;
    static inline const QStringList kRoles{QStringLiteral("view"), QStringLiteral("edit"),
                                           QStringLiteral("manage")};

    InvitationService(SqlDatabase& database, InvitationStore& invitations, FolderStore& folders,
                      AccountStore& accounts, OrganisationStore& organisations, ChangeStore& changes,
                      LiveHub& live, const Core::Clock& clock, AuditService& audit);
    Q_DISABLE_COPY_MOVE(InvitationService)

    InvitationOutcome create(const QString& inviterId, const InvitationRequest& request);
    // The caller's pending, unexpired invitations.
    Core::Result<InvitationPage> received(const QString& userId, const InvitationCursor& after, int limit);
    // A folder's invitations in every state: its managers only.
    Core::Result<InvitationPage> ofFolder(const QString& userId, const QString& folderId,
                                          const InvitationCursor& after, int limit);
    // The invitations the caller created, in every state.
    Core::Result<InvitationPage> sent(const QString& userId, const InvitationCursor& after, int limit);
    // One invitation, for its invitee, its inviter or a manager of its folder; NotFound for
    // anyone else, as for an id that does not exist. `managerView` is set when the caller
    // sees it as inviter or manager (with the invitee's address and the answer).
    InvitationOutcome invitation(const QString& userId, const QString& invitationId, bool* managerView);
    InvitationOutcome accept(const QString& userId, const QString& invitationId, const QByteArray& answer);
    InvitationOutcome decline(const QString& userId, const QString& invitationId);
    InvitationOutcome cancel(const QString& userId, const QString& invitationId);

    // "pending", "expired", "accepted" (waiting for a manager to add the member), "added",
    // "declined" or "cancelled", at `nowMs`.
    static QString status(const InvitationRecord& invitation, qint64 nowMs);
    qint64 nowMs() const;
    // The page size asked for (0: the default) checked against kMaxPageSize.
    static Core::Result<int> pageSize(int asked);
    static Core::Result<InvitationCursor> parseCursor(const QString& cursor);

    // The organisation's "allow guests" setting (off by default).
    Core::Result<bool> allowsGuests(const QString& orgId);
    Core::Status setAllowsGuests(const QString& orgId, bool allow);

private:
    // The invitee's view: only for the verified account with the invitation's address and id.
    bool isInvitee(const InvitationRecord& invitation, const UserRecord& user) const;
    // The caller's role in the folder ("" when not a member).
    Core::Result<QString> roleIn(const QString& folderId, const QString& userId);
    // Whether the address may be invited into (or accept into) the organisation's folder.
    Core::Result<bool> admits(const QString& orgId, const QString& email);
    // Records "added" for accepted invitations whose invitee is a member of the folder now,
    // and "expired" (audited once, by whichever request notices it first) for pending ones
    // past their time.
    Core::Status settle(InvitationRecord& invitation);
    Core::Status noticeExpiry(InvitationRecord& invitation);
    Core::Status settle(InvitationPage& page);
    // The change for the invitee and the one for the folder's readers, and the entry in the
    // folder's audit history ("invitation.<action>" by `actorId`), in the transaction; the
    // changes' sequence numbers for hint().
    Core::Result<QList<qint64>> announce(const InvitationRecord& invitation, const QString& actorId,
                                         const QString& action, qint64 nowMs);
    // After the commit: the live hints for what announce() appended.
    void hint(const InvitationRecord& invitation, const QList<qint64>& seqs);
    // Loads the invitation and the caller for accept and decline (NotFound unless invitee).
    InvitationOutcome forInvitee(const QString& userId, const QString& invitationId, UserRecord* user);
    InvitationOutcome decided(const QString& invitationId, const char* action);
    // The shared tail of accept, decline and cancel: `mark` moves the stored state in a
    // transaction (false: another request decided first), then the invitation is announced,
    // audited and committed as `state` by `userId`.
    InvitationOutcome decide(InvitationRecord invitation, const QString& userId, const char* state,
                             const std::function<Core::Result<bool>(qint64 nowMs)>& mark);

    SqlDatabase& m_database;
    InvitationStore& m_invitations;
    FolderStore& m_folders;
    AccountStore& m_accounts;
    OrganisationStore& m_organisations;
    ChangeStore& m_changes;
    LiveHub& m_live;
    const Core::Clock& m_clock;
    AuditService& m_audit;
};

} // namespace Conclave::Server
