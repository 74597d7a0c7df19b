// VectorFile: the text format of tests/data/crypto/*.txt, shared by the vector suites. One
// "name: value" line per vector, in generation order, after comment lines starting with '#'.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QFile>
#include <QMap>
#include <QString>

#include <optional>

namespace Conclave::Core::Testing::VectorFile {

// Writes `header` (comment lines, each ending in '\n') and the values in `order`.
inline bool write(const QString& path, const QByteArray& header, const QByteArrayList& order,
                  const QMap<QByteArray, QByteArray>& values)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    out.write(header);
    for (const QByteArray& name : order)
        out.write(name + ": " + values.value(name) + '\n');
    return out.error() == QFile::NoError;
}

// The stored values, or nothing when the file cannot be read or holds a line without ": ".
inline std::optional<QMap<QByteArray, QByteArray>> read(const QString& path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    QMap<QByteArray, QByteArray> stored;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(": ");
        if (colon <= 0)
            return std::nullopt;
        stored.insert(line.left(colon), line.mid(colon + 2));
    }
    return stored;
}

} // namespace Conclave::Core::Testing::VectorFile
