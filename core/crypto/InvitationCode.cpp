// Invitation codes: generation, Crockford base32 text and the per-invitation MAC key.
#include "core/crypto/InvitationCode.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstring>

namespace Conclave::Core {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int symbolValue(QChar c)
{
    const char upper = c.toUpper().toLatin1();
    if (upper == 'O')
        return 0;
    if (upper == 'I' || upper == 'L')
        return 1;
    for (int i = 0; i < 32; ++i) {
        if (kAlphabet[i] == upper && upper != '\0')
            return i;
    }
    return -1;
}

int bitAt(const unsigned char* bytes, int bit)
{
    return (bytes[bit / 8] >> (7 - bit % 8)) & 1;
}

Error badCode()
{
    return CryptoErrors::make(ErrorCode::InvalidInput,
                              QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                "An invitation code has 20 letters and digits, like "
                                                "7K2QD-M9XTR-4HN6B-C0PWE."),
                              QStringLiteral("invitationCode"));
}
} // namespace

InvitationCode InvitationCode::generate()
{
    Sodium::ensure();
    SecureBytes bytes = SecureBytes::random(kSize);
    bytes.data()[kSize - 1] &= 0xf0;
    return InvitationCode(std::move(bytes));
}

Result<InvitationCode> InvitationCode::parse(const QString& typed)
{
    SecureBytes bytes(kSize);
    int symbols = 0;
    for (const QChar c : typed) {
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        const int value = symbolValue(c);
        if (value < 0 || symbols == kSymbols)
            return badCode();
        for (int b = 0; b < 5; ++b) {
            const int bit = symbols * 5 + b;
            if ((value >> (4 - b)) & 1)
                bytes.data()[bit / 8] |= static_cast<unsigned char>(0x80 >> (bit % 8));
        }
        ++symbols;
    }
    if (symbols != kSymbols)
        return badCode();
    return InvitationCode(std::move(bytes));
}

Result<InvitationCode> InvitationCode::fromBytes(const SecureBytes& bytes)
{
    if (bytes.size() != kSize || (bytes.data()[kSize - 1] & 0x0f) != 0)
        return badCode();
    return InvitationCode(bytes.clone());
}

QString InvitationCode::text() const
{
    QString out;
    for (int s = 0; s < kSymbols; ++s) {
        if (s > 0 && s % 5 == 0)
            out += QLatin1Char('-');
        int value = 0;
        for (int b = 0; b < 5; ++b)
            value = (value << 1) | bitAt(m_bytes.data(), s * 5 + b);
        out += QLatin1Char(kAlphabet[value]);
    }
    return out;
}

SecureBytes InvitationCode::macKey(const QUuid& invitationId) const
{
    Sodium::ensure();
    SecureBytes key(crypto_generichash_BYTES);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, key.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(DomainTags::kInvitationKey),
                              sizeof(DomainTags::kInvitationKey));
    const QByteArray id = invitationId.toRfc4122();
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(id.constData()),
                              std::size_t(id.size()));
    crypto_generichash_update(&state, m_bytes.data(), m_bytes.size());
    crypto_generichash_final(&state, key.data(), key.size());
    sodium_memzero(&state, sizeof state);
    return key;
}

} // namespace Conclave::Core
