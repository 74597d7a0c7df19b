// BoundedFile: see the header.
#include "core/model/BoundedFile.h"

#include "core/crypto/SecureBytes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::BoundedFile)
};

} // namespace

Result<QByteArray> BoundedFile::read(const QString& path, qint64 maxSize, const QString& tooLarge)
{
    if (QFileInfo::exists(path) && !QFileInfo(path).isFile())
        return Error::make(ErrorCode::InvalidInput,
                           Tr::tr("%1 is not a regular file.").arg(QDir::toNativeSeparators(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            ErrorCode::Io,
            Tr::tr("The file %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // The size the file reports, one byte more to notice that it grew.
    const qint64 reported = file.size();
    QByteArray bytes = file.read(reported > 0 && reported <= maxSize ? reported + 1 : maxSize + 1);
    if (bytes.size() > reported && bytes.size() <= maxSize && !file.atEnd()) {
        secureWipe(bytes);
        if (file.seek(0))
            bytes = file.read(maxSize + 1);
    }
    if (bytes.size() > maxSize) {
        secureWipe(bytes);
        return Error::make(ErrorCode::InvalidInput, tooLarge);
    }
    return bytes;
}

} // namespace Conclave::Core
