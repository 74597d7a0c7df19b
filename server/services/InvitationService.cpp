// Invitations to shared folders: limits, expiry, the relayed blobs, the guest setting.
#include "server/services/InvitationService.h"

#include "server/services/EmailAddress.h"
#include "server/services/ServiceLog.h"
#include "server/services/TextRules.h"
#include "server/storage/StorageTransaction.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Invitation.h"
#include "core/crypto/UserKeys.h"

#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

QString text(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

InvitationOutcome refuse(InvitationRefusal refusal, const QString& message, const QString& field = {})
{
    InvitationOutcome outcome;
    outcome.refusal = refusal;
    outcome.error = Error::make(
        refusal == InvitationRefusal::Invalid ? ErrorCode::InvalidInput : ErrorCode::Denied, message, field);
    return outcome;
}

InvitationOutcome failed(const Error& error)
{
    InvitationOutcome outcome;
    outcome.refusal = InvitationRefusal::Failed;
    outcome.error = error;
    return outcome;
}

InvitationOutcome granted(InvitationRecord invitation)
{
    InvitationOutcome outcome;
    outcome.invitation = std::move(invitation);
    return outcome;
}

InvitationOutcome notFound()
{
    // One sentence for "no such id" and "not yours": the answer tells nobody which it is.
    return refuse(InvitationRefusal::NotFound,
                  QStringLiteral("There is no invitation with this id for you."));
}

// What the offer binds in the clear (docs/security/protocol.md §9.1): its layout only; the
// MAC is for the invitee's client, which holds the code.
struct OfferBinding
{
    QUuid invitationId;
    QUuid folderId;
    QUuid inviterId;
    QUuid inviteeId;
    QByteArray inviterKey;
};

Result<OfferBinding> readOffer(const QByteArray& offer)
{
    static_assert(Core::Invitation::kOfferSize == 153);
    Core::ByteReader reader(offer, QStringLiteral("offer"));
    reader.expectTag(Core::DomainTags::kInvitationOffer);
    OfferBinding binding;
    binding.invitationId = reader.uuid();
    binding.folderId = reader.uuid();
    binding.inviterId = reader.uuid();
    binding.inviteeId = reader.uuid();
    binding.inviterKey = reader.fixed(Core::UserKeys::kPublicKeySize).toByteArray();
    reader.fixed(Core::Invitation::kMacSize);
    if (auto parsed = reader.finish(); !parsed || offer.size() != Core::Invitation::kOfferSize)
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The offer is not an invitation offer of 153 bytes."),
                           QStringLiteral("offer"));
    return binding;
}

} // namespace

InvitationService::InvitationService(SqlDatabase& database, InvitationStore& invitations,
                                     FolderStore& folders, AccountStore& accounts,
                                     OrganisationStore& organisations, ChangeStore& changes, LiveHub& live,
                                     const Core::Clock& clock, AuditService& audit)
    : m_database(database)
    , m_invitations(invitations)
    , m_folders(folders)
    , m_accounts(accounts)
    , m_organisations(organisations)
    , m_changes(changes)
    , m_live(live)
    , m_clock(clock)
    , m_audit(audit)
{}

qint64 InvitationService::nowMs() const
{
    return m_clock.nowUtc().toMSecsSinceEpoch();
}

QString InvitationService::status(const InvitationRecord& invitation, qint64 nowMs)
{
    if (invitation.state == QLatin1String("pending") && nowMs >= invitation.expiresAtMs)
        return QStringLiteral("expired");
    if (invitation.state == QLatin1String("accepted") && invitation.inviteeIsMember)
        return QStringLiteral("added"); // until settle() records it
    return invitation.state;
}

Result<int> InvitationService::pageSize(int asked)
{
    if (asked == 0)
        return kMaxPageSize;
    if (asked < 1 || asked > kMaxPageSize)
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("A page holds 1 to %1 invitations.").arg(kMaxPageSize),
                           QStringLiteral("limit"));
    return asked;
}

Result<InvitationCursor> InvitationService::parseCursor(const QString& cursor)
{
    if (cursor.isEmpty())
        return InvitationCursor{};
    const qsizetype tilde = cursor.indexOf(QLatin1Char('~'));
    bool ok = false;
    const qint64 ms = cursor.left(tilde).toLongLong(&ok);
    const QUuid id = QUuid::fromString(cursor.mid(tilde + 1));
    if (tilde <= 0 || !ok || ms < 0 || id.isNull() || text(id) != cursor.mid(tilde + 1))
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The cursor is not one a previous page returned."),
                           QStringLiteral("cursor"));
    return InvitationCursor{ms, text(id)};
}

Result<bool> InvitationService::allowsGuests(const QString& orgId)
{
    return m_invitations.allowsGuests(orgId);
}

Status InvitationService::setAllowsGuests(const QString& orgId, bool allow)
{
    auto org = m_organisations.organisation(orgId);
    if (!org)
        return org.error();
    if (!org->has_value())
        return Error::make(ErrorCode::NotFound, QStringLiteral("There is no organisation with this id."),
                           QStringLiteral("org"));
    if (auto stored = m_invitations.setAllowsGuests(orgId, allow); !stored)
        return stored;
    qCInfo(lcServerInvitation) << "guests" << (allow ? "allowed" : "not allowed") << "in organisation"
                               << orgId;
    return {};
}

Result<QString> InvitationService::roleIn(const QString& folderId, const QString& userId)
{
    auto member = m_folders.member(folderId, userId);
    if (!member)
        return member.error();
    return member->has_value() ? (*member)->role : QString();
}

Result<bool> InvitationService::admits(const QString& orgId, const QString& email)
{
    // Membership follows from the address (or its domain), never from an account, so this
    // answer says nothing about whether the address has one.
    auto memberships = m_organisations.membershipsFor(email);
    if (!memberships)
        return memberships.error();
    for (const MembershipRecord& m : memberships.value()) {
        if (m.orgId == orgId)
            return true;
    }
    return m_invitations.allowsGuests(orgId);
}

bool InvitationService::isInvitee(const InvitationRecord& invitation, const UserRecord& user) const
{
    return user.verified && invitation.inviteeId == user.id && invitation.inviteeEmail == user.email;
}

Status InvitationService::settle(InvitationRecord& invitation)
{
    if (auto noticed = noticeExpiry(invitation); !noticed)
        return noticed;
    if (invitation.state != QLatin1String("accepted") || !invitation.inviteeIsMember)
        return {};
    auto marked = m_invitations.markAdded(invitation.id);
    if (!marked)
        return marked.error();
    invitation.state = QStringLiteral("added");
    return {};
}

Status InvitationService::noticeExpiry(InvitationRecord& invitation)
{
    const qint64 now = nowMs();
    if (status(invitation, now) != QLatin1String("expired") || invitation.state != QLatin1String("pending"))
        return {};
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    auto changed = m_invitations.markExpired(invitation.id, now);
    if (!changed)
        return changed.error();
    if (changed.value()) {
        // Nobody expired it: the entry names no actor.
        auto announced = announce(invitation, {}, QStringLiteral("expired"), now);
        if (!announced)
            return announced.error();
        if (auto committed = transaction.commit(); !committed)
            return committed;
        hint(invitation, announced.value());
    }
    invitation.state = QStringLiteral("expired");
    invitation.decidedAtMs = invitation.expiresAtMs;
    return {};
}

Status InvitationService::settle(InvitationPage& page)
{
    for (InvitationRecord& invitation : page.invitations) {
        if (auto settled = settle(invitation); !settled)
            return settled;
    }
    return {};
}

Result<QList<qint64>> InvitationService::announce(const InvitationRecord& invitation, const QString& actorId,
                                                  const QString& action, qint64 nowMs)
{
    auto folder = m_folders.folder(invitation.folderId);
    if (!folder)
        return folder.error();
    if (folder->has_value()) {
        // The folder's history names the invitation, never the invitee's address.
        if (auto recorded = m_audit.record(AuditService::done((*folder)->orgId, QStringLiteral("folder"),
                                                              invitation.folderId, actorId,
                                                              QStringLiteral("invitation.") + action));
            !recorded)
            return recorded.error();
    }
    // The invitee learns of it through its own feed, the folder's managers through the
    // folder's; both last, so the serialised stretch of the change log stays short.
    const QString kind = QStringLiteral("invitation");
    auto forInvitee = m_changes.append({{}, invitation.inviteeId, kind, invitation.id, nowMs});
    if (!forInvitee)
        return forInvitee.error();
    auto forFolder = m_changes.append({invitation.folderId, {}, kind, invitation.id, nowMs});
    if (!forFolder)
        return forFolder.error();
    return QList<qint64>{forInvitee.value(), forFolder.value()};
}

void InvitationService::hint(const InvitationRecord& invitation, const QList<qint64>& seqs)
{
    m_live.notify(seqs.at(0), {}, invitation.inviteeId);
    m_live.notify(seqs.at(1), invitation.folderId, {});
}

InvitationOutcome InvitationService::create(const QString& inviterId, const InvitationRequest& request)
{
    const QString email = EmailAddress::normalise(request.email);
    if (!EmailAddress::isValid(email))
        return refuse(InvitationRefusal::Invalid, QStringLiteral("The invitee's email address is not valid."),
                      QStringLiteral("email"));
    if (!kRoles.contains(request.role))
        return refuse(InvitationRefusal::Invalid, QStringLiteral("The role must be view, edit or manage."),
                      QStringLiteral("role"));
    if (request.folderLabel.size() > kMaxLabelLength || !TextRules::isClean(request.folderLabel))
        return refuse(InvitationRefusal::Invalid,
                      QStringLiteral("The folder label must be up to %1 characters, without invisible "
                                     "formatting characters.")
                          .arg(kMaxLabelLength),
                      QStringLiteral("folderLabel"));
    if (request.sealedFolderLabel.size() > kMaxSealedLabelBytes)
        return refuse(
            InvitationRefusal::Invalid,
            QStringLiteral("The sealed folder label must be up to %1 bytes.").arg(kMaxSealedLabelBytes),
            QStringLiteral("sealedFolderLabel"));
    auto offer = readOffer(request.offer);
    if (!offer)
        return refuse(InvitationRefusal::Invalid, offer.error().message, offer.error().field);

    auto folder = m_folders.folder(request.folderId);
    if (!folder)
        return failed(folder.error());
    auto role = roleIn(request.folderId, inviterId);
    if (!role)
        return failed(role.error());
    // A folder the caller is not a member of does not exist for them.
    if (!folder->has_value() || (*folder)->deletedAtMs != 0 || role->isEmpty())
        return refuse(InvitationRefusal::NotFound, QStringLiteral("There is no shared folder with this id."));
    if (role.value() != QLatin1String("manage"))
        return refuse(InvitationRefusal::Forbidden,
                      QStringLiteral("Only the folder's managers can invite people to it."));
    auto inviter = m_accounts.userById(inviterId);
    if (!inviter)
        return failed(inviter.error());
    if (!inviter->has_value())
        return refuse(InvitationRefusal::Forbidden, QStringLiteral("Sign in again."));
    const UserRecord& me = **inviter;
    if (text(offer->folderId) != request.folderId || text(offer->inviterId) != inviterId ||
        offer->inviterKey != me.identityKey)
        return refuse(InvitationRefusal::Invalid,
                      QStringLiteral("The offer must name this folder, you as the inviter and your "
                                     "published identity key."),
                      QStringLiteral("offer"));
    if (offer->invitationId.isNull() || offer->inviteeId.isNull() || offer->inviteeId == offer->inviterId)
        return refuse(InvitationRefusal::Invalid,
                      QStringLiteral("The offer needs an invitation id and an invitee other than you."),
                      QStringLiteral("offer"));
    // The terms another manager's client completes the invitation by: this invitation, this
    // address and role, signed with the key the offer carries (the caller's published one).
    const auto terms = Core::Invitation::openTerms(request.terms, me.identityKey);
    if (!terms || !terms->names({offer->invitationId, offer->folderId, offer->inviterId, offer->inviteeId},
                                Core::folderRoleFromName(request.role), email))
        return refuse(InvitationRefusal::Invalid,
                      QStringLiteral("The signed terms must name this invitation, the invitee's address and "
                                     "the role, signed with your published identity key."),
                      QStringLiteral("signedTerms"));
    if (terms->logLength > quint64((*folder)->logLength))
        return refuse(
            InvitationRefusal::Invalid,
            QStringLiteral("The signed terms name a point of the folder's membership log it has not "
                           "reached (log length %1, the folder's is %2).")
                .arg(terms->logLength)
                .arg((*folder)->logLength),
            QStringLiteral("signedTerms"));
    const qint64 now = nowMs();
    // The expiry is the inviter's, signed, so another manager's client knows it; the server
    // keeps the invitation for as long as it says, from one hour to kLifetimeMs (plus a
    // client clock's few minutes of drift).
    if (terms->expiresAtMs < quint64(now + kMinLifetimeMs) ||
        terms->expiresAtMs > quint64(now + kLifetimeMs + kClockDriftMs))
        return refuse(InvitationRefusal::Invalid,
                      QStringLiteral("The signed terms must expire between one hour and seven days from now; "
                                     "check the date and time of the inviting computer."),
                      QStringLiteral("signedTerms"));
    if (email == me.email)
        return refuse(InvitationRefusal::Invalid, QStringLiteral("You cannot invite yourself."),
                      QStringLiteral("email"));
    auto admitted = admits((*folder)->orgId, email);
    if (!admitted)
        return failed(admitted.error());
    if (!admitted.value())
        return refuse(InvitationRefusal::NotInOrganisation,
                      QStringLiteral("Only members of the folder's organisation can be invited; its "
                                     "administrators have not allowed guests."),
                      QStringLiteral("email"));

    InvitationRecord record;
    record.id = text(offer->invitationId);
    record.folderId = request.folderId;
    record.inviterId = inviterId;
    record.inviteeEmail = email;
    record.inviteeId = text(offer->inviteeId);
    record.role = request.role;
    record.offer = request.offer;
    record.terms = request.terms;
    record.folderLabel = request.folderLabel.trimmed();
    record.sealedFolderLabel = request.sealedFolderLabel;
    record.state = QStringLiteral("pending");
    record.createdAtMs = now;
    record.expiresAtMs = qint64(terms->expiresAtMs);

    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return failed(transaction.error());
    // Counted under both lock rows, so concurrent creates (also in other server processes)
    // cannot each see room for one more and together pass a limit.
    if (auto locked = m_invitations.lock(QStringLiteral("inviter:") + inviterId, now); !locked)
        return failed(locked.error());
    if (auto locked = m_invitations.lock(QStringLiteral("invitee:") + email, now); !locked)
        return failed(locked.error());
    auto sent = m_invitations.sentSince(inviterId, now - kSentWindowMs + 1);
    if (!sent)
        return failed(sent.error());
    if (sent->count >= kMaxSentPerDay) {
        InvitationOutcome outcome =
            refuse(InvitationRefusal::TooManySent,
                   QStringLiteral("You have sent %1 invitations in the last 24 hours, the most allowed.")
                       .arg(kMaxSentPerDay));
        // The oldest one in the window leaves it kSentWindowMs after it was created.
        const qint64 waitMs = sent->oldestMs + kSentWindowMs - now;
        outcome.retryAfterSeconds = int(qMax<qint64>(1, (waitMs + 999) / 1000));
        return outcome;
    }
    auto pending = m_invitations.pendingForAddress(email, now);
    if (!pending)
        return failed(pending.error());
    if (pending.value() >= kMaxPendingPerInvitee)
        return refuse(InvitationRefusal::TooManyPending,
                      QStringLiteral("This address already has %1 pending invitations, the most allowed; "
                                     "it can take new ones once some are accepted, declined or expired.")
                          .arg(kMaxPendingPerInvitee),
                      QStringLiteral("email"));
    auto open = m_invitations.hasOpenInvitation(request.folderId, email, now);
    if (!open)
        return failed(open.error());
    if (open.value())
        return refuse(InvitationRefusal::Conflict,
                      QStringLiteral("This address already has an open invitation to the folder; cancel it "
                                     "to invite again."),
                      QStringLiteral("email"));
    if (auto stored = m_invitations.insertInvitation(record); !stored) {
        if (stored.error().code == ErrorCode::AlreadyExists)
            return refuse(InvitationRefusal::Conflict,
                          QStringLiteral("An invitation with this id exists already; make a new offer."),
                          QStringLiteral("offer"));
        return failed(stored.error());
    }
    auto announced = announce(record, inviterId, QStringLiteral("created"), now);
    if (!announced)
        return failed(announced.error());
    if (auto committed = transaction.commit(); !committed)
        return failed(committed.error());
    hint(record, announced.value());
    qCInfo(lcServerInvitation) << "invitation" << record.id << "created in folder" << record.folderId << "by"
                               << inviterId;
    return granted(record);
}

Result<InvitationPage> InvitationService::received(const QString& userId, const InvitationCursor& after,
                                                   int limit)
{
    auto user = m_accounts.userById(userId);
    if (!user)
        return user.error();
    if (!user->has_value() || !(*user)->verified)
        return InvitationPage{};
    return m_invitations.receivedBy((*user)->email, userId, nowMs(), after, limit);
}

Result<InvitationPage> InvitationService::ofFolder(const QString& userId, const QString& folderId,
                                                   const InvitationCursor& after, int limit)
{
    auto folder = m_folders.folder(folderId);
    if (!folder)
        return folder.error();
    auto role = roleIn(folderId, userId);
    if (!role)
        return role.error();
    if (!folder->has_value() || role->isEmpty())
        return Error::make(ErrorCode::NotFound, QStringLiteral("There is no shared folder with this id."));
    if (role.value() != QLatin1String("manage"))
        return Error::make(ErrorCode::Denied,
                           QStringLiteral("Only the folder's managers see its invitations."));
    auto page = m_invitations.ofFolder(folderId, after, limit);
    if (page) {
        if (auto settled = settle(page.value()); !settled)
            return settled.error();
    }
    return page;
}

Result<InvitationPage> InvitationService::sent(const QString& userId, const InvitationCursor& after,
                                               int limit)
{
    auto page = m_invitations.sentBy(userId, after, limit);
    if (page) {
        if (auto settled = settle(page.value()); !settled)
            return settled.error();
    }
    return page;
}

InvitationOutcome InvitationService::invitation(const QString& userId, const QString& invitationId,
                                                bool* managerView)
{
    auto found = m_invitations.invitation(invitationId);
    if (!found)
        return failed(found.error());
    if (!found->has_value())
        return notFound();
    InvitationRecord invitation = **found;
    if (auto settled = settle(invitation); !settled)
        return failed(settled.error());
    auto role = roleIn(invitation.folderId, userId);
    if (!role)
        return failed(role.error());
    if (invitation.inviterId == userId || role.value() == QLatin1String("manage")) {
        *managerView = true;
        return granted(invitation);
    }
    auto user = m_accounts.userById(userId);
    if (!user)
        return failed(user.error());
    if (!user->has_value() || !isInvitee(invitation, **user))
        return notFound();
    *managerView = false;
    return granted(invitation);
}

InvitationOutcome InvitationService::forInvitee(const QString& userId, const QString& invitationId,
                                                UserRecord* user)
{
    auto found = m_invitations.invitation(invitationId);
    if (!found)
        return failed(found.error());
    auto account = m_accounts.userById(userId);
    if (!account)
        return failed(account.error());
    if (!found->has_value() || !account->has_value() || !isInvitee(**found, **account))
        return notFound();
    InvitationRecord invitation = **found;
    if (auto noticed = noticeExpiry(invitation); !noticed)
        return failed(noticed.error());
    const QString now = status(invitation, nowMs());
    if (now == QLatin1String("expired"))
        return refuse(InvitationRefusal::Expired,
                      QStringLiteral("This invitation expired; ask for a new one."));
    if (now != QLatin1String("pending"))
        return refuse(InvitationRefusal::Conflict,
                      QStringLiteral("This invitation was already %1.").arg(now));
    *user = **account;
    return granted(invitation);
}

InvitationOutcome InvitationService::decided(const QString& invitationId, const char* action)
{
    // Another request changed it between the read and the conditional update.
    auto again = m_invitations.invitation(invitationId);
    if (!again)
        return failed(again.error());
    const QString now = again->has_value() ? status(**again, nowMs()) : QStringLiteral("removed");
    if (now == QLatin1String("expired"))
        return refuse(InvitationRefusal::Expired,
                      QStringLiteral("This invitation expired; ask for a new one."));
    return refuse(InvitationRefusal::Conflict,
                  QStringLiteral("The invitation cannot be %1: it was already %2.")
                      .arg(QString::fromLatin1(action), now));
}

InvitationOutcome InvitationService::accept(const QString& userId, const QString& invitationId,
                                            const QByteArray& answer)
{
    UserRecord user;
    InvitationOutcome loaded = forInvitee(userId, invitationId, &user);
    if (!loaded.ok())
        return loaded;
    InvitationRecord invitation = loaded.invitation;
    // The layout and the bundle's signature (Invitation::parseAnswer), and that the answer
    // speaks of this invitation as it was made and carries the caller's published bundle.
    // Only the inviter's client can check the MAC.
    auto bundle = Core::Invitation::parseAnswer(answer, QUuid::fromString(invitation.id));
    // Public ids, not secrets: a plain comparison is fine.
    const QByteArray answeredBinding = answer.mid(26 + 16, 32);
    const QByteArray invitationBinding = QUuid::fromString(invitation.folderId).toRfc4122() +
                                         QUuid::fromString(invitation.inviterId).toRfc4122();
    if (!bundle || answeredBinding != invitationBinding || bundle->userId() != QUuid::fromString(userId) ||
        bundle->serialize() != user.keyBundle)
        return refuse(InvitationRefusal::Invalid,
                      QStringLiteral("The answer is not an invitation answer of 269 bytes for this "
                                     "invitation, its folder and inviter, carrying your published key "
                                     "bundle."),
                      QStringLiteral("answer"));
    auto folder = m_folders.folder(invitation.folderId);
    if (!folder)
        return failed(folder.error());
    if (!folder->has_value() || (*folder)->deletedAtMs != 0)
        return refuse(InvitationRefusal::Expired,
                      QStringLiteral("The folder of this invitation was deleted."));
    auto admitted = admits((*folder)->orgId, user.email);
    if (!admitted)
        return failed(admitted.error());
    if (!admitted.value())
        return refuse(InvitationRefusal::NotInOrganisation,
                      QStringLiteral("Only members of the folder's organisation can join it; its "
                                     "administrators have not allowed guests."));
    auto role = roleIn(invitation.folderId, userId);
    if (!role)
        return failed(role.error());
    if (!role->isEmpty())
        return refuse(InvitationRefusal::Conflict,
                      QStringLiteral("You are a member of this folder already."));

    invitation.answer = answer;
    return decide(invitation, userId, "accepted",
                  [&](qint64 now) { return m_invitations.markAccepted(invitationId, answer, userId, now); });
}

InvitationOutcome InvitationService::decline(const QString& userId, const QString& invitationId)
{
    UserRecord user;
    InvitationOutcome loaded = forInvitee(userId, invitationId, &user);
    if (!loaded.ok())
        return loaded;
    return decide(loaded.invitation, userId, "declined",
                  [&](qint64 now) { return m_invitations.markDeclined(invitationId, userId, now); });
}

InvitationOutcome InvitationService::cancel(const QString& userId, const QString& invitationId)
{
    auto found = m_invitations.invitation(invitationId);
    if (!found)
        return failed(found.error());
    if (!found->has_value())
        return notFound();
    InvitationRecord invitation = **found;
    if (auto settled = settle(invitation); !settled)
        return failed(settled.error());
    auto role = roleIn(invitation.folderId, userId);
    if (!role)
        return failed(role.error());
    if (invitation.inviterId != userId && role.value() != QLatin1String("manage")) {
        // Its invitee declines instead; anyone else learns nothing about it.
        auto user = m_accounts.userById(userId);
        if (!user)
            return failed(user.error());
        if (user->has_value() && isInvitee(invitation, **user))
            return refuse(InvitationRefusal::Forbidden,
                          QStringLiteral("An invitation to you is declined, not cancelled."));
        return notFound();
    }
    const qint64 now = nowMs();
    const QString before = status(invitation, now);
    if (before != QLatin1String("pending") && before != QLatin1String("accepted"))
        return decided(invitation.id, "cancelled");
    return decide(invitation, userId, "cancelled",
                  [&](qint64 at) { return m_invitations.markCancelled(invitationId, userId, at); });
}

InvitationOutcome InvitationService::decide(InvitationRecord invitation, const QString& userId,
                                            const char* state,
                                            const std::function<Result<bool>(qint64 nowMs)>& mark)
{
    const qint64 now = nowMs();
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return failed(transaction.error());
    auto changed = mark(now);
    if (!changed)
        return failed(changed.error());
    if (!changed.value())
        return decided(invitation.id, state);
    invitation.state = QString::fromLatin1(state);
    invitation.decidedAtMs = now;
    invitation.decidedBy = userId;
    auto announced = announce(invitation, userId, invitation.state, now);
    if (!announced)
        return failed(announced.error());
    if (auto committed = transaction.commit(); !committed)
        return failed(committed.error());
    hint(invitation, announced.value());
    qCInfo(lcServerInvitation) << "invitation" << invitation.id << state << "by" << userId;
    return granted(invitation);
}

} // namespace Conclave::Server
