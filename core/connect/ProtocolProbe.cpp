// The probe for each kind of connection.
#include "core/connect/ProtocolProbe.h"

#include "core/connect/MongoProbe.h"
#include "core/connect/MySqlProbe.h"
#include "core/connect/PostgresProbe.h"
#include "core/connect/RedisProbe.h"
#include "core/connect/SshProbe.h"

namespace Conclave::Core {

std::unique_ptr<ProtocolProbe> ProtocolProbe::create(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::MongoDB:
        return std::make_unique<MongoProbe>();
    case ConnectionKind::PostgreSQL:
        return std::make_unique<PostgresProbe>();
    case ConnectionKind::MySQL:
        return std::make_unique<MySqlProbe>();
    case ConnectionKind::Redis:
        return std::make_unique<RedisProbe>();
    case ConnectionKind::SSH:
        return std::make_unique<SshProbe>();
    }
    return std::make_unique<SshProbe>();
}

} // namespace Conclave::Core
