// Domain-separated BLAKE2b.
#include "core/crypto/CryptoHash.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstring>

namespace Conclave::Core::CryptoHash {

QByteArray tagged(const char* tag, QByteArrayView data, qsizetype size)
{
    Sodium::ensure();
    Q_ASSERT(size >= qsizetype(crypto_generichash_BYTES_MIN) &&
             size <= qsizetype(crypto_generichash_BYTES_MAX));
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, std::size_t(size));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(tag), std::strlen(tag) + 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                              std::size_t(data.size()));
    QByteArray out(size, Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()), std::size_t(size));
    return out;
}

} // namespace Conclave::Core::CryptoHash
