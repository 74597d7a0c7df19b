// BoundedFile: reads a whole file that the user chose to import, up to a limit. Regular
// files only (a device or FIFO could be read forever), and memory for what the file's size
// says rather than for the limit: QIODevice::read(n) allocates n bytes before it reads, so
// asking for a 64 MiB limit cost 64 MiB per file. Files that report no size (procfs) or
// grow while read get the bounded read. Shared by the importer and the export reader.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace Conclave::Core {

class BoundedFile final
{
public:
    BoundedFile() = delete;

    // The file's bytes. Errors: InvalidInput (not a regular file; larger than `maxSize`, with
    // `tooLarge` as the message), Io (cannot be read). Bytes read and then refused are wiped,
    // since an imported file may hold passwords; the caller wipes what it gets when done.
    static Result<QByteArray> read(const QString& path, qint64 maxSize, const QString& tooLarge);
};

} // namespace Conclave::Core
