// Locked, guarded, self-wiping buffers over libsodium's secure allocator.
#include "core/crypto/SecureBytes.h"

#include "core/crypto/Sodium.h"

#include <QByteArray>

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace Conclave::Core {

SecureBytes::SecureBytes(std::size_t size)
{
    Sodium::ensure();
    if (size == 0)
        return;
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    sodium_memzero(m_data, size);
    m_size = size;
}

SecureBytes::SecureBytes(const void* data, std::size_t size)
    : SecureBytes(size)
{
    if (size)
        std::memcpy(m_data, data, size);
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes out(size);
    if (size)
        randombytes_buf(out.m_data, size);
    return out;
}

SecureBytes SecureBytes::fromView(QByteArrayView bytes)
{
    return SecureBytes(bytes.data(), std::size_t(bytes.size()));
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_data, m_size);
}

void SecureBytes::clear()
{
    if (m_data) {
        // sodium_free wipes before unmapping.
        sodium_free(m_data);
        m_data = nullptr;
    }
    m_size = 0;
}

void SecureBytes::truncate(std::size_t size)
{
    if (size >= m_size)
        return;
    sodium_memzero(m_data + size, m_size - size);
    m_size = size;
}

bool SecureBytes::operator==(const SecureBytes& other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

void secureWipe(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        bytes.detach();
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    }
    bytes.clear();
}

} // namespace Conclave::Core
