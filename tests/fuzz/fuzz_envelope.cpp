// libFuzzer target: item envelopes through the full reader (parse, policy, signature, AEAD).
#include "FuzzFixture.h"

#include "core/crypto/ItemReader.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto& f = Fuzz::FuzzFixture::instance();
    const QByteArrayView bytes(data, qsizetype(size));
    Result<ItemEnvelope> envelope = ItemEnvelope::parse(bytes);
    if (envelope.ok())
        (void)envelope->serialize();
    ItemReader::Expectation expect;
    expect.orgId = f.org;
    expect.folderId = f.folder;
    expect.itemId = f.item;
    (void)ItemReader::open(bytes, expect, f.state, f.ring);
    expect.historical = true;
    (void)ItemReader::open(bytes, expect, f.state, f.ring);
    return 0;
}
