// MemorySecretStore: the fallback when no OS keychain is reachable (headless Linux, locked or
// missing Secret Service) or when CONCLAVE_KEYCHAIN=memory. Secrets live in sodium_malloc'ed,
// locked SecureBytes for this run only and are wiped when removed, replaced or when the store
// is destroyed. Nothing is ever written to disk: there is deliberately no plaintext fallback.
#pragma once

#include "core/keychain/SecretStore.h"

#include <cstddef>
#include <map>
#include <utility>

namespace Conclave::Core {

class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject* parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QUuid& connectionId, SecretKind kind, QObject* context, ReadCallback done) override;
    void write(const QUuid& connectionId, SecretKind kind, SecureBytes value, QObject* context,
               StatusCallback done) override;
    void remove(const QUuid& connectionId, SecretKind kind, QObject* context, StatusCallback done) override;
    void removeAll(const QUuid& connectionId, QObject* context, StatusCallback done) override;
    void readEntry(const QString& key, QObject* context, ReadCallback done) override;
    void writeEntry(const QString& key, SecureBytes value, QObject* context, StatusCallback done) override;
    void removeEntry(const QString& key, QObject* context, StatusCallback done) override;

    bool isPersistent() const override { return false; }
    QString backendName() const override;

    // Number of secrets held, for diagnostics and tests.
    std::size_t entryCount() const { return m_entries.size(); }

private:
    using Key = std::pair<QUuid, SecretKind>;
    std::map<Key, SecureBytes> m_entries;
    std::map<QString, SecureBytes> m_named; // readEntry / writeEntry
};

} // namespace Conclave::Core
