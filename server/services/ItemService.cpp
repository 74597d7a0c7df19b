// Item writes, reads and key rotations of shared folders.
#include "server/services/ItemService.h"

#include "server/services/ConstantTime.h"
#include "server/services/ServiceLog.h"
#include "server/services/SharingValues.h"
#include "server/storage/StorageTransaction.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/MembershipEntry.h"

#include <QSet>
#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::FolderRole;
using Core::FolderState;
using Core::ItemEnvelope;
using Core::ItemReader;
using Core::MembershipAction;
using Core::MembershipEntry;
using Core::MembershipState;
using Core::Result;
using Core::Status;
using namespace SharingValues;

namespace {

QString id(const QUuid& uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

ItemRevisionRecord revisionOf(const QString& folderId, const ItemEnvelope& envelope, qint64 stateSeq,
                              qint64 now)
{
    const ItemEnvelope::Header& h = envelope.header();
    return ItemRevisionRecord{folderId,
                              envelope.hash(),
                              id(h.itemId),
                              qint64(h.revision),
                              int(h.kind),
                              qint64(h.keyVersion),
                              id(h.authorId),
                              stateSeq,
                              envelope.serialize(),
                              now};
}

// The key chain link's layout (protocol.md §5.6) as far as the server can check it without
// keys: tag, folder, versions new and new - 1, and a wrapped 32-byte key.
Status checkChainLink(const QByteArray& link, const QUuid& folderId, quint32 newVersion)
{
    Core::ByteReader reader(link, QStringLiteral("chainLink"));
    reader.expectTag(Core::DomainTags::kKeyChainLink);
    const QUuid folder = reader.uuid();
    const quint32 version = reader.u32();
    const quint32 previous = reader.u32();
    const QByteArrayView wrapped =
        reader.blob(quint32(Core::KeyWrap::wrappedSize(Core::FolderKeyRing::kKeySize)));
    if (auto finished = reader.finish(); !finished)
        return atField(finished.error(), QStringLiteral("chainLink"));
    if (folder != folderId || version != newVersion || previous + 1 != newVersion ||
        wrapped.size() != Core::KeyWrap::wrappedSize(Core::FolderKeyRing::kKeySize) ||
        quint8(wrapped.at(0)) != Core::KeyWrap::kVersion) {
        return invalid(QStringLiteral("The key chain link must link this folder's new key version to the one "
                                      "before."),
                       QStringLiteral("chainLink"));
    }
    return {};
}

} // namespace

ItemService::ItemService(SqlDatabase& database, FolderService& folders, FolderStore& folderStore,
                         ItemStore& items, GrantStore& grants, FolderCache& cache)
    : m_database(database)
    , m_folderService(folders)
    , m_folders(folderStore)
    , m_items(items)
    , m_grants(grants)
    , m_cache(cache)
{}

bool ItemService::intact(const ItemRevisionRecord& row)
{
    auto envelope = ItemEnvelope::parse(row.envelope);
    const bool ok = envelope && ConstantTime::equal(envelope->hash(), row.envelopeHash) &&
                    id(envelope->header().itemId) == row.itemId &&
                    qint64(envelope->header().revision) == row.revision;
    if (!ok)
        qCWarning(lcServerSharing) << "stored envelope of item" << row.itemId << "in folder" << row.folderId
                                   << "does not match its hash; not served";
    return ok;
}

Result<std::optional<FolderStateRecord>> ItemService::currentState(const FolderRecord& folder)
{
    if (folder.stateSeq == 0)
        return std::optional<FolderStateRecord>();
    return m_folders.state(folder.id, folder.stateSeq);
}

Result<ItemWrite> ItemService::conflictWith(const FolderRecord& folder, const FolderState& sent)
{
    auto fresh = m_folders.folder(folder.id);
    if (!fresh)
        return fresh.error();
    const FolderRecord& now = fresh->has_value() ? **fresh : folder;
    auto state = currentState(now);
    if (!state)
        return state.error();
    ItemWrite result;
    result.stateSeq = now.stateSeq;
    result.current = state.value();
    result.writerBase = qint64(sent.fields().sequence) - 1;
    return result;
}

Result<ItemWrite> ItemService::write(const QString& userId, const QString& folderId,
                                     const QString& pathItemId, const QByteArray& envelopeBytes,
                                     const QByteArray& stateBytes)
{
    auto envelope = ItemEnvelope::parse(envelopeBytes);
    if (!envelope)
        return atField(envelope.error(), QStringLiteral("envelope"));
    auto state = FolderState::parse(stateBytes);
    if (!state)
        return atField(state.error(), QStringLiteral("state"));
    const ItemEnvelope::Header& h = envelope->header();
    const QString itemId = id(h.itemId);
    if (!pathItemId.isEmpty() && itemId != pathItemId)
        return invalid(QStringLiteral("The envelope is for another item than the address names."),
                       QStringLiteral("envelope"));
    if (state->fields().change != FolderState::Change::Write)
        return invalid(
            QStringLiteral("An item write carries a write state; rotations have their own request."),
            QStringLiteral("state"));

    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    auto access = m_folderService.lockedAccess(folderId, userId);
    if (!access)
        return access.error();
    const FolderRecord folder = access->folder;
    if (!Core::roleAtLeast(access->role, FolderRole::Edit))
        return denied(QStringLiteral("Changing items needs the Edit role."));
    auto members = m_cache.members(folder);
    if (!members)
        return members.error();
    auto chain = m_cache.chain(folder);
    if (!chain)
        return chain.error();
    if (!(*chain)->follows(state.value()))
        return conflictWith(folder, state.value());

    auto latest = m_items.latest(folderId, itemId);
    if (!latest)
        return latest.error();
    if (pathItemId.isEmpty() && latest->has_value())
        return conflict(
            QStringLiteral("An item with this id exists already; write its next revision with PUT."),
            QStringLiteral("envelope"));
    ItemReader::Expectation expect;
    expect.orgId = QUuid(folder.orgId);
    expect.folderId = QUuid(folderId);
    expect.itemId = h.itemId;
    if (latest->has_value())
        expect.lastSeen = ItemReader::Seen{quint64((*latest)->revision), (*latest)->envelopeHash};
    if (auto checked = ItemReader::check(envelope.value(), expect, **members); !checked)
        return atField(checked.error(), QStringLiteral("envelope"));
    const quint64 nextRevision = latest->has_value() ? quint64((*latest)->revision) + 1 : 1;
    if (h.revision != nextRevision)
        return invalid(QStringLiteral("The envelope must be revision %1 of the item.").arg(nextRevision),
                       QStringLiteral("envelope"));
    if (id(h.authorId) != userId)
        return denied(QStringLiteral("An envelope you send must be written by you."),
                      QStringLiteral("envelope"));
    if (id(state->fields().writerId) != userId)
        return denied(QStringLiteral("A folder state you send must be signed by you."),
                      QStringLiteral("state"));
    if (auto accepted = (*chain)->acceptWrite(state.value(), envelope.value(), **members,
                                              Core::FolderStateChain::LogView::Current);
        !accepted)
        return atField(accepted.error(), QStringLiteral("state"));

    // The cached chain holds the write from here on: any failure below must drop it.
    const qint64 seq = qint64(state->fields().sequence);
    const qint64 now = m_folderService.nowMs();
    const ItemRevisionRecord revision = revisionOf(folderId, envelope.value(), seq, now);
    auto fail = [this, &folderId](const Error& error) -> Result<ItemWrite> {
        m_cache.invalidate(folderId);
        return error;
    };
    auto advanced = m_folders.advanceState(folderId, folder.stateSeq, seq);
    if (!advanced)
        return fail(advanced.error());
    if (!advanced.value()) {
        m_cache.invalidate(folderId);
        return conflictWith(folder, state.value());
    }
    if (auto stored = m_items.insertRevision(revision); !stored)
        return fail(stored.error());
    if (auto put = m_items.putLatest(revision); !put)
        return fail(put.error());
    if (auto put = m_folders.insertState({folderId, seq, state->serialize(), state->hash(), userId, now});
        !put)
        return fail(put.error());
    const QString action = h.kind == Core::ItemKind::DeleteMarker ? QStringLiteral("item.deleted")
                           : nextRevision == 1                    ? QStringLiteral("item.created")
                                                                  : QStringLiteral("item.updated");
    if (auto audited = m_folderService.audit().record(AuditService::done(
            folder.orgId, QStringLiteral("item"), itemId, userId, action, qint64(nextRevision)));
        !audited)
        return fail(audited.error());
    const QList<ChangeRecord> changes{{folderId, {}, QStringLiteral("item"), itemId, now}};
    auto seqs = m_folderService.appendChanges(changes);
    if (!seqs)
        return fail(seqs.error());
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    m_folderService.notify(changes, seqs.value());
    m_cache.chainAdvanced(folderId, seq);
    ItemWrite result;
    result.stored = revision;
    result.stateSeq = seq;
    return result;
}

Result<ItemWrite> ItemService::rotate(const QString& userId, const QString& folderId,
                                      const RotationRequest& request)
{
    auto state = FolderState::parse(request.state);
    if (!state)
        return atField(state.error(), QStringLiteral("state"));
    if (state->fields().change != FolderState::Change::Rotation)
        return invalid(QStringLiteral("A rotation carries a rotation state."), QStringLiteral("state"));
    if (request.entries.isEmpty() || request.entries.size() > 2)
        return invalid(
            QStringLiteral("A rotation carries a rotate entry, after a remove or change-role entry "
                           "or alone."),
            QStringLiteral("entries"));
    if (request.items.size() > kMaxRotationItems)
        return invalid(QStringLiteral("A rotation carries at most %1 items.").arg(kMaxRotationItems),
                       QStringLiteral("items"));
    QList<MembershipEntry> entries;
    for (qsizetype i = 0; i < request.entries.size(); ++i) {
        const QString field = QStringLiteral("entries[%1]").arg(i);
        auto entry = MembershipEntry::parse(request.entries.at(i));
        if (!entry)
            return atField(entry.error(), field);
        const MembershipAction action = entry->fields().action;
        const bool last = i + 1 == request.entries.size();
        // A removal, or a member losing Edit, travels with its rotation so that no write can
        // come between the entry and the new key (protocol.md section 6).
        const bool before = action == MembershipAction::Remove || action == MembershipAction::ChangeRole;
        if ((last && action != MembershipAction::Rotate) || (!last && !before))
            return invalid(QStringLiteral("A rotation carries a rotate entry, after a remove or change-role "
                                          "entry or alone."),
                           field);
        entries.append(std::move(entry.value()));
    }
    QList<ItemEnvelope> envelopes;
    for (qsizetype i = 0; i < request.items.size(); ++i) {
        auto envelope = ItemEnvelope::parse(request.items.at(i));
        if (!envelope)
            return atField(envelope.error(), QStringLiteral("items[%1]").arg(i));
        envelopes.append(std::move(envelope.value()));
    }

    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    auto access = m_folderService.lockedAccess(folderId, userId);
    if (!access)
        return access.error();
    const FolderRecord folder = access->folder;
    if (access->role != FolderRole::Manage)
        return denied(QStringLiteral("Rotating the folder key needs the Manage role."));
    auto members = m_cache.members(folder);
    if (!members)
        return members.error();
    MembershipState next = **members;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (auto checked =
                m_folderService.checkEntry(userId, next, entries.at(i), QStringLiteral("entries[%1]").arg(i));
            !checked)
            return checked.error();
    }
    const quint32 newVersion = next.currentKeyVersion();
    if (auto link = checkChainLink(request.chainLink, QUuid(folderId), newVersion); !link)
        return link.error();

    // One grant of the new key to every remaining member, nobody else.
    QList<GrantRecord> grants;
    QSet<QUuid> granted;
    const qint64 now = m_folderService.nowMs();
    for (qsizetype i = 0; i < request.grants.size(); ++i) {
        const QString field = QStringLiteral("grants[%1]").arg(i);
        auto grant = Core::FolderKeyGrant::parse(request.grants.at(i));
        if (!grant)
            return atField(grant.error(), field);
        if (id(grant->folderId()) != folderId || grant->keyVersion() != newVersion)
            return invalid(QStringLiteral("A rotation's grants hand out this folder's new key version."),
                           field);
        if (id(grant->granterId()) != userId)
            return denied(QStringLiteral("A grant you send must be made by you."), field);
        if (auto verified = grant->verify(next); !verified)
            return atField(verified.error(), field);
        if (granted.contains(grant->recipientId()))
            return invalid(QStringLiteral("A member is granted the new key twice."), field);
        granted.insert(grant->recipientId());
        grants.append({folderId, id(grant->recipientId()), qint64(newVersion), qint64(grant->logPosition()),
                       userId, grant->serialize(), now});
    }
    for (const QUuid& member : next.members()) {
        if (!granted.contains(member))
            return invalid(QStringLiteral("Every remaining member needs a grant of the new key."),
                           QStringLiteral("grants"));
    }

    auto chain = m_cache.chain(folder);
    if (!chain)
        return chain.error();
    if (!(*chain)->follows(state.value()))
        return conflictWith(folder, state.value());
    QSet<QUuid> seen;
    for (qsizetype i = 0; i < envelopes.size(); ++i) {
        const QString field = QStringLiteral("items[%1]").arg(i);
        const ItemEnvelope::Header& h = envelopes.at(i).header();
        if (seen.contains(h.itemId))
            return invalid(QStringLiteral("A rotation carries each item once."), field);
        seen.insert(h.itemId);
        auto latest = m_items.latest(folderId, id(h.itemId));
        if (!latest)
            return latest.error();
        if (!latest->has_value())
            return invalid(QStringLiteral("A rotation re-encrypts existing items only."), field);
        ItemReader::Expectation expect;
        expect.orgId = QUuid(folder.orgId);
        expect.folderId = QUuid(folderId);
        expect.itemId = h.itemId;
        expect.lastSeen = ItemReader::Seen{quint64((*latest)->revision), (*latest)->envelopeHash};
        expect.rotating = true;
        if (auto checked = ItemReader::check(envelopes.at(i), expect, next); !checked)
            return atField(checked.error(), field);
        if (h.revision != quint64((*latest)->revision) + 1 || h.keyVersion != newVersion)
            return invalid(
                QStringLiteral("A re-encrypted item is the next revision under the new key version."), field);
        if (id(h.authorId) != userId)
            return denied(QStringLiteral("An envelope you send must be written by you."), field);
    }
    if (id(state->fields().writerId) != userId)
        return denied(QStringLiteral("A folder state you send must be signed by you."),
                      QStringLiteral("state"));
    if (auto accepted = (*chain)->acceptRotation(state.value(), envelopes, next,
                                                 Core::FolderStateChain::LogView::Current);
        !accepted)
        return atField(accepted.error(), QStringLiteral("state"));

    // From here the cached chain holds the rotation: any failure below must drop it.
    auto fail = [this, &folderId](const Error& error) -> Result<ItemWrite> {
        m_cache.invalidate(folderId);
        return error;
    };
    const qint64 seq = qint64(state->fields().sequence);
    auto logAdvanced =
        m_folders.advanceLog(folderId, folder.logLength, qint64(next.length()), qint64(newVersion));
    if (!logAdvanced)
        return fail(logAdvanced.error());
    auto stateAdvanced =
        logAdvanced.value() ? m_folders.advanceState(folderId, folder.stateSeq, seq) : Result<bool>(false);
    if (!stateAdvanced)
        return fail(stateAdvanced.error());
    if (!stateAdvanced.value()) {
        m_cache.invalidate(folderId);
        return conflictWith(folder, state.value());
    }
    QList<ChangeRecord> changes;
    for (const MembershipEntry& entry : entries) {
        if (auto recorded = m_folderService.recordEntry(folder, entry, next, changes); !recorded)
            return fail(recorded.error());
    }
    if (auto link = m_folders.insertKeyLink(folderId, qint64(newVersion), request.chainLink); !link)
        return fail(link.error());
    for (const GrantRecord& grant : grants) {
        if (auto put = m_grants.putGrant(grant); !put)
            return fail(put.error());
        changes.append({{}, grant.recipientId, QStringLiteral("grant"), folderId, now});
    }
    for (const ItemEnvelope& envelope : envelopes) {
        const ItemRevisionRecord revision = revisionOf(folderId, envelope, seq, now);
        if (auto stored = m_items.insertRevision(revision); !stored)
            return fail(stored.error());
        if (auto put = m_items.putLatest(revision); !put)
            return fail(put.error());
        changes.append({folderId, {}, QStringLiteral("item"), revision.itemId, now});
    }
    if (auto put = m_folders.insertState({folderId, seq, state->serialize(), state->hash(), userId, now});
        !put)
        return fail(put.error());
    // One entry per log entry the rotation carries (a remove or role change, then the rotate).
    for (const MembershipEntry& entry : entries) {
        if (auto audited = m_folderService.audit().record(AuditService::done(
                folder.orgId, QStringLiteral("folder"), folderId, userId,
                AuditService::membershipAction(int(entry.fields().action)), qint64(entry.fields().sequence)));
            !audited)
            return fail(audited.error());
    }
    auto seqs = m_folderService.appendChanges(changes);
    if (!seqs)
        return fail(seqs.error());
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    m_folderService.notify(changes, seqs.value());
    FolderRecord after = folder;
    after.logLength = qint64(next.length());
    after.keyVersion = qint64(newVersion);
    m_cache.storeMembers(after, std::move(next));
    m_cache.chainAdvanced(folderId, seq);
    qCInfo(lcServerSharing) << "folder" << folderId << "rotated to key version" << newVersion << "by"
                            << userId;
    ItemWrite result;
    result.stateSeq = seq;
    result.stored = ItemRevisionRecord{};
    return result;
}

Result<ItemPage> ItemService::page(const QString& folderId, const QString& afterItemId, int limit,
                                   qint64 sinceState)
{
    const int size = qBound(1, limit, kMaxPage);
    // One more than asked, to know whether a next page exists.
    auto rows = sinceState >= 0 ? m_items.changedSince(folderId, sinceState, afterItemId, size + 1)
                                : m_items.latestPage(folderId, afterItemId, size + 1);
    if (!rows)
        return rows.error();
    ItemPage page;
    QList<ItemRevisionRecord> list = rows.value();
    if (list.size() > size) {
        list.resize(size);
        page.next = list.last().itemId;
    }
    for (const ItemRevisionRecord& row : list) {
        if (intact(row))
            page.items.append(row);
        else
            page.corrupt.append(row.itemId);
    }
    return page;
}

Result<ItemRevisionRecord> ItemService::latest(const QString& folderId, const QString& itemId)
{
    auto latest = m_items.latest(folderId, itemId);
    if (!latest)
        return latest.error();
    if (!latest->has_value())
        return Error::make(ErrorCode::NotFound, QStringLiteral("The folder has no item with this id."));
    auto row = m_items.revision(folderId, (*latest)->envelopeHash);
    if (!row)
        return row.error();
    if (!row->has_value() || !intact(**row))
        return Error::make(ErrorCode::Corrupt,
                           QStringLiteral("The stored item is damaged and is not served; an administrator "
                                          "must restore it from a backup."),
                           QStringLiteral("itemId"));
    return **row;
}

} // namespace Conclave::Server
