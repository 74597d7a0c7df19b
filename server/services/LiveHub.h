// LiveHub: the live-update side of the change log. After a write that appended a change has
// committed, its writer calls notify(); the hub works out which signed-in users may see the
// change (the user it is addressed to, or the current members of its folder) and hands each
// of their open live connections a hint "your feed moved to cursor N". The hub's hints carry
// only that number: the HTTP layer (LiveRoutes) reads the feed page to send with it. Across
// replicas on PostgreSQL the hub relays hints and ended access through LISTEN/NOTIFY, so a
// connection on one replica hears of a write or a revocation on another.
//
// While anyone is connected, the hub also watches the log's head (one primary-key lookup every
// 250 ms) and hints what it finds there that no notify() announced: a writer in another
// process on the same SQLite file (the admin command), a replica whose notification was
// lost, a write path that does not call notify(). So hints never depend on every writer
// remembering to call it; notify() only makes them immediate.
//
// The hub knows nothing of WebSockets: the HTTP layer subscribes each open socket with a
// function that sends a hint and one that closes it.
#pragma once

#include "server/storage/ChangeStore.h"
#include "server/storage/SqlDatabase.h"

#include "core/util/Result.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace Conclave::Server {

class LiveHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveHub)

public:
    // The users who may currently read a folder's changes (its members).
    using ReadersOf = std::function<Core::Result<QStringList>(const QString& folderId)>;

    struct Subscriber
    {
        QString userId;
        QString sessionId;
        std::function<void(qint64 cursor)> hint;
        // Access ended (session revoked or expired, sharing blocked): close with the reason.
        std::function<void(const QString& reason)> end;
    };

    static constexpr int kWatchIntervalMs = 250;

    // `database` carries the hints to other replicas (notify on PostgreSQL; nothing on SQLite).
    LiveHub(ChangeStore& changes, SqlDatabase& database, QObject* parent = nullptr);
    ~LiveHub() override;

    void setReadersOf(ReadersOf readersOf) { m_readersOf = std::move(readersOf); }
    // Listens for other replicas' hints on `listener`, a connection of its own to the same
    // PostgreSQL database (kept idle so notifications are read as they arrive).
    Core::Status relayFrom(SqlDatabase& listener);

    // After the commit of a write that appended change `seq`, addressed to `folderId` or
    // (exclusively) to `userId`.
    void notify(qint64 seq, const QString& folderId, const QString& userId);
    // Every live connection of the user, or of one session, closes (here and on other
    // replicas); accessChanged() tells in-process caches to forget what they know of the user.
    void endUser(const QString& userId, const QString& reason);
    void endSession(const QString& userId, const QString& sessionId, const QString& reason);

    quint64 subscribe(Subscriber subscriber);
    void unsubscribe(quint64 id);
    int subscriberCount() const { return int(m_subscribers.size()); }
    // Each subscriber's session and user, for the periodic check of expiry.
    QList<QPair<quint64, Subscriber>> subscribers() const;

    static QString channel() { return QStringLiteral("conclave_live"); }

signals:
    void accessChanged(const QString& userId);

private:
    void deliver(qint64 seq, const QString& folderId, const QString& userId);
    void close(const QString& userId, const QString& sessionId, const QString& reason);
    void received(const QString& payload);
    void relay(const QString& payload);
    void watch();
    void announced(qint64 seq);

    ChangeStore& m_changes;
    SqlDatabase& m_database;
    QTimer m_watchTimer;
    qint64 m_watched = -1; // the head up to which the watcher has looked; -1 before the first look
    QSet<qint64> m_hinted; // announced by notify() beyond m_watched, so the watcher skips them
    ReadersOf m_readersOf;
    QString m_origin; // this process, so it skips its own relayed notifications
    quint64 m_nextId = 1;
    QHash<quint64, Subscriber> m_subscribers;
    QMultiHash<QString, quint64> m_byUser;
};

} // namespace Conclave::Server
