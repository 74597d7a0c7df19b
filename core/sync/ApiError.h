// ApiError: what went wrong with one request to the sync server, in the server's error model
// (docs/api/openapi.yaml: status, reason code, field, Retry-After) or before it answered
// (offline, timed out, refused by the sharing gate, not the API we speak). toError() turns
// it into the sentence a user reads: the client's own translation per reason, never the
// server's English message alone, because a server's words are neither translated nor trusted.
#pragma once

#include "core/util/Error.h"

#include <QDateTime>
#include <QString>

namespace Conclave::Core {

struct ApiError
{
    // Error::field of what toError() makes of a 5xx answer (the server answered, but failed):
    // worth trying again, unlike the other ErrorCode::Unavailable errors (rate limits).
    static constexpr char kServerTrouble[] = "server-trouble";

    enum class Kind
    {
        None,
        Refused,  // the sharing gate stopped it; nothing was sent
        Offline,  // no connection to the server (refused, unreachable, name not found, TLS)
        Timeout,  // no complete answer in time
        Server,   // the server answered with its error model
        Protocol, // an answer that is not the API (not JSON, wrong shape, unknown version)
    };

    Kind kind = Kind::None;
    int status = 0; // HTTP status when the server answered
    // The server's stable reason ("rate-limited", "wrong-credentials", ...); for Offline, "tls"
    // when the server's certificate was not accepted.
    QString reason;
    QString field;  // the request field the server named, if any
    QString detail; // the gate's or the network's sentence, or the server's English message
    int retryAfterSeconds = -1;
    QDateTime retryAt; // when Retry-After ends (UTC), for the sentence

    bool isSet() const { return kind != Kind::None; }
    bool isReason(const char* name) const { return reason == QLatin1String(name); }

    // The translated sentence for the user, with the error code programs look at.
    Error toError() const;
};

} // namespace Conclave::Core
