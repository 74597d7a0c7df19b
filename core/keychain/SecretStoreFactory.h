// SecretStoreFactory: chooses where this run keeps secrets. It probes the OS keychain (write,
// read back and delete a random entry, each step with a timeout) and falls back to locked memory
// with a reason in words when the keychain cannot be used: no D-Bus session, no Secret Service,
// a locked or refusing keyring, no answer in time. There is never a plaintext-file fallback.
// Setting CONCLAVE_KEYCHAIN=memory forces the memory store (tests, CI, kiosk machines).
#pragma once

#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/SecretStore.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QObject;

namespace Conclave::Core {

class SecretStoreFactory final
{
public:
    SecretStoreFactory() = delete;

    static constexpr const char* kModeVariable = "CONCLAVE_KEYCHAIN";

    struct Options
    {
        // Per keychain step of the probe, and the timeout the created store uses afterwards.
        std::chrono::milliseconds timeout = KeychainSecretStore::kDefaultTimeout;
        QString service = KeychainSecretStore::defaultService();
    };

    // `store` is never null. `reason` is empty when the OS keychain is used; otherwise it is a
    // translated explanation for the user of why secrets only last for this session.
    using Callback = std::function<void(std::unique_ptr<SecretStore> store, QString reason)>;

    // Calls `done` once, asynchronously, in `context`'s event loop; not at all if `context` is
    // destroyed first. The store has no QObject parent: the callee owns it.
    static void create(QObject* context, Callback done);
    static void create(QObject* context, const Options& options, Callback done);
};

} // namespace Conclave::Core
