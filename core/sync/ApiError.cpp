// The user's sentence for each way a request to the sync server can fail; see the header.
#include "core/sync/ApiError.h"

#include <QCoreApplication>
#include <QLocale>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::ApiError)
};

// The server appends an organisation admin's own words to its English block message as
// "... Their reason: <text>" (server/services/AccountService.cpp). Only those words are
// shown next to the client's translated sentence; the rest of the English is not.
QString adminReason(const QString& serverMessage)
{
    static const QLatin1String marker(" Their reason: ");
    const qsizetype at = serverMessage.indexOf(marker);
    return at < 0 ? QString() : serverMessage.mid(at + marker.size()).trimmed();
}

Error serverError(const ApiError& e)
{
    if (e.isReason("wrong-credentials")) {
        return Error::make(ErrorCode::Denied, Tr::tr("The email address or the password is wrong."),
                           QStringLiteral("password"));
    }
    if (e.isReason("wrong-password"))
        return Error::make(ErrorCode::Denied, Tr::tr("The current password is wrong."),
                           QStringLiteral("password"));
    if (e.isReason("email-unverified")) {
        return Error::make(ErrorCode::Denied,
                           Tr::tr("Your email address is not verified yet. Enter the code from the email "
                                  "the sharing server sent you."),
                           QStringLiteral("email"));
    }
    if (e.isReason("sharing-blocked")) {
        const QString why = adminReason(e.detail);
        QString text = Tr::tr("Your organisation's administrators have turned off Team Sharing for you.");
        if (!why.isEmpty())
            text += QLatin1Char(' ') + Tr::tr("Their reason: %1").arg(why);
        return Error::make(ErrorCode::Denied, text, QStringLiteral("sharing-blocked"));
    }
    if (e.isReason("rate-limited")) {
        if (e.retryAt.isValid()) {
            const QString when =
                QLocale().toString(e.retryAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
            return Error::make(ErrorCode::Unavailable,
                               Tr::tr("Too many attempts. Try again at %1.").arg(when));
        }
        return Error::make(ErrorCode::Unavailable, Tr::tr("Too many attempts. Try again later."));
    }
    if (e.isReason("unauthenticated"))
        return Error::make(ErrorCode::Denied,
                           Tr::tr("Your session with the sharing server has ended. Sign in again."));
    if (e.isReason("conflict") && e.field == QLatin1String("email"))
        return Error::make(ErrorCode::AlreadyExists,
                           Tr::tr("An account with this email address exists already."),
                           QStringLiteral("email"));
    if (e.isReason("conflict") && e.field == QLatin1String("bundle")) {
        return Error::make(ErrorCode::AlreadyExists,
                           Tr::tr("The sharing server says these keys belong to another account."));
    }
    if (e.isReason("conflict"))
        return Error::make(ErrorCode::AlreadyExists,
                           Tr::tr("The sharing server holds a different version already."));
    if (e.isReason("invalid-input")) {
        if (e.field == QLatin1String("code")) {
            return Error::make(ErrorCode::InvalidInput,
                               Tr::tr("The verification code is wrong or has expired."), e.field);
        }
        if (e.field == QLatin1String("email"))
            return Error::make(ErrorCode::InvalidInput, Tr::tr("This is not a valid email address."),
                               e.field);
        if (e.field == QLatin1String("name"))
            return Error::make(ErrorCode::InvalidInput, Tr::tr("Enter a name of at most 200 characters."),
                               e.field);
        return Error::make(ErrorCode::InvalidInput,
                           Tr::tr("The sharing server refused the value of \"%1\".").arg(e.field), e.field);
    }
    if (e.isReason("not-found"))
        return Error::make(ErrorCode::NotFound, Tr::tr("The sharing server has no such object."));
    if (e.isReason("forbidden") || e.isReason("not-org-admin"))
        return Error::make(ErrorCode::Denied, Tr::tr("You are not allowed to do this."));
    if (e.isReason("internal") || e.isReason("unavailable") || e.status >= 500)
        return Error::make(ErrorCode::Unavailable,
                           Tr::tr("The sharing server has a problem. Try again later."),
                           QLatin1String(ApiError::kServerTrouble));
    return Error::make(ErrorCode::Protocol,
                       Tr::tr("The sharing server refused the request (%1).")
                           .arg(e.reason.isEmpty() ? QString::number(e.status) : e.reason));
}

} // namespace

Error ApiError::toError() const
{
    switch (kind) {
    case Kind::None:
        break;
    case Kind::Refused:
        return Error::make(ErrorCode::Denied, detail);
    case Kind::Offline:
        if (reason == QLatin1String("tls")) {
            return Error::make(
                ErrorCode::Network,
                Tr::tr("The identity of the sharing server cannot be verified: its TLS certificate "
                       "is not trusted on this computer. Conclave does not connect to it."));
        }
        return Error::make(ErrorCode::Network,
                           Tr::tr("The sharing server cannot be reached. Check the network "
                                  "connection and the server address."));
    case Kind::Timeout:
        return Error::make(ErrorCode::Timeout,
                           Tr::tr("The sharing server did not answer in time. Try again later."));
    case Kind::Server:
        return serverError(*this);
    case Kind::Protocol:
        if (reason == QLatin1String("server-too-old")) {
            return Error::make(ErrorCode::Protocol,
                               Tr::tr("The sharing server is too old for this version of Conclave. Ask its "
                                      "administrator to update it."));
        }
        if (reason == QLatin1String("server-too-new")) {
            return Error::make(ErrorCode::VersionTooNew,
                               Tr::tr("The sharing server is newer than this version of Conclave. Update "
                                      "Conclave to use it."));
        }
        return Error::make(ErrorCode::Protocol,
                           Tr::tr("The sharing server gave an answer Conclave does not understand."));
    }
    return Error::make(ErrorCode::Internal, Tr::tr("Something went wrong."));
}

} // namespace Conclave::Core
