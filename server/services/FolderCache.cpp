// Membership states and folder state chains kept between requests.
#include "server/services/FolderCache.h"

#include "server/services/ConstantTime.h"
#include "server/services/ServiceLog.h"

#include "core/crypto/FolderState.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/MembershipLog.h"

#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

Error corrupt(const QString& folderId, const char* what)
{
    qCWarning(lcServerSharing) << "stored sharing data of folder" << folderId << "fails its check:" << what;
    return Error::make(ErrorCode::Corrupt,
                       QStringLiteral("The server's stored data for this folder is damaged; an "
                                      "administrator must restore it from a backup."));
}

} // namespace

FolderCache::FolderCache(FolderStore& folders, MembershipStore& membership, ItemStore& items)
    : m_folders(folders)
    , m_membership(membership)
    , m_items(items)
{}

FolderCache::Entry& FolderCache::entry(const QString& folderId)
{
    auto it = m_entries.find(folderId);
    if (it == m_entries.end()) {
        if (m_entries.size() >= kMaxFolders) {
            auto oldest = m_entries.begin();
            for (auto e = m_entries.begin(); e != m_entries.end(); ++e) {
                if (e->second.used < oldest->second.used)
                    oldest = e;
            }
            m_entries.erase(oldest);
        }
        it = m_entries.emplace(folderId, Entry{}).first;
    }
    it->second.used = ++m_clock;
    return it->second;
}

Result<Core::MembershipState*> FolderCache::members(const FolderRecord& folder)
{
    Entry& e = entry(folder.id);
    if (e.members && e.logLength == folder.logLength)
        return e.members.get();
    auto rows = m_membership.entries(folder.id);
    if (!rows)
        return rows.error();
    QList<QByteArray> bytes;
    for (const MembershipEntryRecord& row : rows.value()) {
        if (row.seq >= folder.logLength)
            break;
        bytes.append(row.entry);
    }
    if (qint64(bytes.size()) != folder.logLength)
        return corrupt(folder.id, "log length");
    auto replayed = Core::MembershipLog::replayBytes(QUuid(folder.id), bytes, std::nullopt);
    if (!replayed)
        return corrupt(folder.id, "membership log");
    e.members = std::make_unique<Core::MembershipState>(std::move(replayed.value()));
    e.logLength = folder.logLength;
    return e.members.get();
}

void FolderCache::storeMembers(const FolderRecord& folder, Core::MembershipState state)
{
    Entry& e = entry(folder.id);
    e.members = std::make_unique<Core::MembershipState>(std::move(state));
    e.logLength = folder.logLength;
}

Result<Core::FolderStateChain*> FolderCache::chain(const FolderRecord& folder)
{
    Entry& e = entry(folder.id);
    if (e.chain && e.stateSeq == folder.stateSeq)
        return e.chain.get();
    if (auto rebuilt = rebuildChain(folder, e); !rebuilt) {
        e.chain.reset();
        e.stateSeq = -1;
        return rebuilt.error();
    }
    return e.chain.get();
}

Status FolderCache::rebuildChain(const FolderRecord& folder, Entry& e)
{
    e.chain = std::make_unique<Core::FolderStateChain>(QUuid(folder.id));
    e.stateSeq = folder.stateSeq;
    if (folder.stateSeq == 0)
        return {};
    auto members = this->members(folder);
    if (!members)
        return members.error();
    auto stateRow = m_folders.state(folder.id, folder.stateSeq);
    if (!stateRow)
        return stateRow.error();
    if (!stateRow->has_value())
        return corrupt(folder.id, "state missing");
    auto state = Core::FolderState::parse((*stateRow)->state);
    if (!state || !ConstantTime::equal(state->hash(), (*stateRow)->stateHash))
        return corrupt(folder.id, "state hash");
    auto latest = m_items.allLatest(folder.id);
    if (!latest)
        return latest.error();
    QList<Core::ItemEnvelope> envelopes;
    envelopes.reserve(latest->size());
    for (const ItemRevisionRecord& row : latest.value()) {
        auto envelope = Core::ItemEnvelope::parse(row.envelope);
        if (!envelope || !ConstantTime::equal(envelope->hash(), row.envelopeHash))
            return corrupt(folder.id, "envelope hash");
        envelopes.append(std::move(envelope.value()));
    }
    if (auto accepted = e.chain->acceptSnapshot(state.value(), envelopes, **members); !accepted)
        return corrupt(folder.id, "state chain");
    return {};
}

void FolderCache::chainAdvanced(const QString& folderId, qint64 stateSeq)
{
    Entry& e = entry(folderId);
    if (e.chain && qint64(e.chain->sequence()) == stateSeq)
        e.stateSeq = stateSeq;
    else
        invalidate(folderId);
}

void FolderCache::invalidate(const QString& folderId)
{
    m_entries.erase(folderId);
}

} // namespace Conclave::Server
