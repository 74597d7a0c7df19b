// CryptoHash: domain-separated BLAKE2b. Every hash Conclave computes starts with a tag from
// DomainTags, so hashes of different structures never collide by construction.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Conclave::Core::CryptoHash {

inline constexpr qsizetype kSize = 32;

// BLAKE2b(tag || NUL || data) with an output of `size` bytes (16..64).
QByteArray tagged(const char* tag, QByteArrayView data, qsizetype size = kSize);

} // namespace Conclave::Core::CryptoHash
