// The sealed offline outbox of shared-item writes and drafts; see the header.
#include "core/sync/Outbox.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/LocalSeal.h"

#include <QCoreApplication>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::Outbox)
};

const QString kStructure = QStringLiteral("outbox");

Error unreadable(qint64 entryId)
{
    return Error::make(ErrorCode::Corrupt,
                       Tr::tr("A change saved on this computer while offline (number %1) cannot be read: it "
                              "was altered or belongs to another account. It was left as it is and is not "
                              "sent.")
                           .arg(entryId));
}

bool validKind(int kind)
{
    return kind >= int(Outbox::Kind::Write) && kind <= int(Outbox::Kind::Draft);
}

LocalCache::OutboxRow rowOf(const Outbox::Entry& entry)
{
    LocalCache::OutboxRow row;
    row.entryId = entry.entryId;
    row.kind = int(entry.kind);
    row.folderId = entry.folderId;
    row.itemId = entry.itemId;
    return row;
}

} // namespace

Outbox::Entry::~Entry()
{
    secureWipe(plaintext);
    if (basePlaintext)
        secureWipe(*basePlaintext);
}

Outbox::Outbox(LocalCache& cache, const QUuid& userId)
    : m_cache(cache)
    , m_userId(userId)
{}

QByteArray Outbox::associatedData(const QUuid& userId, const LocalCache::OutboxRow& row)
{
    ByteWriter w(kAdTag);
    w.uuid(userId).uuid(row.folderId).uuid(row.itemId).u64(quint64(row.entryId)).u8(quint8(row.kind));
    return w.bytes();
}

QByteArray Outbox::seal(const Entry& entry, const SecureBytes& accountKey, const QUuid& userId)
{
    const QByteArray ad = associatedData(userId, rowOf(entry));
    ByteWriter body(kBodyTag);
    body.u64(entry.baseRevision).u8(entry.basePlaintext ? 1 : 0);
    body.blob(entry.basePlaintext ? QByteArrayView(*entry.basePlaintext) : QByteArrayView());
    body.blob(entry.plaintext).u8(entry.refused ? 1 : 0).blob(entry.reason.toUtf8());
    QByteArray plain = body.bytes();
    const QByteArray sealed = LocalSeal(accountKey, kKdfContext, kKdfKeyId).seal(plain, ad);
    secureWipe(plain);
    return sealed;
}

Result<Outbox::Entry> Outbox::open(const LocalCache::OutboxRow& row, const SecureBytes& accountKey,
                                   const QUuid& userId)
{
    if (!validKind(row.kind))
        return unreadable(row.entryId);
    std::optional<QByteArray> opened =
        LocalSeal(accountKey, kKdfContext, kKdfKeyId).open(row.sealed, associatedData(userId, row));
    if (!opened)
        return unreadable(row.entryId);
    QByteArray& plain = *opened;
    Entry entry;
    entry.entryId = row.entryId;
    entry.kind = Kind(row.kind);
    entry.folderId = row.folderId;
    entry.itemId = row.itemId;
    ByteReader r(plain, kStructure);
    r.expectTag(kBodyTag);
    entry.baseRevision = r.u64();
    const quint8 hasBase = r.u8();
    const QByteArray base = r.blob(kMaxPlaintext).toByteArray();
    entry.plaintext = r.blob(kMaxPlaintext).toByteArray();
    const quint8 refused = r.u8();
    entry.reason = QString::fromUtf8(r.blob(kMaxReason));
    const Status parsed = r.finish();
    secureWipe(plain);
    // Authenticated but not of this layout: written by something else; not guessed at.
    if (!parsed || hasBase > 1 || refused > 1 || (hasBase == 0 && !base.isEmpty()))
        return unreadable(row.entryId);
    if (hasBase == 1)
        entry.basePlaintext = base;
    entry.refused = refused == 1;
    return entry;
}

Status Outbox::add(Entry& entry, const SecureBytes& accountKey)
{
    Result<qint64> id = m_cache.nextOutboxId();
    if (!id)
        return id.error();
    entry.entryId = *id;
    return update(entry, accountKey);
}

Status Outbox::update(const Entry& entry, const SecureBytes& accountKey)
{
    LocalCache::OutboxRow row = rowOf(entry);
    row.sealed = seal(entry, accountKey, m_userId);
    return m_cache.putOutbox(row);
}

Status Outbox::remove(qint64 entryId)
{
    return m_cache.removeOutbox(entryId);
}

Result<Outbox::Loaded> Outbox::load(const SecureBytes& accountKey) const
{
    Result<QList<LocalCache::OutboxRow>> rows = m_cache.outboxRows();
    if (!rows)
        return rows.error();
    Loaded loaded;
    for (const LocalCache::OutboxRow& row : *rows) {
        Result<Entry> entry = open(row, accountKey, m_userId);
        if (entry)
            loaded.entries.append(std::move(*entry));
        else {
            loaded.unreadable.append(entry.error());
            loaded.unreadableIds.append(row.entryId);
        }
    }
    return loaded;
}

} // namespace Conclave::Core
