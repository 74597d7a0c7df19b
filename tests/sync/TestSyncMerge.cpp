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
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
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

SecureBytes pw(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

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

struct Device
{
    Device(const QUrl& server, const QString& directory)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, directory)
        , engine(client, directory)
    {
        client.setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
        // Offline answers come at once (refused connection); the bound keeps a lost one short.
        api.setTimeout(std::chrono::seconds(10));
    }

    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    SyncEngine engine;
};

template<typename T, typename Start> std::optional<Result<T>> awaitResult(Start start)
{
    std::optional<Result<T>> result;
    QObject context;
    start(&context, [&result](Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
        return std::nullopt;
    return result;
}

#define VERIFY_OK(status)                                                                                    \
    do {                                                                                                     \
        const auto& s_ = (status);                                                                           \
        QVERIFY2(s_.has_value(), "no answer in time");                                                       \
        QVERIFY2(s_->ok(), s_->ok() ? "" : qPrintable(s_->error().message));                                 \
    } while (false)

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
    bool signUp(const QString& email, const char* password);
    bool signIn(Device& device, const QString& email, const char* password);
    QString cachePath(const QString& directory, const Device& device) const;
    // A new item written by A and read by B.
    QUuid sharedItem(const QJsonObject& fields);

    ServerHarness m_server;
    std::unique_ptr<ForwardingProxy> m_proxy;
    QUrl m_url;
    QUrl m_proxyUrl;
    QString m_orgId;
    QTemporaryDir m_dirA;
    QTemporaryDir m_dirB;
    QString m_emailA;
    QString m_emailB;
    std::unique_ptr<Device> m_a;
    std::unique_ptr<Device> m_b;
    QUuid m_folder;
};

bool TestSyncMerge::signUp(const QString& email, const char* password)
{
    QTemporaryDir scratch;
    Device device(m_url, scratch.path());
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Merge User"), pw(password), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

bool TestSyncMerge::signIn(Device& device, const QString& email, const char* password)
{
    const auto signedIn =
        await([&](QObject* c, auto done) { device.client.signIn(email, pw(password), c, done); });
    if (!signedIn || !signedIn->ok())
        return false;
    const auto started = await([&](QObject* c, auto done) { device.engine.start(c, done); });
    return started && started->ok();
}

QString TestSyncMerge::cachePath(const QString& directory, const Device& device) const
{
    return QDir(directory).filePath(
        QStringLiteral("sync-%1.sqlite").arg(device.client.account().userId.toString(QUuid::WithoutBraces)));
}

void TestSyncMerge::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestSyncMerge")));
    m_url = QUrl(m_server.baseUrl());
    m_proxy = std::make_unique<ForwardingProxy>(m_server.port());
    QVERIFY(m_proxy->port() != 0);
    m_proxyUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()));

    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".merge.example.com");
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                            &orgId),
             0);
    m_orgId = orgId.trimmed();
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--domain"), domain}),
             0);
    m_emailA = ServerAccounts::uniqueEmail("ada", domain);
    m_emailB = ServerAccounts::uniqueEmail("bob", domain);
    QVERIFY(signUp(m_emailA, "ada's long password"));
    QVERIFY(signUp(m_emailB, "bob's long password"));
    m_a = std::make_unique<Device>(m_url, m_dirA.path());
    m_b = std::make_unique<Device>(m_proxyUrl, m_dirB.path());
    QVERIFY(signIn(*m_a, m_emailA, "ada's long password"));
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));

    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Merged"), c, done);
    });
    VERIFY_OK(folder);
    m_folder = folder->value();
    const auto lookup = awaitResult<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { m_a->engine.api().lookupKey(m_emailB, c, done); });
    VERIFY_OK(lookup);
    const QString number = Fingerprint::of(m_b->client.userKeys()->identityPublicKey()).safetyNumber();
    QVERIFY(m_a->engine.confirmSafetyNumber(lookup->value().bundle, number).ok());
    const auto added = await([&](QObject* c, auto done) {
        m_a->engine.addMember(m_folder, lookup->value().bundle, FolderRole::Edit, c, done);
    });
    VERIFY_OK(added);
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(m_b->engine.roleIn(m_folder), FolderRole::Edit);
}

void TestSyncMerge::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_proxy.reset();
    m_server.stop();
}

QUuid TestSyncMerge::sharedItem(const QJsonObject& fields)
{
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_a->engine.writeItem(m_folder, {}, item(fields), c, done); });
    if (!written || !written->ok())
        return {};
    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    if (!synced || !synced->ok() || !m_b->engine.itemPlaintext(m_folder, written->value()))
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
            await([&](QObject* c, auto done) { m_a->engine.deleteItem(m_folder, id, c, done); });
        VERIFY_OK(deleted);
    } else {
        const QStringList kv = serverChange.split(QLatin1Char('='));
        const auto written = awaitResult<QUuid>([&](QObject* c, auto done) {
            m_a->engine.writeItem(m_folder, id, item(withField(base, kv[0], kv[1])), c, done);
        });
        VERIFY_OK(written);
    }

    // B has not seen A's change: its write is made on the older state, the server answers
    // 409, and B merges onto A's revision.
    QSignalSpy copied(&m_b->engine, &SyncEngine::conflictCopied);
    const QStringList kv = localChange.split(QLatin1Char('='));
    const QByteArray local = item(withField(base, kv[0], kv[1]));
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_b->engine.writeItem(m_folder, id, local, c, done); });
    VERIFY_OK(written);

    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    if (expectedName.isNull()) {
        QVERIFY(!m_a->engine.itemPlaintext(m_folder, id));
        QVERIFY(!m_b->engine.itemPlaintext(m_folder, id));
    } else {
        for (Device* device : {m_a.get(), m_b.get()}) {
            const QJsonObject fields = fieldsOf(device->engine.itemPlaintext(m_folder, id));
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
    QCOMPARE(copied.first().at(0).value<QUuid>(), m_folder);
    QCOMPARE(copied.first().at(1).value<QUuid>(), id);
    QCOMPARE(copied.first().at(3).toStringList(), copiedFields);
    const QUuid copyId = copied.first().at(2).value<QUuid>();
    QVERIFY(!copyId.isNull() && copyId != id);
    // The copy is on the server: both clients read bob's version, marked as a copy of the item.
    for (Device* device : {m_a.get(), m_b.get()}) {
        const SensitiveBytes* copy = device->engine.itemPlaintext(m_folder, copyId);
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
    const auto changed = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.writeItem(
            m_folder, id, item(withField(base, QStringLiteral("notes"), QStringLiteral("kept"))), c, done);
    });
    VERIFY_OK(changed);

    // B deletes what it saw; the server has ada's newer revision, so nothing is deleted.
    const auto deleted = await([&](QObject* c, auto done) { m_b->engine.deleteItem(m_folder, id, c, done); });
    QVERIFY(deleted.has_value());
    QVERIFY(!deleted->ok());
    QCOMPARE(deleted->error().code, ErrorCode::Cancelled);
    QVERIFY(!deleted->error().message.isEmpty());
    QCOMPARE(m_b->engine.pendingWriteCount(), 0);
    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    for (Device* device : {m_a.get(), m_b.get()})
        QCOMPARE(
            fieldsOf(device->engine.itemPlaintext(m_folder, id)).value(QStringLiteral("notes")).toString(),
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
    QSignalSpy queued(&m_b->engine, &SyncEngine::writeQueued);
    QSignalSpy outbox(&m_b->engine, &SyncEngine::outboxChanged);
    const QByteArray offline =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("planted-offline-note")));
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_b->engine.writeItem(m_folder, id, offline, c, done); });
    VERIFY_OK(written);
    QCOMPARE(written->value(), id);
    QCOMPARE(queued.count(), 1);
    QVERIFY(outbox.count() >= 1);
    QCOMPARE(outbox.last().at(0).toInt(), 1);
    QCOMPARE(m_b->engine.pendingWriteCount(), 1);
    QVERIFY(m_b->engine.hasPendingWrites(m_folder));
    // A flush while still offline keeps it and says why.
    const auto early = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
    QVERIFY(early.has_value());
    QVERIFY(!early->ok());
    QVERIFY(!early->error().message.isEmpty());
    QCOMPARE(m_b->engine.pendingWriteCount(), 1);

    // Meanwhile A renames the item.
    const auto renamed = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.writeItem(m_folder, id,
                              item(withField(base, QStringLiteral("name"), QStringLiteral("mysql-main"))), c,
                              done);
    });
    VERIFY_OK(renamed);

    // B quits and starts again; the outbox is still there and never readable on disk.
    const QString path = cachePath(m_dirB.path(), *m_b);
    m_b.reset();
    QVERIFY(!fileAndJournal(path).isEmpty());
    QVERIFY(!fileAndJournal(path).contains("planted-offline-note"));
    QVERIFY(m_proxy->setOnline(true));
    m_b = std::make_unique<Device>(m_proxyUrl, m_dirB.path());
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));
    QCOMPARE(m_b->engine.pendingWriteCount(), 1);

    QSignalSpy copied(&m_b->engine, &SyncEngine::conflictCopied);
    // Online again, a new write queues behind the waiting one and both are pushed, in order.
    QSignalSpy queuedAfter(&m_b->engine, &SyncEngine::writeQueued);
    const QByteArray behind = item(withField(base, QStringLiteral("name"), QStringLiteral("queued-behind")));
    const auto second = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_b->engine.writeItem(m_folder, {}, behind, c, done); });
    VERIFY_OK(second);
    QCOMPARE(queuedAfter.count(), 0);
    QCOMPARE(m_b->engine.pendingWriteCount(), 0);
    const auto flushed = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
    VERIFY_OK(flushed);
    QCOMPARE(m_b->engine.pendingWriteCount(), 0);
    QVERIFY(!m_b->engine.hasPendingWrites(m_folder));
    QCOMPARE(copied.count(), 0);

    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    for (Device* device : {m_a.get(), m_b.get()}) {
        const QJsonObject fields = fieldsOf(device->engine.itemPlaintext(m_folder, id));
        QCOMPARE(fields.value(QStringLiteral("name")).toString(), QStringLiteral("mysql-main"));
        QCOMPARE(fields.value(QStringLiteral("notes")).toString(), QStringLiteral("planted-offline-note"));
        QCOMPARE(
            fieldsOf(device->engine.itemPlaintext(m_folder, second->value())).value(QStringLiteral("name")),
            QStringLiteral("queued-behind"));
    }
    QVERIFY(m_a->engine.itemRevision(m_folder, second->value()) > 0);
}

void TestSyncMerge::draftIsPushedAfterTheNextSignIn()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("redis"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());
    const quint64 revision = m_b->engine.itemRevision(m_folder, id);
    QVERIFY(revision > 0);

    // An editor's unsaved content for the item and for a new one, then sign-out.
    const QByteArray edited =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("planted-draft-note")));
    const QUuid fresh = QUuid::createUuid();
    const QByteArray created =
        item(withField(base, QStringLiteral("name"), QStringLiteral("planted-draft-new")));
    QVERIFY(m_b->engine.saveDraft(m_folder, id, "an earlier draft", revision).ok());
    QVERIFY(m_b->engine.saveDraft(m_folder, id, edited, revision).ok()); // replaces the earlier one
    QVERIFY(m_b->engine.saveDraft(m_folder, fresh, created, 0).ok());
    QCOMPARE(m_b->engine.draft(m_folder, id).value_or(QByteArray()), edited);
    QVERIFY(!m_b->engine.saveDraft(m_folder, QUuid(), created, 0).ok());
    QCOMPARE(m_b->engine.pendingWriteCount(), 0); // drafts are not writes yet

    const QString path = cachePath(m_dirB.path(), *m_b);
    const auto signedOut = await(
        [&](QObject* c, auto done) { m_b->client.signOut(AccountClient::SignOutReason::User, c, done); });
    QVERIFY(signedOut.has_value());
    m_b.reset();
    const QByteArray onDisk = fileAndJournal(path);
    QVERIFY(!onDisk.isEmpty());
    QVERIFY(!onDisk.contains("planted-draft"));
    QVERIFY(!onDisk.contains("an earlier draft"));

    m_b = std::make_unique<Device>(m_proxyUrl, m_dirB.path());
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));
    QCOMPARE(m_b->engine.draft(m_folder, id).value_or(QByteArray()), edited);
    const auto flushed = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
    VERIFY_OK(flushed);
    QVERIFY(!m_b->engine.draft(m_folder, id).has_value());
    QVERIFY(!m_b->engine.draft(m_folder, fresh).has_value());

    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(fieldsOf(m_a->engine.itemPlaintext(m_folder, id)).value(QStringLiteral("notes")).toString(),
             QStringLiteral("planted-draft-note"));
    QCOMPARE(fieldsOf(m_a->engine.itemPlaintext(m_folder, fresh)).value(QStringLiteral("name")).toString(),
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
    QSignalSpy queued(&m_b->engine, &SyncEngine::writeQueued);
    const QByteArray edited =
        item(withField(base, QStringLiteral("notes"), QStringLiteral("after the outage")));
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_b->engine.writeItem(m_folder, id, edited, c, done); });
    VERIFY_OK(written);
    QCOMPARE(queued.count(), 1);
    QCOMPARE(m_b->engine.pendingWriteCount(), 1);

    QVERIFY(provoked.execSql(postgres
                                 ? QStringLiteral("DROP TRIGGER merge_fail ON item_revisions; DROP FUNCTION "
                                                  "merge_fail()")
                                 : QStringLiteral("DROP TRIGGER merge_fail")));
    const auto flushed = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
    VERIFY_OK(flushed);
    QCOMPARE(m_b->engine.pendingWriteCount(), 0);

    QVERIFY(m_proxy->setOnline(false));
    m_proxy->setTarget(m_server.port());
    QVERIFY(m_proxy->setOnline(true));
    provoked.stop();
    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QCOMPARE(fieldsOf(m_a->engine.itemPlaintext(m_folder, id)).value(QStringLiteral("notes")).toString(),
             QStringLiteral("after the outage"));
}

void TestSyncMerge::alteredOutboxRowIsRefusedInWords()
{
    QJsonObject base;
    base.insert(QStringLiteral("name"), QStringLiteral("elastic"));
    const QUuid id = sharedItem(base);
    QVERIFY(!id.isNull());
    QVERIFY(m_proxy->setOnline(false));
    const auto written = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.writeItem(m_folder, id,
                              item(withField(base, QStringLiteral("notes"), QStringLiteral("x"))), c, done);
    });
    VERIFY_OK(written);
    QCOMPARE(m_b->engine.pendingWriteCount(), 1);

    // B quits; someone with the disk flips one byte of the sealed row.
    const QString path = cachePath(m_dirB.path(), *m_b);
    m_b.reset();
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
    m_b = std::make_unique<Device>(m_proxyUrl, m_dirB.path());
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));
    QCOMPARE(m_b->engine.pendingWriteCount(), 0);
    QCOMPARE(m_b->engine.unreadableOutbox().size(), 1);
    const auto flushed = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
    QVERIFY(flushed.has_value());
    QVERIFY(!flushed->ok());
    QCOMPARE(flushed->error().code, ErrorCode::Corrupt);
    QVERIFY(flushed->error().message.contains(QLatin1String("cannot be read")));
    // Nothing of it reached the server.
    const auto synced = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    VERIFY_OK(synced);
    QVERIFY(!fieldsOf(m_a->engine.itemPlaintext(m_folder, id)).contains(QStringLiteral("notes")));

    QVERIFY(m_b->engine.discardUnreadableOutbox().ok());
    QVERIFY(m_b->engine.unreadableOutbox().isEmpty());
    const auto again = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
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
    const auto written = awaitResult<QUuid>(
        [&](QObject* c, auto done) { m_b->engine.writeItem(m_folder, id, offline, c, done); });
    VERIFY_OK(written);
    QCOMPARE(m_b->engine.pendingWriteCount(), 1);

    // Meanwhile ada, a manager, lowers bob to View with a signed log entry.
    const auto detail = awaitResult<SharingApi::FolderDetail>(
        [&](QObject* c, auto done) { m_a->engine.api().folder(m_folder, c, done); });
    VERIFY_OK(detail);
    QList<QByteArray> log;
    for (const SharingApi::LogEntry& e : detail->value().log)
        log.append(e.entry);
    const auto members = MembershipLog::replayBytes(m_folder, log, std::nullopt);
    QVERIFY(members.ok());
    const MembershipEntry lower = MembershipLog::next(
        *members, MembershipAction::ChangeRole, m_a->client.account().userId, *m_a->client.userKeys(),
        m_b->client.account().userId, {}, FolderRole::View, quint64(QDateTime::currentMSecsSinceEpoch()));
    const auto appended = awaitResult<quint64>(
        [&](QObject* c, auto done) { m_a->engine.api().appendLog(m_folder, lower.serialize(), c, done); });
    VERIFY_OK(appended);

    QVERIFY(m_proxy->setOnline(true));
    QSignalSpy outbox(&m_b->engine, &SyncEngine::outboxChanged);
    const auto flushed = await([&](QObject* c, auto done) { m_b->engine.flushOutbox(c, done); });
    QVERIFY(flushed.has_value());
    QCOMPARE(m_b->engine.pendingWriteCount(), 0);
    QVERIFY(outbox.count() >= 1);
    QCOMPARE(outbox.last().at(0).toInt(), 0);
    const QList<SyncEngine::RefusedWrite> refused = m_b->engine.refusedWrites();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().folderId, m_folder);
    QCOMPARE(refused.first().itemId, id);
    QCOMPARE(refused.first().plaintext, offline);
    QVERIFY(!refused.first().isDelete);
    QVERIFY(!refused.first().reason.isEmpty());

    // Kept across a restart until the user discards it.
    m_b.reset();
    m_b = std::make_unique<Device>(m_proxyUrl, m_dirB.path());
    QVERIFY(signIn(*m_b, m_emailB, "bob's long password"));
    QCOMPARE(m_b->engine.refusedWrites().size(), 1);
    QCOMPARE(m_b->engine.refusedWrites().first().plaintext, offline);
    QVERIFY(m_b->engine.discardRefused(refused.first().entryId).ok());
    QVERIFY(m_b->engine.refusedWrites().isEmpty());
    QVERIFY(!m_b->engine.discardRefused(refused.first().entryId).ok());
}

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "TestSyncMerge.moc"
