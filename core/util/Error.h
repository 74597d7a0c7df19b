// Error: what went wrong, as a code for programs and a sentence for people. Every fallible
// operation in Conclave returns one inside a Result; a user never sees the code alone.
#pragma once

#include <QString>

namespace Conclave::Core {

enum class ErrorCode
{
    InvalidInput, // the caller's data is wrong; `field` names the part
    NotFound,
    AlreadyExists,
    Io,            // file system or device failure
    Corrupt,       // stored data failed its checks
    VersionTooNew, // written by a newer Conclave; never overwritten
    Crypto,        // authentication, signature or key failure
    Denied,        // missing rights or policy
    Timeout,
    Cancelled,
    Unavailable, // a service (keychain, server) is not there
    Network,
    Protocol, // a peer spoke something we do not accept
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // translated, complete sentence for the user
    QString field;   // for InvalidInput: the field at fault (e.g. "port", "hosts[1]")

    static Error make(ErrorCode code, const QString& message, const QString& field = {})
    {
        return Error{code, message, field};
    }
};

// Stable name of a code, for logs and tests ("invalid-input", "timeout", ...).
QString errorCodeName(ErrorCode code);

} // namespace Conclave::Core
