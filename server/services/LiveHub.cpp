// Live hints: who hears of a change, and the relay between replicas.
#include "server/services/LiveHub.h"

#include "server/services/ServiceLog.h"

#include <QUuid>

namespace Conclave::Server {

namespace {

// Relayed payloads, space-separated (ids are UUIDs or digits, "-" for none):
//   "h <origin> <seq> <folderId> <userId>"   a change was committed
//   "u <origin> <userId> <reason...>"         every connection of a user ends
//   "s <origin> <userId> <sessionId> <reason...>" one session's connections end
QString orNone(const QString& id)
{
    return id.isEmpty() ? QStringLiteral("-") : id;
}

QString fromNone(const QString& id)
{
    return id == QLatin1String("-") ? QString() : id;
}

} // namespace

LiveHub::LiveHub(ChangeStore& changes, SqlDatabase& database, QObject* parent)
    : QObject(parent)
    , m_changes(changes)
    , m_database(database)
    , m_origin(QUuid::createUuid().toString(QUuid::Id128))
{
    m_watchTimer.setInterval(kWatchIntervalMs);
    connect(&m_watchTimer, &QTimer::timeout, this, &LiveHub::watch);
}

LiveHub::~LiveHub() = default;

Core::Status LiveHub::relayFrom(SqlDatabase& listener)
{
    return listener.listen(channel(), [this](const QString& payload) { received(payload); });
}

void LiveHub::notify(qint64 seq, const QString& folderId, const QString& userId)
{
    announced(seq);
    deliver(seq, folderId, userId);
    relay(QStringLiteral("h %1 %2 %3 %4").arg(m_origin).arg(seq).arg(orNone(folderId), orNone(userId)));
}

void LiveHub::endUser(const QString& userId, const QString& reason)
{
    close(userId, {}, reason);
    relay(QStringLiteral("u %1 %2 %3").arg(m_origin, userId, reason));
}

void LiveHub::endSession(const QString& userId, const QString& sessionId, const QString& reason)
{
    close(userId, sessionId, reason);
    relay(QStringLiteral("s %1 %2 %3 %4").arg(m_origin, userId, sessionId, reason));
}

quint64 LiveHub::subscribe(Subscriber subscriber)
{
    const quint64 id = m_nextId++;
    m_byUser.insert(subscriber.userId, id);
    m_subscribers.insert(id, std::move(subscriber));
    if (!m_watchTimer.isActive()) {
        // From the head on: what committed before, the new connection learns from its first hint.
        auto head = m_changes.head();
        m_watched = head ? head.value() : -1;
        m_hinted.clear();
        m_watchTimer.start();
    }
    return id;
}

void LiveHub::unsubscribe(quint64 id)
{
    const auto it = m_subscribers.constFind(id);
    if (it == m_subscribers.cend())
        return;
    m_byUser.remove(it->userId, id);
    m_subscribers.erase(it);
    if (m_subscribers.isEmpty())
        m_watchTimer.stop();
}

QList<QPair<quint64, LiveHub::Subscriber>> LiveHub::subscribers() const
{
    QList<QPair<quint64, Subscriber>> list;
    for (auto it = m_subscribers.cbegin(); it != m_subscribers.cend(); ++it)
        list.append(qMakePair(it.key(), it.value()));
    return list;
}

void LiveHub::deliver(qint64 seq, const QString& folderId, const QString& userId)
{
    // Nobody connected: no need to look up the folder's members.
    if (m_subscribers.isEmpty())
        return;
    QStringList readers;
    if (!userId.isEmpty()) {
        readers.append(userId);
    } else if (!folderId.isEmpty() && m_readersOf) {
        auto members = m_readersOf(folderId);
        if (!members) {
            // Clients still learn of the change by their next poll.
            qCWarning(lcServerLive) << "live hint for change" << seq << "not resolved";
            return;
        }
        readers = members.value();
    }
    for (const QString& reader : std::as_const(readers)) {
        // Copied first: a hint may fail and unsubscribe its connection.
        const QList<quint64> ids = m_byUser.values(reader);
        for (const quint64 id : ids) {
            const auto it = m_subscribers.constFind(id);
            if (it != m_subscribers.cend() && it->hint)
                it->hint(seq);
        }
    }
}

void LiveHub::close(const QString& userId, const QString& sessionId, const QString& reason)
{
    emit accessChanged(userId);
    const QList<quint64> ids = m_byUser.values(userId);
    for (const quint64 id : ids) {
        const auto it = m_subscribers.constFind(id);
        if (it == m_subscribers.cend() || (!sessionId.isEmpty() && it->sessionId != sessionId))
            continue;
        const auto end = it->end;
        unsubscribe(id);
        if (end)
            end(reason);
    }
}

void LiveHub::announced(qint64 seq)
{
    // Bounded: a flood of announcements the watcher has not reached yet cannot grow it far.
    if (m_watchTimer.isActive() && seq > m_watched && m_hinted.size() < 100000)
        m_hinted.insert(seq);
}

void LiveHub::watch()
{
    auto head = m_changes.head();
    if (!head)
        return;
    if (m_watched < 0) {
        m_watched = head.value();
        return;
    }
    // At most a bounded batch per tick; the rest follows on the next ones.
    constexpr int kBatch = 500;
    while (m_watched < head.value()) {
        auto changes = m_changes.changesBetween(m_watched, head.value(), kBatch);
        if (!changes || changes->isEmpty())
            return;
        for (const StoredChange& stored : std::as_const(changes.value())) {
            if (!m_hinted.remove(stored.seq))
                deliver(stored.seq, stored.change.folderId, stored.change.userId);
        }
        m_watched = changes->last().seq;
        if (changes->size() < kBatch)
            break;
    }
    // Announced numbers the watcher has passed are done with.
    for (auto it = m_hinted.begin(); it != m_hinted.end();)
        it = *it <= m_watched ? m_hinted.erase(it) : std::next(it);
}

void LiveHub::relay(const QString& payload)
{
    if (!m_database.hasNotifications())
        return;
    if (auto sent = m_database.notify(channel(), payload); !sent)
        qCWarning(lcServerLive) << "live relay to other replicas failed";
}

void LiveHub::received(const QString& payload)
{
    const QStringList parts = payload.split(QLatin1Char(' '));
    if (parts.size() < 3 || parts.at(1) == m_origin)
        return;
    const QString kind = parts.at(0);
    if (kind == QLatin1String("h") && parts.size() == 5) {
        bool ok = false;
        const qint64 seq = parts.at(2).toLongLong(&ok);
        if (ok) {
            announced(seq);
            deliver(seq, fromNone(parts.at(3)), fromNone(parts.at(4)));
        }
    } else if (kind == QLatin1String("u") && parts.size() >= 3) {
        close(parts.at(2), {}, parts.mid(3).join(QLatin1Char(' ')));
    } else if (kind == QLatin1String("s") && parts.size() >= 4) {
        close(parts.at(2), parts.at(3), parts.mid(4).join(QLatin1Char(' ')));
    }
}

} // namespace Conclave::Server
