// FileSync: what makes a written file survive a power loss. A file's bytes reach the disk with
// syncFile(); a file put in place by a rename (QSaveFile::commit) is there after a power loss
// only once its directory's entry reached the disk too: syncDirectoryOf(). Without that, a
// file committed before another one can come back as its older copy after a crash while the
// other one stays (the security state behind the generation remembered for it).
#pragma once

#include <QString>

class QFile;

namespace Conclave::Core {

// Flushes and syncs the file's data; false when either fails.
bool syncFile(QFile& file);
// Syncs the directory that holds `filePath`; false when it cannot be opened or synced. A no-op
// (true) on Windows, where a rename is recorded with the file's metadata.
bool syncDirectoryOf(const QString& filePath);

} // namespace Conclave::Core
