// Tests AccountClient against the real conclave-server: sign up, verify by the outbox code,
// sign in (keys unlocked and published), a wrong password, the rate limit with its time, a
// sharing block with the admin's reason, a second device unlocking the same keys, a password
// change used from another device, revoking a session, sign-out revoking the token, KDF
// parameters below the floor or below the last ones accepted refused before any Argon2id run,
// and another account's bundle or wrapped keys handed out by a hostile server refused.
#include "ApiClient.h"
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/AccountKeys.h"

#include <QSignalSpy>
#include <QTest>

using namespace Conclave::Core;

namespace {

SecureBytes pw(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

} // namespace

class TestAccountClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signUpVerifySignIn();
    void unverifiedSignInAsksForTheCode();
    void wrongPassword();
    void wrongVerificationCode();
    void rateLimitedSaysWhen();
    void blockedShowsTheReason();
    void secondDeviceUnlocksTheSameKeys();
    void changedPasswordWorksOnAnotherDevice();
    void revokeAnotherSession();
    void signOutRevokesTheToken();
    void refusesWeakKdf_data();
    void refusesWeakKdf();
    void offlineSaysSo();
    void refusesSwappedKeys_data();
    void refusesSwappedKeys();

private:
    // Signs up and verifies `email` through `device`; false on any failure.
    bool createAccount(SyncFixture& device, const QString& email, const char* password);
    Status signIn(SyncFixture& device, const QString& email, const char* password);

    ServerHarness m_server;
    QUrl m_url;
};

void TestAccountClient::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAccount=3"),
                        QStringLiteral("loginPerAddress=10000"), QStringLiteral("signupPerAddress=10000"),
                        QStringLiteral("verifyPerAddress=10000"), QStringLiteral("resendPerAccount=100")});
    QVERIFY(m_server.start(QStringLiteral("TestAccountClient")));
    m_url = QUrl(m_server.baseUrl());
}

void TestAccountClient::cleanupTestCase()
{
    m_server.stop();
}

bool TestAccountClient::createAccount(SyncFixture& device, const QString& email, const char* password)
{
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Test User"), pw(password), c, done);
    });
    if (!made || !made->ok()) {
        qWarning("sign-up failed: %s", made ? qPrintable(made->error().message) : "timeout");
        return false;
    }
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

Status TestAccountClient::signIn(SyncFixture& device, const QString& email, const char* password)
{
    const auto result =
        await([&](QObject* c, auto done) { device.client.signIn(email, pw(password), c, done); });
    if (!result)
        return Error::make(ErrorCode::Timeout, QStringLiteral("no answer"));
    return *result;
}

void TestAccountClient::signUpVerifySignIn()
{
    SyncFixture device(m_url);
    const QString email = ServerAccounts::uniqueEmail("signup");
    QVERIFY(createAccount(device, email, "correct horse battery"));
    QVERIFY(!device.client.isSignedIn());

    QSignalSpy signedIn(&device.client, &AccountClient::signedIn);
    const Status status = signIn(device, email, "correct horse battery");
    QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(device.client.isSignedIn());
    QVERIFY(device.client.holdsKeys());
    QCOMPARE(device.client.accountKey().size(), std::size_t(AccountKeys::kKeySize));
    QVERIFY(device.client.userKeys());
    QCOMPARE(device.client.account().email, email.toLower());
    QVERIFY(device.client.account().verified);
    QVERIFY(device.client.account().sharingAllowed);
    QVERIFY(device.client.account().sharingProblem.isEmpty());

    // The key bundle was published at the first sign-in: another user can look it up.
    ApiClient other(m_server.baseUrl());
    TestAccount looker = ServerAccounts::ready(other, m_server, ServerAccounts::uniqueEmail("looker"));
    const ApiResponse lookup =
        other.post(QStringLiteral("/api/v1/keys/lookup"), {{QStringLiteral("email"), email}}, looker.token);
    QCOMPARE(lookup.status, 200);
    const QByteArray bundle =
        QByteArray::fromBase64(lookup.json.value(QStringLiteral("bundle")).toString().toLatin1());
    QVERIFY(bundle.contains(device.client.userKeys()->identityPublicKey()));
}

void TestAccountClient::unverifiedSignInAsksForTheCode()
{
    SyncFixture device(m_url);
    const QString email = ServerAccounts::uniqueEmail("unverified");
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Test User"), pw("unverified password"), c, done);
    });
    QVERIFY(made && made->ok());
    QSignalSpy needed(&device.client, &AccountClient::verificationNeeded);
    const Status status = signIn(device, email, "unverified password");
    QVERIFY(!status.ok());
    QCOMPARE(status.error().field, QStringLiteral("email"));
    QVERIFY(status.error().message.contains(QStringLiteral("not verified")));
    QCOMPARE(needed.count(), 1);
    QVERIFY(!device.client.isSignedIn());
    QVERIFY(device.client.accountKey().isEmpty());

    // After the code, the same client signs in and publishes the keys it made at sign-up.
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    QVERIFY(verified && verified->ok());
    QVERIFY(signIn(device, email, "unverified password").ok());
}

void TestAccountClient::wrongPassword()
{
    SyncFixture device(m_url);
    const QString email = ServerAccounts::uniqueEmail("wrong");
    QVERIFY(createAccount(device, email, "the right one"));
    const Status status = signIn(device, email, "the wrong one");
    QVERIFY(!status.ok());
    QCOMPARE(status.error().message, QStringLiteral("The email address or the password is wrong."));
    QCOMPARE(status.error().field, QStringLiteral("password"));
    QVERIFY(!device.client.isSignedIn());
    QVERIFY(!device.client.holdsKeys());
    QVERIFY(!device.api.hasToken());
}

void TestAccountClient::wrongVerificationCode()
{
    SyncFixture device(m_url);
    const QString email = ServerAccounts::uniqueEmail("code");
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Test User"), pw("some password"), c, done);
    });
    QVERIFY(made && made->ok());
    const auto verified = await([&](QObject* c, auto done) {
        device.client.verifyEmail(email, QStringLiteral("00000000"), c, done);
    });
    QVERIFY(verified && !verified->ok());
    QCOMPARE(verified->error().message, QStringLiteral("The verification code is wrong or has expired."));
    const auto resent = await([&](QObject* c, auto done) { device.client.resendCode(email, c, done); });
    QVERIFY(resent && resent->ok());
}

void TestAccountClient::rateLimitedSaysWhen()
{
    SyncFixture device(m_url);
    const QString email = ServerAccounts::uniqueEmail("limited");
    QVERIFY(createAccount(device, email, "the right one"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(signIn(device, email, "guess").error().field, QStringLiteral("password"));
    const Status limited = signIn(device, email, "the right one");
    QVERIFY(!limited.ok());
    QVERIFY2(limited.error().message.startsWith(QStringLiteral("Too many attempts. Try again at ")),
             qPrintable(limited.error().message));
    QVERIFY(!device.client.isSignedIn());
}

void TestAccountClient::blockedShowsTheReason()
{
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com");
    const QString email = ServerAccounts::uniqueEmail("blocked", domain);
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                            &orgId),
             0);
    orgId = orgId.trimmed();
    QCOMPARE(m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--email"), email, QStringLiteral("--role"),
                             QStringLiteral("member")}),
             0);
    SyncFixture device(m_url);
    QVERIFY(createAccount(device, email, "blocked password"));
    QString blockId;
    QCOMPARE(m_server.admin({QStringLiteral("block-sharing"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--email"), email, QStringLiteral("--reason"),
                             QStringLiteral("Audit until Friday")},
                            &blockId),
             0);
    blockId = blockId.trimmed();
    // The block also took the verification away; the sign-in says why, not "enter a code".
    QSignalSpy needed(&device.client, &AccountClient::verificationNeeded);
    const Status status = signIn(device, email, "blocked password");
    QVERIFY(!status.ok());
    const QString problem = status.error().message;
    QVERIFY2(
        problem.startsWith(QStringLiteral("Your organisation's administrators have turned off Team Sharing")),
        qPrintable(problem));
    QVERIFY2(problem.endsWith(QStringLiteral("Their reason: Audit until Friday")), qPrintable(problem));
    QCOMPARE(needed.count(), 0);
    QVERIFY(!device.client.isSignedIn());
    QVERIFY(!device.api.hasToken());

    // Lifted: the user verifies the address again before Team Sharing opens (DESIGN §3).
    QCOMPARE(m_server.admin({QStringLiteral("unblock-sharing"), QStringLiteral("--org"), orgId,
                             QStringLiteral("--block"), blockId}),
             0);
    const Status again = signIn(device, email, "blocked password");
    QVERIFY(!again.ok());
    QCOMPARE(again.error().field, QStringLiteral("email"));
    QCOMPARE(needed.count(), 1);
    QVERIFY(!device.client.isSignedIn());
    const QString before = m_server.latestCode(email);
    const auto resent = await([&](QObject* c, auto done) { device.client.resendCode(email, c, done); });
    QVERIFY(resent && resent->ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_server.latestCode(email) != before, 10000);
    const auto verified = await([&](QObject* c, auto done) {
        device.client.verifyEmail(email, m_server.latestCode(email), c, done);
    });
    QVERIFY(verified && verified->ok());
    QVERIFY(signIn(device, email, "blocked password").ok());
}

void TestAccountClient::secondDeviceUnlocksTheSameKeys()
{
    SyncFixture first(m_url);
    SyncFixture second(m_url);
    const QString email = ServerAccounts::uniqueEmail("devices");
    QVERIFY(createAccount(first, email, "two devices"));
    QVERIFY(signIn(first, email, "two devices").ok());
    QVERIFY(signIn(second, email, "two devices").ok());
    QVERIFY(first.client.accountKey() == second.client.accountKey());
    QCOMPARE(second.client.userKeys()->identityPublicKey(), first.client.userKeys()->identityPublicKey());
    QCOMPARE(second.client.userKeys()->encryptionPublicKey(), first.client.userKeys()->encryptionPublicKey());
    QCOMPARE(second.client.account().userId, first.client.account().userId);
}

void TestAccountClient::changedPasswordWorksOnAnotherDevice()
{
    SyncFixture first(m_url);
    const QString email = ServerAccounts::uniqueEmail("change");
    QVERIFY(createAccount(first, email, "old password"));
    QVERIFY(signIn(first, email, "old password").ok());
    const SecureBytes accountKey = first.client.accountKey().clone();

    const auto wrongCurrent = await([&](QObject* c, auto done) {
        first.client.changePassword(pw("not the old one"), pw("new password"), c, done);
    });
    QVERIFY(wrongCurrent && !wrongCurrent->ok());
    QCOMPARE(wrongCurrent->error().message, QStringLiteral("The current password is wrong."));

    const auto changed = await([&](QObject* c, auto done) {
        first.client.changePassword(pw("old password"), pw("new password"), c, done);
    });
    QVERIFY2(changed && changed->ok(), !changed        ? "timeout"
                                       : changed->ok() ? ""
                                                       : qPrintable(changed->error().message));
    QVERIFY(first.client.isSignedIn());
    // The new session works.
    const auto refreshed = await([&](QObject* c, auto done) { first.client.refreshAccount(c, done); });
    QVERIFY(refreshed && refreshed->ok());

    SyncFixture second(m_url);
    QCOMPARE(signIn(second, email, "old password").error().field, QStringLiteral("password"));
    QVERIFY(signIn(second, email, "new password").ok());
    // Only the account key's wrapping changed: the same key and user keys come out.
    QVERIFY(second.client.accountKey() == accountKey);
    QCOMPARE(second.client.userKeys()->identityPublicKey(), first.client.userKeys()->identityPublicKey());
}

void TestAccountClient::revokeAnotherSession()
{
    SyncFixture first(m_url);
    SyncFixture second(m_url);
    const QString email = ServerAccounts::uniqueEmail("revoke");
    QVERIFY(createAccount(first, email, "sessions"));
    QVERIFY(signIn(first, email, "sessions").ok());
    QVERIFY(signIn(second, email, "sessions").ok());

    std::optional<Result<QList<SessionInfo>>> listed;
    first.client.listSessions(this,
                              [&](Result<QList<SessionInfo>> sessions) { listed = std::move(sessions); });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
    QVERIFY(listed->ok());
    QCOMPARE(listed->value().size(), 2);
    QUuid other;
    for (const SessionInfo& session : listed->value()) {
        QCOMPARE(session.current, session.id == first.client.account().sessionId);
        if (!session.current)
            other = session.id;
    }
    QCOMPARE(other, second.client.account().sessionId);
    const auto revoked = await([&](QObject* c, auto done) { first.client.revokeSession(other, c, done); });
    QVERIFY(revoked && revoked->ok());

    // The revoked device learns it at its next request and wipes its keys.
    QSignalSpy signedOut(&second.client, &AccountClient::signedOut);
    const auto refreshed = await([&](QObject* c, auto done) { second.client.refreshAccount(c, done); });
    QVERIFY(refreshed && !refreshed->ok());
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(signedOut.at(0).at(0).value<AccountClient::SignOutReason>(),
             AccountClient::SignOutReason::SessionEnded);
    QVERIFY(!second.client.holdsKeys());
    QVERIFY(first.client.isSignedIn());
}

void TestAccountClient::signOutRevokesTheToken()
{
    SyncFixture device(m_url);
    const QString email = ServerAccounts::uniqueEmail("signout");
    QVERIFY(createAccount(device, email, "sign out"));
    QVERIFY(signIn(device, email, "sign out").ok());
    const QString token = QString::fromLatin1(device.api.token().view().toByteArray());
    ApiClient raw(m_server.baseUrl());
    QCOMPARE(raw.get(QStringLiteral("/api/v1/account"), token).status, 200);

    const auto out = await(
        [&](QObject* c, auto done) { device.client.signOut(AccountClient::SignOutReason::User, c, done); });
    QVERIFY(out && out->ok());
    QVERIFY(!device.client.holdsKeys());
    QVERIFY(!device.api.hasToken());
    QCOMPARE(raw.get(QStringLiteral("/api/v1/account"), token).status, 401);
}

void TestAccountClient::refusesWeakKdf_data()
{
    QTest::addColumn<quint64>("createdOps");
    QTest::addColumn<quint64>("createdMem");
    QTest::addColumn<QString>("serverSets"); // SQL SET clause a hostile server applies afterwards
    const quint64 floorMem = KdfParams::kMinMemLimit;
    QTest::newRow("ops below the floor") << quint64(3) << floorMem << QStringLiteral("kdf_ops = 2");
    QTest::newRow("memory below the floor") << quint64(3) << floorMem << QStringLiteral("kdf_mem = 33554432");
    QTest::newRow("ops below the last seen") << quint64(4) << floorMem << QStringLiteral("kdf_ops = 3");
    QTest::newRow("memory below the last seen")
        << quint64(3) << floorMem * 2 << QStringLiteral("kdf_mem = %1").arg(floorMem);
}

void TestAccountClient::refusesWeakKdf()
{
    QFETCH(quint64, createdOps);
    QFETCH(quint64, createdMem);
    QFETCH(QString, serverSets);
    SyncFixture device(m_url);
    device.client.setNewPasswordCost(createdOps, createdMem);
    const QString email = ServerAccounts::uniqueEmail("kdf");
    QVERIFY(createAccount(device, email, "kdf password"));
    QVERIFY(signIn(device, email, "kdf password").ok());
    device.client.signOut(AccountClient::SignOutReason::User);

    QVERIFY(m_server.execSql(
        QStringLiteral("UPDATE users SET %1 WHERE email = '%2'").arg(serverSets, email.toLower())));
    const quint64 before = AccountKeys::derivationCount();
    const Status status = signIn(device, email, "kdf password");
    QVERIFY(!status.ok());
    QCOMPARE(AccountKeys::derivationCount(), before); // refused before Argon2id ran
    QVERIFY(!device.client.isSignedIn());
    QVERIFY(!device.api.hasToken());
}

void TestAccountClient::offlineSaysSo()
{
    // A port nothing listens on: the server that was there is gone.
    ServerHarness gone;
    QVERIFY(gone.start(QStringLiteral("TestAccountClientGone")));
    const QUrl url(gone.baseUrl());
    gone.stop();
    SyncFixture device(url);
    const Status status = signIn(device, QStringLiteral("someone@example.org"), "whatever");
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Network);
    QCOMPARE(status.error().message, QStringLiteral("The sharing server cannot be reached. Check the network "
                                                    "connection and the server address."));
}

void TestAccountClient::refusesSwappedKeys_data()
{
    QTest::addColumn<QString>("column"); // what a hostile server hands out of another account
    QTest::newRow("key bundle") << QStringLiteral("key_bundle");
    QTest::newRow("wrapped private keys") << QStringLiteral("wrapped_private_keys");
    QTest::newRow("wrapped account key") << QStringLiteral("wrapped_account_key");
}

void TestAccountClient::refusesSwappedKeys()
{
    QFETCH(QString, column);
    SyncFixture victimDevice(m_url);
    SyncFixture otherDevice(m_url);
    const QString victim = ServerAccounts::uniqueEmail("victim");
    const QString other = ServerAccounts::uniqueEmail("other");
    QVERIFY(createAccount(victimDevice, victim, "victim password"));
    QVERIFY(createAccount(otherDevice, other, "other password"));
    QVERIFY(signIn(victimDevice, victim, "victim password").ok());
    QVERIFY(signIn(otherDevice, other, "other password").ok());
    QVERIFY(m_server.execSql(QStringLiteral("UPDATE users SET %1 = (SELECT %1 FROM users WHERE email = '%2') "
                                            "WHERE email = '%3'")
                                 .arg(column, other.toLower(), victim.toLower())));

    SyncFixture newDevice(m_url);
    const Status status = signIn(newDevice, victim, "victim password");
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Crypto);
    QVERIFY2(
        status.error().message.startsWith(QStringLiteral("The keys the sharing server holds for this account "
                                                         "cannot be unlocked")),
        qPrintable(status.error().message));
    QVERIFY(!newDevice.client.isSignedIn());
    QVERIFY(!newDevice.client.holdsKeys());
    QVERIFY(!newDevice.api.hasToken());
}

QTEST_GUILESS_MAIN(TestAccountClient)
#include "TestAccountClient.moc"
