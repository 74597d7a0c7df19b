// Helpers shared by the keychain test suites: waiting for a store's callbacks, building secrets,
// and searching this process's memory for a secret that should have been wiped.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/SecretStore.h"
#include "core/keychain/SecretStoreFactory.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTest>

#include <sodium.h>
#include <sys/mman.h>
#include <unistd.h>

#include <fcntl.h>

#include <memory>
#include <optional>

namespace Conclave::Core::TestSupport {

constexpr int kWaitMs = 20000;

inline SecureBytes secretOf(const QByteArray& bytes)
{
    return SecureBytes::fromView(bytes);
}

inline QByteArray bytesOf(const SecureBytes& secret)
{
    return secret.view().toByteArray();
}

inline Error noAnswer()
{
    return Error::make(ErrorCode::Internal, QStringLiteral("The store did not call back."));
}

inline Result<SecureBytes> readNow(SecretStore& store, const QUuid& id, SecretKind kind)
{
    QObject context;
    auto out = std::make_shared<std::optional<Result<SecureBytes>>>();
    store.read(id, kind, &context, [out](Result<SecureBytes> result) { out->emplace(std::move(result)); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, kWaitMs))
        return noAnswer();
    return std::move(**out);
}

inline Status writeNow(SecretStore& store, const QUuid& id, SecretKind kind, SecureBytes value)
{
    QObject context;
    auto out = std::make_shared<std::optional<Status>>();
    store.write(id, kind, std::move(value), &context,
                [out](Status status) { out->emplace(std::move(status)); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, kWaitMs))
        return noAnswer();
    return **out;
}

inline Status removeNow(SecretStore& store, const QUuid& id, SecretKind kind)
{
    QObject context;
    auto out = std::make_shared<std::optional<Status>>();
    store.remove(id, kind, &context, [out](Status status) { out->emplace(std::move(status)); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, kWaitMs))
        return noAnswer();
    return **out;
}

inline Status removeAllNow(SecretStore& store, const QUuid& id)
{
    QObject context;
    auto out = std::make_shared<std::optional<Status>>();
    store.removeAll(id, &context, [out](Status status) { out->emplace(std::move(status)); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, kWaitMs))
        return noAnswer();
    return **out;
}

// What SecretStoreFactory::create() answered: how often it called back, the store and the reason.
struct FactoryChoice
{
    int calls = 0;
    std::unique_ptr<SecretStore> store;
    QString reason;
};

inline SecretStoreFactory::Callback recordInto(FactoryChoice& choice)
{
    return [&choice](std::unique_ptr<SecretStore> store, QString reason) {
        ++choice.calls;
        choice.store = std::move(store);
        choice.reason = reason;
    };
}

// Start the factory; `choice` must outlive the answer, which arrives later on the event loop.
inline void startFactory(QObject* context, FactoryChoice& choice)
{
    SecretStoreFactory::create(context, recordInto(choice));
}

inline void startFactory(QObject* context, const SecretStoreFactory::Options& options, FactoryChoice& choice)
{
    SecretStoreFactory::create(context, options, recordInto(choice));
}

// A PEM-looking certificate of about `size` bytes (random base64 body), like a client
// certificate chain.
inline QByteArray fakeCertificate(int size)
{
    QByteArray raw(size * 3 / 4, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(raw.data()), raw.size() / 4);
    const QByteArray body = raw.toBase64();
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype i = 0; i < body.size(); i += 64)
        pem += body.mid(i, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

// Searching memory for a secret must not put the secret there: the pattern is kept XOR-masked and
// only unmasked byte by byte in registers while comparing.
class MaskedSecret
{
public:
    static constexpr unsigned char kMask = 0xA5;

    explicit MaskedSecret(int size)
        : m_masked(size, Qt::Uninitialized)
    {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(m_masked.data()), size / 4);
    }

    // The plain secret, built directly in locked memory.
    SecureBytes plain() const
    {
        SecureBytes out(std::size_t(m_masked.size()));
        for (qsizetype i = 0; i < m_masked.size(); ++i)
            out.data()[i] = static_cast<unsigned char>(m_masked[i]) ^ kMask;
        return out;
    }

    bool matches(const unsigned char* data, std::size_t size) const
    {
        if (size != std::size_t(m_masked.size()))
            return false;
        for (std::size_t i = 0; i < size; ++i) {
            if ((data[i] ^ kMask) != static_cast<unsigned char>(m_masked[qsizetype(i)]))
                return false;
        }
        return true;
    }

    // Occurrences of the plain secret in this process's writable memory (heap, stacks, anonymous
    // and sodium_malloc mappings), read through /proc/self/mem.
    int countInProcessMemory() const
    {
        const std::size_t chunkSize = 1 << 20;
        const std::size_t patternSize = std::size_t(m_masked.size());
        // The scan buffer is its own mapping, skipped while scanning and wiped after each use,
        // so copies made by the scan itself are never counted or left behind.
        void* mapped = mmap(nullptr, chunkSize + patternSize, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED)
            return -1;
        auto* chunk = static_cast<unsigned char*>(mapped);
        const auto chunkBegin = reinterpret_cast<quintptr>(chunk);
        const int mem = ::open("/proc/self/mem", O_RDONLY);
        QFile maps(QStringLiteral("/proc/self/maps"));
        if (mem < 0 || !maps.open(QIODevice::ReadOnly)) {
            munmap(mapped, chunkSize + patternSize);
            return -1;
        }
        const QList<QByteArray> lines = maps.readAll().split('\n');
        const unsigned char first = static_cast<unsigned char>(m_masked[0]) ^ kMask;
        int found = 0;
        for (const QByteArray& line : lines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 5 || fields[1].size() < 2 || fields[1][0] != 'r' || fields[1][1] != 'w')
                continue;
            if (fields.size() >= 6 && fields[5].startsWith("[v"))
                continue; // [vvar], [vsyscall]
            const QList<QByteArray> range = fields[0].split('-');
            const quintptr begin = range.value(0).toULongLong(nullptr, 16);
            const quintptr end = range.value(1).toULongLong(nullptr, 16);
            // Skips the scan buffer, and reservations of a GiB or more: sanitizer shadow memory,
            // which no secret lives in and which could not be read in reasonable time.
            if (begin == chunkBegin || end - begin >= (quintptr(1) << 30))
                continue;
            for (quintptr at = begin; at < end; at += chunkSize) {
                const std::size_t want = std::size_t(qMin<quintptr>(end - at, chunkSize + patternSize));
                const ssize_t got = ::pread(mem, chunk, want, off_t(at));
                if (got <= 0)
                    break;
                const std::size_t limit =
                    std::size_t(got) >= patternSize ? std::size_t(got) - patternSize + 1 : 0;
                // Only starts inside this chunk count; the overlap catches patterns across chunks.
                for (std::size_t i = 0; i < qMin(limit, chunkSize); ++i) {
                    if (chunk[i] == first && matches(chunk + i, patternSize))
                        ++found;
                }
                sodium_memzero(chunk, std::size_t(got));
            }
        }
        ::close(mem);
        munmap(mapped, chunkSize + patternSize);
        return found;
    }

private:
    QByteArray m_masked;
};

} // namespace Conclave::Core::TestSupport
