// Sessions and sharing gates cached under the access epoch.
#include "server/services/AccessCache.h"

namespace Conclave::Server {

AccessCache::AccessCache(AccessStore& store)
    : m_store(store)
{}

void AccessCache::refresh()
{
    auto epoch = m_store.epoch();
    if (!epoch || !m_epoch || *m_epoch != epoch.value())
        clear();
    m_epoch = epoch ? std::optional<qint64>(epoch.value()) : std::nullopt;
}

Core::Status AccessCache::changed()
{
    clear();
    // Nothing cached is trusted until the next refresh() reads the raised epoch.
    m_epoch.reset();
    return m_store.raise();
}

void AccessCache::clear()
{
    m_sessions.clear();
    m_gates.clear();
}

std::optional<SessionRecord> AccessCache::session(const QByteArray& tokenHash) const
{
    if (!m_epoch)
        return std::nullopt;
    const auto it = m_sessions.constFind(tokenHash);
    return it == m_sessions.cend() ? std::nullopt : std::optional<SessionRecord>(*it);
}

void AccessCache::putSession(const QByteArray& tokenHash, const SessionRecord& session)
{
    if (!m_epoch)
        return;
    if (m_sessions.size() >= kMaxEntries)
        m_sessions.clear();
    m_sessions.insert(tokenHash, session);
}

void AccessCache::forgetSession(const QByteArray& tokenHash)
{
    m_sessions.remove(tokenHash);
}

std::optional<SharingGate> AccessCache::gate(const QString& userId) const
{
    if (!m_epoch)
        return std::nullopt;
    const auto it = m_gates.constFind(userId);
    return it == m_gates.cend() ? std::nullopt : std::optional<SharingGate>(*it);
}

void AccessCache::putGate(const QString& userId, const SharingGate& gate)
{
    if (!m_epoch)
        return;
    if (m_gates.size() >= kMaxEntries)
        m_gates.clear();
    m_gates.insert(userId, gate);
}

} // namespace Conclave::Server
