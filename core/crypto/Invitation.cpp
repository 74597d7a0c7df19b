// Invitation binding of an invitee's key bundle (first contact).
#include "core/crypto/Invitation.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/Sodium.h"
#include "core/crypto/UserKeys.h"

#include <sodium.h>

namespace Conclave::Core {

namespace {
const QString kField = QStringLiteral("invitation");

QByteArray macedPart(const Invitation::Binding& binding, const UserKeyBundle& bundle)
{
    return ByteWriter(DomainTags::kInvitationAnswer)
        .uuid(binding.invitationId)
        .uuid(binding.folderId)
        .uuid(binding.inviterId)
        .fixed(bundle.serialize())
        .bytes();
}
} // namespace

static_assert(sizeof(DomainTags::kInvitationAnswer) == 26);
static_assert(sizeof(DomainTags::kInvitationOffer) == 25);
static_assert(sizeof(DomainTags::kInvitationTerms) == 25);

Invitation Invitation::create(const Binding& binding)
{
    return Invitation(binding, InvitationCode::generate());
}

Invitation Invitation::restore(const Binding& binding, InvitationCode code)
{
    return Invitation(binding, std::move(code));
}

QByteArray Invitation::mac(const InvitationCode& code, const QUuid& invitationId, QByteArrayView maced)
{
    Sodium::ensure();
    const SecureBytes key = code.macKey(invitationId);
    QByteArray out(kMacSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), std::size_t(kMacSize),
                       reinterpret_cast<const unsigned char*>(maced.data()), std::size_t(maced.size()),
                       key.data(), key.size());
    return out;
}

QByteArray Invitation::offer(QByteArrayView inviterIdentityKey) const
{
    return offer(m_code, m_binding, inviterIdentityKey);
}

QByteArray Invitation::offer(const InvitationCode& code, const Binding& binding,
                             QByteArrayView inviterIdentityKey)
{
    Q_ASSERT(inviterIdentityKey.size() == UserKeys::kPublicKeySize);
    const QByteArray maced = ByteWriter(DomainTags::kInvitationOffer)
                                 .uuid(binding.invitationId)
                                 .uuid(binding.folderId)
                                 .uuid(binding.inviterId)
                                 .uuid(binding.inviteeId)
                                 .fixed(inviterIdentityKey)
                                 .bytes();
    return maced + mac(code, binding.invitationId, maced);
}

Result<Invitation::Binding> Invitation::acceptOffer(QByteArrayView offerBytes, const InvitationCode& code,
                                                    const QUuid& ownId, KeyPinStore& pins, quint64 timeMs)
{
    ByteReader reader(offerBytes, QStringLiteral("invitationOffer"));
    reader.expectTag(DomainTags::kInvitationOffer);
    Binding binding;
    binding.invitationId = reader.uuid();
    binding.folderId = reader.uuid();
    binding.inviterId = reader.uuid();
    binding.inviteeId = reader.uuid();
    const QByteArrayView inviterKey = reader.fixed(UserKeys::kPublicKeySize);
    const QByteArrayView presented = reader.fixed(kMacSize);
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    if (code.bytes().size() != InvitationCode::kSize) // moved from: its MAC key would be public
        return CryptoErrors::make(ErrorCode::InvalidInput,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "Enter the invitation code."),
                                  kField);
    if (binding.inviteeId != ownId || binding.inviterId == ownId)
        return CryptoErrors::make(
            ErrorCode::Denied,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "This invitation is meant for someone else."),
            kField);
    const QByteArray expected = mac(code, binding.invitationId, offerBytes.first(kOfferSize - kMacSize));
    if (sodium_memcmp(expected.constData(), presented.data(), std::size_t(kMacSize)) != 0)
        return CryptoErrors::make(ErrorCode::Crypto,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The invitation does not match the invitation code. "
                                                    "Either the code was mistyped or the server changed the "
                                                    "invitation; do not accept it until the code is checked "
                                                    "with the person who invited you."),
                                  kField);
    if (const Status pinned =
            pins.pinVerified(binding.inviterId, inviterKey, KeyPinStore::Origin::InvitationCode, timeMs);
        !pinned)
        return pinned.error();
    return binding;
}

QByteArray Invitation::answer(const InvitationCode& code, const Binding& binding,
                              const UserKeyBundle& ownBundle)
{
    const QByteArray maced = macedPart(binding, ownBundle);
    return maced + mac(code, binding.invitationId, maced);
}

Result<UserKeyBundle> Invitation::parseAnswer(QByteArrayView bytes, const QUuid& invitationId)
{
    const QString structure = QStringLiteral("invitationAnswer");
    ByteReader reader(bytes, structure);
    reader.expectTag(DomainTags::kInvitationAnswer);
    const QUuid id = reader.uuid();
    reader.uuid(); // folder
    reader.uuid(); // inviter
    const QByteArrayView bundleBytes = reader.fixed(UserKeyBundle::kSize);
    reader.fixed(kMacSize);
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    if (id != invitationId)
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "The answer belongs to a different invitation."),
            kField);
    return UserKeyBundle::parseAndVerify(bundleBytes);
}

QByteArray Invitation::signTerms(const Terms& terms, const UserKeys& inviter)
{
    const QByteArray email = terms.email.toUtf8();
    Q_ASSERT(terms.role != FolderRole::None && !email.isEmpty() && email.size() <= kMaxTermsEmailBytes &&
             terms.logLength > 0 && terms.expiresAtMs > 0);
    const QByteArray signedPart = ByteWriter(DomainTags::kInvitationTerms)
                                      .uuid(terms.binding.invitationId)
                                      .uuid(terms.binding.folderId)
                                      .uuid(terms.binding.inviterId)
                                      .uuid(terms.binding.inviteeId)
                                      .u8(quint8(terms.role))
                                      .u64(terms.logLength)
                                      .u64(terms.expiresAtMs)
                                      .blob(email)
                                      .bytes();
    return signedPart + inviter.sign(signedPart);
}

Result<Invitation::Terms> Invitation::openTerms(QByteArrayView bytes, QByteArrayView inviterIdentityKey)
{
    ByteReader reader(bytes, QStringLiteral("invitationTerms"));
    reader.expectTag(DomainTags::kInvitationTerms);
    Terms terms;
    terms.binding.invitationId = reader.uuid();
    terms.binding.folderId = reader.uuid();
    terms.binding.inviterId = reader.uuid();
    terms.binding.inviteeId = reader.uuid();
    const quint8 role = reader.u8();
    terms.logLength = reader.u64();
    terms.expiresAtMs = reader.u64();
    const QByteArrayView email = reader.blob(kMaxTermsEmailBytes);
    const QByteArrayView signedPart = reader.consumed();
    const QByteArrayView signature = reader.fixed(kSignatureSize);
    if (const Status parsed = reader.finish(); !parsed)
        return parsed.error();
    terms.role = FolderRole(role);
    terms.email = QString::fromUtf8(email);
    // Invalid UTF-8 would read as another address with replacement characters.
    if (role < quint8(FolderRole::View) || role > quint8(FolderRole::Manage) || email.isEmpty() ||
        terms.email.toUtf8() != email || terms.logLength == 0 || terms.expiresAtMs == 0)
        return CryptoErrors::make(ErrorCode::Protocol,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The invitation's terms name no role, no address, no "
                                                    "membership log position or no expiry."),
                                  kField);
    if (inviterIdentityKey.size() != UserKeys::kPublicKeySize ||
        !UserKeys::verify(inviterIdentityKey, signedPart, signature))
        return CryptoErrors::make(ErrorCode::Crypto,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The invitation's terms are not signed by the person who "
                                                    "invited."),
                                  kField);
    return terms;
}

Result<UserKeyBundle> Invitation::accept(QByteArrayView answerBytes, KeyPinStore& pins, quint64 timeMs)
{
    if (!isUsable())
        return CryptoErrors::make(ErrorCode::Denied,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "This invitation has already been used or was tried with "
                                                    "wrong codes too often. Create a new invitation."),
                                  kField);
    Result<UserKeyBundle> bundle = parseAnswer(answerBytes, m_binding.invitationId);
    if (!bundle)
        return bundle.error();
    const QByteArray maced = macedPart(m_binding, *bundle);
    const QByteArray expected = mac(m_code, m_binding.invitationId, maced);
    const QByteArrayView presented = answerBytes.last(kMacSize);
    // The MAC covers the binding as this client made it: an answer naming another folder or
    // inviter, or a bundle for another user, fails here like a wrong code.
    if (bundle->userId() != m_binding.inviteeId || answerBytes.first(maced.size()) != maced ||
        sodium_memcmp(expected.constData(), presented.data(), std::size_t(kMacSize)) != 0) {
        ++m_failedAttempts;
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "The invitation answer does not match the invitation code. "
                              "Either the code was mistyped or the server changed the "
                              "invitee's key; the member was not added."),
            kField);
    }
    if (const Status pinned = pins.pinVerified(bundle->userId(), bundle->identityPublicKey(),
                                               KeyPinStore::Origin::InvitationCode, timeMs);
        !pinned)
        return pinned.error();
    m_used = true;
    return bundle;
}

} // namespace Conclave::Core
