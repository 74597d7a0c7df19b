// Fixed byte layouts: the writing side.
#include "core/crypto/ByteWriter.h"

#include <QtEndian>

#include <cstring>

namespace Conclave::Core {

ByteWriter::ByteWriter(const char* tag)
{
    m_bytes.append(tag, qsizetype(std::strlen(tag)) + 1);
}

ByteWriter& ByteWriter::reserve(qsizetype total)
{
    m_bytes.reserve(total);
    return *this;
}

ByteWriter& ByteWriter::u8(quint8 value)
{
    m_bytes.append(char(value));
    return *this;
}

ByteWriter& ByteWriter::u16(quint16 value)
{
    char buf[2];
    qToBigEndian(value, buf);
    m_bytes.append(buf, 2);
    return *this;
}

ByteWriter& ByteWriter::u32(quint32 value)
{
    char buf[4];
    qToBigEndian(value, buf);
    m_bytes.append(buf, 4);
    return *this;
}

ByteWriter& ByteWriter::u64(quint64 value)
{
    char buf[8];
    qToBigEndian(value, buf);
    m_bytes.append(buf, 8);
    return *this;
}

ByteWriter& ByteWriter::uuid(const QUuid& id)
{
    // The RFC 4122 byte order, as QUuid::toRfc4122(), without a QByteArray per call.
    char buf[16];
    qToBigEndian(id.data1, buf);
    qToBigEndian(id.data2, buf + 4);
    qToBigEndian(id.data3, buf + 6);
    std::memcpy(buf + 8, id.data4, 8);
    m_bytes.append(buf, 16);
    return *this;
}

ByteWriter& ByteWriter::fixed(QByteArrayView bytes)
{
    m_bytes.append(bytes);
    return *this;
}

ByteWriter& ByteWriter::blob(QByteArrayView bytes)
{
    u32(quint32(bytes.size()));
    m_bytes.append(bytes);
    return *this;
}

} // namespace Conclave::Core
