// InvitationStore: the invitation table group — invitations to shared folders with the
// offer and answer blobs they relay (docs/security/protocol.md §9.1), each organisation's
// guest setting, and the lock rows that serialise the limit checks (InvitationService).
// Every state change is a conditional UPDATE on the state it leaves, so of two requests
// racing on one invitation exactly one changes it.
#pragma once

#include "server/storage/InvitationRecords.h"
#include "server/storage/SqlStore.h"

#include <optional>

namespace Conclave::Server {

class InvitationStore final : public SqlStore
{
public:
    explicit InvitationStore(SqlDatabase& database)
        : SqlStore(database)
    {}
    ~InvitationStore() = default;
    Q_DISABLE_COPY_MOVE(InvitationStore)

    Core::Status insertInvitation(const InvitationRecord& invitation);
    Core::Result<std::optional<InvitationRecord>> invitation(const QString& id);

    // Pending, unexpired invitations to this address and invitee id, at most `limit` from
    // `after` on.
    Core::Result<InvitationPage> receivedBy(const QString& email, const QString& inviteeId, qint64 nowMs,
                                            const InvitationCursor& after, int limit);
    // Every invitation of a folder, in any state.
    Core::Result<InvitationPage> ofFolder(const QString& folderId, const InvitationCursor& after, int limit);
    // Every invitation a user created, in any state.
    Core::Result<InvitationPage> sentBy(const QString& inviterId, const InvitationCursor& after, int limit);

    // Pending, unexpired invitations to an address, from anyone.
    Core::Result<int> pendingForAddress(const QString& email, qint64 nowMs);
    // A pending, unexpired or an accepted invitation of this folder to this address.
    Core::Result<bool> hasOpenInvitation(const QString& folderId, const QString& email, qint64 nowMs);
    // Invitations a user created at or after `sinceMs`, and the creation time of the oldest
    // of them (0 when there is none).
    struct SentCount
    {
        int count = 0;
        qint64 oldestMs = 0;
    };
    Core::Result<SentCount> sentSince(const QString& inviterId, qint64 sinceMs);

    // pending (unexpired) -> accepted with the answer; false when it was not pending.
    Core::Result<bool> markAccepted(const QString& id, const QByteArray& answer, const QString& by,
                                    qint64 nowMs);
    // pending (unexpired) -> declined.
    Core::Result<bool> markDeclined(const QString& id, const QString& by, qint64 nowMs);
    // pending (unexpired) or accepted -> cancelled.
    Core::Result<bool> markCancelled(const QString& id, const QString& by, qint64 nowMs);
    // accepted -> added, once the invitee is a member of the folder.
    Core::Result<bool> markAdded(const QString& id);
    // pending -> expired once its time is up; false when another request noticed it first.
    Core::Result<bool> markExpired(const QString& id, qint64 nowMs);

    // Off unless an organisation admin turned it on.
    Core::Result<bool> allowsGuests(const QString& orgId);
    Core::Status setAllowsGuests(const QString& orgId, bool allow);

    // Inside a StorageTransaction: writes the lock row `key`, so a second transaction that
    // locks the same key waits (PostgreSQL row lock; SQLite's write lock covers everything)
    // and then counts what the first one wrote.
    Core::Status lock(const QString& key, qint64 nowMs);

private:
    Core::Result<InvitationPage> page(const QString& where, QVariantList binds, const InvitationCursor& after,
                                      int limit);
};

} // namespace Conclave::Server
