// Invitation: the first-contact binding of DESIGN §6. The inviter's client creates an
// invitation (public binding + secret InvitationCode) and shows the code, which the inviter
// passes on by another channel. The invitee's client answers with its key bundle and a MAC
// keyed from the code over the binding and the bundle; the server only stores and relays the
// answer's bytes (it can check their shape with parseAnswer(), never the MAC). The inviter's
// client accepts the answer only if the MAC verifies, then pins the key as verified, which is
// what KeyPinStore::checkFirstContact() asks for before *add* is signed. Each invitation is
// used at most once: a valid answer consumes it, and after kMaxFailedAttempts wrong MACs it is
// void (the inviter makes a new one).
// The inviter is authenticated to the invitee the same way: the server relays an *offer*
// carrying the inviter's identity key under a MAC keyed from the code, and the invitee's
// client pins that key (origin InvitationCode) before it answers, so a folder the server
// writes in the inviter's name with a key of its own is caught by the invitee too.
// Offer layout (153 bytes): tag "conclave.invite.offer.v1\0" (25) | invitation id (16) |
//   folder id (16) | inviter id (16) | invitee id (16) | inviter identity key (32) | MAC (32)
//   = BLAKE2b-256 keyed with InvitationCode::macKey(invitation id) over bytes 0-120.
// Answer layout (269 bytes): tag "conclave.invite.answer.v1\0" (26) | invitation id (16) |
//   folder id (16) | inviter id (16) | invitee bundle (163, UserKeyBundle) | MAC (32) =
//   BLAKE2b-256 keyed with InvitationCode::macKey(invitation id) over bytes 0-236.
// Terms layout (174 + n bytes): tag "conclave.invite.terms.v2\0" (25) | invitation id (16) |
//   folder id (16) | inviter id (16) | invitee id (16) | role (u8) | log length (u64) | expiry
//   (u64, ms since epoch) | invitee address (u32 big-endian length n, 1-1024, then its UTF-8
//   bytes) | Ed25519 signature (64) by the inviter's identity key over everything before it.
//   All integers big-endian; log length and expiry are never 0.
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/crypto/InvitationCode.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class KeyPinStore;
class UserKeys;

class Invitation final
{
public:
    static constexpr qsizetype kMacSize = 32;
    static constexpr qsizetype kAnswerSize = 26 + 16 + 16 + 16 + UserKeyBundle::kSize + kMacSize;
    static constexpr qsizetype kOfferSize = 25 + 4 * 16 + 32 + kMacSize;
    static constexpr int kMaxFailedAttempts = 3;
    static constexpr qsizetype kSignatureSize = 64;
    static constexpr quint32 kMaxTermsEmailBytes = 1024;
    static constexpr qsizetype kMinTermsSize = 25 + 4 * 16 + 1 + 8 + 8 + 4 + 1 + kSignatureSize;
    static constexpr qsizetype kMaxTermsSize = kMinTermsSize - 1 + kMaxTermsEmailBytes;

    // What both sides know in the clear (the server too): which invitation, to which folder,
    // from whom, for whom.
    struct Binding
    {
        QUuid invitationId;
        QUuid folderId;
        QUuid inviterId;
        QUuid inviteeId;

        bool operator==(const Binding&) const = default;
    };

    // What the inviter decided: who is invited (the address as the server keeps and lists
    // it) to which role, until when, and at which point of the folder's membership log.
    // Signed by the inviter and stored by the server with the invitation, so another manager's
    // client that completes it adds the member with the role the inviter chose, for the address
    // the inviter typed, only before the invitation expired and only while the invitee's
    // membership is as the inviter saw it; not what the server lists.
    struct Terms
    {
        Binding binding;
        FolderRole role = FolderRole::None;
        QString email;
        // The length of the folder's verified membership log when the inviter signed.
        quint64 logLength = 0;
        // The invitation's expiry; the server keeps and lists it as the invitation's own.
        quint64 expiresAtMs = 0;

        // Whether these terms are those of `offered`, for `invitedRole` and `invitedEmail`.
        bool names(const Binding& offered, FolderRole invitedRole, const QString& invitedEmail) const
        {
            return binding == offered && role == invitedRole && email == invitedEmail;
        }
        bool operator==(const Terms&) const = default;
    };

    Invitation(Invitation&&) noexcept = default;
    Invitation& operator=(Invitation&&) noexcept = default;

    // Inviter: a fresh invitation with a random code.
    static Invitation create(const Binding& binding);
    // Inviter: the invitation of `binding` again with the code kept for it on this computer
    // (PendingInvitationStore), after a restart of the client.
    static Invitation restore(const Binding& binding, InvitationCode code);
    const Binding& binding() const { return m_binding; }
    const InvitationCode& code() const { return m_code; }
    // A moved-from invitation holds no code (its MAC key would be public) and is never usable.
    bool isUsable() const
    {
        return !m_used && m_failedAttempts < kMaxFailedAttempts &&
               m_code.bytes().size() == InvitationCode::kSize;
    }

    // Inviter: the offer the server relays to the invitee with the invitation, binding the
    // inviter's identity key (32 bytes) to the binding under the code.
    QByteArray offer(QByteArrayView inviterIdentityKey) const;
    static QByteArray offer(const InvitationCode& code, const Binding& binding,
                            QByteArrayView inviterIdentityKey);
    // Invitee: checks the relayed offer with the code the user typed and the invitee's own
    // id; on success pins the inviter's identity key with origin InvitationCode and returns
    // the binding to answer. A mistyped code, an offer for someone else or any byte the
    // server changed is refused and pins nothing.
    static Result<Binding> acceptOffer(QByteArrayView offerBytes, const InvitationCode& code,
                                       const QUuid& ownId, KeyPinStore& pins, quint64 timeMs);

    // Invitee: the answer for the code the inviter passed on, over the binding as the server
    // described it. A binding the server falsified (another folder, inviter or invitee) gives
    // an answer the inviter refuses.
    static QByteArray answer(const InvitationCode& code, const Binding& binding,
                             const UserKeyBundle& ownBundle);
    // Anyone (the server on upload): layout and bundle signature, for `invitationId`. Says
    // nothing about who made the bundle; only the MAC does.
    static Result<UserKeyBundle> parseAnswer(QByteArrayView bytes, const QUuid& invitationId);

    // Inviter: the terms signed with the inviter's identity key. `terms.role` is View, Edit or
    // Manage, `terms.email` at most kMaxTermsEmailBytes in UTF-8, log length and expiry not 0.
    static QByteArray signTerms(const Terms& terms, const UserKeys& inviter);
    // Anyone (the server on upload, another manager before it takes an invitation over): the
    // layout, a role that exists, an address that is not empty, a log length and an expiry that
    // are not 0, and the signature under
    // `inviterIdentityKey` (32 bytes). Whether the terms are those of the invitation at hand
    // is the caller's comparison (Terms ==, every field).
    static Result<Terms> openTerms(QByteArrayView bytes, QByteArrayView inviterIdentityKey);

    // Inviter: checks the answer against this invitation and its code and, if it verifies,
    // pins the invitee's identity key with origin InvitationCode and consumes the invitation.
    Result<UserKeyBundle> accept(QByteArrayView answerBytes, KeyPinStore& pins, quint64 timeMs);

private:
    Invitation(const Binding& binding, InvitationCode code)
        : m_binding(binding)
        , m_code(std::move(code))
    {}

    static QByteArray mac(const InvitationCode& code, const QUuid& invitationId, QByteArrayView macedPart);

    Binding m_binding;
    InvitationCode m_code;
    bool m_used = false;
    int m_failedAttempts = 0;
};

} // namespace Conclave::Core
