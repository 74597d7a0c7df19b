// libsodium initialisation.
#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace Conclave::Core::Sodium {

void ensure()
{
    static std::once_flag s_once;
    std::call_once(s_once, [] {
        if (sodium_init() < 0)
            std::abort();
    });
}

} // namespace Conclave::Core::Sodium
