// Sealing, opening and storing the persistent security state.
#include "core/crypto/SecurityStateStore.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Sodium.h"
#include "core/util/LogCategories.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <sodium.h>

#include <cstring>
#include <utility>

namespace Conclave::Core {

namespace {
constexpr quint32 kMaxFolders = 1u << 16;
constexpr quint32 kMaxItems = 1u << 21;
constexpr quint32 kMaxPinBytes = 1u << 27;
constexpr qsizetype kHashSize = 32;
constexpr qsizetype kBodyOverhead = 16;
const QString kStructure = QStringLiteral("securityState");

static_assert(sizeof(DomainTags::kKdfStateContext) - 1 == crypto_kdf_CONTEXTBYTES);
static_assert(sizeof(DomainTags::kSecurityState) == 18);
static_assert(SecurityStateStore::kNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);

Error damaged()
{
    return CryptoErrors::make(ErrorCode::Corrupt,
                              QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                "The saved security state of this account is damaged or was "
                                                "changed outside Conclave. Sharing stays stopped until it is "
                                                "resolved."),
                              kStructure);
}

bool isZero(QByteArrayView bytes)
{
    return bytes.count('\0') == bytes.size();
}

QByteArray header(const QUuid& accountId, quint64 generation, const std::optional<KdfParams>& kdf)
{
    ByteWriter w(DomainTags::kSecurityState);
    w.uuid(accountId).u64(generation).u8(kdf ? 1 : 0);
    w.u64(kdf ? kdf->opsLimit : 0).u64(kdf ? kdf->memLimit : 0);
    w.fixed(kdf ? QByteArrayView(kdf->salt) : QByteArrayView(QByteArray(KdfParams::kSaltSize, '\0')));
    return w.bytes();
}

QByteArray body(const SecurityState& state)
{
    ByteWriter w(DomainTags::kSecurityStateBody);
    const QByteArray pins = state.pins.serialize();
    // One allocation for the whole body: a record per item makes it long (72 bytes each).
    constexpr qsizetype kFolderRecord = 16 + 8 + kHashSize + 1 + 8 + kHashSize;
    constexpr qsizetype kItemRecord = 16 + 16 + 8 + kHashSize;
    w.reserve(qsizetype(std::strlen(DomainTags::kSecurityStateBody)) + 1 + 4 + pins.size() + 4 +
              qsizetype(state.folders.size()) * kFolderRecord + 4 +
              qsizetype(state.items.size()) * kItemRecord);
    w.blob(pins);
    w.u32(quint32(state.folders.size()));
    for (const auto& [id, f] : state.folders) {
        const bool hasState = !f.stateHash.isEmpty();
        w.uuid(id).u64(f.log.length);
        w.fixed(f.log.length > 0 ? QByteArrayView(f.log.headHash)
                                 : QByteArrayView(QByteArray(kHashSize, '\0')));
        w.u8(hasState ? 1 : 0).u64(hasState ? f.writeSequence : 0);
        w.fixed(hasState ? QByteArrayView(f.stateHash) : QByteArrayView(QByteArray(kHashSize, '\0')));
    }
    w.u32(quint32(state.items.size()));
    for (const auto& [key, seen] : state.items)
        w.uuid(key.first).uuid(key.second).u64(seen.revision).fixed(seen.hash);
    return w.bytes();
}

bool sameKdf(const std::optional<KdfParams>& a, const std::optional<KdfParams>& b)
{
    if (!a || !b)
        return !a && !b;
    return a->opsLimit == b->opsLimit && a->memLimit == b->memLimit && a->salt == b->salt;
}

struct Header
{
    QUuid accountId;
    quint64 generation = 0;
    std::optional<KdfParams> kdf;
    QByteArrayView nonce;
    QByteArrayView ciphertext;
};

Result<Header> parseHeader(QByteArrayView bytes)
{
    ByteReader r(bytes, kStructure);
    Header h;
    r.expectTag(DomainTags::kSecurityState);
    h.accountId = r.uuid();
    h.generation = r.u64();
    const quint8 hasKdf = r.u8();
    KdfParams kdf;
    kdf.opsLimit = r.u64();
    kdf.memLimit = r.u64();
    kdf.salt = r.fixed(KdfParams::kSaltSize).toByteArray();
    h.nonce = r.fixed(SecurityStateStore::kNonceSize);
    h.ciphertext = r.blob(quint32(bytes.size()));
    if (const Status parsed = r.finish(); !parsed)
        return parsed.error();
    if (hasKdf > 1 || (hasKdf == 0 && (kdf.opsLimit != 0 || kdf.memLimit != 0 || !isZero(kdf.salt))) ||
        h.ciphertext.size() < kBodyOverhead)
        return damaged();
    if (hasKdf == 1)
        h.kdf = kdf;
    return h;
}

Result<SecurityState> parseBody(QByteArrayView bytes)
{
    ByteReader r(bytes, kStructure);
    SecurityState state;
    r.expectTag(DomainTags::kSecurityStateBody);
    const QByteArrayView pins = r.blob(kMaxPinBytes);
    const quint32 folders = r.u32();
    if (folders > kMaxFolders)
        r.fail(damaged());
    bool ok = true;
    std::optional<QUuid> previousFolder;
    for (quint32 i = 0; i < folders && !r.failed(); ++i) {
        const QUuid id = r.uuid();
        SecurityState::FolderRecord f;
        f.log.length = r.u64();
        f.log.headHash = r.fixed(kHashSize).toByteArray();
        const quint8 hasState = r.u8();
        f.writeSequence = r.u64();
        f.stateHash = r.fixed(kHashSize).toByteArray();
        // One encoding only: zeros where nothing was accepted, strictly ascending ids.
        if (f.log.length == 0 && !isZero(f.log.headHash))
            ok = false;
        if (hasState > 1 || (hasState == 0 && (f.writeSequence != 0 || !isZero(f.stateHash))))
            ok = false;
        if (previousFolder && !(*previousFolder < id))
            ok = false;
        if (f.log.length == 0)
            f.log.headHash.clear();
        if (hasState == 0)
            f.stateHash.clear();
        previousFolder = id;
        state.folders.emplace(id, std::move(f));
    }
    const quint32 items = r.u32();
    if (items > kMaxItems)
        r.fail(damaged());
    std::optional<std::pair<QUuid, QUuid>> previousItem;
    for (quint32 i = 0; i < items && !r.failed(); ++i) {
        const QUuid folder = r.uuid();
        const QUuid item = r.uuid();
        ItemReader::Seen seen;
        seen.revision = r.u64();
        seen.hash = r.fixed(kHashSize).toByteArray();
        const std::pair<QUuid, QUuid> key{folder, item};
        if (seen.revision == 0 || (previousItem && !(*previousItem < key)))
            ok = false;
        previousItem = key;
        state.items.emplace(key, std::move(seen));
    }
    if (const Status parsed = r.finish(); !parsed)
        return damaged();
    if (!ok)
        return damaged();
    Result<KeyPinStore> parsedPins = KeyPinStore::parse(pins);
    if (!parsedPins)
        return damaged();
    state.pins = std::move(parsedPins).value();
    return state;
}
} // namespace

SecureBytes SecurityStateStore::deriveKey(const SecureBytes& accountKey)
{
    Sodium::ensure();
    Q_ASSERT(accountKey.size() == crypto_kdf_KEYBYTES);
    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    crypto_kdf_derive_from_key(key.data(), key.size(), DomainTags::kKdfStateKeyId,
                               DomainTags::kKdfStateContext, accountKey.data());
    return key;
}

QByteArray SecurityStateStore::seal(const SecurityState& state, const SecureBytes& accountKey,
                                    const QUuid& accountId, quint64 generation)
{
    Sodium::ensure();
    const SecureBytes key = deriveKey(accountKey);
    const QByteArray ad = header(accountId, generation, state.lastKdf);
    Q_ASSERT(ad.size() == kHeaderSize);
    QByteArray plain = body(state);
    // header | nonce | u32 length | ciphertext, written in place into one buffer.
    const qsizetype cipherSize = plain.size() + kBodyOverhead;
    QByteArray sealed(kHeaderSize + kNonceSize + 4 + cipherSize, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    std::memcpy(out, ad.constData(), std::size_t(kHeaderSize));
    unsigned char* nonce = out + kHeaderSize;
    randombytes_buf(nonce, std::size_t(kNonceSize));
    qToBigEndian(quint32(cipherSize), nonce + kNonceSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceSize + 4, nullptr, reinterpret_cast<const unsigned char*>(plain.constData()),
        std::size_t(plain.size()), reinterpret_cast<const unsigned char*>(ad.constData()),
        std::size_t(ad.size()), nullptr, nonce, key.data());
    secureWipe(plain);
    return sealed;
}

Result<SecurityStateStore::Opened> SecurityStateStore::open(QByteArrayView bytes,
                                                            const SecureBytes& accountKey,
                                                            const QUuid& accountId, quint64 minGeneration)
{
    Sodium::ensure();
    Result<Header> h = parseHeader(bytes);
    if (!h)
        return damaged();
    if (h->accountId != accountId)
        return CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "The saved security state belongs to a different account."),
            kStructure);
    const SecureBytes key = deriveKey(accountKey);
    QByteArray plain(h->ciphertext.size() - kBodyOverhead, Qt::Uninitialized);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), nullptr, nullptr,
            reinterpret_cast<const unsigned char*>(h->ciphertext.data()), std::size_t(h->ciphertext.size()),
            reinterpret_cast<const unsigned char*>(bytes.data()), std::size_t(kHeaderSize),
            reinterpret_cast<const unsigned char*>(h->nonce.data()), key.data()) != 0)
        return damaged();
    // Authenticated: the generation is what this client wrote. Older than remembered means
    // a copy was written back.
    if (h->generation < minGeneration) {
        secureWipe(plain);
        return CryptoErrors::make(ErrorCode::Corrupt,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The saved security state is older than the one this "
                                                    "computer last wrote; an old copy was put back. Sharing "
                                                    "stays stopped until it is resolved."),
                                  kStructure);
    }
    Result<SecurityState> state = parseBody(plain);
    secureWipe(plain);
    if (!state)
        return state.error();
    Opened opened{std::move(state).value(), h->generation};
    opened.state.lastKdf = h->kdf;
    return opened;
}

Result<std::optional<KdfParams>> SecurityStateStore::peekKdf(QByteArrayView bytes, const QUuid& accountId)
{
    Result<Header> h = parseHeader(bytes);
    if (!h || h->accountId != accountId)
        return damaged();
    return h->kdf;
}

SecurityStateStore::SecurityStateStore(const QString& path, const QUuid& accountId)
    : m_path(path)
    , m_accountId(accountId)
{}

Result<std::optional<KdfParams>> SecurityStateStore::lastKdf() const
{
    QFile file(m_path);
    if (!file.exists()) {
        m_peekedKdf = std::optional<KdfParams>();
        return std::optional<KdfParams>();
    }
    if (!file.open(QIODevice::ReadOnly))
        return CryptoErrors::make(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The saved security state cannot be read."),
            kStructure);
    Result<std::optional<KdfParams>> kdf = peekKdf(file.readAll(), m_accountId);
    if (kdf)
        m_peekedKdf = *kdf;
    return kdf;
}

bool SecurityStateStore::isCurrent() const
{
    if (!m_loaded)
        return false;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // Only the fixed start of the header: tag, account id, generation.
    const QByteArray head = file.read(kHeaderSize);
    if (head.size() != kHeaderSize)
        return false;
    ByteReader r(head, kStructure);
    r.expectTag(DomainTags::kSecurityState);
    const QUuid accountId = r.uuid();
    const quint64 generation = r.u64();
    return !r.failed() && accountId == m_accountId && generation == m_generation;
}

Result<SecurityState> SecurityStateStore::load(const SecureBytes& accountKey, quint64 minGeneration)
{
    const std::optional<std::optional<KdfParams>> peeked = std::exchange(m_peekedKdf, std::nullopt);
    QFile file(m_path);
    if (!file.exists()) {
        if (minGeneration > 0)
            return CryptoErrors::make(ErrorCode::Corrupt,
                                      QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                        "The saved security state of this account is missing "
                                                        "although this computer wrote one. Sharing stays "
                                                        "stopped until it is resolved."),
                                      kStructure);
        m_generation = 0;
        m_loaded = true;
        return SecurityState();
    }
    if (!file.open(QIODevice::ReadOnly))
        return CryptoErrors::make(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The saved security state cannot be read."),
            kStructure);
    Result<Opened> opened = open(file.readAll(), accountKey, m_accountId, minGeneration);
    if (!opened)
        return opened.error();
    // The password was turned into keys with the parameters read before sign-in; the
    // authenticated header must say the same, or the file was swapped in between.
    if (peeked && !sameKdf(*peeked, opened->state.lastKdf))
        return damaged();
    m_generation = opened->generation;
    m_loaded = true;
    return std::move(opened->state);
}

Status SecurityStateStore::save(const SecurityState& state, const SecureBytes& accountKey)
{
    // Refuse what could not be read back (a file that never loads again would lose every
    // other value in it too).
    bool writable = !state.lastKdf || state.lastKdf->salt.size() == KdfParams::kSaltSize;
    for (const auto& [id, f] : state.folders)
        writable = writable && (f.log.length == 0 || f.log.headHash.size() == kHashSize) &&
                   (f.stateHash.isEmpty() || f.stateHash.size() == kHashSize);
    for (const auto& [key, seen] : state.items)
        writable = writable && seen.revision > 0 && seen.hash.size() == kHashSize;
    if (!writable)
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    if (!m_loaded)
        return CryptoErrors::make(
            ErrorCode::Internal,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    const quint64 next = m_generation + 1;
    QSaveFile file(m_path);
    // Owner-only before the rename, on the temporary file: the file is never readable by others
    // (its content is encrypted either way), and nothing can fail after the commit, so a file
    // that was written always had its generation counted and no two files share one.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(seal(state, accountKey, m_accountId, next)) < 0 || !file.commit()) {
        qCWarning(lcCoreCrypto) << "security state not written:" << file.errorString();
        return CryptoErrors::make(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    }
    m_generation = next;
    return {};
}

} // namespace Conclave::Core
