// libFuzzer target: folder key grants (parse, verify against the log, open with the commitment
// check) and key chain links.
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
        (void)grant->open(f.state, f.bobId, f.bob);
    }
    // The fixture's log knows only version 1, so a link must fail its commitment check
    // after it opened; a second log with the rotation lets a valid link through.
    FolderKeyRing ring(f.folder);
    ring.insert(2, f.ring.key(2)->clone());
    (void)ring.absorbChainLink(bytes, f.state);
    FolderKeyRing rotated(f.folder);
    rotated.insert(2, f.ring.key(2)->clone());
    (void)rotated.absorbChainLink(bytes, f.rotatedState);
    return 0;
}
