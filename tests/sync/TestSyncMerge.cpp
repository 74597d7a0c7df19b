// Tests the sync engine's merge and offline outbox with two clients against the real
// conclave-server (labels sync, e2e). B reaches the server through a loopback forwarding proxy
// that can drop every connection, so "offline" is a real refused connection, not a stand-in.
// Concurrent edits of different fields merge; the same field changed on both sides keeps the
// server's value and a conflict copy visible to both; an item deleted on the server keeps the
// local edit as a copy; a delete of an item changed meanwhile is refused in words; a write
// while offline waits sealed in the outbox, survives a restart of the client, and is merged
// onto the newer revision when flushed; a draft saved before sign-out is pushed after the next
// sign-in and the other client reads it; no planted plaintext ever reaches the SQLite file or
// its journal; a queued write the server refuses (the role was lowered to View meanwhile) is
// kept, listed with its content, not dropped.
#include "SharedPair.h"

#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/ItemMerge.h"
#include "core/sync/LocalCache.h"
#include "core/sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Conclave::Core;

namespace {

QJsonObject fieldsOf(const SensitiveBytes* bytes)
{
    if (!bytes)
        return {};
    return QJsonDocument::fromJson(bytes->view().toByteArray())
        .object()
        .value(QStringLiteral("fields"))
        .toObject();
}

QJsonObject topOf(const SensitiveBytes* bytes)
{
    return bytes ? QJsonDocument::fromJson(bytes->view().toByteArray()).object() : QJsonObject();
}

QByteArray item(const QJsonObject& fields)
{
    QJsonObject top;
    top.insert(QStringLiteral("format"), QStringLiteral("conclave.connection"));
    top.insert(QStringLiteral("v"), 1);
    top.insert(QStringLiteral("createdBy"), QStringLiteral("8d6c1a52-3f8e-4d5b-9a8e-1f0f3c2b7a11"));
    top.insert(QStringLiteral("createdAt"), QStringLiteral("2026-12-01T10:00:00.000Z"));
    top.insert(QStringLiteral("changedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    top.insert(QStringLiteral("fields"), fields);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QJsonObject withField(QJsonObject fields, const QString& key, const QString& value)
{
    fields.insert(key, value);
    return fields;
}

QByteArray fileAndJournal(const QString& path)
{
    QByteArray bytes;
    for (const QString& name :
         QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-journal")}) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

// Forwards loopback TCP connections to the server; offline, it refuses new connections and
// cuts the open ones, which is what a client sees when the network or the server is gone.
class ForwardingProxy final : public QObject
{
public:
    explicit ForwardingProxy(quint16 target)
        : m_target(target)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, &ForwardingProxy::accept);
        m_listener.listen(QHostAddress::LocalHost, 0);
        m_port = m_listener.serverPort();
    }

    quint16 port() const { return m_port; }
    // New connections go to `target` from now on (another server process on the same data).
    void setTarget(quint16 target) { m_target = target; }

    bool setOnline(bool online)
    {
        if (!online) {
            m_listener.close();
            const auto sockets = findChildren<QTcpSocket*>();
            for (QTcpSocket* socket : sockets)
                socket->abort();
            return true;
        }
        return m_listener.isListening() || m_listener.listen(QHostAddress::LocalHost, m_port);
    }

private:
    void accept()
    {
        while (QTcpSocket* client = m_listener.nextPendingConnection()) {
            client->setParent(this);
            auto* server = new QTcpSocket(this);
            server->connectToHost(QHostAddress::LocalHost, m_target);
            connect(client, &QTcpSocket::readyRead, server,
                    [client, server] { server->write(client->readAll()); });
            connect(server, &QTcpSocket::readyRead, client,
                    [client, server] { client->write(server->readAll()); });
            connect(server, &QTcpSocket::connected, server,
                    [client, server] { server->write(client->readAll()); });
            connect(client, &QTcpSocket::disconnected, server, [client, server] {
                server->disconnectFromHost();
                client->deleteLater();
            });
            connect(server, &QTcpSocket::disconnected, client, [client, server] {
                client->disconnectFromHost();
                server->deleteLater();
            });
        }
    }

    QTcpServer m_listener;
    quint16 m_target = 0;
    quint16 m_port = 0;
};

} // namespace

class TestSyncMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void concurrentEdits_data();
    void concurrentEdits();
    void deleteOfAChangedItemIsRefused();
    void offlineWriteWaitsAndMerges();
    void draftIsPushedAfterTheNextSignIn();
    void serverErrorQueuesTheWrite();
    void alteredOutboxRowIsRefusedInWords();
    // Last: bob is lowered to View.
    void refusedWriteIsKeptNotDropped();

private:
    QString cachePath(const QString& directory, const Device& device) const;
    // A new item written by A and read by B.
    QUuid sharedItem(const QJsonObject& fields);

    ServerHarness m_server;
    std::unique_ptr<ForwardingProxy> m_proxy;
    // Bob reaches the server through m_proxy; the folder is m_pair.folderId.
    SharedPair m_pair;
};

QString TestSyncMerge::cachePath(const QString& directory, const Device& device) const
{
    return QDir(directory).filePath(
        QStringLiteral("sync-%1.sqlite").arg(device.client.account().userId.toString(QUuid::WithoutBraces)));
}

void TestSyncMerge::initTestCase()
{
    m_pair.bobServer = [this] {
        m_proxy = std::make_unique<ForwardingProxy>(m_server.port());
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()));
    };
    // Offline answers come at once (refused connection); the bound keeps a lost one short.
    m_pair.requestTimeout = std::chrono::seconds(10);
    QVERIFY(m_pair.setUp(m_server, QStringLiteral("TestSyncMerge")));
    QVERIFY(m_proxy && m_proxy->port() != 0);
    QCOMPARE(m_pair.b->engine.roleIn(m_pair.folderId), FolderRole::Edit);
}

void TestSyncMerge::cleanupTestCase()
{
    m_pair.a.reset();
    m_pair.b.reset();
    m_proxy.reset();
    m_server.stop();
}

QUuid TestSyncMerge::sharedItem(const QJsonObject& fields)
{
    const auto written = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(m_pair.folderId, {}, item(fields), c, done);
    });
    if (!written || !written->ok())
        return {};
    const auto synced = await([&](QObject* c, auto done) { m_pair.b->engine.sync(c, done); });
    if (!synced || !synced->ok() || !m_pair.b->engine.itemPlaintext(m_pair.folderId, written->value()))
        return {};
    return written->value();
}

void TestSyncMerge::concurrentEdits_data()
{
    QTest::addColumn<QString>("serverChange"); // A's change, written first: "field=value" or "delete"
    QTest::addColumn<QString>("localChange");  // B's, made on the revision before A's
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<QString>("expectedNotes");
    QTest::addColumn<QStringList>("conflicts"); // empty: no conflict copy
    QTest::newRow("different fields merge") << "name=pg-renamed"
                                            << "notes=from bob"
                                            << "pg-renamed"
                                            << "from bob" << QStringList();
    QTest::newRow("the same change on both sides") << "notes=agreed"
                                                   << "notes=agreed"
                                                   << "pg"
                                                   << "agreed" << QStringList();
    QTest::newRow("the same field: the server wins, a copy keeps bob's")
        << "notes=from ada"
        << "notes=from bob"
        << "pg"
        << "from ada" << QStringList{QStringLiteral("notes")};
    QTest::newRow("deleted on the server: bob's edit becomes a copy")
        << "delete"
        << "notes=from bob" << QString() << QString() << QStringList{QString()};
}

void TestSyncMerge::concurrentEdits()
{
    QFETCH(QString, serverChange);
    QFETCH(QString, localChange);
    QFETCH(QString, expectedName);
    QFETCH(QString, expectedNotes);
    QFETCH(QStringList, conflicts);
    // {""} stands for a copy of the whole item (no field list).
    const bool wantCopy = !conflicts.isEmpty();
    const QStringList copiedFields = conflicts == QStringList{QString()} ? QStringList() : conflicts;

    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("pg"));
    base.insert(QStringLiteral("kind"), QStringLiteral("postgresql"));
    base.insert(QStringLiteral("notes"), QStringLiteral("first"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());

    if (serverChange == QLatin1String("delete")) {
        const auto deleted =
            await([&](QObject* c, auto done) { m_pair.a->engine.deleteItem(m_pair.folderId, id, c, done); });
        VERIFY_OK(deleted);
    } else {
        const QStringList kv = serverChange.split(QLatin1Char('='));
        const auto written = await<QUuid>([&](QObject* c, auto done) {
            m_pair.a->engine.writeItem(m_pair.folderId, id, item(withField(base, kv[0], kv[1])), c, done);
        });
        VERIFY_OK(written);
    }

    // B has not seen A's change: its write is made on the older state, the server answers
    // 409, and B merges onto A's revision.
    QSignalSpy copied(&m_pair.b->engine, &SyncEngine::conflictCopied);
    const QStringList kv = localChange.split(QLatin1Char('='));
    const QByteArray local = item(withField(base, kv[0], kv[1]));
    const auto written = await<QUuid>(
        [&](QObject* c, auto done) { m_pair.b->engine.writeItem(m_pair.folderId, id, local, c, done); });
    VERIFY_OK(written);

    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    if (expectedName.isNull()) {
        QVERIFY(!m_pair.a->engine.itemPlaintext(m_pair.folderId, id));
        QVERIFY(!m_pair.b->engine.itemPlaintext(m_pair.folderId, id));
    } else {
        for (Device* device : {m_pair.a.get(), m_pair.b.get()}) {
            const QJsonObject fields = fieldsOf(device->engine.itemPlaintext(m_pair.folderId, id));
            QCOMPARE(fields.value(QStringLiteral("name")).toString(), expectedName);
            QCOMPARE(fields.value(QStringLiteral("notes")).toString(), expectedNotes);
            QCOMPARE(fields.value(QStringLiteral("kind")).toString(), QStringLiteral("postgresql"));
        }
    }
    if (!wantCopy) {
        QCOMPARE(copied.count(), 0);
        return;
    }
    QCOMPARE(copied.count(), 1);
    QCOMPARE(copied.first().at(0).value<QUuid>(), m_pair.folderId);
    QCOMPARE(copied.first().at(1).value<QUuid>(), id);
    QCOMPARE(copied.first().at(3).toStringList(), copiedFields);
    const QUuid copyId = copied.first().at(2).value<QUuid>();
    QVERIFY(!copyId.isNull() && copyId != id);
    // The copy is on the server: both clients read bob's version, marked as a copy of the item.
    for (Device* device : {m_pair.a.get(), m_pair.b.get()}) {
        const SensitiveBytes* copy = device->engine.itemPlaintext(m_pair.folderId, copyId);
        QVERIFY(copy);
        QCOMPARE(topOf(copy).value(QStringLiteral("conflictOf")).toString(),
                 id.toString(QUuid::WithoutBraces));
        QVERIFY(!topOf(copy).value(QStringLiteral("conflictAt")).toString().isEmpty());
        QCOMPARE(fieldsOf(copy).value(QStringLiteral("notes")).toString(), QStringLiteral("from bob"));
    }
}

void TestSyncMerge::deleteOfAChangedItemIsRefused()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("mongo"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());
    const auto changed = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(m_pair.folderId, id,
                                   item(withField(base, QStringLiteral("notes"), QStringLiteral("kept"))), c,
                                   done);
    });
    VERIFY_OK(changed);

    // B deletes what it saw; the server has ada's newer revision, so nothing is deleted.
    const auto deleted =
        await([&](QObject* c, auto done) { m_pair.b->engine.deleteItem(m_pair.folderId, id, c, done); });
    QVERIFY(deleted.has_value());
    QVERIFY(!deleted->ok());
    QCOMPARE(deleted->error().code, ErrorCode::Cancelled);
    QVERIFY(!deleted->error().message.isEmpty());
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0);
    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    for (Device* device : {m_pair.a.get(), m_pair.b.get()})
        QCOMPARE(fieldsOf(device->engine.itemPlaintext(m_pair.folderId, id))
                     .value(QStringLiteral("notes"))
                     .toString(),
                 QStringLiteral("kept"));
}

void TestSyncMerge::offlineWriteWaitsAndMerges()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("mysql"));
    base.insert(QStringLiteral("notes"), QStringLiteral("first"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());

    // B loses the server and edits: the write is kept, sealed, and reported as queued.
    QVERIFY(m_proxy->setOnline(false));
    QSignalSpy queued(&m_pair.b->engine, &SyncEngine::writeQueued);
    QSignalSpy outbox(&m_pair.b->engine, &SyncEngine::outboxChanged);
    const QByteArray offline =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("planted-offline-note")));
    const auto written = await<QUuid>(
        [&](QObject* c, auto done) { m_pair.b->engine.writeItem(m_pair.folderId, id, offline, c, done); });
    VERIFY_OK(written);
    QCOMPARE(written->value(), id);
    QCOMPARE(queued.count(), 1);
    QVERIFY(outbox.count() >= 1);
    QCOMPARE(outbox.last().at(0).toInt(), 1);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 1);
    QVERIFY(m_pair.b->engine.hasPendingWrites(m_pair.folderId));
    // A flush while still offline keeps it and says why.
    const auto early = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    QVERIFY(early.has_value());
    QVERIFY(!early->ok());
    QVERIFY(!early->error().message.isEmpty());
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 1);

    // Meanwhile A renames the item.
    const auto renamed = await<QUuid>([&](QObject* c, auto done) {
        m_pair.a->engine.writeItem(
            m_pair.folderId, id, item(withField(base, QStringLiteral("name"), QStringLiteral("mysql-main"))),
            c, done);
    });
    VERIFY_OK(renamed);

    // B quits and starts again; the outbox is still there and never readable on disk.
    const QString path = cachePath(m_pair.dirB.path(), *m_pair.b);
    m_pair.b.reset();
    QVERIFY(!fileAndJournal(path).isEmpty());
    QVERIFY(!fileAndJournal(path).contains("planted-offline-note"));
    QVERIFY(m_proxy->setOnline(true));
    QVERIFY(m_pair.restartB());
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 1);

    QSignalSpy copied(&m_pair.b->engine, &SyncEngine::conflictCopied);
    // Online again, a new write queues behind the waiting one and both are pushed, in order.
    QSignalSpy queuedAfter(&m_pair.b->engine, &SyncEngine::writeQueued);
    const QByteArray behind = item(withField(base, QStringLiteral("name"), QStringLiteral("queued-behind")));
    const auto second = await<QUuid>(
        [&](QObject* c, auto done) { m_pair.b->engine.writeItem(m_pair.folderId, {}, behind, c, done); });
    VERIFY_OK(second);
    QCOMPARE(queuedAfter.count(), 0);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0);
    const auto flushed = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    VERIFY_OK(flushed);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0);
    QVERIFY(!m_pair.b->engine.hasPendingWrites(m_pair.folderId));
    QCOMPARE(copied.count(), 0);

    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    for (Device* device : {m_pair.a.get(), m_pair.b.get()}) {
        const QJsonObject fields = fieldsOf(device->engine.itemPlaintext(m_pair.folderId, id));
        QCOMPARE(fields.value(QStringLiteral("name")).toString(), QStringLiteral("mysql-main"));
        QCOMPARE(fields.value(QStringLiteral("notes")).toString(), QStringLiteral("planted-offline-note"));
        QCOMPARE(fieldsOf(device->engine.itemPlaintext(m_pair.folderId, second->value()))
                     .value(QStringLiteral("name")),
                 QStringLiteral("queued-behind"));
    }
    QVERIFY(m_pair.a->engine.itemRevision(m_pair.folderId, second->value()) > 0);
}

void TestSyncMerge::draftIsPushedAfterTheNextSignIn()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("redis"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());
    const quint64 revision = m_pair.b->engine.itemRevision(m_pair.folderId, id);
    QVERIFY(revision > 0);

    // An editor's unsaved content for the item and for a new one, then sign-out.
    const QByteArray edited =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("planted-draft-note")));
    const QUuid fresh = QUuid::createUuid();
    const QByteArray created =
        item(withField(base, QStringLiteral("name"), QStringLiteral("planted-draft-new")));
    QVERIFY(m_pair.b->engine.saveDraft(m_pair.folderId, id, "an earlier draft", revision).ok());
    QVERIFY(
        m_pair.b->engine.saveDraft(m_pair.folderId, id, edited, revision).ok()); // replaces the earlier one
    QVERIFY(m_pair.b->engine.saveDraft(m_pair.folderId, fresh, created, 0).ok());
    QCOMPARE(m_pair.b->engine.draft(m_pair.folderId, id).value_or(QByteArray()), edited);
    QVERIFY(!m_pair.b->engine.saveDraft(m_pair.folderId, QUuid(), created, 0).ok());
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0); // drafts are not writes yet

    const QString path = cachePath(m_pair.dirB.path(), *m_pair.b);
    const auto signedOut = await([&](QObject* c, auto done) {
        m_pair.b->client.signOut(AccountClient::SignOutReason::User, c, done);
    });
    QVERIFY(signedOut.has_value());
    m_pair.b.reset();
    const QByteArray onDisk = fileAndJournal(path);
    QVERIFY(!onDisk.isEmpty());
    QVERIFY(!onDisk.contains("planted-draft"));
    QVERIFY(!onDisk.contains("an earlier draft"));

    QVERIFY(m_pair.restartB());
    QCOMPARE(m_pair.b->engine.draft(m_pair.folderId, id).value_or(QByteArray()), edited);
    const auto flushed = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    VERIFY_OK(flushed);
    QVERIFY(!m_pair.b->engine.draft(m_pair.folderId, id).has_value());
    QVERIFY(!m_pair.b->engine.draft(m_pair.folderId, fresh).has_value());

    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(fieldsOf(m_pair.a->engine.itemPlaintext(m_pair.folderId, id))
                 .value(QStringLiteral("notes"))
                 .toString(),
             QStringLiteral("planted-draft-note"));
    QCOMPARE(fieldsOf(m_pair.a->engine.itemPlaintext(m_pair.folderId, fresh))
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("planted-draft-new"));
    QVERIFY(!fileAndJournal(path).contains("planted-draft"));
}

void TestSyncMerge::serverErrorQueuesTheWrite()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("cassandra"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());

    // B is served by a second server process on the same data, whose storage then fails
    // every new revision: it answers 500 (its logs are named provoked-*, so the server log
    // check knows these 500s are on purpose), and B's write waits.
    ServerHarness provoked;
    provoked.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000")});
    provoked.useStorageOf(m_server);
    provoked.setEnvironment(QStringLiteral("CONCLAVE_SERVER_KEY_FILE"),
                            m_server.dataDir() + QStringLiteral("/server.key"));
    QVERIFY(provoked.start(QStringLiteral("provoked-TestSyncMerge")));
    QVERIFY(m_proxy->setOnline(false)); // drops B's open connections to the first server
    m_proxy->setTarget(provoked.port());
    QVERIFY(m_proxy->setOnline(true));

    const bool postgres = ServerHarness::usePostgres();
    QVERIFY(provoked.execSql(
        postgres ? QStringLiteral("CREATE FUNCTION merge_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
                                  "'provoked'; END $$ LANGUAGE plpgsql; CREATE TRIGGER merge_fail BEFORE "
                                  "INSERT ON item_revisions FOR EACH ROW EXECUTE FUNCTION merge_fail()")
                 : QStringLiteral("CREATE TRIGGER merge_fail BEFORE INSERT ON item_revisions BEGIN SELECT "
                                  "RAISE(ABORT, 'provoked'); END")));
    QSignalSpy queued(&m_pair.b->engine, &SyncEngine::writeQueued);
    const QByteArray edited =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("after the outage")));
    const auto written = await<QUuid>(
        [&](QObject* c, auto done) { m_pair.b->engine.writeItem(m_pair.folderId, id, edited, c, done); });
    VERIFY_OK(written);
    QCOMPARE(queued.count(), 1);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 1);

    QVERIFY(provoked.execSql(postgres
                                 ? QStringLiteral("DROP TRIGGER merge_fail ON item_revisions; DROP FUNCTION "
                                                  "merge_fail()")
                                 : QStringLiteral("DROP TRIGGER merge_fail")));
    const auto flushed = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    VERIFY_OK(flushed);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0);

    QVERIFY(m_proxy->setOnline(false));
    m_proxy->setTarget(m_server.port());
    QVERIFY(m_proxy->setOnline(true));
    provoked.stop();
    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(fieldsOf(m_pair.a->engine.itemPlaintext(m_pair.folderId, id))
                 .value(QStringLiteral("notes"))
                 .toString(),
             QStringLiteral("after the outage"));
}

void TestSyncMerge::alteredOutboxRowIsRefusedInWords()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("elastic"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());
    QVERIFY(m_proxy->setOnline(false));
    const auto written = await<QUuid>([&](QObject* c, auto done) {
        m_pair.b->engine.writeItem(m_pair.folderId, id,
                                   item(withField(base, QStringLiteral("notes"), QStringLiteral("x"))), c,
                                   done);
    });
    VERIFY_OK(written);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 1);

    // B quits; someone with the disk flips one byte of the sealed row.
    const QString path = cachePath(m_pair.dirB.path(), *m_pair.b);
    m_pair.b.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("disk"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET sealed = CAST(substr(sealed, 1, 40) || CASE WHEN "
                                      "substr(sealed, 41, 1) = X'00' THEN X'01' ELSE X'00' END || "
                                      "substr(sealed, 42) AS BLOB)")));
        QCOMPARE(q.numRowsAffected(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("disk"));

    QVERIFY(m_proxy->setOnline(true));
    QVERIFY(m_pair.restartB());
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0);
    QCOMPARE(m_pair.b->engine.unreadableOutbox().size(), 1);
    const auto flushed = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    QVERIFY(flushed.has_value());
    QVERIFY(!flushed->ok());
    QCOMPARE(flushed->error().code, ErrorCode::Corrupt);
    QVERIFY(flushed->error().message.contains(QLatin1String("cannot be read")));
    // Nothing of it reached the server.
    const auto synced = await([&](QObject* c, auto done) { m_pair.a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(!fieldsOf(m_pair.a->engine.itemPlaintext(m_pair.folderId, id)).contains(QStringLiteral("notes")));

    QVERIFY(m_pair.b->engine.discardUnreadableOutbox().ok());
    QVERIFY(m_pair.b->engine.unreadableOutbox().isEmpty());
    const auto again = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    VERIFY_OK(again);
}

void TestSyncMerge::refusedWriteIsKeptNotDropped()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("ldap"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());

    QVERIFY(m_proxy->setOnline(false));
    const QByteArray offline =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("typed while offline")));
    const auto written = await<QUuid>(
        [&](QObject* c, auto done) { m_pair.b->engine.writeItem(m_pair.folderId, id, offline, c, done); });
    VERIFY_OK(written);
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 1);

    // Meanwhile ada, a manager, lowers bob to View with a signed log entry.
    const auto detail = await<SharingApi::FolderDetail>(
        [&](QObject* c, auto done) { m_pair.a->engine.api().folder(m_pair.folderId, c, done); });
    VERIFY_OK(detail);
    QList<QByteArray> log;
    for (const SharingApi::LogEntry& e : detail->value().log)
        log.append(e.entry);
    const auto members = MembershipLog::replayBytes(m_pair.folderId, log, std::nullopt);
    QVERIFY(members.ok());
    const MembershipEntry lower =
        MembershipLog::next(*members, MembershipAction::ChangeRole, m_pair.a->client.account().userId,
                            *m_pair.a->client.userKeys(), m_pair.b->client.account().userId, {},
                            FolderRole::View, quint64(QDateTime::currentMSecsSinceEpoch()));
    const auto appended = await<quint64>([&](QObject* c, auto done) {
        m_pair.a->engine.api().appendLog(m_pair.folderId, lower.serialize(), c, done);
    });
    VERIFY_OK(appended);

    QVERIFY(m_proxy->setOnline(true));
    QSignalSpy outbox(&m_pair.b->engine, &SyncEngine::outboxChanged);
    const auto flushed = await([&](QObject* c, auto done) { m_pair.b->engine.flushOutbox(c, done); });
    QVERIFY(flushed.has_value());
    QCOMPARE(m_pair.b->engine.pendingWriteCount(), 0);
    QVERIFY(outbox.count() >= 1);
    QCOMPARE(outbox.last().at(0).toInt(), 0);
    const QList<SyncEngine::RefusedWrite> refused = m_pair.b->engine.refusedWrites();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().folderId, m_pair.folderId);
    QCOMPARE(refused.first().itemId, id);
    QCOMPARE(refused.first().plaintext, offline);
    QVERIFY(!refused.first().isDelete);
    QVERIFY(!refused.first().reason.isEmpty());

    // Kept across a restart until the user discards it.
    m_pair.b.reset();
    QVERIFY(m_pair.restartB());
    QCOMPARE(m_pair.b->engine.refusedWrites().size(), 1);
    QCOMPARE(m_pair.b->engine.refusedWrites().first().plaintext, offline);
    QVERIFY(m_pair.b->engine.discardRefused(refused.first().entryId).ok());
    QVERIFY(m_pair.b->engine.refusedWrites().isEmpty());
    QVERIFY(!m_pair.b->engine.discardRefused(refused.first().entryId).ok());
}

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "TestSyncMerge.moc"
