// libFuzzer target: folder key grants (parse, verify against the log, open) and key chain links.
#include "FuzzFixture.h"

#include "core/crypto/FolderKeyGrant.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto& f = Fuzz::FuzzFixture::instance();
    const QByteArrayView bytes(data, qsizetype(size));
    Result<FolderKeyGrant> grant = FolderKeyGrant::parse(bytes);
    if (grant.ok()) {
        (void)grant->verify(f.state);
        (void)grant->open(f.bobId, f.bob);
    }
    FolderKeyRing ring(f.folder);
    ring.insert(2, f.ring.key(2)->clone());
    (void)ring.absorbChainLink(bytes);
    return 0;
}
