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

bool SecretStore::isValidEntryKey(const QString& key)
{
    if (!key.startsWith(QLatin1String("shared/")) || key.size() > 207)
        return false;
    for (const QChar c : key) {
        if (c.category() == QChar::Other_Control || c.isSpace())
            return false;
    }
    return true;
}

namespace {

Error noEntries()
{
    return Error::make(ErrorCode::Unavailable,
                       SecretStore::tr("This secret store keeps no shared credentials."));
}

} // namespace

void SecretStore::readEntry(const QString&, QObject* context, ReadCallback done)
{
    post<Result<SecureBytes>>(effectiveContext(context), std::move(done), Result<SecureBytes>(noEntries()));
}

void SecretStore::writeEntry(const QString&, SecureBytes value, QObject* context, StatusCallback done)
{
    value.clear();
    post<Status>(effectiveContext(context), std::move(done), Status(noEntries()));
}

void SecretStore::removeEntry(const QString&, QObject* context, StatusCallback done)
{
    post<Status>(effectiveContext(context), std::move(done), Status(noEntries()));
}

} // namespace Conclave::Core
