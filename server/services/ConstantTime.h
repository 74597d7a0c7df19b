// ConstantTime: the one comparison the server uses for secret-derived bytes (auth-key hashes,
// verification-code hashes, session-token hashes). `==` stops at the first differing byte,
// so its time tells an attacker how much of a guess was right; sodium_memcmp takes the same
// time for any two inputs of one length. tests/server/TestServerSourceRules keeps `==` off
// such values, since no behavioural test can see the difference.
#pragma once

#include <QByteArrayView>

namespace Conclave::Server {

class ConstantTime final
{
public:
    // Lengths are not secret (all these hashes are 32 bytes); different lengths are unequal.
    static bool equal(QByteArrayView a, QByteArrayView b);
};

} // namespace Conclave::Server
