// SharedCredentials: see the header. The names are part of every entry key: never change them.
#include "core/keychain/SharedCredentials.h"

#include "core/keychain/SecretStore.h"

namespace Conclave::Core {

QString SharedCredentials::fieldName(SharedCredential field)
{
    switch (field) {
    case SharedCredential::User:
        return QStringLiteral("user");
    case SharedCredential::Password:
        return QStringLiteral("password");
    case SharedCredential::SshUser:
        return QStringLiteral("sshUser");
    case SharedCredential::SshPassphrase:
        return QStringLiteral("sshPassphrase");
    }
    return {};
}

QString SharedCredentials::entryKey(const QUuid& folderId, const QUuid& itemId, SharedCredential field)
{
    return QStringLiteral("shared/") + folderId.toString(QUuid::WithoutBraces) + u'/' +
           itemId.toString(QUuid::WithoutBraces) + u'/' + fieldName(field);
}

void SharedCredentials::removeAll(SecretStore& store, const QUuid& folderId, const QUuid& itemId,
                                  QObject* context)
{
    for (SharedCredential field : kAll)
        store.removeEntry(entryKey(folderId, itemId, field), context, {});
}

} // namespace Conclave::Core
