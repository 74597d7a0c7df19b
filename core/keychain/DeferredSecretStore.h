// DeferredSecretStore: the secret store the app is given at once, before the keychain probe
// has answered (which can take as long as a keyring prompt stays open). Operations made in
// the meantime wait in order and run on the real store when setTarget() hands it over, so
// the window can be used from the first moment and no password typed meanwhile is lost.
//
// The target may be replaced later (the memory fallback first, the keychain once it
// answers after a Retry). A replaced store is kept for reads and removals: a secret the new
// store does not have is looked up in the earlier ones, so what was kept in memory while the
// keychain did not answer still works for this run; writes go to the newest store only.
#pragma once

#include "core/keychain/SecretStore.h"

#include <functional>
#include <memory>
#include <vector>

namespace Conclave::Core {

class DeferredSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeferredSecretStore)

public:
    explicit DeferredSecretStore(QObject* parent = nullptr);
    ~DeferredSecretStore() override;

    // Hands the real store over (never null); what waited runs on it now, in order.
    void setTarget(std::unique_ptr<SecretStore> store);
    bool hasTarget() const { return m_target != nullptr; }
    SecretStore* target() const { return m_target.get(); }
    // Operations waiting for a target.
    int waitingCount() const { return int(m_waiting.size()); }

    void read(const QUuid& connectionId, SecretKind kind, QObject* context, ReadCallback done) override;
    void write(const QUuid& connectionId, SecretKind kind, SecureBytes value, QObject* context,
               StatusCallback done) override;
    void remove(const QUuid& connectionId, SecretKind kind, QObject* context, StatusCallback done) override;
    void removeAll(const QUuid& connectionId, QObject* context, StatusCallback done) override;
    void readEntry(const QString& key, QObject* context, ReadCallback done) override;
    void writeEntry(const QString& key, SecureBytes value, QObject* context, StatusCallback done) override;
    void removeEntry(const QString& key, QObject* context, StatusCallback done) override;

    // The target's; while there is none, true (the keychain is what is being waited for).
    bool isPersistent() const override;
    QString backendName() const override;

Q_SIGNALS:
    void targetChanged();

private:
    // Runs `operation` now when there is a target, else once there is one.
    void whenReady(std::function<void()> operation);
    void readFrom(std::size_t index, const QUuid& connectionId, SecretKind kind,
                  std::function<void(Result<SecureBytes>)> deliver);
    // The stores reads try, newest first.
    std::vector<SecretStore*> chain() const;

    std::unique_ptr<SecretStore> m_target;
    std::vector<std::unique_ptr<SecretStore>> m_replaced;
    std::vector<std::function<void()>> m_waiting;
};

} // namespace Conclave::Core
