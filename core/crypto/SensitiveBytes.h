// SensitiveBytes: an owned buffer for decrypted item plaintext (connection metadata, folder
// names). It is wiped with sodium_memzero when shortened, cleared or destroyed, like
// SecureBytes, but lives on the ordinary heap: sodium_malloc costs several system calls
// (mmap, mprotect, mlock) per buffer, which at 10,000 items per sync would dominate the
// DESIGN §8 budget. Keys never go here; they stay in SecureBytes.
#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <memory>

namespace Conclave::Core {

class SensitiveBytes final
{
public:
    SensitiveBytes() = default;
    explicit SensitiveBytes(std::size_t size); // zero-filled
    SensitiveBytes(const void* data, std::size_t size);
    ~SensitiveBytes();

    SensitiveBytes(SensitiveBytes&& other) noexcept;
    SensitiveBytes& operator=(SensitiveBytes&& other) noexcept;
    SensitiveBytes(const SensitiveBytes&) = delete;
    SensitiveBytes& operator=(const SensitiveBytes&) = delete;

    unsigned char* data() { return m_data.get(); }
    const unsigned char* data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // A view for passing to APIs; it must not outlive this buffer or be stored.
    QByteArrayView view() const { return QByteArrayView(m_data.get(), qsizetype(m_size)); }

    // Wipes the bytes from `size` on and shortens the buffer in place.
    void truncate(std::size_t size);
    void clear(); // wipes and frees

private:
    std::unique_ptr<unsigned char[]> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

} // namespace Conclave::Core
