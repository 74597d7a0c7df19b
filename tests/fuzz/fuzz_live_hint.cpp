// libFuzzer target: a live socket's text frame (LiveChannel::parseHint, with the feed page a hint
// may carry, SharingApi::parseCarriedPage) on any bytes; a page that parses covers (after,
// cursor] with at most kMaxCarriedChanges changes, strictly increasing, inside that range.
#include "core/sync/LiveChannel.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString message = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const std::optional<LiveChannel::Hint> hint = LiveChannel::parseHint(message);
    if (!hint)
        return 0;
    if (hint->cursor > quint64(SharingApi::kMaxSafeInteger) || (hint->carried && hint->carriedUnreadable))
        __builtin_trap();
    if (!hint->carried)
        return 0;
    const SharingApi::CarriedPage& carried = *hint->carried;
    if (carried.page.cursor != hint->cursor || carried.after >= carried.page.cursor || carried.page.more ||
        carried.page.changes.size() > SharingApi::kMaxCarriedChanges)
        __builtin_trap();
    quint64 previous = carried.after;
    for (const SharingApi::Change& change : carried.page.changes) {
        if (change.seq <= previous || change.seq > carried.page.cursor)
            __builtin_trap();
        previous = change.seq;
    }
    return 0;
}
