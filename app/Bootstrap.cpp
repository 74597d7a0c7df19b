// Bootstrap: see the header.
#include "app/Bootstrap.h"

#if defined(Q_OS_LINUX) || defined(__linux__)
#include <sys/prctl.h>
#endif
#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#endif

namespace Conclave::Gui::Bootstrap {

bool hardenProcess()
{
#ifdef CONCLAVE_HARDENED
    bool ok = true;
#if defined(__unix__) || defined(__APPLE__)
    // No core files: they would contain decrypted items and keys.
    struct rlimit limit = {0, 0};
    if (setrlimit(RLIMIT_CORE, &limit) != 0)
        ok = false;
#endif
#if defined(__linux__)
    // Not dumpable: also blocks ptrace attach by other processes of the same user.
    if (prctl(PR_SET_DUMPABLE, 0) != 0)
        ok = false;
#endif
    return ok;
#else
    return true; // debug builds keep core dumps and ptrace for developers
#endif
}

} // namespace Conclave::Gui::Bootstrap
