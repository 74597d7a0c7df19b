// ByteReader: parses the layouts ByteWriter builds. Failures are sticky: after the first
// short read, bad tag or over-long length every further read returns empty values, and
// finish() reports the first problem (or trailing bytes) as an Error naming the structure.
#pragma once

#include "core/util/Result.h"

#include <QByteArrayView>
#include <QString>
#include <QUuid>
#include <QtGlobal>

namespace Conclave::Core {

class ByteReader final
{
public:
    // `structure` names what is parsed (e.g. "envelope") for Error::field.
    ByteReader(QByteArrayView data, const QString& structure);

    // Consumes `tag` and its NUL; a mismatch fails with an "unknown format" error.
    bool expectTag(const char* tag);
    quint8 u8();
    quint16 u16();
    quint32 u32();
    quint64 u64();
    QUuid uuid();
    QByteArrayView fixed(qsizetype size);
    // A u32-length-prefixed field; lengths above `maxSize` are rejected before reading.
    QByteArrayView blob(quint32 maxSize);

    // Marks the input bad for a reason the caller found (e.g. an unknown enum value).
    void fail(const Error& error);

    bool failed() const { return m_failed; }
    qsizetype position() const { return m_pos; }
    // The bytes read so far (e.g. everything a trailing signature covers).
    QByteArrayView consumed() const { return m_data.first(m_pos); }
    // Ok when nothing failed and every byte was consumed.
    Status finish();

private:
    bool take(qsizetype size);

    QByteArrayView m_data;
    QString m_structure;
    qsizetype m_pos = 0;
    bool m_failed = false;
    Error m_error;
};

} // namespace Conclave::Core
