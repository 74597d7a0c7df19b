// libFuzzer target: membership log entries (parse, then apply to a fixed two-member log), and
// the input split into a whole log for replay.
#include "FuzzFixture.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto& f = Fuzz::FuzzFixture::instance();
    const QByteArrayView bytes(data, qsizetype(size));
    Result<MembershipEntry> entry = MembershipEntry::parse(bytes);
    if (entry.ok()) {
        if (entry->serialize() != bytes)
            __builtin_trap();
        MembershipState state = f.state;
        (void)state.apply(*entry);
    }
    // Entries have a fixed size; read the input as a sequence of them.
    QList<QByteArray> log;
    constexpr qsizetype kEntrySize = MembershipEntry::kSize;
    for (qsizetype at = 0; at + kEntrySize <= bytes.size(); at += kEntrySize)
        log << bytes.sliced(at, kEntrySize).toByteArray();
    (void)MembershipLog::replayBytes(f.folder, log, std::nullopt);
    return 0;
}
