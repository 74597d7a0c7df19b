// Heap buffers for decrypted item plaintext, wiped on release.
#include "core/crypto/SensitiveBytes.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstring>
#include <utility>

namespace Conclave::Core {

SensitiveBytes::SensitiveBytes(std::size_t size)
{
    Sodium::ensure();
    if (size == 0)
        return;
    m_data = std::make_unique<unsigned char[]>(size); // value-initialised: zero-filled
    m_size = size;
    m_capacity = size;
}

SensitiveBytes::SensitiveBytes(const void* data, std::size_t size)
    : SensitiveBytes(size)
{
    if (size)
        std::memcpy(m_data.get(), data, size);
}

SensitiveBytes::~SensitiveBytes()
{
    clear();
}

SensitiveBytes::SensitiveBytes(SensitiveBytes&& other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
{}

SensitiveBytes& SensitiveBytes::operator=(SensitiveBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

void SensitiveBytes::truncate(std::size_t size)
{
    if (size >= m_size)
        return;
    sodium_memzero(m_data.get() + size, m_size - size);
    m_size = size;
}

void SensitiveBytes::clear()
{
    if (m_data)
        sodium_memzero(m_data.get(), m_capacity);
    m_data.reset();
    m_size = 0;
    m_capacity = 0;
}

} // namespace Conclave::Core
