// Tests Outbox over a real LocalCache file (label sync): entries of every kind come back
// after a reopen in order, refused ones with their reason; the SQLite file (and its journal)
// never holds a planted plaintext; a row with one byte altered, or moved to another entry,
// item, folder or kind, is refused in words and left as it is while the others still open;
// another account key or another account id opens nothing; a schema-1 cache file gets the
// outbox table when opened; a wiped folder takes its rows with it.
#include "core/sync/LocalCache.h"
#include "core/sync/Outbox.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QUrl kServer(QStringLiteral("https://sync.example.com"));
const QString kEmail = QStringLiteral("ada@example.com");
const QByteArray kPlanted = "planted-outbox-host.internal.example";
const QByteArray kPlantedBase = "planted-base-host.internal.example";

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs one statement on the cache file beside the product's connection, as someone with
// access to the disk would.
bool execOnFile(const QString& path, const QString& sql, const QVariantList& values = {})
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("attacker"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            ok = query.exec();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("attacker"));
    return ok;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void entriesComeBackInOrder();
    void plaintextNeverOnDisk();
    void alteredRowIsRefused_data();
    void alteredRowIsRefused();
    void anotherAccountOpensNothing();
    void schemaOneFileGetsTheOutbox();
    void removedFolderTakesItsRows();

private:
    Outbox::Entry entry(Outbox::Kind kind, const QByteArray& plaintext) const;
    // Three entries stored and the cache closed; their ids in order.
    QList<qint64> storeThree();

    std::unique_ptr<QTemporaryDir> m_dir;
    QUuid m_user;
    QUuid m_folder;
    SecureBytes m_accountKey;
};

void TestOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_user = QUuid::createUuid();
    m_folder = QUuid::createUuid();
    m_accountKey = SecureBytes::random(32);
}

Outbox::Entry TestOutbox::entry(Outbox::Kind kind, const QByteArray& plaintext) const
{
    Outbox::Entry e;
    e.kind = kind;
    e.folderId = m_folder;
    e.itemId = QUuid::createUuid();
    e.baseRevision = 3;
    e.basePlaintext = kPlantedBase;
    e.plaintext = plaintext;
    return e;
}

QList<qint64> TestOutbox::storeThree()
{
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    if (!cache.open(m_accountKey).ok())
        return {};
    Outbox outbox(cache, m_user);
    QList<qint64> ids;
    for (Outbox::Kind kind : {Outbox::Kind::Write, Outbox::Kind::Delete, Outbox::Kind::Draft}) {
        Outbox::Entry e = entry(kind, kind == Outbox::Kind::Delete ? QByteArray() : kPlanted);
        if (!outbox.add(e, m_accountKey).ok())
            return {};
        ids.append(e.entryId);
    }
    return ids;
}

void TestOutbox::entriesComeBackInOrder()
{
    QList<Outbox::Entry> stored;
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        Outbox outbox(cache, m_user);
        for (Outbox::Kind kind : {Outbox::Kind::Draft, Outbox::Kind::Write, Outbox::Kind::Delete}) {
            Outbox::Entry e = entry(kind, kind == Outbox::Kind::Delete ? QByteArray() : kPlanted);
            if (kind == Outbox::Kind::Write)
                e.basePlaintext.reset(); // a base that was not held
            QVERIFY(outbox.add(e, m_accountKey).ok());
            stored.append(e);
        }
        // Refused: kept with its reason; a removed entry's id is never given again.
        stored[1].refused = true;
        stored[1].reason = QStringLiteral("You may only read this shared folder.");
        QVERIFY(outbox.update(stored[1], m_accountKey).ok());
        Outbox::Entry gone = entry(Outbox::Kind::Write, "gone");
        QVERIFY(outbox.add(gone, m_accountKey).ok());
        QVERIFY(outbox.remove(gone.entryId).ok());
        Outbox::Entry later = entry(Outbox::Kind::Write, "later");
        QVERIFY(outbox.add(later, m_accountKey).ok());
        QVERIFY(later.entryId > gone.entryId);
        stored.append(later);
    }
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    const auto loaded = Outbox(cache, m_user).load(m_accountKey);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->unreadable.isEmpty());
    QCOMPARE(loaded->entries.size(), stored.size());
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const Outbox::Entry& a = stored.at(i);
        const Outbox::Entry& b = loaded->entries.at(i);
        QCOMPARE(b.entryId, a.entryId);
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.folderId, a.folderId);
        QCOMPARE(b.itemId, a.itemId);
        QCOMPARE(b.baseRevision, a.baseRevision);
        QCOMPARE(b.basePlaintext, a.basePlaintext);
        QCOMPARE(b.plaintext, a.plaintext);
        QCOMPARE(b.refused, a.refused);
        QCOMPARE(b.reason, a.reason);
    }
    for (qsizetype i = 1; i < loaded->entries.size(); ++i)
        QVERIFY(loaded->entries.at(i - 1).entryId < loaded->entries.at(i).entryId);
}

void TestOutbox::plaintextNeverOnDisk()
{
    QCOMPARE(storeThree().size(), 3);
    const QString path =
        QDir(m_dir->path())
            .filePath(QStringLiteral("sync-%1.sqlite").arg(m_user.toString(QUuid::WithoutBraces)));
    QByteArray bytes = readAll(path);
    QVERIFY(!bytes.isEmpty());
    for (const char* suffix : {"-wal", "-journal", "-shm"})
        bytes += readAll(path + QLatin1String(suffix));
    QVERIFY(!bytes.contains(kPlanted));
    QVERIFY(!bytes.contains(kPlantedBase));
    QVERIFY(!bytes.contains("planted"));
}

void TestOutbox::alteredRowIsRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("a byte of the nonce") << "UPDATE outbox SET sealed = CAST(? AS BLOB) WHERE entry_id = ?";
    QTest::newRow("a byte of the ciphertext")
        << "UPDATE outbox SET sealed = CAST(? AS BLOB) WHERE entry_id = ?";
    QTest::newRow("the last byte (the tag)")
        << "UPDATE outbox SET sealed = CAST(? AS BLOB) WHERE entry_id = ?";
    QTest::newRow("moved to another entry id") << "UPDATE outbox SET entry_id = 99 WHERE entry_id = ?";
    QTest::newRow("moved to another item")
        << "UPDATE outbox SET item_id = '6f1c2b9e-0d3a-4b5c-8e7f-112233445566' WHERE entry_id = ?";
    QTest::newRow("moved to another folder")
        << "UPDATE outbox SET folder_id = '6f1c2b9e-0d3a-4b5c-8e7f-112233445566' WHERE entry_id = ?";
    QTest::newRow("another kind") << "UPDATE outbox SET kind = 1 WHERE entry_id = ?";
    QTest::newRow("an unknown kind") << "UPDATE outbox SET kind = 7 WHERE entry_id = ?";
    QTest::newRow("cut short") << "UPDATE outbox SET sealed = substr(sealed, 1, 30) WHERE entry_id = ?";
}

void TestOutbox::alteredRowIsRefused()
{
    QFETCH(QString, sql);
    const QList<qint64> ids = storeThree();
    QCOMPARE(ids.size(), 3);
    const qint64 target = ids.at(1); // the delete; "another kind" turns it into a write
    const QString path =
        QDir(m_dir->path())
            .filePath(QStringLiteral("sync-%1.sqlite").arg(m_user.toString(QUuid::WithoutBraces)));

    QByteArray sealed;
    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        const auto rows = cache.outboxRows();
        QVERIFY(rows.ok());
        sealed = rows->at(1).sealed;
    }
    if (sql.contains(QLatin1String("CAST"))) {
        const char* tag = QTest::currentDataTag();
        const qsizetype at = QByteArray(tag).contains("nonce")        ? 3
                             : QByteArray(tag).contains("ciphertext") ? Outbox::kNonceSize + 5
                                                                      : sealed.size() - 1;
        sealed[at] = char(sealed[at] ^ 0x01);
        QVERIFY(execOnFile(path, sql, {sealed, target}));
    } else {
        QVERIFY(execOnFile(path, sql, {target}));
    }

    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    const auto loaded = Outbox(cache, m_user).load(m_accountKey);
    QVERIFY(loaded.ok());
    // The two untouched rows still open; the altered one is refused in words and kept.
    QCOMPARE(loaded->entries.size(), 2);
    QCOMPARE(loaded->entries.at(0).entryId, ids.at(0));
    QCOMPARE(loaded->entries.at(1).entryId, ids.at(2));
    QCOMPARE(loaded->unreadable.size(), 1);
    QCOMPARE(loaded->unreadable.first().code, ErrorCode::Corrupt);
    QVERIFY(loaded->unreadable.first().message.contains(QLatin1String("cannot be read")));
    QCOMPARE(cache.outboxRows()->size(), 3);
}

void TestOutbox::anotherAccountOpensNothing()
{
    QCOMPARE(storeThree().size(), 3);
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());

    const SecureBytes otherKey = SecureBytes::random(32);
    const auto wrongKey = Outbox(cache, m_user).load(otherKey);
    QVERIFY(wrongKey.ok());
    QVERIFY(wrongKey->entries.isEmpty());
    QCOMPARE(wrongKey->unreadable.size(), 3);
    QVERIFY(!wrongKey->unreadable.first().message.isEmpty());

    const auto otherUser = Outbox(cache, QUuid::createUuid()).load(m_accountKey);
    QVERIFY(otherUser.ok());
    QVERIFY(otherUser->entries.isEmpty());
    QCOMPARE(otherUser->unreadable.size(), 3);

    // Nothing was dropped: the right key still opens all three.
    const auto right = Outbox(cache, m_user).load(m_accountKey);
    QCOMPARE(right->entries.size(), 3);
}

void TestOutbox::schemaOneFileGetsTheOutbox()
{
    const QString path =
        QDir(m_dir->path())
            .filePath(QStringLiteral("sync-%1.sqlite").arg(m_user.toString(QUuid::WithoutBraces)));
    // The tables of schema 1 exactly as that version made them, with a cursor in them.
    for (const char* sql :
         {"CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
          "CREATE TABLE folders (folder_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, state BLOB)",
          "CREATE TABLE log (folder_id TEXT NOT NULL, seq INTEGER NOT NULL, entry BLOB NOT NULL, PRIMARY KEY "
          "(folder_id, seq))",
          "CREATE TABLE envelopes (folder_id TEXT NOT NULL, item_id TEXT NOT NULL, envelope BLOB NOT NULL, "
          "PRIMARY KEY (folder_id, item_id))",
          "INSERT INTO meta (key, value) VALUES ('cursor', 17)", "PRAGMA user_version = 1"})
        QVERIFY2(execOnFile(path, QString::fromLatin1(sql)), sql);

    {
        LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
        QVERIFY(cache.open(m_accountKey).ok());
        QCOMPARE(*cache.cursor(), quint64(17));
        Outbox::Entry e = entry(Outbox::Kind::Write, "after the migration");
        QVERIFY(Outbox(cache, m_user).add(e, m_accountKey).ok());
    }
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    const auto loaded = Outbox(cache, m_user).load(m_accountKey);
    QCOMPARE(loaded->entries.size(), 1);
    QCOMPARE(loaded->entries.first().plaintext, QByteArray("after the migration"));
    cache.close();
    bool versionOk = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        versionOk = q.exec(QStringLiteral("PRAGMA user_version")) && q.next() &&
                    q.value(0).toInt() == LocalCache::kSchemaVersion && LocalCache::kSchemaVersion == 2;
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("version"));
    QVERIFY(versionOk);
}

void TestOutbox::removedFolderTakesItsRows()
{
    QCOMPARE(storeThree().size(), 3);
    LocalCache cache(m_dir->path(), m_user, kServer, kEmail);
    QVERIFY(cache.open(m_accountKey).ok());
    Outbox outbox(cache, m_user);
    Outbox::Entry other = entry(Outbox::Kind::Write, "another folder's");
    other.folderId = QUuid::createUuid();
    QVERIFY(outbox.add(other, m_accountKey).ok());
    // A full re-read of the folder keeps its waiting changes; a wipe (removal, block) does not.
    LocalCache::Folder folder;
    folder.folderId = m_folder;
    folder.orgId = QUuid::createUuid();
    QVERIFY(cache.replaceFolder(folder).ok());
    QCOMPARE(cache.outboxRows()->size(), 4);
    QVERIFY(cache.removeFolder(m_folder).ok());
    const auto rows = cache.outboxRows();
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().folderId, other.folderId);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "TestOutbox.moc"
