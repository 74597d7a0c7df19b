// libFuzzer target: the local security-state file (protocol.md §9.2). The first byte picks
// what the rest is: 0 the whole file as read from disk; 1 the plaintext of a base, sealed
// here under the fixture's account key as the format says; 2 the plaintext of a change
// record after a valid empty base. So the parsers behind the authentication are reached too.
// Whatever opens is sealed again and must open to the same generation.
#include "core/crypto/DomainTags.h"
#include "core/crypto/SecureBytes.h"
#include "core/crypto/SecurityState.h"
#include "core/crypto/SecurityStateStore.h"

#include <QtEndian>

#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace Conclave::Core;

namespace {

constexpr qsizetype kMac = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const QUuid& account()
{
    static const QUuid id = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-0000000000a1"));
    return id;
}

const SecureBytes& accountKey()
{
    static const SecureBytes key = [] {
        SecureBytes k(32);
        for (std::size_t i = 0; i < 32; ++i)
            k.data()[i] = static_cast<unsigned char>(0x40 + i);
        return k;
    }();
    return key;
}

// nonce (fixed: the input decides everything) | u32 length | ciphertext of `plain` under `ad`.
QByteArray sealed(QByteArrayView plain, QByteArrayView ad)
{
    const SecureBytes key = SecurityStateStore::deriveKey(accountKey());
    QByteArray out(SecurityStateStore::kNonceSize + 4 + plain.size() + kMac, '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    std::memset(nonce, 0x5a, std::size_t(SecurityStateStore::kNonceSize));
    qToBigEndian(quint32(plain.size() + kMac), nonce + SecurityStateStore::kNonceSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + SecurityStateStore::kNonceSize + 4, nullptr,
                                               reinterpret_cast<const unsigned char*>(plain.data()),
                                               std::size_t(plain.size()),
                                               reinterpret_cast<const unsigned char*>(ad.data()),
                                               std::size_t(ad.size()), nullptr, nonce, key.data());
    return out;
}

QByteArray fileFor(quint8 mode, QByteArrayView rest)
{
    if (mode == 0)
        return rest.toByteArray();
    const QByteArray base = SecurityStateStore::seal(SecurityState(), accountKey(), account(), 1);
    const QByteArrayView header = QByteArrayView(base).first(SecurityStateStore::kHeaderSize);
    if (mode == 1)
        return header.toByteArray() + sealed(rest, header);
    // A change record of generation 2, chained to the base: tag | u64 generation | sealed body,
    // AD = tag | account id | u64 generation | base nonce | the base's Poly1305 tag.
    QByteArray generation(8, '\0');
    qToBigEndian(quint64(2), reinterpret_cast<unsigned char*>(generation.data()));
    const QByteArray tag(DomainTags::kSecurityStateChange, sizeof(DomainTags::kSecurityStateChange));
    const QByteArray ad =
        tag + account().toRfc4122() + generation +
        QByteArrayView(base).sliced(SecurityStateStore::kHeaderSize, SecurityStateStore::kNonceSize) +
        QByteArrayView(base).last(kMac);
    return base + tag + generation + sealed(rest, ad);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const quint8 mode = data[0] % 3;
    const QByteArray file = fileFor(mode, QByteArrayView(data + 1, qsizetype(size - 1)));
    (void)SecurityStateStore::peekKdf(file, account());
    Result<SecurityStateStore::Opened> opened = SecurityStateStore::open(file, accountKey(), account(), 0);
    if (!opened.ok())
        return 0;
    const QByteArray again =
        SecurityStateStore::seal(opened->state, accountKey(), account(), opened->generation);
    Result<SecurityStateStore::Opened> reopened = SecurityStateStore::open(again, accountKey(), account(), 0);
    if (!reopened.ok() || reopened->generation != opened->generation ||
        reopened->state.folders.size() != opened->state.folders.size() ||
        reopened->state.items.size() != opened->state.items.size())
        __builtin_trap();
    return 0;
}
