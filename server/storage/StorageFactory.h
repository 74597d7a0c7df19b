// StorageFactory: turns the configured storage URL into the matching database and its stores.
#pragma once

#include "server/storage/Storage.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Conclave::Server {

class StorageFactory final
{
public:
    // "sqlite:<path>" or "postgresql://user@host:port/db"; the database is not opened yet.
    static Core::Result<std::unique_ptr<Storage>> create(const QString& url, const QByteArray& password);
};

} // namespace Conclave::Server
