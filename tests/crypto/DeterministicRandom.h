// Test seam for fixed nonces and keys: replaces libsodium's random source with a ChaCha20
// stream from a fixed seed (randombytes_set_implementation, libsodium's own hook), so a
// test can reproduce exact bytes. Production code never includes this.
#pragma once

#include "core/crypto/Sodium.h"

#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace Conclave::Core::Testing {

class DeterministicRandom
{
public:
    // Call before anything touches libsodium (first thing in initTestCase).
    static void install()
    {
        static randombytes_implementation s_impl = {&name, &random, &stir, nullptr, &buf, &close};
        randombytes_set_implementation(&s_impl);
        Sodium::ensure();
    }

    // Restarts the stream from a seed derived from `label`.
    static void reseed(const char* label)
    {
        crypto_generichash(state().seed, sizeof(state().seed), reinterpret_cast<const unsigned char*>(label),
                           std::strlen(label), nullptr, 0);
        state().counter = 0;
    }

private:
    struct State
    {
        unsigned char seed[32] = {};
        quint64 counter = 0;
    };
    static State& state()
    {
        static State s_state;
        return s_state;
    }
    static const char* name() { return "conclave-test-deterministic"; }
    static void stir() {}
    static int close() { return 0; }
    static void buf(void* const out, const size_t size)
    {
        unsigned char nonce[crypto_stream_chacha20_ietf_NONCEBYTES] = {};
        const quint64 counter = state().counter++;
        qToLittleEndian(counter, nonce);
        crypto_stream_chacha20_ietf(static_cast<unsigned char*>(out), size, nonce, state().seed);
    }
    static uint32_t random()
    {
        uint32_t value = 0;
        buf(&value, sizeof(value));
        return value;
    }
};

} // namespace Conclave::Core::Testing
