// The sealed store of the invitations this client has not completed yet; see the header.
#include "core/sync/PendingInvitationStore.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/LocalSeal.h"
#include "core/crypto/UserKeyBundle.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::PendingInvitationStore)
};

const QString kStructure = QStringLiteral("pending invitation");
constexpr quint32 kMaxEmail = 1024;
constexpr quint32 kCodeSize = 13;

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

Error failure()
{
    return Error::make(ErrorCode::Io, Tr::tr("The invitations made on this computer could not be read or "
                                             "saved in the local copy of the shared folders."));
}

Error unreadable()
{
    return Error::make(ErrorCode::Corrupt,
                       Tr::tr("An invitation kept on this computer cannot be read: it was "
                              "altered or belongs to another account."));
}

Result<QSqlQuery> exec(const QString& connection, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return failure();
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return failure();
    return query;
}

bool validMode(int mode)
{
    return mode == int(PendingInvitationStore::Mode::Code) ||
           mode == int(PendingInvitationStore::Mode::SafetyNumber);
}

bool validRole(int role)
{
    return role >= int(FolderRole::View) && role <= int(FolderRole::Manage);
}

} // namespace

PendingInvitationStore::PendingInvitationStore(LocalCache& cache, const QUuid& userId)
    : m_cache(cache)
    , m_userId(userId)
{}

QByteArray PendingInvitationStore::associatedData(const QUuid& userId, const QUuid& invitationId,
                                                  const QUuid& folderId)
{
    ByteWriter w(kAdTag);
    w.uuid(userId).uuid(invitationId).uuid(folderId);
    return w.bytes();
}

QByteArray PendingInvitationStore::seal(const Record& record, const SecureBytes& accountKey,
                                        const QUuid& userId)
{
    const QByteArray ad = associatedData(userId, record.invitationId, record.folderId);
    ByteWriter body(kBodyTag);
    body.u8(quint8(record.mode)).u8(quint8(record.role)).u8(record.confirmed ? 1 : 0);
    body.u8(record.takenOver ? 1 : 0).uuid(record.inviteeId).blob(record.email.toUtf8());
    body.blob(record.code ? record.code->view() : QByteArrayView());
    body.blob(record.bundle).blob(record.checked);
    QByteArray plain = body.bytes();
    const QByteArray sealed = LocalSeal(accountKey, kKdfContext, kKdfKeyId).seal(plain, ad);
    secureWipe(plain);
    return sealed;
}

Result<PendingInvitationStore::Record>
PendingInvitationStore::open(const QUuid& invitationId, const QUuid& folderId, QByteArrayView sealed,
                             const SecureBytes& accountKey, const QUuid& userId)
{
    if (invitationId.isNull() || folderId.isNull())
        return unreadable();
    std::optional<QByteArray> opened = LocalSeal(accountKey, kKdfContext, kKdfKeyId)
                                           .open(sealed, associatedData(userId, invitationId, folderId));
    if (!opened)
        return unreadable();
    QByteArray& plain = *opened;
    Record record;
    record.invitationId = invitationId;
    record.folderId = folderId;
    ByteReader r(plain, kStructure);
    r.expectTag(kBodyTag);
    const quint8 mode = r.u8();
    const quint8 role = r.u8();
    const quint8 confirmed = r.u8();
    const quint8 takenOver = r.u8();
    record.inviteeId = r.uuid();
    record.email = QString::fromUtf8(r.blob(kMaxEmail));
    const QByteArrayView code = r.blob(kCodeSize);
    if (!code.isEmpty())
        record.code = std::make_shared<const SecureBytes>(SecureBytes::fromView(code));
    record.bundle = r.blob(UserKeyBundle::kSize).toByteArray();
    record.checked = r.blob(UserKeyBundle::kSize).toByteArray();
    const Status parsed = r.finish();
    secureWipe(plain);
    // Authenticated but not of this layout: written by something else; not guessed at.
    if (!parsed || !validMode(mode) || !validRole(role) || confirmed > 1 || takenOver > 1 ||
        (mode == quint8(Mode::Code)) != (record.code && record.code->size() == kCodeSize) ||
        record.bundle.isEmpty())
        return unreadable();
    record.mode = Mode(mode);
    record.role = FolderRole(role);
    record.confirmed = confirmed == 1;
    record.takenOver = takenOver == 1;
    return record;
}

Status PendingInvitationStore::prepare()
{
    if (m_prepared)
        return {};
    if (!m_cache.isOpen())
        return failure();
    if (Result<QSqlQuery> q = exec(m_cache.connectionName(),
                                   QStringLiteral("CREATE TABLE IF NOT EXISTS pending_invitations ("
                                                  "invitation_id TEXT PRIMARY KEY, folder_id TEXT NOT NULL, "
                                                  "sealed BLOB NOT NULL)"));
        !q)
        return q.error();
    m_prepared = true;
    return {};
}

Status PendingInvitationStore::checkpoint()
{
    // With a write-ahead log a deleted row's pages stay in it until a checkpoint: write them
    // back (the cache's secure_delete zeroes them there) and empty the log.
    (void)exec(m_cache.connectionName(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return {};
}

Status PendingInvitationStore::put(const Record& record, const SecureBytes& accountKey)
{
    if (Status ready = prepare(); !ready)
        return ready;
    const QByteArray sealed = seal(record, accountKey, m_userId);
    if (Result<QSqlQuery> q = exec(m_cache.connectionName(),
                                   QStringLiteral("INSERT OR REPLACE INTO pending_invitations "
                                                  "(invitation_id, folder_id, sealed) VALUES (?, ?, ?)"),
                                   {idText(record.invitationId), idText(record.folderId), sealed});
        !q)
        return q.error();
    // A replaced row (an earlier state of the record) goes from the log too.
    return checkpoint();
}

Status PendingInvitationStore::remove(const QUuid& invitationId)
{
    if (Status ready = prepare(); !ready)
        return ready;
    if (Result<QSqlQuery> q = exec(m_cache.connectionName(),
                                   QStringLiteral("DELETE FROM pending_invitations WHERE invitation_id = ?"),
                                   {idText(invitationId)});
        !q)
        return q.error();
    return checkpoint();
}

Status PendingInvitationStore::removeFolder(const QUuid& folderId)
{
    if (Status ready = prepare(); !ready)
        return ready;
    if (Result<QSqlQuery> q =
            exec(m_cache.connectionName(),
                 QStringLiteral("DELETE FROM pending_invitations WHERE folder_id = ?"), {idText(folderId)});
        !q)
        return q.error();
    return checkpoint();
}

Result<PendingInvitationStore::Loaded> PendingInvitationStore::load(const SecureBytes& accountKey)
{
    if (Status ready = prepare(); !ready)
        return ready.error();
    Result<QSqlQuery> q = exec(
        m_cache.connectionName(),
        QStringLiteral("SELECT invitation_id, folder_id, sealed FROM pending_invitations ORDER BY rowid"));
    if (!q)
        return q.error();
    Loaded loaded;
    QList<QString> broken;
    while (q->next()) {
        const QString id = q->value(0).toString();
        Result<Record> record = open(QUuid::fromString(id), QUuid::fromString(q->value(1).toString()),
                                     q->value(2).toByteArray(), accountKey, m_userId);
        if (record)
            loaded.records.append(std::move(*record));
        else
            broken.append(id);
    }
    // Nobody can open such a row (its key is another account's, or it was altered): an
    // invitation it held is made again, so it only takes up room.
    for (const QString& id : broken) {
        if (Result<QSqlQuery> d =
                exec(m_cache.connectionName(),
                     QStringLiteral("DELETE FROM pending_invitations WHERE invitation_id = ?"), {id});
            !d)
            return d.error();
    }
    loaded.unreadable = int(broken.size());
    if (!broken.isEmpty())
        (void)checkpoint();
    return loaded;
}

} // namespace Conclave::Core
