// Fixed byte layouts: the reading side.
#include "core/crypto/ByteReader.h"

#include "core/crypto/CryptoErrors.h"

#include <QtEndian>

#include <cstring>

namespace Conclave::Core {

ByteReader::ByteReader(QByteArrayView data, const QString& structure)
    : m_data(data)
    , m_structure(structure)
{}

void ByteReader::fail(const Error& error)
{
    if (!m_failed) {
        m_failed = true;
        m_error = error;
    }
}

bool ByteReader::take(qsizetype size)
{
    if (m_failed)
        return false;
    if (size < 0 || m_data.size() - m_pos < size) {
        fail(CryptoErrors::make(ErrorCode::Corrupt,
                                QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The data ends too early."),
                                m_structure));
        return false;
    }
    return true;
}

bool ByteReader::expectTag(const char* tag)
{
    const auto size = qsizetype(std::strlen(tag)) + 1;
    if (m_failed)
        return false;
    if (m_data.size() - m_pos < size || std::memcmp(m_data.data() + m_pos, tag, std::size_t(size)) != 0) {
        fail(CryptoErrors::make(ErrorCode::Protocol,
                                QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                  "The data is not in a format this version of Conclave "
                                                  "understands."),
                                m_structure));
        return false;
    }
    m_pos += size;
    return true;
}

quint8 ByteReader::u8()
{
    if (!take(1))
        return 0;
    return quint8(m_data[m_pos++]);
}

quint16 ByteReader::u16()
{
    if (!take(2))
        return 0;
    const auto v = qFromBigEndian<quint16>(m_data.data() + m_pos);
    m_pos += 2;
    return v;
}

quint32 ByteReader::u32()
{
    if (!take(4))
        return 0;
    const auto v = qFromBigEndian<quint32>(m_data.data() + m_pos);
    m_pos += 4;
    return v;
}

quint64 ByteReader::u64()
{
    if (!take(8))
        return 0;
    const auto v = qFromBigEndian<quint64>(m_data.data() + m_pos);
    m_pos += 8;
    return v;
}

QUuid ByteReader::uuid()
{
    const QByteArrayView raw = fixed(16);
    if (raw.size() != 16)
        return {};
    return QUuid::fromRfc4122(raw);
}

QByteArrayView ByteReader::fixed(qsizetype size)
{
    if (!take(size))
        return {};
    const QByteArrayView out = m_data.sliced(m_pos, size);
    m_pos += size;
    return out;
}

QByteArrayView ByteReader::blob(quint32 maxSize)
{
    const quint32 size = u32();
    if (m_failed)
        return {};
    if (size > maxSize) {
        fail(CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A length in the data is too large."), m_structure));
        return {};
    }
    return fixed(qsizetype(size));
}

Status ByteReader::finish()
{
    if (!m_failed && m_pos != m_data.size())
        fail(CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The data has unexpected bytes at the end."),
            m_structure));
    if (m_failed)
        return m_error;
    return {};
}

} // namespace Conclave::Core
