// StorageFactory: turns the configured storage URL into the matching backend.
#pragma once

#include "server/storage/StorageBackend.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Conclave::Server {

class StorageFactory final
{
public:
    // "sqlite:<path>" or "postgresql://user@host:port/db"; the backend is not opened yet.
    static Core::Result<std::unique_ptr<StorageBackend>> create(const QString& url,
                                                                const QByteArray& password);
};

} // namespace Conclave::Server
