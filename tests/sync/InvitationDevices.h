// InvitationDevices: one computer of a user as the app composes it for Team Sharing (network
// stack, account client, sync engine, invitation API and flow) over its own data folder,
// signed up, verified, signed in and started against the real server; shared by the
// invitation flow suite and the invitation dialogs' GUI tests.
#pragma once

#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/sync/InvitationApi.h"
#include "core/sync/InvitationFlow.h"
#include "core/sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <memory>
#include <optional>

namespace InvitationDevices {

using namespace Conclave::Core;

inline SecureBytes pw(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

inline const char* kPassword = "a long enough password";

// One computer of a user, as the app composes it.
struct Device
{
    explicit Device(const QUrl& server)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, dir.path())
        , engine(client, dir.path())
        , invitations(api)
        , flow(engine, invitations)
    {
        client.setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
    }

    QTemporaryDir dir; // first: the data folder outlives everything below
    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    SyncEngine engine;
    InvitationApi invitations;
    InvitationFlow flow;
    QString email;
};

template<typename T, typename Start> std::optional<T> awaitValue(Start start)
{
    std::optional<T> result;
    QObject context;
    start(&context, [&result](T value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
        return std::nullopt;
    return result;
}

// A signed-in, started device for a new account `name`@`domain`; null when a step failed.
// `exact`: the address is name@domain as given, not made unique (for screenshots).
inline std::unique_ptr<Device> makeDevice(ServerHarness& server, const QUrl& url, const QString& domain,
                                          const char* name, bool exact = false)
{
    auto made = std::make_unique<Device>(url);
    made->email = exact ? QString::fromLatin1(name) + QLatin1Char('@') + domain
                        : ServerAccounts::uniqueEmail(name, domain);
    const auto up = awaitValue<Status>([&](QObject* c, auto done) {
        made->client.signUp(made->email, QString::fromLatin1(name), pw(kPassword), c, done);
    });
    if (!up || !up->ok())
        return nullptr;
    const QString code = server.latestCode(made->email);
    const auto verified = awaitValue<Status>(
        [&](QObject* c, auto done) { made->client.verifyEmail(made->email, code, c, done); });
    if (!verified || !verified->ok())
        return nullptr;
    const auto in = awaitValue<Status>(
        [&](QObject* c, auto done) { made->client.signIn(made->email, pw(kPassword), c, done); });
    if (!in || !in->ok())
        return nullptr;
    const auto started = awaitValue<Status>([&](QObject* c, auto done) { made->engine.start(c, done); });
    if (!started || !started->ok())
        return nullptr;
    return made;
}

// A new organisation owning `domain`; its id, or "" on failure.
inline QString makeOrg(ServerHarness& server, const QString& domain)
{
    QString orgId;
    if (server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                      QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                     &orgId) != 0)
        return {};
    orgId = orgId.trimmed();
    if (server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId,
                      QStringLiteral("--domain"), domain}) != 0)
        return {};
    return orgId;
}

} // namespace InvitationDevices
