// ProbeCredentials: the user name and password "Test connection" signs in with. They come
// from the keychain (or a dialog) for one test and are never stored; the password stays in
// a wiping SecureBytes buffer, so this type is move-only.
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QString>

namespace Conclave::Core {

struct ProbeCredentials
{
    QString username;     // empty: the connection's user name
    SecureBytes password; // empty: no password is offered
};

} // namespace Conclave::Core
