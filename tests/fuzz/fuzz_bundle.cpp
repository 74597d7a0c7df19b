// libFuzzer target: user key bundles (as the server parses them on upload), invitation answers
// (the server's shape check), invitation offers (the invitee's check), an invitation's signed
// terms (the server's check on upload, another manager's before it takes over), key pin stores
// and the security-state store's header.
#include "core/crypto/DomainTags.h"
#include "core/crypto/Invitation.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/SecurityStateStore.h"
#include "core/crypto/UserKeyBundle.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    Result<UserKeyBundle> bundle = UserKeyBundle::parseAndVerify(bytes);
    if (bundle.ok() && bundle->serialize() != bytes)
        __builtin_trap(); // an accepted bundle must re-serialise to the same bytes
    Result<KeyPinStore> pins = KeyPinStore::parse(bytes);
    if (pins.ok()) {
        // v2 input re-serialises to itself; v1 input (migration) to v2 that reads back the same.
        const QByteArray again = pins->serialize();
        const QByteArrayView v2Tag(DomainTags::kPinStoreV2, qsizetype(sizeof(DomainTags::kPinStoreV2)));
        if (bytes.startsWith(v2Tag) && again != bytes)
            __builtin_trap();
        Result<KeyPinStore> reread = KeyPinStore::parse(again);
        if (!reread.ok() || reread->serialize() != again)
            __builtin_trap();
    }
    if (size >= 42) {
        const QUuid id = QUuid::fromRfc4122(bytes.sliced(26, 16));
        (void)Invitation::parseAnswer(bytes, id);
        (void)SecurityStateStore::peekKdf(bytes, QUuid::fromRfc4122(bytes.sliced(18, 16)));
    }
    if (size >= 89) {
        // The invitee's check of an offer, with the code of the vectors (protocol.md §10).
        static const InvitationCode code =
            InvitationCode::fromBytes(
                SecureBytes::fromView(QByteArray::fromHex("1032547698badcfe0123456780")))
                .value();
        KeyPinStore offerPins;
        (void)Invitation::acceptOffer(bytes, code, QUuid::fromRfc4122(bytes.sliced(73, 16)), offerPins, 0);
    }
    // Under alice's identity key of the vectors, which signed invite.terms.
    static const QByteArray alice =
        QByteArray::fromHex("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
    const Result<Invitation::Terms> terms = Invitation::openTerms(bytes, alice);
    if (terms.ok() && (terms->email.isEmpty() || terms->role == FolderRole::None || terms->logLength == 0 ||
                       terms->expiresAtMs == 0))
        __builtin_trap();
    return 0;
}
