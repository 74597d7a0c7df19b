// AccessCache: what this process read of sessions (by token hash) and sharing gates (by
// user), kept while the database's access epoch (AccessStore) stays the same. Every request
// reads the epoch once (refresh()); when another process or this one raised it, everything
// cached is dropped. Writers that end or change access call changed() — in their
// transaction where they have one — so no process serves a revoked session or a lifted
// block from its cache. The authenticated path of an unchanged client's poll is then one
// primary-key lookup instead of the session, user, membership and block look-ups.
//
// Used from the server's one event-loop thread only.
#pragma once

#include "server/services/SharingGate.h"
#include "server/storage/AccessStore.h"
#include "server/storage/StorageRecords.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace Conclave::Server {

class AccessCache final
{
public:
    // Bound on each map; past it the map starts again empty (a flood of tokens cannot grow it).
    static constexpr int kMaxEntries = 20000;

    explicit AccessCache(AccessStore& store);
    Q_DISABLE_COPY_MOVE(AccessCache)

    // Reads the epoch; drops everything when it moved. A failed read drops everything too,
    // so the caller falls back to the database.
    void refresh();
    // Raises the epoch (inside the caller's transaction, if any) and drops everything here.
    [[nodiscard]] Core::Status changed();
    // Forgets this process's entries only (another replica raised the epoch already).
    void clear();

    std::optional<SessionRecord> session(const QByteArray& tokenHash) const;
    void putSession(const QByteArray& tokenHash, const SessionRecord& session);
    void forgetSession(const QByteArray& tokenHash);

    std::optional<SharingGate> gate(const QString& userId) const;
    void putGate(const QString& userId, const SharingGate& gate);

private:
    AccessStore& m_store;
    std::optional<qint64> m_epoch;
    QHash<QByteArray, SessionRecord> m_sessions;
    QHash<QString, SharingGate> m_gates;
};

} // namespace Conclave::Server
