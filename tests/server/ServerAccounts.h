// ServerAccounts: the steps most server tests start with — sign up, verify by the outbox
// code, sign in — against a running ServerHarness, plus the random values they need.
#pragma once

#include "ApiClient.h"
#include "ServerHarness.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct TestAccount
{
    QString email;
    QByteArray authKey;
    QByteArray salt;
    QByteArray wrappedAccountKey;
    QString userId;
    QString token; // set by signIn()
};

namespace ServerAccounts {

QByteArray randomBytes(int size);
QString b64(const QByteArray& bytes);
QJsonObject kdf(const QByteArray& salt);
QString uniqueEmail(const char* prefix, const QString& domain = QStringLiteral("example.org"));
// Real KeyWrap layouts (core/crypto), under throw-away keys: an account key as
// AccountKeys::wrapAccountKey wraps it, private keys as UserKeys::wrap wraps them.
QByteArray wrappedAccountKey();
QByteArray wrappedPrivateKeys(const QString& userId);

// Each returns false (or an account without userId/token) when a step fails.
TestAccount signUp(ApiClient& client, const QString& email);
bool verify(ApiClient& client, const ServerHarness& server, const TestAccount& account);
bool signIn(ApiClient& client, TestAccount& account);
// Signed up, verified (unless `verified` is false) and signed in.
TestAccount ready(ApiClient& client, const ServerHarness& server, const QString& email, bool verified = true);

} // namespace ServerAccounts
