// DeferredSecretStore: see the header.
#include "core/keychain/DeferredSecretStore.h"

#include <QCoreApplication>
#include <QPointer>

#include <utility>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeferredSecretStore)
};

// The caller's context, remembered so that a callback is dropped when its context died
// while the operation waited (a null context stands for the store itself).
class Guard
{
public:
    explicit Guard(QObject* context)
        : m_context(context)
        , m_given(context != nullptr)
    {}
    bool alive() const { return !m_given || m_context; }
    QObject* get() const { return m_context.data(); }

private:
    QPointer<QObject> m_context;
    bool m_given;
};

} // namespace

DeferredSecretStore::DeferredSecretStore(QObject* parent)
    : SecretStore(parent)
{}

DeferredSecretStore::~DeferredSecretStore() = default;

void DeferredSecretStore::setTarget(std::unique_ptr<SecretStore> store)
{
    Q_ASSERT(store);
    if (m_target)
        m_replaced.push_back(std::move(m_target));
    m_target = std::move(store);
    std::vector<std::function<void()>> waiting = std::exchange(m_waiting, {});
    for (auto& operation : waiting)
        operation();
    Q_EMIT targetChanged();
}

bool DeferredSecretStore::isPersistent() const
{
    return m_target ? m_target->isPersistent() : true;
}

QString DeferredSecretStore::backendName() const
{
    return m_target ? m_target->backendName() : Tr::tr("waiting for the system keychain");
}

void DeferredSecretStore::whenReady(std::function<void()> operation)
{
    if (m_target)
        operation();
    else
        m_waiting.push_back(std::move(operation));
}

std::vector<SecretStore*> DeferredSecretStore::chain() const
{
    std::vector<SecretStore*> stores{m_target.get()};
    for (auto it = m_replaced.rbegin(); it != m_replaced.rend(); ++it)
        stores.push_back(it->get());
    return stores;
}

void DeferredSecretStore::readFrom(std::size_t index, const QUuid& connectionId, SecretKind kind,
                                   std::function<void(Result<SecureBytes>)> deliver)
{
    const std::vector<SecretStore*> stores = chain();
    stores.at(index)->read(connectionId, kind, this,
                           [this, index, connectionId, kind, deliver](Result<SecureBytes> value) mutable {
                               const bool tryNext = !value.ok() &&
                                                    value.error().code == ErrorCode::NotFound &&
                                                    index + 1 < chain().size();
                               if (tryNext)
                                   readFrom(index + 1, connectionId, kind, std::move(deliver));
                               else
                                   deliver(std::move(value));
                           });
}

void DeferredSecretStore::read(const QUuid& connectionId, SecretKind kind, QObject* context,
                               ReadCallback done)
{
    if (!acceptTarget(connectionId, kind, effectiveContext(context), done))
        return;
    const Guard guard(context);
    whenReady([this, connectionId, kind, guard, done = std::move(done)]() mutable {
        readFrom(0, connectionId, kind, [guard, done = std::move(done)](Result<SecureBytes> value) {
            if (guard.alive() && done)
                done(std::move(value));
        });
    });
}

void DeferredSecretStore::write(const QUuid& connectionId, SecretKind kind, SecureBytes value,
                                QObject* context, StatusCallback done)
{
    if (!acceptWrite(connectionId, kind, value, effectiveContext(context), done))
        return;
    // A shared holder keeps the waiting operation copyable; the buffer is handed on once.
    auto holder = std::make_shared<SecureBytes>(std::move(value));
    const Guard guard(context);
    whenReady([this, connectionId, kind, holder, guard, done = std::move(done)]() mutable {
        m_target->write(connectionId, kind, std::move(*holder), this, [guard, done](Status status) {
            if (guard.alive() && done)
                done(std::move(status));
        });
    });
}

void DeferredSecretStore::readEntry(const QString& key, QObject* context, ReadCallback done)
{
    const Guard guard(context);
    whenReady([this, key, guard, done = std::move(done)]() mutable {
        m_target->readEntry(key, this, [guard, done](Result<SecureBytes> value) {
            if (guard.alive() && done)
                done(std::move(value));
        });
    });
}

void DeferredSecretStore::writeEntry(const QString& key, SecureBytes value, QObject* context,
                                     StatusCallback done)
{
    auto holder = std::make_shared<SecureBytes>(std::move(value));
    const Guard guard(context);
    whenReady([this, key, holder, guard, done = std::move(done)]() mutable {
        m_target->writeEntry(key, std::move(*holder), this, [guard, done](Status status) {
            if (guard.alive() && done)
                done(std::move(status));
        });
    });
}

void DeferredSecretStore::removeEntry(const QString& key, QObject* context, StatusCallback done)
{
    const Guard guard(context);
    whenReady([this, key, guard, done = std::move(done)]() mutable {
        for (const auto& replaced : m_replaced)
            replaced->removeEntry(key, this, {});
        m_target->removeEntry(key, this, [guard, done](Status status) {
            if (guard.alive() && done)
                done(std::move(status));
        });
    });
}

void DeferredSecretStore::remove(const QUuid& connectionId, SecretKind kind, QObject* context,
                                 StatusCallback done)
{
    if (!acceptTarget(connectionId, kind, effectiveContext(context), done))
        return;
    const Guard guard(context);
    whenReady([this, connectionId, kind, guard, done = std::move(done)]() mutable {
        for (const auto& replaced : m_replaced)
            replaced->remove(connectionId, kind, this, {});
        m_target->remove(connectionId, kind, this, [guard, done](Status status) {
            if (guard.alive() && done)
                done(std::move(status));
        });
    });
}

void DeferredSecretStore::removeAll(const QUuid& connectionId, QObject* context, StatusCallback done)
{
    if (!acceptTarget(connectionId, std::nullopt, effectiveContext(context), done))
        return;
    const Guard guard(context);
    whenReady([this, connectionId, guard, done = std::move(done)]() mutable {
        for (const auto& replaced : m_replaced)
            replaced->removeAll(connectionId, this, {});
        m_target->removeAll(connectionId, this, [guard, done](Status status) {
            if (guard.alive() && done)
                done(std::move(status));
        });
    });
}

} // namespace Conclave::Core
