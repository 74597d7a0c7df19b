// AuditScenario: the shared history the audit suites and screenshots read, made against the
// real conclave-server (checkpoint after every 3 entries): an organisation whose owner Ada
// creates a shared folder, writes a connection and edits it, adds Bob with View after
// comparing safety numbers, and Bob's attempt to change the connection, which the server
// refuses (forbidden). Each Device is one computer: the app's network stack, account client
// and sync engine over its own data folder.
#pragma once

#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/sync/AuditApi.h"
#include "core/sync/SyncEngine.h"

#include <QTemporaryDir>

#include <cstring>
#include <memory>

struct AuditDevice
{
    explicit AuditDevice(const QUrl& server)
        : settings(Conclave::Core::EffectiveSettings::merge(SyncFixture::userSettings(server),
                                                            Conclave::Core::MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Conclave::Core::Clock::system())
        , client(api, dir.path())
        , engine(client, dir.path())
        , audit(api)
    {
        client.setNewPasswordCost(Conclave::Core::KdfParams::kMinOpsLimit,
                                  Conclave::Core::KdfParams::kMinMemLimit);
    }

    QTemporaryDir dir;
    Conclave::Core::EffectiveSettings settings;
    Conclave::Core::SharingGate gate;
    Conclave::Core::GatedNetworkAccessManager network;
    Conclave::Core::ApiConnection api;
    Conclave::Core::AccountClient client;
    Conclave::Core::SyncEngine engine;
    Conclave::Core::AuditApi audit;
};

template<typename T, typename Start> std::optional<Conclave::Core::Result<T>> awaitValue(Start start)
{
    std::optional<Conclave::Core::Result<T>> result;
    QObject context;
    start(&context, [&result](Conclave::Core::Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
        return std::nullopt;
    return result;
}

class AuditScenario final
{
public:
    AuditScenario() = default;
    Q_DISABLE_COPY_MOVE(AuditScenario)

    // Runs every step; false (with a warning naming the step) when one fails. `fixedDomain`
    // empty: a random one, with random addresses in it.
    bool start(const QString& name, const QString& fixedDomain = {})
    {
        m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                            QStringLiteral("signupPerAddress=100000"),
                            QStringLiteral("verifyPerAddress=100000"), QStringLiteral("[audit]"),
                            QStringLiteral("checkpointEvery=3")});
        if (!m_server.start(name))
            return failed("server start");
        url = QUrl(m_server.baseUrl());
        const QString domain = fixedDomain.isEmpty() ? QUuid::createUuid().toString(QUuid::Id128).left(10) +
                                                           QStringLiteral(".example.com")
                                                     : fixedDomain;
        const QString tag = fixedDomain.isEmpty() ? QLatin1Char('.') + domain.left(6) : QString();
        adaEmail = QStringLiteral("ada") + tag + QStringLiteral("@") + domain;
        bobEmail = QStringLiteral("bob") + tag + QStringLiteral("@") + domain;
        QString id;
        if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"),
                            QStringLiteral("Analytical"), QStringLiteral("--owner"), adaEmail},
                           &id) != 0)
            return failed("create-org");
        orgId = QUuid::fromString(id.trimmed());
        if (m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), id.trimmed(),
                            QStringLiteral("--domain"), domain}) != 0)
            return failed("add-domain");
        if (!signUp(adaEmail, "ada's long password") || !signUp(bobEmail, "bob's long password"))
            return failed("sign-up");
        ada = std::make_unique<AuditDevice>(url);
        bob = std::make_unique<AuditDevice>(url);
        if (!signIn(*ada, adaEmail, "ada's long password") || !signIn(*bob, bobEmail, "bob's long password"))
            return failed("sign-in");

        auto made = awaitValue<QUuid>([&](QObject* c, auto done) {
            ada->engine.createFolder(orgId, QStringLiteral("Production databases"), c, done);
        });
        if (!made || !made->ok())
            return failed("create folder");
        folderId = made->value();
        auto written = awaitValue<QUuid>([&](QObject* c, auto done) {
            ada->engine.writeItem(folderId, {}, R"({"fields":{"name":"orders-db"}})", c, done);
        });
        if (!written || !written->ok())
            return failed("write item");
        itemId = written->value();
        auto edited = awaitValue<QUuid>([&](QObject* c, auto done) {
            ada->engine.writeItem(folderId, itemId, R"j({"fields":{"name":"orders-db (primary)"}})j", c,
                                  done);
        });
        if (!edited || !edited->ok())
            return failed("edit item");

        auto lookup = awaitValue<Conclave::Core::SharingApi::KeyLookup>(
            [&](QObject* c, auto done) { ada->engine.api().lookupKey(bobEmail, c, done); });
        if (!lookup || !lookup->ok())
            return failed("key lookup");
        const QString number =
            Conclave::Core::Fingerprint::of(bob->client.userKeys()->identityPublicKey()).safetyNumber();
        if (!ada->engine.confirmSafetyNumber(lookup->value().bundle, number).ok())
            return failed("safety number");
        auto added = await([&](QObject* c, auto done) {
            ada->engine.addMember(folderId, lookup->value().bundle, Conclave::Core::FolderRole::View, c,
                                  done);
        });
        if (!added || !added->ok())
            return failed("add member");

        // Bob holds View only: the server refuses his change before it reads the envelope.
        auto refused = awaitValue<Conclave::Core::SharingApi::WriteOutcome>([&](QObject* c, auto done) {
            bob->engine.api().writeItem(folderId, itemId, false, QByteArray(200, 'x'), QByteArray(294, 'y'),
                                        c, done);
        });
        if (!refused || refused->ok())
            return failed("refused write");
        return true;
    }

    ServerHarness& server() { return m_server; }

    QUrl url;
    QUuid orgId;
    QUuid folderId;
    QUuid itemId;
    QString adaEmail;
    QString bobEmail;
    std::unique_ptr<AuditDevice> ada;
    std::unique_ptr<AuditDevice> bob;

private:
    bool failed(const char* step)
    {
        qWarning("audit scenario: %s failed", step);
        return false;
    }

    bool signUp(const QString& email, const char* password)
    {
        SyncFixture scratch(url);
        const auto made = await([&](QObject* c, auto done) {
            scratch.client.signUp(email, QStringLiteral("Audit User"),
                                  Conclave::Core::SecureBytes(password, std::strlen(password)), c, done);
        });
        if (!made || !made->ok())
            return false;
        const QString code = m_server.latestCode(email);
        const auto verified =
            await([&](QObject* c, auto done) { scratch.client.verifyEmail(email, code, c, done); });
        return verified && verified->ok();
    }

    bool signIn(AuditDevice& device, const QString& email, const char* password)
    {
        const auto signedIn = await([&](QObject* c, auto done) {
            device.client.signIn(email, Conclave::Core::SecureBytes(password, std::strlen(password)), c,
                                 done);
        });
        if (!signedIn || !signedIn->ok())
            return false;
        const auto started = await([&](QObject* c, auto done) { device.engine.start(c, done); });
        return started && started->ok();
    }

    ServerHarness m_server;
};
