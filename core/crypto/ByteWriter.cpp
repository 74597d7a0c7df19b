// Fixed byte layouts: the writing side.
#include "core/crypto/ByteWriter.h"

#include <QtEndian>

#include <cstring>

namespace Conclave::Core {

ByteWriter::ByteWriter(const char* tag)
{
    m_bytes.append(tag, qsizetype(std::strlen(tag)) + 1);
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
    m_bytes.append(id.toRfc4122());
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
