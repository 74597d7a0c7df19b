// Inviting and joining shared folders; see the header.
#include "core/sync/InvitationFlow.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/AccountClient.h"
#include "core/sync/LocalCache.h"
#include "core/sync/PendingInvitationStore.h"
#include "core/sync/SyncEngine.h"
#include "core/util/Guarded.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <set>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::InvitationFlow)
};

constexpr qsizetype kMacSize = Invitation::kMacSize;
// Offer layout (§9.1): inviter id at 57, invitee id at 73, the inviter's identity key at 89.
constexpr qsizetype kOfferInviter = 57;
constexpr qsizetype kOfferInvitee = 73;
constexpr qsizetype kOfferKey = 89;
constexpr qsizetype kKeySize = 32;
// At most 50 open invitations per address: three pages of 20 hold them all.
constexpr int kMaxReceivedPages = 3;
constexpr int kMaxFolderPages = 50;

bool isValidEmail(const QString& email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.size() <= 320 && pattern.match(email).hasMatch();
}

quint64 systemNowMs()
{
    return quint64(QDateTime::currentMSecsSinceEpoch());
}

Error notReady()
{
    return Error::make(ErrorCode::Unavailable, Tr::tr("Team Sharing is not ready: sign in first."));
}

} // namespace

// What the inviter's client keeps of one invitation it made (or took over), in memory and
// sealed in PendingInvitationStore: the code is the only key to the invitee's answer.
struct InvitationFlow::Outgoing
{
    Outgoing(Invitation made, Mode how)
        : invitation(std::move(made))
        , mode(how)
    {}

    Invitation invitation;
    Mode mode;
    QString email;
    FolderRole role = FolderRole::View;
    QByteArray bundle;      // as the server handed it over at invite time
    QByteArray checked;     // the invitee's bundle once the answer was accepted
    bool confirmed = false; // SafetyNumber: the comparison matched
    bool takenOver = false; // another manager's invitation, compared by safety number here
};

struct InvitationFlow::Check
{
    std::vector<QUuid> folders;
    std::vector<InvitationApi::Managed> accepted;
    std::vector<QUuid> waiting;
    std::optional<Error> error;
    int pages = 0; // folder pages read in this run, bounded against a server that pages for ever
    bool sawAnswer = false;
};

InvitationFlow::InvitationFlow(SyncEngine& engine, InvitationApi& api, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_api(api)
    , m_clock(&systemNowMs)
{
    connect(&m_engine, &SyncEngine::invitationsChanged, this, &InvitationFlow::scheduleCheck);
    // What is kept of a folder's invitations goes with the folder.
    connect(&m_engine, &SyncEngine::folderWiped, this,
            [this](const QUuid& folderId) { forgetFolder(folderId); });
    connect(&m_engine, &SyncEngine::folderRemoved, this, &InvitationFlow::forgetFolder);
    // A folder this client waits to be added to arrived with a sync: the server announces no
    // invitation change when an invitation is used, so the check that says so starts here.
    connect(&m_engine, &SyncEngine::folderChanged, this, [this](const QUuid& folderId) {
        for (const auto& [id, waitingFolder] : m_waiting) {
            if (waitingFolder == folderId && m_engine.roleIn(folderId) != FolderRole::None)
                return scheduleCheck();
        }
    });
}

InvitationFlow::~InvitationFlow() = default;

// --- what is kept -----------------------------------------------------------------------

PendingInvitationStore* InvitationFlow::pending()
{
    LocalCache* cache = m_engine.localCache();
    if (!cache || !m_engine.account().isSignedIn())
        return nullptr;
    if (m_store && m_storeCache == cache)
        return m_store.get();
    const QUuid me = m_engine.account().account().userId;
    m_store = std::make_unique<PendingInvitationStore>(*cache, me);
    m_storeCache = cache;
    Result<PendingInvitationStore::Loaded> loaded = m_store->load(m_engine.account().accountKey());
    if (!loaded) {
        qCWarning(lcCoreSync) << "pending invitations not read";
        return m_store.get();
    }
    if (loaded->unreadable > 0)
        qCWarning(lcCoreSync) << "pending invitations unreadable, deleted:" << loaded->unreadable;
    const QList<QUuid> held = m_engine.folderIds();
    bool changed = false;
    for (PendingInvitationStore::Record& r : loaded->records) {
        // Its folder was wiped while no flow ran (a removal, a block): the row goes too.
        if (!held.contains(r.folderId)) {
            (void)m_store->remove(r.invitationId);
            continue;
        }
        if (m_outgoing.count(r.invitationId) > 0)
            continue;
        const Invitation::Binding binding{r.invitationId, r.folderId, me, r.inviteeId};
        std::optional<Invitation> invitation;
        if (r.mode == PendingInvitationStore::Mode::Code) {
            Result<InvitationCode> code = InvitationCode::fromBytes(*r.code);
            if (!code)
                continue;
            invitation.emplace(Invitation::restore(binding, std::move(*code)));
        } else {
            // The safety-number path checks no MAC: any code does.
            invitation.emplace(Invitation::create(binding));
        }
        auto o = std::make_unique<Outgoing>(
            std::move(*invitation),
            r.mode == PendingInvitationStore::Mode::Code ? Mode::Code : Mode::SafetyNumber);
        o->email = r.email;
        o->role = r.role;
        o->bundle = r.bundle;
        o->checked = r.checked;
        o->confirmed = r.confirmed;
        o->takenOver = r.takenOver;
        m_outgoing.insert_or_assign(r.invitationId, std::move(o));
        changed = true;
    }
    if (changed)
        emit invitationsChanged();
    return m_store.get();
}

void InvitationFlow::persist(const QUuid& invitationId)
{
    PendingInvitationStore* store = pending();
    const auto it = m_outgoing.find(invitationId);
    if (!store || it == m_outgoing.end())
        return;
    const Outgoing& o = *it->second;
    const Invitation::Binding& binding = o.invitation.binding();
    PendingInvitationStore::Record r;
    r.invitationId = binding.invitationId;
    r.folderId = binding.folderId;
    r.inviteeId = binding.inviteeId;
    r.mode = o.mode == Mode::Code ? PendingInvitationStore::Mode::Code
                                  : PendingInvitationStore::Mode::SafetyNumber;
    r.role = o.role;
    r.email = o.email;
    if (o.mode == Mode::Code)
        r.code = std::make_shared<const SecureBytes>(o.invitation.code().bytes().clone());
    r.bundle = o.bundle;
    r.checked = o.checked;
    r.confirmed = o.confirmed;
    r.takenOver = o.takenOver;
    // Kept in memory all the same: this run can still complete it.
    if (Status kept = store->put(r, m_engine.account().accountKey()); !kept)
        qCWarning(lcCoreSync) << "pending invitation not saved" << invitationId;
}

void InvitationFlow::forget(const QUuid& invitationId)
{
    m_outgoing.erase(invitationId);
    if (PendingInvitationStore* store = pending())
        (void)store->remove(invitationId);
}

void InvitationFlow::forgetFolder(const QUuid& folderId)
{
    bool changed = false;
    for (auto it = m_outgoing.begin(); it != m_outgoing.end();) {
        if (it->second->invitation.binding().folderId == folderId) {
            it = m_outgoing.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    // Only a store already read: one read later drops the rows of folders not held.
    if (m_store && m_storeCache == m_engine.localCache())
        (void)m_store->removeFolder(folderId);
    if (changed)
        emit invitationsChanged();
}

// --- inviter ----------------------------------------------------------------------------

void InvitationFlow::invite(const QUuid& folderId, const QStringList& emails, FolderRole role, Mode mode,
                            QObject* context, std::function<void(QList<Sent>)> done)
{
    auto reply = guarded<QList<Sent>>(context, std::move(done));
    auto refuseAll = [&](const Error& error) {
        QList<Sent> all;
        for (const QString& email : emails)
            all.append({email, {}, {}, {}, error});
        if (all.isEmpty())
            all.append({QString(), {}, {}, {}, error});
        QTimer::singleShot(0, this, [reply, all] { reply(all); });
    };
    if (!m_engine.isStarted() || !m_engine.account().userKeys())
        return refuseAll(notReady());
    (void)pending(); // read first, so the invitations made now are not read again over
    if (m_engine.roleIn(folderId) != FolderRole::Manage)
        return refuseAll(Error::make(ErrorCode::Denied,
                                     Tr::tr("Only members who manage this folder can invite people to it.")));
    if (emails.size() > kMaxAddresses)
        return refuseAll(Error::make(ErrorCode::InvalidInput,
                                     Tr::tr("Invite at most %1 addresses at a time.").arg(kMaxAddresses),
                                     QStringLiteral("email")));
    if (role == FolderRole::None)
        return refuseAll(
            Error::make(ErrorCode::InvalidInput, Tr::tr("Choose a role for the people you invite.")));
    auto rest = std::make_shared<QStringList>();
    std::set<QString> seen;
    for (const QString& typed : emails) {
        const QString email = typed.trimmed().toLower();
        if (!email.isEmpty() && seen.insert(email).second)
            rest->append(email);
    }
    if (rest->isEmpty())
        return refuseAll(Error::make(ErrorCode::InvalidInput, Tr::tr("Enter at least one email address."),
                                     QStringLiteral("email")));
    inviteNext(std::make_shared<QList<Sent>>(), rest, folderId, role, mode, reply);
}

void InvitationFlow::inviteNext(std::shared_ptr<QList<Sent>> results, std::shared_ptr<QStringList> rest,
                                QUuid folderId, FolderRole role, Mode mode,
                                std::function<void(QList<Sent>)> done)
{
    if (rest->isEmpty())
        return done(*results);
    const QString email = rest->takeFirst();
    auto next = [this, results, rest, folderId, role, mode, done](Sent sent) {
        results->append(std::move(sent));
        inviteNext(results, rest, folderId, role, mode, done);
    };
    auto failed = [email, next](const Error& error) {
        next({email, {}, {}, {}, error});
    };
    if (!isValidEmail(email))
        return failed(Error::make(ErrorCode::InvalidInput,
                                  Tr::tr("\"%1\" is not a valid email address.").arg(email),
                                  QStringLiteral("email")));
    if (email == m_engine.account().account().email.toLower())
        return failed(Error::make(ErrorCode::InvalidInput, Tr::tr("You cannot invite yourself."),
                                  QStringLiteral("email")));
    m_engine.api().lookupKey(
        email, this, [this, email, folderId, role, mode, next, failed](Result<SharingApi::KeyLookup> found) {
            if (!found) {
                if (found.error().code == ErrorCode::NotFound)
                    return failed(Error::make(ErrorCode::NotFound,
                                              Tr::tr("No one with the address %1 uses Team Sharing yet. Ask "
                                                     "them to create an account first, then invite them.")
                                                  .arg(email),
                                              QStringLiteral("email")));
                return failed(found.error());
            }
            Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(found->bundle);
            if (!bundle || bundle->userId() != found->userId)
                return failed(Error::make(ErrorCode::Protocol,
                                          Tr::tr("The sharing server sent keys for %1 that do not verify. "
                                                 "Nothing was sent.")
                                              .arg(email)));
            if (m_engine.memberRole(folderId, bundle->userId()) != FolderRole::None)
                return failed(Error::make(ErrorCode::AlreadyExists,
                                          Tr::tr("%1 is a member of this folder already. Change their role "
                                                 "under Members instead.")
                                              .arg(email),
                                          QStringLiteral("email")));
            const UserKeys& own = *m_engine.account().userKeys();
            const QUuid me = m_engine.account().account().userId;
            Invitation invitation = Invitation::create({QUuid::createUuid(), folderId, me, bundle->userId()});
            QByteArray offer = invitation.offer(own.identityPublicKey());
            if (mode == Mode::SafetyNumber)
                offer.replace(offer.size() - kMacSize, kMacSize, QByteArray(kMacSize, '\0'));
            // The folder's name, readable only with the invitee's private key.
            const QByteArray name = m_engine.folderName(folderId).left(InvitationApi::kMaxLabel).toUtf8();
            const QByteArray sealed =
                name.isEmpty() ? QByteArray()
                               : UserKeys::seal(bundle->encryptionPublicKey(),
                                                SecureBytes(name.constData(), std::size_t(name.size())));
            auto outgoing = std::make_shared<std::unique_ptr<Outgoing>>(
                std::make_unique<Outgoing>(std::move(invitation), mode));
            (*outgoing)->email = email;
            (*outgoing)->role = role;
            (*outgoing)->bundle = bundle->serialize();
            const QString safetyNumber = Fingerprint::of(bundle->identityPublicKey()).safetyNumber();
            // Signed with the log as this client verified it and the expiry the server keeps.
            const QByteArray terms =
                Invitation::signTerms({(*outgoing)->invitation.binding(), role, email,
                                       m_engine.memberLogLength(folderId), m_clock() + quint64(kLifetimeMs)},
                                      own);
            m_api.create(folderId, email, folderRoleName(role), offer, terms, sealed, this,
                         [this, email, mode, outgoing, safetyNumber, next,
                          failed](Result<InvitationApi::Managed> created) {
                             if (!created)
                                 return failed(created.error());
                             const QUuid id = (*outgoing)->invitation.binding().invitationId;
                             if (created->id != id)
                                 return failed(Error::make(ErrorCode::Protocol,
                                                           Tr::tr("The sharing server answered for another "
                                                                  "invitation. Cancel it and try again.")));
                             Sent sent{email, id, {}, {}, std::nullopt};
                             if (mode == Mode::Code)
                                 sent.code = (*outgoing)->invitation.code().text();
                             else
                                 sent.safetyNumber = safetyNumber;
                             m_outgoing.insert_or_assign(id, std::move(*outgoing));
                             persist(id);
                             emit invitationsChanged();
                             next(std::move(sent));
                         });
        });
}

Status InvitationFlow::confirmSafetyNumber(const QUuid& invitationId, const QString& typedSafetyNumber)
{
    const auto it = m_outgoing.find(invitationId);
    if (it == m_outgoing.end() || it->second->mode != Mode::SafetyNumber)
        return Error::make(ErrorCode::NotFound,
                           Tr::tr("This computer did not make this invitation, so it cannot confirm it."));
    if (Status matched = m_engine.confirmSafetyNumber(it->second->bundle, typedSafetyNumber); !matched)
        return Error::make(ErrorCode::Crypto,
                           Tr::tr("The safety numbers do not match. Do not add %1: the key the sharing "
                                  "server gave for this address may not be theirs. Compare again, "
                                  "digit by digit.")
                               .arg(it->second->email),
                           QStringLiteral("safetyNumber"));
    it->second->confirmed = true;
    persist(invitationId);
    scheduleCheck();
    return {};
}

void InvitationFlow::setClock(std::function<quint64()> clock)
{
    m_clock = clock ? std::move(clock) : std::function<quint64()>(&systemNowMs);
}

bool InvitationFlow::canComplete(const QUuid& invitationId) const
{
    return m_outgoing.count(invitationId) > 0;
}

bool InvitationFlow::isTakenOver(const QUuid& invitationId) const
{
    const auto it = m_outgoing.find(invitationId);
    return it != m_outgoing.end() && it->second->takenOver;
}

namespace {

// The answer must carry the invitee's own bundle for this very invitation and folder; whose
// key it is, only a comparison says.
std::optional<UserKeyBundle> answerBundle(const InvitationApi::Managed& accepted)
{
    constexpr qsizetype kAnswerFolder = 42;
    Result<UserKeyBundle> bundle = Invitation::parseAnswer(accepted.answer, accepted.id);
    if (!bundle || bundle->userId() != accepted.inviteeId || accepted.inviteeId.isNull() ||
        accepted.answer.mid(kAnswerFolder, 16) != accepted.folderId.toRfc4122())
        return std::nullopt;
    return std::move(*bundle);
}

} // namespace

QString InvitationFlow::answerSafetyNumber(const InvitationApi::Managed& accepted) const
{
    const std::optional<UserKeyBundle> bundle = answerBundle(accepted);
    return bundle ? Fingerprint::of(bundle->identityPublicKey()).safetyNumber() : QString();
}

Result<FolderRole> InvitationFlow::takeOverRole(const InvitationApi::Managed& accepted) const
{
    return checkTerms(accepted, nullptr);
}

Result<FolderRole> InvitationFlow::checkTerms(const InvitationApi::Managed& accepted, bool* cancel) const
{
    bool ignored = false;
    bool& dead = cancel ? *cancel : ignored;
    dead = false;
    if (m_engine.roleIn(accepted.folderId) != FolderRole::Manage)
        return Error::make(ErrorCode::Denied,
                           Tr::tr("Only members who manage this folder can add people to it."));
    if (accepted.state != InvitationApi::State::Accepted)
        return Error::make(ErrorCode::InvalidInput,
                           Tr::tr("%1 has not accepted this invitation yet.").arg(accepted.inviteeEmail));
    if (!answerBundle(accepted))
        return Error::make(ErrorCode::Protocol,
                           Tr::tr("The sharing server sent an answer to the invitation for %1 that does not "
                                  "carry their keys. Nothing was added; ask %1 to accept a new invitation.")
                               .arg(accepted.inviteeEmail));
    // Only the inviter's signature says whom to add with which role; the listing is the
    // server's word.
    if (m_engine.memberRole(accepted.folderId, accepted.inviterId) != FolderRole::Manage) {
        dead = true;
        return Error::make(ErrorCode::Denied,
                           Tr::tr("The invitation for %1 was made by someone who does not manage this folder "
                                  "now, so only a new invitation can add them.")
                               .arg(accepted.inviteeEmail));
    }
    // Without terms, or with terms that do not open under the inviter's key as this log has it
    // (a key confirmed anew since, an older format), the inviter's own client may still
    // complete the invitation: it is not cancelled for that.
    if (accepted.terms.isEmpty())
        return Error::make(ErrorCode::Protocol,
                           Tr::tr("The sharing server did not send the terms the inviter signed for the "
                                  "invitation for %1. Only the client that made the invitation can complete "
                                  "it; or invite %1 again.")
                               .arg(accepted.inviteeEmail));
    const Result<Invitation::Terms> terms = Invitation::openTerms(
        accepted.terms, m_engine.memberIdentityKey(accepted.folderId, accepted.inviterId));
    if (!terms)
        return Error::make(ErrorCode::Crypto,
                           Tr::tr("The terms of the invitation for %1 do not carry a valid signature by the "
                                  "person who invited under their key in this folder. Only the client that "
                                  "made the invitation can complete it; or invite %1 again.")
                               .arg(accepted.inviteeEmail));
    if (!terms->names({accepted.id, accepted.folderId, accepted.inviterId, accepted.inviteeId},
                      folderRoleFromName(accepted.role), accepted.inviteeEmail) ||
        qint64(terms->expiresAtMs) != accepted.expiresAt.toMSecsSinceEpoch()) {
        dead = true;
        return Error::make(
            ErrorCode::Crypto,
            Tr::tr("The invitation for %1 as the sharing server lists it is not what the person "
                   "who invited signed (the address, the role, the expiry or the invitation differs). "
                   "Nothing was added; invite %1 again.")
                .arg(accepted.inviteeEmail));
    }
    // A server can list an old answer as new (the taker cannot check its code): the signed
    // expiry and the log position bound what it can revive.
    if (terms->expiresAtMs <= m_clock())
        return Error::make(
            ErrorCode::Denied,
            Tr::tr("The invitation for %1 expired on %2, so only a new invitation can add them.")
                .arg(accepted.inviteeEmail,
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(terms->expiresAtMs)),
                                        QLocale::ShortFormat)));
    if (terms->expiresAtMs > m_clock() + quint64(kLifetimeMs + kClockDriftMs))
        return Error::make(ErrorCode::Denied,
                           Tr::tr("The invitation for %1 is signed to stay open longer than seven days, so "
                                  "it is not completed here; invite %1 again.")
                               .arg(accepted.inviteeEmail));
    if (m_engine.memberLogLength(accepted.folderId) < terms->logLength)
        return Error::make(ErrorCode::Unavailable,
                           Tr::tr("This computer has not yet read the folder's members as they were when %1 "
                                  "was invited. Try again after the next sync.")
                               .arg(accepted.inviteeEmail));
    if (m_engine.memberChangedAt(accepted.folderId, accepted.inviteeId) > terms->logLength) {
        dead = true;
        return Error::make(
            ErrorCode::Denied,
            Tr::tr("%1 was added to this folder, removed from it or given another role after the "
                   "invitation was made, so only a new invitation can add them.")
                .arg(accepted.inviteeEmail));
    }
    return terms->role;
}

Result<QString> InvitationFlow::takeOver(const InvitationApi::Managed& accepted)
{
    if (!m_engine.isStarted() || !m_engine.account().userKeys())
        return notReady();
    (void)pending();
    if (const auto it = m_outgoing.find(accepted.id); it != m_outgoing.end()) {
        if (it->second->mode == Mode::SafetyNumber)
            return safetyNumberOf(accepted.id);
        return Error::make(ErrorCode::InvalidInput,
                           Tr::tr("This computer made this invitation and checks its code itself."));
    }
    Result<FolderRole> role = takeOverRole(accepted);
    if (!role)
        return role.error();
    const std::optional<UserKeyBundle> bundle = answerBundle(accepted);
    const QUuid me = m_engine.account().account().userId;
    auto o = std::make_unique<Outgoing>(
        Invitation::create({accepted.id, accepted.folderId, me, accepted.inviteeId}), Mode::SafetyNumber);
    o->email = accepted.inviteeEmail;
    o->role = *role;
    o->bundle = bundle->serialize();
    o->takenOver = true;
    m_outgoing.insert_or_assign(accepted.id, std::move(o));
    persist(accepted.id);
    emit invitationsChanged();
    return Fingerprint::of(bundle->identityPublicKey()).safetyNumber();
}

InvitationFlow::Mode InvitationFlow::modeOf(const QUuid& invitationId) const
{
    const auto it = m_outgoing.find(invitationId);
    return it == m_outgoing.end() ? Mode::Code : it->second->mode;
}

std::optional<FolderRole> InvitationFlow::roleOf(const QUuid& invitationId) const
{
    const auto it = m_outgoing.find(invitationId);
    return it == m_outgoing.end() ? std::nullopt : std::optional<FolderRole>(it->second->role);
}

bool InvitationFlow::isConfirmed(const QUuid& invitationId) const
{
    const auto it = m_outgoing.find(invitationId);
    return it != m_outgoing.end() && it->second->confirmed;
}

QString InvitationFlow::safetyNumberOf(const QUuid& invitationId) const
{
    const auto it = m_outgoing.find(invitationId);
    if (it == m_outgoing.end() || it->second->mode != Mode::SafetyNumber)
        return {};
    Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(it->second->bundle);
    return bundle ? Fingerprint::of(bundle->identityPublicKey()).safetyNumber() : QString();
}

void InvitationFlow::openInvitations(const QUuid& folderId, QObject* context,
                                     Done<QList<InvitationApi::Managed>> done)
{
    (void)pending();
    readOpenPage(folderId, QString(), std::make_shared<QList<InvitationApi::Managed>>(), 1,
                 guarded<Result<QList<InvitationApi::Managed>>>(context, std::move(done)));
}

void InvitationFlow::readOpenPage(QUuid folderId, QString cursor,
                                  std::shared_ptr<QList<InvitationApi::Managed>> all, int pages,
                                  Done<QList<InvitationApi::Managed>> done)
{
    m_api.folderInvitations(
        folderId, cursor, this,
        [this, folderId, all, pages, done](Result<InvitationApi::Page<InvitationApi::Managed>> page) {
            if (!page)
                return done(page.error());
            for (const InvitationApi::Managed& m : page->invitations) {
                if (m.state == InvitationApi::State::Pending || m.state == InvitationApi::State::Accepted)
                    all->append(m);
            }
            // The server keeps every invitation, oldest first; the bound stops a server that
            // pages for ever.
            if (page->nextCursor.isEmpty() || pages >= kMaxFolderPages)
                return done(*all);
            readOpenPage(folderId, page->nextCursor, all, pages + 1, done);
        });
}

void InvitationFlow::cancel(const QUuid& invitationId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    m_api.cancel(invitationId, this, [this, invitationId, reply](Result<InvitationApi::Managed> cancelled) {
        if (!cancelled)
            return reply(cancelled.error());
        forget(invitationId);
        emit invitationsChanged();
        reply({});
    });
}

// --- invitee ----------------------------------------------------------------------------

InvitationFlow::Incoming InvitationFlow::describe(const InvitationApi::Received& received) const
{
    Incoming in;
    in.invitation = received;
    const QByteArray mac = received.offer.right(kMacSize);
    in.mode = mac == QByteArray(kMacSize, '\0') ? Mode::SafetyNumber : Mode::Code;
    in.inviterSafetyNumber = Fingerprint::of(received.offer.mid(kOfferKey, kKeySize)).safetyNumber();
    if (!received.sealedFolderLabel.isEmpty() && m_engine.account().userKeys()) {
        Result<SecureBytes> opened = m_engine.account().userKeys()->openSealed(received.sealedFolderLabel);
        if (opened)
            in.folderLabel = QString::fromUtf8(opened->view().toByteArray()).left(InvitationApi::kMaxLabel);
    } else {
        in.folderLabel = received.folderLabel;
    }
    // A label is shown in one line: no line breaks or control characters from the server.
    in.folderLabel.remove(QRegularExpression(QStringLiteral("[\\x00-\\x1f\\x7f]")));
    const auto known = m_inviteeStates.find(received.id);
    if (known != m_inviteeStates.end())
        in.state = known->second;
    else if (received.state == InvitationApi::State::Accepted)
        in.state = InviteeState::WaitingForManager;
    else if (received.state == InvitationApi::State::Added)
        in.state = InviteeState::Added;
    else if (received.state != InvitationApi::State::Pending)
        in.state = InviteeState::Closed;
    return in;
}

void InvitationFlow::received(const QString& cursor, QObject* context,
                              std::function<void(Result<QList<Incoming>>, QString nextCursor)> done)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_api.received(
        cursor, this,
        [this, guard, hadContext, done](Result<InvitationApi::Page<InvitationApi::Received>> page) {
            if ((hadContext && !guard) || !done)
                return;
            if (!page)
                return done(page.error(), QString());
            QList<Incoming> list;
            for (const InvitationApi::Received& r : page->invitations)
                list.append(describe(r));
            done(list, page->nextCursor);
        });
}

QString InvitationFlow::ownSafetyNumber() const
{
    const UserKeys* keys = m_engine.account().userKeys();
    return keys ? Fingerprint::of(keys->identityPublicKey()).safetyNumber() : QString();
}

void InvitationFlow::accept(const Incoming& incoming, const QString& typed, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    auto later = [this, reply](Status status) {
        QTimer::singleShot(0, this, [reply, status] { reply(status); });
    };
    const UserKeys* keys = m_engine.account().userKeys();
    if (!m_engine.isStarted() || !keys)
        return later(notReady());
    const InvitationApi::Received& r = incoming.invitation;
    const QUuid me = m_engine.account().account().userId;
    const UserKeyBundle own = UserKeyBundle::create(me, *keys);
    QByteArray answer;
    if (incoming.mode == Mode::Code) {
        Result<InvitationCode> code = InvitationCode::parse(typed);
        if (!code)
            return later(Error::make(ErrorCode::InvalidInput,
                                     Tr::tr("This is not an invitation code. A code has 20 letters and "
                                            "digits, like 7K2QD-M9XTR-B4N8W-CH3PZ."),
                                     QStringLiteral("code")));
        Result<Invitation::Binding> binding = m_engine.acceptInvitationOffer(r.offer, *code);
        if (!binding)
            return later(Error::make(ErrorCode::Crypto,
                                     Tr::tr("The invitation code does not match this invitation. Check it "
                                            "with the person who invited you; nothing was sent."),
                                     QStringLiteral("code")));
        if (binding->invitationId != r.id || binding->folderId != r.folderId ||
            binding->inviterId != r.inviterId)
            return later(Error::make(ErrorCode::Crypto,
                                     Tr::tr("The invitation was changed on its way to you; nothing was sent. "
                                            "Ask for a new invitation.")));
        answer = Invitation::answer(*code, *binding, own);
    } else {
        // No code: the offer must name this user and the inviter as listed, and the inviter's
        // key it carries is trusted only after the safety numbers matched.
        if (r.offer.size() != InvitationApi::kOfferSize || r.offer.mid(kOfferInvitee, 16) != me.toRfc4122() ||
            r.offer.mid(kOfferInviter, 16) != r.inviterId.toRfc4122())
            return later(Error::make(ErrorCode::Crypto,
                                     Tr::tr("The invitation was changed on its way to you; nothing was sent. "
                                            "Ask for a new invitation.")));
        if (Status matched =
                m_engine.confirmInviterSafetyNumber(r.inviterId, r.offer.mid(kOfferKey, kKeySize), typed);
            !matched)
            return later(Error::make(ErrorCode::Crypto,
                                     Tr::tr("The safety numbers do not match, so the invitation may not be "
                                            "from %1. Compare again, digit by digit; nothing was sent.")
                                         .arg(r.inviterEmail),
                                     QStringLiteral("safetyNumber")));
        // The answer's MAC cannot be checked without a code; the inviter checks the bundle
        // against the safety number it compared instead.
        answer = Invitation::answer(InvitationCode::generate(), {r.id, r.folderId, r.inviterId, me}, own);
    }
    const QUuid id = r.id;
    const QUuid folderId = r.folderId;
    m_api.accept(id, answer, this, [this, id, folderId, reply](Result<InvitationApi::Received> accepted) {
        if (!accepted)
            return reply(accepted.error());
        m_waiting.insert_or_assign(id, folderId);
        m_inviteeStates[id] = InviteeState::WaitingForManager;
        emit inviteeStateChanged(id, InviteeState::WaitingForManager);
        reply({});
        scheduleCheck();
    });
}

void InvitationFlow::decline(const QUuid& invitationId, QObject* context, StatusDone done)
{
    auto reply = guarded<Status>(context, std::move(done));
    m_api.decline(invitationId, this, [this, invitationId, reply](Result<InvitationApi::Received> declined) {
        if (!declined)
            return reply(declined.error());
        m_inviteeStates[invitationId] = InviteeState::Closed;
        emit inviteeStateChanged(invitationId, InviteeState::Closed);
        reply({});
        scheduleCheck();
    });
}

InvitationFlow::InviteeState InvitationFlow::stateOf(const QUuid& invitationId) const
{
    const auto it = m_inviteeStates.find(invitationId);
    return it == m_inviteeStates.end() ? InviteeState::Open : it->second;
}

// --- check ------------------------------------------------------------------------------

void InvitationFlow::scheduleCheck()
{
    if (m_checkScheduled)
        return;
    m_checkScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_checkScheduled = false;
        check(nullptr, {});
    });
}

void InvitationFlow::check(QObject* context, StatusDone done)
{
    if (done)
        m_checkWaiters.push_back(guarded<Status>(context, std::move(done)));
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    if (!m_engine.isStarted())
        return finishCheck(std::make_shared<Check>(), notReady());
    m_checking = true;
    (void)pending();
    auto run = std::make_shared<Check>();
    std::set<QUuid> folders;
    for (const auto& [id, outgoing] : m_outgoing)
        folders.insert(outgoing->invitation.binding().folderId);
    run->folders.assign(folders.begin(), folders.end());
    for (const auto& [id, folderId] : m_waiting)
        run->waiting.push_back(id);
    checkFolders(run);
}

void InvitationFlow::checkFolders(std::shared_ptr<Check> run)
{
    if (run->folders.empty())
        return completeNext(run);
    const QUuid folderId = run->folders.back();
    run->folders.pop_back();
    readFolderPage(run, folderId, QString());
}

void InvitationFlow::readFolderPage(std::shared_ptr<Check> run, QUuid folderId, QString cursor)
{
    m_api.folderInvitations(folderId, cursor, this,
                            [this, run, folderId](Result<InvitationApi::Page<InvitationApi::Managed>> page) {
                                if (!page) {
                                    if (!run->error)
                                        run->error = page.error();
                                    return checkFolders(run);
                                }
                                for (const InvitationApi::Managed& m : page->invitations) {
                                    const auto it = m_outgoing.find(m.id);
                                    if (it == m_outgoing.end())
                                        continue;
                                    if (m.state == InvitationApi::State::Accepted) {
                                        run->accepted.push_back(m);
                                        // Shown as answered from now on (once per answer).
                                        if (m_answered.insert(m.id).second)
                                            run->sawAnswer = true;
                                    } else if (m.state != InvitationApi::State::Pending) {
                                        // Added by another manager, declined, cancelled or expired: the code
                                        // is of no further use.
                                        forget(m.id);
                                        emit invitationsChanged();
                                    }
                                }
                                if (!page->nextCursor.isEmpty() && ++run->pages < kMaxFolderPages)
                                    return readFolderPage(run, folderId, page->nextCursor);
                                checkFolders(run);
                            });
}

void InvitationFlow::completeNext(std::shared_ptr<Check> run)
{
    if (run->accepted.empty())
        return followWaiting(run);
    const InvitationApi::Managed m = run->accepted.back();
    run->accepted.pop_back();
    const auto it = m_outgoing.find(m.id);
    if (it == m_outgoing.end())
        return completeNext(run);
    Outgoing& o = *it->second;
    const QString email = o.email;

    // Refuses the answer for good: the invitation is cancelled so a new one can be made.
    auto refuse = [this, run, m, email](const QString& reason) {
        refuseAnswer(run, m, email, reason, true);
    };

    // Another manager's invitation: its terms hold on the log and the listing as they are
    // now, not only when it was taken over (the inviter may have lost Manage since, the
    // invitation expired, the invitee's membership changed), and again on the log the add is
    // signed on (the precondition below).
    std::function<Status()> stillHolds;
    auto stopped = std::make_shared<std::optional<Stop>>();
    if (o.takenOver) {
        if (const std::optional<Stop> stop = takenOverStop(m, o.role, email, o.bundle))
            return settle(run, m, email, *stop);
        stillHolds = [self = QPointer<const InvitationFlow>(this), m, role = o.role, email, bundle = o.bundle,
                      stopped]() -> Status {
            if (!self)
                return Error::make(ErrorCode::Cancelled, Tr::tr("The invitation was closed."));
            *stopped = self->takenOverStop(m, role, email, bundle);
            if (*stopped)
                return (*stopped)->why;
            return {};
        };
    }

    if (o.checked.isEmpty()) {
        if (o.mode == Mode::Code) {
            Result<UserKeyBundle> bundle = m_engine.acceptInvitationAnswer(o.invitation, m.answer);
            if (!bundle)
                return refuse(Tr::tr("The answer to the invitation for %1 does not match its invitation "
                                     "code: it was not made with the code you passed on, or the sharing "
                                     "server changed it. %1 was not added; the invitation was cancelled.")
                                  .arg(email));
            o.checked = bundle->serialize();
            persist(m.id); // the code is used up: a restart must not check it again
        } else {
            Result<UserKeyBundle> bundle = Invitation::parseAnswer(m.answer, m.id);
            if (!bundle || bundle->serialize() != o.bundle || bundle->userId() != m.inviteeId)
                return refuse(Tr::tr("The answer to the invitation for %1 carries other keys than the ones "
                                     "whose safety number you compared. %1 was not added; the invitation "
                                     "was cancelled.")
                                  .arg(email));
            if (!o.confirmed)
                return completeNext(run); // waits for the comparison
            o.checked = o.bundle;
        }
    }
    const QUuid folderId = m.folderId;
    const QUuid inviteeId = o.invitation.binding().inviteeId;
    m_engine.addMember(folderId, o.checked, o.role, stillHolds, this,
                       [this, run, m, folderId, inviteeId, email, stopped](Status added) {
                           if (!added && *stopped && (*stopped)->kind != Stop::Kind::Behind)
                               return settle(run, m, email, **stopped);
                           if (!added) {
                               // Kept: the next check tries again with the bundle already checked.
                               if (!run->error)
                                   run->error = added.error();
                               return completeNext(run);
                           }
                           forget(m.id);
                           // The address the invitation went to names the member until the server's list
                           // does.
                           m_engine.rememberEmail(inviteeId, email);
                           emit memberAdded(folderId, m.id, email);
                           emit invitationsChanged();
                           completeNext(run);
                       });
}

std::optional<InvitationFlow::Stop> InvitationFlow::takenOverStop(const InvitationApi::Managed& m,
                                                                  FolderRole role, const QString& email,
                                                                  const QByteArray& bundle) const
{
    // The inviter's client (or another taker) may add them first: the log then holds the
    // invitee with the signed role and the key compared here, which is no refusal.
    const Result<UserKeyBundle> compared = UserKeyBundle::parseAndVerify(bundle);
    if (compared && m_engine.memberRole(m.folderId, m.inviteeId) == role &&
        m_engine.memberIdentityKey(m.folderId, m.inviteeId) == compared->identityPublicKey())
        return Stop{Stop::Kind::Added,
                    Error::make(ErrorCode::AlreadyExists,
                                Tr::tr("%1 is a member of the folder already.").arg(email))};
    bool cancel = false;
    const Result<FolderRole> signedRole = checkTerms(m, &cancel);
    if (!signedRole)
        return Stop{signedRole.error().code == ErrorCode::Unavailable ? Stop::Kind::Behind
                                                                      : Stop::Kind::Refused,
                    signedRole.error(), cancel};
    if (*signedRole != role || m.inviteeEmail != email)
        return Stop{
            Stop::Kind::Refused,
            Error::make(ErrorCode::Crypto, Tr::tr("The invitation for %1 is no longer the one you took "
                                                  "over (its role or address changed). %1 was not added.")
                                               .arg(email))};
    return std::nullopt;
}

void InvitationFlow::settle(std::shared_ptr<Check> run, const InvitationApi::Managed& m, const QString& email,
                            const Stop& stop)
{
    switch (stop.kind) {
    case Stop::Kind::Added: // by another client meanwhile
        forget(m.id);
        emit invitationsChanged();
        return completeNext(run);
    case Stop::Kind::Behind: // the log catches up at the next sync
        return completeNext(run);
    case Stop::Kind::Refused:
        return refuseAnswer(run, m, email, stop.why.message, stop.cancel);
    }
}

void InvitationFlow::refuseAnswer(std::shared_ptr<Check> run, const InvitationApi::Managed& m,
                                  const QString& email, const QString& reason, bool cancel)
{
    qCWarning(lcCoreSync) << "invitation answer refused" << m.id << (cancel ? "and cancelled" : "");
    forget(m.id);
    emit refused(m.id, email, reason);
    emit invitationsChanged();
    if (!cancel)
        return completeNext(run);
    m_api.cancel(m.id, this, [this, run](Result<InvitationApi::Managed>) { completeNext(run); });
}

void InvitationFlow::followWaiting(std::shared_ptr<Check> run)
{
    if (run->waiting.empty())
        return countReceived(run, QString(), 0, 0);
    const QUuid id = run->waiting.back();
    run->waiting.pop_back();
    const auto waiting = m_waiting.find(id);
    const QUuid waitingFolder = waiting == m_waiting.end() ? QUuid() : waiting->second;
    m_api.receivedOne(id, this, [this, run, id, waitingFolder](Result<InvitationApi::Received> one) {
        // Added with Manage, the invitee reads the invitation as the folder's managers do,
        // in the other shape: that it is a member is then the folder's own sync to say.
        const bool managerShape = !one && one.error().code == ErrorCode::Protocol && !waitingFolder.isNull();
        if (!one && !managerShape) {
            if (!run->error)
                run->error = one.error();
            return followWaiting(run);
        }
        if (managerShape || one->state == InvitationApi::State::Added) {
            const QUuid folderId = managerShape ? waitingFolder : one->folderId;
            const std::optional<Error> unread =
                managerShape ? std::optional<Error>(one.error()) : std::nullopt;
            m_waiting.erase(id);
            m_engine.syncFolder(folderId, this, [this, run, id, folderId, unread](Status synced) {
                if (!synced || (unread && m_engine.roleIn(folderId) == FolderRole::None)) {
                    // The grant may be on its way; the next check follows it again.
                    m_waiting.insert_or_assign(id, folderId);
                    if (!run->error)
                        run->error = unread ? *unread : synced.error();
                    return followWaiting(run);
                }
                m_inviteeStates[id] = InviteeState::Added;
                emit inviteeStateChanged(id, InviteeState::Added);
                emit joined(folderId);
                followWaiting(run);
            });
            return;
        }
        if (one->state != InvitationApi::State::Accepted) {
            m_waiting.erase(id);
            m_inviteeStates[id] = InviteeState::Closed;
            emit inviteeStateChanged(id, InviteeState::Closed);
        }
        followWaiting(run);
    });
}

void InvitationFlow::countReceived(std::shared_ptr<Check> run, QString cursor, int count, int pages)
{
    m_api.received(cursor, this,
                   [this, run, count, pages](Result<InvitationApi::Page<InvitationApi::Received>> page) {
                       if (!page) {
                           if (!run->error)
                               run->error = page.error();
                           return finishCheck(run, *run->error);
                       }
                       const int total = count + int(page->invitations.size());
                       if (!page->nextCursor.isEmpty() && pages + 1 < kMaxReceivedPages)
                           return countReceived(run, page->nextCursor, total, pages + 1);
                       if (total != m_receivedCount) {
                           m_receivedCount = total;
                           emit receivedCountChanged(total);
                       }
                       if (run->error)
                           return finishCheck(run, *run->error);
                       finishCheck(run, {});
                   });
}

void InvitationFlow::finishCheck(std::shared_ptr<Check> run, Status status)
{
    m_checking = false;
    // Lists of open invitations show the answer (and what it still waits for).
    if (run->sawAnswer)
        emit invitationsChanged();
    std::vector<StatusDone> waiters;
    waiters.swap(m_checkWaiters);
    if (m_checkAgain) {
        m_checkAgain = false;
        scheduleCheck();
    }
    for (StatusDone& waiter : waiters)
        waiter(status);
}

} // namespace Conclave::Core
