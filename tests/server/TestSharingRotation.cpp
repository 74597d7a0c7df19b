// Key rotations of shared folders against the real server: remove + rotate with new grants
// and every item re-encrypted in one request, a rotation after a member left, what a
// rotation request may not carry (one row per variant, nothing applied), and atomicity: the
// server killed with SIGKILL at random moments during rotation requests leaves after its
// restart the folder as it was before or as the rotation made it, never a mix, checked by a
// fresh reader (the core's FolderStateChain snapshot over the served items) and the stored
// rows. SQLite, or PostgreSQL under CONCLAVE_TEST_SERVER_STORAGE=postgres.
#include "SharingFixture.h"

#include "core/crypto/FolderState.h"
#include "core/crypto/MembershipLog.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace ServerAccounts;
using namespace Conclave::Core;

namespace {

QByteArray fromB64(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

// A JSON body of exactly `size` bytes that no route accepts: {"pad":"xxx..."}.
QByteArray paddedBody(qint64 size)
{
    const QByteArray open("{\"pad\":\"");
    const QByteArray close("\"}");
    return open + QByteArray(size - open.size() - close.size(), 'x') + close;
}

// Sends one request on a raw socket (declaring `declared` bytes, sending `body`) and returns
// the answer's status, or -1 when none came within the bound.
int rawStatus(quint16 port, const QByteArray& method, const QString& path, const QString& token,
              qint64 declared, const QByteArray& body)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return -1;
    socket.write(method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 token.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(declared) + "\r\n\r\n");
    QByteArray answer;
    const QByteArray chunk(64 * 1024, 'x');
    for (qsizetype sent = 0; sent < body.size() && !answer.contains("\r\n\r\n") &&
                             socket.state() == QAbstractSocket::ConnectedState;
         sent += chunk.size()) {
        socket.write(body.mid(sent, chunk.size()));
        (void)socket.waitForBytesWritten(1000);
        answer += socket.readAll();
    }
    QElapsedTimer timer;
    timer.start();
    while (!answer.contains("\r\n\r\n") && timer.elapsed() < 30000) {
        if (!socket.waitForReadyRead(1000) && socket.state() != QAbstractSocket::ConnectedState)
            break;
        answer += socket.readAll();
    }
    answer += socket.readAll();
    if (!answer.startsWith("HTTP/1.1 "))
        return -1;
    return answer.mid(9, 3).toInt();
}

} // namespace

class TestSharingRotation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void removeAndRotate();
    void rotateAfterLeave();
    void lowerAndRotate();
    void loweringRefused_data();
    void loweringRefused();
    void rotationRefused_data();
    void rotationRefused();
    void killedDuringRotation();
    void bodyLimitPerRoute_data();
    void bodyLimitPerRoute();

private:
    // What a fresh reader accepts of the folder as served now: the log replays and the
    // newest state is exactly the served items (FolderStateChain::acceptSnapshot).
    bool readerAccepts(ApiClient& client, const SharedFolder& folder, const QString& token, QString* why);
    QVariant count(const QString& sql) { return m_server.sqlValue(sql); }

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
};

void TestSharingRotation::initTestCase()
{
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestSharingRotation")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
}

void TestSharingRotation::cleanupTestCase()
{
    m_server.stop();
}

bool TestSharingRotation::readerAccepts(ApiClient& client, const SharedFolder& folder, const QString& token,
                                        QString* why)
{
    const ApiResponse f = client.get(folder.path(), token);
    if (f.status != 200) {
        *why = QStringLiteral("folder read answered %1").arg(f.status);
        return false;
    }
    QList<QByteArray> entries;
    for (const QJsonValue& e : f.json.value(QStringLiteral("log")).toArray())
        entries.append(fromB64(e.toObject().value(QStringLiteral("entry"))));
    auto members = MembershipLog::replayBytes(folder.id, entries, std::nullopt);
    if (!members) {
        *why = members.error().message;
        return false;
    }
    QList<ItemEnvelope> latest;
    QByteArray state;
    QString after;
    for (int page = 0; page < 1000; ++page) {
        const ApiResponse r =
            client.get(folder.path(QStringLiteral("/items?limit=500&after=")) + after, token);
        if (r.status != 200 || !r.json.value(QStringLiteral("corrupt")).toArray().isEmpty()) {
            *why = QStringLiteral("items read answered %1").arg(r.status);
            return false;
        }
        if (page == 0)
            state = fromB64(r.json.value(QStringLiteral("state")).toObject().value(QStringLiteral("state")));
        for (const QJsonValue& item : r.json.value(QStringLiteral("items")).toArray()) {
            auto envelope = ItemEnvelope::parse(fromB64(item.toObject().value(QStringLiteral("envelope"))));
            if (!envelope)
                return false;
            latest.append(envelope.value());
        }
        if (r.json.value(QStringLiteral("next")).isNull())
            break;
        after = r.json.value(QStringLiteral("next")).toString();
    }
    auto parsed = FolderState::parse(state);
    if (!parsed) {
        *why = QStringLiteral("no folder state");
        return false;
    }
    FolderStateChain chain(folder.id);
    if (auto accepted = chain.acceptSnapshot(parsed.value(), latest, members.value()); !accepted) {
        *why = accepted.error().message;
        return false;
    }
    return true;
}

void TestSharingRotation::removeAndRotate()
{
    const SharingUser manager = m_fx->user("manager");
    const SharingUser editor = m_fx->user("editor");
    const SharingUser removed = m_fx->user("removed");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, editor, FolderRole::Edit).status, 201);
    QCOMPARE(m_fx->addMember(folder, manager, removed, FolderRole::View).status, 201);
    QCOMPARE(m_fx->writeEnvelope(folder, manager,
                                 m_fx->seal(folder, manager, folder.id, "Name", ItemKind::FolderName))
                 .status,
             201);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_fx->writeItem(folder, editor, QUuid::createUuid(), "connection").status, 201);

    const ApiResponse r = m_fx->rotate(folder, manager, &removed);
    QVERIFY2(r.status == 200, r.raw.constData());
    QCOMPARE(r.json.value(QStringLiteral("keyVersion")).toInt(), 2);
    QCOMPARE(r.json.value(QStringLiteral("logLength")).toInt(), 5);
    QCOMPARE(r.json.value(QStringLiteral("stateSequence")).toInt(), 6);

    // The removed member is out; the others read the new key's grants, the link and items.
    QCOMPARE(m_client->get(folder.path(), removed.token()).status, 404);
    ApiResponse g = m_client->get(folder.path(QStringLiteral("/grants")), editor.token());
    bool hasV2 = false;
    for (const QJsonValue& grant : g.json.value(QStringLiteral("grants")).toArray())
        hasV2 = hasV2 || grant.toObject().value(QStringLiteral("keyVersion")).toInt() == 2;
    QVERIFY(hasV2);
    ApiResponse f = m_client->get(folder.path(), editor.token());
    QCOMPARE(f.json.value(QStringLiteral("keyLinks")).toArray().size(), 1);
    QString why;
    QVERIFY2(readerAccepts(*m_client, folder, editor.token(), &why), qPrintable(why));
    const ApiResponse items = m_client->get(folder.path(QStringLiteral("/items")), editor.token());
    for (const QJsonValue& item : items.json.value(QStringLiteral("items")).toArray())
        QCOMPARE(item.toObject().value(QStringLiteral("keyVersion")).toInt(), 2);
    // The removed member's feed says so; each remaining member's feed carries the grant.
    const QString id = folder.idText();
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM changes WHERE user_id = '%1' AND kind = 'removed' "
                                  "AND object_id = '%2'")
                       .arg(removed.account.userId, id))
                 .toInt(),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM changes WHERE user_id = '%1' AND kind = 'grant' "
                                  "AND object_id = '%2'")
                       .arg(editor.account.userId, id))
                 .toInt(),
             1);
    // Writing goes on under the new key.
    QCOMPARE(m_fx->writeItem(folder, editor, QUuid::createUuid(), "after the rotation").status, 201);
}

void TestSharingRotation::rotateAfterLeave()
{
    const SharingUser manager = m_fx->user("manager");
    const SharingUser leaver = m_fx->user("leaver");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, leaver, FolderRole::Edit).status, 201);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "x").status, 201);
    QCOMPARE(m_fx->append(folder, m_fx->nextEntry(folder, MembershipAction::Leave, leaver, &leaver), leaver)
                 .status,
             201);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "refused until rotated").status, 403);
    const ApiResponse r = m_fx->rotate(folder, manager);
    QVERIFY2(r.status == 200, r.raw.constData());
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "accepted").status, 201);
}

void TestSharingRotation::lowerAndRotate()
{
    // A member lowered to View: the role change and the rotation in one request, so no write
    // of theirs can come between the two.
    const SharingUser manager = m_fx->user("manager");
    const SharingUser lowered = m_fx->user("lowered");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, lowered, FolderRole::Edit).status, 201);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_fx->writeItem(folder, lowered, QUuid::createUuid(), "by an editor").status, 201);
    auto rotation = m_fx->prepareRotation(folder, manager, nullptr, &lowered);
    QVERIFY(rotation);
    const ApiResponse r =
        m_client->post(folder.path(QStringLiteral("/rotation")), rotation->body, manager.token());
    QVERIFY2(r.status == 200, r.raw.constData());
    QVERIFY(m_fx->absorbRotation(folder, *rotation));
    QCOMPARE(r.json.value(QStringLiteral("keyVersion")).toInt(), 2);
    QCOMPARE(r.json.value(QStringLiteral("logLength")).toInt(), 4); // create, add, role, rotate
    // Still a member, who reads the folder under the new key and may no longer write.
    QCOMPARE(m_client->get(folder.path(), lowered.token()).status, 200);
    QString why;
    QVERIFY2(readerAccepts(*m_client, folder, lowered.token(), &why), qPrintable(why));
    QCOMPARE(m_fx->writeItem(folder, lowered, QUuid::createUuid(), "as View").status, 403);
    QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), "by the manager").status, 201);
}

void TestSharingRotation::loweringRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("field");
    QTest::newRow("role change without rotate") << "no-rotate"
                                                << "entries[0]";
    QTest::newRow("rotate before the role change") << "wrong-order"
                                                   << "entries[0]";
    QTest::newRow("role change twice") << "twice"
                                       << "entries";
}

void TestSharingRotation::loweringRefused()
{
    QFETCH(QString, variant);
    QFETCH(QString, field);
    const SharingUser manager = m_fx->user("manager");
    const SharingUser lowered = m_fx->user("lowered");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, lowered, FolderRole::Edit).status, 201);
    QCOMPARE(m_fx->writeItem(folder, lowered, QUuid::createUuid(), "by an editor").status, 201);
    auto rotation = m_fx->prepareRotation(folder, manager, nullptr, &lowered);
    QVERIFY(rotation);
    QJsonObject body = rotation->body;
    const QJsonArray entries = body.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    if (variant == QLatin1String("no-rotate"))
        body.insert(QStringLiteral("entries"), QJsonArray{entries.at(0)});
    else if (variant == QLatin1String("wrong-order"))
        body.insert(QStringLiteral("entries"), QJsonArray{entries.at(1), entries.at(0)});
    else
        body.insert(QStringLiteral("entries"), QJsonArray{entries.at(0), entries.at(0), entries.at(1)});
    const ApiResponse r = m_client->post(folder.path(QStringLiteral("/rotation")), body, manager.token());
    QVERIFY2(r.status == 400, r.raw.constData());
    QCOMPARE(r.errorCode(), QStringLiteral("invalid-input"));
    QCOMPARE(r.errorField(), field);
    // Nothing of it was applied: the member keeps Edit and the first key.
    const ApiResponse f = m_client->get(folder.path(), manager.token());
    QCOMPARE(f.json.value(QStringLiteral("keyVersion")).toInt(), 1);
    QCOMPARE(f.json.value(QStringLiteral("logLength")).toInt(), 2);
    QCOMPARE(m_fx->writeItem(folder, lowered, QUuid::createUuid(), "still an editor").status, 201);
}

void TestSharingRotation::rotationRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::newRow("a remaining member without a grant") << "missing-grant" << 400 << "invalid-input"
                                                        << "grants";
    QTest::newRow("a grant twice") << "duplicate-grant" << 400 << "invalid-input"
                                   << "grants[1]";
    QTest::newRow("a grant of the old key version") << "old-grant" << 400 << "invalid-input"
                                                    << "grants[0]";
    QTest::newRow("a grant with a forged signature") << "forged-grant" << 400 << "crypto-rejected"
                                                     << "grants[0]";
    QTest::newRow("remove without rotate") << "no-rotate" << 400 << "invalid-input"
                                           << "entries[0]";
    QTest::newRow("rotate before remove") << "wrong-order" << 400 << "invalid-input"
                                          << "entries[0]";
    QTest::newRow("entries signed by another manager") << "other-signer" << 403 << "forbidden"
                                                       << "entries[0]";
    QTest::newRow("chain link one byte short") << "short-link" << 400 << "invalid-input"
                                               << "chainLink";
    QTest::newRow("chain link of another folder") << "other-link" << 400 << "invalid-input"
                                                  << "chainLink";
    QTest::newRow("an item not re-encrypted") << "old-item" << 400 << "invalid-input"
                                              << "items[0]";
    QTest::newRow("an item twice") << "duplicate-item" << 400 << "invalid-input"
                                   << "items[1]";
    QTest::newRow("state with a forged signature") << "forged-state" << 400 << "crypto-rejected"
                                                   << "state";
    QTest::newRow("state of an item set the items do not give") << "state-mismatch" << 400 << "invalid-input"
                                                                << "state";
    QTest::newRow("state not on the current one") << "stale-state" << 409 << "conflict"
                                                  << "state";
}

void TestSharingRotation::rotationRefused()
{
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    const SharingUser manager = m_fx->user("manager");
    const SharingUser second = m_fx->user("second");
    const SharingUser removed = m_fx->user("removed");
    SharedFolder folder = m_fx->createFolder(manager);
    QCOMPARE(m_fx->addMember(folder, manager, second, FolderRole::Manage).status, 201);
    QCOMPARE(m_fx->addMember(folder, manager, removed, FolderRole::Edit).status, 201);
    QCOMPARE(m_fx->writeItem(folder, removed, QUuid::createUuid(), "one").status, 201);
    const QUuid managers = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(folder, manager, managers, "two").status, 201);
    SharedFolder stale = folder.detached();

    auto rotation = m_fx->prepareRotation(folder, manager, &removed);
    QVERIFY(rotation);
    QJsonObject body = rotation->body;
    auto list = [&body](const char* name) {
        return body.value(QLatin1String(name)).toArray();
    };
    auto flipLast = [](QByteArray bytes) {
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
        return bytes;
    };
    if (variant == QLatin1String("missing-grant")) {
        QJsonArray grants = list("grants");
        grants.removeLast();
        body.insert(QStringLiteral("grants"), grants);
    } else if (variant == QLatin1String("duplicate-grant")) {
        QJsonArray grants = list("grants");
        grants.insert(1, grants.at(0));
        body.insert(QStringLiteral("grants"), grants);
    } else if (variant == QLatin1String("old-grant")) {
        QJsonArray grants = list("grants");
        grants.replace(0, b64(m_fx->grant(folder, manager, second.id(), 1)));
        body.insert(QStringLiteral("grants"), grants);
    } else if (variant == QLatin1String("forged-grant")) {
        QJsonArray grants = list("grants");
        grants.replace(0, b64(flipLast(fromB64(grants.at(0)))));
        body.insert(QStringLiteral("grants"), grants);
    } else if (variant == QLatin1String("no-rotate")) {
        QJsonArray entries = list("entries");
        entries.removeLast();
        body.insert(QStringLiteral("entries"), entries);
    } else if (variant == QLatin1String("wrong-order")) {
        QJsonArray entries = list("entries");
        body.insert(QStringLiteral("entries"), QJsonArray{entries.at(1), entries.at(0)});
    } else if (variant == QLatin1String("other-signer")) {
        // The second manager's rotation, sent by the first.
        auto theirs = m_fx->prepareRotation(folder, second, &removed);
        QVERIFY(theirs);
        body = theirs->body;
    } else if (variant == QLatin1String("short-link")) {
        QByteArray link = fromB64(body.value(QStringLiteral("chainLink")));
        link.chop(1);
        body.insert(QStringLiteral("chainLink"), b64(link));
    } else if (variant == QLatin1String("other-link")) {
        const SecureBytes a = FolderKeyRing::generateKey();
        const SecureBytes b = FolderKeyRing::generateKey();
        body.insert(QStringLiteral("chainLink"),
                    b64(FolderKeyRing::makeChainLink(QUuid::createUuid(), 2, a, b)));
    } else if (variant == QLatin1String("old-item")) {
        // The manager's own item as it was, instead of re-encrypted.
        QJsonArray items = list("items");
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto parsed = ItemEnvelope::parse(fromB64(items.at(i)));
            QVERIFY(parsed);
            if (parsed->header().itemId == managers) {
                items.replace(i, b64(folder.envelopes->value(managers)));
                field = QStringLiteral("items[%1]").arg(i);
            }
        }
        body.insert(QStringLiteral("items"), items);
    } else if (variant == QLatin1String("duplicate-item")) {
        QJsonArray items = list("items");
        items.replace(1, items.at(0));
        body.insert(QStringLiteral("items"), items);
    } else if (variant == QLatin1String("forged-state")) {
        body.insert(QStringLiteral("state"), b64(flipLast(fromB64(body.value(QStringLiteral("state"))))));
    } else if (variant == QLatin1String("state-mismatch")) {
        // One re-encrypted item left out of the request, but not out of the signed state.
        QJsonArray items = list("items");
        items.removeLast();
        body.insert(QStringLiteral("items"), items);
    } else if (variant == QLatin1String("stale-state")) {
        // Someone wrote meanwhile.
        QCOMPARE(m_fx->writeItem(stale, second, QUuid::createUuid(), "meanwhile").status, 201);
    }
    const ApiResponse f0 = m_client->get(folder.path(), manager.token());
    const ApiResponse r = m_client->post(folder.path(QStringLiteral("/rotation")), body, manager.token());
    QVERIFY2(r.status == status, r.raw.constData());
    QCOMPARE(r.errorCode(), reason);
    QCOMPARE(r.errorField(), field);
    // Nothing of it was applied.
    const ApiResponse f1 = m_client->get(folder.path(), manager.token());
    QCOMPARE(f1.json.value(QStringLiteral("logLength")), f0.json.value(QStringLiteral("logLength")));
    QCOMPARE(f1.json.value(QStringLiteral("keyVersion")).toInt(), 1);
    QCOMPARE(f1.json.value(QStringLiteral("keyLinks")).toArray().size(), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM grants WHERE folder_id = '%1' AND key_version = 2")
                       .arg(folder.idText()))
                 .toInt(),
             0);
    QCOMPARE(m_client->get(folder.path(), removed.token()).status, 200);
}

void TestSharingRotation::killedDuringRotation()
{
    // A folder big enough that a rotation takes a while to check and write, and members to
    // remove one by one.
    constexpr int kItems = 300;
    constexpr int kAttempts = 12;
    SharingUser manager = m_fx->user("manager");
    SharedFolder folder = m_fx->createFolder(manager);
    QList<SharingUser> members;
    for (int i = 0; i < kAttempts; ++i) {
        members.append(m_fx->user("member"));
        QCOMPARE(m_fx->addMember(folder, manager, members.last(), FolderRole::View).status, 201);
    }
    for (int i = 0; i < kItems; ++i)
        QCOMPARE(m_fx->writeItem(folder, manager, QUuid::createUuid(), QByteArray(100, 'x')).status, 201);

    const QString id = folder.idText();
    int applied = 0;
    int rolledBack = 0;
    qint64 fullMs = 200;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const SharingUser& leaving = members.at(attempt);
        auto rotation = m_fx->prepareRotation(folder, manager, &leaving);
        QVERIFY(rotation);
        const int logBefore =
            count(QStringLiteral("SELECT log_length FROM folders WHERE id = '%1'").arg(id)).toInt();
        const int stateBefore =
            count(QStringLiteral("SELECT state_seq FROM folders WHERE id = '%1'").arg(id)).toInt();
        const int keyBefore =
            count(QStringLiteral("SELECT key_version FROM folders WHERE id = '%1'").arg(id)).toInt();

        // The request, and SIGKILL at a random moment within about the time a whole rotation
        // takes (measured on the first attempt, which runs to the end).
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_server.baseUrl() + folder.path(QStringLiteral("/rotation"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + manager.token().toLatin1());
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QNetworkReply> reply(network.post(request, QJsonDocument(rotation->body).toJson()));
        const int delay =
            attempt == 0 ? -1 : int(QRandomGenerator::global()->bounded(qint64(fullMs * 3 / 2 + 1)));
        QTimer killer;
        killer.setSingleShot(true);
        connect(&killer, &QTimer::timeout, this, [this] { m_server.killHard(); });
        if (delay >= 0)
            killer.start(delay);
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 60000));
        killer.stop(); // it must not hit the restarted server
        if (attempt == 0)
            fullMs = qMax<qint64>(20, timer.elapsed());
        m_server.killHard();
        QVERIFY(m_server.start(QStringLiteral("TestSharingRotation-restarted")));
        ApiClient client(m_server.baseUrl());
        m_fx->useClient(client);

        // Old or new, as a whole.
        const int logAfter =
            count(QStringLiteral("SELECT log_length FROM folders WHERE id = '%1'").arg(id)).toInt();
        const int stateAfter =
            count(QStringLiteral("SELECT state_seq FROM folders WHERE id = '%1'").arg(id)).toInt();
        const int keyAfter =
            count(QStringLiteral("SELECT key_version FROM folders WHERE id = '%1'").arg(id)).toInt();
        const bool isNew = logAfter == logBefore + 2;
        QVERIFY2(isNew || logAfter == logBefore, "the log is neither the old nor the new one");
        QCOMPARE(stateAfter, isNew ? stateBefore + 1 : stateBefore);
        QCOMPARE(keyAfter, isNew ? keyBefore + 1 : keyBefore);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM membership_entries WHERE folder_id = '%1'").arg(id))
                .toInt(),
            logAfter);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM folder_states WHERE folder_id = '%1'").arg(id))
                     .toInt(),
                 stateAfter);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM grants WHERE folder_id = '%1' AND key_version = %2")
                      .arg(id)
                      .arg(keyBefore + 1))
                .toInt(),
            isNew ? int(rotation->batch.grants.size()) : 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM items WHERE folder_id = '%1' AND state_seq = %2")
                           .arg(id)
                           .arg(stateBefore + 1))
                     .toInt(),
                 isNew ? kItems : 0);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM changes WHERE user_id = '%1' AND kind = 'removed'")
                      .arg(leaving.account.userId))
                .toInt(),
            isNew ? 1 : 0);
        QCOMPARE(count(QStringLiteral(
                           "SELECT COUNT(*) FROM folder_members WHERE folder_id = '%1' AND user_id = '%2'")
                           .arg(id, leaving.account.userId))
                     .toInt(),
                 isNew ? 0 : 1);
        QString why;
        QVERIFY2(readerAccepts(client, folder, manager.token(), &why), qPrintable(why));
        if (isNew) {
            ++applied;
            QVERIFY(m_fx->absorbRotation(folder, *rotation));
        } else {
            ++rolledBack;
            // The same rotation goes through once the server is back.
            const ApiResponse again =
                client.post(folder.path(QStringLiteral("/rotation")), rotation->body, manager.token());
            QVERIFY2(again.status == 200, again.raw.constData());
            QVERIFY(m_fx->absorbRotation(folder, *rotation));
        }
        m_client = std::make_unique<ApiClient>(m_server.baseUrl());
        m_fx->useClient(*m_client);
    }
    qInfo("%d rotations applied before the kill, %d rolled back (a whole rotation took %lld ms)", applied,
          rolledBack, fullMs);
    QVERIFY(rolledBack > 0);
}

void TestSharingRotation::bodyLimitPerRoute_data()
{
    QTest::addColumn<QString>("route"); // "rotation" or "items"
    QTest::addColumn<bool>("upperCaseId");
    QTest::addColumn<qint64>("declared");
    QTest::addColumn<bool>("sendBody");
    QTest::addColumn<qint64>("rotationLimit"); // limits/maxRotationBodyBytes, 0: the default
    QTest::addColumn<int>("status");
    const qint64 mib = 1024 * 1024;
    // Past the guard, the rotation route answers the padded body itself: not a rotation.
    QTest::newRow("2 MiB to rotation reaches the route")
        << QStringLiteral("rotation") << false << 2 * mib << true << qint64(0) << 400;
    QTest::newRow("2 MiB to rotation, folder id in upper case, reaches the route")
        << QStringLiteral("rotation") << true << 2 * mib << true << qint64(0) << 404;
    QTest::newRow("2 MiB to items is 413")
        << QStringLiteral("items") << false << 2 * mib << true << qint64(0) << 413;
    QTest::newRow("2 MiB to items, folder id in upper case, is 413")
        << QStringLiteral("items") << true << 2 * mib << true << qint64(0) << 413;
    QTest::newRow("one byte over the rotation limit is 413")
        << QStringLiteral("rotation") << false << 64 * mib + 1 << false << qint64(0) << 413;
    QTest::newRow("over the rotation limit, upper-case id, is 413")
        << QStringLiteral("rotation") << true << 64 * mib + 1 << false << qint64(0) << 413;
    QTest::newRow("lowered rotation limit takes effect")
        << QStringLiteral("rotation") << false << 2 * mib << true << mib + mib / 2 << 413;
}

void TestSharingRotation::bodyLimitPerRoute()
{
    QFETCH(QString, route);
    QFETCH(bool, upperCaseId);
    QFETCH(qint64, declared);
    QFETCH(bool, sendBody);
    QFETCH(qint64, rotationLimit);
    QFETCH(int, status);
    ServerHarness lowered;
    ServerHarness* server = &m_server;
    if (rotationLimit > 0) {
        lowered.setConfig(SharingFixture::serverConfig() +
                          QStringList{QStringLiteral("maxRotationBodyBytes=%1").arg(rotationLimit)});
        QVERIFY(lowered.start(QStringLiteral("TestSharingRotationLowered")));
        server = &lowered;
    }
    const SharingUser manager = m_fx->user("limits");
    SharedFolder folder = m_fx->createFolder(manager);
    QVERIFY(folder.isValid());
    QString id = folder.idText();
    if (upperCaseId)
        id = id.toUpper();
    const QString path = QStringLiteral("/api/v1/folders/%1/%2").arg(id, route);
    const int answered = rawStatus(server->port(), "POST", path, manager.token(), declared,
                                   sendBody ? paddedBody(declared) : QByteArray());
    QCOMPARE(answered, status);
    QCOMPARE(m_client->get(QStringLiteral("/healthz")).status, 200);
}

QTEST_GUILESS_MAIN(TestSharingRotation)
#include "TestSharingRotation.moc"
