// KeychainSecretStore: secrets in the OS keychain through QtKeychain (Secret Service or KWallet
// on Linux, Keychain on macOS, Credential Manager on Windows). Entries are named
// "connection/<uuid>/<kind>" under the service "Conclave", so each connection's secrets can be
// found and removed without listing the keychain.
//
// QtKeychain runs one job at a time per process and its Linux backend keeps a raw pointer to a
// job until D-Bus answers, so a job is never deleted early: when an operation times out the
// caller gets ErrorCode::Timeout at once, the job is left to finish and delete itself, and its
// late answer is ignored. A job that fails because the Secret Service is not up yet (typical
// right after login) is retried once after a short delay, as Nextcloud's client does.
#pragma once

#include "core/keychain/SecretStore.h"

#include <chrono>

namespace Conclave::Core {

class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10000};
    static constexpr std::chrono::milliseconds kDefaultRetryDelay{500};
    static QString defaultService() { return QStringLiteral("Conclave"); }

    explicit KeychainSecretStore(QObject* parent = nullptr);
    explicit KeychainSecretStore(const QString& service, QObject* parent = nullptr);
    ~KeychainSecretStore() override;

    // Time an operation may take in total, retry included, before it reports Timeout.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    QString service() const { return m_service; }

    // The keychain entry's key: "connection/<uuid without braces>/<kind name>".
    static QString entryKey(const QUuid& connectionId, SecretKind kind);

    void read(const QUuid& connectionId, SecretKind kind, QObject* context, ReadCallback done) override;
    void write(const QUuid& connectionId, SecretKind kind, SecureBytes value, QObject* context,
               StatusCallback done) override;
    void remove(const QUuid& connectionId, SecretKind kind, QObject* context, StatusCallback done) override;
    void removeAll(const QUuid& connectionId, QObject* context, StatusCallback done) override;
    void readEntry(const QString& key, QObject* context, ReadCallback done) override;
    void writeEntry(const QString& key, SecureBytes value, QObject* context, StatusCallback done) override;
    void removeEntry(const QString& key, QObject* context, StatusCallback done) override;

    bool isPersistent() const override { return true; }
    QString backendName() const override;

    // Checks that the keychain really works: writes a random entry under "probe/<uuid>", reads
    // it back, compares and deletes it. Any failure comes back as an Error in words.
    void probe(QObject* context, StatusCallback done);

private:
    QString m_service;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    std::chrono::milliseconds m_retryDelay = kDefaultRetryDelay;
};

} // namespace Conclave::Core
