// Tests of the SQLite connection store on real files: round trips of every field, folder
// trees, transactions, the migration from a v1 database written here with raw SQL, refusal
// of damaged or newer files without touching a byte, read-only folders and 10,000 rows.
#include "core/storage/ConnectionStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Conclave::Core;

#define VERIFY_OK(result) QVERIFY2((result).ok(), (result).ok() ? "" : qPrintable((result).error().message))

namespace {

Connection fullConnection()
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("Orders – prod ✓");
    c.kind = ConnectionKind::MongoDB;
    c.srv = false;
    c.hosts = {{QStringLiteral("db1.example.com"), 27017}, {QStringLiteral("2001:db8::7"), 27018}};
    c.username = QStringLiteral("app user");
    c.defaultDatabase = QStringLiteral("orders");
    c.options = {{QStringLiteral("replicaSet"), QStringLiteral("rs0")},
                 {QStringLiteral("readPreferenceTags"), QStringLiteral("dc:ny")},
                 {QStringLiteral("readPreferenceTags"), QStringLiteral("")}};
    c.tls = {true, QStringLiteral("/etc/ssl/ca bundle.pem"), true, true};
    c.ssh = {true, QStringLiteral("bastion.example.com"), 2222, QStringLiteral("ops"),
             SshAuthMethod::PrivateKey};
    c.color = QStringLiteral("#a1b2c3");
    c.tags = {QStringLiteral("prod"), QStringLiteral("eu-west")};
    c.notes = QStringLiteral("Line one\nLine \"two\" with 'quotes'; DROP TABLE connections; --");
    c.sortOrder = 7;
    c.created = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123), Qt::UTC);
    c.modified = QDateTime(QDate(2025, 1, 1), QTime(0, 0, 1, 1), Qt::UTC);
    return c;
}

Connection simpleConnection(int i, const QUuid& folder = {})
{
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folder;
    c.name = QStringLiteral("Connection %1").arg(i);
    c.kind = ConnectionKind::PostgreSQL;
    c.hosts = {{QStringLiteral("pg%1.example.com").arg(i), 5432}};
    c.username = QStringLiteral("user%1").arg(i);
    c.defaultDatabase = QStringLiteral("db%1").arg(i);
    c.options = {{QStringLiteral("sslmode"), QStringLiteral("verify-full")}};
    c.tls.enabled = true;
    c.sortOrder = i;
    return c;
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Runs raw SQL against a file through a separate connection, as an older Conclave or
// another tool would have written it.
bool runSql(const QString& path, const QStringList& statements)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString& statement : statements) {
            QSqlQuery q(db);
            if (ok && !q.exec(statement)) {
                qWarning() << statement << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant querySingle(const QString& path, const QString& sql)
{
    const QString name = QUuid::createUuid().toString();
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// The v1 schema exactly as the first release wrote it. Kept here, not taken from the
// store, so that a change to the store's v1 migration cannot go unnoticed.
const QStringList kSchemaV1 = {
    QStringLiteral("CREATE TABLE folders (id TEXT PRIMARY KEY NOT NULL, parent_id TEXT REFERENCES folders(id)"
                   " ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL,"
                   " sort_order INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE connections (id TEXT PRIMARY KEY NOT NULL, folder_id TEXT REFERENCES"
                   " folders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL,"
                   " kind TEXT NOT NULL, srv INTEGER NOT NULL DEFAULT 0, hosts TEXT NOT NULL DEFAULT '',"
                   " username TEXT NOT NULL DEFAULT '', default_database TEXT NOT NULL DEFAULT '',"
                   " options TEXT NOT NULL DEFAULT '', tls_enabled INTEGER NOT NULL DEFAULT 0,"
                   " tls_ca_file TEXT NOT NULL DEFAULT '', tls_client_certificate INTEGER NOT NULL DEFAULT 0,"
                   " tls_allow_invalid_hostnames INTEGER NOT NULL DEFAULT 0,"
                   " ssh_enabled INTEGER NOT NULL DEFAULT 0, ssh_host TEXT NOT NULL DEFAULT '',"
                   " ssh_port INTEGER NOT NULL DEFAULT 22, ssh_user TEXT NOT NULL DEFAULT '',"
                   " ssh_auth TEXT NOT NULL DEFAULT 'password', color TEXT NOT NULL DEFAULT '',"
                   " notes TEXT NOT NULL DEFAULT '', sort_order INTEGER NOT NULL DEFAULT 0, created TEXT,"
                   " modified TEXT)"),
};

} // namespace

class TestConnectionStore final : public QObject
{
    Q_OBJECT

private:
    QString newPath() { return m_dir->filePath(QStringLiteral("store-%1.sqlite").arg(++m_counter)); }

    std::unique_ptr<ConnectionStore> openOk(const QString& path)
    {
        Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
        if (!store.ok()) {
            qWarning() << store.error().message;
            return {};
        }
        return std::move(store).value();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void createsCurrentSchemaWithWal()
    {
        const QString path = newPath();
        auto store = openOk(path);
        QVERIFY(store);
        QCOMPARE(store->path(), path);
        QCOMPARE(store->schemaVersion(), ConnectionStore::currentSchemaVersion());
        QCOMPARE(ConnectionStore::currentSchemaVersion(), 3);
        QCOMPARE(querySingle(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(querySingle(path, QStringLiteral("PRAGMA user_version")).toInt(), 3);
        QVERIFY(store->folders()->isEmpty());
        QVERIFY(store->connections()->isEmpty());
        QVERIFY(ConnectionStore::defaultPath().endsWith(QStringLiteral("/conclave.sqlite")));
        // Owner only, and so are SQLite's side files.
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteOther;
        QVERIFY(store->saveConnection(simpleConnection(1)).ok());
        for (const QString& file :
             QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & ownerOnly, ownerOnly);
            QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        }
    }

    void roundTripEveryField()
    {
        const QString path = newPath();
        const Folder parent{QUuid::createUuid(), {}, QStringLiteral("Production"), 3};
        const Folder child{QUuid::createUuid(), parent.id, QStringLiteral("EU / Frankfurt"), 1};
        Connection full = fullConnection();
        full.folderId = child.id;
        Connection srv = simpleConnection(1);
        srv.kind = ConnectionKind::MongoDB;
        srv.srv = true;
        srv.hosts = {{QStringLiteral("cluster0.example.net"), 0}};
        srv.options.clear();
        Connection ssh = simpleConnection(2, parent.id);
        ssh.kind = ConnectionKind::SSH;
        ssh.hosts = {{QStringLiteral("web1"), 22}};
        ssh.defaultDatabase.clear();
        ssh.options.clear();
        ssh.tls = {};
        ssh.ssh = {true, QStringLiteral("jump"), 22, {}, SshAuthMethod::Password};
        {
            auto store = openOk(path);
            QVERIFY(store);
            QVERIFY(store->saveFolder(parent).ok());
            QVERIFY(store->saveFolder(child).ok());
            QVERIFY(store->saveConnection(full).ok());
            QVERIFY(store->saveConnection(srv).ok());
            QVERIFY(store->saveConnection(ssh).ok());
        }
        auto store = openOk(path);
        QVERIFY(store);
        const Result<QList<Folder>> loadedFolders = store->folders();
        VERIFY_OK(loadedFolders);
        const QList<Folder> folders = *loadedFolders;
        QCOMPARE(folders.size(), 2);
        QVERIFY(folders.contains(parent));
        QVERIFY(folders.contains(child));
        const Result<QList<Connection>> loadedConnections = store->connections();
        VERIFY_OK(loadedConnections);
        const QList<Connection> connections = *loadedConnections;
        QCOMPARE(connections.size(), 3);
        QVERIFY(connections.contains(full));
        QVERIFY(connections.contains(srv));
        QVERIFY(connections.contains(ssh));
        const Result<Connection> loaded = store->connection(full.id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->created, full.created);
        QCOMPARE(loaded->tls, full.tls);
        QCOMPARE(loaded->ssh, full.ssh);
        QCOMPARE(loaded->options, full.options);
        QCOMPARE(loaded->tags, full.tags);
        QCOMPARE(loaded->notes, full.notes);
        QVERIFY(*loaded == full);

        const Result<Connection> missing = store->connection(QUuid::createUuid());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void updateKeepsChildren()
    {
        auto store = openOk(newPath());
        QVERIFY(store);
        Folder parent{QUuid::createUuid(), {}, QStringLiteral("A"), 0};
        const Folder child{QUuid::createUuid(), parent.id, QStringLiteral("B"), 0};
        Connection c = simpleConnection(1, child.id);
        QVERIFY(store->saveAll({parent, child}, {c}).ok());
        parent.name = QStringLiteral("A renamed");
        QVERIFY(store->saveFolder(parent).ok());
        c.name = QStringLiteral("renamed");
        c.hosts[0].port = 6543;
        QVERIFY(store->saveConnection(c).ok());
        QCOMPARE(store->folders()->size(), 2);
        QCOMPARE(store->connections()->size(), 1);
        QCOMPARE(store->connections()->first(), c);
        QVERIFY(store->folders()->contains(parent));
    }

    void removeFolderRemovesEverythingBelow()
    {
        auto store = openOk(newPath());
        QVERIFY(store);
        const Folder a{QUuid::createUuid(), {}, QStringLiteral("A"), 0};
        const Folder b{QUuid::createUuid(), a.id, QStringLiteral("B"), 0};
        const Folder c{QUuid::createUuid(), b.id, QStringLiteral("C"), 0};
        const Folder other{QUuid::createUuid(), {}, QStringLiteral("Other"), 1};
        const Connection inC = simpleConnection(1, c.id);
        const Connection inOther = simpleConnection(2, other.id);
        const Connection top = simpleConnection(3);
        QVERIFY(store->saveAll({a, b, c, other}, {inC, inOther, top}).ok());
        QVERIFY(store->removeFolder(a.id).ok());
        QCOMPARE(*store->folders(), QList<Folder>{other});
        QCOMPARE(store->connections()->size(), 2);
        QVERIFY(!store->connection(inC.id).ok());
        QCOMPARE(store->removeFolder(a.id).error().code, ErrorCode::NotFound);
        QVERIFY(store->removeConnection(top.id).ok());
        QCOMPARE(store->removeConnection(top.id).error().code, ErrorCode::NotFound);
        QCOMPARE(*store->connections(), QList<Connection>{inOther});
    }

    void saveAllOrdersParentsAndIsAtomic()
    {
        auto store = openOk(newPath());
        QVERIFY(store);
        const Folder a{QUuid::createUuid(), {}, QStringLiteral("A"), 0};
        const Folder b{QUuid::createUuid(), a.id, QStringLiteral("B"), 0};
        const Folder c{QUuid::createUuid(), b.id, QStringLiteral("C"), 0};
        // Children listed before their parents still work.
        QVERIFY(store->saveAll({c, b, a}, {simpleConnection(1, c.id)}).ok());
        QCOMPARE(store->folders()->size(), 3);

        // One bad item rolls the whole batch back.
        Connection bad = simpleConnection(3);
        bad.hosts[0].port = 0;
        const Folder d{QUuid::createUuid(), {}, QStringLiteral("D"), 0};
        const Status status = store->saveAll({d}, {simpleConnection(2), bad});
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidInput);
        QCOMPARE(status.error().field, QStringLiteral("hosts[0].port"));
        QVERIFY(status.error().message.contains(QStringLiteral("Connection 3")));
        QCOMPARE(store->folders()->size(), 3);
        QCOMPARE(store->connections()->size(), 1);
    }

    void rejectsBadReferences()
    {
        auto store = openOk(newPath());
        QVERIFY(store);
        const Folder a{QUuid::createUuid(), {}, QStringLiteral("A"), 0};
        Folder b{QUuid::createUuid(), a.id, QStringLiteral("B"), 0};
        QVERIFY(store->saveAll({a, b}, {}).ok());

        Folder cyclic = a;
        cyclic.parentId = b.id;
        Status status = store->saveFolder(cyclic);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().field, QStringLiteral("parentId"));
        Folder self = a;
        self.parentId = a.id;
        QCOMPARE(store->saveFolder(self).error().field, QStringLiteral("parentId"));

        const Folder orphan{QUuid::createUuid(), QUuid::createUuid(), QStringLiteral("Orphan"), 0};
        QCOMPARE(store->saveFolder(orphan).error().field, QStringLiteral("parentId"));
        QCOMPARE(store->saveConnection(simpleConnection(1, QUuid::createUuid())).error().field,
                 QStringLiteral("folderId"));
        const Folder unnamed{QUuid::createUuid(), {}, QStringLiteral(" "), 0};
        QCOMPARE(store->saveFolder(unnamed).error().field, QStringLiteral("name"));
        Connection invalid = simpleConnection(2);
        invalid.color = QStringLiteral("blue");
        QCOMPARE(store->saveConnection(invalid).error().field, QStringLiteral("color"));
        QCOMPARE(store->folders()->size(), 2);
        QVERIFY(store->connections()->isEmpty());
    }

    void migratesFromVersion1()
    {
        const QString path = newPath();
        const QUuid folderId = QUuid::createUuid();
        const QUuid connectionId = QUuid::createUuid();
        QStringList sql = kSchemaV1;
        sql << QStringLiteral(
                   "INSERT INTO folders (id, parent_id, name, sort_order) VALUES ('%1', NULL, 'Old', 4)")
                   .arg(folderId.toString(QUuid::WithoutBraces))
            << QStringLiteral("INSERT INTO connections (id, folder_id, name, kind, hosts, username,"
                              " default_database, options, tls_enabled, ssh_enabled, ssh_host, ssh_port,"
                              " ssh_user, ssh_auth, color, created) VALUES ('%1', '%2', 'Legacy', 'mysql',"
                              " 'maria.local' || char(31) || '3307', 'root', 'shop',"
                              " 'charset' || char(31) || 'utf8mb4', 1,"
                              " 1, 'gw', 2200, 'me', 'key', '#00ff00', '2023-05-06T07:08:09.010Z')")
                   .arg(connectionId.toString(QUuid::WithoutBraces), folderId.toString(QUuid::WithoutBraces))
            << QStringLiteral("PRAGMA user_version = 1");
        QVERIFY(runSql(path, sql));

        auto store = openOk(path);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), 3);
        const QList<Folder> folders = *store->folders();
        QCOMPARE(folders, (QList<Folder>{{folderId, {}, QStringLiteral("Old"), 4}}));
        const Result<Connection> c = store->connection(connectionId);
        QVERIFY(c.ok());
        QCOMPARE(c->name, QStringLiteral("Legacy"));
        QCOMPARE(c->kind, ConnectionKind::MySQL);
        QCOMPARE(c->folderId, folderId);
        QCOMPARE(c->hosts, (QList<HostPort>{{QStringLiteral("maria.local"), 3307}}));
        QCOMPARE(c->options,
                 (QList<ConnectionOption>{{QStringLiteral("charset"), QStringLiteral("utf8mb4")}}));
        QVERIFY(c->tls.enabled);
        QCOMPARE(c->ssh, (SshTunnel{true, QStringLiteral("gw"), 2200, QStringLiteral("me"),
                                    SshAuthMethod::PrivateKey}));
        QCOMPARE(c->color, QStringLiteral("#00ff00"));
        QCOMPARE(c->created, QDateTime(QDate(2023, 5, 6), QTime(7, 8, 9, 10), Qt::UTC));
        QVERIFY(!c->modified.isValid());
        QVERIFY(c->tags.isEmpty()); // the column v2 added

        // The new column works and the v2 indexes exist.
        Connection tagged = *c;
        tagged.tags = {QStringLiteral("legacy")};
        QVERIFY(store->saveConnection(tagged).ok());
        store.reset();
        QCOMPARE(querySingle(path, QStringLiteral("PRAGMA user_version")).toInt(), 3);
        QCOMPARE(
            querySingle(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                             " AND name IN ('connections_folder_id', 'folders_parent_id')"))
                .toInt(),
            2);
        store = openOk(path);
        QVERIFY(store);
        QCOMPARE(store->connection(connectionId)->tags, QStringList{QStringLiteral("legacy")});
    }

    void failedMigrationLeavesFileUnchanged()
    {
        // A v1 file that already has an object the v2 migration creates: the step fails.
        const QString path = newPath();
        QStringList sql = kSchemaV1;
        sql << QStringLiteral("CREATE TABLE connections_folder_id (x)")
            << QStringLiteral("PRAGMA user_version = 1");
        QVERIFY(runSql(path, sql));
        const QByteArray before = fileHash(path);
        const Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::Corrupt);
        QVERIFY(store.error().message.contains(QStringLiteral("not changed")));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(querySingle(path, QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    void opensAfterACrashWithAWriteAheadLog()
    {
        // Copy the database and its WAL while the store is still open: the state a crash
        // leaves behind. The committed rows live only in the WAL and must not be lost, nor
        // the file be taken for damaged.
        const QString path = newPath();
        const QString copy = newPath();
        auto store = openOk(path);
        QVERIFY(store);
        QList<Connection> saved;
        for (int i = 0; i < 20; ++i)
            saved.append(simpleConnection(i));
        QVERIFY(store->saveAll({}, saved).ok());
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        QVERIFY(QFile::copy(path, copy));
        QVERIFY(QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        store.reset();

        auto recovered = openOk(copy);
        QVERIFY(recovered);
        QCOMPARE(*recovered->connections(), saved);
    }

    void twoStoresOnOneFile()
    {
        const QString path = newPath();
        auto first = openOk(path);
        auto second = openOk(path);
        QVERIFY(first && second);
        const Connection c = simpleConnection(1);
        QVERIFY(first->saveConnection(c).ok());
        QCOMPARE(*second->connections(), QList<Connection>{c});
        QVERIFY(second->removeConnection(c.id).ok());
        QVERIFY(first->connections()->isEmpty());
        first.reset();
        QVERIFY(second->saveConnection(c).ok());
    }

    void refusesDamagedFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage bytes") << QStringLiteral("garbage");
        QTest::newRow("text file") << QStringLiteral("text");
        QTest::newRow("header only") << QStringLiteral("header-only");
        QTest::newRow("truncated to half") << QStringLiteral("truncate-half");
        QTest::newRow("truncated by a few bytes") << QStringLiteral("truncate-few");
        QTest::newRow("pages overwritten") << QStringLiteral("scribble");
    }

    void refusesDamagedFiles()
    {
        QFETCH(QString, damage);
        const QString path = newPath();
        {
            // A real database with enough rows to span many pages.
            auto store = openOk(path);
            QVERIFY(store);
            QList<Connection> many;
            for (int i = 0; i < 500; ++i)
                many.append(simpleConnection(i));
            QVERIFY(store->saveAll({}, many).ok());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray original = file.readAll();
        QVERIFY(original.size() > 64 * 1024);
        if (damage == QLatin1String("garbage")) {
            QByteArray bytes(40000, '\0');
            for (int i = 0; i < bytes.size(); ++i)
                bytes[i] = char((i * 7919 + 13) & 0xff);
            QVERIFY(file.resize(0));
            file.write(bytes);
        } else if (damage == QLatin1String("text")) {
            QVERIFY(file.resize(0));
            file.write("host=db.example.com\nport=5432\n");
        } else if (damage == QLatin1String("header-only")) {
            QVERIFY(file.resize(100));
        } else if (damage == QLatin1String("truncate-half")) {
            QVERIFY(file.resize(original.size() / 2));
        } else if (damage == QLatin1String("truncate-few")) {
            QVERIFY(file.resize(original.size() - 10));
        } else if (damage == QLatin1String("scribble")) {
            // Overwrite the middle pages (b-tree pages of the connections table).
            file.seek(original.size() / 2);
            file.write(QByteArray(8192, '\xA5'));
        }
        file.close();
        const QByteArray before = fileHash(path);

        const Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(errorCodeName(store.error().code), QStringLiteral("corrupt"));
        QVERIFY(store.error().message.contains(QStringLiteral("damaged")));
        QCOMPARE(fileHash(path), before);
        // Refused again on a second attempt, still unchanged.
        QVERIFY(!ConnectionStore::open(path).ok());
        QCOMPARE(fileHash(path), before);
    }

    void refusesForeignDatabase()
    {
        const QString path = newPath();
        QVERIFY(runSql(path, {QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)"),
                              QStringLiteral("INSERT INTO photos (name) VALUES ('holiday.jpg')")}));
        const QByteArray before = fileHash(path);
        const Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::Corrupt);
        QVERIFY(store.error().message.contains(QStringLiteral("not one of Conclave's")));
        QCOMPARE(fileHash(path), before);
    }

    void refusesNewerVersion()
    {
        const QString path = newPath();
        {
            auto store = openOk(path);
            QVERIFY(store);
            QVERIFY(store->saveConnection(simpleConnection(1)).ok());
        }
        QVERIFY(runSql(path, {QStringLiteral("ALTER TABLE connections ADD COLUMN future TEXT"),
                              QStringLiteral("PRAGMA user_version = 9")}));
        const QByteArray before = fileHash(path);
        const Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::VersionTooNew);
        QVERIFY(store.error().message.contains(QStringLiteral("newer version")));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(querySingle(path, QStringLiteral("PRAGMA user_version")).toInt(), 9);
    }

    void readOnlyDirectoryIsIo()
    {
        const QString dir = m_dir->filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(dir));
        const QString existing = dir + QStringLiteral("/existing.sqlite");
        openOk(existing).reset();
        QVERIFY(QFile::exists(existing));
        const QByteArray before = fileHash(existing);
        QVERIFY(::chmod(QFile::encodeName(m_dir->path()).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0555) == 0);
        const QStringList paths = {dir + QStringLiteral("/new.sqlite"), existing};

        if (::geteuid() != 0) {
            for (const QString& path : paths) {
                const Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
                QVERIFY(!store.ok());
                QCOMPARE(store.error().code, ErrorCode::Io);
                QVERIFY(store.error().message.contains(QStringLiteral("not writable")));
            }
        } else {
            // Root writes anywhere; check as an unprivileged user in a child process.
            for (const QString& path : paths) {
                const pid_t pid = ::fork();
                QVERIFY(pid >= 0);
                if (pid == 0) {
                    if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                        ::_exit(10);
                    const Result<std::unique_ptr<ConnectionStore>> store = ConnectionStore::open(path);
                    if (store.ok())
                        ::_exit(11);
                    if (store.error().code != ErrorCode::Io)
                        ::_exit(12);
                    ::_exit(store.error().message.contains(QStringLiteral("not writable")) ? 0 : 13);
                }
                int status = 0;
                QCOMPARE(::waitpid(pid, &status, 0), pid);
                QVERIFY(WIFEXITED(status));
                QCOMPARE(WEXITSTATUS(status), 0);
            }
        }
        QVERIFY(!QFile::exists(dir + QStringLiteral("/new.sqlite")));
        QCOMPARE(fileHash(existing), before);
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
    }

    void tenThousandConnections()
    {
        const QString path = newPath();
        QList<Folder> folders;
        for (int i = 0; i < 50; ++i)
            folders.append({QUuid::createUuid(), {}, QStringLiteral("Folder %1").arg(i), i});
        QList<Connection> connections;
        for (int i = 0; i < 10000; ++i) {
            Connection c = simpleConnection(i, folders.at(i % 50).id);
            c.tags = {QStringLiteral("t%1").arg(i % 7)};
            c.notes = QStringLiteral("Notes for connection %1").arg(i);
            connections.append(c);
        }
        {
            auto store = openOk(path);
            QVERIFY(store);
            QVERIFY(store->saveAll(folders, connections).ok());
        }
        // Load speed is measured by tests/benchmarks/BenchConnectionStore, not asserted here.
        auto store = openOk(path);
        QVERIFY(store);
        const Result<QList<Folder>> loadedFolders = store->folders();
        const Result<QList<Connection>> loaded = store->connections();
        QVERIFY(loadedFolders.ok() && loaded.ok());
        QCOMPARE(loadedFolders->size(), 50);
        QCOMPARE(loaded->size(), 10000);
        QCOMPARE(*loaded, connections);
    }
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "TestConnectionStore.moc"
