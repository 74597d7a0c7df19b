// Tests that what members type into shared folders never leaves their computers in a readable
// form (DESIGN §4, §6; protocol.md §1 "What the server never learns"): two real clients write
// a folder name, connection names, hosts, notes and an SSH host (items as the shared-item JSON
// of the sharing chapter) through TamperingProxy, which records every byte on the wire, to the
// real server; each member's user name and password for the shared connection go only to the
// keychain (gnome-keyring) under "shared/<folder>/<item>/<user|password>". Every planted value
// is a unique marker, searched for as text, as UTF-16, as hex and as base64 at every
// alignment in: the server's data folder (SQLite database, -wal, -shm and every other file),
// a pg_dump of its PostgreSQL database (the Postgres run), the server's logs, the recorded
// traffic, and each client's SQLite cache (which holds envelopes only).
#include "SharingDevice.h"
#include "SharingTeam.h"
#include "TamperingProxy.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Conclave::Core;

namespace {

const char* const kPasswordA = "ada's long password";
const char* const kPasswordB = "bob's long password";

QByteArray marker(const char* what)
{
    return QByteArray("Mk") + what + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

// The marker in every encoding a careless implementation might put it on disk or the wire.
bool contains(const QByteArray& haystack, const QByteArray& marker)
{
    if (haystack.contains(marker) || haystack.contains(marker.toHex()))
        return true;
    const QString text = QString::fromLatin1(marker);
    if (haystack.contains(QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2)))
        return true;
    for (int shift = 0; shift < 3; ++shift) {
        // The middle of the base64 text does not depend on what surrounds the marker.
        const QByteArray padded = QByteArray(shift, '\0') + marker;
        for (const auto option : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            // The first and last groups of four mix in the neighbouring bytes: left out.
            const QByteArray encoded = padded.toBase64(option | QByteArray::OmitTrailingEquals);
            const QByteArray middle = encoded.mid(4, encoded.size() - 8);
            if (middle.size() >= 8 && haystack.contains(middle))
                return true;
        }
    }
    return false;
}

QByteArray item(const QUuid& author, const QByteArray& name, const QByteArray& host, const QByteArray& notes,
                const QByteArray& sshHost)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QJsonObject fields{
        {QStringLiteral("name"), QString::fromLatin1(name)},
        {QStringLiteral("kind"), QStringLiteral("postgresql")},
        {QStringLiteral("hosts"), QJsonArray{QString(QString::fromLatin1(host) + QStringLiteral(":5432"))}},
        {QStringLiteral("defaultDatabase"), QStringLiteral("app")},
        {QStringLiteral("notes"), QString::fromLatin1(notes)},
        {QStringLiteral("ssh"), QJsonObject{{QStringLiteral("enabled"), true},
                                            {QStringLiteral("host"), QString::fromLatin1(sshHost)},
                                            {QStringLiteral("port"), 22},
                                            {QStringLiteral("auth"), QStringLiteral("password")}}},
        {QStringLiteral("group"), QString()},
    };
    const QJsonObject json{{QStringLiteral("format"), QStringLiteral("conclave.connection")},
                           {QStringLiteral("v"), 1},
                           {QStringLiteral("createdBy"), author.toString(QUuid::WithoutBraces)},
                           {QStringLiteral("createdAt"), now},
                           {QStringLiteral("changedAt"), now},
                           {QStringLiteral("fields"), fields}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file below `directory`, each prefixed by its name.
QByteArray treeBytes(const QString& directory, int* files = nullptr)
{
    QByteArray bytes;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        bytes += path.toUtf8() + '\n' + readAll(path);
        if (files)
            ++*files;
    }
    return bytes;
}

} // namespace

class TestSharingSecrecy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void plantedValuesAreAbsent_data();
    void plantedValuesAreAbsent();

private:
    bool keychainWrite(const QString& key, const QByteArray& value);
    std::optional<QByteArray> keychainRead(const QString& key);
    QByteArray pgDump();

    SharingTeam m_team;
    std::unique_ptr<TamperingProxy> m_proxy;
    QTemporaryDir m_dirA;
    QTemporaryDir m_dirB;
    std::unique_ptr<SharingDevice> m_a;
    std::unique_ptr<SharingDevice> m_b;
    QMap<QString, QByteArray> m_markers; // what -> marker
};

bool TestSharingSecrecy::keychainWrite(const QString& key, const QByteArray& value)
{
    auto* job = new QKeychain::WritePasswordJob(QStringLiteral("Conclave"));
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(value);
    std::optional<bool> ok;
    QObject context;
    connect(job, &QKeychain::Job::finished, &context,
            [&ok](QKeychain::Job* done) { ok = done->error() == QKeychain::NoError; });
    job->start();
    return QTest::qWaitFor([&] { return ok.has_value(); }, 20'000) && *ok;
}

std::optional<QByteArray> TestSharingSecrecy::keychainRead(const QString& key)
{
    auto* job = new QKeychain::ReadPasswordJob(QStringLiteral("Conclave"));
    job->setAutoDelete(true);
    job->setKey(key);
    std::optional<QByteArray> value;
    bool finished = false;
    QObject context;
    connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job* done) {
        finished = true;
        if (done->error() == QKeychain::NoError)
            value = static_cast<QKeychain::ReadPasswordJob*>(done)->binaryData();
    });
    job->start();
    if (!QTest::qWaitFor([&] { return finished; }, 20'000))
        return std::nullopt;
    return value;
}

QByteArray TestSharingSecrecy::pgDump()
{
    QProcess dump;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QFile file(QStringLiteral(CONCLAVE_BINARY_DIR "/test-services/postgres/postgres.env"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                env.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
        }
    }
    env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(m_team.server().storagePassword()));
    dump.setProcessEnvironment(env);
    // The password travels in the environment, never on the command line.
    dump.start(QStringLiteral("pg_dump"), {QStringLiteral("--data-only"), QStringLiteral("--inserts"),
                                           QStringLiteral("--dbname=") + m_team.server().storageUrl()});
    if (!dump.waitForFinished(60'000) || dump.exitCode() != 0) {
        qWarning("pg_dump failed: %s", dump.readAllStandardError().constData());
        return {};
    }
    return dump.readAllStandardOutput();
}

void TestSharingSecrecy::initTestCase()
{
    QVERIFY(m_team.start(QStringLiteral("TestSharingSecrecy")));
    m_proxy = std::make_unique<TamperingProxy>(m_team.url());
    QVERIFY(m_proxy->listen());
    const QString emailA = m_team.email("ada");
    const QString emailB = m_team.email("bob");
    QVERIFY(m_team.signUp(emailA, kPasswordA));
    QVERIFY(m_team.signUp(emailB, kPasswordB));
    // Both clients talk to the server through the recording proxy.
    m_a = std::make_unique<SharingDevice>(m_proxy->url(), m_dirA.path());
    m_b = std::make_unique<SharingDevice>(m_proxy->url(), m_dirB.path());
    QVERIFY(SharingTeam::signIn(*m_a, emailA, kPasswordA));
    QVERIFY(SharingTeam::signIn(*m_b, emailB, kPasswordB));

    for (const char* what : {"folderName", "connectionName", "host", "notes", "sshHost", "userNameA",
                             "passwordA", "userNameB", "passwordB", "editedName", "secondName", "secondHost"})
        m_markers.insert(QString::fromLatin1(what), marker(what));

    const auto folder = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.createFolder(m_team.orgId(),
                                 QString::fromLatin1(m_markers.value(QStringLiteral("folderName"))), c, done);
    });
    E2E_VERIFY_OK(folder);
    const QUuid folderId = folder->value();
    QVERIFY(SharingTeam::addMember(*m_a, folderId, *m_b, emailB, FolderRole::Edit));

    const QUuid userA = m_a->client.account().userId;
    const QUuid userB = m_b->client.account().userId;
    const auto written = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_a->engine.writeItem(folderId, {},
                              item(userA, m_markers.value(QStringLiteral("connectionName")),
                                   m_markers.value(QStringLiteral("host")),
                                   m_markers.value(QStringLiteral("notes")),
                                   m_markers.value(QStringLiteral("sshHost"))),
                              c, done);
    });
    E2E_VERIFY_OK(written);
    const QUuid itemId = written->value();

    // Each member's own credentials for the shared connection: the keychain only.
    const QString prefix =
        QStringLiteral("shared/%1/%2/")
            .arg(folderId.toString(QUuid::WithoutBraces), itemId.toString(QUuid::WithoutBraces));
    QVERIFY(keychainWrite(prefix + QStringLiteral("user"), m_markers.value(QStringLiteral("userNameA"))));
    QVERIFY(keychainWrite(prefix + QStringLiteral("password"), m_markers.value(QStringLiteral("passwordA"))));

    const auto synced = await([&](QObject* c, auto done) { m_b->engine.sync(c, done); });
    E2E_VERIFY_OK(synced);
    const QByteArray received = plainText(m_b->engine.itemPlaintext(folderId, itemId));
    QVERIFY(received.contains(m_markers.value(QStringLiteral("host"))));
    QCOMPARE(m_b->engine.folderName(folderId),
             QString::fromLatin1(m_markers.value(QStringLiteral("folderName"))));
    QVERIFY(keychainWrite(prefix + QStringLiteral("user"), m_markers.value(QStringLiteral("userNameB"))));
    QVERIFY(keychainWrite(prefix + QStringLiteral("password"), m_markers.value(QStringLiteral("passwordB"))));
    QCOMPARE(keychainRead(prefix + QStringLiteral("password")), m_markers.value(QStringLiteral("passwordB")));

    // B edits the connection and adds one of its own; A reads both.
    const auto edited = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.writeItem(folderId, itemId,
                              item(userA, m_markers.value(QStringLiteral("editedName")),
                                   m_markers.value(QStringLiteral("host")),
                                   m_markers.value(QStringLiteral("notes")),
                                   m_markers.value(QStringLiteral("sshHost"))),
                              c, done);
    });
    E2E_VERIFY_OK(edited);
    const auto second = awaitResult<QUuid>([&](QObject* c, auto done) {
        m_b->engine.writeItem(folderId, {},
                              item(userB, m_markers.value(QStringLiteral("secondName")),
                                   m_markers.value(QStringLiteral("secondHost")), "-", "-"),
                              c, done);
    });
    E2E_VERIFY_OK(second);
    const auto back = await([&](QObject* c, auto done) { m_a->engine.sync(c, done); });
    E2E_VERIFY_OK(back);
    QVERIFY(plainText(m_a->engine.itemPlaintext(folderId, second->value()))
                .contains(m_markers.value(QStringLiteral("secondHost"))));
    QVERIFY(m_proxy->traffic().size() > 10'000);
}

void TestSharingSecrecy::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_proxy.reset();
    m_team.stop();
}

void TestSharingSecrecy::plantedValuesAreAbsent_data()
{
    QTest::addColumn<QString>("place");
    QTest::newRow("server data folder (database, -wal, -shm, all files)") << "data";
    QTest::newRow("server database dump (PostgreSQL)") << "pg_dump";
    QTest::newRow("server logs") << "logs";
    QTest::newRow("traffic between clients and server") << "traffic";
    QTest::newRow("client A's cache") << "cacheA";
    QTest::newRow("client B's cache") << "cacheB";
}

void TestSharingSecrecy::plantedValuesAreAbsent()
{
    QFETCH(QString, place);
    QByteArray haystack;
    int files = 0;
    if (place == QLatin1String("data")) {
        haystack = treeBytes(m_team.server().dataDir(), &files);
        QVERIFY(files > 0);
    } else if (place == QLatin1String("pg_dump")) {
        if (!ServerHarness::usePostgres())
            QSKIP("the server runs on SQLite in this run (the Postgres run checks the dump)");
        haystack = pgDump();
        QVERIFY(haystack.contains("INSERT INTO"));
    } else if (place == QLatin1String("logs")) {
        haystack = m_team.server().logText().toUtf8() + treeBytes(m_team.server().logDir());
        QVERIFY(!haystack.isEmpty());
    } else if (place == QLatin1String("traffic")) {
        haystack = m_proxy->traffic();
    } else {
        const QString dir = place == QLatin1String("cacheA") ? m_dirA.path() : m_dirB.path();
        const QStringList caches =
            QDir(dir).entryList({QStringLiteral("sync-*.sqlite*")}, QDir::Files | QDir::Hidden);
        QVERIFY(!caches.isEmpty());
        for (const QString& name : caches)
            haystack += readAll(QDir(dir).filePath(name));
        // The cache does hold the envelopes: the check reads the right file.
        QVERIFY(haystack.size() > 4096);
    }
    // The search itself finds a marker that is there.
    QVERIFY(contains(QByteArray("x") + m_markers.first() + "y", m_markers.first()));
    QVERIFY(contains(QByteArray(QByteArray("ab") + m_markers.first()).toBase64(), m_markers.first()));
    for (auto it = m_markers.cbegin(); it != m_markers.cend(); ++it)
        QVERIFY2(!contains(haystack, it.value()),
                 qPrintable(it.key() + QStringLiteral(" found in ") + place));
}

QTEST_GUILESS_MAIN(TestSharingSecrecy)
#include "TestSharingSecrecy.moc"
