// Secrets in locked memory for one run; see MemorySecretStore.h.
#include "core/keychain/MemorySecretStore.h"

#include "core/util/LogCategories.h"

namespace Conclave::Core {

MemorySecretStore::MemorySecretStore(QObject* parent)
    : SecretStore(parent)
{
    qCInfo(lcCoreKeychain) << "secrets are kept in memory for this session only";
}

// The SecureBytes destructors wipe every value.
MemorySecretStore::~MemorySecretStore() = default;

QString MemorySecretStore::backendName() const
{
    return tr("this session only");
}

void MemorySecretStore::read(const QUuid& connectionId, SecretKind kind, QObject* context, ReadCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptTarget(connectionId, kind, target, done))
        return;
    const auto it = m_entries.find(Key(connectionId, kind));
    if (it == m_entries.end()) {
        post<Result<SecureBytes>>(
            target, std::move(done),
            Error::make(ErrorCode::NotFound,
                        tr("No %1 is stored for this connection.").arg(secretKindDisplayName(kind))));
        return;
    }
    // The caller gets its own copy, so a later remove() cannot pull memory from under it.
    post<Result<SecureBytes>>(target, std::move(done), it->second.clone());
}

void MemorySecretStore::write(const QUuid& connectionId, SecretKind kind, SecureBytes value, QObject* context,
                              StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptWrite(connectionId, kind, value, target, done))
        return;
    // Assigning over an existing entry frees, and so wipes, the old value.
    m_entries[Key(connectionId, kind)] = std::move(value);
    qCDebug(lcCoreKeychain) << "stored in memory:" << connectionId << secretKindName(kind);
    post<Status>(target, std::move(done), Status());
}

void MemorySecretStore::remove(const QUuid& connectionId, SecretKind kind, QObject* context,
                               StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptTarget(connectionId, kind, target, done))
        return;
    m_entries.erase(Key(connectionId, kind));
    qCDebug(lcCoreKeychain) << "removed from memory:" << connectionId << secretKindName(kind);
    post<Status>(target, std::move(done), Status());
}

void MemorySecretStore::removeAll(const QUuid& connectionId, QObject* context, StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptTarget(connectionId, std::nullopt, target, done))
        return;
    for (SecretKind kind : kAllSecretKinds)
        m_entries.erase(Key(connectionId, kind));
    qCDebug(lcCoreKeychain) << "removed all from memory:" << connectionId;
    post<Status>(target, std::move(done), Status());
}

namespace {

Error badKey()
{
    return Error::make(ErrorCode::InvalidInput,
                       MemorySecretStore::tr("The keychain entry name is not valid."), QStringLiteral("key"));
}

} // namespace

void MemorySecretStore::readEntry(const QString& key, QObject* context, ReadCallback done)
{
    QObject* target = effectiveContext(context);
    if (!isValidEntryKey(key))
        return post<Result<SecureBytes>>(target, std::move(done), Result<SecureBytes>(badKey()));
    const auto it = m_named.find(key);
    if (it == m_named.end())
        return post<Result<SecureBytes>>(
            target, std::move(done),
            Result<SecureBytes>(Error::make(ErrorCode::NotFound, tr("Nothing is stored under this name."))));
    post<Result<SecureBytes>>(target, std::move(done), it->second.clone());
}

void MemorySecretStore::writeEntry(const QString& key, SecureBytes value, QObject* context,
                                   StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!isValidEntryKey(key)) {
        value.clear();
        return post<Status>(target, std::move(done), Status(badKey()));
    }
    if (Status valid = validateValue(value); !valid) {
        value.clear();
        return post<Status>(target, std::move(done), valid);
    }
    m_named[key] = std::move(value);
    post<Status>(target, std::move(done), Status());
}

void MemorySecretStore::removeEntry(const QString& key, QObject* context, StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!isValidEntryKey(key))
        return post<Status>(target, std::move(done), Status(badKey()));
    m_named.erase(key);
    post<Status>(target, std::move(done), Status());
}

} // namespace Conclave::Core
