// SyncFixture: one client of the sync server as the app builds it — effective settings with
// the server URL, the sharing gate, the gated network manager, an ApiConnection and an
// AccountClient over a private state folder — plus await(), which waits for a callback, and
// VERIFY_OK for what it gives.
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

// Runs `start(context, done)` and waits (event loop, no sleep) up to `limit` for `done`, which
// is called with a Result<T> (a Status when T is left out); nullopt when no answer came in
// time. The context dies with this call, so a late answer is dropped.
//   await([&](QObject* c, auto done) { client.signIn(email, password, c, done); })
//   await<QUuid>([&](QObject* c, auto done) { engine.createFolder(orgId, name, c, done); })
template<typename T = void, typename Start>
std::optional<Conclave::Core::Result<T>> await(Start start,
                                               std::chrono::milliseconds limit = std::chrono::seconds(60))
{
    std::optional<Conclave::Core::Result<T>> result;
    QObject context;
    start(&context, [&result](Conclave::Core::Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, int(limit.count())))
        return std::nullopt;
    return result;
}

// Fails the test unless `status` (what await() gave) came in time and is good, with the
// error's sentence when it is not.
#define VERIFY_OK(status)                                                                                    \
    do {                                                                                                     \
        const auto& s_ = (status);                                                                           \
        QVERIFY2(s_.has_value(), "no answer in time");                                                       \
        QVERIFY2(s_->ok(), s_->ok() ? "" : qPrintable(s_->error().message));                                 \
    } while (false)
