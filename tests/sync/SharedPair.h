// SharedPair: the two-client set-up the sync suites (engine, merge, live updates, scheduler)
// and the sync benchmarks start from, against the real conclave-server: an organisation, two
// verified users "ada" and "bob", each signed in on a Device of their own (the app's network
// stack, account client and sync engine over a private data folder that outlives the Device,
// so a restart is a new Device over the same folder), and, unless asked not to, a folder ada
// created and added bob to (Edit, after the safety-number comparison) that bob has
// first-synced.
#pragma once

#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

// One computer of a user.
struct Device
{
    Device(const QUrl& server, const QString& directory)
        : settings(Conclave::Core::EffectiveSettings::merge(SyncFixture::userSettings(server),
                                                            Conclave::Core::MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Conclave::Core::Clock::system())
        , client(api, directory)
        , engine(client, directory)
    {
        client.setNewPasswordCost(Conclave::Core::KdfParams::kMinOpsLimit,
                                  Conclave::Core::KdfParams::kMinMemLimit);
    }

    Conclave::Core::EffectiveSettings settings;
    Conclave::Core::SharingGate gate;
    Conclave::Core::GatedNetworkAccessManager network;
    Conclave::Core::ApiConnection api;
    Conclave::Core::AccountClient client;
    Conclave::Core::SyncEngine engine;
};

// SyncFixture.h's await<T>() under the name the live-update, scheduler and benchmark code uses.
template<typename T, typename Start>
std::optional<Conclave::Core::Result<T>> awaitResult(Start start, int limitMs = 60'000)
{
    return await<T>(std::move(start), std::chrono::milliseconds(limitMs));
}

inline bool succeeded(const std::optional<Conclave::Core::Status>& status, const char* what)
{
    if (status && status->ok())
        return true;
    qWarning("%s failed: %s", what, status ? qPrintable(status->error().message) : "no answer in time");
    return false;
}

class SharedPair final
{
public:
    SharedPair() = default;
    Q_DISABLE_COPY_MOVE(SharedPair)

    static inline const char* kPasswordA = "ada's long password";
    static inline const char* kPasswordB = "bob's long password";

    static Conclave::Core::SecureBytes password(const char* text)
    {
        return Conclave::Core::SecureBytes(text, std::strlen(text));
    }

    // Starts `server` and makes everything (without the shared folder when `withFolder` is
    // false); false with a warning on failure.
    bool setUp(ServerHarness& server, const QString& name, bool withFolder = true)
    {
        m_server = &server;
        server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                          QStringLiteral("signupPerAddress=100000"),
                          QStringLiteral("verifyPerAddress=100000")});
        if (!server.start(name))
            return false;
        url = QUrl(server.baseUrl());
        domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".live.example.com");
        QString org;
        if (server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                          QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                         &org) != 0)
            return false;
        orgId = QUuid::fromString(org.trimmed());
        if (server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), org.trimmed(),
                          QStringLiteral("--domain"), domain}) != 0)
            return false;
        emailA = ServerAccounts::uniqueEmail("ada", domain);
        emailB = ServerAccounts::uniqueEmail("bob", domain);
        if (!signUp(emailA, kPasswordA) || !signUp(emailB, kPasswordB))
            return false;
        urlB = bobServer ? bobServer() : url;
        a = makeDevice(url, dirA.path());
        b = makeDevice(urlB, dirB.path());
        if (!signIn(*a, emailA, kPasswordA) || !signIn(*b, emailB, kPasswordB))
            return false;
        if (!withFolder)
            return true;
        const QUuid made = createFolder(QStringLiteral("Team Databases"));
        if (made.isNull() || !addBob(made))
            return false;
        folderId = made;
        return succeeded(await([&](QObject* c, auto done) { b->engine.sync(c, done); }), "first sync");
    }

    bool signUp(const QString& email, const char* text)
    {
        QTemporaryDir scratch;
        Device device(url, scratch.path());
        if (!succeeded(await([&](QObject* c, auto done) {
                           device.client.signUp(email, QStringLiteral("Sync User"), password(text), c, done);
                       }),
                       "sign-up"))
            return false;
        const QString code = m_server->latestCode(email);
        return succeeded(
            await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); }),
            "verification");
    }

    // A new folder of ada's; null on failure.
    QUuid createFolder(const QString& name)
    {
        const auto folder =
            await<QUuid>([&](QObject* c, auto done) { a->engine.createFolder(orgId, name, c, done); });
        return folder && folder->ok() ? folder->value() : QUuid();
    }

    // Ada adds bob to `folder` with Edit, after comparing safety numbers.
    bool addBob(const QUuid& folder)
    {
        if (m_bobBundle.isEmpty()) {
            const auto lookup = await<Conclave::Core::SharingApi::KeyLookup>(
                [&](QObject* c, auto done) { a->engine.api().lookupKey(emailB, c, done); });
            if (!lookup || !lookup->ok())
                return false;
            const QString number =
                Conclave::Core::Fingerprint::of(b->client.userKeys()->identityPublicKey()).safetyNumber();
            if (!a->engine.confirmSafetyNumber(lookup->value().bundle, number).ok())
                return false;
            m_bobBundle = lookup->value().bundle;
        }
        return succeeded(await([&](QObject* c, auto done) {
                             a->engine.addMember(folder, m_bobBundle, Conclave::Core::FolderRole::Edit, c,
                                                 done);
                         }),
                         "add member");
    }

    // Bob quits and starts again: a new Device over the same data folder, signed in.
    bool restartB()
    {
        b.reset();
        b = makeDevice(urlB, dirB.path());
        return signIn(*b, emailB, kPasswordB);
    }

    bool signIn(Device& device, const QString& email, const char* text)
    {
        if (!succeeded(
                await([&](QObject* c, auto done) { device.client.signIn(email, password(text), c, done); }),
                "sign-in"))
            return false;
        return succeeded(await([&](QObject* c, auto done) { device.engine.start(c, done); }), "engine start");
    }

    // A writes a new item (null `itemId`) or the next revision of one; the id.
    QUuid write(const QUuid& itemId, const QByteArray& plaintext)
    {
        const auto written = await<QUuid>(
            [&](QObject* c, auto done) { a->engine.writeItem(folderId, itemId, plaintext, c, done); });
        if (!written || !written->ok()) {
            qWarning("write failed: %s",
                     written ? qPrintable(written->error().message) : "no answer in time");
            return {};
        }
        return written->value();
    }

    // Where bob's device sends its requests, asked once the server is up (a relay that counts
    // bytes, say); the server itself when unset.
    std::function<QUrl()> bobServer;
    // The bound on each request of the pair's devices when set (short where a suite cuts the
    // connection); ApiConnection's default otherwise.
    std::optional<std::chrono::milliseconds> requestTimeout;

    ServerHarness* m_server = nullptr;
    QUrl url;
    QUrl urlB; // where bob's device sends its requests
    QUuid orgId;
    QString domain; // the organisation's, for more users than ada and bob
    QString emailA;
    QString emailB;
    QTemporaryDir dirA;
    QTemporaryDir dirB;
    std::unique_ptr<Device> a;
    std::unique_ptr<Device> b;
    QUuid folderId;

private:
    std::unique_ptr<Device> makeDevice(const QUrl& server, const QString& directory) const
    {
        auto device = std::make_unique<Device>(server, directory);
        if (requestTimeout)
            device->api.setTimeout(*requestTimeout);
        return device;
    }

    QByteArray m_bobBundle;
};
