// ServerLog: where the server's diagnostic lines go (stderr and,
// when configured, a daily file in the log folder kept for 7 days). Lines carry internal
// ids only: never an email address, a name, an organisation name, a token or a key.
#pragma once

#include <QString>

namespace Conclave::Server::ServerLog {

// Sends Qt's messages to stderr and to <logDir>/conclave-server-<date>.log (0600), and
// deletes log files older than `retentionDays`. An empty logDir logs to stderr only.
void install(const QString& logDir, int retentionDays = 7); // Core::LogFile::kRetentionDays

// Deletes log files older than retentionDays in logDir; returns how many were removed.
int prune(const QString& logDir, int retentionDays);

} // namespace Conclave::Server::ServerLog
