// SecureBytes: an owned byte buffer for keys and other secrets. The memory comes from
// sodium_malloc (guard pages, mlock'ed, never swapped where the OS allows) and is wiped
// on destruction and on clear(). It cannot be copied implicitly; clone() is explicit so
// every extra copy of a secret is visible in review.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstddef>

namespace Conclave::Core {

class SecureBytes final
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); // zero-filled
    SecureBytes(const void* data, std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    static SecureBytes random(std::size_t size);
    // Copies `bytes` in; the caller remains responsible for wiping its own copy.
    static SecureBytes fromView(QByteArrayView bytes);

    SecureBytes clone() const;
    void clear(); // wipes and frees
    // Wipes the bytes from `size` on and shortens the buffer in place (no reallocation, so
    // a secret is never copied just to drop padding). No effect if `size` >= size().
    void truncate(std::size_t size);

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // A view for passing to APIs; it must not outlive this buffer or be stored.
    QByteArrayView view() const { return QByteArrayView(m_data, qsizetype(m_size)); }

    // Constant-time comparison (sodium_memcmp); different sizes compare unequal.
    bool operator==(const SecureBytes& other) const;

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes a QByteArray in place (for data that had to pass through Qt APIs) and clears it.
void secureWipe(QByteArray& bytes);

} // namespace Conclave::Core
