// Sealing, opening and storing the persistent security state.
#include "core/crypto/SecurityStateStore.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Sodium.h"
#include "core/util/FileSync.h"
#include "core/util/LogCategories.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <utility>
#include <vector>

namespace Conclave::Core {

namespace {
constexpr quint32 kMaxFolders = 1u << 16;
constexpr quint32 kMaxItems = 1u << 21;
constexpr quint32 kMaxPinBytes = 1u << 27;
constexpr qsizetype kHashSize = 32;
constexpr qsizetype kBodyOverhead = 16; // the Poly1305 tag
constexpr qsizetype kFolderRecord = 16 + 8 + kHashSize + 1 + 8 + kHashSize;
constexpr qsizetype kItemRecord = 16 + 16 + 8 + kHashSize;
constexpr qsizetype kChangeTagSize = qsizetype(sizeof(DomainTags::kSecurityStateChange));
// tag | u64 generation | nonce | u32 length, then the ciphertext.
constexpr qsizetype kChangeHeaderSize = kChangeTagSize + 8 + SecurityStateStore::kNonceSize + 4;
constexpr quint32 kMaxChangeBytes = 1u << 27;
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

using FolderRecord = SecurityState::FolderRecord;
using ItemKey = std::pair<QUuid, QUuid>;

void writeFolder(ByteWriter& w, const QUuid& id, const FolderRecord& f)
{
    const bool hasState = !f.stateHash.isEmpty();
    w.uuid(id).u64(f.log.length);
    w.fixed(f.log.length > 0 ? QByteArrayView(f.log.headHash) : QByteArrayView(QByteArray(kHashSize, '\0')));
    w.u8(hasState ? 1 : 0).u64(hasState ? f.writeSequence : 0);
    w.fixed(hasState ? QByteArrayView(f.stateHash) : QByteArrayView(QByteArray(kHashSize, '\0')));
}

void writeItem(ByteWriter& w, const ItemKey& key, const ItemReader::Seen& seen)
{
    w.uuid(key.first).uuid(key.second).u64(seen.revision).fixed(seen.hash);
}

// One folder record; `ok` turns false for a record with more than one encoding.
FolderRecord readFolder(ByteReader& r, QUuid& id, bool& ok)
{
    id = r.uuid();
    FolderRecord f;
    f.log.length = r.u64();
    f.log.headHash = r.fixed(kHashSize).toByteArray();
    const quint8 hasState = r.u8();
    f.writeSequence = r.u64();
    f.stateHash = r.fixed(kHashSize).toByteArray();
    // One encoding only: zeros where nothing was accepted.
    if (f.log.length == 0 && !isZero(f.log.headHash))
        ok = false;
    if (hasState > 1 || (hasState == 0 && (f.writeSequence != 0 || !isZero(f.stateHash))))
        ok = false;
    if (f.log.length == 0)
        f.log.headHash.clear();
    if (hasState == 0)
        f.stateHash.clear();
    return f;
}

ItemReader::Seen readItem(ByteReader& r, ItemKey& key, bool& ok)
{
    key.first = r.uuid();
    key.second = r.uuid();
    ItemReader::Seen seen;
    seen.revision = r.u64();
    seen.hash = r.fixed(kHashSize).toByteArray();
    if (seen.revision == 0)
        ok = false;
    return seen;
}

// Whether two records write the same bytes.
bool sameFolder(const FolderRecord& a, const FolderRecord& b)
{
    return a.log.length == b.log.length && (a.log.length == 0 || a.log.headHash == b.log.headHash) &&
           a.stateHash == b.stateHash && (a.stateHash.isEmpty() || a.writeSequence == b.writeSequence);
}

bool sameItem(const ItemReader::Seen& a, const ItemReader::Seen& b)
{
    return a.revision == b.revision && a.hash == b.hash;
}

QByteArray body(const SecurityState& state)
{
    ByteWriter w(DomainTags::kSecurityStateBody);
    const QByteArray pins = state.pins.serialize();
    // One allocation for the whole body: a record per item makes it long (72 bytes each).
    w.reserve(qsizetype(std::strlen(DomainTags::kSecurityStateBody)) + 1 + 4 + pins.size() + 4 +
              qsizetype(state.folders.size()) * kFolderRecord + 4 +
              qsizetype(state.items.size()) * kItemRecord);
    w.blob(pins);
    w.u32(quint32(state.folders.size()));
    for (const auto& [id, f] : state.folders)
        writeFolder(w, id, f);
    w.u32(quint32(state.items.size()));
    for (const auto& [key, seen] : state.items)
        writeItem(w, key, seen);
    return w.bytes();
}

// Refused at save(): a value that could not be read back (a file that never loads again would
// lose every other value in it too).
bool writableFolder(const FolderRecord& f)
{
    return (f.log.length == 0 || f.log.headHash.size() == kHashSize) &&
           (f.stateHash.isEmpty() || f.stateHash.size() == kHashSize);
}

bool writableItem(const ItemReader::Seen& seen)
{
    return seen.revision > 0 && seen.hash.size() == kHashSize;
}

Error unwritable()
{
    return CryptoErrors::make(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."), kStructure);
}

// What changed from one state to the next, pointing into the newer one.
struct Change
{
    std::vector<std::pair<QUuid, const FolderRecord*>> folders;
    std::vector<QUuid> removedFolders;
    std::vector<std::pair<ItemKey, const ItemReader::Seen*>> items;
    std::vector<ItemKey> removedItems;
};

// Both maps are sorted: one pass over both.
template<typename Map, typename Same, typename Set, typename Removed>
void diffMaps(const Map& before, const Map& after, Same same, Set& set, Removed& removed)
{
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        // Most keys are in both: equality is much cheaper than QUuid's ordering.
        if (a != after.end() && b != before.end() && a->first == b->first) {
            if (!same(b->second, a->second))
                set.push_back({a->first, &a->second});
            ++a;
            ++b;
        } else if (a == after.end() || (b != before.end() && b->first < a->first)) {
            removed.push_back(b->first);
            ++b;
        } else {
            set.push_back({a->first, &a->second});
            ++a;
        }
    }
}

Change diff(const SecurityState& before, const SecurityState& after)
{
    Change change;
    diffMaps(before.folders, after.folders, sameFolder, change.folders, change.removedFolders);
    diffMaps(before.items, after.items, sameItem, change.items, change.removedItems);
    return change;
}

// The same change from the records accept*() touched (SecurityState::touched), without a
// pass over every record: a touched record is set when it differs from the saved one, and
// removed when it is gone.
template<typename Keys, typename Map, typename Same, typename Set, typename Removed>
void touchedMaps(const Keys& keys, const Map& before, const Map& after, Same same, Set& set, Removed& removed)
{
    for (const auto& key : keys) {
        const auto now = after.find(key);
        const auto was = before.find(key);
        if (now == after.end()) {
            if (was != before.end())
                removed.push_back(key);
        } else if (was == before.end() || !same(was->second, now->second)) {
            set.push_back({key, &now->second});
        }
    }
}

Change touchedChange(const SecurityState& before, const SecurityState& after)
{
    Change change;
    touchedMaps(after.touched.folders, before.folders, after.folders, sameFolder, change.folders,
                change.removedFolders);
    touchedMaps(after.touched.items, before.items, after.items, sameItem, change.items, change.removedItems);
    return change;
}

[[maybe_unused]] bool sameChange(const Change& a, const Change& b)
{
    auto sameSets = [](const auto& x, const auto& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const auto& p, const auto& q) {
            return p.first == q.first && p.second == q.second;
        });
    };
    return sameSets(a.folders, b.folders) && sameSets(a.items, b.items) &&
           a.removedFolders == b.removedFolders && a.removedItems == b.removedItems;
}

QByteArray changeBody(const Change& change)
{
    ByteWriter w(DomainTags::kSecurityStateChangeBody);
    w.reserve(qsizetype(sizeof(DomainTags::kSecurityStateChangeBody)) + 16 +
              qsizetype(change.folders.size()) * kFolderRecord +
              qsizetype(change.removedFolders.size()) * 16 + qsizetype(change.items.size()) * kItemRecord +
              qsizetype(change.removedItems.size()) * 32);
    w.u32(quint32(change.folders.size()));
    for (const auto& [id, f] : change.folders)
        writeFolder(w, id, *f);
    w.u32(quint32(change.removedFolders.size()));
    for (const QUuid& id : change.removedFolders)
        w.uuid(id);
    w.u32(quint32(change.items.size()));
    for (const auto& [key, seen] : change.items)
        writeItem(w, key, *seen);
    w.u32(quint32(change.removedItems.size()));
    for (const ItemKey& key : change.removedItems)
        w.uuid(key.first).uuid(key.second);
    return w.bytes();
}

// A change record's sets and removals, checked: each list strictly ascending, no key both set
// and removed, every removed key held. Applies nothing unless all of it is sound.
bool applyChange(QByteArrayView plain, SecurityState& state)
{
    ByteReader r(plain, kStructure);
    r.expectTag(DomainTags::kSecurityStateChangeBody);
    bool ok = true;
    std::vector<std::pair<QUuid, FolderRecord>> folders;
    const quint32 folderCount = r.u32();
    if (folderCount > kMaxFolders)
        return false;
    for (quint32 i = 0; i < folderCount && !r.failed(); ++i) {
        QUuid id;
        FolderRecord f = readFolder(r, id, ok);
        if (!folders.empty() && !(folders.back().first < id))
            ok = false;
        folders.emplace_back(id, std::move(f));
    }
    std::vector<QUuid> removedFolders;
    const quint32 removedFolderCount = r.u32();
    if (removedFolderCount > kMaxFolders)
        return false;
    for (quint32 i = 0; i < removedFolderCount && !r.failed(); ++i) {
        const QUuid id = r.uuid();
        if ((!removedFolders.empty() && !(removedFolders.back() < id)) || !state.folders.count(id))
            ok = false;
        removedFolders.push_back(id);
    }
    std::vector<std::pair<ItemKey, ItemReader::Seen>> items;
    const quint32 itemCount = r.u32();
    if (itemCount > kMaxItems)
        return false;
    for (quint32 i = 0; i < itemCount && !r.failed(); ++i) {
        ItemKey key;
        ItemReader::Seen seen = readItem(r, key, ok);
        if (!items.empty() && !(items.back().first < key))
            ok = false;
        items.emplace_back(key, std::move(seen));
    }
    std::vector<ItemKey> removedItems;
    const quint32 removedItemCount = r.u32();
    if (removedItemCount > kMaxItems)
        return false;
    for (quint32 i = 0; i < removedItemCount && !r.failed(); ++i) {
        ItemKey key;
        key.first = r.uuid();
        key.second = r.uuid();
        if ((!removedItems.empty() && !(removedItems.back() < key)) || !state.items.count(key))
            ok = false;
        removedItems.push_back(key);
    }
    if (!r.finish() || !ok)
        return false;
    for (const QUuid& id : removedFolders) {
        if (std::binary_search(folders.begin(), folders.end(), std::make_pair(id, FolderRecord()),
                               [](const auto& a, const auto& b) { return a.first < b.first; }))
            return false;
    }
    for (const ItemKey& key : removedItems) {
        if (std::binary_search(items.begin(), items.end(), std::make_pair(key, ItemReader::Seen()),
                               [](const auto& a, const auto& b) { return a.first < b.first; }))
            return false;
    }
    for (const QUuid& id : removedFolders)
        state.folders.erase(id);
    for (const ItemKey& key : removedItems)
        state.items.erase(key);
    for (auto& [id, f] : folders)
        state.folders.insert_or_assign(id, std::move(f));
    for (auto& [key, seen] : items)
        state.items.insert_or_assign(key, std::move(seen));
    return state.folders.size() <= kMaxFolders && state.items.size() <= kMaxItems;
}

QByteArray changeAd(const QUuid& accountId, quint64 generation, QByteArrayView baseNonce,
                    QByteArrayView previousMac)
{
    ByteWriter w(DomainTags::kSecurityStateChange);
    w.uuid(accountId).u64(generation).fixed(baseNonce).fixed(previousMac);
    return w.bytes();
}

QByteArray sealChange(const Change& change, const SecureBytes& storeKey, const QUuid& accountId,
                      quint64 generation, const SecurityStateStore::Journal& journal)
{
    const QByteArray ad = changeAd(accountId, generation, journal.baseNonce, journal.lastMac);
    QByteArray plain = changeBody(change);
    const qsizetype cipherSize = plain.size() + kBodyOverhead;
    QByteArray record(kChangeHeaderSize + cipherSize, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(record.data());
    std::memcpy(out, DomainTags::kSecurityStateChange, std::size_t(kChangeTagSize));
    qToBigEndian(generation, out + kChangeTagSize);
    unsigned char* nonce = out + kChangeTagSize + 8;
    randombytes_buf(nonce, std::size_t(SecurityStateStore::kNonceSize));
    qToBigEndian(quint32(cipherSize), nonce + SecurityStateStore::kNonceSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + SecurityStateStore::kNonceSize + 4, nullptr,
                                               reinterpret_cast<const unsigned char*>(plain.constData()),
                                               std::size_t(plain.size()),
                                               reinterpret_cast<const unsigned char*>(ad.constData()),
                                               std::size_t(ad.size()), nullptr, nonce, storeKey.data());
    secureWipe(plain);
    return record;
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
    qsizetype end = 0; // where the base ends and its change records begin
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
    // What follows the base is its change records.
    if (r.failed())
        return damaged();
    h.end = r.position();
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
        QUuid id;
        FolderRecord f = readFolder(r, id, ok);
        if (previousFolder && !(*previousFolder < id))
            ok = false;
        previousFolder = id;
        state.folders.emplace(id, std::move(f));
    }
    const quint32 items = r.u32();
    if (items > kMaxItems)
        r.fail(damaged());
    std::optional<ItemKey> previousItem;
    for (quint32 i = 0; i < items && !r.failed(); ++i) {
        ItemKey key;
        ItemReader::Seen seen = readItem(r, key, ok);
        if (previousItem && !(*previousItem < key))
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
    Result<SecurityState> state = parseBody(plain);
    secureWipe(plain);
    if (!state)
        return state.error();
    Opened opened{std::move(state).value(), h->generation, {}};
    opened.state.lastKdf = h->kdf;
    Journal& journal = opened.journal;
    journal.baseGeneration = h->generation;
    journal.baseNonce = h->nonce.toByteArray();
    journal.lastMac = h->ciphertext.last(kBodyOverhead).toByteArray();
    journal.baseEnd = journal.end = h->end;

    // The change records, each the next generation, chained to the base and the one before.
    // Every record that opens is applied; the first one that does not, and everything after
    // it, is not part of the state: a write that did not finish, in whatever shape the disk
    // kept it. Taking records off the end this way is no more than cutting the file short,
    // which the remembered generation below catches.
    while (journal.end < bytes.size()) {
        const QByteArrayView rest = bytes.sliced(journal.end);
        if (rest.size() < kChangeHeaderSize)
            break;
        ByteReader r(rest.first(kChangeHeaderSize), kStructure);
        r.expectTag(DomainTags::kSecurityStateChange);
        const quint64 generation = r.u64();
        const QByteArrayView nonce = r.fixed(kNonceSize);
        const quint32 cipherSize = r.u32();
        if (r.failed() || generation != opened.generation + 1 || cipherSize < kBodyOverhead ||
            cipherSize > kMaxChangeBytes || rest.size() < kChangeHeaderSize + qsizetype(cipherSize))
            break;
        const QByteArrayView cipher = rest.sliced(kChangeHeaderSize, cipherSize);
        const QByteArray ad = changeAd(accountId, generation, journal.baseNonce, journal.lastMac);
        QByteArray change(qsizetype(cipherSize) - kBodyOverhead, Qt::Uninitialized);
        const bool opens =
            crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char*>(change.data()), nullptr, nullptr,
                reinterpret_cast<const unsigned char*>(cipher.data()), std::size_t(cipher.size()),
                reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()),
                reinterpret_cast<const unsigned char*>(nonce.data()), key.data()) == 0;
        if (!opens)
            break;
        // Authenticated, so written by this account's store: one that breaks the rules is
        // damage, not an unfinished write.
        const bool applied = applyChange(change, opened.state);
        secureWipe(change);
        if (!applied)
            return damaged();
        opened.generation = generation;
        journal.lastMac = cipher.last(kBodyOverhead).toByteArray();
        journal.end += kChangeHeaderSize + qsizetype(cipherSize);
        ++journal.changes;
    }
    // Authenticated: the generation is what this client wrote. Older than remembered means
    // a copy was written back (or a change record taken off its end).
    if (opened.generation < minGeneration)
        return CryptoErrors::make(ErrorCode::Corrupt,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The saved security state is older than the one this "
                                                    "computer last wrote; an old copy was put back. Sharing "
                                                    "stays stopped until it is resolved."),
                                  kStructure);
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
{
    static std::atomic<quint64> stores{0};
    m_id = ++stores;
}

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
    if (!m_exists)
        return !file.exists();
    if (!file.open(QIODevice::ReadOnly) || file.size() != m_fileSize)
        return false;
    // Only the fixed start of the base: tag, account id, generation, and its nonce.
    const QByteArray head = file.read(kHeaderSize + kNonceSize);
    if (head.size() != kHeaderSize + kNonceSize)
        return false;
    ByteReader r(head, kStructure);
    r.expectTag(DomainTags::kSecurityState);
    const QUuid accountId = r.uuid();
    const quint64 generation = r.u64();
    return !r.failed() && accountId == m_accountId && generation == m_journal.baseGeneration &&
           head.sliced(kHeaderSize) == m_journal.baseNonce;
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
        m_exists = false;
        m_saved = SecurityState();
        m_savedPins.clear();
        m_journal = Journal();
        m_fileSize = 0;
        ++m_saves;
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
    m_exists = true;
    m_saved = opened->state;
    m_savedPins = m_saved.pins.serialize();
    m_journal = opened->journal;
    m_fileSize = file.size();
    ++m_saves; // what a state object touched before counts from another file
    return std::move(opened->state);
}

Status SecurityStateStore::save(const SecurityState& state, const SecureBytes& accountKey)
{
    if (!m_loaded)
        return CryptoErrors::make(
            ErrorCode::Internal,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    if (!isCurrent()) {
        qCWarning(lcCoreCrypto) << "security state not written: the file changed since it was read";
        return CryptoErrors::make(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    }
    if ((state.lastKdf && state.lastKdf->salt.size() != KdfParams::kSaltSize) ||
        state.folders.size() > kMaxFolders || state.items.size() > kMaxItems)
        return unwritable();
    const quint64 next = m_generation + 1;
    QByteArray pins = state.pins.serialize();
    if (pins.size() > qsizetype(kMaxPinBytes))
        return unwritable();
    const qsizetype journalBytes = m_journal.end - m_journal.baseEnd;
    const bool whole = !m_exists || pins != m_savedPins || !sameKdf(state.lastKdf, m_saved.lastKdf) ||
                       m_journal.changes >= kMaxChanges ||
                       journalBytes > std::max(kMinJournalBytes, m_journal.baseEnd / 2);
    if (!whole) {
        bool tooLarge = false;
        Status appended = append(state, accountKey, next, tooLarge);
        if (!tooLarge)
            return appended;
    }
    bool writable = true;
    for (const auto& [id, f] : state.folders)
        writable = writable && writableFolder(f);
    for (const auto& [key, seen] : state.items)
        writable = writable && writableItem(seen);
    if (!writable)
        return unwritable();
    return rewrite(state, std::move(pins), accountKey, next);
}

void SecurityStateStore::savedObject(const SecurityState& state)
{
    state.touched.markAll();
    state.touched.all = false;
    state.touched.store = m_id;
    state.touched.save = ++m_saves;
}

Status SecurityStateStore::append(const SecurityState& state, const SecureBytes& accountKey,
                                  quint64 generation, bool& tooLarge)
{
    auto notSaved = [](const QString& why) {
        qCWarning(lcCoreCrypto) << "security state change not written:" << why;
        return CryptoErrors::make(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    };
    // Only the records the state's accept*() calls touched, when this store saved this object
    // last and nothing else changed it; otherwise every record is compared.
    const bool tracked = !state.touched.all && state.touched.store == m_id && state.touched.save == m_saves;
    const Change change = tracked ? touchedChange(m_saved, state) : diff(m_saved, state);
#if !defined(QT_NO_DEBUG)
    Q_ASSERT_X(!tracked || sameChange(change, diff(m_saved, state)), "SecurityStateStore::save",
               "a change to the security state was made past accept*() without markAllChanged()");
#endif
    bool writable = true;
    for (const auto& [id, f] : change.folders)
        writable = writable && writableFolder(*f);
    for (const auto& [key, seen] : change.items)
        writable = writable && writableItem(*seen);
    if (!writable)
        return unwritable();
    // A change as large as the limit on the records (a first sync's) goes into a new base.
    const qsizetype changeBytes =
        qsizetype(change.folders.size()) * kFolderRecord + qsizetype(change.removedFolders.size()) * 16 +
        qsizetype(change.items.size()) * kItemRecord + qsizetype(change.removedItems.size()) * 32;
    if (m_journal.end - m_journal.baseEnd + changeBytes > std::max(kMinJournalBytes, m_journal.baseEnd / 2)) {
        tooLarge = true;
        return {};
    }
    if (changeBytes + qsizetype(sizeof(DomainTags::kSecurityStateChangeBody)) + 16 + kBodyOverhead >
        qsizetype(kMaxChangeBytes)) {
        tooLarge = true;
        return {};
    }
    const QByteArray record = sealChange(change, deriveKey(accountKey), m_accountId, generation, m_journal);
    QFile file(m_path);
    // A record cut short by an earlier failed write is not part of the state: the new one
    // goes where the last whole record ended.
    // Owner-only again if someone changed that, as a new base would be.
    // What an unfinished write left after the last record goes first, so that no part of it
    // can follow the new record on the disk.
    const bool leftOver = m_fileSize != m_journal.end;
    if (!file.open(QIODevice::ReadWrite) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        (leftOver && (!file.resize(m_journal.end) || !syncFile(file))) || !file.seek(m_journal.end) ||
        file.write(record) != record.size() || !syncFile(file))
        return notSaved(file.errorString());
    file.close();
    for (const QUuid& id : change.removedFolders)
        m_saved.folders.erase(id);
    for (const ItemKey& key : change.removedItems)
        m_saved.items.erase(key);
    for (const auto& [id, f] : change.folders)
        m_saved.folders.insert_or_assign(id, *f);
    for (const auto& [key, seen] : change.items)
        m_saved.items.insert_or_assign(key, *seen);
    m_journal.lastMac = record.last(kBodyOverhead);
    m_journal.end += record.size();
    ++m_journal.changes;
    m_fileSize = m_journal.end;
    m_generation = generation;
    savedObject(state);
    return {};
}

Status SecurityStateStore::rewrite(const SecurityState& state, QByteArray pins, const SecureBytes& accountKey,
                                   quint64 generation)
{
    const QByteArray sealed = seal(state, accountKey, m_accountId, generation);
    QSaveFile file(m_path);
    // Owner-only before the rename, on the temporary file: the file is never readable by others
    // (its content is encrypted either way), and nothing can fail after the commit, so a file
    // that was written always had its generation counted and no two files share one.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(sealed) < 0 ||
        !file.commit()) {
        qCWarning(lcCoreCrypto) << "security state not written:" << file.errorString();
        return CryptoErrors::make(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The security state could not be saved."),
            kStructure);
    }
    // The new file's entry on disk before the caller counts its generation (KnownAccounts, in
    // the same directory): else a crash could bring back the older file behind a newer count.
    if (!syncDirectoryOf(m_path))
        qCWarning(lcCoreCrypto) << "the security state's directory was not synced to disk";
    m_generation = generation;
    m_exists = true;
    m_saved = state;
    m_savedPins = std::move(pins);
    m_journal = Journal();
    m_journal.baseGeneration = generation;
    m_journal.baseNonce = sealed.sliced(kHeaderSize, kNonceSize);
    m_journal.lastMac = sealed.last(kBodyOverhead);
    m_journal.baseEnd = m_journal.end = m_fileSize = sealed.size();
    savedObject(state);
    return {};
}

} // namespace Conclave::Core
