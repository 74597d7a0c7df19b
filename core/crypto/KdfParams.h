// KdfParams: the Argon2id salt and cost the server hands out at prelogin. The client checks
// them before deriving anything, because a malicious server could otherwise lower the cost
// to make a captured auth key cheap to brute-force.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QtGlobal>

#include <optional>

namespace Conclave::Core {

struct KdfParams
{
    // The protocol's one definition of the accepted range (docs/security/protocol.md §2): the
    // client refuses anything outside it, and the server must accept exactly this range at
    // sign-up and password change, so no account can be created that its clients refuse.
    static constexpr quint64 kMinOpsLimit = 3;
    static constexpr quint64 kMinMemLimit = quint64(64) << 20;
    // Upper bounds keep a hostile server from making the client allocate or spin forever.
    static constexpr quint64 kMaxOpsLimit = 64;
    static constexpr quint64 kMaxMemLimit = quint64(4) << 30;
    static constexpr qsizetype kSaltSize = 16;

    quint64 opsLimit = kMinOpsLimit;
    quint64 memLimit = quint64(256) << 20;
    QByteArray salt;

    // Fresh parameters for a new account or a password change: random salt, default cost.
    static KdfParams generate();

    // Refuses a cost below the floor or below `lastSeen` (the parameters this client last
    // used for the account), an over-large cost, and a salt of the wrong size.
    Status checkAcceptable(const std::optional<KdfParams>& lastSeen) const;
};

} // namespace Conclave::Core
