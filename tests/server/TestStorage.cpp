// The storage layer on its own, against a real SQLite file or (CONCLAVE_TEST_SERVER_STORAGE=
// postgres) a fresh database in the ctest PostgreSQL cluster: transactions, the one
// migration list (including the conversion of version 1's base64 text to bytes), binary
// columns and precise detection of unique violations.
#include "ServerHarness.h"

#include "server/storage/SchemaMigrations.h"
#include "server/storage/StorageFactory.h"
#include "server/storage/StorageTransaction.h"

#include <QTest>
#include <QUuid>

using namespace Conclave::Server;
using Conclave::Core::ErrorCode;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

UserRecord user(const QString& email)
{
    UserRecord u;
    u.id = newId();
    u.email = email;
    u.name = QStringLiteral("Test");
    u.authKeyHash = QByteArray("\x00\x01\xff hash", 8);
    u.kdfSalt = QByteArray(16, '\x7f');
    u.kdfOps = 3;
    u.kdfMemBytes = 64LL * 1024 * 1024;
    u.wrappedAccountKey = QByteArray("\x00wrapped\x00", 9);
    u.createdAtMs = 1000;
    return u;
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void uniqueViolationIsAlreadyExists_data();
    void uniqueViolationIsAlreadyExists();
    void foreignKeyFailureIsNotAlreadyExists_data();
    void foreignKeyFailureIsNotAlreadyExists();
    void transactionRollsBackWhenLeftUncommitted();
    void transactionCommits();
    void nestedTransactionRefused();
    void binaryValuesStoredAsBytes();
    void versionOneDatabaseMigrates();

private:
    std::unique_ptr<Storage> open();

    std::unique_ptr<ServerHarness> m_harness;
    std::unique_ptr<Storage> m_storage;
};

std::unique_ptr<Storage> TestStorage::open()
{
    auto created = StorageFactory::create(m_harness->storageUrl(), m_harness->storagePassword());
    if (!created)
        return {};
    std::unique_ptr<Storage> storage = std::move(created.value());
    if (auto opened = storage->database().open(); !opened) {
        qWarning("open failed: %s", qPrintable(opened.error().message));
        return {};
    }
    return storage;
}

void TestStorage::init()
{
    m_harness = std::make_unique<ServerHarness>();
    QVERIFY(m_harness->prepareStorage());
    if (QTest::currentTestFunction() != QByteArray("versionOneDatabaseMigrates")) {
        m_storage = open();
        QVERIFY(m_storage);
    }
}

void TestStorage::cleanup()
{
    m_storage.reset();
    m_harness.reset();
}

void TestStorage::uniqueViolationIsAlreadyExists_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("unique column (user email)") << 0;
    QTest::newRow("unique column (session token hash)") << 1;
    QTest::newRow("primary key (organisation id)") << 2;
}

void TestStorage::uniqueViolationIsAlreadyExists()
{
    QFETCH(int, kind);
    const UserRecord u = user(QStringLiteral("dup@example.org"));
    QVERIFY(m_storage->accounts().insertUser(u).ok());
    Conclave::Core::Status second;
    if (kind == 0) {
        UserRecord other = user(u.email);
        second = m_storage->accounts().insertUser(other);
    } else if (kind == 1) {
        const SessionRecord s{newId(), u.id, QByteArray(32, '\x01'), 1, 1};
        QVERIFY(m_storage->sessions().insertSession(s).ok());
        second = m_storage->sessions().insertSession(SessionRecord{newId(), u.id, s.tokenHash, 2, 2});
    } else {
        const OrganisationRecord org{newId(), QStringLiteral("Acme"), 1};
        QVERIFY(m_storage->organisations().insertOrganisation(org).ok());
        second = m_storage->organisations().insertOrganisation(org);
    }
    QVERIFY(!second.ok());
    QCOMPARE(int(second.error().code), int(ErrorCode::AlreadyExists));
}

void TestStorage::foreignKeyFailureIsNotAlreadyExists_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("session of an unknown user") << 0;
    QTest::newRow("verification of an unknown user") << 1;
    QTest::newRow("member of an unknown organisation") << 2;
    QTest::newRow("block in an unknown organisation") << 3;
}

void TestStorage::foreignKeyFailureIsNotAlreadyExists()
{
    QFETCH(int, kind);
    Conclave::Core::Status status;
    switch (kind) {
    case 0:
        status = m_storage->sessions().insertSession(
            SessionRecord{newId(), newId(), QByteArray(32, '\x02'), 1, 1});
        break;
    case 1:
        status = m_storage->verifications().putVerification(
            VerificationRecord{newId(), QByteArray(32, '\x03'), 1, 0});
        break;
    case 2:
        status = m_storage->organisations().putMembership(
            MembershipRecord{newId(), QStringLiteral("a@example.org"), {}, QStringLiteral("member")});
        break;
    default:
        status = m_storage->blocks().insertBlock(
            SharingBlockRecord{newId(), newId(), QStringLiteral("organisation"), {}, {}, 1});
        break;
    }
    QVERIFY(!status.ok());
    QVERIFY2(status.error().code != ErrorCode::AlreadyExists, qPrintable(status.error().message));
    QVERIFY2(!status.error().message.contains(QStringLiteral("exists already")),
             qPrintable(status.error().message));
}

void TestStorage::transactionRollsBackWhenLeftUncommitted()
{
    const UserRecord u = user(QStringLiteral("rollback@example.org"));
    {
        StorageTransaction transaction(m_storage->database());
        QVERIFY(transaction.ok());
        QVERIFY(m_storage->accounts().insertUser(u).ok());
        QVERIFY(m_storage->sessions()
                    .insertSession(SessionRecord{newId(), u.id, QByteArray(32, '\x04'), 1, 1})
                    .ok());
    }
    auto found = m_storage->accounts().userById(u.id);
    QVERIFY(found.ok());
    QVERIFY(!found->has_value());
    auto sessions = m_storage->sessions().sessionsOfUser(u.id);
    QVERIFY(sessions.ok());
    QVERIFY(sessions->isEmpty());
}

void TestStorage::transactionCommits()
{
    const UserRecord u = user(QStringLiteral("commit@example.org"));
    {
        StorageTransaction transaction(m_storage->database());
        QVERIFY(transaction.ok());
        QVERIFY(m_storage->accounts().insertUser(u).ok());
        QVERIFY(transaction.commit().ok());
    }
    auto found = m_storage->accounts().userById(u.id);
    QVERIFY(found.ok() && found->has_value());
}

void TestStorage::nestedTransactionRefused()
{
    const UserRecord outer = user(QStringLiteral("outer@example.org"));
    StorageTransaction transaction(m_storage->database());
    QVERIFY(transaction.ok());
    QVERIFY(m_storage->accounts().insertUser(outer).ok());
    {
        StorageTransaction nested(m_storage->database());
        QVERIFY(!nested.ok());
        QCOMPARE(int(nested.error().code), int(ErrorCode::Internal));
        QVERIFY(!nested.commit().ok());
    }
    // The refused inner scope neither committed nor rolled back the outer one.
    QVERIFY(transaction.commit().ok());
    auto found = m_storage->accounts().userById(outer.id);
    QVERIFY(found.ok() && found->has_value());
}

void TestStorage::binaryValuesStoredAsBytes()
{
    const UserRecord u = user(QStringLiteral("bytes@example.org"));
    QVERIFY(m_storage->accounts().insertUser(u).ok());
    auto found = m_storage->accounts().userById(u.id);
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->authKeyHash, u.authKeyHash);
    QCOMPARE((*found)->wrappedAccountKey, u.wrappedAccountKey);
    QVERIFY((*found)->keyBundle.isEmpty());
    const QString type =
        ServerHarness::usePostgres()
            ? QStringLiteral("SELECT pg_typeof(auth_key_hash)::text FROM users WHERE id = '%1'")
            : QStringLiteral("SELECT typeof(auth_key_hash) FROM users WHERE id = '%1'");
    QCOMPARE(m_harness->sqlValue(type.arg(u.id)).toString(),
             ServerHarness::usePostgres() ? QStringLiteral("bytea") : QStringLiteral("blob"));
    QCOMPARE(m_harness->sqlValue(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
             int(SchemaMigrations::versions().size()));
}

void TestStorage::versionOneDatabaseMigrates()
{
    // A database as version 1 left it: binary values as base64 text.
    const auto dialect = ServerHarness::usePostgres() ? SchemaMigrations::Dialect::Postgres
                                                      : SchemaMigrations::Dialect::Sqlite;
    QVERIFY(m_harness->execSql(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                              "applied_at BIGINT NOT NULL)")));
    for (const SchemaMigrations::Step& step : SchemaMigrations::versions().at(0))
        QVERIFY(m_harness->execSql(SchemaMigrations::expand(step.sql, dialect)));
    QVERIFY(m_harness->execSql(QStringLiteral("INSERT INTO schema_migrations VALUES (1, 0)")));
    const QByteArray hash("\x00\x10\xfe key hash", 11);
    const QByteArray token(32, '\x05');
    const QString userId = newId();
    QVERIFY(m_harness->execSql(
        QStringLiteral(
            "INSERT INTO users (id, email, domain, name, auth_key_hash, kdf_salt, kdf_ops, kdf_mem, "
            "wrapped_account_key, key_bundle, wrapped_private_keys, verified, ever_verified, "
            "created_at) VALUES ('%1', 'old@example.org', 'example.org', 'Old', '%2', '%3', 3, "
            "67108864, '%4', '', '', 1, 1, 5)")
            .arg(userId, QString::fromLatin1(hash.toBase64()),
                 QString::fromLatin1(QByteArray(16, 'S').toBase64()),
                 QString::fromLatin1(QByteArray("wrapped").toBase64()))));
    QVERIFY(m_harness->execSql(QStringLiteral("INSERT INTO sessions VALUES ('s1', '%1', '%2', 1, 2)")
                                   .arg(userId, QString::fromLatin1(token.toBase64()))));

    m_storage = open();
    QVERIFY(m_storage);
    QCOMPARE(m_storage->database().schemaVersion(), int(SchemaMigrations::versions().size()));
    auto found = m_storage->accounts().userByEmail(QStringLiteral("old@example.org"));
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->authKeyHash, hash);
    QCOMPARE((*found)->kdfSalt, QByteArray(16, 'S'));
    QCOMPARE((*found)->wrappedAccountKey, QByteArray("wrapped"));
    QVERIFY((*found)->keyBundle.isEmpty());
    QVERIFY((*found)->verified);
    auto session = m_storage->sessions().sessionByTokenHash(token);
    QVERIFY(session.ok() && session->has_value());
    QCOMPARE((*session)->userId, userId);
    // The rebuilt tables keep their foreign keys (foreignKeyFailureIsNotAlreadyExists runs on
    // a fresh database, which goes through the same rebuild).
}

QTEST_GUILESS_MAIN(TestStorage)
#include "TestStorage.moc"
