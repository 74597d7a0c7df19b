// OffsetFileClock: the system clock plus an offset in milliseconds read from a file on every
// call. Integration tests point CONCLAVE_SERVER_TEST_CLOCK_FILE at such a file to move the
// real server's time forward (session expiry, code expiry) without waiting; production never
// sets it, and the server warns at start-up when it is set. A file holding "@<ms>" instead
// stops the wall clock at that instant (ms since the epoch), for tests that must land on an
// exact millisecond (an invitation 1 ms before its expiry); the monotonic clock runs on.
#pragma once

#include "core/util/Clock.h"

#include <QString>

namespace Conclave::Server {

class OffsetFileClock final : public Core::Clock
{
public:
    explicit OffsetFileClock(QString path);
    qint64 monotonicMs() const override;
    QDateTime nowUtc() const override;

private:
    // The offset, or (when `frozenMs` is set) the frozen instant.
    qint64 offsetMs(qint64* frozenMs = nullptr) const;

    QString m_path;
};

} // namespace Conclave::Server
