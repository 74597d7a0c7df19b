// InvitationFlow: inviting people to a shared folder and joining one (DESIGN §6, protocol.md
// §9.1), on top of SyncEngine (the pins and the add entry) and InvitationApi (the routes).
//
// Inviter: invite() looks up each address's key bundle, makes an Invitation and its offer
// and sends it. With Mode::Code the code to pass on by another channel is returned for
// display. With Mode::SafetyNumber the safety number of the bundle the server handed over is
// returned, and the inviter confirms the number the invitee reads out (confirmSafetyNumber)
// before anything is signed; the offer then carries a MAC of 32 zero bytes, which tells the
// invitee's client there is no code to ask for. What the client keeps of each invitation
// (the code, the bundle compared, whether the comparison matched) is sealed in the account's
// cache (PendingInvitationStore), so it survives a restart, until the invitation is used,
// cancelled, refused or expired, or its folder is wiped here.
// Another manager's client holds no code for an invitation it did not make: takeOver() lets
// it compare safety numbers with the invitee for an accepted one instead (the number of the
// bundle in the answer), after which it completes it like the inviter's client would.
// Manager's client: check() (run automatically whenever the engine's feed names an
// invitation, and after a confirmation) reads the folder's invitations; an accepted one is
// checked (the code's MAC over the answer, or the confirmed safety number and the very bundle
// compared) and only then is the member added through SyncEngine::addMember, which signs
// the add entry and grants the folder key. A refused answer is said in words (refused()).
// Invitee: received() pages the open invitations (20 a page), accept() checks the offer with
// the typed code (or records the compared safety number of the inviter) and answers, then
// the invitation waits for a manager; check() sees it added and first-syncs the folder.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/Invitation.h"
#include "core/sync/InvitationApi.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace Conclave::Core {

class LocalCache;
class PendingInvitationStore;
class SyncEngine;

class InvitationFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvitationFlow)

public:
    // Addresses one invite() call takes; the server's own limits (100 a day, 50 open per
    // address) come back as its refusals in words.
    static constexpr int kMaxAddresses = 20;
    // How long an invitation stays open: the expiry the inviter signs into its terms (the
    // server allows one hour to seven days).
    static constexpr qint64 kLifetimeMs = 7LL * 24 * 60 * 60 * 1000;
    // How far the inviter's clock may have been ahead: terms that expire later than
    // kLifetimeMs plus this from now are not taken over (the server allows the same drift).
    static constexpr qint64 kClockDriftMs = 10LL * 60 * 1000;

    enum class Mode
    {
        Code,         // an invitation code passed on by another channel
        SafetyNumber, // safety numbers compared both ways
    };

    // What became of one address of invite().
    struct Sent
    {
        QString email;
        QUuid invitationId;
        QString code;         // Mode::Code: the code to pass on
        QString safetyNumber; // Mode::SafetyNumber: the number to compare with the invitee
        std::optional<Error> error;
    };

    // The invitee's view of one received invitation.
    enum class InviteeState
    {
        Open,              // can be accepted or declined
        WaitingForManager, // answered; a manager's client checks it and adds the member
        Added,             // a member now; the folder is synced
        Closed,            // declined, cancelled or expired
    };
    struct Incoming
    {
        InvitationApi::Received invitation;
        Mode mode = Mode::Code;
        QString folderLabel;         // as the inviter chose to show it, "" when none
        QString inviterSafetyNumber; // of the inviter's key as the offer carries it
        InviteeState state = InviteeState::Open;
    };

    using StatusDone = std::function<void(Status)>;
    template<typename T> using Done = std::function<void(Result<T>)>;

    // Both must outlive the flow.
    InvitationFlow(SyncEngine& engine, InvitationApi& api, QObject* parent = nullptr);
    ~InvitationFlow() override;

    InvitationApi& api() const { return m_api; }
    SyncEngine& engine() const { return m_engine; }
    // The time (ms since the epoch) invitations are made and their expiries checked by; the
    // system clock unless set.
    void setClock(std::function<quint64()> clock);

    // Inviter. Each address gets its own outcome; one refused address does not stop the others.
    void invite(const QUuid& folderId, const QStringList& emails, FolderRole role, Mode mode,
                QObject* context, std::function<void(QList<Sent>)> done);
    // The safety number the invitee read out for the invitation's address; on a match the
    // invitee's key counts as verified and the member is added once the invitation is accepted.
    Status confirmSafetyNumber(const QUuid& invitationId, const QString& typedSafetyNumber);
    // Whether this client holds what is needed to check the invitation's answer.
    bool canComplete(const QUuid& invitationId) const;
    // Another manager's invitation, accepted, that this client holds no code for: from now on
    // it completes it by the safety-number path. Returns the safety number of the bundle in
    // the answer, which the invitee must read out (confirmSafetyNumber); nothing is added
    // before that matched. Refused for an invitation not accepted, not of a folder this
    // client manages, whose answer does not carry the invitee's bundle, whose inviter does not
    // manage the folder, whose listing differs from the terms the inviter signed
    // (Invitation::openTerms under the key the folder's log binds to the inviter), that expired
    // by those terms (or expires later than they may), or whose invitee's membership changed in
    // the log since they were signed. The same checks run again before the add (check()) and
    // before every signing of its entry, on the log that entry is signed on; once they no longer
    // hold the take-over is forgotten, and the invitation is cancelled when no one can complete
    // it as listed (see checkTerms).
    Result<QString> takeOver(const InvitationApi::Managed& accepted);
    // What takeOver() checks, without taking anything over: the role the inviter signed for
    // the invitation as listed, or why this client cannot complete it (ErrorCode::Unavailable:
    // not yet, this client's log is behind the terms).
    Result<FolderRole> takeOverRole(const InvitationApi::Managed& accepted) const;
    // The safety number takeOver() would return, without taking anything over ("" when the
    // answer does not carry the invitee's bundle).
    QString answerSafetyNumber(const InvitationApi::Managed& accepted) const;
    // Taken over (see takeOver), not made here.
    bool isTakenOver(const QUuid& invitationId) const;
    Mode modeOf(const QUuid& invitationId) const;
    // The role this client adds the invitee with (chosen here, or signed by the inviter of one
    // taken over); nullopt for an invitation it does not hold.
    std::optional<FolderRole> roleOf(const QUuid& invitationId) const;
    bool isConfirmed(const QUuid& invitationId) const;
    // Mode::SafetyNumber: the number the invitee must read out ("" for another invitation).
    QString safetyNumberOf(const QUuid& invitationId) const;
    // The folder's invitations still open (pending, or accepted and not added yet).
    void openInvitations(const QUuid& folderId, QObject* context, Done<QList<InvitationApi::Managed>> done);
    void cancel(const QUuid& invitationId, QObject* context, StatusDone done);

    // Invitee. `cursor` empty: the first page; the page's nextCursor leads on.
    void received(const QString& cursor, QObject* context,
                  std::function<void(Result<QList<Incoming>>, QString nextCursor)> done);
    // `typed` is the invitation code (Mode::Code) or the inviter's safety number as the
    // inviter read it out (Mode::SafetyNumber). Nothing is sent when it does not match.
    void accept(const Incoming& incoming, const QString& typed, QObject* context, StatusDone done);
    void decline(const QUuid& invitationId, QObject* context, StatusDone done);
    InviteeState stateOf(const QUuid& invitationId) const;
    // The invitee's own safety number, to read out to an inviter who compares.
    QString ownSafetyNumber() const;
    int receivedCount() const { return m_receivedCount; }

    // Both sides: completes what can be completed (see the header comment). Runs by itself
    // on the engine's invitation hints; one run at a time, a call during one runs it again after.
    void check(QObject* context, StatusDone done);

signals:
    void receivedCountChanged(int count);
    void invitationsChanged();
    void memberAdded(const QUuid& folderId, const QUuid& invitationId, const QString& email);
    // The answer to an invitation was refused (wrong code, another key); `reason` in words.
    void refused(const QUuid& invitationId, const QString& email, const QString& reason);
    void inviteeStateChanged(const QUuid& invitationId, Conclave::Core::InvitationFlow::InviteeState state);
    void joined(const QUuid& folderId);

private:
    struct Outgoing;
    struct Check;
    // What stops completing a taken-over invitation now.
    struct Stop
    {
        enum class Kind
        {
            Added,   // the invitee is a member with the role and key taken over: another client added them
            Behind,  // this client's log is behind the terms: waits for the next sync
            Refused, // the terms no longer hold
        } kind;
        Error why;
        bool cancel = false; // Refused: no one can complete it as listed (checkTerms)
    };

    void inviteNext(std::shared_ptr<QList<Sent>> results, std::shared_ptr<QStringList> rest, QUuid folderId,
                    FolderRole role, Mode mode, std::function<void(QList<Sent>)> done);
    void readOpenPage(QUuid folderId, QString cursor, std::shared_ptr<QList<InvitationApi::Managed>> all,
                      int pages, Done<QList<InvitationApi::Managed>> done);
    void scheduleCheck();
    void checkFolders(std::shared_ptr<Check> run);
    void readFolderPage(std::shared_ptr<Check> run, QUuid folderId, QString cursor);
    void completeNext(std::shared_ptr<Check> run);
    // takeOverRole; `cancel` (when given) says whether the refusal means no one can complete
    // the invitation as listed (the listing contradicts the terms, the inviter no longer
    // manages the folder, the invitee's membership changed since), so it may be cancelled.
    Result<FolderRole> checkTerms(const InvitationApi::Managed& accepted, bool* cancel) const;
    // Whether a taken-over invitation (listed as `m`, taken over with `role`, `email` and the
    // compared `bundle`) can be completed on the listing and the log as this client holds them.
    std::optional<Stop> takenOverStop(const InvitationApi::Managed& m, FolderRole role, const QString& email,
                                      const QByteArray& bundle) const;
    // Goes on after a stop: forgets, waits or refuses.
    void settle(std::shared_ptr<Check> run, const InvitationApi::Managed& m, const QString& email,
                const Stop& stop);
    // Forgets an answer refused here; the invitation is cancelled too when `cancel`.
    void refuseAnswer(std::shared_ptr<Check> run, const InvitationApi::Managed& m, const QString& email,
                      const QString& reason, bool cancel);
    void followWaiting(std::shared_ptr<Check> run);
    void countReceived(std::shared_ptr<Check> run, QString cursor, int count, int pages);
    void finishCheck(std::shared_ptr<Check> run, Status status);
    Incoming describe(const InvitationApi::Received& received) const;
    // The store of the engine's cache, with its records read into m_outgoing once per cache
    // (the engine opens a new one at each start); null while the engine is not started.
    PendingInvitationStore* pending();
    void persist(const QUuid& invitationId);
    void forget(const QUuid& invitationId);
    void forgetFolder(const QUuid& folderId);

    SyncEngine& m_engine;
    InvitationApi& m_api;
    std::function<quint64()> m_clock;
    std::map<QUuid, std::unique_ptr<Outgoing>> m_outgoing;
    std::unique_ptr<PendingInvitationStore> m_store;
    const LocalCache* m_storeCache = nullptr; // the cache m_store was made for
    std::map<QUuid, QUuid> m_waiting;         // invitation id -> folder id, answered by this client
    std::map<QUuid, InviteeState> m_inviteeStates;
    std::set<QUuid> m_answered; // outgoing invitations seen accepted (lists shown were told)
    std::vector<StatusDone> m_checkWaiters;
    bool m_checking = false;
    bool m_checkAgain = false;
    bool m_checkScheduled = false;
    int m_receivedCount = 0;
};

} // namespace Conclave::Core
