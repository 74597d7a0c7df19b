// Trust-on-first-use pins of identity keys, how each was trusted, and who confirmed changes.
#include "core/crypto/KeyPinStore.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Fingerprint.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

namespace {
constexpr quint32 kMaxPins = 1u << 20;
const QString kField = QStringLiteral("identityKey");

Error badKey()
{
    return CryptoErrors::make(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The identity key has the wrong size."), kField);
}

Error keyChanged()
{
    return CryptoErrors::make(
        ErrorCode::Denied,
        QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                          "This member's security key has changed. Sharing with them is "
                          "paused until a folder manager confirms the new safety "
                          "number."),
        kField);
}

bool isVerified(KeyPinStore::Origin origin)
{
    return origin != KeyPinStore::Origin::FirstUse;
}
} // namespace

Result<KeyPinStore::PinState> KeyPinStore::check(const QUuid& userId, QByteArrayView identityPublicKey,
                                                 quint64 timeMs)
{
    if (identityPublicKey.size() != UserKeys::kPublicKeySize)
        return badKey();
    auto it = m_pins.find(userId);
    if (it == m_pins.end()) {
        Pin pin;
        pin.key = identityPublicKey.toByteArray();
        pin.timeMs = timeMs;
        m_pins.emplace(userId, std::move(pin));
        return PinState::PinnedNow;
    }
    if (it->second.key == identityPublicKey && it->second.pending.isEmpty())
        return PinState::Matches;
    if (it->second.key != identityPublicKey)
        it->second.pending = identityPublicKey.toByteArray();
    return keyChanged();
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

std::optional<KeyPinStore::Pin> KeyPinStore::pin(const QUuid& userId) const
{
    const auto it = m_pins.find(userId);
    if (it == m_pins.end())
        return std::nullopt;
    return it->second;
}

Status KeyPinStore::pinVerified(const QUuid& userId, QByteArrayView identityPublicKey, Origin origin,
                                quint64 timeMs)
{
    if (origin != Origin::InvitationCode && origin != Origin::SafetyNumber)
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "This is not a way to verify a member's key."),
            kField);
    if (identityPublicKey.size() != UserKeys::kPublicKeySize)
        return badKey();
    auto it = m_pins.find(userId);
    // An out-of-band binding outranks trust on first use: it replaces a first-use pin (which
    // may be a key the server made up). A key that was itself verified changes only through
    // confirmChange().
    if (it != m_pins.end() && it->second.key != identityPublicKey && isVerified(it->second.origin)) {
        it->second.pending = identityPublicKey.toByteArray();
        return keyChanged();
    }
    Pin& pin = m_pins[userId];
    if (pin.key == identityPublicKey && isVerified(pin.origin) && pin.pending.isEmpty())
        return {};
    pin = Pin{};
    pin.key = identityPublicKey.toByteArray();
    pin.origin = origin;
    pin.timeMs = timeMs;
    return {};
}

Status KeyPinStore::recordSafetyNumberMatch(const QUuid& userId, QByteArrayView identityPublicKey,
                                            const QString& comparedSafetyNumber, quint64 timeMs)
{
    if (identityPublicKey.size() != UserKeys::kPublicKeySize)
        return badKey();
    if (!Fingerprint::of(identityPublicKey).matchesSafetyNumber(comparedSafetyNumber))
        return CryptoErrors::make(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "The safety numbers do not match. Do not add this member: "
                              "the key the server showed is not theirs."),
            QStringLiteral("safetyNumber"));
    return pinVerified(userId, identityPublicKey, Origin::SafetyNumber, timeMs);
}

Status KeyPinStore::checkFirstContact(const QUuid& userId, QByteArrayView identityPublicKey) const
{
    const auto it = m_pins.find(userId);
    if (it == m_pins.end() || it->second.key != identityPublicKey || !it->second.pending.isEmpty() ||
        !isVerified(it->second.origin))
        return CryptoErrors::make(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "This member's key has not been verified. Use an invitation "
                              "code or compare safety numbers before adding them."),
            kField);
    return {};
}

Status KeyPinStore::confirmChange(const QUuid& userId, QByteArrayView identityPublicKey,
                                  const QUuid& confirmerId, const MembershipState& sharedFolder,
                                  quint64 timeMs)
{
    auto it = m_pins.find(userId);
    if (it == m_pins.end() || it->second.pending.isEmpty() || it->second.pending != identityPublicKey)
        return CryptoErrors::make(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "This key is not the changed key waiting for confirmation."),
            kField);
    if (confirmerId.isNull() || confirmerId == userId ||
        sharedFolder.roleOf(confirmerId) != FolderRole::Manage || !sharedFolder.isMember(userId))
        return CryptoErrors::make(ErrorCode::Denied,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "Only a manager of a folder shared with this member can "
                                                    "confirm their new key."),
                                  kField);
    // The folder state vouches for the confirmer only with the key this client knows for
    // them: a log the server wrote itself, under a manager's id but with a key of its own,
    // names that manager with another key and confirms nothing.
    const auto confirmer = m_pins.find(confirmerId);
    if (confirmer == m_pins.end() || !confirmer->second.pending.isEmpty() ||
        confirmer->second.key != sharedFolder.identityKeyOf(confirmerId))
        return CryptoErrors::make(ErrorCode::Denied,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The manager confirming this key is not known here with "
                                                    "the key the folder names for them."),
                                  kField);
    Pin& pin = it->second;
    pin.key = pin.pending;
    pin.pending.clear();
    pin.origin = Origin::ConfirmedChange;
    pin.timeMs = timeMs;
    pin.confirmedBy = confirmerId;
    pin.confirmedInFolder = sharedFolder.folderId();
    return {};
}

Status KeyPinStore::checkMembers(const MembershipState& state, quint64 timeMs)
{
    bool changed = false;
    for (const QUuid& member : state.members()) {
        if (!check(member, state.identityKeyOf(member), timeMs))
            changed = true; // keep going so every changed member is marked blocked
    }
    if (changed)
        return keyChanged();
    return {};
}

QByteArray KeyPinStore::serialize() const
{
    ByteWriter writer(DomainTags::kPinStoreV2);
    writer.u32(quint32(m_pins.size()));
    for (const auto& [id, pin] : m_pins) {
        writer.uuid(id).fixed(pin.key).u8(quint8(pin.origin)).u64(pin.timeMs);
        writer.uuid(pin.confirmedBy).uuid(pin.confirmedInFolder).u8(pin.pending.isEmpty() ? 0 : 1);
        if (!pin.pending.isEmpty())
            writer.fixed(pin.pending);
    }
    return writer.bytes();
}

Result<KeyPinStore> KeyPinStore::parse(QByteArrayView bytes)
{
    const QString structure = QStringLiteral("pins");
    const QByteArrayView v1Tag(DomainTags::kPinStore, qsizetype(sizeof(DomainTags::kPinStore)));
    const bool v1 = bytes.startsWith(v1Tag);
    ByteReader reader(bytes, structure);
    reader.expectTag(v1 ? DomainTags::kPinStore : DomainTags::kPinStoreV2);
    const quint32 count = reader.u32();
    if (count > kMaxPins || qsizetype(count) > bytes.size())
        reader.fail(CryptoErrors::make(
            ErrorCode::Corrupt,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A length in the data is too large."), structure));
    const Error damaged = CryptoErrors::make(
        ErrorCode::Corrupt, QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The key pins are damaged."),
        structure);
    KeyPinStore store;
    QUuid previous;
    for (quint32 i = 0; i < count && !reader.failed(); ++i) {
        const QUuid id = reader.uuid();
        Pin pin;
        pin.key = reader.fixed(UserKeys::kPublicKeySize).toByteArray();
        if (!v1) {
            const quint8 origin = reader.u8();
            pin.timeMs = reader.u64();
            pin.confirmedBy = reader.uuid();
            pin.confirmedInFolder = reader.uuid();
            if (origin < quint8(Origin::FirstUse) || origin > quint8(Origin::ConfirmedChange))
                reader.fail(damaged);
            pin.origin = Origin(origin);
            // Exactly one encoding: a confirmer and folder exactly for a confirmed change.
            const bool bothSet = !pin.confirmedBy.isNull() && !pin.confirmedInFolder.isNull();
            const bool noneSet = pin.confirmedBy.isNull() && pin.confirmedInFolder.isNull();
            if (pin.origin == Origin::ConfirmedChange ? !bothSet : !noneSet)
                reader.fail(damaged);
        }
        const quint8 hasPending = reader.u8();
        if (hasPending > 1 || (i > 0 && !(previous < id)))
            reader.fail(damaged);
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
