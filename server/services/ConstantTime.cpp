// Constant-time equality over libsodium.
#include "server/services/ConstantTime.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace Conclave::Server {

bool ConstantTime::equal(QByteArrayView a, QByteArrayView b)
{
    Core::Sodium::ensure();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace Conclave::Server
