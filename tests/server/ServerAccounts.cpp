// Account set-up steps shared by the server suites.
#include "ServerAccounts.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/SecureBytes.h"
#include "core/crypto/UserKeys.h"

#include <QRandomGenerator>
#include <QUuid>

namespace ServerAccounts {

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = char(QRandomGenerator::system()->bounded(256));
    return bytes;
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonObject kdf(const QByteArray& salt)
{
    return {{QStringLiteral("salt"), b64(salt)},
            {QStringLiteral("opsLimit"), 3},
            {QStringLiteral("memLimitBytes"), 64 * 1024 * 1024}};
}

QString uniqueEmail(const char* prefix, const QString& domain)
{
    return QString::fromLatin1(prefix) + QLatin1Char('-') +
           QUuid::createUuid().toString(QUuid::Id128).left(10) + QLatin1Char('@') + domain;
}

QByteArray wrappedAccountKey()
{
    using namespace Conclave::Core;
    return KeyWrap::wrap(SecureBytes::random(32), SecureBytes::random(32),
                         ByteWriter(DomainTags::kAccountKeyWrap).bytes());
}

QByteArray wrappedPrivateKeys(const QString& userId)
{
    using namespace Conclave::Core;
    return UserKeys::generate().wrap(SecureBytes::random(32), QUuid(userId));
}

TestAccount signUp(ApiClient& client, const QString& email)
{
    TestAccount account{email, randomBytes(32), randomBytes(16), wrappedAccountKey(), {}, {}};
    const ApiResponse r =
        client.post(QStringLiteral("/api/v1/accounts"),
                    {{QStringLiteral("email"), email},
                     {QStringLiteral("name"), QStringLiteral("Test User")},
                     {QStringLiteral("authKey"), b64(account.authKey)},
                     {QStringLiteral("kdf"), kdf(account.salt)},
                     {QStringLiteral("wrappedAccountKey"), b64(account.wrappedAccountKey)}});
    if (r.status == 201)
        account.userId = r.json.value(QStringLiteral("userId")).toString();
    return account;
}

bool verify(ApiClient& client, const ServerHarness& server, const TestAccount& account)
{
    const QString code = server.latestCode(account.email);
    return !code.isEmpty() &&
           client.post(QStringLiteral("/api/v1/accounts/verify"),
                       {{QStringLiteral("email"), account.email}, {QStringLiteral("code"), code}})
                   .status == 200;
}

bool signIn(ApiClient& client, TestAccount& account)
{
    const ApiResponse r =
        client.post(QStringLiteral("/api/v1/sessions"), {{QStringLiteral("email"), account.email},
                                                         {QStringLiteral("authKey"), b64(account.authKey)}});
    account.token = r.status == 201 ? r.json.value(QStringLiteral("token")).toString() : QString();
    return !account.token.isEmpty();
}

TestAccount ready(ApiClient& client, const ServerHarness& server, const QString& email, bool verified)
{
    TestAccount account = signUp(client, email);
    if (account.userId.isEmpty() || (verified && !verify(client, server, account)) ||
        !signIn(client, account))
        return {};
    return account;
}

} // namespace ServerAccounts
