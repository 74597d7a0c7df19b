// Argument checks common to every SecretStore implementation.
#include "core/keychain/SecretStore.h"

#include <QCoreApplication>

namespace Conclave::Core {

SecretStore::SecretStore(QObject* parent)
    : QObject(parent)
{}

SecretStore::~SecretStore() = default;

Status SecretStore::validateConnection(const QUuid& connectionId)
{
    if (connectionId.isNull()) {
        return Error::make(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("SecretStore", "A secret can only be stored for a saved connection."),
            QStringLiteral("connectionId"));
    }
    return {};
}

Status SecretStore::validateTarget(const QUuid& connectionId, SecretKind kind)
{
    if (Status status = validateConnection(connectionId); !status)
        return status;
    if (!isValidSecretKind(kind)) {
        return Error::make(ErrorCode::InvalidInput,
                           QCoreApplication::translate("SecretStore", "This kind of secret is not known."),
                           QStringLiteral("kind"));
    }
    return {};
}

Status SecretStore::validateValue(const SecureBytes& value)
{
    if (value.size() > kMaxSecretSize) {
        return Error::make(ErrorCode::InvalidInput,
                           QCoreApplication::translate(
                               "SecretStore", "The secret is too large to store; the limit is %1 KiB.")
                               .arg(kMaxSecretSize / 1024),
                           QStringLiteral("value"));
    }
    return {};
}

bool SecretStore::acceptWrite(const QUuid& connectionId, SecretKind kind, SecureBytes& value,
                              QObject* context, StatusCallback& done)
{
    Status status = validateTarget(connectionId, kind);
    if (status)
        status = validateValue(value);
    if (status)
        return true;
    value.clear();
    post<Status>(context, std::move(done), status);
    return false;
}

} // namespace Conclave::Core
