// Choosing a storage backend from its URL.
#include "server/storage/StorageFactory.h"

#include "server/storage/PostgresDatabase.h"
#include "server/storage/SqliteDatabase.h"

#include <QCoreApplication>
#include <QUrl>

namespace Conclave::Server {

Core::Result<std::unique_ptr<Storage>> StorageFactory::create(const QString& url, const QByteArray& password)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        QString path = url.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (!path.isEmpty())
            return std::make_unique<Storage>(std::make_unique<SqliteDatabase>(path));
    }
    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (parsed.isValid() && !parsed.host().isEmpty() && parsed.path().size() > 1 &&
            parsed.password().isEmpty()) {
            return std::make_unique<Storage>(std::make_unique<PostgresDatabase>(parsed, password));
        }
        if (parsed.isValid() && !parsed.password().isEmpty()) {
            return Core::Error::make(Core::ErrorCode::InvalidInput,
                                     QCoreApplication::translate(
                                         "StorageFactory", "Do not put the database password in the storage "
                                                           "URL; use CONCLAVE_STORAGE_PASSWORD or "
                                                           "storage/passwordFile."),
                                     QStringLiteral("storage"));
        }
    }
    return Core::Error::make(Core::ErrorCode::InvalidInput,
                             QCoreApplication::translate("StorageFactory",
                                                         "The storage URL must be sqlite:<file> or "
                                                         "postgresql://user@host:port/database."),
                             QStringLiteral("storage"));
}

} // namespace Conclave::Server
