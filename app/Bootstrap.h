// Bootstrap: process set-up that must happen before anything else in main(), after
// KeePassXC's core/Bootstrap.cpp. In hardened (release) builds the process cannot dump core
// and cannot be attached to with ptrace, so keys and passwords in memory do not end up in
// crash files or in another process of the same user.
#pragma once

namespace Conclave::Gui::Bootstrap {

// Disables core dumps and ptrace in builds with CONCLAVE_HARDENED; does nothing otherwise.
// Returns false when a hardening step failed (the app still runs, and logs it).
bool hardenProcess();
// True when this build hardens the process.
constexpr bool isHardenedBuild()
{
#ifdef CONCLAVE_HARDENED
    return true;
#else
    return false;
#endif
}

} // namespace Conclave::Gui::Bootstrap
