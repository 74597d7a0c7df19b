// InvitationCode: the secret the inviter's client makes for one invitation and the inviter
// passes on by another channel (read out, chat, in person). 100 random bits, shown as 20
// Crockford base32 characters in four groups ("7K2QD-M9XTR-..."): short enough to read out,
// and too many to guess even offline, so a server that records the invitee's answer (which
// carries a MAC keyed from the code) cannot recover the code and forge an answer for a key
// of its own. The server never sees the code.
// Bytes: the 100 bits big-endian in 13 bytes, the last 4 bits zero.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QString>
#include <QUuid>

namespace Conclave::Core {

class InvitationCode final
{
public:
    static constexpr int kSymbols = 20;
    static constexpr std::size_t kSize = 13;

    InvitationCode(InvitationCode&&) noexcept = default;
    InvitationCode& operator=(InvitationCode&&) noexcept = default;

    static InvitationCode generate();
    // Reads what the invitee typed: letters in either case, O read as 0, I and L as 1; spaces
    // and hyphens are ignored. Anything else, or not exactly 20 symbols, is refused.
    static Result<InvitationCode> parse(const QString& typed);
    static Result<InvitationCode> fromBytes(const SecureBytes& bytes);

    // "XXXXX-XXXXX-XXXXX-XXXXX", for display to the inviter only.
    QString text() const;
    const SecureBytes& bytes() const { return m_bytes; }
    // The MAC key of one invitation: BLAKE2b-256 over "conclave.invite.key.v1\0" ||
    // invitation id (16) || code bytes (13).
    SecureBytes macKey(const QUuid& invitationId) const;

private:
    explicit InvitationCode(SecureBytes bytes)
        : m_bytes(std::move(bytes))
    {}

    SecureBytes m_bytes;
};

} // namespace Conclave::Core
