// gzip for the answers that may be compressed, against the real conclave-server: which routes
// (item pages, one item, the membership log, key grants; no other answer), which
// Accept-Encoding values (each letter case, q values, `*`), the same JSON once inflated, and
// nothing below the size where it pays.
// Requests go over a raw socket, so the headers are the server's own.
#include "Gunzip.h"
#include "ServerHarness.h"
#include "SharingFixture.h"

#include "server/http/HttpCompression.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Conclave::Server;
using Conclave::Core::FolderRole;

namespace {

constexpr int kWaitMs = 10'000;

struct RawAnswer
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace

class TestServerCompression : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void acceptEncoding_data();
    void acceptEncoding();
    void gzipRoundTrip();
    void routes_data();
    void routes();

private:
    RawAnswer get(const QString& path, const QByteArray& acceptEncoding);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SharingFixture> m_fx;
    SharingUser m_alice;
    SharedFolder m_folder;
    QUuid m_item;
};

void TestServerCompression::initTestCase()
{
    m_server.setConfig(SharingFixture::serverConfig());
    QVERIFY(m_server.start(QStringLiteral("TestServerCompression")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
    m_fx = std::make_unique<SharingFixture>(m_server, *m_client);
    QVERIFY(m_fx->setUp());
    m_alice = m_fx->user("alice");
    QVERIFY(m_alice.isValid());
    m_folder = m_fx->createFolder(m_alice);
    QVERIFY(m_folder.isValid());
    SharingUser bob = m_fx->user("bob");
    QVERIFY(bob.isValid());
    QCOMPARE(m_fx->addMember(m_folder, m_alice, bob, FolderRole::Edit).status, 201);
    m_item = QUuid::createUuid();
    QCOMPARE(m_fx->writeItem(m_folder, m_alice, m_item, QByteArray(600, 'x')).status, 201);
    QCOMPARE(m_fx->writeItem(m_folder, m_alice, QUuid::createUuid(), "second").status, 201);
    // Key versions 1 to 3: alice's grants come to more than the size where gzip starts.
    QCOMPARE(m_fx->rotate(m_folder, m_alice).status, 200);
    QCOMPARE(m_fx->rotate(m_folder, m_alice).status, 200);
}

void TestServerCompression::cleanupTestCase()
{
    m_fx.reset();
    m_client.reset();
    m_server.stop();
}

RawAnswer TestServerCompression::get(const QString& path, const QByteArray& acceptEncoding)
{
    RawAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    if (!socket.waitForConnected(kWaitMs))
        return answer;
    QByteArray request = "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                         m_alice.token().toLatin1() + "\r\n";
    if (!acceptEncoding.isNull())
        request += "Accept-Encoding: " + acceptEncoding + "\r\n";
    socket.write(request + "\r\n");
    QByteArray raw;
    qsizetype headEnd = -1;
    qsizetype length = -1;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kWaitMs) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(kWaitMs - int(timer.elapsed())))
            break;
        raw += socket.readAll();
        if (headEnd < 0 && (headEnd = raw.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = raw.left(headEnd).split('\n');
            answer.status = lines.first().split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                answer.headers.append(
                    {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
            }
            length = answer.header("Content-Length").toLongLong();
        }
        if (headEnd >= 0 && raw.size() >= headEnd + 4 + length) {
            answer.body = raw.mid(headEnd + 4, length);
            return answer;
        }
    }
    answer.status = 0;
    return answer;
}

void TestServerCompression::acceptEncoding_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("gzip") << QByteArray("gzip") << true;
    QTest::newRow("GZIP") << QByteArray("GZIP") << true;
    QTest::newRow("Gzip with spaces") << QByteArray("  Gzip  ") << true;
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
    QTest::newRow("Qt's list") << QByteArray("zstd, br, gzip, deflate") << true;
    QTest::newRow("with a q value") << QByteArray("deflate, gzip;q=0.5") << true;
    QTest::newRow("Q=1 in capitals") << QByteArray("gzip;Q=1") << true;
    QTest::newRow("q=0") << QByteArray("gzip;q=0") << false;
    QTest::newRow("q=0.000") << QByteArray("gzip; q=0.000") << false;
    QTest::newRow("q unreadable") << QByteArray("gzip;q=high") << false;
    QTest::newRow("q above 1") << QByteArray("gzip;q=2") << false;
    QTest::newRow("star") << QByteArray("*") << true;
    QTest::newRow("star refused") << QByteArray("*;q=0") << false;
    QTest::newRow("gzip refused, star accepted") << QByteArray("gzip;q=0, *") << false;
    QTest::newRow("identity") << QByteArray("identity") << false;
    QTest::newRow("deflate only") << QByteArray("deflate, br") << false;
    QTest::newRow("a longer name") << QByteArray("gzipped") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestServerCompression::acceptEncoding()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, gzip);
    QCOMPARE(acceptsGzip(value), gzip);
}

void TestServerCompression::gzipRoundTrip()
{
    for (const QByteArray& data : {QByteArray(), QByteArray("{}"), QByteArray(100'000, 'a'),
                                   QByteArray::fromHex("00ff10ee").repeated(5000)}) {
        const QByteArray packed = Conclave::Server::gzip(data);
        QVERIFY(!packed.isEmpty());
        QVERIFY(packed.startsWith("\x1f\x8b"));
        QCOMPARE(gunzip(packed).value_or(QByteArray("not gzip")), data);
    }
}

void TestServerCompression::routes_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<bool>("compressed");
    // The routes whose answers may be compressed, each with and without gzip accepted.
    const QStringList compressible{QStringLiteral("items"), QStringLiteral("item"), QStringLiteral("log"),
                                   QStringLiteral("grants")};
    for (const QString& route : compressible) {
        QTest::addRow("%s, gzip", qPrintable(route)) << route << QByteArray("gzip") << true;
        QTest::addRow("%s, GZIP", qPrintable(route)) << route << QByteArray("GZIP") << true;
        QTest::addRow("%s, q=0", qPrintable(route)) << route << QByteArray("gzip;q=0") << false;
        QTest::addRow("%s, identity", qPrintable(route)) << route << QByteArray("identity") << false;
        QTest::addRow("%s, no header", qPrintable(route)) << route << QByteArray() << false;
    }
    // Other answers are not compressed however large (the feed and the folder's detail here).
    for (const QString& route : {QStringLiteral("feed"), QStringLiteral("folder")})
        QTest::addRow("%s, gzip", qPrintable(route)) << route << QByteArray("gzip") << false;
    // Below the size where gzip pays.
    QTest::newRow("a small item page, gzip") << QStringLiteral("small") << QByteArray("gzip") << false;
}

void TestServerCompression::routes()
{
    QFETCH(QString, route);
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(bool, compressed);
    const QString folder = m_folder.path();
    const QHash<QString, QString> paths{
        {QStringLiteral("items"), folder + QStringLiteral("/items")},
        {QStringLiteral("item"), folder + QStringLiteral("/items/") + m_item.toString(QUuid::WithoutBraces)},
        {QStringLiteral("log"), folder + QStringLiteral("/log")},
        {QStringLiteral("grants"), folder + QStringLiteral("/grants")},
        {QStringLiteral("feed"), QStringLiteral("/api/v1/feed")},
        {QStringLiteral("folder"), folder},
    };
    QString path = paths.value(route);
    if (route == QLatin1String("small")) {
        // Items since the current state: the state alone.
        const RawAnswer page = get(paths.value(QStringLiteral("items")), QByteArray());
        const qint64 sequence = QJsonDocument::fromJson(page.body)
                                    .object()
                                    .value(QStringLiteral("state"))
                                    .toObject()
                                    .value(QStringLiteral("sequence"))
                                    .toInteger();
        QVERIFY(sequence > 0);
        path = folder + QStringLiteral("/items?sinceState=") + QString::number(sequence);
    }
    const RawAnswer plain = get(path, QByteArray());
    QCOMPARE(plain.status, 200);
    QVERIFY(plain.header("Content-Encoding").isEmpty());
    QVERIFY(QJsonDocument::fromJson(plain.body).isObject());
    const RawAnswer answer = get(path, acceptEncoding);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Content-Encoding"), compressed ? QByteArray("gzip") : QByteArray());
    // Each row says what it is about: the small page is small, every other answer large.
    QCOMPARE(plain.body.size() < kCompressFromBytes, route == QLatin1String("small"));
    if (!compressed)
        return;
    QVERIFY2(answer.body.size() < plain.body.size(),
             qPrintable(QStringLiteral("%1 of %2").arg(answer.body.size()).arg(plain.body.size())));
    // The same JSON (an item page read twice is the same page).
    QCOMPARE(QJsonDocument::fromJson(gunzip(answer.body).value_or(QByteArray())),
             QJsonDocument::fromJson(plain.body));
}

QTEST_GUILESS_MAIN(TestServerCompression)
#include "TestServerCompression.moc"
