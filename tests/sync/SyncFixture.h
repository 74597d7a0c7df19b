// SyncFixture: one client of the sync server as the app builds it — effective settings with
// the server URL, the sharing gate, the gated network manager, an ApiConnection and an
// AccountClient over a private state folder — plus a helper that waits for a callback.
// Each fixture is a separate "device".
#pragma once

#include "core/policy/EffectiveSettings.h"
#include "core/policy/GatedNetworkAccessManager.h"
#include "core/policy/MachinePolicy.h"
#include "core/policy/SharingGate.h"
#include "core/policy/UserSharingSettings.h"
#include "core/sync/AccountClient.h"
#include "core/sync/ApiConnection.h"
#include "core/util/Clock.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>

struct SyncFixture
{
    explicit SyncFixture(const QUrl& server,
                         const Conclave::Core::Clock& clock = Conclave::Core::Clock::system())
        : settings(
              Conclave::Core::EffectiveSettings::merge(userSettings(server), Conclave::Core::MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, clock)
        , client(api, dir.path())
    {
        // The protocol's floor keeps the suites fast; the production default is higher.
        client.setNewPasswordCost(Conclave::Core::KdfParams::kMinOpsLimit,
                                  Conclave::Core::KdfParams::kMinMemLimit);
    }

    static Conclave::Core::UserSharingSettings userSettings(const QUrl& server)
    {
        Conclave::Core::UserSharingSettings user;
        user.serverUrl = server;
        return user;
    }

    QTemporaryDir dir;
    Conclave::Core::EffectiveSettings settings;
    Conclave::Core::SharingGate gate;
    Conclave::Core::GatedNetworkAccessManager network;
    Conclave::Core::ApiConnection api;
    Conclave::Core::AccountClient client;
};

// Runs `start(context, done)` and waits (event loop, no sleep) up to `limit` for `done`; the
// context dies with this call, so a late answer is dropped.
template<typename Start>
std::optional<Conclave::Core::Status> await(Start start,
                                            std::chrono::milliseconds limit = std::chrono::seconds(60))
{
    std::optional<Conclave::Core::Status> result;
    QObject context;
    start(&context, [&result](Conclave::Core::Status status) { result = std::move(status); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, int(limit.count())))
        return std::nullopt;
    return result;
}
