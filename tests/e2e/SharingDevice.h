// SharingDevice: one computer of one user in the end-to-end suites — the app's network stack
// (effective settings, sharing gate, gated network manager), an ApiConnection to a server URL
// (the real server's or a TamperingProxy's), an AccountClient and a SyncEngine over a data
// folder that outlives the device, so a restart is a new SharingDevice over the same folder.
// Also the waiting helpers the suites share (event loop with an upper bound, no sleeps).
#pragma once

#include "SyncFixture.h"

#include "core/sync/SyncEngine.h"

#include <QString>
#include <QTest>
#include <QUrl>

#include <cstring>
#include <optional>

struct SharingDevice
{
    Q_DISABLE_COPY_MOVE(SharingDevice)

    SharingDevice(const QUrl& server, const QString& directory)
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

inline Conclave::Core::SecureBytes securePassword(const char* text)
{
    return Conclave::Core::SecureBytes(text, std::strlen(text));
}

inline QByteArray plainText(const Conclave::Core::SensitiveBytes* bytes)
{
    return bytes ? bytes->view().toByteArray() : QByteArray();
}

// Like await() for callbacks that hand back a Result<T>.
template<typename T, typename Start>
std::optional<Conclave::Core::Result<T>>
awaitResult(Start start, std::chrono::milliseconds limit = std::chrono::seconds(60))
{
    std::optional<Conclave::Core::Result<T>> result;
    QObject context;
    start(&context, [&result](Conclave::Core::Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, int(limit.count())))
        return std::nullopt;
    return result;
}

#define E2E_VERIFY_OK(status)                                                                                \
    do {                                                                                                     \
        const auto& s_ = (status);                                                                           \
        QVERIFY2(s_.has_value(), "no answer in time");                                                       \
        QVERIFY2(s_->ok(), s_->ok() ? "" : qPrintable(s_->error().message));                                 \
    } while (false)
