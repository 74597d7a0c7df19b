// Account set-up steps shared by the server suites.
#include "ServerAccounts.h"

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

TestAccount signUp(ApiClient& client, const QString& email)
{
    TestAccount account{email, randomBytes(32), randomBytes(16), randomBytes(72), {}, {}};
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
