// OrgBlocksScenario: an organisation on the real conclave-server for the block suites and
// screenshots: owner Ada, admin Dan (added by address), members Bob and Carol (by the
// organisation's domain) and Olga outside it, each signed up, verified and signed in through
// the raw test client. Session gives one of them the app's ApiConnection with that token, as
// the signed-in app holds it; accountStatus() asks the server whether a token still works.
#pragma once

#include "ApiClient.h"
#include "ServerAccounts.h"
#include "ServerHarness.h"

#include "core/crypto/SecureBytes.h"
#include "core/sync/ApiConnection.h"
#include "core/util/Clock.h"

#include <QNetworkAccessManager>
#include <QUuid>

#include <memory>

struct OrgBlocksSession
{
    OrgBlocksSession(const QUrl& server, const QString& token)
        : api(network, server, Conclave::Core::Clock::system())
    {
        const QByteArray bytes = token.toLatin1();
        api.setToken(Conclave::Core::SecureBytes(bytes.constData(), std::size_t(bytes.size())));
    }

    QNetworkAccessManager network;
    Conclave::Core::ApiConnection api;
};

class OrgBlocksScenario final
{
public:
    OrgBlocksScenario() = default;
    Q_DISABLE_COPY_MOVE(OrgBlocksScenario)

    // `fixedDomain` empty: a random one (each suite its own addresses).
    bool start(const QString& name, const QString& fixedDomain = {})
    {
        m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                            QStringLiteral("signupPerAddress=100000"),
                            QStringLiteral("verifyPerAddress=100000")});
        if (!m_server.start(name))
            return failed("server start");
        url = QUrl(m_server.baseUrl());
        m_raw = std::make_unique<ApiClient>(m_server.baseUrl());
        domain = fixedDomain.isEmpty()
                     ? QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".example.com")
                     : fixedDomain;
        ada.email = QStringLiteral("ada@") + domain;
        dan.email = QStringLiteral("dan@") + domain;
        bob.email = QStringLiteral("bob@") + domain;
        carol.email = QStringLiteral("carol@") + domain;
        olga.email = QStringLiteral("olga@other-") + domain;
        QString id;
        if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"),
                            QStringLiteral("Analytical"), QStringLiteral("--owner"), ada.email},
                           &id) != 0)
            return failed("create-org");
        orgId = QUuid::fromString(id.trimmed());
        if (m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), id.trimmed(),
                            QStringLiteral("--domain"), domain}) != 0)
            return failed("add-domain");
        if (m_server.admin({QStringLiteral("add-member"), QStringLiteral("--org"), id.trimmed(),
                            QStringLiteral("--email"), dan.email, QStringLiteral("--role"),
                            QStringLiteral("admin")}) != 0)
            return failed("add-member");
        for (TestAccount* a : {&ada, &dan, &bob, &carol, &olga}) {
            const QString email = a->email;
            *a = ServerAccounts::ready(*m_raw, m_server, email);
            a->email = email;
            if (a->token.isEmpty())
                return failed("sign-up");
        }
        return true;
    }

    std::unique_ptr<OrgBlocksSession> session(const TestAccount& account) const
    {
        return std::make_unique<OrgBlocksSession>(url, account.token);
    }

    // 200 while the token's session lasts, 401 once it ended.
    int accountStatus(const QString& token)
    {
        return m_raw->get(QStringLiteral("/api/v1/account"), token).status;
    }

    ServerHarness& server() { return m_server; }
    ApiClient& raw() { return *m_raw; }

    QUrl url;
    QUuid orgId;
    QString domain;
    TestAccount ada;   // owner
    TestAccount dan;   // admin
    TestAccount bob;   // member by domain
    TestAccount carol; // member by domain
    TestAccount olga;  // outside the organisation

private:
    bool failed(const char* step)
    {
        qWarning("org blocks scenario: %s failed", step);
        return false;
    }

    ServerHarness m_server;
    std::unique_ptr<ApiClient> m_raw;
};
