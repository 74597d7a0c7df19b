// Syncing files and directories to disk; see the header.
#include "core/util/FileSync.h"

#include <QFile>
#include <QFileInfo>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Conclave::Core {

bool syncFile(QFile& file)
{
    if (!file.flush())
        return false;
#if defined(Q_OS_WIN)
    return ::_commit(file.handle()) == 0;
#elif defined(Q_OS_DARWIN)
    return ::fsync(file.handle()) == 0;
#else
    return ::fdatasync(file.handle()) == 0;
#endif
}

bool syncDirectoryOf(const QString& filePath)
{
#if defined(Q_OS_WIN)
    Q_UNUSED(filePath);
    return true;
#else
    const QByteArray directory = QFile::encodeName(QFileInfo(filePath).absolutePath());
    const int fd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
#endif
}

} // namespace Conclave::Core
