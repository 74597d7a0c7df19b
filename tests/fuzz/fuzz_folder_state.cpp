// libFuzzer target: folder states (parse, then check against the fixture's log as the first
// state of an empty chain, with the envelope that follows the state in the input).
#include "FuzzFixture.h"

#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto& f = Fuzz::FuzzFixture::instance();
    const QByteArrayView bytes(data, qsizetype(size));
    Result<FolderState> state = FolderState::parse(bytes.first(std::min(bytes.size(), FolderState::kSize)));
    if (!state.ok())
        return 0;
    if (state->serialize() != bytes.first(FolderState::kSize))
        __builtin_trap();
    Result<ItemEnvelope> envelope = ItemEnvelope::parse(bytes.sliced(FolderState::kSize));
    FolderStateChain chain(f.folder);
    if (envelope.ok()) {
        (void)chain.acceptWrite(*state, *envelope, f.state, FolderStateChain::LogView::Known);
        (void)chain.acceptSnapshot(*state, QList<ItemEnvelope>{*envelope}, f.state);
    } else {
        (void)chain.acceptSnapshot(*state, QList<ItemEnvelope>{}, f.state);
    }
    return 0;
}
