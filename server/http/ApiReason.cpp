// The wire names of ApiReason. Never rename one: clients match on them.
#include "server/http/ApiReason.h"

namespace Conclave::Server {

QString reasonName(ApiReason reason)
{
    switch (reason) {
    case ApiReason::InvalidInput:
        return QStringLiteral("invalid-input");
    case ApiReason::CryptoRejected:
        return QStringLiteral("crypto-rejected");
    case ApiReason::Unauthenticated:
        return QStringLiteral("unauthenticated");
    case ApiReason::WrongCredentials:
        return QStringLiteral("wrong-credentials");
    case ApiReason::WrongPassword:
        return QStringLiteral("wrong-password");
    case ApiReason::EmailUnverified:
        return QStringLiteral("email-unverified");
    case ApiReason::SharingBlocked:
        return QStringLiteral("sharing-blocked");
    case ApiReason::NotOrgAdmin:
        return QStringLiteral("not-org-admin");
    case ApiReason::WouldLockOut:
        return QStringLiteral("would-lock-out");
    case ApiReason::Forbidden:
        return QStringLiteral("forbidden");
    case ApiReason::NotFound:
        return QStringLiteral("not-found");
    case ApiReason::MethodNotAllowed:
        return QStringLiteral("method-not-allowed");
    case ApiReason::Conflict:
        return QStringLiteral("conflict");
    case ApiReason::Gone:
        return QStringLiteral("gone");
    case ApiReason::PayloadTooLarge:
        return QStringLiteral("payload-too-large");
    case ApiReason::RateLimited:
        return QStringLiteral("rate-limited");
    case ApiReason::Internal:
        return QStringLiteral("internal");
    case ApiReason::Unavailable:
        return QStringLiteral("unavailable");
    case ApiReason::NotInOrganisation:
        return QStringLiteral("not-in-organisation");
    case ApiReason::TooManyPending:
        return QStringLiteral("too-many-pending");
    }
    return QStringLiteral("internal");
}

QList<ApiReason> allReasons()
{
    QList<ApiReason> list;
    for (int r = int(ApiReason::InvalidInput); r <= int(ApiReason::TooManyPending); ++r)
        list.append(ApiReason(r));
    return list;
}

} // namespace Conclave::Server
