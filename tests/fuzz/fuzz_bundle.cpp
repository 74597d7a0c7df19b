// libFuzzer target: user key bundles (as the server parses them on upload) and key pin stores.
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/UserKeyBundle.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(bytes);
    if (bundle.ok() && bundle->serialize() != bytes)
        __builtin_trap(); // an accepted bundle must re-serialise to the same bytes
    Result<KeyPinStore> pins = KeyPinStore::parse(bytes);
    if (pins.ok() && pins->serialize() != bytes)
        __builtin_trap();
    return 0;
}
