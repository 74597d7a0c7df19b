// SharingGate: whether a user may use Team Sharing now, and if not, why — blocked by an
// organisation admin, or the address not (or no longer) verified — with the sentence to show.
#pragma once

#include <QString>

namespace Conclave::Server {

struct SharingGate
{
    enum class Denial
    {
        None,
        Blocked,
        Unverified
    };

    Denial denial = Denial::None;
    QString message;
    QString orgId;  // Blocked: the organisation whose block applies (its audit log records the refusal)
    QString detail; // Blocked: the reason its admin gave, verbatim (may be empty), for the client to show

    bool allowed() const { return denial == Denial::None; }
};

} // namespace Conclave::Server
