// ByteWriter: builds the fixed byte layouts that Conclave hashes, signs and authenticates.
// Big-endian integers, 16-byte UUIDs, fixed-size fields and u32-length-prefixed blobs,
// always after a domain-separation tag, so the same values can only ever encode one way.
// Never put secrets through it: the buffer is an ordinary QByteArray.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>
#include <QtGlobal>

namespace Conclave::Core {

class ByteWriter final
{
public:
    // Writes `tag` including its terminating NUL.
    explicit ByteWriter(const char* tag);

    // Room for `total` bytes in all, so a long layout (one record per item) grows once.
    ByteWriter& reserve(qsizetype total);

    ByteWriter& u8(quint8 value);
    ByteWriter& u16(quint16 value);
    ByteWriter& u32(quint32 value);
    ByteWriter& u64(quint64 value);
    ByteWriter& uuid(const QUuid& id);
    // Raw bytes whose length the layout fixes (keys, hashes, nonces, signatures).
    ByteWriter& fixed(QByteArrayView bytes);
    // Variable-length bytes, preceded by their length as u32.
    ByteWriter& blob(QByteArrayView bytes);

    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace Conclave::Core
