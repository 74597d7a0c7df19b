// Tests LocalCache: folders, log entries, states and envelopes come back exactly as stored
// after a reopen, with the feed cursor; the file holds envelopes only (a planted plaintext is
// not in it) and is owner-only; the security state survives a reopen and an older copy of
// its file written back is refused, as is a damaged cache file, which is left as it was.
#include "core/sync/LocalCache.h"

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/SecurityStateStore.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/KnownAccounts.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QUrl kServer(QStringLiteral("https://sync.example.com"));
const QString kEmail = QStringLiteral("ada@example.com");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripAfterReopen();
    void envelopesOnlyOnDisk();
    void securityStateSurvivesAndRollbackIsRefused();
    void olderCopyBehindAnotherWriterIsRefused();
    void damagedFileIsRefusedAndKept();
    void writeToUnknownFolderIsRefused();
    void removeFolderWipesIt();
    void heldItemsIncludeTheOutbox();
    void heldItemsOfASchemaOneFile();

private:
    LocalCache::Folder sampleFolder(const QByteArray& plaintext = "host.example") const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QUuid m_user;
    SecureBytes m_accountKey;
};

void TestLocalCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_user = QUuid::createUuid();
    m_accountKey = SecureBytes::random(32);
}

LocalCache::Folder TestLocalCache::sampleFolder(const QByteArray& plaintext) const
{
    const UserKeys author = UserKeys::generate();
    const SecureBytes key = FolderKeyRing::generateKey();
    LocalCache::Folder folder;
    folder.folderId = QUuid::createUuid();
    folder.orgId = QUuid::createUuid();
    folder.log = {QByteArray(252, 'a'), QByteArray(252, 'b')};
    folder.state = QByteArray(294, 's');
    ItemEnvelope::Header header;
    header.orgId = folder.orgId;
    header.folderId = folder.folderId;
    header.itemId = QUuid::createUuid();
    header.keyVersion = 1;
    header.authorId = m_user;
    const auto sealed = ItemEnvelope::seal(header, plaintext, key, author);
    if (sealed.ok())
        folder.envelopes.insert(header.itemId, sealed->serialize());
    return folder;
}

void TestLocalCache::roundTripAfterReopen()
{
    const LocalCache::Folder folder = sampleFolder();
    QCOMPARE(folder.envelopes.size(), 1);
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        QCOMPARE(*cache.cursor(), quint64(0));
        QVERIFY(cache.replaceFolder(folder).ok());
        QVERIFY(cache.appendLog(folder.folderId, 2, {QByteArray(252, 'c')}).ok());
        const QUuid second = QUuid::createUuid();
        QVERIFY(cache.storeWrite(folder.folderId, QByteArray(294, 't'), second, QByteArray(300, 'e')).ok());
        QVERIFY(cache.setCursor(41).ok());
        QVERIFY(cache.setCursor(42).ok());
    }
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    QCOMPARE(*cache.cursor(), quint64(42));
    const auto folders = cache.folders();
    QVERIFY(folders.ok());
    QCOMPARE(folders->size(), 1);
    const LocalCache::Folder& back = folders->first();
    QCOMPARE(back.folderId, folder.folderId);
    QCOMPARE(back.orgId, folder.orgId);
    QCOMPARE(back.log.size(), 3);
    QCOMPARE(back.log[2], QByteArray(252, 'c'));
    QCOMPARE(back.state, QByteArray(294, 't'));
    QCOMPARE(back.envelopes.size(), 2);
    QCOMPARE(back.envelopes.value(folder.envelopes.firstKey()), folder.envelopes.first());
}

void TestLocalCache::envelopesOnlyOnDisk()
{
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    QVERIFY(cache.replaceFolder(sampleFolder("planted-db.internal.example")).ok());
    cache.close();
    const QByteArray bytes = readAll(cache.path());
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains("planted-db"));
    QCOMPARE(QFile::permissions(cache.path()) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TestLocalCache::securityStateSurvivesAndRollbackIsRefused()
{
    const QUuid folderId = QUuid::createUuid();
    const QString statePath = KnownAccounts(m_dir->path()).statePath(m_user);
    QByteArray older;
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        cache.security().acceptFolderState(folderId, 3, QByteArray(32, '3'));
        QVERIFY(cache.saveSecurity(m_accountKey).ok());
        older = readAll(statePath);
        cache.security().acceptFolderState(folderId, 4, QByteArray(32, '4'));
        QVERIFY(cache.saveSecurity(m_accountKey).ok());
        QCOMPARE(cache.securityGeneration(), quint64(2));
    }
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        QCOMPARE(cache.security().folders.at(folderId).writeSequence, quint64(4));
    }
    // The older copy put back (a restored backup, a tampering process): refused.
    QFile file(statePath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(older);
    file.close();
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    const Status opened = cache.open(m_accountKey);
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().message.isEmpty());
    QVERIFY(!cache.isOpen());
    // Another account key (another account's file): refused too.
    LocalCache foreign(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(!foreign.open(SecureBytes::random(32)).ok());
}

void TestLocalCache::olderCopyBehindAnotherWriterIsRefused()
{
    // While the cache is open, the account client writes new KDF parameters into the state
    // (a new generation, remembered). Someone then puts back the file as the cache last
    // wrote it: the cache's next save must not take that copy for its own and write the old
    // parameters over the new ones.
    const QString statePath = KnownAccounts(m_dir->path()).statePath(m_user);
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    const QUuid folderId = QUuid::createUuid();
    cache.security().acceptFolderState(folderId, 3, QByteArray(32, '3'));
    QVERIFY(cache.saveSecurity(m_accountKey).ok());
    const QByteArray cachesCopy = readAll(statePath);
    {
        // What AccountClient::recordKdf does.
        KnownAccounts known(m_dir->path());
        SecurityStateStore store(statePath, m_user);
        Result<SecurityState> state = store.load(m_accountKey, cache.securityGeneration());
        QVERIFY(state.ok());
        state->lastKdf = KdfParams{5, KdfParams::kMinMemLimit, QByteArray(16, 'n')};
        QVERIFY(store.save(*state, m_accountKey).ok());
        QVERIFY(known.remember(kServer, kEmail, {m_user, store.generation()}).ok());
    }
    QFile file(statePath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(cachesCopy);
    file.close();
    cache.security().acceptFolderState(folderId, 4, QByteArray(32, '4'));
    const Status saved = cache.saveSecurity(m_accountKey);
    QVERIFY2(!saved.ok(), "the put-back copy was saved over");
    QCOMPARE(readAll(statePath), cachesCopy);
    // And the remembered generation never goes down.
    const auto entry = KnownAccounts(m_dir->path()).find(kServer, kEmail);
    QVERIFY(entry.ok() && entry->has_value());
    QVERIFY(KnownAccounts(m_dir->path()).remember(kServer, kEmail, {m_user, 1}).ok());
    QCOMPARE(KnownAccounts(m_dir->path()).find(kServer, kEmail)->value().generation, (*entry)->generation);
}

void TestLocalCache::damagedFileIsRefusedAndKept()
{
    QString path;
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        QVERIFY(cache.replaceFolder(sampleFolder()).ok());
        path = cache.path();
    }
    QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 200);
    bytes.replace(0, 16, QByteArray(16, 'X')); // the SQLite header
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();

    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    const Status opened = cache.open(m_accountKey);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    QCOMPARE(readAll(path), bytes);
}

void TestLocalCache::writeToUnknownFolderIsRefused()
{
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    const Status written =
        cache.storeWrite(QUuid::createUuid(), QByteArray(294, 's'), QUuid::createUuid(), "e");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::NotFound);
    QVERIFY(cache.folders()->isEmpty());
}

void TestLocalCache::removeFolderWipesIt()
{
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    const LocalCache::Folder kept = sampleFolder();
    const LocalCache::Folder removed = sampleFolder();
    QVERIFY(cache.replaceFolder(kept).ok());
    QVERIFY(cache.replaceFolder(removed).ok());
    QVERIFY(cache.removeFolder(removed.folderId).ok());
    const auto folders = cache.folders();
    QCOMPARE(folders->size(), 1);
    QCOMPARE(folders->first().folderId, kept.folderId);
}

void TestLocalCache::heldItemsIncludeTheOutbox()
{
    // An item made while the server could not be reached exists only as an outbox row; the
    // wipe after a block must find it in the file all the same, and each item only once.
    QString path;
    const LocalCache::Folder folder = sampleFolder();
    const QUuid stored = folder.envelopes.firstKey();
    const QUuid offline = QUuid::createUuid();
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        QVERIFY(cache.replaceFolder(folder).ok());
        const Result<qint64> first = cache.nextOutboxId();
        QVERIFY(first.ok());
        QVERIFY(cache.putOutbox({*first, 0, folder.folderId, offline, QByteArray(80, 'x')}).ok());
        const Result<qint64> second = cache.nextOutboxId();
        QVERIFY(second.ok());
        QVERIFY(cache.putOutbox({*second, 0, folder.folderId, stored, QByteArray(80, 'y')}).ok());
        path = cache.path();
    }
    const auto held = LocalCache::heldItems(path);
    QVERIFY(held.ok());
    QCOMPARE(held->size(), 2);
    QVERIFY(held->contains({folder.folderId, stored}));
    QVERIFY(held->contains({folder.folderId, offline}));
}

void TestLocalCache::heldItemsOfASchemaOneFile()
{
    // A file written before the outbox existed (schema 1) is listed by its envelopes.
    QString path;
    const LocalCache::Folder folder = sampleFolder();
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        QVERIFY(cache.replaceFolder(folder).ok());
        path = cache.path();
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("DROP TABLE outbox")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema1"));
    const auto held = LocalCache::heldItems(path);
    QVERIFY2(held.ok(), held.ok() ? "" : qPrintable(held.error().message));
    QCOMPARE(*held, (QList<QPair<QUuid, QUuid>>{{folder.folderId, folder.envelopes.firstKey()}}));
}

QTEST_GUILESS_MAIN(TestLocalCache)
#include "TestLocalCache.moc"
