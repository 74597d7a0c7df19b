// SecretStore: where a connection's secrets live (DESIGN §2 "Secrets"). Passwords, SSH keys
// and passphrases, client certificates and keys go to the OS keychain (KeychainSecretStore) or,
// when there is none, to locked memory for this run only (MemorySecretStore). Never to SQLite,
// settings or any file. SecretStoreFactory picks the implementation.
//
// Every operation is asynchronous because the OS keychain may prompt or be slow. `context` is
// the caller's object: the callback runs in its thread's event loop, and not at all when the
// context has been destroyed before the operation completed. Callbacks never run from inside
// the call that started the operation. A store is used from the thread it lives in.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/SecretKind.h"
#include "core/util/Result.h"

#include <QObject>
#include <QUuid>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace Conclave::Core {

class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using ReadCallback = std::function<void(Result<SecureBytes>)>;
    using StatusCallback = std::function<void(Status)>;

    // Larger values are refused with InvalidInput; the biggest real secret (a certificate
    // chain) is a few tens of KiB, and keychains are not meant for bulk data.
    static constexpr std::size_t kMaxSecretSize = 1024 * 1024;

    ~SecretStore() override;

    // The secret, or ErrorCode::NotFound when none is stored.
    virtual void read(const QUuid& connectionId, SecretKind kind, QObject* context, ReadCallback done) = 0;
    // Stores or replaces the secret. The store takes the buffer and wipes it when done.
    virtual void write(const QUuid& connectionId, SecretKind kind, SecureBytes value, QObject* context,
                       StatusCallback done) = 0;
    // Removes the secret; removing one that is not there succeeds.
    virtual void remove(const QUuid& connectionId, SecretKind kind, QObject* context,
                        StatusCallback done) = 0;
    // Removes every kind of secret of the connection (when it is deleted).
    virtual void removeAll(const QUuid& connectionId, QObject* context, StatusCallback done) = 0;

    // Entries that belong to no local connection: a member's own credentials for a shared
    // connection, under SharedCredentials::entryKey() ("shared/<folder>/<item>/<field>").
    // Same rules as above (NotFound, wiping, callbacks). A store without them refuses.
    virtual void readEntry(const QString& key, QObject* context, ReadCallback done);
    virtual void writeEntry(const QString& key, SecureBytes value, QObject* context, StatusCallback done);
    virtual void removeEntry(const QString& key, QObject* context, StatusCallback done);
    // "shared/" followed by at most 200 printable characters.
    static bool isValidEntryKey(const QString& key);

    // False when secrets are lost when Conclave quits (the memory fallback).
    virtual bool isPersistent() const = 0;
    // Where secrets are kept, for the UI ("Secret Service", "this session only"); translated.
    virtual QString backendName() const = 0;

protected:
    explicit SecretStore(QObject* parent = nullptr);

    // The object callbacks are bound to: the caller's context, or this store when none is given.
    QObject* effectiveContext(QObject* context) { return context ? context : this; }

    // Argument checks shared by all stores; the Error names the field at fault.
    static Status validateTarget(const QUuid& connectionId, SecretKind kind);
    static Status validateConnection(const QUuid& connectionId);
    static Status validateValue(const SecureBytes& value);
    // The checks of a read, remove or removeAll (`kind` absent: every kind). On failure `done`
    // hears the error in `context`'s event loop and false is returned; the caller stops there.
    template<typename Value>
    static bool acceptTarget(const QUuid& connectionId, std::optional<SecretKind> kind, QObject* context,
                             std::function<void(Value)>& done);
    // The checks of a write (target and value). On failure `value` is wiped, `done` hears the
    // error in `context`'s event loop and false is returned; the caller stops there.
    static bool acceptWrite(const QUuid& connectionId, SecretKind kind, SecureBytes& value, QObject* context,
                            StatusCallback& done);

    // Queues done(value) to context's event loop; dropped if context dies first.
    template<typename Value> static void post(QObject* context, std::function<void(Value)> done, Value value);
};

template<typename Value>
void SecretStore::post(QObject* context, std::function<void(Value)> done, Value value)
{
    if (!done || !context)
        return;
    // A shared holder keeps the lambda copyable although Result<SecureBytes> is move-only.
    auto holder = std::make_shared<Value>(std::move(value));
    QMetaObject::invokeMethod(
        context, [done = std::move(done), holder] { done(std::move(*holder)); }, Qt::QueuedConnection);
}

template<typename Value>
bool SecretStore::acceptTarget(const QUuid& connectionId, std::optional<SecretKind> kind, QObject* context,
                               std::function<void(Value)>& done)
{
    const Status status = kind ? validateTarget(connectionId, *kind) : validateConnection(connectionId);
    if (status)
        return true;
    if constexpr (std::is_same_v<Value, Status>)
        post<Status>(context, std::move(done), status);
    else
        post<Value>(context, std::move(done), Value(status.error()));
    return false;
}

} // namespace Conclave::Core
