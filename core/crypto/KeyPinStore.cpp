// Trust-on-first-use pins of identity keys.
#include "core/crypto/KeyPinStore.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

namespace {
constexpr quint32 kMaxPins = 1u << 20;

Error badKey()
{
    return CryptoErrors::make(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The identity key has the wrong size."),
        QStringLiteral("identityKey"));
}
} // namespace

Result<KeyPinStore::PinState> KeyPinStore::check(const QUuid& userId, QByteArrayView identityPublicKey)
{
    if (identityPublicKey.size() != UserKeys::kPublicKeySize)
        return badKey();
    auto it = m_pins.find(userId);
    if (it == m_pins.end()) {
        m_pins.emplace(userId, Pin{identityPublicKey.toByteArray(), {}});
        return PinState::PinnedNow;
    }
    if (it->second.key == identityPublicKey && it->second.pending.isEmpty())
        return PinState::Matches;
    if (it->second.key != identityPublicKey)
        it->second.pending = identityPublicKey.toByteArray();
    return CryptoErrors::make(
        ErrorCode::Denied,
        QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                          "This member's security key has changed. Sharing with them is "
                          "paused until a folder manager confirms the new safety "
                          "number."),
        QStringLiteral("identityKey"));
}

bool KeyPinStore::isBlocked(const QUuid& userId) const
{
    const auto it = m_pins.find(userId);
    return it != m_pins.end() && !it->second.pending.isEmpty();
}

QByteArray KeyPinStore::pinnedKey(const QUuid& userId) const
{
    const auto it = m_pins.find(userId);
    return it == m_pins.end() ? QByteArray() : it->second.key;
}

QByteArray KeyPinStore::pendingKey(const QUuid& userId) const
{
    const auto it = m_pins.find(userId);
    return it == m_pins.end() ? QByteArray() : it->second.pending;
}

Status KeyPinStore::confirmChange(const QUuid& userId, QByteArrayView identityPublicKey)
{
    auto it = m_pins.find(userId);
    if (it == m_pins.end() || it->second.pending.isEmpty() || it->second.pending != identityPublicKey)
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "This key is not the changed key waiting for confirmation."),
            QStringLiteral("identityKey"));
    it->second.key = it->second.pending;
    it->second.pending.clear();
    return {};
}

QByteArray KeyPinStore::serialize() const
{
    ByteWriter writer(DomainTags::kPinStore);
    writer.u32(quint32(m_pins.size()));
    for (const auto& [id, pin] : m_pins) {
        writer.uuid(id).fixed(pin.key).u8(pin.pending.isEmpty() ? 0 : 1);
        if (!pin.pending.isEmpty())
            writer.fixed(pin.pending);
    }
    return writer.bytes();
}

Result<KeyPinStore> KeyPinStore::parse(QByteArrayView bytes)
{
    const QString structure = QStringLiteral("pins");
    ByteReader reader(bytes, structure);
    reader.expectTag(DomainTags::kPinStore);
    const quint32 count = reader.u32();
    if (count > kMaxPins || qsizetype(count) > bytes.size())
        reader.fail(CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A length in the data is too large."), structure));
    KeyPinStore store;
    QUuid previous;
    for (quint32 i = 0; i < count && !reader.failed(); ++i) {
        const QUuid id = reader.uuid();
        Pin pin;
        pin.key = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
        const quint8 hasPending = reader.u8();
        if (hasPending > 1 || (i > 0 && !(previous < id)))
            reader.fail(CryptoErrors::make(
                ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The key pins are damaged."),
                structure));
        if (hasPending == 1)
            pin.pending = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
        previous = id;
        store.m_pins.emplace(id, std::move(pin));
    }
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    return store;
}

} // namespace Conclave::Core
