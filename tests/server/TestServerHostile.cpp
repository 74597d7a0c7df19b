// What a hostile client tries against conclave-server, one row per variant: invisible Unicode
// format characters in identifiers and names, the Authorization scheme's letter case, a
// session token in a second encoding, an unparsable Content-Length, one identity key on two
// accounts, a wrapped key of the wrong size, key look-ups to enumerate users, and the
// sentences and Retry-After a client is told. The real binary, SQLite or PostgreSQL.
#include "ServerAccounts.h"

#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#if __has_include("core/crypto/UserKeyBundle.h")
#include "core/crypto/KeyWrap.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#define HAVE_USER_KEY_BUNDLE 1
#endif
#include "core/crypto/KdfParams.h"
#include "core/crypto/KeyWrap.h"

using namespace ServerAccounts;

namespace {

// Sends `request` byte for byte and returns the whole answer (the connection is closed).
QByteArray rawExchange(quint16 port, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray answer;
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains('}') || socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    return answer + socket.readAll();
}

QJsonObject signUpBody(const QString& email, const QString& name)
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("name"), name},
            {QStringLiteral("authKey"), b64(randomBytes(32))},
            {QStringLiteral("kdf"), kdf(randomBytes(16))},
            {QStringLiteral("wrappedAccountKey"), b64(ServerAccounts::wrappedAccountKey())}};
}

} // namespace

class TestServerHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void formatCharactersRefused_data();
    void formatCharactersRefused();
    void formatCharactersRefusedByTheCli_data();
    void formatCharactersRefusedByTheCli();
    void bearerSchemeInAnyCase_data();
    void bearerSchemeInAnyCase();
    void tokenInOneEncodingOnly_data();
    void tokenInOneEncodingOnly();
    void unparsableContentLength_data();
    void unparsableContentLength();
    void blockOutsideOrAgainstAdminsRefused_data();
    void blockOutsideOrAgainstAdminsRefused();
    void organisationBlockSparesItsAdmins();
    void identityKeyOnOneAccountOnly();
    void wrappedPrivateKeysExactSize_data();
    void wrappedPrivateKeysExactSize();
    void wrappedAccountKeyExactLayout_data();
    void wrappedAccountKeyExactLayout();
    void kdfLimitsAreCores_data();
    void kdfLimitsAreCores();
    void keyLookupRateLimited();
    void retryAfterCountsDown();
    void expiryMessagesKeepTheirUnit_data();
    void expiryMessagesKeepTheirUnit();

private:
    // Sends `kdf` and `wrapped` where the server takes credentials: "sign-up" (a new account)
    // or "password change" (a fresh signed-in account changing its password).
    ApiResponse sendCredentials(const QString& path, const QJsonObject& kdf, const QByteArray& wrapped);

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_client;
};

ApiResponse TestServerHostile::sendCredentials(const QString& path, const QJsonObject& kdf,
                                               const QByteArray& wrapped)
{
    if (path == QLatin1String("sign-up")) {
        QJsonObject body = signUpBody(uniqueEmail("creds"), QStringLiteral("Credentials"));
        body.insert(QStringLiteral("kdf"), kdf);
        body.insert(QStringLiteral("wrappedAccountKey"), b64(wrapped));
        return m_client->post(QStringLiteral("/api/v1/accounts"), body);
    }
    const TestAccount account = ready(*m_client, m_server, uniqueEmail("creds"));
    if (account.token.isEmpty())
        return {};
    return m_client->put(QStringLiteral("/api/v1/account/password"),
                         {{QStringLiteral("currentAuthKey"), b64(account.authKey)},
                          {QStringLiteral("newAuthKey"), b64(randomBytes(32))},
                          {QStringLiteral("kdf"), kdf},
                          {QStringLiteral("wrappedAccountKey"), b64(wrapped)}},
                         account.token);
}

void TestServerHostile::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                        QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(m_server.start(QStringLiteral("TestServerHostile")));
    m_client = std::make_unique<ApiClient>(m_server.baseUrl());
}

void TestServerHostile::cleanupTestCase()
{
    m_server.stop();
}

void TestServerHostile::formatCharactersRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QChar>("character");
    const QList<QPair<const char*, char16_t>> characters{
        {"U+202E right-to-left override", u'\u202E'},
        {"U+200B zero width space", u'\u200B'},
        {"U+FEFF byte order mark", u'\uFEFF'},
        {"U+2066 left-to-right isolate", u'\u2066'},
        {"U+00AD soft hyphen", u'\u00AD'},
        {"U+200D zero width joiner", u'\u200D'},
        {"U+2028 line separator", u'\u2028'},
    };
    for (const char* field : {"email", "name"}) {
        for (const auto& [label, c] : characters)
            QTest::addRow("%s with %s", field, label) << QString::fromLatin1(field) << QChar(c);
    }
}

void TestServerHostile::formatCharactersRefused()
{
    QFETCH(QString, field);
    QFETCH(QChar, character);
    // "alice<U+202E>gro.elpmaxe@evil.example" would read as someone else's address.
    QString email = uniqueEmail("alice");
    QString name = QStringLiteral("Alice Example");
    if (field == QLatin1String("email"))
        email.insert(3, character);
    else
        name.insert(5, character);
    const ApiResponse r = m_client->post(QStringLiteral("/api/v1/accounts"), signUpBody(email, name));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid-input"));
    QCOMPARE(r.errorField(), field);
    // Nor do such characters pass where an address is only looked up.
    if (field == QLatin1String("email")) {
        const ApiResponse pre =
            m_client->post(QStringLiteral("/api/v1/accounts/prelogin"), {{QStringLiteral("email"), email}});
        QCOMPARE(pre.status, 400);
    }
}

void TestServerHostile::formatCharactersRefusedByTheCli_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString spoof = QStringLiteral("ceo\u202E@example.org");
    QTest::newRow("owner address") << QStringList{QStringLiteral("create-org"), QStringLiteral("--name"),
                                                  QStringLiteral("Acme"), QStringLiteral("--owner"), spoof};
    QTest::newRow("organisation name")
        << QStringList{QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Ac\u200Bme"),
                       QStringLiteral("--owner"), uniqueEmail("ceo")};
}

void TestServerHostile::formatCharactersRefusedByTheCli()
{
    QFETCH(QStringList, arguments);
    QString errors;
    QCOMPARE(m_server.admin(arguments, nullptr, &errors), 1);
    QVERIFY(!errors.isEmpty());
}

void TestServerHostile::bearerSchemeInAnyCase_data()
{
    QTest::addColumn<QByteArray>("scheme");
    QTest::newRow("Bearer") << QByteArray("Bearer");
    QTest::newRow("bearer") << QByteArray("bearer");
    QTest::newRow("BEARER") << QByteArray("BEARER");
    QTest::newRow("bEaReR") << QByteArray("bEaReR");
}

void TestServerHostile::bearerSchemeInAnyCase()
{
    QFETCH(QByteArray, scheme);
    const TestAccount account = ready(*m_client, m_server, uniqueEmail("scheme"));
    QVERIFY(!account.token.isEmpty());
    const ApiResponse r = m_client->raw("GET", QStringLiteral("/api/v1/account"), {}, {},
                                        scheme + ' ' + account.token.toLatin1());
    QCOMPARE(r.status, 200);
}

void TestServerHostile::tokenInOneEncodingOnly_data()
{
    QTest::addColumn<QByteArray>("suffix");
    QTest::newRow("trailing =") << QByteArray("=");
    QTest::newRow("trailing ==") << QByteArray("==");
}

void TestServerHostile::tokenInOneEncodingOnly()
{
    QFETCH(QByteArray, suffix);
    const TestAccount account = ready(*m_client, m_server, uniqueEmail("encoding"));
    QVERIFY(!account.token.isEmpty());
    // The same 32 bytes, padded: one session must have exactly one token string.
    const ApiResponse r = m_client->raw("GET", QStringLiteral("/api/v1/account"), {}, {},
                                        "Bearer " + account.token.toLatin1() + suffix);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("unauthenticated"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/account"), account.token).status, 200);
}

void TestServerHostile::unparsableContentLength_data()
{
    QTest::addColumn<QByteArray>("length");
    QTest::newRow("letters") << QByteArray("abc");
    QTest::newRow("negative") << QByteArray("-5");
    QTest::newRow("exponent") << QByteArray("1e3");
    QTest::newRow("hex") << QByteArray("0x10");
}

void TestServerHostile::unparsableContentLength()
{
    QFETCH(QByteArray, length);
    const QByteArray answer =
        rawExchange(m_server.port(), "POST /api/v1/accounts/prelogin HTTP/1.1\r\nHost: t\r\n"
                                     "Content-Type: application/json\r\nContent-Length: " +
                                         length + "\r\nConnection: close\r\n\r\n{}");
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.left(300).constData());
    QVERIFY(answer.contains("\"invalid-input\""));
    QVERIFY(answer.contains("Content-Length"));
    QVERIFY(!answer.contains("larger than"));
    QCOMPARE(m_client->get(QStringLiteral("/healthz")).status, 200);
}

void TestServerHostile::blockOutsideOrAgainstAdminsRefused_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("value"); // "self", "other-admin", "member" or a literal value
    QTest::addColumn<bool>("withValue");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::newRow("address outside the organisation")
        << QStringLiteral("email") << QStringLiteral("stranger@elsewhere.example") << true << 400
        << QStringLiteral("invalid-input");
    QTest::newRow("domain outside the organisation")
        << QStringLiteral("domain") << QStringLiteral("elsewhere.example") << true << 400
        << QStringLiteral("invalid-input");
    QTest::newRow("value with the organisation scope")
        << QStringLiteral("organisation") << QStringLiteral("elsewhere.example") << true << 400
        << QStringLiteral("invalid-input");
    QTest::newRow("empty value with the organisation scope")
        << QStringLiteral("organisation") << QString() << true << 400 << QStringLiteral("invalid-input");
    QTest::newRow("the admin's own address") << QStringLiteral("email") << QStringLiteral("self") << true
                                             << 403 << QStringLiteral("would-lock-out");
    QTest::newRow("another admin's address") << QStringLiteral("email") << QStringLiteral("other-admin")
                                             << true << 403 << QStringLiteral("would-lock-out");
    QTest::newRow("a member's address (allowed)")
        << QStringLiteral("email") << QStringLiteral("member") << true << 201 << QString();
}

void TestServerHostile::blockOutsideOrAgainstAdminsRefused()
{
    QFETCH(QString, scope);
    QFETCH(QString, value);
    QFETCH(bool, withValue);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com");
    const QString adminEmail = uniqueEmail("admin", domain);
    const QString otherAdmin = uniqueEmail("admin2", domain);
    const QString member = uniqueEmail("member", domain);
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Acme"),
                             QStringLiteral("--owner"), adminEmail},
                            &orgId),
             0);
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--email"), otherAdmin, QStringLiteral("--role"),
                             QStringLiteral("admin")}),
             0);
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--email"), member}),
             0);
    const TestAccount admin = ready(*m_client, m_server, adminEmail);
    QVERIFY(!admin.token.isEmpty());
    QJsonObject body{{QStringLiteral("scope"), scope}};
    if (withValue) {
        body.insert(QStringLiteral("value"), value == QLatin1String("self")          ? adminEmail
                                             : value == QLatin1String("other-admin") ? otherAdmin
                                             : value == QLatin1String("member")      ? member
                                                                                     : value);
    }
    const ApiResponse r = m_client->post(QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks"),
                                         body, admin.token);
    QVERIFY2(r.status == status, r.raw.constData());
    if (!reason.isEmpty()) {
        QCOMPARE(r.errorCode(), reason);
        QCOMPARE(r.errorField(), QStringLiteral("value"));
    }
    // Whatever was refused, the admin still manages the organisation.
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks"), admin.token)
                 .status,
             200);
}

void TestServerHostile::organisationBlockSparesItsAdmins()
{
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com");
    const QString ownerEmail = uniqueEmail("owner", domain);
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Acme"),
                             QStringLiteral("--owner"), ownerEmail},
                            &orgId),
             0);
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--domain"), domain}),
             0);
    const TestAccount owner = ready(*m_client, m_server, ownerEmail);
    const TestAccount member = ready(*m_client, m_server, uniqueEmail("member", domain));
    QVERIFY(!owner.token.isEmpty() && !member.token.isEmpty());
    for (const QString& scope : {QStringLiteral("organisation"), QStringLiteral("domain")}) {
        QJsonObject body{{QStringLiteral("scope"), scope}};
        if (scope == QLatin1String("domain"))
            body.insert(QStringLiteral("value"), domain);
        const ApiResponse r = m_client->post(
            QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks"), body, owner.token);
        QCOMPARE(r.status, 201);
        // The owner (in the blocked domain too) keeps the session, sharing and the blocks.
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/sharing/status"), owner.token).status, 200);
        const ApiResponse blocks =
            m_client->get(QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks"), owner.token);
        QCOMPARE(blocks.status, 200);
        const QString id = r.json.value(QStringLiteral("id")).toString();
        QCOMPARE(
            m_client
                ->del(QStringLiteral("/api/v1/orgs/") + orgId + QStringLiteral("/blocks/") + id, owner.token)
                .status,
            200);
    }
    // The member was covered: signed out.
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/account"), member.token).status, 401);
}

void TestServerHostile::identityKeyOnOneAccountOnly()
{
#ifndef HAVE_USER_KEY_BUNDLE
    QSKIP("core/crypto/UserKeyBundle is not part of this build");
#else
    const TestAccount first = ready(*m_client, m_server, uniqueEmail("keys1"));
    const TestAccount second = ready(*m_client, m_server, uniqueEmail("keys2"));
    QVERIFY(!first.token.isEmpty() && !second.token.isEmpty());
    // One client, one key pair, two accounts: each bundle validly signed and bound to its user.
    const auto keys = Conclave::Core::UserKeys::generate();
    const QByteArray wrapped = wrappedPrivateKeys(first.userId);
    auto publish = [&](const TestAccount& account) {
        const QByteArray bundle =
            Conclave::Core::UserKeyBundle::create(QUuid(account.userId), keys).serialize();
        return m_client->put(
            QStringLiteral("/api/v1/account/keys"),
            {{QStringLiteral("bundle"), b64(bundle)}, {QStringLiteral("wrappedPrivateKeys"), b64(wrapped)}},
            account.token);
    };
    QCOMPARE(publish(first).status, 200);
    const ApiResponse r = publish(second);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(r.errorField(), QStringLiteral("bundle"));
    // The first account may publish its own key again (a new device, the same keys).
    QCOMPARE(publish(first).status, 200);
#endif
}

void TestServerHostile::wrappedPrivateKeysExactSize_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("status");
    // version (1) + nonce (24) + two 32-byte secrets + tag (16): core/crypto/UserKeys::wrap.
    // Every row starts from a real UserKeys::wrap output and is then cut, grown or relabelled.
    const int v = Conclave::Core::KeyWrap::kVersion;
    QTest::newRow("105 bytes, the layout's size") << 105 << v << 200;
    QTest::newRow("105 bytes, version 1") << 105 << 1 << 400;
    QTest::newRow("105 bytes, version 3") << 105 << v + 1 << 400;
    QTest::newRow("104 bytes") << 104 << v << 400;
    QTest::newRow("106 bytes") << 106 << v << 400;
    QTest::newRow("16 bytes") << 16 << v << 400;
    QTest::newRow("16 KiB") << 16384 << v << 400;
}

void TestServerHostile::wrappedPrivateKeysExactSize()
{
#ifndef HAVE_USER_KEY_BUNDLE
    QSKIP("core/crypto/UserKeyBundle is not part of this build");
#else
    QFETCH(int, size);
    QFETCH(int, version);
    QFETCH(int, status);
    const TestAccount account = ready(*m_client, m_server, uniqueEmail("wrapsize"));
    QByteArray wrapped = wrappedPrivateKeys(account.userId);
    wrapped = wrapped.size() >= size ? wrapped.left(size) : wrapped + randomBytes(size - int(wrapped.size()));
    wrapped[0] = char(version);
    const auto keys = Conclave::Core::UserKeys::generate();
    const QByteArray bundle = Conclave::Core::UserKeyBundle::create(QUuid(account.userId), keys).serialize();
    const ApiResponse r = m_client->put(
        QStringLiteral("/api/v1/account/keys"),
        {{QStringLiteral("bundle"), b64(bundle)}, {QStringLiteral("wrappedPrivateKeys"), b64(wrapped)}},
        account.token);
    QCOMPARE(r.status, status);
    if (status == 400)
        QCOMPARE(r.errorField(), QStringLiteral("wrappedPrivateKeys"));
#endif
}

void TestServerHostile::wrappedAccountKeyExactLayout_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("status");
    // version (1) + nonce (24) + the 32-byte account key + tag (16): AccountKeys::wrapAccountKey.
    const int v = Conclave::Core::KeyWrap::kVersion;
    for (const char* path : {"sign-up", "password change"}) {
        const QString p = QString::fromLatin1(path);
        const int ok = p == QLatin1String("sign-up") ? 201 : 200;
        QTest::addRow("%s: 73 bytes, the layout's size", path) << p << 73 << v << ok;
        QTest::addRow("%s: 72 bytes", path) << p << 72 << v << 400;
        QTest::addRow("%s: 74 bytes", path) << p << 74 << v << 400;
        QTest::addRow("%s: 73 bytes, version 1", path) << p << 73 << 1 << 400;
        QTest::addRow("%s: 16 bytes", path) << p << 16 << v << 400;
        QTest::addRow("%s: 16 KiB", path) << p << 16384 << v << 400;
    }
}

void TestServerHostile::wrappedAccountKeyExactLayout()
{
    QFETCH(QString, path);
    QFETCH(int, size);
    QFETCH(int, version);
    QFETCH(int, status);
    QByteArray wrapped = wrappedAccountKey();
    wrapped = wrapped.size() >= size ? wrapped.left(size) : wrapped + randomBytes(size - int(wrapped.size()));
    wrapped[0] = char(version);
    const ApiResponse r = sendCredentials(path, kdf(randomBytes(16)), wrapped);
    QCOMPARE(r.status, status);
    if (status == 400)
        QCOMPARE(r.errorField(), QStringLiteral("wrappedAccountKey"));
}

void TestServerHostile::kdfLimitsAreCores_data()
{
    using Conclave::Core::KdfParams;
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("ops");
    QTest::addColumn<qint64>("mem");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    // The bounds are core's (core/crypto/KdfParams.h): 64 and 65 are written out so a change
    // of either definition shows here.
    const qint64 minOps = qint64(KdfParams::kMinOpsLimit);
    const qint64 minMem = qint64(KdfParams::kMinMemLimit);
    const qint64 maxMem = qint64(KdfParams::kMaxMemLimit);
    for (const char* path : {"sign-up", "password change"}) {
        const QString p = QString::fromLatin1(path);
        const int ok = p == QLatin1String("sign-up") ? 201 : 200;
        QTest::addRow("%s: ops 64", path) << p << qint64(64) << minMem << ok << QString();
        QTest::addRow("%s: ops 65", path)
            << p << qint64(65) << minMem << 400 << QStringLiteral("kdf.opsLimit");
        QTest::addRow("%s: ops 3", path) << p << qint64(3) << minMem << ok << QString();
        QTest::addRow("%s: ops 2", path) << p << qint64(2) << minMem << 400 << QStringLiteral("kdf.opsLimit");
        QTest::addRow("%s: mem 4 GiB", path) << p << minOps << maxMem << ok << QString();
        QTest::addRow("%s: mem 4 GiB + 1", path)
            << p << minOps << maxMem + 1 << 400 << QStringLiteral("kdf.memLimitBytes");
        QTest::addRow("%s: mem 64 MiB - 1", path)
            << p << minOps << minMem - 1 << 400 << QStringLiteral("kdf.memLimitBytes");
    }
}

void TestServerHostile::kdfLimitsAreCores()
{
    QFETCH(QString, path);
    QFETCH(qint64, ops);
    QFETCH(qint64, mem);
    QFETCH(int, status);
    QFETCH(QString, field);
    const QJsonObject params{{QStringLiteral("salt"), b64(randomBytes(16))},
                             {QStringLiteral("opsLimit"), ops},
                             {QStringLiteral("memLimitBytes"), mem}};
    const ApiResponse r = sendCredentials(path, params, wrappedAccountKey());
    QCOMPARE(r.status, status);
    if (status == 400)
        QCOMPARE(r.errorField(), field);
}

void TestServerHostile::keyLookupRateLimited()
{
    ServerHarness server;
    server.setConfig({QStringLiteral("[limits]"), QStringLiteral("lookupPerAccount=3"),
                      QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(server.start(QStringLiteral("TestServerHostile-lookup")));
    ApiClient client(server.baseUrl());
    const TestAccount account = ready(client, server, uniqueEmail("enumerator"));
    QVERIFY(!account.token.isEmpty());
    // Guessing addresses: every look-up counts, found or not.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(client
                     .post(QStringLiteral("/api/v1/keys/lookup"),
                           {{QStringLiteral("email"), uniqueEmail("guess")}}, account.token)
                     .status,
                 404);
    }
    const ApiResponse r = client.post(QStringLiteral("/api/v1/keys/lookup"),
                                      {{QStringLiteral("email"), uniqueEmail("guess")}}, account.token);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), QStringLiteral("rate-limited"));
    QVERIFY(r.header("Retry-After").toInt() > 0);
}

void TestServerHostile::retryAfterCountsDown()
{
    ServerHarness server;
    server.setConfig({QStringLiteral("[limits]"), QStringLiteral("windowSeconds=900"),
                      QStringLiteral("loginPerAccount=1"), QStringLiteral("signupPerAddress=10000"),
                      QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(server.start(QStringLiteral("TestServerHostile-retry")));
    ApiClient client(server.baseUrl());
    TestAccount account = ready(client, server, uniqueEmail("retry"));
    QVERIFY(!account.token.isEmpty());
    const QJsonObject wrong{{QStringLiteral("email"), account.email},
                            {QStringLiteral("authKey"), b64(randomBytes(32))}};
    QCOMPARE(client.post(QStringLiteral("/api/v1/sessions"), wrong).status, 401);
    ApiResponse r = client.post(QStringLiteral("/api/v1/sessions"), wrong);
    QCOMPARE(r.status, 429);
    const int first = r.header("Retry-After").toInt();
    QVERIFY2(first > 890 && first <= 900, r.header("Retry-After").constData());
    // Five minutes later the wait is five minutes shorter, and the sentence says the same.
    server.advanceClock(300 * 1000);
    r = client.post(QStringLiteral("/api/v1/sessions"), wrong);
    QCOMPARE(r.status, 429);
    const int later = r.header("Retry-After").toInt();
    QVERIFY2(later > 590 && later <= 600, r.header("Retry-After").constData());
    QVERIFY2(r.errorMessage().contains(QString::number(later) + QStringLiteral(" seconds")) ||
                 r.errorMessage().contains(QStringLiteral("10 minutes")),
             qPrintable(r.errorMessage()));
}

void TestServerHostile::expiryMessagesKeepTheirUnit_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("idle limit of 3 s")
        << QStringLiteral("idleTimeoutSeconds") << 3 << QStringLiteral("3 seconds");
    QTest::newRow("absolute limit of 8 s")
        << QStringLiteral("absoluteTimeoutSeconds") << 8 << QStringLiteral("8 seconds");
    QTest::newRow("idle limit of 60 s")
        << QStringLiteral("idleTimeoutSeconds") << 60 << QStringLiteral("1 minute");
    QTest::newRow("absolute limit of 120 s")
        << QStringLiteral("absoluteTimeoutSeconds") << 120 << QStringLiteral("2 minutes");
}

void TestServerHostile::expiryMessagesKeepTheirUnit()
{
    QFETCH(QString, setting);
    QFETCH(int, seconds);
    QFETCH(QString, expected);
    ServerHarness server;
    server.setConfig({QStringLiteral("[limits]"), setting + QLatin1Char('=') + QString::number(seconds),
                      QStringLiteral("signupPerAddress=10000"), QStringLiteral("verifyPerAddress=10000")});
    QVERIFY(server.start(QStringLiteral("TestServerHostile-expiry")));
    ApiClient client(server.baseUrl());
    const TestAccount account = ready(client, server, uniqueEmail("expiry"));
    QVERIFY(!account.token.isEmpty());
    server.advanceClock(qint64(seconds) * 1000 + 1000);
    const ApiResponse r = client.get(QStringLiteral("/api/v1/account"), account.token);
    QCOMPARE(r.status, 401);
    QVERIFY2(r.errorMessage().contains(expected), qPrintable(r.errorMessage()));
    QVERIFY2(!r.errorMessage().contains(QStringLiteral("(s)")), qPrintable(r.errorMessage()));
}

QTEST_GUILESS_MAIN(TestServerHostile)
#include "TestServerHostile.moc"
