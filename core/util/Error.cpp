// Names of error codes for diagnostics; user-facing text lives in Error::message.
#include "core/util/Error.h"

namespace Conclave::Core {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already-exists");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::VersionTooNew:
        return QStringLiteral("version-too-new");
    case ErrorCode::Crypto:
        return QStringLiteral("crypto");
    case ErrorCode::Denied:
        return QStringLiteral("denied");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Protocol:
        return QStringLiteral("protocol");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

} // namespace Conclave::Core
