// LaunchCredentials: what "Open" hands to the client for one launch. The password reaches
// the client through a 0600 file or the client's environment, never its command line.
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QString>

namespace Conclave::Core {

struct LaunchCredentials
{
    QString username;     // empty: the connection's user name
    SecureBytes password; // empty: the client prompts if it needs one
    QString identityFile; // SSH: path of a private key file for `ssh -i`; never key bytes
};

} // namespace Conclave::Core
