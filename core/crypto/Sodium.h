// Sodium: one-time libsodium initialisation. Every crypto entry point calls ensure() first.
#pragma once

namespace Conclave::Core::Sodium {

// Initialises libsodium once per process; thread-safe. Aborts if the library cannot start,
// because continuing without a working RNG would be unsafe.
void ensure();

} // namespace Conclave::Core::Sodium
