// Shared folders, the membership log, deletion with recovery, grants.
#include "server/services/FolderService.h"

#include "server/services/ServiceLog.h"
#include "server/services/SharingValues.h"
#include "server/storage/StorageTransaction.h"

#include "core/crypto/FolderKeyGrant.h"

#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::FolderRole;
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

Error noFolder()
{
    return Error::make(ErrorCode::NotFound,
                       QStringLiteral("There is no such folder, or you are not a member."));
}

} // namespace

FolderService::FolderService(SqlDatabase& database, FolderStore& folders, MembershipStore& membership,
                             GrantStore& grants, ChangeStore& changes, AccountStore& accounts,
                             OrganisationService& orgs, FolderCache& cache, LiveHub& live,
                             const Core::Clock& clock, AuditService& audit)
    : m_database(database)
    , m_folders(folders)
    , m_membership(membership)
    , m_grants(grants)
    , m_changes(changes)
    , m_accounts(accounts)
    , m_orgs(orgs)
    , m_cache(cache)
    , m_live(live)
    , m_clock(clock)
    , m_audit(audit)
{}

Result<FolderAccess> FolderService::access(const QString& folderId, const QString& userId)
{
    auto folder = m_folders.folder(folderId);
    if (!folder)
        return folder.error();
    if (!folder->has_value())
        return noFolder();
    const FolderRecord& f = **folder;
    if (f.deletedAtMs > 0 && f.deletedAtMs + kRecoveryMs <= nowMs())
        return noFolder(); // past recovery: the purge has not run yet, but it is gone
    auto member = m_folders.member(folderId, userId);
    if (!member)
        return member.error();
    if (!member->has_value())
        return noFolder();
    return FolderAccess{f, roleFromName((*member)->role)};
}

Result<FolderAccess> FolderService::lockedAccess(const QString& folderId, const QString& userId)
{
    if (auto locked = m_folders.lockFolder(folderId); !locked)
        return locked.error();
    return access(folderId, userId);
}

Result<QList<FolderAccess>> FolderService::foldersOf(const QString& userId)
{
    auto folders = m_folders.foldersOf(userId);
    if (!folders)
        return folders.error();
    QList<FolderAccess> list;
    for (const FolderRecord& f : folders.value()) {
        if (f.deletedAtMs > 0 && f.deletedAtMs + kRecoveryMs <= nowMs())
            continue;
        auto member = m_folders.member(f.id, userId);
        if (!member)
            return member.error();
        if (member->has_value())
            list.append(FolderAccess{f, roleFromName((*member)->role)});
    }
    return list;
}

Status FolderService::checkBoundKey(const QUuid& subjectId, const QByteArray& key)
{
    auto subject = m_accounts.userById(id(subjectId));
    if (!subject)
        return subject.error();
    // The log binds this key for every member; the server holds each account's published
    // key, so a key nobody published (or another account's) is refused here already.
    if (!subject->has_value() || (*subject)->identityKey.isEmpty() || (*subject)->identityKey != key) {
        return invalid(QStringLiteral("The entry binds an identity key that is not the one its subject "
                                      "published."),
                       QStringLiteral("entry"));
    }
    return {};
}

Status FolderService::checkEntry(const QString& userId, MembershipState& state, const MembershipEntry& entry,
                                 const QString& field)
{
    const MembershipEntry::Fields& f = entry.fields();
    if (f.folderId != state.folderId())
        return invalid(QStringLiteral("The entry belongs to another folder."), field);
    if (f.sequence != state.length()) {
        return conflict(QStringLiteral("The entry does not continue the membership log: it has %1 entries. "
                                       "Read the log and sign the entry again.")
                            .arg(state.length()),
                        field);
    }
    if (id(f.signerId) != userId)
        return denied(QStringLiteral("An entry you send must be signed by you."), field);
    const bool bindsKey = f.action == MembershipAction::Create || f.action == MembershipAction::Add ||
                          f.action == MembershipAction::ConfirmKey;
    if (bindsKey) {
        if (auto bound = checkBoundKey(f.subjectId, f.subjectIdentityKey); !bound)
            return atField(bound.error(), field);
    }
    if (auto applied = state.apply(entry); !applied)
        return atField(applied.error(), field);
    return {};
}

Result<QList<qint64>> FolderService::appendChanges(const QList<ChangeRecord>& changes)
{
    QList<qint64> seqs;
    seqs.reserve(changes.size());
    for (const ChangeRecord& change : changes) {
        auto appended = m_changes.append(change);
        if (!appended)
            return appended.error();
        seqs.append(appended.value());
    }
    return seqs;
}

void FolderService::notify(const QList<ChangeRecord>& changes, const QList<qint64>& seqs)
{
    for (qsizetype i = 0; i < changes.size() && i < seqs.size(); ++i)
        m_live.notify(seqs.at(i), changes.at(i).folderId, changes.at(i).userId);
}

Status FolderService::recordEntry(const FolderRecord& folder, const MembershipEntry& entry,
                                  const MembershipState& after, QList<ChangeRecord>& changes)
{
    const MembershipEntry::Fields& f = entry.fields();
    const qint64 now = nowMs();
    if (auto stored = m_membership.insertEntry({folder.id, qint64(f.sequence), entry.serialize(),
                                                entry.hash(), id(f.signerId), int(f.action), now});
        !stored)
        return stored;
    // The members an entry can change: its subject and, for a leave, the signer.
    for (const QUuid& user : {f.subjectId, f.signerId}) {
        if (user.isNull())
            continue;
        const FolderRole role = after.roleOf(user);
        auto current = m_folders.member(folder.id, id(user));
        if (!current)
            return current.error();
        if (role == FolderRole::None) {
            if (!current->has_value())
                continue;
            if (auto removed = m_folders.removeMember(folder.id, id(user)); !removed)
                return removed;
            // Before the membership change below: the feed then hands the departed member
            // "removed" and no later change of the folder.
            changes.append({{}, id(user), QStringLiteral("removed"), folder.id, now});
        } else if (!current->has_value() || (*current)->role != roleName(role)) {
            if (auto put = m_folders.putMember({folder.id, id(user), roleName(role), qint64(f.sequence), {}});
                !put)
                return put;
        }
    }
    changes.append({folder.id, {}, QStringLiteral("membership"), QString::number(f.sequence), now});
    return {};
}

Result<FolderRecord> FolderService::create(const QString& userId, const QString& orgId,
                                           const QString& folderId, const QByteArray& entryBytes)
{
    auto user = m_accounts.userById(userId);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error::make(ErrorCode::NotFound, QStringLiteral("There is no such user."));
    auto role = m_orgs.roleOf(orgId, (*user)->email);
    if (!role)
        return role.error();
    if (role->isEmpty()) {
        return denied(QStringLiteral("You can create shared folders only in an organisation you belong to."),
                      QStringLiteral("orgId"));
    }
    auto entry = MembershipEntry::parse(entryBytes);
    if (!entry)
        return atField(entry.error(), QStringLiteral("entry"));
    if (entry->fields().action != MembershipAction::Create)
        return invalid(QStringLiteral("A new folder starts with its create entry."), QStringLiteral("entry"));
    MembershipState state{QUuid(folderId)};
    if (auto checked = checkEntry(userId, state, entry.value(), QStringLiteral("entry")); !checked)
        return checked.error();

    const FolderRecord folder{folderId, orgId, userId, nowMs(), 0, 1, qint64(state.currentKeyVersion()), 0};
    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    if (auto inserted = m_folders.insertFolder(folder); !inserted) {
        if (inserted.error().code == ErrorCode::AlreadyExists)
            return conflict(QStringLiteral("A folder with this id exists already."),
                            QStringLiteral("folderId"));
        return inserted.error();
    }
    QList<ChangeRecord> changes;
    if (auto recorded = recordEntry(folder, entry.value(), state, changes); !recorded)
        return recorded.error();
    if (auto audited = m_audit.record(AuditService::done(orgId, QStringLiteral("folder"), folderId, userId,
                                                         QStringLiteral("folder.created"), 1));
        !audited)
        return audited.error();
    auto seqs = appendChanges(changes);
    if (!seqs)
        return seqs.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    notify(changes, seqs.value());
    m_cache.storeMembers(folder, std::move(state));
    qCInfo(lcServerSharing) << "folder" << folderId << "created in organisation" << orgId << "by" << userId;
    return folder;
}

Result<MembershipEntryRecord> FolderService::append(const QString& userId, const QString& folderId,
                                                    const QByteArray& entryBytes)
{
    auto entry = MembershipEntry::parse(entryBytes);
    if (!entry)
        return atField(entry.error(), QStringLiteral("entry"));
    if (entry->fields().action == MembershipAction::Rotate) {
        return invalid(
            QStringLiteral("A rotate entry goes with its grants and items in one rotation request."),
            QStringLiteral("entry"));
    }
    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    auto found = lockedAccess(folderId, userId);
    if (!found)
        return found.error();
    FolderRecord folder = found->folder;
    auto members = m_cache.members(folder);
    if (!members)
        return members.error();
    MembershipState next = **members;
    if (auto checked = checkEntry(userId, next, entry.value(), QStringLiteral("entry")); !checked)
        return checked.error();
    auto advanced = m_folders.advanceLog(folderId, folder.logLength, qint64(next.length()),
                                         qint64(next.currentKeyVersion()));
    if (!advanced)
        return advanced.error();
    if (!advanced.value()) {
        m_cache.invalidate(folderId);
        return conflict(
            QStringLiteral("The membership log changed meanwhile. Read it and sign the entry again."),
            QStringLiteral("entry"));
    }
    QList<ChangeRecord> changes;
    if (auto recorded = recordEntry(folder, entry.value(), next, changes); !recorded) {
        m_cache.invalidate(folderId);
        return recorded.error();
    }
    if (auto audited = m_audit.record(AuditService::done(
            folder.orgId, QStringLiteral("folder"), folderId, userId,
            AuditService::membershipAction(int(entry->fields().action)), qint64(entry->fields().sequence)));
        !audited) {
        m_cache.invalidate(folderId);
        return audited.error();
    }
    auto seqs = appendChanges(changes);
    if (!seqs) {
        m_cache.invalidate(folderId);
        return seqs.error();
    }
    if (auto committed = tx.commit(); !committed) {
        m_cache.invalidate(folderId);
        return committed.error();
    }
    notify(changes, seqs.value());
    folder.logLength = qint64(next.length());
    folder.keyVersion = qint64(next.currentKeyVersion());
    m_cache.storeMembers(folder, std::move(next));
    const MembershipEntry::Fields& f = entry->fields();
    return MembershipEntryRecord{folderId,      qint64(f.sequence), entry->serialize(),
                                 entry->hash(), id(f.signerId),     int(f.action),
                                 nowMs()};
}

Result<QList<MembershipEntryRecord>> FolderService::log(const QString& folderId, qint64 fromSeq)
{
    return m_membership.entries(folderId, fromSeq);
}

Result<QList<FolderMemberRecord>> FolderService::members(const QString& folderId)
{
    return m_folders.membersOf(folderId);
}

Result<QList<QPair<qint64, QByteArray>>> FolderService::keyLinks(const QString& folderId)
{
    return m_folders.keyLinks(folderId);
}

Result<FolderRecord> FolderService::remove(const QString& userId, const QString& folderId)
{
    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    auto found = lockedAccess(folderId, userId);
    if (!found)
        return found.error();
    FolderRecord folder = found->folder;
    if (folder.deletedAtMs > 0)
        return Error::make(ErrorCode::NotFound, QStringLiteral("The folder is deleted already."));
    folder.deletedAtMs = nowMs();
    if (auto set = m_folders.setDeleted(folderId, folder.deletedAtMs); !set)
        return set.error();
    if (auto audited = m_audit.record(AuditService::done(folder.orgId, QStringLiteral("folder"), folderId,
                                                         userId, QStringLiteral("folder.deleted")));
        !audited)
        return audited.error();
    const QList<ChangeRecord> changes{{folderId, {}, QStringLiteral("folder"), folderId, folder.deletedAtMs}};
    auto seqs = appendChanges(changes);
    if (!seqs)
        return seqs.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    notify(changes, seqs.value());
    qCInfo(lcServerSharing) << "folder" << folderId << "deleted by" << userId;
    return folder;
}

Result<FolderRecord> FolderService::restore(const QString& userId, const QString& folderId)
{
    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    auto found = lockedAccess(folderId, userId);
    if (!found)
        return found.error();
    FolderRecord folder = found->folder;
    if (folder.deletedAtMs == 0)
        return conflict(QStringLiteral("The folder is not deleted."));
    folder.deletedAtMs = 0;
    if (auto set = m_folders.setDeleted(folderId, 0); !set)
        return set.error();
    if (auto audited = m_audit.record(AuditService::done(folder.orgId, QStringLiteral("folder"), folderId,
                                                         userId, QStringLiteral("folder.restored")));
        !audited)
        return audited.error();
    const QList<ChangeRecord> changes{{folderId, {}, QStringLiteral("folder"), folderId, nowMs()}};
    auto seqs = appendChanges(changes);
    if (!seqs)
        return seqs.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    notify(changes, seqs.value());
    qCInfo(lcServerSharing) << "folder" << folderId << "restored by" << userId;
    return folder;
}

Result<int> FolderService::purgeExpired()
{
    auto expired = m_folders.deletedBefore(nowMs() - kRecoveryMs + 1);
    if (!expired)
        return expired.error();
    int purged = 0;
    for (const QString& folderId : expired.value()) {
        if (auto removed = m_folders.removeFolder(folderId); !removed)
            return removed.error();
        m_cache.invalidate(folderId);
        ++purged;
        qCInfo(lcServerSharing) << "folder" << folderId << "purged after its recovery time";
    }
    return purged;
}

Status FolderService::putGrants(const QString& userId, const QString& folderId,
                                const QList<QByteArray>& grants)
{
    StorageTransaction tx(m_database);
    if (!tx.ok())
        return tx.error();
    auto found = lockedAccess(folderId, userId);
    if (!found)
        return found.error();
    auto members = m_cache.members(found->folder);
    if (!members)
        return members.error();
    const qint64 now = nowMs();
    QList<GrantRecord> records;
    for (qsizetype i = 0; i < grants.size(); ++i) {
        const QString field = QStringLiteral("grants[%1]").arg(i);
        auto grant = Core::FolderKeyGrant::parse(grants.at(i));
        if (!grant)
            return atField(grant.error(), field);
        if (id(grant->folderId()) != folderId)
            return invalid(QStringLiteral("The grant belongs to another folder."), field);
        if (id(grant->granterId()) != userId)
            return denied(QStringLiteral("A grant you send must be made by you."), field);
        if (auto verified = grant->verify(**members); !verified)
            return atField(verified.error(), field);
        records.append({folderId, id(grant->recipientId()), qint64(grant->keyVersion()),
                        qint64(grant->logPosition()), userId, grant->serialize(), now});
    }
    QList<ChangeRecord> changes;
    for (const GrantRecord& record : records) {
        if (auto put = m_grants.putGrant(record); !put)
            return put;
        changes.append({{}, record.recipientId, QStringLiteral("grant"), folderId, now});
    }
    if (auto audited = m_audit.record(AuditService::done(found->folder.orgId, QStringLiteral("folder"),
                                                         folderId, userId, QStringLiteral("grants.stored"),
                                                         records.isEmpty() ? 0 : records.first().keyVersion));
        !audited)
        return audited;
    auto seqs = appendChanges(changes);
    if (!seqs)
        return seqs.error();
    if (auto committed = tx.commit(); !committed)
        return committed;
    notify(changes, seqs.value());
    return {};
}

Result<QList<GrantRecord>> FolderService::grants(const QString& userId, const QString& folderId,
                                                 FolderRole role)
{
    return m_grants.grants(folderId, role == FolderRole::Manage ? QString() : userId);
}

} // namespace Conclave::Server
